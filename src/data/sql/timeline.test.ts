import type {DuckDBConnection} from '@duckdb/node-api';
import {beforeAll, expect, test} from 'vitest';
import {openDb, rows} from '../../../tests/helpers/node-db';
import {createFixture} from './fixture.test-helper';
import {gridQuery, unknownHourQuery} from './grid';
import {timelineQuery} from './timeline';

let con: DuckDBConnection;
beforeAll(async () => {
  con = await openDb();
  await createFixture(con);
});

test('daily buckets by calendar date', async () => {
  const found = await rows(con, timelineQuery({grain: 'day', where: 'TRUE', night: false}));
  expect(found).toEqual([
    {bucket: '2024-05-31', n: 3},
    {bucket: '2024-06-01', n: 6},
    {bucket: '2024-06-02', n: 6},
    {bucket: '2024-06-03', n: 21},
  ]);
});

test('night-of moves early hours to the previous day', async () => {
  const found = await rows(con, timelineQuery({grain: 'day', where: 'TRUE', night: true}));
  expect(found).toEqual([
    {bucket: '2024-05-31', n: 3 + 2},
    {bucket: '2024-06-01', n: 4 + 5},
    {bucket: '2024-06-02', n: 1 + 7},
    {bucket: '2024-06-03', n: 6 + 8},
  ]);
});

test('weeks start on Monday, months on the first', async () => {
  const weeks = await rows(con, timelineQuery({grain: 'week', where: 'TRUE', night: false}));
  expect(weeks).toEqual([
    {bucket: '2024-05-27', n: 15},
    {bucket: '2024-06-03', n: 21},
  ]);
  const months = await rows(con, timelineQuery({grain: 'month', where: 'TRUE', night: false}));
  expect(months.map((r) => r.bucket)).toEqual(['2024-05-01', '2024-06-01']);
});

test('grid cells by weekday and hour, night-of aware; unknown hours counted apart', async () => {
  const plain = await rows(con, gridQuery({where: 'TRUE', night: false}));
  expect(plain.reduce((s, r) => s + Number(r.n), 0)).toBe(36 - 6);
  const night = await rows(con, gridQuery({where: 'TRUE', night: true}));
  // Sunday 02:00 (5 attendances) is Saturday night: dow 6, hour 2.
  expect(night).toContainEqual({dow: 6, h: 2, n: 5});
  expect(plain).toContainEqual({dow: 7, h: 2, n: 5});
  expect(await rows(con, unknownHourQuery('TRUE'))).toEqual([{n: 6}]);
});
