import {expect, test} from 'vitest';
import {openDb, rows} from '../../../tests/helpers/node-db';
import {TABLE_COLUMNS} from '../schema';
import {incidentChecks, outsidePeriodQuery, valueChecksQuery} from './validation';

const ALL = new Set(TABLE_COLUMNS.incidents.map((c) => c.name));

async function rawWith(values: string) {
  const con = await openDb();
  await con.run(`CREATE TABLE raw AS SELECT * FROM (VALUES ${values})
    t("date", "hour", lad_code, lsoa_code, h3, location_type, premises_id, weapon, sex, age_band, relationship, site_code, n)`);
  return con;
}

const GOOD = `(DATE '2024-01-01', 1, 'E1', NULL, '89195da49b7ffff', 'street', NULL, 'body', 'male', '18-24', 'stranger', NULL, 1)`;

test('a clean table passes every check', async () => {
  const con = await rawWith(GOOD);
  expect(await rows(con, valueChecksQuery('raw', incidentChecks(ALL)))).toEqual([]);
});

test('reports unknown enum values, bad hours, counts and H3 cells with an example', async () => {
  const con = await rawWith(
    `${GOOD}, (DATE '2024-01-01', 24, 'E1', NULL, 'nothex', 'street', NULL, 'sword', 'male', '18-24', 'stranger', NULL, 0)`,
  );
  const found = await rows(con, valueChecksQuery('raw', incidentChecks(ALL)));
  expect(found.map((r) => [r.column_name, r.example, r.bad_rows])).toEqual([
    ['weapon', 'sword', 1],
    ['hour', '24', 1],
    ['n', '0', 1],
    ['h3', 'nothex', 1],
  ]);
});

test('counts rows outside the period', async () => {
  const con = await rawWith(GOOD);
  expect(await rows(con, outsidePeriodQuery('raw', '2024-02-01', '2024-12-31'))).toEqual([
    {bad_rows: 1, first: '2024-01-01', last: '2024-01-01'},
  ]);
});
