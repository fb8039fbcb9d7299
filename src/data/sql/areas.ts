/** Monthly attendances per local authority, for the small multiples of the area comparison. */
import {and, ident, whereSql} from './filters';

/** Inputs of `areaTrendQuery`. */
export interface AreaTrendParams {
  where: string;
  night: boolean;
  /** Table to read: `incidents` (default) or a rollup that holds every column the query reads. */
  from?: string;
}

/** Rows (code, month 'YYYY-MM-01', n) in order. */
export function areaTrendQuery({where, night, from = 'incidents'}: AreaTrendParams): string {
  const date = night ? 'ndate' : '"date"';
  return `SELECT code, CAST(month AS VARCHAR) AS month, n FROM (
  SELECT lad_code AS code, CAST(date_trunc('month', ${date}) AS DATE) AS month, CAST(SUM(n) AS DOUBLE) AS n
  FROM ${ident(from)} ${whereSql(and(where, 'lad_code IS NOT NULL'))} GROUP BY 1, 2
) ORDER BY 1, 2`;
}
