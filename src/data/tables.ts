/** Raw tables of a dataset being loaded: sort them by role, check them, build the final tables. */
import type {Row} from './connector';
import type {LoaderDb} from './load-dataset';
import type {DatasetProblem} from './manifest';
import {COMPRESS_FROM_ROWS_OVERRIDE} from './mode';
import {markStage, ROLLUPS_BUILT} from './progress';
import {ident} from './sql/filters';
import {appendIncidentsQuery, createIncidentsQuery, INCIDENTS} from './sql/normalize';
import {
  codesQuery,
  datasetSummaryQuery,
  emptyLookupQuery,
  normalisePremisesQuery,
  normaliseSitesQuery,
  siteNamesQuery,
} from './sql/normalize-lookups';
import {buildOrder, ROLLUPS, rollupBuildSteps, rollupQuery, sourceTable} from './sql/rollup';
import {replaceTablesQuery, rollupTablesQuery} from './sql/swap';
import {screenKey} from './screen';
import {
  duplicateKeysQuery,
  incidentChecks,
  lookupChecks,
  outsidePeriodQuery,
  valueChecksQuery,
} from './sql/validation';
import {columnProblems, type DescribedColumn} from './validate';

/** Which contract table a file holds. */
export type Role = 'incidents' | 'premises' | 'sites';

/** A decoded file inserted as-is into a staging table. */
export interface RawTable {
  file: string;
  table: string;
  columns: DescribedColumn[];
  role: Role | null;
}

const NEXT = '_next_';
/** The tables every load builds, replacing the old dataset's. */
const FINAL = [INCIDENTS, 'premises', 'sites'] as const;
/** Every table a load may build under `NEXT` (the rollups when it builds them itself). */
const BUILT = [...FINAL, ...ROLLUPS.map((r) => r.name)];

/** A check's finding, in words: `problem: 3 row(s), e.g. "x"`. */
function badRows(problem: unknown, rows: unknown, example: unknown): string {
  return `${String(problem)}: ${String(rows)} row(s), e.g. "${String(example)}"`;
}

/** The warning about a file's rows dated outside the manifest's period. */
function outsidePeriod(
  file: string,
  outside: {rows: unknown; first: unknown; last: unknown},
  period: {start: string; end: string},
): string {
  return `${file}: ${String(outside.rows)} row(s) dated ${String(outside.first)} to ${String(outside.last)}, outside the manifest's period (${period.start} to ${period.end}); they are counted, and the period shown includes them.`;
}

/** Guess a bare file's role from its columns; null when it is none of them. */
export function classifyColumns(columns: readonly DescribedColumn[]): Role | null {
  const has = new Set(columns.map((c) => c.name));
  if (has.has('n') && has.has('date')) return 'incidents';
  if (has.has('premises_id') && has.has('name')) return 'premises';
  if (has.has('site_code') && has.has('name')) return 'sites';
  return null;
}

/** Check every raw table's columns and values; collects problems and period warnings. */
export async function checkRaw(
  db: LoaderDb,
  raws: readonly RawTable[],
  period: {start: string; end: string} | undefined,
): Promise<{problems: DatasetProblem[]; warnings: string[]; usable: Map<string, Set<string>>}> {
  const problems: DatasetProblem[] = [];
  const warnings: string[] = [];
  const usable = new Map<string, Set<string>>();
  for (const raw of raws) {
    if (!raw.role) continue;
    const checked = columnProblems(raw.file, raw.role, raw.columns);
    problems.push(...checked.problems);
    usable.set(raw.table, checked.usable);
    if (checked.problems.length) continue;
    if (raw.role !== 'incidents') {
      warnings.push(...(await lookupWarnings(db, {...raw, role: raw.role}, checked.usable)));
      continue;
    }
    const failed = await db.query(valueChecksQuery(raw.table, incidentChecks(checked.usable)));
    for (const f of failed) {
      problems.push({
        file: raw.file,
        column: String(f.column_name),
        message: badRows(f.problem, f.bad_rows, f.example),
      });
    }
    if (period && !failed.some((f) => f.column_name === 'date')) {
      const [o] = await db.query(outsidePeriodQuery(raw.table, period.start, period.end));
      if (Number(o.bad_rows) > 0) {
        warnings.push(outsidePeriod(raw.file, {rows: o.bad_rows, first: o.first, last: o.last}, period));
      }
    }
  }
  const once = (role: Role) => raws.filter((r) => r.role === role);
  for (const role of ['premises', 'sites'] as const) {
    if (once(role).length > 1) {
      problems.push({file: once(role)[1].file, message: `a second ${role} file; give only one`});
    }
  }
  return {problems, warnings, usable};
}

/** Warnings about a premises or sites file's values (see validation.ts `lookupChecks`). */
async function lookupWarnings(
  db: LoaderDb,
  raw: RawTable & {role: 'premises' | 'sites'},
  usable: ReadonlySet<string>,
): Promise<string[]> {
  const failed = await db.query(valueChecksQuery(raw.table, lookupChecks(raw.role, usable)));
  const warnings = failed.map(
    (f) => `${raw.file}: ${String(f.column_name)}: ${badRows(f.problem, f.bad_rows, f.example)}.`,
  );
  const key = raw.role === 'premises' ? 'premises_id' : 'site_code';
  if (!usable.has(key)) return warnings;
  const [d] = await db.query(duplicateKeysQuery(raw.table, key));
  if (Number(d.bad_keys) > 0) {
    warnings.push(
      `${raw.file}: ${key}: ${d.bad_keys} value(s) given to more than one row, e.g. "${d.example}"; the first row of each is used.`,
    );
  }
  return warnings;
}

/**
 * The value checks of one incidents file, run chunk by chunk (the loader never holds a whole
 * file in DuckDB) and reported as `checkRaw` would report them for the whole file.
 */
export class IncidentChecks {
  #failed = new Map<number, {column: string; problem: string; example: string; rows: number}>();
  #outside = {rows: 0, first: '', last: ''};

  constructor(
    private readonly file: string,
    private readonly usable: ReadonlySet<string>,
    private readonly period: {start: string; end: string} | undefined,
  ) {}

  /**
   * Check one chunk, loaded as `table`. `passed`: the screens (see screen.ts) the decoder found
   * every row of it to pass; DuckDB runs the other checks, which count and give examples.
   */
  async check(db: LoaderDb, table: string, passed: readonly string[] = []): Promise<void> {
    const all = incidentChecks(this.usable);
    const run = all.filter((c) => !(c.screen && passed.includes(screenKey(c.screen))));
    const failed = run.length ? await db.query(valueChecksQuery(table, run)) : [];
    for (const f of failed) {
      const i = all.indexOf(run[Number(f.check_index)]);
      const seen = this.#failed.get(i);
      const example = String(f.example);
      this.#failed.set(i, {
        column: String(f.column_name),
        problem: String(f.problem),
        example: seen && seen.example < example ? seen.example : example,
        rows: (seen?.rows ?? 0) + Number(f.bad_rows),
      });
    }
    if (!this.period) return;
    const [o] = await db.query(outsidePeriodQuery(table, this.period.start, this.period.end));
    this.#addOutside(Number(o.bad_rows), String(o.first), String(o.last));
  }

  /**
   * Count a chunk the decoder prepared (see prepare.ts): it passed every check, and `outside`
   * are its rows dated outside the period given to the decoder (the manifest's).
   */
  prepared(outside: {rows: number; first: string; last: string}): void {
    if (this.period) this.#addOutside(outside.rows, outside.first, outside.last);
  }

  #addOutside(rows: number, first: string, last: string): void {
    if (rows === 0) return;
    const had = this.#outside.rows > 0;
    this.#outside = {
      rows: this.#outside.rows + rows,
      first: had && this.#outside.first < first ? this.#outside.first : first,
      last: had && this.#outside.last > last ? this.#outside.last : last,
    };
  }

  /** Whether any chunk so far failed a check. */
  get failed(): boolean {
    return this.#failed.size > 0;
  }

  /** The file's problems, in check order. */
  problems(): DatasetProblem[] {
    return [...this.#failed]
      .sort((a, b) => a[0] - b[0])
      .map(([, f]) => ({
        file: this.file,
        column: f.column,
        message: badRows(f.problem, f.rows, f.example),
      }));
  }

  /** Rows outside the manifest's period (a warning), unless the dates themselves failed. */
  warnings(): string[] {
    const dateFailed = [...this.#failed.values()].some((f) => f.column === 'date');
    if (!this.period || dateFailed || this.#outside.rows === 0) return [];
    return [outsidePeriod(this.file, this.#outside, this.period)];
  }
}

/** What the views need to know about the loaded incidents. */
export interface TableSummary {
  period: {start: string; end: string};
  rows: number;
  attendances: number;
  hasHours: boolean;
  ladCodes: string[];
  sites: {code: string; name: string}[];
  /**
   * Pre-aggregated tables beside `incidents` (see sql/rollup.ts), views of `incidents` until
   * `buildRollups` has run.
   */
  rollups: string[];
  /**
   * The statements that build the rollups in place of their views, in order, one at a time
   * (see rollupBuildSteps).
   */
  buildRollups: string[];
}

/**
 * Datasets of at least this many rows keep `incidents` and its rollups compressed (`db.store`).
 * Measured with `npm run bench`'s datasets: at 10M rows compression halved the renderer's peak
 * memory (1,980 to 1,050 MiB) and the load took about as long (43-47 s against 44-45 s); at 1M
 * rows it saved little memory (660 MiB either way) and added 1.2-2.9 s to a 10 s load.
 */
export const COMPRESS_FROM_ROWS = 3_000_000;

/**
 * The rows of a dataset being loaded, for `storeFor`, when file `current` (of `rows` rows) is
 * the first incidents file to be stored: the known rows of the files named as incidents
 * (`roles`), this file's count for those not opened yet. Bare files (no role) are known only as
 * each is read, so they count this file alone.
 */
export function datasetRows(
  roles: readonly (Role | null)[],
  known: readonly (number | undefined)[],
  current: number,
  rows: number,
): number {
  let total = 0;
  for (const [i, role] of roles.entries()) {
    if (role === 'incidents' || i === current) total += i === current ? rows : (known[i] ?? rows);
  }
  return total;
}

/** Where to create the tables of a dataset of about `rows` rows: `db.store` or the default. */
export function storeFor(db: LoaderDb, rows: number): string | undefined {
  return rows >= (COMPRESS_FROM_ROWS_OVERRIDE ?? COMPRESS_FROM_ROWS) ? db.store : undefined;
}

/**
 * Append one checked chunk of incidents to the next `incidents`, which the first creates (in
 * database `store` when given): a raw table, cast and derived by DuckDB, or the Arrow stream of
 * a chunk the decoder prepared (see prepare.ts). The loader drops each raw table as soon as it
 * is in: at 10M rows the raw tables alone would not fit beside the final one in wasm memory.
 */
export async function appendIncidents(
  db: LoaderDb,
  chunk: {table: string} | {ipc: Uint8Array},
  first: boolean,
  store?: string,
): Promise<void> {
  const target = NEXT + INCIDENTS;
  if (first) await db.query(createIncidentsQuery(target, store));
  if ('ipc' in chunk) await db.insertArrow(target, chunk.ipc, true);
  else await db.query(appendIncidentsQuery(target, chunk.table));
}

/** Drop whatever a failed load left of the next dataset's tables. */
export async function dropNextTables(db: LoaderDb): Promise<void> {
  for (const t of BUILT) await db.query(`DROP TABLE IF EXISTS ${ident(NEXT + t)}`);
}

/**
 * When to build the rollups (none: naive mode): `now`, in the load, or `later`, in the
 * background once the views have drawn (`TableSummary.buildRollups`), while views of `incidents`
 * stand in for them. Later suits a dataset small enough to scan quickly. Measured with
 * `npm run bench` (medians of 3 to 6 runs): at 1M rows the dashboard drew 0.5-0.8 s sooner
 * (6.3 s against 6.8-7.1 s); at 10M rows the views' first queries on `incidents` took as long
 * as building the rollups had (22.9 s to every view drawn either way), and the rollups were
 * then ready 2.4 s later than before.
 */
export type RollupTiming = 'now' | 'later' | 'none';

/** The timing for a dataset stored in `store` (see storeFor): a compressed one is big. */
export function rollupTiming(naive: boolean, store: string | undefined): RollupTiming {
  if (naive) return 'none';
  return store === undefined ? 'later' : 'now';
}

/** The first and last year of a dataset, from its summary (`datasetSummaryQuery`). */
function years(summary: Row): {first: number; last: number} {
  return {first: Number(String(summary.first_date).slice(0, 4)), last: Number(String(summary.last_date).slice(0, 4))};
}

/**
 * Build the final tables from the appended incidents and the checked premises and sites raw
 * tables, with the rollups (in database `store`, beside `incidents`) at `rollups`' timing,
 * replacing the previous dataset's.
 */
export async function finishTables(
  db: LoaderDb,
  raws: readonly RawTable[],
  usable: ReadonlyMap<string, Set<string>>,
  options: {rollups: RollupTiming; store?: string},
): Promise<TableSummary> {
  try {
    for (const role of ['premises', 'sites'] as const) {
      const raw = raws.find((r) => r.role === role);
      const build = role === 'premises' ? normalisePremisesQuery : normaliseSitesQuery;
      await db.query(
        raw
          ? build(NEXT + role, raw.table, usable.get(raw.table) ?? new Set())
          : emptyLookupQuery(NEXT + role, role),
      );
    }
    const [s] = await db.query(datasetSummaryQuery(NEXT + INCIDENTS));
    if (Number(s.row_count) === 0) {
      return {period: {start: '', end: ''}, rows: 0, attendances: 0, hasHours: false, ladCodes: [], sites: [], rollups: [], buildRollups: []};
    }
    // Built in the load, the rollups are built before anything of the old dataset is replaced:
    // if a build fails (out of memory, at 10M rows), the old dataset is still whole.
    if (options.rollups === 'now') {
      for (const r of buildOrder()) {
        await db.query(rollupQuery(r, NEXT + r.name, NEXT + (r.from ?? INCIDENTS), options.store));
      }
    }
    // The lists the filters offer, from the tables about to replace the old ones: everything
    // that may fail runs before the replace, which a failure would leave the old dataset's
    // description over the new tables. Local authorities from the smallest table that has
    // them (at 10M rows: 1.8M rows, not 10M).
    const built = options.rollups === 'now' ? ROLLUPS.map((r) => r.name) : [];
    const lads = await db.query(codesQuery(NEXT + sourceTable(built, ['lad_code']), 'lad_code'));
    const sites = await db.query(siteNamesQuery(NEXT + INCIDENTS, NEXT + 'sites'));
    // The old dataset's rollups are tables, or views where their build had not finished. (Asked
    // only after an earlier load: the catalog's first query took ~90 ms in DuckDB-WASM.)
    const oldRollupTables = db.loadedBefore
      ? (await db.query(rollupTablesQuery())).map((r) => ({
          database: String(r.database),
          schema: String(r.schema),
          name: String(r.name),
        }))
      : [];
    await db.query(
      replaceTablesQuery({next: NEXT, tables: FINAL, rollups: options.rollups, oldRollupTables, store: options.store}),
    );
    const rollups = options.rollups === 'none' ? [] : ROLLUPS.map((r) => r.name);
    if (options.rollups === 'now') markStage(ROLLUPS_BUILT);
    return {
      period: {start: String(s.first_date), end: String(s.last_date)},
      rows: Number(s.row_count),
      attendances: Number(s.attendances),
      hasHours: Number(s.rows_with_hour) > 0,
      ladCodes: lads.map((r) => String(r.code)),
      sites: sites.map((r) => ({code: String(r.code), name: String(r.name)})),
      rollups,
      buildRollups:
        options.rollups === 'later'
          ? buildOrder().flatMap((r) => rollupBuildSteps(r, years(s), options.store))
          : [],
    };
  } finally {
    await dropNextTables(db);
  }
}
