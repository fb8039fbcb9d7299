import type {DuckDBConnection} from '@duckdb/node-api';
import {beforeAll, expect, test} from 'vitest';
import {openDb, rows} from '../../../tests/helpers/node-db';
import {normaliseIncidentsQuery} from './normalize';
import {
  areaCountsQuery,
  hexQuery,
  hexSlicesQuery,
  premisesPointsQuery,
  studyAreaQuery,
} from './hotspots';
import {normalisePremisesQuery} from './normalize-lookups';

const A = '89195da49b7ffff';
const B = '89195da4937ffff';

let con: DuckDBConnection;
beforeAll(async () => {
  con = await openDb();
  await con.run(`CREATE TABLE raw AS SELECT * FROM (VALUES
    (DATE '2023-03-01', 23, 'E1', 'L1', '${A}', 'licensed_premises', 'P1', 'body', 'male', '18-24', 'stranger', NULL, 4),
    (DATE '2023-03-01', 1, 'E1', 'L1', '${A}', 'street', NULL, 'body', 'male', '18-24', 'stranger', NULL, 1),
    (DATE '2024-07-01', 22, 'E1', 'L2', '${B}', 'street', NULL, 'body', 'male', '18-24', 'stranger', NULL, 2),
    (DATE '2024-07-02', 2, 'E2', NULL, NULL, 'home', NULL, 'body', 'female', '25-34', 'partner_ex', NULL, 7)
  ) t("date", "hour", lad_code, lsoa_code, h3, location_type, premises_id, weapon, sex, age_band, relationship, site_code, n)`);
  await con.run(normaliseIncidentsQuery('incidents', ['raw']));
  await con.run(`CREATE TABLE rawp AS SELECT 'P1' AS premises_id, 'The Bell' AS name, 52.5 AS lat, -1.9 AS lon`);
  await con.run(normalisePremisesQuery('premises', 'rawp', new Set(['premises_id', 'name', 'lat', 'lon'])));
});

test('hexQuery counts per cell with the top location type; ungeocoded rows are left out', async () => {
  expect(await rows(con, hexQuery({resolution: 9, where: 'TRUE'}))).toEqual([
    {cell: B, n: 2, top_loc: 'street', top_share: 1},
    {cell: A, n: 5, top_loc: 'licensed_premises', top_share: 0.8},
  ].sort((x, y) => x.cell.localeCompare(y.cell)));
});

test('hexQuery breaks a tie for the top location type by name', async () => {
  const own = await openDb();
  await own.run(`CREATE TABLE raw AS SELECT * FROM (VALUES
    (DATE '2023-03-01', 23, 'E1', 'L1', '${A}', 'street', NULL, 'body', 'male', '18-24', 'stranger', NULL, 3),
    (DATE '2023-03-01', 1, 'E1', 'L1', '${A}', 'public_transport', NULL, 'body', 'male', '18-24', 'stranger', NULL, 1),
    (DATE '2023-03-02', 2, 'E1', 'L1', '${A}', 'home', NULL, 'body', 'female', '25-34', 'partner_ex', NULL, 3)
  ) t("date", "hour", lad_code, lsoa_code, h3, location_type, premises_id, weapon, sex, age_band, relationship, site_code, n)`);
  await own.run(normaliseIncidentsQuery('incidents', ['raw']));
  expect(await rows(own, hexQuery({resolution: 9, where: 'TRUE'}))).toEqual([
    {cell: A, n: 7, top_loc: 'home', top_share: 3 / 7},
  ]);
});

test('hexQuery at a parent resolution merges neighbouring cells', async () => {
  const found = await rows(con, hexQuery({resolution: 5, where: 'TRUE'}));
  expect(found).toHaveLength(1);
  expect(found[0].n).toBe(7);
});

test('studyAreaQuery ignores the filter', async () => {
  expect(await rows(con, studyAreaQuery(9))).toHaveLength(2);
});

test('hexSlicesQuery groups by year', async () => {
  const found = await rows(con, hexSlicesQuery({resolution: 9, where: 'TRUE', unit: 'year', night: false}));
  expect(found.map((r) => [r.slice, r.n])).toEqual([
    ['2023-01-01', 5],
    ['2024-01-01', 2],
  ]);
});

test('premisesPointsQuery sums attendances under the filter', async () => {
  expect(await rows(con, premisesPointsQuery("sex = 'male'"))).toEqual([
    {id: 'P1', name: 'The Bell', type: null, lat: 52.5, lon: -1.9, n: 4},
  ]);
});

test('premisesPointsQuery filters on a column premises also has (the local authority)', async () => {
  // premises.lad_code is NULL here: the filter must be on the attendances' local authority.
  expect(await rows(con, premisesPointsQuery("lad_code IN ('E1')"))).toEqual([
    {id: 'P1', name: 'The Bell', type: null, lat: 52.5, lon: -1.9, n: 4},
  ]);
  expect(await rows(con, premisesPointsQuery("lad_code IN ('E2')"))).toEqual([]);
});

test('areaCountsQuery counts by area code', async () => {
  expect(await rows(con, areaCountsQuery({column: 'lad_code', where: 'TRUE'}))).toEqual([
    {code: 'E1', n: 7},
    {code: 'E2', n: 7},
  ]);
});
