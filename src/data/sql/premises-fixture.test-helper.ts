/** Tiny incidents and premises tables for the ranking and profile builders' DuckDB tests. */
import type {DuckDBConnection} from '@duckdb/node-api';
import {normaliseIncidentsQuery} from './normalize';
import {normalisePremisesQuery} from './normalize-lookups';

/** id, name, type, lad, closing, capacity, lat, lon. P2 is ~11 m and P3 ~100 m north of P1. */
export const PREMISES_ROWS: [
  string,
  string,
  string,
  string,
  string | null,
  number | null,
  number,
  number,
][] = [
  ['P1', 'Alpha Bar', 'bar', 'E08000025', '02:00', 200, 52.48, -1.9],
  ['P2', 'Bravo Pub', 'pub', 'E08000026', '23:00', 50, 52.4801, -1.9],
  ['P3', 'Charlie Club', 'nightclub', 'E08000025', '03:00', null, 52.4809, -1.9],
  ['P4', 'Delta Inn', 'pub', 'E08000025', '23:30', 100, 52.5, -1.9],
  ['P5', 'Echo Lounge', 'bar', 'E08000025', null, 80, 52.4802, -1.9002],
];

/**
 * date, hour, lad, loc, premises, weapon, sex, age, n. June 2024 is "current", 2 May - 31 May
 * the previous 30 days: P1 10 vs 2, P2 10 vs 10, P3 4 vs 0, P4 0 vs 5; 6 at an unnamed
 * licensed premises and 7 on the street in June.
 */
export const PREMISES_INCIDENTS: [
  string,
  number | null,
  string,
  string,
  string | null,
  string,
  string,
  string,
  number,
][] = [
  ['2024-06-01', 1, 'E08000025', 'licensed_premises', 'P1', 'glass_bottle', 'male', '18-24', 4], // Sat 01:00
  ['2024-06-08', 23, 'E08000025', 'licensed_premises', 'P1', 'body', 'female', '25-34', 3], // Sat
  ['2024-06-16', 3, 'E08000025', 'licensed_premises', 'P1', 'glass_bottle', 'male', '18-24', 3], // Sun 03:00
  ['2024-05-10', 1, 'E08000025', 'licensed_premises', 'P1', 'body', 'male', '25-34', 2],
  ['2024-07-05', 22, 'E08000025', 'licensed_premises', 'P1', 'body', 'male', '25-34', 1],
  ['2024-06-02', 22, 'E08000026', 'licensed_premises', 'P2', 'body', 'male', '35-49', 6],
  ['2024-06-20', null, 'E08000026', 'licensed_premises', 'P2', 'unknown', 'unknown', 'unknown', 4],
  ['2024-05-20', 22, 'E08000026', 'licensed_premises', 'P2', 'body', 'male', '35-49', 10],
  ['2024-06-05', 2, 'E08000025', 'licensed_premises', 'P3', 'knife_sharp', 'male', '18-24', 4],
  ['2024-05-15', 23, 'E08000025', 'licensed_premises', 'P4', 'body', 'male', '25-34', 5],
  ['2024-06-10', 0, 'E08000025', 'licensed_premises', null, 'body', 'male', '25-34', 6],
  ['2024-06-11', 0, 'E08000025', 'street', null, 'body', 'male', '25-34', 7],
];

/** Create `incidents` and `premises` through the real normalisation queries. */
export async function createPremisesFixture(con: DuckDBConnection): Promise<void> {
  const q = (s: string | null) => (s === null ? 'NULL' : `'${s}'`);
  const incidents = PREMISES_INCIDENTS.map(
    ([date, hour, lad, loc, id, weapon, sex, age, n]) =>
      `(DATE '${date}', ${hour ?? 'NULL'}, '${lad}', NULL, NULL, '${loc}', ${q(id)}, '${weapon}', '${sex}', '${age}', 'stranger', NULL, ${n})`,
  );
  await con.run(`CREATE OR REPLACE TABLE raw AS SELECT * FROM (VALUES ${incidents.join(',')})
    t("date", "hour", lad_code, lsoa_code, h3, location_type, premises_id, weapon, sex, age_band, relationship, site_code, n)`);
  await con.run(normaliseIncidentsQuery('incidents', ['raw']));
  const premises = PREMISES_ROWS.map(
    ([id, name, type, lad, closing, capacity, lat, lon]) =>
      `('${id}', '${name}', '1 High St', 'B1 1AA', ${lat}, ${lon}, '${lad}', '${type}', 'LIC/${id}', ${q(closing)}, ${capacity ?? 'NULL'})`,
  );
  await con.run(`CREATE OR REPLACE TABLE raw_premises AS SELECT * FROM (VALUES ${premises.join(',')})
    t(premises_id, name, address, postcode, lat, lon, lad_code, premises_type, licence_ref, closing_time, capacity)`);
  const columns = new Set([
    'premises_id',
    'name',
    'address',
    'postcode',
    'lat',
    'lon',
    'lad_code',
    'premises_type',
    'licence_ref',
    'closing_time',
    'capacity',
  ]);
  await con.run(normalisePremisesQuery('premises', 'raw_premises', columns));
}
