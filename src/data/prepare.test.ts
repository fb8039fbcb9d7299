import {
  DataType,
  DateDay,
  Dictionary,
  Int8,
  Int32,
  Int64,
  makeData,
  makeVector,
  RecordBatch,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  vectorFromArray,
  type Vector,
} from 'apache-arrow';
import {describe, expect, it} from 'vitest';
import {openDb, rows} from '../../tests/helpers/node-db';
import {prepareIncidents} from './prepare';
import {screenChunk} from './screen';
import {INCIDENT_SCREENS} from './sql/validation';
import {createIncidentsQuery, INCIDENT_TABLE_COLUMNS, normaliseIncidentsQuery} from './sql/normalize';

const DAY_MS = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** Raw rows as a file holds them: every contract column, NULLs where the contract allows. */
type RawRow = [string, number | null, string | null, string | null, string | null, string, string | null, string, string, string, string, string | null, number];
const RAW: RawRow[] = [
  ['2024-06-01', 1, 'E08000025', 'E01009000', '89195da49b7ffff', 'street', 'P1', 'body', 'male', '18-24', 'stranger', 'RRK', 2],
  ['2024-06-01', 22, null, null, null, 'licensed_premises', null, 'glass_bottle', 'female', '25-34', 'acquaintance', null, 4],
  ['2024-06-02', 0, 'E08000026', 'E01009001', '891f1d48177ffff', 'home', 'P2', 'knife_sharp', 'unknown', '65+', 'family', 'RXK', 1],
  ['2024-06-03', null, 'E08000027', 'E01009002', '89195da4d83ffff', 'other', null, 'unknown', 'male', '0-15', 'partner_ex', 'RRK', 7],
  ['2024-06-03', 5, 'E08000025', null, '8900000000fffff', 'unknown', 'P3', 'firearm', 'female', 'unknown', 'other', null, 2147483647],
  ['2024-06-03', 6, 'E08000025', 'E01009003', '89ffffffffffff0', 'school', 'P4', 'blunt', 'male', '50-64', 'unknown', 'RXK', 3],
  ['1969-12-31', 23, 'E08000025', 'E01009004', '89195da49b7ffff', 'workplace', null, 'other', 'male', '16-17', 'stranger', null, 1],
  ['1969-12-31', 3, 'E08000026', null, '891f1d48177ffff', 'street', null, 'body', 'female', '25-34', 'family', null, 5],
  ['2025-01-01', 3, 'E08000026', 'E01009005', null, 'public_transport', 'P5', 'body', 'female', '35-49', 'stranger', 'RRK', 9],
];
const NAMES = ['date', 'hour', 'lad_code', 'lsoa_code', 'h3', 'location_type', 'premises_id', 'weapon', 'sex', 'age_band', 'relationship', 'site_code', 'n'];

/** A record batch of raw rows, with the given Arrow vectors for some columns. */
function batch(rs: RawRow[], override: Record<string, Vector> = {}): RecordBatch {
  const col = (i: number) => rs.map((r) => r[i]);
  const vectors: Record<string, Vector> = {
    date: makeVector(makeData({type: new DateDay(), length: rs.length, data: Int32Array.from(rs, (r) => day(r[0]))})),
    hour: vectorFromArray(col(1), new Int8()),
    n: vectorFromArray(col(12), new Int32()),
    ...Object.fromEntries(NAMES.slice(2, 12).map((name, k) => [name, vectorFromArray(col(k + 2), new Utf8())])),
    ...override,
  };
  return new Table(Object.fromEntries(NAMES.map((n) => [n, vectors[n]]))).batches[0];
}

/** DuckDB's own normalisation of the same rows, as text, sorted. */
async function duckdbRows(rs: RawRow[]): Promise<string[]> {
  const con = await openDb();
  const sql = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v}'`);
  const values = rs.map((r) => `(DATE ${sql(r[0])}, ${r.slice(1).map(sql).join(', ')})`);
  await con.run(`CREATE TABLE raw AS SELECT * FROM (VALUES ${values.join(',')}) t(${NAMES.map((n) => `"${n}"`).join(', ')})`);
  await con.run(normaliseIncidentsQuery('incidents', ['raw']));
  const text = INCIDENT_TABLE_COLUMNS.map((c) => `COALESCE(CAST("${c.name}" AS VARCHAR), 'NULL')`);
  return (await rows(con, `SELECT concat_ws('|', ${text.join(', ')}) AS r FROM incidents`)).map((r) => String(r.r)).sort();
}

/** The prepared stream's rows, as text the same way, sorted. */
function preparedRows(ipc: Uint8Array): string[] {
  const table = tableFromIPC(ipc);
  expect(table.schema.fields.map((f) => f.name)).toEqual(INCIDENT_TABLE_COLUMNS.map((c) => c.name));
  const text = (name: string, v: unknown) => {
    if (v === null || v === undefined) return 'NULL';
    if (name === 'date' || name === 'ndate') return new Date(Number(v)).toISOString().slice(0, 10);
    return String(v);
  };
  return table
    .toArray()
    .map((r: Record<string, unknown>) => INCIDENT_TABLE_COLUMNS.map((c) => text(c.name, r[c.name])).join('|'))
    .sort();
}

describe('prepareIncidents', () => {
  it('gives every row the columns DuckDB normalisation gives it, over several batches', async () => {
    const type = new Dictionary(new Utf8(), new Int8());
    const weapons = (rs: RawRow[]) => ({weapon: vectorFromArray(rs.map((r) => r[7]), type)});
    const [a, b] = [RAW.slice(0, 4), RAW.slice(4)];
    const table = new Table([batch(a, weapons(a)), batch(b, weapons(b))]);
    const prepared = prepareIncidents(table, true, null)!;
    expect(prepared).not.toBeNull();
    expect(preparedRows(prepared.ipc)).toEqual(await duckdbRows(RAW));
  });

  it('sends the columns the screens coded as dictionaries of their values, with the same rows', async () => {
    const [a, b] = [RAW.slice(0, 5), RAW.slice(5)];
    const table = new Table([batch(a), batch(b)]);
    const {passed, codes} = screenChunk(table, INCIDENT_SCREENS);
    expect([...codes.keys()].sort()).toEqual(['age_band', 'location_type', 'relationship', 'sex', 'weapon']);
    const prepared = prepareIncidents(table, passed.length === INCIDENT_SCREENS.length, null, codes)!;
    const sent = tableFromIPC(prepared.ipc);
    for (const name of codes.keys()) {
      expect(DataType.isDictionary(sent.schema.fields.find((f) => f.name === name)!.type), name).toBe(true);
    }
    expect(DataType.isDictionary(sent.schema.fields.find((f) => f.name === 'lad_code')!.type)).toBe(false);
    expect(preparedRows(prepared.ipc)).toEqual(await duckdbRows(RAW));
  });

  it("keeps the coded columns' dictionaries apart from the chunk's own", async () => {
    // Local authorities saved as a category: a dictionary with a stream's first id, 0.
    const lads = vectorFromArray(RAW.map((r) => r[2]), new Dictionary(new Utf8(), new Int32(), 0));
    const table = tableFromIPC(tableToIPC(new Table([batch(RAW, {lad_code: lads})]), 'stream'));
    const {passed, codes} = screenChunk(table, INCIDENT_SCREENS);
    expect(codes.size).toBe(5);
    const prepared = prepareIncidents(table, passed.length === INCIDENT_SCREENS.length, null, codes);
    expect(prepared).not.toBeNull();
    const ids = tableFromIPC(prepared!.ipc).schema.fields.flatMap((f) => (DataType.isDictionary(f.type) ? [Number(f.type.id)] : []));
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect(preparedRows(prepared!.ipc)).toEqual(await duckdbRows(RAW));
  });

  /** Hours and counts as 64-bit integers, as pandas writes them. */
  const int64 = (i: number) => vectorFromArray(RAW.map((r) => (r[i] === null ? null : BigInt(r[i] as number))), new Int64());

  it('converts 64-bit hours and counts as DuckDB does', async () => {
    const prepared = prepareIncidents(new Table([batch(RAW, {hour: int64(1), n: int64(12)})]), true, null)!;
    expect(preparedRows(prepared.ipc)).toEqual(await duckdbRows(RAW));
  });

  it('counts rows, attendances and the rows outside the period, and names the column types', () => {
    const table = new Table([batch(RAW, {hour: int64(1), n: int64(12)})]);
    const prepared = prepareIncidents(table, true, {start: '2024-01-01', end: '2024-12-31'})!;
    expect(prepared.stats.rows).toBe(RAW.length);
    expect(prepared.stats.attendances).toBe(RAW.reduce((s, r) => s + r[12], 0));
    expect(prepared.stats.outside).toEqual({rows: 3, first: '1969-12-31', last: '2025-01-01'});
    const types = Object.fromEntries(prepared.stats.columns.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({date: 'DATE', hour: 'BIGINT', n: 'BIGINT', h3: 'VARCHAR', weapon: 'VARCHAR'});
    expect(prepareIncidents(table, true, null)!.stats.outside).toEqual({rows: 0, first: '', last: ''});
  });

  it('leaves to DuckDB a chunk with a value or a column it must report or convert', () => {
    const ok = new Table([batch(RAW)]);
    expect(prepareIncidents(ok, false, null)).toBeNull();
    const badHour = RAW.map((r, i): RawRow => (i === 3 ? [r[0], 24, ...r.slice(2)] as RawRow : r));
    expect(prepareIncidents(new Table([batch(badHour)]), true, null)).toBeNull();
    const badCount = RAW.map((r, i): RawRow => (i === 5 ? [...r.slice(0, 12), 0] as RawRow : r));
    expect(prepareIncidents(new Table([batch(badCount)]), true, null)).toBeNull();
    // Year 10000: DuckDB words the period warning for it.
    const farDays = Int32Array.from(RAW, (r, i) => (i === 2 ? 2_932_897 : day(r[0])));
    const far = makeVector(makeData({type: new DateDay(), length: RAW.length, data: farDays}));
    expect(prepareIncidents(new Table([batch(RAW, {date: far})]), true, null)).toBeNull();
    const textDate = vectorFromArray(RAW.map((r) => r[0]), new Utf8());
    expect(prepareIncidents(new Table([batch(RAW, {date: textDate})]), true, null)).toBeNull();
    const kept = ok.schema.fields.filter((f) => f.name !== 'lsoa_code');
    const withoutLsoa = new Table(Object.fromEntries(kept.map((f) => [f.name, ok.getChild(f.name)!])));
    expect(prepareIncidents(withoutLsoa, true, null)).toBeNull();
  });

  it('declares the same table as the normalisation query builds', async () => {
    const con = await openDb();
    await con.run(createIncidentsQuery('declared'));
    const values = NAMES.map((n) => (n === 'date' ? `DATE '2024-06-01'` : n === 'hour' || n === 'n' ? '1' : n === 'h3' ? `'${RAW[0][4]}'` : "'unknown'"));
    await con.run(`CREATE TABLE raw AS SELECT ${values.map((v, i) => `${v} AS "${NAMES[i]}"`).join(', ')}`);
    await con.run(normaliseIncidentsQuery('built', ['raw']));
    const describe = (t: string) => rows(con, `SELECT column_name, column_type FROM (DESCRIBE ${t})`);
    expect(await describe('declared')).toEqual(await describe('built'));
  });
});
