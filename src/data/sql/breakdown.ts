/** Attendances by the values of one column (breakdowns and filter option counts). */
import {ident, literal, whereSql} from './filters';

/** Inputs of `breakdownQuery`. */
export interface BreakdownParams {
  column: string;
  where: string;
  /** Table to read: `incidents` (default) or a rollup that holds every column the query reads. */
  from?: string;
}

/** Rows (code, n), largest first, ties by code; NULL codes become 'unknown'. */
export function breakdownQuery({column, where, from = 'incidents'}: BreakdownParams): string {
  const c = ident(column);
  return `SELECT COALESCE(CAST(${c} AS VARCHAR), 'unknown') AS code, CAST(SUM(n) AS DOUBLE) AS n
FROM ${ident(from)} ${whereSql(where)} GROUP BY 1 ORDER BY n DESC, code`;
}

/**
 * Several breakdowns under one predicate in one scan (GROUPING SETS): rows (dim, code, n) where
 * `dim` is the key of `columns`, each dimension's rows in `breakdownQuery`'s order.
 */
export function breakdownsQuery({
  columns,
  where,
}: {
  columns: Record<string, string>;
  where: string;
}): string {
  const dims = Object.entries(columns);
  if (dims.length === 0) return `SELECT NULL AS dim, NULL AS code, NULL AS n WHERE FALSE`;
  const which = dims
    .map(([key, column]) => `WHEN grouping(${ident(column)}) = 0 THEN ${literal(key)}`)
    .join(' ');
  const code = dims
    .map(([, column]) => `WHEN grouping(${ident(column)}) = 0 THEN CAST(${ident(column)} AS VARCHAR)`)
    .join(' ');
  return `SELECT dim, COALESCE(code, 'unknown') AS code, n FROM (
  SELECT CASE ${which} END AS dim, CASE ${code} END AS code, CAST(SUM(n) AS DOUBLE) AS n
  FROM incidents ${whereSql(where)}
  GROUP BY GROUPING SETS (${dims.map(([, column]) => `(${ident(column)})`).join(', ')})
) ORDER BY dim, n DESC, code`;
}
