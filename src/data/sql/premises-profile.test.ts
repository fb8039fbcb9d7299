import type {DuckDBConnection} from '@duckdb/node-api';
import {beforeAll, expect, test} from 'vitest';
import {openDb, rows} from '../../../tests/helpers/node-db';
import {dateRangeSql} from './clauses';
import {nearbyQuery, premisesDetailsQuery, profileQuery} from './premises-profile';
import {createPremisesFixture} from './premises-fixture.test-helper';

let con: DuckDBConnection;
beforeAll(async () => {
  con = await openDb();
  await createPremisesFixture(con);
});

const JUNE = dateRangeSql({from: '2024-06-01', to: '2024-06-30'}, false);

test('details of one premises', async () => {
  expect(await rows(con, premisesDetailsQuery('P1'))).toEqual([
    {
      id: 'P1',
      name: 'Alpha Bar',
      address: '1 High St',
      postcode: 'B1 1AA',
      lat: 52.48,
      lon: -1.9,
      lad_code: 'E08000025',
      type: 'bar',
      licence_ref: 'LIC/P1',
      closing_time: '02:00',
      capacity: 200,
    },
  ]);
  expect(await rows(con, premisesDetailsQuery("x' OR '1'='1"))).toEqual([]);
});

test('attendances by month, hour, weekday, weapon, age and sex under the filter', async () => {
  const got = await rows(con, profileQuery({where: JUNE, id: 'P1', night: false}));
  const by = (dim: string) =>
    Object.fromEntries(got.filter((r) => r.dim === dim).map((r) => [r.key, r.n]));
  expect(by('month')).toEqual({'2024-06': 10});
  expect(by('hour')).toEqual({'1': 4, '23': 3, '3': 3});
  expect(by('weekday')).toEqual({'6': 7, '7': 3});
  expect(by('weapon')).toEqual({glass_bottle: 7, body: 3});
  expect(by('age_sex')).toEqual({'18-24|male': 7, '25-34|female': 3});
});

test('unknown hours are their own key', async () => {
  const got = await rows(con, profileQuery({where: JUNE, id: 'P2', night: false}));
  const hours = got.filter((r) => r.dim === 'hour').map((r) => [r.key, r.n]);
  expect(hours).toEqual([
    ['22', 6],
    ['unknown', 4],
  ]);
});

test('night-of attribution moves weekday and month of early hours to the night before', async () => {
  const where = dateRangeSql({from: '2024-05-01', to: '2024-06-30'}, true);
  const got = await rows(con, profileQuery({where, id: 'P1', night: true}));
  const by = (dim: string) =>
    Object.fromEntries(got.filter((r) => r.dim === dim).map((r) => [r.key, r.n]));
  // Fri 10 May 01:00 -> Thu; Sat 1 June 01:00 -> Fri 31 May; Sun 16 June 03:00 -> Sat 15 June.
  expect(by('weekday')).toEqual({'4': 2, '5': 4, '6': 6});
  expect(by('month')).toEqual({'2024-05': 6, '2024-06': 6});
});

test('nearby candidates in a box, with their attendances (0 when none)', async () => {
  const got = await rows(
    con,
    nearbyQuery({where: JUNE, id: 'P1', lat: 52.48, lon: -1.9, radiusM: 150}),
  );
  expect(got.map((r) => [r.id, r.n])).toEqual([
    ['P2', 10],
    ['P3', 4],
    ['P5', 0],
  ]);
});
