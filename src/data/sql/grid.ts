/** Attendances by weekday and hour (the 168-cell grid). */
import {and, whereSql} from './filters';
import {weekdayColumn} from './clauses';

/** Inputs of `gridQuery`. */
export interface GridParams {
  where: string;
  night: boolean;
}

/** Rows (dow 1-7 ISO, night-of aware; hour 0-23; n) for rows with a recorded hour. */
export function gridQuery({where, night}: GridParams): string {
  return `SELECT ${weekdayColumn(night)} AS dow, "hour" AS h, CAST(SUM(n) AS DOUBLE) AS n
FROM incidents ${whereSql(and(where, '"hour" IS NOT NULL'))} GROUP BY 1, 2 ORDER BY 1, 2`;
}

/** Attendances with no recorded hour under the same filter (the grid cannot place them). */
export function unknownHourQuery(where: string): string {
  return `SELECT CAST(COALESCE(SUM(n), 0) AS DOUBLE) AS n FROM incidents
${whereSql(and(where, '"hour" IS NULL'))}`;
}
