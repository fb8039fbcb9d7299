/** Attendances by the values of one column (breakdowns and filter option counts). */
import {ident, whereSql} from './filters';

/** Inputs of `breakdownQuery`. */
export interface BreakdownParams {
  column: string;
  where: string;
}

/** Rows (code, n), largest first, ties by code; NULL codes become 'unknown'. */
export function breakdownQuery({column, where}: BreakdownParams): string {
  const c = ident(column);
  return `SELECT COALESCE(CAST(${c} AS VARCHAR), 'unknown') AS code, CAST(SUM(n) AS DOUBLE) AS n
FROM incidents ${whereSql(where)} GROUP BY 1 ORDER BY n DESC, code`;
}
