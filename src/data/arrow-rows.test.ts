import {
  Dictionary,
  Float64,
  Int32,
  Int64,
  RecordBatch,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import {expect, test} from 'vitest';
import {rowsOf} from './arrow-rows';

/** The rows as Arrow gives them row by row (the way this replaced), BIGINTs as numbers. */
function rowByRow(table: Table): Record<string, unknown>[] {
  return table.toArray().map((r) => {
    const row = r.toJSON() as Record<string, unknown>;
    for (const [k, v] of Object.entries(row)) if (typeof v === 'bigint') row[k] = Number(v);
    return row;
  });
}

/** `table` after a round trip through an IPC stream, as a query's answer arrives. */
const viaIpc = (table: Table) => tableFromIPC(tableToIPC(table, 'stream'));

test('ASCII text, numbers, nulls and empty strings come out as Arrow gives them', () => {
  const table = viaIpc(
    new Table({
      cell: vectorFromArray(['871f1d489ffffff', null, '', '871f1d48affffff'], new Utf8()),
      n: vectorFromArray([1.5, 2, null, 4], new Float64()),
      k: vectorFromArray([1, null, 3, 4], new Int32()),
      big: vectorFromArray([1n, 2n, null, 9007199254740993n], new Int64()),
    }),
  );
  const rows = rowsOf(table);
  expect(rows).toEqual(rowByRow(table));
  expect(rows[1]).toEqual({cell: null, n: 2, k: null, big: 2});
  expect(rows[2].cell).toBe('');
  expect(Object.keys(rows[0])).toEqual(['cell', 'n', 'k', 'big']);
});

test('text with characters of more than one byte is decoded value by value', () => {
  const names = ['Café Royal', 'The Old Crown', null, 'Zoë’s 🍺 bar', 'Łódź'];
  const table = viaIpc(new Table({name: vectorFromArray(names, new Utf8())}));
  expect(rowsOf(table).map((r) => r.name)).toEqual(names);
  expect(rowsOf(table)).toEqual(rowByRow(table));
});

test('an answer in several batches keeps every row in order, each batch decoded alone', () => {
  const batch = (cells: (string | null)[], n: number[]) =>
    new Table({
      cell: vectorFromArray(cells, new Utf8()),
      n: vectorFromArray(n, new Float64()),
    }).batches[0];
  const batches: RecordBatch[] = [
    batch(['a', 'bb', null], [1, 2, 3]),
    batch(['ccc', 'é', 'd'], [4, 5, 6]),
    batch([], []),
    batch(['e'], [7]),
  ];
  const table = viaIpc(new Table(batches));
  expect(table.getChildAt(0)!.data.length).toBeGreaterThan(1);
  const rows = rowsOf(table);
  expect(rows.map((r) => r.cell)).toEqual(['a', 'bb', null, 'ccc', 'é', 'd', 'e']);
  expect(rows.map((r) => r.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  expect(rows).toEqual(rowByRow(table));
});

test('a dictionary column (an ENUM) gives its values', () => {
  const types = vectorFromArray(
    ['street', 'licensed_premises', null, 'street'],
    new Dictionary(new Utf8(), new Int32()),
  );
  const table = viaIpc(new Table({loc: types}));
  expect(rowsOf(table).map((r) => r.loc)).toEqual(['street', 'licensed_premises', null, 'street']);
  expect(rowsOf(table)).toEqual(rowByRow(table));
});

test('no rows: none', () => {
  const table = viaIpc(new Table({cell: vectorFromArray([] as string[], new Utf8())}));
  expect(rowsOf(table)).toEqual([]);
});

test('a slice of an answer gives the rows of the slice only', () => {
  const table = viaIpc(
    new Table({
      cell: vectorFromArray(['a', null, 'ccc', 'dd', 'é'], new Utf8()),
      n: vectorFromArray([1, 2, 3, 4, 5], new Float64()),
    }),
  );
  for (const [from, to] of [
    [1, 3],
    [2, 5],
  ]) {
    const slice = table.slice(from, to);
    expect(rowsOf(slice)).toEqual(rowByRow(slice));
  }
  expect(rowsOf(table.slice(1, 3))).toEqual([
    {cell: null, n: 2},
    {cell: 'ccc', n: 3},
  ]);
});
