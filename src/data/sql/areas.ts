/** Monthly attendances per local authority, for the small multiples of the area comparison. */
import {and, whereSql} from './filters';

/** Rows (code, month 'YYYY-MM-01', n) in order. */
export function areaTrendQuery({where, night}: {where: string; night: boolean}): string {
  const date = night ? 'ndate' : '"date"';
  return `SELECT lad_code AS code, CAST(CAST(date_trunc('month', ${date}) AS DATE) AS VARCHAR) AS month,
  CAST(SUM(n) AS DOUBLE) AS n
FROM incidents ${whereSql(and(where, 'lad_code IS NOT NULL'))} GROUP BY 1, 2 ORDER BY 1, 2`;
}
