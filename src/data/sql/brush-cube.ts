/**
 * Pre-aggregation for the active interaction, the date brush (after Mosaic's data cube indexes):
 * a view's attendances summed per calendar month and per the view's own keys, under every filter
 * but the dates. While the user brushes again with the other filters unchanged, the view sums the
 * months of the new range from this small table instead of scanning `incidents`.
 *
 * Only the views with no rollup to read have one: the map's hexagons and the person breakdowns,
 * whose keys (the H3 cell, the person columns) leave a rollup as big as `incidents`. Binned by
 * month instead of by day, with the other filters applied, at 10M rows the hexagons' cube at
 * resolution 8 holds 0.45M rows and the breakdowns' 0.05M (natively, with no filter), where the
 * date range alone leaves millions of rows to scan.
 */
import {addDays} from '../period';
import type {DateRange} from './clauses';
import {dateColumn} from './clauses';
import {and, dateLiteral, ident, whereSql} from './filters';
import {h3CellSql} from './h3';
import {yearSteps} from './rollup';

/** What a cube sums: output column → SQL over `incidents`, under `where`, by month of `night`'s date. */
export interface CubeSpec {
  keys: readonly (readonly [name: string, sql: string])[];
  where: string;
  night: boolean;
}

/** The cube's month column: the first day of the month of the row's date (night-of aware). */
export const BIN = 'bin';

/**
 * The statements building cube `table` (a temporary table) in steps of a year or so of stored
 * dates (see `yearSteps`), for the views' queries to run between. With night-of attribution a
 * month's rows may fall in two steps (a night of 31 December runs into 1 January): the cube then
 * holds two rows of one month and key, which every reader sums.
 */
export function cubeBuildSteps(
  table: string,
  spec: CubeSpec,
  years: {first: number; last: number},
): string[] {
  const keys = spec.keys.map(([name, sql]) => `${sql} AS ${ident(name)}`).join(', ');
  const month = `CAST(date_trunc('month', ${dateColumn(spec.night)}) AS DATE)`;
  return yearSteps(years).map((dates, i) => {
    const select = `SELECT ${month} AS ${BIN}, ${keys}, CAST(SUM(n) AS BIGINT) AS n
FROM incidents ${whereSql(and(spec.where, dates))} GROUP BY ALL`;
    return i === 0
      ? `CREATE OR REPLACE TEMP TABLE ${ident(table)} AS\n${select}`
      : `INSERT INTO ${ident(table)}\n${select}`;
  });
}

/**
 * The predicate on a cube's `bin` that keeps exactly the rows of `range`, or null when the range
 * cuts a month: then only `incidents` has the answer. An end past the data's (`period`, by stored
 * date; night-of dates start a day earlier) needs no bound.
 */
export function cubeBinsSql(
  range: DateRange | undefined,
  period: {start: string; end: string},
  night: boolean,
): string | null {
  const from = range?.from;
  const to = range?.to;
  const first = night ? addDays(period.start, -1) : period.start;
  let lower: string | null = null;
  if (from && from > first) {
    if (!from.endsWith('-01')) return null;
    lower = `${BIN} >= ${dateLiteral(from)}`;
  }
  let upper: string | null = null;
  if (to && to < period.end) {
    if (addDays(to, 1).slice(8) !== '01') return null;
    upper = `${BIN} <= ${dateLiteral(`${to.slice(0, 7)}-01`)}`;
  }
  return and(lower, upper);
}

/** The cube of the map's hexagons at `resolution` (see hotspots.ts `hexQuery`). */
export function hexCubeSpec(resolution: number, where: string, night: boolean): CubeSpec {
  return {
    keys: [
      ['cell', h3CellSql(resolution)],
      ['loc', 'location_type'],
    ],
    where: and(where, 'h3 IS NOT NULL'),
    night,
  };
}

/** The cube of the breakdowns of `columns` under one predicate (see breakdown.ts `breakdownsQuery`). */
export function breakdownsCubeSpec(
  columns: readonly string[],
  where: string,
  night: boolean,
): CubeSpec {
  return {keys: [...new Set(columns)].map((c) => [c, ident(c)] as const), where, night};
}

/** A view's cube to read: the table, and `cubeBinsSql`'s predicate for the dates asked for. */
export interface CubeRead {
  table: string;
  bins: string;
}
