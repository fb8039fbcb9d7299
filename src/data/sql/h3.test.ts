import {cellToParent, latLngToCell} from 'h3-js';
import {expect, test} from 'vitest';
import {openDb, rows} from '../../../tests/helpers/node-db';
import {h3Column, h3ParentSql, PARENT_RESOLUTIONS} from './h3';

test('parents computed in SQL equal h3-js cellToParent', async () => {
  const cells = [
    [52.48, -1.9],
    [52.41, -1.51],
    [-33.87, 151.21],
    [64.1, -21.9],
    [0.01, 0.01],
  ].map(([lat, lon]) => latLngToCell(lat, lon, 9));
  const con = await openDb();
  const select = PARENT_RESOLUTIONS.map((r) => `${h3ParentSql('h3', r)} AS r${r}`).join(', ');
  const values = cells.map((c) => `('${c}')`).join(', ');
  const found = await rows(con, `SELECT h3, ${select} FROM (VALUES ${values}) t(h3)`);
  for (const row of found) {
    for (const r of PARENT_RESOLUTIONS) {
      expect(row[`r${r}`]).toBe(cellToParent(String(row.h3), r));
    }
  }
});

test('h3Column names the data column and its parents, and nothing else', () => {
  expect(h3Column(9)).toBe('h3');
  expect(h3Column(7)).toBe('h3_7');
  expect(() => h3Column(3)).toThrow(/no H3 column/);
});
