/**
 * Plain rows of an Arrow result, built a column at a time. Row by row (`toArray()` and each
 * row's `toJSON()`), Arrow decodes every string on its own through a TextDecoder: a CPU profile
 * of 10 bench interactions at 1M rows put 19 ms per update on the main thread there, half of it
 * in the decoder. Here a text column's bytes are decoded once and cut where the values start:
 * exact when every character is one byte (ASCII: cells, codes, months), as they nearly always
 * are; otherwise its values are decoded one by one, as before.
 */
import {Type} from 'apache-arrow';
import type {Row} from './connector';

/*
 * The parts of Arrow's classes read here. Structural: DuckDB-WASM answers with tables of its own
 * copy of apache-arrow (17), the page's is 21.
 */

/** A chunk of a column. */
interface ArrowData {
  type: {typeId: number};
  length: number;
  nullCount: number;
  /** Text: where each value's bytes start, and (last) end (an Int32Array). */
  valueOffsets: unknown;
  /** Text: the values' bytes (a Uint8Array). */
  values: unknown;
  getValid(index: number): boolean;
}

/** A column: its chunks, and its values by row. */
interface ArrowVector {
  data: readonly ArrowData[];
  get(index: number): unknown;
}

/** A query's answer. */
export interface ArrowTable {
  numRows: number;
  schema: {fields: readonly {name: string}[]};
  getChildAt(index: number): ArrowVector | null;
}

const utf8 = new TextDecoder();

/**
 * The rows of `table`, each an object of its columns in the result's order, with the values
 * Arrow's own `get` gives, but BIGINTs as numbers (the views' sums and counts).
 */
export function rowsOf(table: ArrowTable): Row[] {
  const rows: Row[] = Array.from({length: table.numRows}, () => ({}));
  table.schema.fields.forEach((field, i) => {
    const values = columnValues(table.getChildAt(i)!);
    for (let r = 0; r < rows.length; r++) rows[r][field.name] = values[r];
  });
  return rows;
}

/** Every value of a column, in order. */
function columnValues(column: ArrowVector): unknown[] {
  const values: unknown[] = [];
  for (const data of column.data) {
    if (data.type.typeId === Type.Utf8) textValues(data, values);
    // Anything else as the column's own `get` gives it (dates, decimals, ...), as before.
    else for (let i = 0, at = values.length; i < data.length; i++) values.push(plain(column.get(at + i)));
  }
  return values;
}

/** A BIGINT that slipped through as a number; anything else as it is. */
function plain(value: unknown): unknown {
  return typeof value === 'bigint' ? Number(value) : value;
}

/** Push the strings (null where invalid) of one text chunk onto `out`. */
function textValues(data: ArrowData, out: unknown[]): void {
  const offsets = data.valueOffsets as Int32Array;
  const bytes = data.values as Uint8Array;
  const first = offsets[0];
  const text = utf8.decode(bytes.subarray(first, offsets[data.length]));
  const ascii = text.length === offsets[data.length] - first;
  for (let i = 0; i < data.length; i++) {
    if (data.nullCount > 0 && !data.getValid(i)) out.push(null);
    else if (ascii) out.push(text.slice(offsets[i] - first, offsets[i + 1] - first));
    else out.push(utf8.decode(bytes.subarray(offsets[i], offsets[i + 1])));
  }
}
