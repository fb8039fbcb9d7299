import type {DuckDBConnection} from '@duckdb/node-api';
import {beforeAll, expect, test} from 'vitest';
import {openDb, rows} from '../../../tests/helpers/node-db';
import {ENUMS, type EnumColumn} from '../schema';
import {breakdownQuery, breakdownsQuery} from './breakdown';
import {listSql} from './clauses';
import {enumInSql, enumTypeSql} from './normalize';
import {LICENSED_SQL} from './rollup';

/** Every member of every enum column once, plus a row of NULLs; n is the row's position. */
let con: DuckDBConnection;
const COLUMNS = Object.keys(ENUMS) as EnumColumn[];
beforeAll(async () => {
  con = await openDb();
  const longest = Math.max(...COLUMNS.map((c) => ENUMS[c].length));
  const values = Array.from({length: longest + 1}, (_, i) =>
    [
      ...COLUMNS.map((c) => {
        const v = i < longest ? ENUMS[c][i % ENUMS[c].length] : null;
        return v === null ? 'NULL' : `'${v}'`;
      }),
      i % 3 === 0 ? `'P${i}'` : 'NULL',
      i + 1,
    ].join(', '),
  );
  await con.run(`CREATE TABLE raw AS SELECT * FROM (VALUES (${values.join('), (')}))
    t(${COLUMNS.join(', ')}, premises_id, n)`);
  await con.run(`CREATE TABLE incidents AS SELECT
    ${COLUMNS.map((c) => `CAST(${c} AS ${enumTypeSql(c)}) AS ${c}`).join(', ')}, premises_id, n FROM raw`);
});

const ids = async (where: string) =>
  (await rows(con, `SELECT n FROM incidents WHERE ${where} ORDER BY n`)).map((r) => r.n);

test.each(COLUMNS)('enumInSql on %s keeps the rows the text comparison keeps', async (column) => {
  const lists = [
    ...ENUMS[column].map((v) => [v]),
    [ENUMS[column][0], ENUMS[column].at(-1)!],
    [...ENUMS[column]],
    ['not-a-member'],
    ['not-a-member', ENUMS[column][1]],
  ];
  for (const list of lists) {
    const text = `CAST(${column} AS VARCHAR) IN (${list.map((v) => `'${v}'`).join(', ')})`;
    expect(await ids(enumInSql(column, list)), `${column} IN ${list}`).toEqual(await ids(text));
  }
});

test('list filters on enum columns compare positions; others compare text', () => {
  expect(listSql('weapon', ['knife_sharp'])).toMatch(/^enum_code\("weapon"\) IN \(\d\)$/);
  expect(listSql('lad', ['E08000025'])).toBe(`"lad_code" IN ('E08000025')`);
});

test('LICENSED_SQL keeps licensed-premises rows and rows naming premises', async () => {
  const text = `(CAST(location_type AS VARCHAR) = 'licensed_premises' OR premises_id IS NOT NULL)`;
  expect(await ids(LICENSED_SQL)).toEqual(await ids(text));
  expect((await ids(LICENSED_SQL)).length).toBeGreaterThan(1);
});

test('a breakdown merges NULL into unknown, one row per code, as the text grouping does', async () => {
  for (const column of COLUMNS) {
    const got = await rows(con, breakdownQuery({column, where: 'TRUE'}));
    const want = await rows(
      con,
      `SELECT COALESCE(CAST(${column} AS VARCHAR), 'unknown') AS code, CAST(SUM(n) AS DOUBLE) AS n
       FROM incidents GROUP BY 1 ORDER BY n DESC, code`,
    );
    expect(got, column).toEqual(want);
    expect(got.filter((r) => r.code === 'unknown')).toHaveLength(1);
  }
  const all = await rows(
    con,
    breakdownsQuery({columns: {weapon: 'weapon', sex: 'sex'}, where: 'TRUE'}),
  );
  expect(all.filter((r) => r.dim === 'sex' && r.code === 'unknown')).toHaveLength(1);
});
