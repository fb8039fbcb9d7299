/**
 * The string checks of a chunk of incidents, run by the Parquet decoder on its Arrow data before
 * DuckDB sees it. DuckDB-WASM has one thread: at 10M rows its check query (enum values, H3 cells,
 * NULLs) took 7 s of a 41 s load, while the decoder's core sat mostly idle. A screen only says
 * that every row passes; when one does not, or it cannot tell (an unexpected Arrow type), the
 * loader runs the check in DuckDB, which counts the bad rows and finds an example as before.
 */
import {DataType, type Data, type Table} from 'apache-arrow';

/** A check the decoder can run: no NULLs, every value one of `values`, every value an H3 cell. */
export type Screen =
  | {kind: 'null'; column: string}
  | {kind: 'in'; column: string; values: readonly string[]}
  | {kind: 'h3'; column: string};

/** Values this long are never allowed (the contract's codes are short). */
const MAX_LENGTH = 64;
/** Slots of the allowed values by length and last byte (see `allIn`). */
const SLOTS = MAX_LENGTH * 256;
const NO_VALUE = -1;
const SHARED_SLOT = -2;
/** Bytes of `89[0-9a-f]{13}`. */
const EIGHT = 0x38;
const NINE = 0x39;
const ZERO = 0x30;
const A = 0x61;
const F = 0x66;
/** Characters of an H3 cell at resolution 9 in hex. */
export const H3_LENGTH = 15;

/** A screen's name in the decoder's answer. */
export const screenKey = (s: Screen): string => `${s.kind}:${s.column}`;

/** The keys of the screens that every row of `table` passes. */
export function passedScreens(table: Table, screens: readonly Screen[]): string[] {
  return screenChunk(table, screens).passed;
}

/**
 * What the screens found in a chunk: the keys of those every row passes, and for each `in`
 * screen that passed on plain strings, each row's position in its `values`, per record batch
 * (for prepare.ts to send those columns as dictionaries).
 */
export interface ScreenedChunk {
  passed: string[];
  codes: Map<string, Int8Array[]>;
}

/** Run `screens` on `table` (see ScreenedChunk). */
export function screenChunk(table: Table, screens: readonly Screen[]): ScreenedChunk {
  const passed: string[] = [];
  const codes = new Map<string, Int8Array[]>();
  for (const screen of screens) {
    const vector = table.getChild(screen.column);
    if (!vector) continue;
    let ok: boolean;
    if (screen.kind === 'null') ok = vector.nullCount === 0 && vector.data.every(noNullValues);
    else if (screen.kind === 'h3') ok = vector.data.every(allH3);
    else {
      // Built once per screen: a decoded chunk has a batch per row group, hundreds of them.
      const allowed = allowedOf(screen.values);
      const found = codesIn(vector.data, allowed);
      ok = found !== false;
      if (Array.isArray(found)) codes.set(screen.column, found);
    }
    if (ok) passed.push(screenKey(screen));
  }
  return {passed, codes};
}

/**
 * Whether every non-NULL value of a column's chunks is `allowed`: false if not; else each plain
 * string chunk's positions of its values in `allowed` (NULL rows: 0), or true when a chunk is a
 * dictionary (its values are checked, not its rows).
 */
function codesIn(chunks: readonly Data[], allowed: Allowed): Int8Array[] | boolean {
  const codes: Int8Array[] = [];
  const coded = allowed.values.length <= 128;
  for (const d of chunks) {
    if (DataType.isDictionary(d.type)) {
      if (!allIn(d, allowed)) return false;
      continue;
    }
    const s = utf8(d);
    if (!s) return false;
    const out = coded ? new Int8Array(d.length) : null;
    if (!chunkIn(s.offsets, s.bytes, s.bitmap, d.length, allowed.lookup, allowed.values, out)) return false;
    if (out) codes.push(out);
  }
  return codes.length === chunks.length ? codes : true;
}

/** A dictionary chunk's values have no NULL for an index to point at (other chunks: true). */
function noNullValues(data: Data): boolean {
  return !DataType.isDictionary(data.type) || data.dictionary?.nullCount === 0;
}

/** A UTF-8 string column's chunk: offsets, bytes and validity bitmap (null: no NULLs); else null. */
function utf8(data: Data): {offsets: Int32Array; bytes: Uint8Array; bitmap: Uint8Array | null} | null {
  if (!DataType.isUtf8(data.type) || data.offset !== 0) return null;
  const bitmap = data.nullCount > 0 && data.nullBitmap?.length ? data.nullBitmap : null;
  return {offsets: data.valueOffsets as Int32Array, bytes: data.values as Uint8Array, bitmap};
}

/** Whether row `i` is NULL in a validity `bitmap` (null: none is). */
function isNull(bitmap: Uint8Array | null, i: number): boolean {
  return bitmap !== null && ((bitmap[i >> 3] >> (i & 7)) & 1) === 0;
}

/** The allowed values' bytes, and by length and last byte which one to compare (or all). */
interface Allowed {
  values: Uint8Array[];
  lookup: Int16Array;
}

function allowedOf(values: readonly string[]): Allowed {
  const encoded = values.map((v) => new TextEncoder().encode(v));
  const lookup = new Int16Array(SLOTS).fill(NO_VALUE);
  for (const [k, a] of encoded.entries()) {
    const at = a.length * 256 + (a[a.length - 1] ?? 0);
    lookup[at] = lookup[at] === NO_VALUE ? k : SHARED_SLOT;
  }
  return {values: encoded, lookup};
}

/** Whether every non-NULL value of a dictionary chunk's dictionary is `allowed`. */
function allIn(data: Data, allowed: Allowed): boolean {
  const column = data.dictionary?.data;
  if (!column) return false;
  return column.every((d) => {
    const s = utf8(d);
    return (
      s !== null && chunkIn(s.offsets, s.bytes, s.bitmap, d.length, allowed.lookup, allowed.values)
    );
  });
}

/**
 * Whether every non-NULL value of one chunk's buffers is `allowed` (a loop of its own, for the
 * JIT); with `out`, writes each row's position in `allowed` there.
 */
function chunkIn(
  offsets: Int32Array,
  bytes: Uint8Array,
  bitmap: Uint8Array | null,
  length: number,
  lookup: Int16Array,
  allowed: readonly Uint8Array[],
  out: Int8Array | null = null,
): boolean {
  for (let i = 0; i < length; i++) {
    if (isNull(bitmap, i)) continue;
    const start = offsets[i];
    const size = offsets[i + 1] - start;
    if (size >= MAX_LENGTH) return false;
    let k = lookup[size * 256 + (size > 0 ? bytes[start + size - 1] : 0)];
    if (k === NO_VALUE) return false;
    if (k >= 0) {
      if (!equalAt(bytes, start, allowed[k])) return false;
    } else {
      k = allowed.findIndex((a) => a.length === size && equalAt(bytes, start, a));
      if (k < 0) return false;
    }
    if (out) out[i] = k;
  }
  return true;
}

/** Whether `bytes` holds `a` at `start`. */
function equalAt(bytes: Uint8Array, start: number, a: Uint8Array): boolean {
  for (let j = 0; j < a.length; j++) if (bytes[start + j] !== a[j]) return false;
  return true;
}

/** Whether every non-NULL value matches `89[0-9a-f]{13}` (an H3 cell at resolution 9). */
function allH3(data: Data): boolean {
  const s = utf8(data);
  if (!s) return false;
  const {offsets, bytes, bitmap} = s;
  for (let i = 0; i < data.length; i++) {
    if (isNull(bitmap, i)) continue;
    const start = offsets[i];
    if (offsets[i + 1] - start !== H3_LENGTH || bytes[start] !== EIGHT || bytes[start + 1] !== NINE) {
      return false;
    }
    for (let j = start + 2; j < start + H3_LENGTH; j++) {
      const b = bytes[j];
      if (!((b >= ZERO && b <= NINE) || (b >= A && b <= F))) return false;
    }
  }
  return true;
}
