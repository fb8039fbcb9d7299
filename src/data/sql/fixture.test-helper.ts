/** A tiny raw incidents table for running query builders on native DuckDB in tests. */
import type {DuckDBConnection} from '@duckdb/node-api';
import {normaliseIncidentsQuery} from './normalize';

/** Rows: date, hour, lad, loc, weapon, sex, n. Sunday 2024-06-02 02:00 is Saturday night. */
export const FIXTURE_ROWS: [string, number | null, string, string, string, string, number][] = [
  ['2024-05-31', 23, 'E08000025', 'licensed_premises', 'glass_bottle', 'male', 3], // Fri
  ['2024-06-01', 1, 'E08000025', 'street', 'body', 'male', 2], // Sat 01:00 -> Fri night
  ['2024-06-01', 22, 'E08000026', 'licensed_premises', 'body', 'female', 4], // Sat
  ['2024-06-02', 2, 'E08000025', 'street', 'knife_sharp', 'male', 5], // Sun 02:00 -> Sat night
  ['2024-06-02', 14, 'E08000027', 'home', 'body', 'female', 1], // Sun
  ['2024-06-03', null, 'E08000025', 'home', 'unknown', 'female', 6], // Mon, hour unknown
  ['2024-06-03', 5, 'E08000026', 'street', 'blunt', 'male', 7], // Mon 05:00 -> Sun night
  ['2024-06-03', 6, 'E08000026', 'street', 'body', 'male', 8], // Mon 06:00 stays Monday
];

/** Create `incidents` from the fixture rows through the real normalisation query. */
export async function createFixture(con: DuckDBConnection): Promise<void> {
  const values = FIXTURE_ROWS.map(
    ([date, hour, lad, loc, weapon, sex, n]) =>
      `(DATE '${date}', ${hour ?? 'NULL'}, '${lad}', NULL, NULL, '${loc}', NULL, '${weapon}', '${sex}', '25-34', 'stranger', NULL, ${n})`,
  );
  await con.run(`CREATE TABLE raw AS SELECT * FROM (VALUES ${values.join(',')})
    t("date", "hour", lad_code, lsoa_code, h3, location_type, premises_id, weapon, sex, age_band, relationship, site_code, n)`);
  await con.run(normaliseIncidentsQuery('incidents', ['raw']));
}
