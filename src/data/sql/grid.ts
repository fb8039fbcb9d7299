/** Attendances by weekday and hour (the 168-cell grid). */
import {and, ident, whereSql} from './filters';
import {weekdayColumn} from './clauses';

/** Inputs of `gridQuery`. */
export interface GridParams {
  where: string;
  night: boolean;
  /** Table to read: `incidents` (default) or a rollup that holds every column the query reads. */
  from?: string;
}

/** Rows (dow 1-7 ISO, night-of aware; hour 0-23; n) for rows with a recorded hour. */
export function gridQuery({where, night, from = 'incidents'}: GridParams): string {
  return `SELECT ${weekdayColumn(night)} AS dow, "hour" AS h, CAST(SUM(n) AS DOUBLE) AS n
FROM ${ident(from)} ${whereSql(and(where, '"hour" IS NOT NULL'))} GROUP BY 1, 2 ORDER BY 1, 2`;
}

/**
 * `gridQuery` and `unknownHourQuery` in one scan: the grid's rows, then one row with `h` NULL
 * (and `dow` NULL) holding the attendances with no recorded hour, when there are any.
 */
export function gridWithUnknownQuery({where, night, from = 'incidents'}: GridParams): string {
  return `SELECT CASE WHEN "hour" IS NULL THEN NULL ELSE ${weekdayColumn(night)} END AS dow,
  "hour" AS h, CAST(SUM(n) AS DOUBLE) AS n
FROM ${ident(from)} ${whereSql(where)} GROUP BY 1, 2 ORDER BY 1 NULLS LAST, 2`;
}

/** Attendances with no recorded hour under the same filter (the grid cannot place them). */
export function unknownHourQuery(where: string, from = 'incidents'): string {
  return `SELECT CAST(COALESCE(SUM(n), 0) AS DOUBLE) AS n FROM ${ident(from)}
${whereSql(and(where, '"hour" IS NULL'))}`;
}
