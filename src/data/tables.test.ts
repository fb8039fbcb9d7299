import {expect, test} from 'vitest';
import {openDb, rows} from '../../tests/helpers/node-db';
import {FIXTURE_ROWS} from './sql/fixture.test-helper';
import {LICENSED_SQL, PREMISES_ROLLUP, ROLLUPS} from './sql/rollup';
import {
  appendIncidents,
  COMPRESS_FROM_ROWS,
  datasetRows,
  finishTables,
  rollupTiming,
  storeFor,
  type RollupTiming,
  type RawTable,
} from './tables';
import {TABLE_COLUMNS} from './schema';

/** A connection set up as db.ts sets up DuckDB-WASM: a compressed store beside the default. */
async function connect() {
  const con = await openDb();
  await con.run(`ATTACH ':memory:' AS vsd (COMPRESS)`);
  await con.run(`SET search_path = 'memory.main,vsd.main'`);
  const db = {
    query: (sql: string) => rows(con, sql),
    insertArrow: () => Promise.reject(new Error('not used')),
    store: 'vsd',
    loadedBefore: false,
  };
  return {con, db};
}

async function load(
  db: Awaited<ReturnType<typeof connect>>['db'],
  store: string | undefined,
  times = 1,
  rollups: RollupTiming = 'later',
  years: readonly number[] = [2024],
) {
  // The fixture's rows (all in 2024), in each of `years`.
  const values = years.flatMap((year) =>
    FIXTURE_ROWS.map(
      ([date, hour, lad, loc, weapon, sex, n]) =>
        `(DATE '${year}${date.slice(4)}', ${hour ?? 'NULL'}, '${lad}', NULL, NULL, '${loc}', NULL, '${weapon}', '${sex}', '25-34', 'stranger', NULL, ${n * times})`,
    ),
  );
  await db.query(`CREATE OR REPLACE TABLE _raw_0 AS SELECT * FROM (VALUES ${values.join(',')})
    t("date", "hour", lad_code, lsoa_code, h3, location_type, premises_id, weapon, sex, age_band, relationship, site_code, n)`);
  const columns = TABLE_COLUMNS.incidents.map((c) => ({name: c.name, type: 'VARCHAR'}));
  const raw: RawTable = {file: 'incidents.parquet', table: '_raw_0', columns, role: 'incidents'};
  await appendIncidents(db, raw, true, store);
  await db.query('DROP TABLE _raw_0');
  try {
    return await finishTables(db, [], new Map(), {rollups, store});
  } finally {
    db.loadedBefore = true;
  }
}

const where = async (db: Awaited<ReturnType<typeof connect>>['db']) =>
  Object.fromEntries(
    (await db.query(`SELECT table_name, database_name FROM duckdb_tables() WHERE NOT temporary`)).map(
      (r) => [String(r.table_name), String(r.database_name)],
    ),
  );

test('a big dataset is stored compressed, a small one as before', () => {
  const db = {query: () => Promise.resolve([]), insertArrow: () => Promise.resolve(), store: 'vsd'};
  expect(storeFor(db, COMPRESS_FROM_ROWS - 1)).toBeUndefined();
  expect(storeFor(db, COMPRESS_FROM_ROWS)).toBe('vsd');
  expect(storeFor({...db, store: undefined}, COMPRESS_FROM_ROWS)).toBeUndefined();
});

const views = async (db: Awaited<ReturnType<typeof connect>>['db']) =>
  Object.fromEntries(
    (await db.query(`SELECT view_name, database_name FROM duckdb_views() WHERE NOT internal`)).map(
      (r) => [String(r.view_name), String(r.database_name)],
    ),
  );

const sum = async (db: Awaited<ReturnType<typeof connect>>['db'], table: string) =>
  (await db.query(`SELECT CAST(SUM(n) AS DOUBLE) AS n FROM ${table}`))[0].n;

test('incidents and its rollups go to the store, where unqualified names find them, and a reload replaces them', async () => {
  const {db} = await connect();
  const total = FIXTURE_ROWS.reduce((s, r) => s + r[6], 0);
  const first = await load(db, 'vsd');
  expect(first.attendances).toBe(total);
  // The rollups are views of incidents until built, in the same store.
  const names = ROLLUPS.map((r) => r.name);
  const licensed = await sum(db, `incidents WHERE ${LICENSED_SQL}`);
  expect(licensed).toBeGreaterThan(0);
  expect(licensed).toBeLessThan(total);
  const stand = await views(db);
  for (const t of names) expect(stand[t]).toBe('vsd');
  expect((await where(db)).incidents).toBe('vsd');
  for (const t of names) expect(await sum(db, t)).toBe(t === PREMISES_ROLLUP ? licensed : total);
  // One year of dates: each rollup's build is one statement, then its swap.
  expect(first.buildRollups).toHaveLength(2 * names.length);
  for (const sql of first.buildRollups) await db.query(sql);
  const placed = await where(db);
  for (const t of ['incidents', ...names]) expect(placed[t]).toBe('vsd');
  expect(placed.premises).toBe('memory');
  expect(await views(db)).toEqual({});
  expect(Object.keys(placed).filter((t) => t.startsWith('_building_'))).toEqual([]);
  for (const t of names) expect(await sum(db, t)).toBe(t === PREMISES_ROLLUP ? licensed : total);

  // A second dataset, stored uncompressed (smaller), replaces the first wherever each table was;
  // a third replaces the second's views, whose build never ran.
  await load(db, undefined, 3);
  expect(Object.keys(await views(db)).sort()).toEqual([...names].sort());
  const last = await load(db, undefined, 2);
  for (const sql of last.buildRollups) await db.query(sql);
  const replaced = await where(db);
  expect(replaced.incidents).toBe('memory');
  expect(Object.keys(replaced).filter((t) => t.startsWith('_next_'))).toEqual([]);
  expect(await views(db)).toEqual({});
  expect(await sum(db, 'incidents')).toBe(2 * total);
  expect(await sum(db, 'incidents_by_hour_lad')).toBe(2 * total);
});

test('a dataset is sized from its incidents files: known rows, else the file being stored', () => {
  const manifest = ['incidents', 'incidents', 'incidents', 'premises', 'sites'] as const;
  // Uneven files, all opened: their own counts, not the first one's times three.
  expect(datasetRows(manifest, [100, 9_000_000, 500, 20, 3], 0, 100)).toBe(9_000_600);
  // Files still downloading count as the one being stored.
  expect(datasetRows(manifest, [2_000_000, undefined, 1_000_000, 20, 3], 0, 2_000_000)).toBe(5_000_000);
  // Bare files: the one being read (premises and sites files among them do not count).
  expect(datasetRows([null, null, null], [1_500_000, 2_000, 40], 0, 1_500_000)).toBe(1_500_000);
});

test('a big dataset builds its rollups in the load; a small one leaves them to the background', async () => {
  expect(rollupTiming(false, 'vsd')).toBe('now');
  expect(rollupTiming(false, undefined)).toBe('later');
  expect(rollupTiming(true, 'vsd')).toBe('none');
  const {db} = await connect();
  const total = FIXTURE_ROWS.reduce((s, r) => s + r[6], 0);
  const now = await load(db, 'vsd', 1, 'now');
  expect(now.buildRollups).toEqual([]);
  expect(await views(db)).toEqual({});
  const placed = await where(db);
  for (const r of ROLLUPS) expect(placed[r.name]).toBe('vsd');
  expect(await sum(db, 'incidents_by_hour')).toBe(total);
  const none = await load(db, undefined, 1, 'none');
  expect(none.rollups).toEqual([]);
  expect(none.buildRollups).toEqual([]);
  expect(await views(db)).toEqual({});
  expect(Object.keys(await where(db)).sort()).toEqual(['incidents', 'premises', 'sites']);
});

test('a big load whose rollup build fails leaves the dataset before it whole, views and all', async () => {
  const {db} = await connect();
  const total = FIXTURE_ROWS.reduce((s, r) => s + r[6], 0);
  const first = await load(db, undefined, 1, 'later');
  const failing = {
    ...db,
    query: (sql: string) =>
      /^CREATE OR REPLACE TABLE "vsd"\."_(next|building)_incidents_by_hour_lad"/.test(sql)
        ? Promise.reject(new Error('Out of Memory Error'))
        : db.query(sql),
  };
  await expect(load(failing, 'vsd', 2, 'now')).rejects.toThrow('Out of Memory');
  expect(await sum(db, 'incidents')).toBe(total);
  expect(Object.keys(await views(db)).sort()).toEqual(ROLLUPS.map((r) => r.name).sort());
  // The first dataset's build can still run to the end.
  for (const sql of first.buildRollups) await db.query(sql);
  expect(await views(db)).toEqual({});
  for (const r of ROLLUPS) expect(await sum(db, r.name)).toBeGreaterThan(0);
  expect(await sum(db, 'incidents_by_hour_lad')).toBe(total);
  expect(Object.keys(await where(db)).filter((t) => t.startsWith('_next_'))).toEqual([]);
});

test('a reload replaces every table in one call: a query between any two of its calls finds them all', async () => {
  const names = ROLLUPS.map((r) => r.name);
  // `built`: how many of the first dataset's background build steps ran, two per rollup here
  // (some rollups tables, some views, one part built, where a reload stopped the build).
  const cases: {first: RollupTiming; built: number; next: RollupTiming}[] = [
    {first: 'later', built: 0, next: 'later'},
    {first: 'later', built: 1, next: 'later'},
    {first: 'later', built: 2, next: 'now'},
    {first: 'later', built: 5, next: 'later'},
    {first: 'later', built: 6, next: 'now'},
    {first: 'now', built: 0, next: 'later'},
    {first: 'later', built: 0, next: 'none'},
  ];
  for (const c of cases) {
    const {db} = await connect();
    const first = await load(db, c.first === 'now' ? 'vsd' : undefined, 1, c.first);
    for (const sql of first.buildRollups.slice(0, c.built)) await db.query(sql);
    // A view's query may land between any two calls of the load (the worker runs one at a time).
    const missing: string[] = [];
    let replaced = false;
    const probed = {
      ...db,
      query: async (sql: string) => {
        const result = await db.query(sql);
        replaced ||= sql.includes('RENAME TO "incidents"');
        // Naive mode (none) reads no rollup: the old ones go with the old incidents.
        const rollups = c.next === 'none' && replaced ? [] : names;
        for (const t of ['incidents', 'premises', 'sites', ...rollups]) {
          await db
            .query(`SELECT count(*) FROM ${t}`)
            .catch((e: Error) => missing.push(`${t} after ${sql.slice(0, 50)}: ${e.message}`));
        }
        return result;
      },
    };
    const next = await load(probed, c.next === 'now' ? 'vsd' : undefined, 2, c.next);
    expect(missing, JSON.stringify(c)).toEqual([]);
    const total = FIXTURE_ROWS.reduce((s, r) => s + r[6], 0);
    expect(await sum(db, 'incidents')).toBe(2 * total);
    for (const sql of next.buildRollups) await db.query(sql);
    const licensed = await sum(db, `incidents WHERE ${LICENSED_SQL}`);
    for (const t of next.rollups) expect(await sum(db, t)).toBe(t === PREMISES_ROLLUP ? licensed : 2 * total);
  }
});

test('a dataset of several years builds each rollup a year at a time, to the same sums', async () => {
  const {db} = await connect();
  const total = FIXTURE_ROWS.reduce((s, r) => s + r[6], 0);
  const loaded = await load(db, undefined, 1, 'later', [2022, 2023, 2024]);
  expect(loaded.period).toEqual({start: '2022-05-31', end: '2024-06-03'});
  // Per rollup: a CREATE for 2022, an INSERT each for 2023 and 2024, then the swap.
  expect(loaded.buildRollups).toHaveLength(ROLLUPS.length * 4);
  expect(loaded.buildRollups.filter((s) => s.startsWith('INSERT INTO'))).toHaveLength(ROLLUPS.length * 2);
  for (const sql of loaded.buildRollups) await db.query(sql);
  expect(await views(db)).toEqual({});
  const licensed = await sum(db, `incidents WHERE ${LICENSED_SQL}`);
  for (const r of ROLLUPS) expect(await sum(db, r.name)).toBe(r.name === PREMISES_ROLLUP ? licensed : 3 * total);
});

test('a build resumed after a load failed part-way through replacing the tables mixes no datasets', async () => {
  const {db} = await connect();
  const first = await load(db, undefined, 1, 'later', [2022, 2023, 2024]);
  // The first rollup part built (its 2022 and 2023), when the next load starts.
  for (const sql of first.buildRollups.slice(0, 2)) await db.query(sql);
  // The next load's replace runs out of memory right after incidents is swapped in.
  const failing = {
    ...db,
    query: async (sql: string) => {
      if (!sql.includes('RENAME TO "incidents"')) return db.query(sql);
      for (const statement of sql.split(';\n')) {
        await db.query(statement);
        if (statement.includes('RENAME TO "incidents"')) throw new Error('Out of Memory Error');
      }
      return [];
    },
  };
  await expect(load(failing, undefined, 10, 'later', [2022, 2023, 2024])).rejects.toThrow('Out of Memory');
  // The store resumes the first dataset's build, and stops at the first failing step.
  for (const sql of first.buildRollups.slice(2)) {
    const ok = await db.query(sql).then(() => true, () => false);
    if (!ok) break;
  }
  // Whatever the rollups are now (tables or views), each sums what incidents holds.
  const licensed = await sum(db, `incidents WHERE ${LICENSED_SQL}`);
  const total = await sum(db, 'incidents');
  for (const r of ROLLUPS) {
    const n = await sum(db, r.name).catch(() => null);
    if (n !== null) expect(n, r.name).toBe(r.name === PREMISES_ROLLUP ? licensed : total);
  }
});

test.each(['now', 'later'] as const)(
  'a load whose filter lists fail leaves the old dataset whole (rollups %s)',
  async (rollups) => {
    const {db} = await connect();
    const store = rollups === 'now' ? 'vsd' : undefined;
    await load(db, store, 1, rollups);
    const total = await sum(db, 'incidents');
    // The lists of local authorities and ED sites are the last queries of a load.
    for (const list of ['lad_code', 'site_code']) {
      const failing = {
        ...db,
        query: (sql: string) =>
          sql.includes(`SELECT "${list}" AS code`)
            ? Promise.reject(new Error('Out of Memory Error'))
            : db.query(sql),
      };
      await expect(load(failing, store, 10, rollups)).rejects.toThrow('Out of Memory');
      // The old dataset is still what every table holds: nothing was replaced.
      expect(await sum(db, 'incidents'), list).toBe(total);
      const licensed = await sum(db, `incidents WHERE ${LICENSED_SQL}`);
      for (const r of ROLLUPS) {
        expect(await sum(db, r.name), r.name).toBe(r.name === PREMISES_ROLLUP ? licensed : total);
      }
      const left = await db.query(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '\\_next\\_%' ESCAPE '\\'`);
      expect(left).toEqual([]);
    }
  },
);
