/** The headline figures: total, the previous equal period, and rows left out for unknown hour. */
import {and, ident, whereSql} from './filters';

/** Inputs of `headlineQuery`. */
export interface HeadlineParams {
  /** Every clause except the date range and the hour window. */
  base: string;
  /** The current date range predicate. */
  current: string;
  /** The previous equal period's predicate, or null when the data do not cover it. */
  previous: string | null;
  /** The hour-window predicate, or null when no window is set. */
  hours: string | null;
  /** Table to read: `incidents` (default) or a rollup that holds every column the clauses read. */
  from?: string;
}

/** One row: total, previous (NULL when not computed), unknown_hour (rows left out by the window). */
export function headlineQuery({base, current, previous, hours, from = 'incidents'}: HeadlineParams): string {
  const sum = (p: string) => `CAST(COALESCE(SUM(n) FILTER (WHERE ${p}), 0) AS DOUBLE)`;
  return `SELECT
  ${sum(and(current, hours))} AS total,
  ${previous ? sum(and(previous, hours)) : 'CAST(NULL AS DOUBLE)'} AS previous,
  ${hours ? sum(and(current, 'hour IS NULL')) : 'CAST(0 AS DOUBLE)'} AS unknown_hour
FROM ${ident(from)} ${whereSql(base)}`;
}
