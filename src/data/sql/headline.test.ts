import type {DuckDBConnection} from '@duckdb/node-api';
import {beforeAll, expect, test} from 'vitest';
import {openDb, rows} from '../../../tests/helpers/node-db';
import {dateRangeSql, hourWindowSql, listSql} from './clauses';
import {createFixture} from './fixture.test-helper';
import {headlineQuery} from './headline';

let con: DuckDBConnection;
beforeAll(async () => {
  con = await openDb();
  await createFixture(con);
});

test('total, previous period and rows left out for unknown hour', async () => {
  const sql = headlineQuery({
    base: listSql('sex', ['female', 'male']),
    current: dateRangeSql({from: '2024-06-02', to: '2024-06-03'}, false),
    previous: dateRangeSql({from: '2024-05-31', to: '2024-06-01'}, false),
    hours: hourWindowSql({start: 0, end: 24}),
  });
  expect(await rows(con, sql)).toEqual([{total: 5 + 1 + 7 + 8, previous: 3 + 2 + 4, unknown_hour: 6}]);
});

test('without an hour window nothing is left out and previous may be absent', async () => {
  const sql = headlineQuery({base: 'TRUE', current: 'TRUE', previous: null, hours: null});
  expect(await rows(con, sql)).toEqual([{total: 36, previous: null, unknown_hour: 0}]);
});

test('an empty selection gives zero, not NULL', async () => {
  const sql = headlineQuery({base: listSql('lad', ['nowhere']), current: 'TRUE', previous: 'TRUE', hours: null});
  expect(await rows(con, sql)).toEqual([{total: 0, previous: 0, unknown_hour: 0}]);
});
