import type {DuckDBConnection} from '@duckdb/node-api';
import {beforeAll, expect, test} from 'vitest';
import {openDb, rows} from '../../../tests/helpers/node-db';
import {dateRangeSql, listSql} from './clauses';
import {createPremisesFixture} from './premises-fixture.test-helper';
import {
  parseSparkline,
  rankingQuery,
  rankingWithSparklinesQuery,
  sparklineQuery,
  type RankingParams,
} from './ranking';
import {PREMISES_ROLLUP, ROLLUPS, rollupBuildSteps, rollupQuery, rollupViewQuery} from './rollup';

let con: DuckDBConnection;
beforeAll(async () => {
  con = await openDb();
  await createPremisesFixture(con);
});

const JUNE = dateRangeSql({from: '2024-06-01', to: '2024-06-30'}, false);
const MAY = dateRangeSql({from: '2024-05-02', to: '2024-05-31'}, false);
const LADS = [
  {code: 'E08000025', name: 'Birmingham'},
  {code: 'E08000026', name: 'Coventry'},
];

function params(overrides: Partial<RankingParams> = {}): RankingParams {
  return {
    base: 'TRUE',
    current: JUNE,
    previous: MAY,
    rankBy: 'count',
    sort: 'rank',
    descending: false,
    ladNames: LADS,
    limit: 20,
    offset: 0,
    ...overrides,
  };
}

async function ranking(overrides: Partial<RankingParams> = {}) {
  return rows(con, rankingQuery(params(overrides)));
}

test('ranks by attendances, ties share a rank and go by name; no attendances, not listed', async () => {
  const got = await ranking();
  expect(got.map((r) => [r.rank, r.id, r.n, r.prev, r.change])).toEqual([
    [1, 'P1', 10, 2, 4],
    [1, 'P2', 10, 10, 0],
    [3, 'P3', 4, 0, null],
  ]);
  expect(got.map((r) => r.total_rows)).toEqual([3, 3, 3]);
});

test('share is of licensed-premises attendances, named or not; LAD and details from premises', async () => {
  const [p1, p2] = await ranking();
  expect(p1.share).toBeCloseTo(10 / 30, 12);
  expect(p2).toMatchObject({
    name: 'Bravo Pub',
    type: 'pub',
    lad_code: 'E08000026',
    lad_name: 'Coventry',
    closing_time: '23:00',
    capacity: 50,
    rate: 20,
  });
});

test('without a previous period there is no change', async () => {
  const got = await ranking({previous: null});
  expect(got.map((r) => [r.id, r.prev, r.change])).toEqual([
    ['P1', null, null],
    ['P2', null, null],
    ['P3', null, null],
  ]);
});

test('other clauses filter incidents (the incident LAD, not the premises table)', async () => {
  const got = await ranking({base: listSql('lad', ['E08000026'])});
  expect(got.map((r) => [r.id, r.n, r.share])).toEqual([['P2', 10, 1]]);
});

test('sorts by change, descending, with unknown change last', async () => {
  const got = await ranking({sort: 'change', descending: true});
  expect(got.map((r) => r.id)).toEqual(['P1', 'P2', 'P3']);
});

test('sorts closing times in night order and LADs by name', async () => {
  expect((await ranking({sort: 'closing'})).map((r) => r.closing_time)).toEqual([
    '23:00',
    '02:00',
    '03:00',
  ]);
  expect((await ranking({sort: 'lad', descending: true})).map((r) => r.id)).toEqual([
    'P2',
    'P1',
    'P3',
  ]);
});

test('pages with LIMIT and OFFSET; total_rows counts every match', async () => {
  const got = await ranking({limit: 1, offset: 1});
  expect(got.map((r) => [r.id, r.total_rows])).toEqual([['P2', 3]]);
});

test('search by name keeps the overall rank', async () => {
  const got = await ranking({search: ' BRA'});
  expect(got.map((r) => [r.rank, r.id, r.total_rows])).toEqual([[1, 'P2', 1]]);
  expect(await ranking({search: "o'; DROP"})).toEqual([]);
});

test('one premises by id, ranked among all', async () => {
  const got = await ranking({id: 'P3'});
  expect(got.map((r) => [r.rank, r.id, r.total_rows])).toEqual([[3, 'P3', 1]]);
});

test('rank by rate per 100 capacity lists only premises of known capacity', async () => {
  const got = await ranking({rankBy: 'rate'});
  expect(got.map((r) => [r.rank, r.id, r.rate])).toEqual([
    [1, 'P2', 20],
    [2, 'P1', 5],
  ]);
});

test('sparkline: monthly attendances of the listed premises', async () => {
  const sql = sparklineQuery({
    where: dateRangeSql({from: '2024-05-01', to: '2024-07-31'}, false),
    ids: ['P1', 'P3'],
    night: false,
  });
  expect(await rows(con, sql)).toEqual([
    {id: 'P1', month: '2024-05', n: 2},
    {id: 'P1', month: '2024-06', n: 10},
    {id: 'P1', month: '2024-07', n: 1},
    {id: 'P3', month: '2024-06', n: 4},
  ]);
});

test('sparkline with night-of attribution moves early hours to the day before', async () => {
  const sql = sparklineQuery({
    where: dateRangeSql({from: '2024-05-01', to: '2024-06-30'}, true),
    ids: ['P1'],
    night: true,
  });
  // 2024-06-01 01:00 belongs to the night of 31 May.
  expect(await rows(con, sql)).toEqual([
    {id: 'P1', month: '2024-05', n: 6},
    {id: 'P1', month: '2024-06', n: 6},
  ]);
});

test.each([
  ['the defaults', {}, false],
  ['sorted by name, descending, second page, night-of dates', {sort: 'name', descending: true, limit: 2, offset: 1}, true],
  ['sorted by change, from the premises rollup', {sort: 'change', from: PREMISES_ROLLUP}, false],
  ['a search that matches nothing', {search: 'zzz'}, false],
] as [string, Partial<RankingParams>, boolean][])(
  'ranking with sparklines: the ranking rows, each with its premises sparkline (%s)',
  async (_, overrides, night) => {
    const rollup = ROLLUPS.find((r) => r.name === PREMISES_ROLLUP)!;
    await con.run(rollupQuery(rollup, PREMISES_ROLLUP, 'incidents'));
    const where = dateRangeSql({from: '2024-05-01', to: '2024-07-31'}, night);
    const got = await rows(con, rankingWithSparklinesQuery(params(overrides), {where, night}));
    const expected = await ranking(overrides);
    expect(got.map(({sparkline: _, ...row}) => row)).toEqual(expected);
    const ids = expected.map((r) => String(r.id));
    const monthly = ids.length
      ? await rows(con, sparklineQuery({where, ids, night, from: overrides.from}))
      : [];
    for (const row of got) {
      const own = monthly.filter((m) => m.id === row.id).map((m) => [m.month, m.n]);
      expect([...parseSparkline(row.sparkline)]).toEqual(own);
    }
    // Something to compare: rows with attendances in the window, except for the empty search.
    expect(got.some((r) => parseSparkline(r.sparkline).size > 0)).toBe(!overrides.search);
  },
);

test.each([
  ['the defaults', {}],
  ['a filter on location type and hours', {base: "location_type = 'licensed_premises' AND hour >= 20"}],
  ['rank by rate, sorted by change', {rankBy: 'rate', sort: 'change', descending: true}],
  ['no previous period, a search', {previous: null, search: 'a'}],
] as [string, Partial<RankingParams>][])(
  'the premises rollup ranks as incidents do: %s',
  async (_, overrides) => {
    const rollup = ROLLUPS.find((r) => r.name === PREMISES_ROLLUP)!;
    await con.run(rollupQuery(rollup, PREMISES_ROLLUP, 'incidents'));
    expect(await ranking({...overrides, from: PREMISES_ROLLUP})).toEqual(await ranking(overrides));
    const spark = (from: string) =>
      rows(con, sparklineQuery({where: JUNE, ids: ['P1', 'P2', 'P3'], night: true, from}));
    expect(await spark(PREMISES_ROLLUP)).toEqual(await spark('incidents'));
  },
);

test('the premises rollup ranks the same while it is a view of incidents and once it is built', async () => {
  const fresh = await openDb();
  await createPremisesFixture(fresh);
  const rollup = ROLLUPS.find((r) => r.name === PREMISES_ROLLUP)!;
  await fresh.run(rollupViewQuery(rollup));
  const cases: Partial<RankingParams>[] = [
    {},
    {rankBy: 'rate', sort: 'change', descending: true},
    {base: 'hour >= 20', previous: null},
  ];
  const answers = () =>
    Promise.all(
      cases.map(async (c) => [
        await rows(fresh, rankingQuery(params({...c, from: PREMISES_ROLLUP}))),
        await rows(fresh, sparklineQuery({where: JUNE, ids: ['P1', 'P2', 'P3'], night: true, from: PREMISES_ROLLUP})),
      ]),
    );
  // The ranking leaves out the licensed-premises test on the rollup: the view must keep it.
  const viewed = await answers();
  const incidents = await Promise.all(
    cases.map(async (c) => [
      await rows(fresh, rankingQuery(params(c))),
      await rows(fresh, sparklineQuery({where: JUNE, ids: ['P1', 'P2', 'P3'], night: true})),
    ]),
  );
  expect(viewed).toEqual(incidents);
  expect(viewed[0][0].length).toBeGreaterThan(0);
  for (const step of rollupBuildSteps(rollup, {first: 2024, last: 2024})) await fresh.run(step);
  expect(await rows(fresh, `SELECT view_name FROM duckdb_views() WHERE NOT internal`)).toEqual([]);
  expect(await answers()).toEqual(viewed);
  fresh.closeSync();
});
