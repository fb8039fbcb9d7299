import type {DuckDBConnection} from '@duckdb/node-api';
import {beforeAll, describe, expect, test} from 'vitest';
import {openDb, scalar} from '../../../tests/helpers/node-db';
import {dateRangeSql, hourWindowSql, listSql, weekdaysSql} from './clauses';
import {createFixture} from './fixture.test-helper';
import {and, whereSql} from './filters';

let con: DuckDBConnection;
beforeAll(async () => {
  con = await openDb();
  await createFixture(con);
});

const total = (where: string) =>
  scalar(con, `SELECT COALESCE(SUM(n), 0) FROM incidents ${whereSql(where)}`);

describe('hourWindowSql', () => {
  test.each([
    ['wraps midnight: 22-4 is 22:00-03:59', {start: 22, end: 4}, 3 + 2 + 4 + 5],
    ['no wrap: 0-6 is 00:00-05:59', {start: 0, end: 6}, 2 + 5 + 7],
    ['full day excludes unknown hour', {start: 0, end: 24}, 36 - 6],
    ['end exclusive: 5-6 is the 05:00 hour only', {start: 5, end: 6}, 7],
    ['wrap to midnight exactly: 22-24', {start: 22, end: 24}, 3 + 4],
  ])('%s', async (_name, window, expected) => {
    expect(await total(hourWindowSql(window))).toBe(expected);
  });

  test('rejects hours outside the day', () => {
    expect(() => hourWindowSql({start: 25, end: 3})).toThrow(/out of range/);
  });
});

describe('night-of attribution', () => {
  test('Sunday 02:00 counts as Saturday with night=1', async () => {
    expect(await total(weekdaysSql([6], true))).toBe(4 + 5);
    expect(await total(weekdaysSql([6], false))).toBe(2 + 4);
  });

  test('Monday 05:00 counts as Sunday, Monday 06:00 stays Monday', async () => {
    expect(await total(weekdaysSql([7], true))).toBe(1 + 7);
    expect(await total(weekdaysSql([1], true))).toBe(6 + 8);
  });

  test('date range uses the night date across the date boundary', async () => {
    const saturday = {from: '2024-06-01', to: '2024-06-01'};
    expect(await total(dateRangeSql(saturday, true))).toBe(4 + 5);
    expect(await total(dateRangeSql(saturday, false))).toBe(2 + 4);
  });

  test('unknown hour keeps its own date', async () => {
    expect(await total(dateRangeSql({from: '2024-06-03'}, true))).toBe(6 + 8);
  });
});

test('open-ended date ranges', async () => {
  expect(await total(dateRangeSql({to: '2024-05-31'}, false))).toBe(3);
  expect(await total(dateRangeSql({}, false))).toBe(36);
});

test('list filters combine with AND across dimensions', async () => {
  const where = and(listSql('lad', ['E08000025']), listSql('loc', ['street', 'home']));
  expect(await total(where)).toBe(2 + 5 + 6);
});

test('list filter values are quoted, never interpolated raw', async () => {
  expect(await total(listSql('lad', ["x' OR 1=1 --"]))).toBe(0);
});
