import type {DuckDBConnection} from '@duckdb/node-api';
import {beforeEach, expect, test} from 'vitest';
import {openDb, rows} from '../../tests/helpers/node-db';
import {CellSubsets, type Run} from './cell-subset';

const A = '(h3 = 1)';
const B = '(h3 = 2)';
const C = '(h3 = 3 AND "date" = DATE \'2024-02-01\')';
let con: DuckDBConnection;
let run: Run;
let sent: string[];

beforeEach(async () => {
  con = await openDb();
  // 100 rows: 9 in cell 1, 10 in cell 2, 81 elsewhere.
  await con.run(`CREATE TABLE incidents AS SELECT DATE '2024-01-01' + i::INTEGER AS "date",
    (i % 24)::TINYINT AS "hour", 1 AS dow, DATE '2024-01-01' AS ndate, 1 AS ndow,
    'street' AS location_type, 'body' AS weapon, 'male' AS sex, '18-24' AS age_band,
    'stranger' AS relationship, 'E08000025' AS lad_code,
    CASE WHEN i % 3 = 0 THEN 'P' || i END AS premises_id, 'RRK15' AS site_code,
    CASE WHEN i < 9 THEN 1 WHEN i < 19 THEN 2 ELSE 3 END::UBIGINT AS h3, 1 AS n FROM range(100) t(i)`);
  sent = [];
  run = (sql) => {
    sent.push(sql);
    return rows(con, sql);
  };
});

const tables = async () =>
  (await rows(con, `SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '_cells_%'`)).map(
    (r) => r.table_name,
  );

test('a built copy holds exactly the rows of its clause, with the text columns views group by, and only it is offered', async () => {
  const cells = new CellSubsets();
  expect(cells.tableFor(A)).toBeNull();
  await cells.want(A, 100, run);
  const table = cells.tableFor(A)!;
  expect(table).toMatch(/^_cells_\d+$/);
  expect(cells.tableFor(B)).toBeNull();
  expect(await rows(con, `SELECT * FROM ${table} ORDER BY "date"`)).toEqual(
    await rows(con, `SELECT * EXCLUDE (site_code) FROM incidents WHERE ${A} ORDER BY "date"`),
  );
});

test('the last two copies are kept; a third drops the oldest and changes the version', async () => {
  const cells = new CellSubsets();
  await cells.want(A, 100, run);
  const first = cells.tableFor(A);
  await cells.want(null, 100, run);
  expect(cells.tableFor(A)).toBe(first); // selected again later: no second scan
  await cells.want(A, 100, run);
  await cells.want(B, 100, run);
  expect(cells.tableFor(A)).toBe(first);
  expect(sent.filter((q) => q.startsWith('CREATE'))).toHaveLength(2);
  const version = cells.version;
  await cells.want(C, 100, run);
  expect(cells.tableFor(A)).toBeNull();
  expect(cells.version).not.toBe(version);
  expect((await tables()).sort()).toEqual([cells.tableFor(B), cells.tableFor(C)].sort());
});

test('a selection asked for again while its copy is being built is built once', async () => {
  const cells = new CellSubsets();
  const first = cells.want(A, 100, run);
  void cells.want(B, 100, run);
  const again = cells.want(A, 100, run);
  await Promise.all([first, again]);
  expect(sent.filter((q) => q.startsWith('CREATE') && q.includes('(h3 = 1)'))).toHaveLength(1);
  expect(cells.tableFor(A)).not.toBeNull();
});

test('a copy over a tenth of the rows is not kept', async () => {
  const cells = new CellSubsets();
  await cells.want(B, 90, run); // 10 rows > 9, a tenth of 90
  expect(cells.tableFor(B)).toBeNull();
  expect(await tables()).toEqual([]);
  await cells.want(A, 90, run); // 9 rows
  expect(cells.tableFor(A)).not.toBeNull();
});

test('a copy finished after the selection moved on, or after a new dataset, is dropped', async () => {
  const cells = new CellSubsets();
  const building = cells.want(A, 100, run);
  const next = cells.want(B, 100, run);
  await building;
  expect(cells.tableFor(A)).toBeNull();
  await next;
  expect(cells.tableFor(B)).not.toBeNull();

  const other = new CellSubsets();
  const old = other.want(A, 100, run);
  other.reset(run);
  await old;
  expect(other.tableFor(A)).toBeNull();
  await other.want(A, 100, run);
  expect(other.tableFor(A)).not.toBeNull();
  other.reset(run);
  expect(other.tableFor(A)).toBeNull();
});

test('a failed build leaves the views on incidents', async () => {
  const cells = new CellSubsets();
  await cells.want('(no_such_column = 1)', 100, run);
  expect(cells.tableFor('(no_such_column = 1)')).toBeNull();
});
