import type {DuckDBConnection} from '@duckdb/node-api';
import {beforeAll, expect, test} from 'vitest';
import {openDb, rows} from '../../../tests/helpers/node-db';
import {breakdownQuery, breakdownsQuery} from './breakdown';
import {dateRangeSql, hourWindowSql, listSql, weekdaysSql} from './clauses';
import {and} from './filters';
import {createFixture} from './fixture.test-helper';
import {normaliseIncidentsQuery} from './normalize';
import {gridQuery, gridWithUnknownQuery, unknownHourQuery} from './grid';
import {headlineQuery} from './headline';
import {areaCountsQuery} from './hotspots';
import {areaTrendQuery} from './areas';
import {
  buildOrder,
  MAX_BUILD_STEPS,
  ROLLUPS,
  rollupQuery,
  rollupBuildSteps,
  rollupViewQuery,
  sourceTable,
} from './rollup';

const [BY_HOUR, PREMISES, BY_HOUR_LAD] = ROLLUPS.map((r) => r.name);
const BUILT = [BY_HOUR, PREMISES, BY_HOUR_LAD];
import {timelineQuery} from './timeline';

let con: DuckDBConnection;
beforeAll(async () => {
  con = await openDb();
  await createFixture(con);
  for (const r of ROLLUPS) await con.run(rollupQuery(r, r.name, 'incidents'));
});

/** Predicates over the rollup's columns only, night-of attribution on and off. */
const PREDICATES: [string, string, boolean][] = [
  ['nothing', 'TRUE', false],
  ['dates', dateRangeSql({from: '2024-06-01', to: '2024-06-02'}, false), false],
  ['night-of dates', dateRangeSql({from: '2024-06-01', to: '2024-06-02'}, true), true],
  ['hours across midnight', hourWindowSql({start: 22, end: 4}), false],
  ['night-of weekdays', weekdaysSql([5, 6], true), true],
  [
    'location and weekday',
    and(listSql('loc', ['street', 'home']), weekdaysSql([1, 7], false)),
    false,
  ],
];

test.each(PREDICATES)('the rollup gives the same numbers as incidents: %s', async (_, where, night) => {
  const both = async (build: (from: string) => string) => [
    await rows(con, build('incidents')),
    await rows(con, build(BY_HOUR)),
    await rows(con, build(BY_HOUR_LAD)),
  ];
  const cases = [
    (from: string) =>
      headlineQuery({base: where, current: 'TRUE', previous: where, hours: 'hour > 3', from}),
    (from: string) => timelineQuery({grain: 'day', where, night, from}),
    (from: string) => gridQuery({where, night, from}),
    (from: string) => unknownHourQuery(where, from),
    (from: string) => gridWithUnknownQuery({where, night, from}),
    (from: string) => breakdownQuery({column: 'location_type', where, from}),
  ];
  for (const build of cases) {
    const [raw, ...rolled] = await both(build);
    for (const r of rolled) expect(r).toEqual(raw);
  }
});

test('area counts by local authority are the same on the rollup that keeps it', async () => {
  const where = and(hourWindowSql({start: 0, end: 6}), weekdaysSql([6, 7], true));
  const sql = (from: string) => areaCountsQuery({column: 'lad_code', where, from});
  expect(await rows(con, sql(BY_HOUR_LAD))).toEqual(await rows(con, sql('incidents')));
  const trend = (from: string) => areaTrendQuery({where, night: true, from});
  expect(await rows(con, trend(BY_HOUR_LAD))).toEqual(await rows(con, trend('incidents')));
});

test('breakdownsQuery equals one breakdownQuery per dimension', async () => {
  const where = hourWindowSql({start: 0, end: 24});
  const columns = {weapon: 'weapon', sex: 'sex', loc: 'location_type', site: 'site_code'};
  const together = await rows(con, breakdownsQuery({columns, where}));
  for (const [dim, column] of Object.entries(columns)) {
    const alone = await rows(con, breakdownQuery({column, where}));
    expect(together.filter((r) => r.dim === dim).map(({code, n}) => ({code, n}))).toEqual(alone);
  }
});

test('gridWithUnknownQuery is the grid plus one row for unknown hours', async () => {
  const found = await rows(con, gridWithUnknownQuery({where: 'TRUE', night: true}));
  expect(found.filter((r) => r.h !== null)).toEqual(
    await rows(con, gridQuery({where: 'TRUE', night: true})),
  );
  expect(found.filter((r) => r.h === null)).toEqual([
    {dow: null, h: null, ...(await rows(con, unknownHourQuery('TRUE')))[0]},
  ]);
});

test.each([
  [['date', 'hour', 'location_type'], 'incidents_by_hour'],
  [['ndate', 'ndow', 'dow'], 'incidents_by_hour'],
  [['date', 'lad_code'], 'incidents_by_hour_lad'],
  [['date', 'weapon'], 'incidents'],
  [['h3'], 'incidents'],
])('sourceTable(%j) reads %s', (columns, table) => {
  expect(sourceTable(BUILT, columns)).toBe(table);
});

test('sourceTable reads the premises rollup only for views of licensed-premises rows', () => {
  expect(sourceTable(BUILT, ['date', 'premises_id'])).toBe('incidents');
  expect(sourceTable(BUILT, ['date', 'premises_id'], true)).toBe(PREMISES);
  expect(sourceTable(BUILT, ['date', 'hour'], true)).toBe(BY_HOUR);
  expect(sourceTable(BUILT, ['premises_id', 'weapon'], true)).toBe('incidents');
});

test('sourceTable reads incidents when no rollup is built or a clause is unknown', () => {
  expect(sourceTable([], ['date'])).toBe('incidents');
  expect(sourceTable(BUILT, null)).toBe('incidents');
});

test('a rollup built from a finer one equals the same rollup built from incidents', async () => {
  for (const r of buildOrder().filter((x) => x.from)) {
    await con.run(rollupQuery(r, `${r.name}_direct`, 'incidents'));
    await con.run(rollupQuery(r, `${r.name}_chained`, r.from!));
    const all = (t: string) => rows(con, `SELECT * FROM ${t} ORDER BY ALL`);
    expect(await all(`${r.name}_chained`)).toEqual(await all(`${r.name}_direct`));
  }
  expect(buildOrder().map((r) => r.name)).toEqual([PREMISES, BY_HOUR_LAD, BY_HOUR]);
});

test('every rollup answers the same while it is a view of incidents, and once built in its place', async () => {
  const fresh = await openDb();
  await createFixture(fresh);
  for (const r of ROLLUPS) await fresh.run(rollupViewQuery(r));
  const [, where, night] = PREDICATES[3];
  const queries = [
    headlineQuery({base: where, current: 'TRUE', previous: where, hours: 'hour > 3', from: BY_HOUR}),
    timelineQuery({grain: 'day', where, night, from: BY_HOUR}),
    gridWithUnknownQuery({where, night, from: BY_HOUR}),
    breakdownQuery({column: 'location_type', where, from: BY_HOUR}),
    areaCountsQuery({column: 'lad_code', where, from: BY_HOUR_LAD}),
    areaTrendQuery({where, night, from: BY_HOUR_LAD}),
  ];
  const answers = () => Promise.all(queries.map((q) => rows(fresh, q)));
  const viewed = await answers();
  for (const answer of viewed) expect(answer.length).toBeGreaterThan(0);
  for (const r of buildOrder()) for (const step of rollupBuildSteps(r, {first: 2024, last: 2024})) await fresh.run(step);
  expect(await rows(fresh, `SELECT view_name FROM duckdb_views() WHERE NOT internal`)).toEqual([]);
  const tables = await rows(fresh, `SELECT table_name FROM duckdb_tables() ORDER BY ALL`);
  expect(tables.map((t) => t.table_name)).toEqual(['incidents', ...[...BUILT].sort(), 'raw']);
  expect(await answers()).toEqual(viewed);
  fresh.closeSync();
});

test('a background build in steps, a year of dates each, gives the table one statement would', async () => {
  const multi = await openDb();
  await multi.run(`SET threads = 1`);
  // 2019-2025, every date, most hours, five local authorities, premises on some rows.
  await multi.run(`CREATE TABLE raw AS SELECT
      DATE '2019-01-01' + CAST(i % 2557 AS INTEGER) AS "date",
      CASE WHEN i % 29 = 0 THEN NULL ELSE CAST(i % 24 AS INTEGER) END AS "hour",
      'E0800002' || CAST(i % 5 AS VARCHAR) AS lad_code, NULL AS lsoa_code, NULL AS h3,
      ['licensed_premises', 'street', 'home'][1 + i % 3] AS location_type,
      CASE WHEN i % 7 = 0 THEN 'P' || CAST(i % 11 AS VARCHAR) END AS premises_id,
      'body' AS weapon, 'male' AS sex, '25-34' AS age_band, 'stranger' AS relationship,
      NULL AS site_code, CAST(1 + i % 3 AS INTEGER) AS n
    FROM range(20000) t(i)`);
  await multi.run(normaliseIncidentsQuery('incidents', ['raw']));
  for (const r of ROLLUPS) await multi.run(rollupViewQuery(r));
  const years = {first: 2019, last: 2025};
  for (const r of buildOrder()) {
    const steps = rollupBuildSteps(r, years);
    expect(steps).toHaveLength(7 + 1);
    for (const step of steps) await multi.run(step);
  }
  expect(await rows(multi, `SELECT view_name FROM duckdb_views() WHERE NOT internal`)).toEqual([]);
  const all = (t: string) => rows(multi, `SELECT * FROM ${t} ORDER BY ALL`);
  for (const r of ROLLUPS) {
    await multi.run(rollupQuery(r, `${r.name}_whole`, 'incidents'));
    expect(await all(r.name), r.name).toEqual(await all(`${r.name}_whole`));
    // Stored in date order, as one statement stores it (a date filter then skips row groups).
    const dates = (await rows(multi, `SELECT CAST("date" AS VARCHAR) AS d FROM ${r.name}`)).map((x) => x.d);
    expect(dates).toEqual([...dates].sort());
  }
  // A hostile span of years takes a dozen steps or so, not thousands, and loses no row.
  const wide = rollupBuildSteps(ROLLUPS[1], {first: 1, last: 9999});
  expect(wide.length).toBeLessThanOrEqual(MAX_BUILD_STEPS + 1);
  await multi.run(rollupViewQuery({...ROLLUPS[1], name: 'wide'}));
  for (const step of rollupBuildSteps({...ROLLUPS[1], name: 'wide'}, {first: 1, last: 9999})) await multi.run(step);
  expect(await all('wide')).toEqual(await all(`${ROLLUPS[1].name}_whole`));
  // One year: one statement and the swap, as before.
  expect(rollupBuildSteps(ROLLUPS[0], {first: 2024, last: 2024})).toHaveLength(2);
  multi.closeSync();
});
