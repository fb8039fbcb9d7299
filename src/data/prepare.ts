/**
 * A chunk of incidents given the columns of `incidents` by the Parquet decoder, so DuckDB inserts
 * it once, straight into the table. Otherwise DuckDB writes every chunk twice on its one thread:
 * as a raw table, then cast and derived into `incidents` (at 1M rows, 190 ms of its 470 ms a
 * chunk of 200k rows, beside 30-110 ms of checks and counts this also saves).
 *
 * Only a chunk that passes every check takes this way: every screen (screen.ts), hours 0-23,
 * counts 1 to MAX_N, and columns of types read here. Anything else goes the raw way, where DuckDB
 * counts the bad rows and finds an example, as before.
 */
import {
  DataType,
  DateDay,
  DateUnit,
  Dictionary,
  Field,
  Int8,
  Int32,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableToIPC,
  Uint64,
  Utf8,
  vectorFromArray,
  type Data,
  type Vector,
} from 'apache-arrow';
import {fromDayNumber, toDayNumber} from './period';
import {ENUMS, TABLE_COLUMNS} from './schema';
import {H3_LENGTH} from './screen';
import {INCIDENT_TABLE_COLUMNS} from './sql/normalize';
import {MAX_N} from './sql/validation';

/** What the loader learns of a prepared chunk without asking DuckDB. */
export interface PreparedStats {
  rows: number;
  /** `SUM(n)`. */
  attendances: number;
  /** Rows dated outside the manifest's period, with the first and last of their dates. */
  outside: {rows: number; first: string; last: string};
  /** The contract's columns with the types DuckDB's DESCRIBE gives them in a raw table. */
  columns: {name: string; type: string}[];
}

/** A prepared chunk: an Arrow IPC stream with the columns of `incidents`, in their order. */
export interface PreparedChunk {
  ipc: Uint8Array;
  stats: PreparedStats;
}

/** 1970-01-01 was a Thursday: ISO day 4. */
const EPOCH_ISODOW = 4;
/**
 * The day numbers of 0001-01-01 and 9999-12-31. DuckDB writes dates outside these years its own
 * way (57386-11-02, 0221-09-01 (BC)) in the period warning, and JavaScript's Date ends sooner:
 * such chunks are left to DuckDB.
 */
const FIRST_DAY = toDayNumber('0001-01-01');
const LAST_DAY = toDayNumber('9999-12-31');
/** Hours before this belong to the night of the day before (see normalize.ts). */
const NIGHT_ENDS = 6;
/** The first hex digits of an H3 cell read into its high 32 bits: 60 bits in all. */
const H3_HIGH_DIGITS = 7;

type ColumnKind = 'date' | 'integer' | 'string';

/**
 * The enum columns' values as Arrow dictionaries, the same for every chunk. A column the screens
 * coded (see screen.ts `ScreenedChunk`) goes to DuckDB as a dictionary of these: its rows are
 * one byte each instead of their text, and DuckDB casts the few values to its ENUM, not each row.
 */
const DICTIONARIES = new Map<string, Vector<Utf8>>(
  Object.entries(ENUMS).map(([column, values]) => [column, vectorFromArray([...values], new Utf8())]),
);

/**
 * The dictionary types of the coded columns in one chunk's stream: ids unlike those of the
 * chunk's own dictionary columns (a column saved as a category arrives as one), as a stream
 * needs one id per dictionary.
 */
function dictionaryTypes(table: Table, coded: Iterable<string>): Map<string, Dictionary<Utf8, Int8>> {
  const taken = new Set(
    table.schema.fields.flatMap((f) => (DataType.isDictionary(f.type) ? [f.type.id] : [])),
  );
  const types = new Map<string, Dictionary<Utf8, Int8>>();
  let id = 0;
  for (const column of coded) {
    while (taken.has(id)) id++;
    types.set(column, new Dictionary(new Utf8(), new Int8(), id++));
  }
  return types;
}

/**
 * The chunk made ready for `incidents`, with its statistics; null when any column or value needs
 * DuckDB (see above). `passedAll`: every incidents screen passed (the caller ran them); `codes`:
 * what they coded (screen.ts `ScreenedChunk`), sent as dictionaries.
 */
export function prepareIncidents(
  table: Table,
  passedAll: boolean,
  period: {start: string; end: string} | null,
  codes: ReadonlyMap<string, readonly Int8Array[]> = new Map(),
): PreparedChunk | null {
  if (!passedAll || table.numRows === 0) return null;
  const columns: {name: string; type: string}[] = [];
  for (const spec of TABLE_COLUMNS.incidents) {
    const field = table.schema.fields.find((f) => f.name === spec.name);
    const type = field && duckdbType(field.type, spec.family as ColumnKind);
    if (!type) return null;
    columns.push({name: spec.name, type});
  }
  const window = period ? {start: toDayNumber(period.start), end: toDayNumber(period.end)} : null;
  const stats = {rows: 0, attendances: 0, outside: {rows: 0, first: Infinity, last: -Infinity}};
  const batches: RecordBatch[] = [];
  let schema: Schema | null = null;
  const coded = [...codes].filter(
    ([name, c]) => DICTIONARIES.has(name) && c.length === table.batches.length,
  );
  const types = dictionaryTypes(table, coded.map(([name]) => name));
  for (const [b, batch] of table.batches.entries()) {
    const data = (name: string) => {
      const d = batch.getChild(name)!.data[0];
      const type = types.get(name);
      if (!type) return d;
      return makeData({
        type,
        length: d.length,
        nullCount: d.nullCount,
        nullBitmap: d.nullBitmap,
        data: codes.get(name)![b],
        dictionary: DICTIONARIES.get(name)!,
      });
    };
    const built = prepareBatch(data, batch.numRows, window, stats);
    if (!built) return null;
    schema ??= new Schema(built.map((d, i) => new Field(INCIDENT_TABLE_COLUMNS[i].name, d.type, true)));
    const struct = makeData({type: new Struct(schema.fields), length: batch.numRows, nullCount: 0, children: built});
    batches.push(new RecordBatch(schema, struct));
  }
  const {first, last} = stats.outside;
  return {
    ipc: tableToIPC(new Table(schema!, batches), 'stream'),
    stats: {
      rows: stats.rows,
      attendances: stats.attendances,
      outside: {
        rows: stats.outside.rows,
        first: stats.outside.rows ? fromDayNumber(first) : '',
        last: stats.outside.rows ? fromDayNumber(last) : '',
      },
      columns,
    },
  };
}

/** DuckDB's name for an Arrow type this file reads as `kind`; null for any other. */
function duckdbType(type: DataType, kind: ColumnKind): string | null {
  if (kind === 'date') return DataType.isDate(type) && type.unit === DateUnit.DAY ? 'DATE' : null;
  if (kind === 'integer') {
    if (!DataType.isInt(type)) return null;
    const name = {8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT'}[type.bitWidth];
    return type.isSigned ? name : `U${name}`;
  }
  const utf8 = DataType.isUtf8(type) || (DataType.isDictionary(type) && DataType.isUtf8(type.dictionary));
  return utf8 ? 'VARCHAR' : null;
}

/**
 * One record batch's columns in the order of `incidents`; null when a value needs DuckDB.
 * Adds the batch's rows, attendances and dates outside `window` to `stats`.
 */
function prepareBatch(
  data: (name: string) => Data,
  length: number,
  window: {start: number; end: number} | null,
  stats: {rows: number; attendances: number; outside: {rows: number; first: number; last: number}},
): Data[] | null {
  const date = data('date');
  const hour = data('hour');
  const n = data('n');
  const h3 = data('h3');
  if ([date, hour, n, h3].some((d) => d.offset !== 0) || date.nullCount > 0 || n.nullCount > 0) {
    return null;
  }
  const days = date.values as Int32Array;
  const hours = integers(hour);
  const counts = integers(n);
  const dow = new Int8Array(length);
  const ndate = new Int32Array(length);
  const ndow = new Int8Array(length);
  let attendances = 0;
  for (let i = 0; i < length; i++) {
    const count = counts[i];
    if (!(count >= 1 && count <= MAX_N)) return null;
    attendances += count;
    const day = days[i];
    if (day < FIRST_DAY || day > LAST_DAY) return null;
    const valid = hour.getValid(i);
    const h = hours[i];
    if (valid && !(h >= 0 && h <= 23)) return null;
    const night = valid && h < NIGHT_ENDS ? day - 1 : day;
    dow[i] = isodow(day);
    ndate[i] = night;
    ndow[i] = isodow(night);
    if (window && (day < window.start || day > window.end)) {
      stats.outside.rows++;
      stats.outside.first = Math.min(stats.outside.first, day);
      stats.outside.last = Math.max(stats.outside.last, day);
    }
  }
  const cells = h3Cells(h3);
  if (!cells) return null;
  stats.rows += length;
  stats.attendances += attendances;
  const int8 = (values: Int8Array, from?: Data) =>
    makeData({type: new Int8(), length, data: values, nullCount: from?.nullCount ?? 0, nullBitmap: from?.nullBitmap});
  return [
    date,
    DataType.isInt(hour.type) && hour.type.bitWidth === 8 && hour.type.isSigned
      ? hour
      : int8(Int8Array.from(hours), hour),
    data('lad_code'),
    data('lsoa_code'),
    cells,
    data('location_type'),
    data('premises_id'),
    data('weapon'),
    data('sex'),
    data('age_band'),
    data('relationship'),
    data('site_code'),
    DataType.isInt(n.type) && n.type.bitWidth === 32 && n.type.isSigned
      ? n
      : makeData({type: new Int32(), length, data: Int32Array.from(counts)}),
    int8(dow),
    makeData({type: new DateDay(), length, data: ndate}),
    int8(ndow),
  ];
}

/** An integer column's values as numbers (64-bit ones converted); NULL slots hold anything. */
function integers(data: Data): ArrayLike<number> {
  const values = data.values as ArrayLike<number | bigint>;
  if (!(values instanceof BigInt64Array || values instanceof BigUint64Array)) {
    return values as ArrayLike<number>;
  }
  return Float64Array.from(values, (v) => Number(v));
}

/** ISO day of the week (Monday 1) of a day number. */
function isodow(day: number): number {
  return ((((day + EPOCH_ISODOW - 1) % 7) + 7) % 7) + 1;
}

/**
 * The H3 cells (lower-case hex, screened by screen.ts as `89[0-9a-f]{13}`) as unsigned 64-bit
 * integers, NULLs kept; null unless the column is plain UTF-8.
 */
function h3Cells(data: Data): Data | null {
  if (!DataType.isUtf8(data.type)) return null;
  const offsets = data.valueOffsets as Int32Array;
  const bytes = data.values as Uint8Array;
  const out = new BigUint64Array(data.length);
  // Little-endian halves of each 64-bit value, written as two 32-bit numbers.
  const halves = new Uint32Array(out.buffer);
  for (let i = 0; i < data.length; i++) {
    if (!data.getValid(i)) continue;
    const start = offsets[i];
    if (offsets[i + 1] - start !== H3_LENGTH) return null;
    let high = 0;
    let low = 0;
    for (let j = 0; j < H3_LENGTH; j++) {
      const b = bytes[start + j];
      const digit = b <= 0x39 ? b - 0x30 : b - 0x57;
      if (j < H3_HIGH_DIGITS) high = high * 16 + digit;
      else low = low * 16 + digit;
    }
    halves[2 * i] = low >>> 0;
    halves[2 * i + 1] = high;
  }
  return makeData({
    type: new Uint64(),
    length: data.length,
    data: out,
    nullCount: data.nullCount,
    nullBitmap: data.nullBitmap,
  });
}
