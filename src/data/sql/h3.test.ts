import {cellToParent, gridDisk, latLngToCell} from 'h3-js';
import {expect, test} from 'vitest';
import {openDb, rows} from '../../../tests/helpers/node-db';
import {h3CellSql, h3FromHexSql, h3HexSql, h3Literal, h3RangeSql, PARENT_RESOLUTIONS} from './h3';

const cellsOf = () =>
  [
    [52.48, -1.9],
    [52.41, -1.51],
    [-33.87, 151.21],
    [64.1, -21.9],
    [0.01, 0.01],
  ].map(([lat, lon]) => latLngToCell(lat, lon, 9));

test('parents computed in SQL equal h3-js cellToParent', async () => {
  const cells = cellsOf();
  const con = await openDb();
  const select = PARENT_RESOLUTIONS.map((r) => `${h3HexSql(h3CellSql(r))} AS r${r}`).join(', ');
  const values = cells.map((c) => `('${c}')`).join(', ');
  const found = await rows(
    con,
    `SELECT hex, ${select} FROM (SELECT hex, ${h3FromHexSql('hex')} AS h3 FROM (VALUES ${values}) t(hex))`,
  );
  for (const row of found) {
    for (const r of PARENT_RESOLUTIONS) {
      expect(row[`r${r}`]).toBe(cellToParent(String(row.hex), r));
    }
  }
});

test('a cell literal round-trips through UBIGINT', async () => {
  const con = await openDb();
  for (const cell of cellsOf()) {
    const [row] = await rows(con, `SELECT ${h3HexSql(h3Literal(cell))} AS hex`);
    expect(row.hex).toBe(cell);
  }
});

test('h3CellSql is the data column at resolution 9 and refuses resolutions it lacks', () => {
  expect(h3CellSql(9)).toBe('h3');
  expect(() => h3CellSql(3)).toThrow(/no H3 cells/);
  expect(() => h3Literal("89'; DROP")).toThrow(/not an H3 cell/);
});

test('h3RangeSql keeps exactly the resolution-9 cells whose parent is the cell', async () => {
  // Every resolution-9 cell within 60 rings of central Birmingham (about 11,000), and the
  // parents at each coarser resolution of a few of them.
  const cells = gridDisk(latLngToCell(52.48, -1.9, 9), 60);
  const con = await openDb();
  await con.run(`CREATE TABLE t AS SELECT ${h3FromHexSql('hex')} AS h3, hex FROM (VALUES ${cells
    .map((c) => `('${c}')`)
    .join(', ')}) v(hex)`);
  for (const r of [...PARENT_RESOLUTIONS, 9]) {
    const parents = [...new Set([cells[0], cells[500], cells[9000]].map((c) => cellToParent(c, r)))];
    for (const parent of parents) {
      const found = await rows(con, `SELECT hex FROM t WHERE ${h3RangeSql(parent)} ORDER BY hex`);
      const expected = cells.filter((c) => cellToParent(c, r) === parent).sort();
      expect(found.map((row) => row.hex)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
      // And exactly what the parent by bits keeps, also for values that pass the loader's check
      // but are no real cell (the unused digits not all 7).
      const byBits = `${h3CellSql(r)} = ${h3Literal(parent)}`;
      const odd = `(SELECT h3 & ~7::UBIGINT AS h3 FROM t)`;
      expect(await rows(con, `SELECT h3 FROM ${odd} WHERE ${h3RangeSql(parent)} ORDER BY h3`)).toEqual(
        await rows(con, `SELECT h3 FROM ${odd} WHERE ${byBits} ORDER BY h3`),
      );
    }
  }
  expect(() => h3RangeSql('8a195da49b7ffff'.slice(0, 14))).toThrow(/not an H3 cell/);
  expect(() => h3RangeSql(latLngToCell(52.48, -1.9, 10))).toThrow(/finer than resolution 9/);
});
