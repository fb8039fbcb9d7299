/** Queries behind the hotspot map: hexagon counts, the study area, time slices, premises, areas. */
import type {CubeRead} from './brush-cube';
import {and, ident, literal, whereSql} from './filters';
import {h3CellSql, h3HexSql, h3Literal, h3RangeSql} from './h3';

/** Inputs of `hexQuery`. */
export interface HexParams {
  resolution: number;
  where: string;
}

/**
 * Per cell: attendances, the most common location type (ties: first by name) and its share.
 * Grouped by the enum itself, not its text (40% faster at 10M rows); the enum's members are in
 * name order, so the tie-break is the same. From `cube` when given (see brush-cube.ts
 * `hexCubeSpec`, of this resolution and `where` but its dates), summing its months `cube.bins`.
 */
export function hexQuery({resolution, where, cube}: HexParams & {cube?: CubeRead}): string {
  const cells = cube
    ? `SELECT cell, loc, SUM(n) AS n FROM ${ident(cube.table)} ${whereSql(cube.bins)} GROUP BY ALL`
    : `SELECT ${h3CellSql(resolution)} AS cell, location_type AS loc, SUM(n) AS n
  FROM incidents ${whereSql(and(where, 'h3 IS NOT NULL'))} GROUP BY ALL`;
  return `WITH c AS (
  ${cells}
)
SELECT ${h3HexSql('cell')} AS cell, CAST(SUM(n) AS DOUBLE) AS n,
  CAST(first(loc ORDER BY n DESC, loc) AS VARCHAR) AS top_loc, CAST(max(n) AS DOUBLE) / SUM(n) AS top_share
FROM c GROUP BY c.cell ORDER BY 1`;
}

/** Every cell with any attendance in the whole dataset: the study area for Gi*. */
export function studyAreaQuery(resolution: number): string {
  return `SELECT ${h3HexSql('cell')} AS cell FROM (
  SELECT DISTINCT ${h3CellSql(resolution)} AS cell FROM incidents WHERE h3 IS NOT NULL
) ORDER BY 1`;
}

/** The time slices of emerging hot spot analysis. */
export type SliceUnit = 'year' | 'quarter' | 'month';

/** Per cell and time slice: attendances (for emerging hot spots). */
export function hexSlicesQuery({resolution, where, unit, night}: HexParams & {unit: SliceUnit; night: boolean}): string {
  const date = night ? 'ndate' : '"date"';
  return `SELECT ${h3HexSql('cell')} AS cell, CAST(slice AS VARCHAR) AS slice, n FROM (
  SELECT ${h3CellSql(resolution)} AS cell, CAST(date_trunc(${literal(unit)}, ${date}) AS DATE) AS slice,
    CAST(SUM(n) AS DOUBLE) AS n FROM incidents ${whereSql(and(where, 'h3 IS NOT NULL'))} GROUP BY ALL
) ORDER BY 2, 1`;
}

/**
 * The most attendances in one cell in one frame of a time-lapse (a `unit` from `date_trunc`),
 * for colour classes that hold for every frame: `where` holds the time-lapse's span, not a frame.
 */
export function hexFrameMaxQuery({
  resolution,
  where,
  unit,
  night,
}: HexParams & {unit: 'month' | 'week'; night: boolean}): string {
  const date = night ? 'ndate' : '"date"';
  return `SELECT CAST(COALESCE(max(n), 0) AS DOUBLE) AS max_n FROM (
  SELECT ${h3CellSql(resolution)} AS cell, date_trunc(${literal(unit)}, ${date}) AS frame, SUM(n) AS n
  FROM incidents ${whereSql(and(where, 'h3 IS NOT NULL'))} GROUP BY ALL
)`;
}

/**
 * Premises with attendances under the filter, largest first. The filter applies to the
 * attendances alone, summed per premises before the join: `premises` shares column names with
 * `incidents` (`lad_code`), which a filter on the joined rows could not name unambiguously (a
 * local authority filter made the query fail and the map lose its premises). Summing first is
 * also faster: natively at 10M rows on one thread, 24-34 ms instead of 50-67 with a date and
 * hour filter, 58-64 instead of 221-223 without.
 */
export function premisesPointsQuery(where: string, from = 'incidents'): string {
  return `SELECT p.premises_id AS id, p.name, p.premises_type AS type, p.lat, p.lon,
  CAST(c.n AS DOUBLE) AS n
FROM (
  SELECT premises_id, SUM(n) AS n FROM ${ident(from)}
  ${whereSql(and(where, 'premises_id IS NOT NULL'))} GROUP BY premises_id
) c JOIN premises p ON p.premises_id = c.premises_id
WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL
ORDER BY n DESC, id`;
}

/** Attendances per area code (local authority or LSOA, whichever column the areas use). */
export function areaCountsQuery({
  column,
  where,
  from = 'incidents',
}: {
  column: 'lad_code' | 'lsoa_code';
  where: string;
  /** Table to read: `incidents` (default) or a rollup that holds every column the query reads. */
  from?: string;
}): string {
  const c = ident(column);
  return `SELECT ${c} AS code, CAST(SUM(n) AS DOUBLE) AS n FROM ${ident(from)}
${whereSql(and(where, `${c} IS NOT NULL`))} GROUP BY 1 ORDER BY 1`;
}

/** Geographic extent of the premises and sites (when a dataset has no areas). */
export function pointExtentQuery(): string {
  return `SELECT min(lat) AS south, max(lat) AS north, min(lon) AS west, max(lon) AS east FROM (
  SELECT lat, lon FROM premises UNION ALL SELECT lat, lon FROM sites) WHERE lat IS NOT NULL`;
}

/** Above this many cells a selection is one IN list of parents rather than one range per cell. */
const MAX_RANGES = 16;

/**
 * Rows in the given cells at a resolution (the map's spatial selection). A few cells are ranges of
 * `h3` (see `h3RangeSql`): at 10M rows a third faster than computing every row's parent.
 */
export function cellsSql(resolution: number, cells: readonly string[]): string {
  if (cells.length === 0) return 'FALSE';
  if (cells.length <= MAX_RANGES) return `(${cells.map(h3RangeSql).join(' OR ')})`;
  return `${h3CellSql(resolution)} IN (${cells.map(h3Literal).join(', ')})`;
}

/** ED sites with a location. */
export function sitesPointsQuery(): string {
  return `SELECT site_code AS code, COALESCE(name, site_code) AS name, lat, lon FROM sites
WHERE lat IS NOT NULL AND lon IS NOT NULL ORDER BY code`;
}

/** One premises' location and name (to fly the map to a focused premises). */
export function premisesLocationQuery(id: string): string {
  return `SELECT premises_id AS id, name, lat, lon FROM premises
WHERE premises_id = ${literal(id)} AND lat IS NOT NULL AND lon IS NOT NULL`;
}
