import {cellToParent, latLngToCell} from 'h3-js';
import {expect, test} from 'vitest';
import {cellClause, cellResolution, MAX_URL_CELLS, parseCells} from './cells';
import {CELL_SOURCE} from './columns';

const fine = latLngToCell(52.4797, -1.9027, 9);

test.each([5, 6, 7, 8, 9])('accepts an H3 cell of resolution %i', (resolution) => {
  const cell = resolution === 9 ? fine : cellToParent(fine, resolution);
  expect(cellResolution(cell)).toBe(resolution);
  expect(parseCells(cell)).toEqual({value: {resolution, cells: [cell]}});
});

test.each([
  ['a resolution the map never draws', cellToParent(fine, 4)],
  ['a finer resolution than the data', latLngToCell(52.4797, -1.9027, 10)],
  [
    'digits below the resolution that are not 7',
    cellToParent(fine, 7).replace(/f+$/, (f) => '0'.repeat(f.length)),
  ],
  ['upper case hex of another length', '8A2A1072B59FFF'],
  ['SQL', '1) OR (1=1'],
  ['a base cell past 121', '87f' + 'f'.repeat(12)],
  // A digit in use that is 7: no such cell (h3-js isValidCell says false).
  ['a digit in use that is 7', '87195c7bfffffff'],
])('rejects %s', (_, cell) => {
  expect(cellResolution(cell.toLowerCase())).toBeNull();
  expect(parseCells(cell)).toHaveProperty('problem');
});

test('takes upper case, spaces and repeats as the same cells', () => {
  const cell = cellToParent(fine, 8);
  expect(parseCells(` ${cell.toUpperCase()},${cell}`)).toEqual({
    value: {resolution: 8, cells: [cell]},
  });
});

test('the cells must share one resolution, and be not too many', () => {
  expect(parseCells(`${cellToParent(fine, 7)},${cellToParent(fine, 8)}`)).toEqual({
    problem: 'the hexagons are not all of one resolution',
  });
  expect(parseCells(',,')).toEqual({problem: 'no hexagons listed'});
  const many = Array.from(
    {length: MAX_URL_CELLS + 1},
    (_, i) => `89${i.toString(16).padStart(13, '0')}`,
  );
  expect(parseCells(many.join(','))).toEqual({problem: `more than ${MAX_URL_CELLS} hexagons`});
});

test('the clause is the map source with its cells', () => {
  const value = {resolution: 7, cells: [cellToParent(fine, 7)]};
  const clause = cellClause(value);
  expect(clause.source).toBe(CELL_SOURCE);
  expect(clause.value).toBe(value);
  expect(clause.sql).toMatch(/^\(\(h3 BETWEEN \d+::UBIGINT AND \d+::UBIGINT\)\)$/);
});
