import {resolve} from 'node:path';
import type {DuckDBConnection} from '@duckdb/node-api';
import {beforeAll, describe, expect, test} from 'vitest';
import {openDb, rows} from '../../../tests/helpers/node-db';
import {breakdownsQuery} from './breakdown';
import {
  breakdownsCubeSpec,
  cubeBinsSql,
  cubeBuildSteps,
  hexCubeSpec,
  type CubeSpec,
} from './brush-cube';
import {dateRangeSql, hourWindowSql, listSql, weekdaysSql, type DateRange} from './clauses';
import {and} from './filters';
import {h3RangeSql} from './h3';
import {hexQuery} from './hotspots';
import {normaliseIncidentsQuery} from './normalize';

const BUNDLED = resolve(import.meta.dirname, '../../../data/west-midlands');

let con: DuckDBConnection;
let period: {start: string; end: string};
let years: {first: number; last: number};
beforeAll(async () => {
  con = await openDb();
  await con.run(`CREATE TABLE raw AS SELECT * FROM read_parquet('${BUNDLED}/incidents-*.parquet')`);
  await con.run(normaliseIncidentsQuery('incidents', ['raw']));
  const [p] = await rows(
    con,
    `SELECT CAST(min("date") AS VARCHAR) AS s, CAST(max("date") AS VARCHAR) AS e FROM incidents`,
  );
  period = {start: String(p.s), end: String(p.e)};
  years = {first: Number(period.start.slice(0, 4)), last: Number(period.end.slice(0, 4))};
});

let seq = 0;
/** Build a cube as the dashboard does, step by step; its table's name. */
async function build(spec: CubeSpec): Promise<string> {
  const table = `cube_${++seq}`;
  for (const step of cubeBuildSteps(table, spec, years)) await con.run(step);
  return table;
}

/** Every filter but the dates, with night-of attribution on or off. */
const OTHERS: [string, string, boolean][] = [
  ['nothing', 'TRUE', false],
  ['night-time hours', hourWindowSql({start: 21, end: 6}), false],
  ['night-of weekend', weekdaysSql([5, 6], true), true],
  ['night-of, nothing else', 'TRUE', true],
  ['location and weapon', and(listSql('loc', ['street', 'home']), listSql('weapon', ['body'])), false],
];

/** Brushed ranges in whole months, open at either end, and the whole period. */
const RANGES: DateRange[] = [
  {from: '2022-03-01', to: '2023-08-31'},
  {to: '2021-12-31'},
  {from: '2024-02-01'},
  {from: '2021-01-01', to: '2025-12-31'},
  {from: '2023-02-01', to: '2023-02-28'},
];

describe.each(OTHERS)('a cube under %s gives what incidents gives', (_, others, night) => {
  test.each([7, 8])('the hexagons at resolution %i', async (resolution) => {
    const table = await build(hexCubeSpec(resolution, others, night));
    for (const range of RANGES) {
      const bins = cubeBinsSql(range, period, night);
      expect(bins, JSON.stringify(range)).not.toBeNull();
      const direct = hexQuery({resolution, where: and(others, dateRangeSql(range, night))});
      const cubed = hexQuery({resolution, where: 'unused', cube: {table, bins: bins!}});
      expect(await rows(con, cubed), JSON.stringify(range)).toEqual(await rows(con, direct));
    }
  });

  test('the person breakdowns', async () => {
    const columns = {weapon: 'weapon', sex: 'sex', age: 'age_band', rel: 'relationship'};
    const table = await build(breakdownsCubeSpec(Object.values(columns), others, night));
    for (const range of RANGES) {
      const bins = cubeBinsSql(range, period, night)!;
      const direct = breakdownsQuery({columns, where: and(others, dateRangeSql(range, night))});
      const cubed = breakdownsQuery({columns, where: bins, from: table});
      expect(await rows(con, cubed), JSON.stringify(range)).toEqual(await rows(con, direct));
    }
  });
});

test('a cube of one selected hexagon gives what incidents gives', async () => {
  const [top] = await rows(con, hexQuery({resolution: 7, where: 'TRUE'}));
  const others = h3RangeSql(String(top.cell));
  const table = await build(hexCubeSpec(8, others, false));
  const range = {from: '2022-01-01', to: '2022-06-30'};
  const direct = hexQuery({resolution: 8, where: and(others, dateRangeSql(range, false))});
  const cubed = hexQuery({resolution: 8, where: '', cube: {table, bins: cubeBinsSql(range, period, false)!}});
  const answer = await rows(con, cubed);
  expect(answer.length).toBeGreaterThan(1);
  expect(answer).toEqual(await rows(con, direct));
});

describe('cubeBinsSql', () => {
  const P = {start: '2021-01-05', end: '2025-12-20'};
  test('whole months become bounds on the month column', () => {
    expect(cubeBinsSql({from: '2022-03-01', to: '2022-05-31'}, P, false)).toBe(
      "(bin >= DATE '2022-03-01') AND (bin <= DATE '2022-05-01')",
    );
    expect(cubeBinsSql({from: '2024-02-01', to: '2024-02-29'}, P, false)).toBe(
      "(bin >= DATE '2024-02-01') AND (bin <= DATE '2024-02-01')",
    );
    expect(cubeBinsSql(undefined, P, false)).toBe('TRUE');
  });
  test('a range cutting a month has no cube answer', () => {
    expect(cubeBinsSql({from: '2022-03-02'}, P, false)).toBeNull();
    expect(cubeBinsSql({to: '2022-03-30'}, P, false)).toBeNull();
    expect(cubeBinsSql({from: '2023-01-01', to: '2024-02-28'}, P, false)).toBeNull();
  });
  test('ends beyond the data need no bound, night-of dates starting a day earlier', () => {
    expect(cubeBinsSql({from: '2021-01-05', to: '2025-12-20'}, P, false)).toBe('TRUE');
    expect(cubeBinsSql({from: '2020-06-17', to: '2026-01-09'}, P, false)).toBe('TRUE');
    // By night of, 4 January's night (stored as 5 January before 06:00) is before the 5th.
    expect(cubeBinsSql({from: '2021-01-05'}, P, true)).toBeNull();
    expect(cubeBinsSql({from: '2021-01-04'}, P, true)).toBe('TRUE');
  });
});
