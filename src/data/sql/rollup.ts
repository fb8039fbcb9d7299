/** Pre-aggregated copies of `incidents` that views read instead when their filters allow. */
import {and, ident, int, tableIn, whereSql} from './filters';
import {enumInSql} from './normalize';

/** Attendances at licensed premises, or at any premises named in the data. */
export const LICENSED_SQL = `(${enumInSql('location_type', ['licensed_premises'])} OR premises_id IS NOT NULL)`;

/** The rollup of licensed-premises rows (see `ROLLUPS`). */
export const PREMISES_ROLLUP = 'incidents_premises';

/** A pre-aggregated table: attendances summed over every column but these. */
export interface Rollup {
  name: string;
  columns: readonly string[];
  /**
   * Only the rows matching this predicate (a premises rollup holds licensed-premises rows only):
   * such a rollup answers a query only when the query asks for it, see `sourceTable`.
   */
  where?: string;
  /** A coarser rollup is built from a finer one (faster than from every row), not `incidents`. */
  from?: string;
}

/**
 * `dow`, `ndate` and `ndow` follow from date and hour, so every date, hour, weekday and night-of
 * clause reads the same on a rollup as on `incidents`.
 */
const BY_HOUR = ['date', 'hour', 'location_type', 'dow', 'ndate', 'ndow'];

/**
 * The rollups, smallest first. Incidents rows are nearly one attendance each, so only a few low-
 * cardinality columns shrink them: at 10M rows (2021-2025), date x hour x location type has ~330k
 * combinations and adding the local authority ~1.8M, where adding the H3 cell, the weapon or the
 * premises leaves 6-10M (measured on the synthetic generator's data).
 */
export const ROLLUPS: readonly Rollup[] = [
  // Built from the local-authority rollup: at 10M rows 0.2 s instead of 0.9 s from incidents.
  {name: 'incidents_by_hour', columns: BY_HOUR, from: 'incidents_by_hour_lad'},
  // At 10M rows, 1.6M rows name premises and this keeps 1.3M: the ranking, its sparklines and the
  // map's premises read it instead of scanning every row.
  {name: PREMISES_ROLLUP, columns: [...BY_HOUR, 'premises_id'], where: LICENSED_SQL},
  {name: 'incidents_by_hour_lad', columns: [...BY_HOUR, 'lad_code']},
];

/** Whether `table` is a rollup of licensed-premises rows only (all its rows match `LICENSED_SQL`). */
export function holdsOnlyLicensed(table: string): boolean {
  return ROLLUPS.some((r) => r.name === table && r.where === LICENSED_SQL);
}

/** The rollups in an order to build them: each after the one it is built `from`. */
export function buildOrder(): Rollup[] {
  const done: Rollup[] = [];
  const pending = [...ROLLUPS];
  while (pending.length) {
    const i = pending.findIndex((r) => !r.from || done.some((d) => d.name === r.from));
    if (i < 0) throw new Error('rollups built from one another in a cycle');
    done.push(...pending.splice(i, 1));
  }
  return done;
}

/**
 * Build rollup `target` (with `rollup`'s columns, in database `catalog` when given) from the
 * incidents table `source`, in date order: a date filter then skips whole row groups. Only the
 * date: ordering by every key as well took a quarter longer (natively, one thread, at 10M rows
 * 2.3-3.2 s against 1.8-1.9 s for the three rollups) and no query gains from it.
 */
export function rollupQuery(rollup: Rollup, target: string, source: string, catalog?: string): string {
  return `CREATE OR REPLACE TABLE ${tableIn(target, catalog)} AS\n${rollupSelect(rollup, source)}`;
}

/** The rows of rollup `rollup` from `source`, of the dates `dates` only when given. */
function rollupSelect(rollup: Rollup, source: string, dates?: string): string {
  const keys = rollup.columns.map(ident).join(', ');
  const order = rollup.columns.includes('date') ? ident('date') : keys;
  return `SELECT ${keys}, CAST(SUM(n) AS BIGINT) AS n FROM ${ident(source)} ${whereSql(and(rollup.where, dates))}
GROUP BY ${keys} ORDER BY ${order}`;
}

/** The name a rollup is built under in the background, before it takes its own (`rollupBuildSteps`). */
export function buildingName(rollup: Rollup): string {
  return `_building_${rollup.name}`;
}

/**
 * A stand-in for rollup `rollup` while it is not built yet: a view of the `incidents` rows it
 * would sum (in database `catalog` when given). Every query that may read a rollup sums `n` over
 * columns that `incidents` has too, so it gives the same numbers on the view, at the cost of a
 * scan of `incidents`; and its SQL, the views' cache key, stays the same when the table takes
 * the view's place. So the views draw without waiting for the rollups, and do not query again.
 */
export function rollupViewQuery(rollup: Rollup, catalog?: string): string {
  return `CREATE VIEW ${tableIn(rollup.name, catalog)} AS
SELECT * FROM ${tableIn('incidents', catalog)} ${whereSql(rollup.where ?? '')}`;
}

/**
 * Drop the tables a background build left part-built (see rollupBuildSteps): after a failed step,
 * and before a load replaces the dataset they were built from.
 */
export function dropBuildingQuery(): string {
  return ROLLUPS.map((r) => `DROP TABLE IF EXISTS ${ident(buildingName(r))}`).join(';\n');
}

/** The most steps a background build of one rollup takes (see rollupBuildSteps). */
export const MAX_BUILD_STEPS = 12;

/**
 * The statements that build rollup `rollup` in place of its view (`rollupViewQuery`), for the
 * views' queries to run between: the table under another name, a year or so of dates at a time
 * over the dataset's `years` (the date is one of its keys, so no sum spans two steps, and the rows
 * stay in date order), then the view dropped and the table renamed in one call, so no query runs
 * in between. At 1M rows one statement for the local authorities' rollup took 0.7 s, and an
 * interaction in the meantime waited that long. Each step skips the row groups outside its dates
 * when `incidents` is stored roughly in date order (files by year, as the generator writes them);
 * otherwise each scans every row, and the build in the background takes longer.
 */
export function rollupBuildSteps(
  rollup: Rollup,
  years: {first: number; last: number},
  catalog?: string,
): string[] {
  const building = tableIn(buildingName(rollup), catalog);
  const source = rollup.from ?? 'incidents';
  const parts = rollup.columns.includes('date') ? yearSteps(years) : ['TRUE'];
  const steps = parts.map((dates, i) =>
    i === 0
      ? `CREATE OR REPLACE TABLE ${building} AS\n${rollupSelect(rollup, source, dates)}`
      : `INSERT INTO ${building}\n${rollupSelect(rollup, source, dates)}`,
  );
  steps.push(`DROP VIEW ${tableIn(rollup.name, catalog)};
ALTER TABLE ${building} RENAME TO ${ident(rollup.name)}`);
  return steps;
}

/**
 * The dates of each step of a build in steps over the years `first`..`last` (see
 * `rollupBuildSteps`), as predicates on `date` that together hold every row once: a year or so
 * each, or one step (TRUE) for a single year.
 */
export function yearSteps(years: {first: number; last: number}): string[] {
  const bounds = yearBounds(years.first, years.last);
  return Array.from({length: bounds.length + 1}, (_, i) =>
    and(
      i > 0 && `date >= DATE '${int(bounds[i - 1])}-01-01'`,
      i < bounds.length && `date < DATE '${int(bounds[i])}-01-01'`,
    ),
  );
}

/**
 * The years at which the steps over `first`..`last` split (each step's dates start on 1 January
 * of one of them): every year, or fewer where there are more than MAX_BUILD_STEPS.
 */
function yearBounds(first: number, last: number): number[] {
  const span = last - first + 1;
  if (!Number.isInteger(span) || span < 2) return [];
  const parts = Math.min(span, MAX_BUILD_STEPS);
  return Array.from({length: parts - 1}, (_, i) => first + Math.round(((i + 1) * span) / parts));
}

/**
 * The table a query should read: the smallest of the built `rollups` that holds every column the
 * query reads (`null`: unknown columns, so only `incidents` will do), else `incidents`. A rollup of
 * some rows only (`where`) is a candidate only when `licensedOnly` says the query itself keeps
 * nothing but rows matching `LICENSED_SQL`.
 */
export function sourceTable(
  rollups: readonly string[],
  columns: readonly string[] | null,
  licensedOnly = false,
): string {
  if (columns === null) return 'incidents';
  const fits = ROLLUPS.find(
    (r) =>
      rollups.includes(r.name) &&
      (r.where === undefined || (licensedOnly && r.where === LICENSED_SQL)) &&
      columns.every((c) => r.columns.includes(c)),
  );
  return fits?.name ?? 'incidents';
}
