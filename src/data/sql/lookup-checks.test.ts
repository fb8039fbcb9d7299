import {expect, test} from 'vitest';
import {openDb, rows} from '../../../tests/helpers/node-db';
import {TABLE_COLUMNS} from '../schema';
import {normalisePremisesQuery, normaliseSitesQuery} from './normalize-lookups';
import {duplicateKeysQuery, lookupChecks, valueChecksQuery} from './validation';

const PREMISES = new Set(TABLE_COLUMNS.premises.map((c) => c.name));
const SITES = new Set(TABLE_COLUMNS.sites.map((c) => c.name));

/** A raw premises table: id, name, lat, lon, type, closing time, capacity. */
async function premisesWith(values: string) {
  const con = await openDb();
  await con.run(`CREATE TABLE raw AS SELECT * FROM (VALUES ${values})
    t(premises_id, "name", address, postcode, lat, lon, lad_code, premises_type, licence_ref, closing_time, capacity)`);
  return con;
}

const row = (id: string, name: string, lat: number, type: string, closing: string, capacity: number) =>
  `(${id === 'NULL' ? 'NULL' : `'${id}'`}, '${name}', NULL, NULL, ${lat}, -1.9, 'E08000025', '${type}', NULL, '${closing}', ${capacity})`;

/** A good row, a row with every value wrong, a row without an id and P1 a second time. */
const MIXED = [
  row('P1', 'The Crown', 52.5, 'pub', '23:30', 120),
  row('P2', 'Casino', 52.5, 'casino', 'late', 0),
  row('NULL', 'No id', 95, 'bar', '02:00', 50),
  row('P1', 'The Crown again', 52.4, 'pub', '01:00', 80),
].join(',');

test('premises values outside the contract are found, with the rows and an example', async () => {
  const con = await premisesWith(MIXED);
  const found = await rows(con, valueChecksQuery('raw', lookupChecks('premises', PREMISES)));
  expect(found.map((r) => [r.column_name, r.example, r.bad_rows])).toEqual([
    ['premises_id', 'NULL', 1],
    ['lat', '95.0', 1],
    ['premises_type', 'casino', 1],
    ['closing_time', 'late', 1],
    ['capacity', '0', 1],
  ]);
  expect(await rows(con, duplicateKeysQuery('raw', 'premises_id'))).toEqual([
    {bad_keys: 1, example: 'P1'},
  ]);
});

test('the premises table keeps one row per id, the first, and reads bad values as unknown', async () => {
  const con = await premisesWith(MIXED);
  await con.run(normalisePremisesQuery('premises', 'raw', PREMISES));
  expect(
    await rows(
      con,
      'SELECT premises_id, name, lat, premises_type, closing_time, capacity FROM premises ORDER BY 1',
    ),
  ).toEqual([
    {premises_id: 'P1', name: 'The Crown', lat: 52.5, premises_type: 'pub', closing_time: '23:30', capacity: 120},
    {premises_id: 'P2', name: 'Casino', lat: 52.5, premises_type: 'casino', closing_time: null, capacity: null},
  ]);
});

test('a clean premises table passes; sites are checked for keys and coordinates', async () => {
  const clean = await premisesWith(row('P1', 'The Crown', 52.5, 'nightclub', '3:00', 500));
  expect(await rows(clean, valueChecksQuery('raw', lookupChecks('premises', PREMISES)))).toEqual([]);
  const con = await openDb();
  await con.run(`CREATE TABLE raw AS SELECT * FROM (VALUES ('S1', 'City', 52.5, -1.9),
    ('S1', 'City again', 52.5, -1.9), ('S2', 'Far', 52.5, 200.0)) t(site_code, "name", lat, lon)`);
  const found = await rows(con, valueChecksQuery('raw', lookupChecks('sites', SITES)));
  expect(found.map((r) => [r.column_name, r.example, r.bad_rows])).toEqual([['lon', '200.0', 1]]);
  await con.run(normaliseSitesQuery('sites', 'raw', SITES));
  expect(await rows(con, 'SELECT site_code, name, lon FROM sites ORDER BY 1')).toEqual([
    {site_code: 'S1', name: 'City', lon: -1.9},
    {site_code: 'S2', name: 'Far', lon: null},
  ]);
});

test("closing times: 'H:MM' and '24:00' are read as 'HH:MM'; '24:30' or '2400' are not times", async () => {
  const con = await premisesWith(
    [
      row('P1', 'A', 52.5, 'pub', '2:00', 10),
      row('P2', 'B', 52.5, 'pub', '24:00', 10),
      row('P3', 'C', 52.5, 'pub', '23:59', 10),
      row('P4', 'D', 52.5, 'pub', '24:30', 10),
      row('P5', 'E', 52.5, 'pub', '2400', 10),
    ].join(','),
  );
  const found = await rows(con, valueChecksQuery('raw', lookupChecks('premises', PREMISES)));
  expect(found.map((r) => [r.column_name, r.bad_rows, r.example])).toEqual([
    ['closing_time', 2, '2400'],
  ]);
  await con.run(normalisePremisesQuery('premises', 'raw', PREMISES));
  expect(
    (await rows(con, 'SELECT closing_time FROM premises ORDER BY premises_id')).map(
      (r) => r.closing_time,
    ),
  ).toEqual(['02:00', '00:00', '23:59', null, null]);
});
