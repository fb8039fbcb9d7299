/** The premises ranking: attendances per premises now and in the previous period, paged in SQL. */
import {dateColumn} from './clauses';
import {and, ident, inList, int, literal, whereSql} from './filters';
import {holdsOnlyLicensed, LICENSED_SQL} from './rollup';

export {LICENSED_SQL};

/** Columns the ranking can be sorted by. */
export type RankingSortKey =
  | 'rank'
  | 'name'
  | 'lad'
  | 'type'
  | 'closing'
  | 'n'
  | 'share'
  | 'change'
  | 'rate';

/** What the rank is based on: attendances, or attendances per 100 capacity. */
export type RankBy = 'count' | 'rate';

/** Inputs of `rankingQuery`. */
export interface RankingParams {
  /** Every clause except the date range (the hour window and the map's cells included). */
  base: string;
  /** The current date-range predicate. */
  current: string;
  /** The previous equal period's predicate; null when the data do not cover it. */
  previous: string | null;
  rankBy: RankBy;
  sort: RankingSortKey;
  descending: boolean;
  /** Case-insensitive part of the premises name; empty matches all. */
  search?: string;
  /** Only this premises (its rank among all). */
  id?: string;
  /** Local authority names by code, for display and sorting. */
  ladNames: readonly {code: string; name: string}[];
  limit: number;
  offset: number;
  /** Table to read: `incidents` (default) or a rollup holding every licensed-premises row. */
  from?: string;
}

const SORT_SQL: Record<RankingSortKey, string> = {
  rank: 'rank',
  name: 'lower(name)',
  lad: 'lower(lad_name)',
  type: 'type',
  // Night order: 22:00 < 23:30 < 00:00 < 02:00 (times before noon are after midnight).
  closing: `CASE WHEN closing_time < '12:00' THEN '1' ELSE '0' END || closing_time`,
  n: 'n',
  share: 'n',
  change: 'change',
  rate: 'rate',
};

/**
 * One page of premises with attendances in the current period: rank (ties share a rank), name,
 * local authority, type, closing time, capacity, attendances `n`, previous-period `prev` (NULL
 * when not compared), `change` (n / prev - 1, NULL when prev is 0), `share` of licensed-premises
 * attendances, `rate` per 100 capacity, and `total_rows` (rows matching the search, for paging).
 * With `rankBy: 'rate'` only premises of known capacity are ranked.
 */
export function rankingQuery(p: RankingParams): string {
  const from = ident(p.from ?? 'incidents');
  const prev = p.previous ? `SUM(n) FILTER (WHERE ${p.previous})` : 'CAST(NULL AS HUGEINT)';
  const rankOrder = p.rankBy === 'rate' ? 'rate DESC' : 'n DESC';
  const lads = p.ladNames.length
    ? `SELECT * FROM (VALUES ${p.ladNames.map((l) => `(${literal(l.code)}, ${literal(l.name)})`).join(', ')}) v(code, lad_name)`
    : 'SELECT NULL::VARCHAR AS code, NULL::VARCHAR AS lad_name WHERE FALSE';
  const search = p.search?.trim();
  // One scan: the premises' counts, and in the NULL group the licensed-premises rows that name
  // none, for the share's total. The rollup's rows all match LICENSED_SQL, so it is not tested
  // again there. (In the browser at 1M rows this part of the query took 21-29 ms, against 41-54
  // with a second scan for the total.)
  const licensed = p.from && holdsOnlyLicensed(p.from) ? null : LICENSED_SQL;
  return `WITH counts AS (
  SELECT premises_id, SUM(n) FILTER (WHERE ${p.current}) AS n, ${prev} AS prev
  FROM ${from} ${whereSql(and(p.base, licensed, p.previous ? `(${p.current}) OR (${p.previous})` : p.current))}
  GROUP BY premises_id
),
total AS (SELECT SUM(n) AS all_n FROM counts),
lads AS (${lads}),
listed AS (
  SELECT c.premises_id AS id, COALESCE(pr.name, c.premises_id) AS name, pr.postcode,
    pr.premises_type AS type, pr.lad_code, COALESCE(l.lad_name, pr.lad_code) AS lad_name,
    pr.closing_time, pr.capacity, CAST(c.n AS DOUBLE) AS n,
    ${p.previous ? 'CAST(COALESCE(c.prev, 0) AS DOUBLE)' : 'CAST(NULL AS DOUBLE)'} AS prev,
    CAST(c.n AS DOUBLE) / t.all_n AS share,
    CASE WHEN pr.capacity > 0 THEN c.n * 100.0 / pr.capacity END AS rate
  FROM counts c CROSS JOIN total t
  LEFT JOIN premises pr ON pr.premises_id = c.premises_id
  LEFT JOIN lads l ON l.code = pr.lad_code
  WHERE c.premises_id IS NOT NULL AND c.n > 0${p.rankBy === 'rate' ? ' AND pr.capacity > 0' : ''}
),
ranked AS (
  SELECT *, CAST(rank() OVER (ORDER BY ${rankOrder}) AS INTEGER) AS rank,
    CASE WHEN prev > 0 THEN n / prev - 1 END AS change
  FROM listed
),
matched AS (
  SELECT *, CAST(count(*) OVER () AS INTEGER) AS total_rows FROM ranked
  ${whereSql(and(search ? `contains(lower(name), lower(${literal(search)}))` : null, p.id !== undefined ? `id = ${literal(p.id)}` : null))}
)
SELECT * FROM matched
ORDER BY ${rankingOrder(p)}
LIMIT ${int(p.limit)} OFFSET ${int(p.offset)}`;
}

/** The ranking's row order, on the columns of its rows. */
function rankingOrder(p: RankingParams): string {
  return `${SORT_SQL[p.sort]} ${p.descending ? 'DESC' : 'ASC'} NULLS LAST, rank, lower(name), id`;
}

/**
 * The ranking's rows, each with `sparkline`: its monthly attendances under `spark.where` as
 * 'YYYY-MM=n' joined by commas (months with none left out; see `parseSparkline`). One query, so
 * the sparklines do not wait for the ranking to reach the page and be drawn before they are
 * asked for (at 1M rows that round trip was often the last 20-120 ms of an update).
 */
export function rankingWithSparklinesQuery(
  p: RankingParams,
  spark: {where: string; night: boolean},
): string {
  const monthly = sparklineQuery({...spark, ids: {sql: 'SELECT id FROM page'}, from: p.from});
  return `WITH page AS (${rankingQuery(p)}),
monthly AS (${monthly}),
series AS (
  SELECT id, string_agg(month || '=' || CAST(n AS VARCHAR), ',' ORDER BY month) AS sparkline
  FROM monthly GROUP BY id
)
SELECT page.*, series.sparkline FROM page LEFT JOIN series USING (id)
ORDER BY ${rankingOrder(p)}`;
}

/** Monthly counts by 'YYYY-MM' from a row's `sparkline` (see `rankingWithSparklinesQuery`). */
export function parseSparkline(value: unknown): Map<string, number> {
  const counts = new Map<string, number>();
  if (typeof value !== 'string' || value === '') return counts;
  for (const pair of value.split(',')) {
    const [month, n] = pair.split('=');
    counts.set(month, Number(n));
  }
  return counts;
}

/** Inputs of `sparklineQuery`. */
export interface SparklineParams {
  /** The full predicate of the current period. */
  where: string;
  /** The premises: their ids, or a query of them. */
  ids: readonly string[] | {sql: string};
  night: boolean;
  /** Table to read: `incidents` (default) or a rollup holding every licensed-premises row. */
  from?: string;
}

/** Monthly attendances (id, month 'YYYY-MM', n) of the given premises; months with none are absent. */
export function sparklineQuery({where, ids, night, from = 'incidents'}: SparklineParams): string {
  const d = ident(dateColumn(night));
  return `SELECT id, strftime(month, '%Y-%m') AS month, n FROM (
  SELECT premises_id AS id, date_trunc('month', ${d}) AS month, CAST(SUM(n) AS DOUBLE) AS n
  FROM ${ident(from)} ${whereSql(and(where, 'sql' in ids ? `premises_id IN (${ids.sql})` : inList('premises_id', ids)))} GROUP BY ALL
) ORDER BY id, month`;
}
