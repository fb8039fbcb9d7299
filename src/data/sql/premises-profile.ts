/** Queries behind one premises' profile: its details, its attendances by dimension, its neighbours. */
import {dateColumn, weekdayColumn} from './clauses';
import {and, ident, literal, whereSql} from './filters';

/** Metres per degree of latitude (mean). */
const METRES_PER_DEGREE = 111_320;

/** The dimensions of `profileQuery`'s rows. */
export type ProfileDimension = 'month' | 'hour' | 'weekday' | 'weapon' | 'age_sex';

/** One premises' row of the premises table. */
export function premisesDetailsQuery(id: string): string {
  return `SELECT premises_id AS id, name, address, postcode, lat, lon, lad_code,
  premises_type AS type, licence_ref, closing_time, capacity
FROM premises WHERE premises_id = ${literal(id)} LIMIT 1`;
}

/** Inputs of `profileQuery`. */
export interface ProfileParams {
  /** The full filter predicate (current period included). */
  where: string;
  id: string;
  night: boolean;
}

/**
 * Attendances at one premises as rows (dim, key, n): by month 'YYYY-MM', hour ('0'-'23' or
 * 'unknown'), ISO weekday ('1'-'7'), weapon, and age band and sex ('18-24|male').
 * Month and weekday follow night-of attribution when it is on, as the filters do.
 */
export function profileQuery({where, id, night}: ProfileParams): string {
  const d = ident(dateColumn(night));
  const dow = ident(weekdayColumn(night));
  const group = (dim: ProfileDimension, key: string) =>
    `SELECT '${dim}' AS dim, ${key} AS key, CAST(SUM(n) AS DOUBLE) AS n FROM r GROUP BY 1, 2`;
  return `WITH r AS (
  SELECT * FROM incidents ${whereSql(and(where, `premises_id = ${literal(id)}`))}
)
${[
  group('month', `strftime(date_trunc('month', ${d}), '%Y-%m')`),
  group('hour', `COALESCE(CAST("hour" AS VARCHAR), 'unknown')`),
  group('weekday', `CAST(${dow} AS VARCHAR)`),
  group('weapon', 'weapon'),
  group('age_sex', `age_band || '|' || sex`),
].join('\nUNION ALL\n')}
ORDER BY dim, key`;
}

/** Inputs of `nearbyQuery`. */
export interface NearbyParams {
  /** The full filter predicate, for the neighbours' attendances. */
  where: string;
  id: string;
  lat: number;
  lon: number;
  /** Half the side of the search box, metres; callers refine by true distance. */
  radiusM: number;
}

/**
 * Other premises within a box of ±radiusM around a point, with their attendances under the
 * filter (0 when none): candidates for a true-distance check.
 */
export function nearbyQuery({where, id, lat, lon, radiusM}: NearbyParams): string {
  const dLat = radiusM / METRES_PER_DEGREE;
  const dLon = radiusM / (METRES_PER_DEGREE * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
  const box = `lat BETWEEN ${literal(lat - dLat)} AND ${literal(lat + dLat)}
    AND lon BETWEEN ${literal(lon - dLon)} AND ${literal(lon + dLon)}
    AND premises_id <> ${literal(id)}`;
  return `WITH near AS (SELECT * FROM premises WHERE ${box}),
counts AS (
  SELECT premises_id, SUM(n) AS n FROM incidents
  ${whereSql(and(where, 'premises_id IN (SELECT premises_id FROM near)'))} GROUP BY 1
)
SELECT p.premises_id AS id, p.name, p.premises_type AS type, p.lat, p.lon,
  CAST(COALESCE(c.n, 0) AS DOUBLE) AS n
FROM near p LEFT JOIN counts c ON c.premises_id = p.premises_id
ORDER BY n DESC, p.name, id`;
}
