import {
  DataType,
  Dictionary,
  Field,
  Int32,
  makeData,
  makeVector,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import type {DuckDBConnection} from '@duckdb/node-api';
import {expect, test} from 'vitest';
import {openDb, rows, scalar} from '../../tests/helpers/node-db';
import {ENUMS, TABLE_COLUMNS} from './schema';
import {passedScreens, screenChunk, screenKey} from './screen';
import {literal} from './sql/filters';
import {INCIDENT_SCREENS, incidentChecks} from './sql/validation';
import {IncidentChecks} from './tables';

const ALL = new Set(TABLE_COLUMNS.incidents.map((c) => c.name));
const SCREENED = incidentChecks(ALL).filter((c) => c.screen);
const STRINGS = ['location_type', 'weapon', 'sex', 'age_band', 'relationship', 'h3'] as const;

/** Near misses of the allowed values: case, spaces, accents, lengths, empty, NULL. */
const NEAR_ENUM = ['Street', 'street ', ' male', '', 'stréet', 'bodyy', 'bod', 'licensed-premises', 'street\t', null];
const GOOD_H3 = ['89195da49b7ffff', '891f1d48a4bffff', '8900000000fffff'];
const BAD_H3 = ['89195DA49B7FFFF', '8919', '88195da49b7ffff', '89195da49b7ffffa', ' 89195da49b7fff', '89195da49b7fffg', '', 'é9195da49b7fff'];

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Columns = Record<string, (string | number | null)[]>;

/** Rows of the screened columns: mostly good values, sometimes a near miss (`bad` of the time). */
function sample(next: () => number, size: number, bad: number): Columns {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const columns: Columns = {date: [], n: []};
  for (const c of STRINGS) columns[c] = [];
  for (let i = 0; i < size; i++) {
    columns.date.push(next() < bad / 4 ? null : '2024-01-01');
    columns.n.push(next() < bad / 4 ? null : 1);
    for (const c of STRINGS) {
      const good = c === 'h3' ? [...GOOD_H3, null] : ENUMS[c];
      const near = c === 'h3' ? BAD_H3 : NEAR_ENUM;
      columns[c].push(next() < bad ? pick(near) : pick(good));
    }
  }
  return columns;
}

/** The columns as the decoder sees them: Arrow through an IPC stream, in batches of `batch`. */
function arrow(columns: Columns, batch: number, dictionary: boolean): Table {
  const types: Record<string, DataType> = {date: new Utf8(), n: new Int32()};
  for (const c of STRINGS) {
    types[c] = dictionary && c !== 'h3' ? new Dictionary(new Utf8(), new Int32()) : new Utf8();
  }
  const fields = Object.entries(types).map(([name, type]) => new Field(name, type, true));
  const schema = new Schema(fields);
  const batches = [];
  for (let start = 0; start < columns.date.length; start += batch) {
    const children = fields.map((f) => vectorFromArray(columns[f.name].slice(start, start + batch), f.type).data[0]);
    const data = makeData({type: new Struct(fields), length: children[0].length, children});
    batches.push(new RecordBatch(schema, data));
  }
  return tableFromIPC(tableToIPC(new Table(schema, batches), 'stream'));
}

/** The same rows in DuckDB, as the raw table the loader checks. */
async function duck(columns: Columns, con?: DuckDBConnection) {
  con ??= await openDb();
  const names = Object.keys(columns);
  const values = columns.date.map((_, i) => `(${names.map((c) => literal(columns[c][i])).join(', ')})`);
  // Typed as the decoder's columns, even when a sample's values are all NULL.
  const typed = names.map((c) => `CAST("${c}" AS ${c === 'n' ? 'INTEGER' : 'VARCHAR'}) AS "${c}"`);
  const list = names.map((c) => `"${c}"`).join(', ');
  await con.run(`CREATE OR REPLACE TABLE raw AS SELECT ${typed.join(', ')} FROM (VALUES ${values.join(', ')}) t(${list})`);
  return con;
}

test('a screen passes exactly when the DuckDB check finds no bad row', async () => {
  const next = random(7);
  let passes = 0;
  let fails = 0;
  const con = await openDb();
  for (let trial = 0; trial < 120; trial++) {
    const columns = sample(next, 1 + Math.floor(next() * 40), [0, 0.01, 0.05, 0.2][trial % 4]);
    const passed = passedScreens(arrow(columns, 1 + Math.floor(next() * 16), trial % 3 === 0), INCIDENT_SCREENS);
    await duck(columns, con);
    for (const check of SCREENED) {
      const bad = await scalar(con, `SELECT count(*) FILTER (WHERE ${check.bad}) FROM raw`);
      const key = screenKey(check.screen!);
      expect(passed.includes(key), `${key}, trial ${trial}`).toBe(bad === 0);
      if (bad === 0) passes++;
      else fails++;
    }
  }
  // Both outcomes occur often enough for the comparison to mean something.
  expect(passes).toBeGreaterThan(300);
  expect(fails).toBeGreaterThan(300);
});

test("a passed value screen on plain strings codes each row as its value's position", () => {
  const next = random(11);
  let coded = 0;
  for (let trial = 0; trial < 60; trial++) {
    const columns = sample(next, 1 + Math.floor(next() * 40), [0, 0.02][trial % 2]);
    const dictionary = trial % 3 === 0;
    const table = arrow(columns, 1 + Math.floor(next() * 16), dictionary);
    const {passed, codes} = screenChunk(table, INCIDENT_SCREENS);
    expect(passed).toEqual(passedScreens(table, INCIDENT_SCREENS));
    for (const screen of INCIDENT_SCREENS) {
      if (screen.kind !== 'in') continue;
      const found = codes.get(screen.column);
      // Only where the screen passed, and only rows of text: a dictionary's rows are its indices.
      expect(found !== undefined, `${screen.column}, trial ${trial}`).toBe(
        !dictionary && passed.includes(screenKey(screen)),
      );
      if (!found) continue;
      const vector = table.getChild(screen.column)!;
      expect(found.map((c) => c.length)).toEqual(vector.data.map((d) => d.length));
      const rows = found.flatMap((c) => [...c]);
      for (const [i, value] of columns[screen.column].entries()) {
        if (value !== null) expect(screen.values[rows[i]]).toBe(value);
      }
      coded++;
    }
  }
  expect(coded).toBeGreaterThan(100);
});

test('a column of another type passes no value screen, and an absent one no screen at all', () => {
  const table = tableFromIPC(
    tableToIPC(new Table({weapon: vectorFromArray([1, 2], new Int32()), n: vectorFromArray([1, 2], new Int32())})),
  );
  expect(passedScreens(table, INCIDENT_SCREENS)).toEqual(['null:weapon', 'null:n']);
});

test('DuckDB runs only the checks the decoder did not pass, and reports them in check order', async () => {
  const columns = sample(random(3), 30, 0);
  columns.weapon[4] = 'sword';
  columns.h3[7] = 'nothex';
  columns.date[9] = null;
  const con = await duck(columns);
  await con.run(`ALTER TABLE raw ADD COLUMN "hour" INTEGER DEFAULT 25`);
  const sent: string[] = [];
  const db = {
    query: (sql: string) => (sent.push(sql), rows(con, sql)),
    insertArrow: () => Promise.reject(new Error('not used')),
  };
  const usable = new Set([...Object.keys(columns), 'hour']);
  const checks = new IncidentChecks('incidents.parquet', usable, undefined);
  await checks.check(db, 'raw', passedScreens(arrow(columns, 8, false), INCIDENT_SCREENS));
  expect(sent).toHaveLength(1);
  expect(sent[0]).not.toContain('"location_type" NOT IN');
  expect(sent[0]).toContain('"weapon" NOT IN');
  expect(checks.problems().map((p) => [p.column, p.message])).toEqual([
    ['weapon', 'unknown value (allowed: body, knife_sharp, blunt, glass_bottle, firearm, other, unknown): 1 row(s), e.g. "sword"'],
    ['date', 'empty (NULL) values; this column must always have a value: 1 row(s), e.g. "NULL"'],
    ['hour', 'hour outside 0-23: 30 row(s), e.g. "25"'],
    ['h3', 'not an H3 cell at resolution 9 written in lower-case hex (e.g. 89195da49b7ffff): 1 row(s), e.g. "nothex"'],
  ]);
});

test("a NULL among a dictionary column's values fails its NULL screen, as DuckDB would see it", () => {
  const type = new Dictionary(new Utf8(), new Int32());
  const dictionary = vectorFromArray(['street', null], new Utf8());
  const indices = makeData({type, length: 2, nullCount: 0, data: Int32Array.from([0, 1]), dictionary});
  const table = new Table({location_type: makeVector(indices)});
  expect(table.getChild('location_type')!.toArray()).toEqual(['street', null]);
  const passed = passedScreens(table, INCIDENT_SCREENS);
  expect(passed).toContain('in:location_type');
  expect(passed).not.toContain('null:location_type');
});
