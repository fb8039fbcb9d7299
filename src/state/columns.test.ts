import {expect, test} from 'vitest';
import {ROLLUPS} from '../data/sql/rollup';
import {predicateColumns, viewTable} from './columns';
import {setAllFilters} from './filters';
import {Selection} from './selection';

const createSelection = () => {
  const s = new Selection();
  setAllFilters(s, {dates: {from: '2024-01-01'}, hours: {start: 22, end: 4}, loc: ['street']});
  return s;
};

test('lists the columns every clause but the excluded ones reads', () => {
  expect(predicateColumns(createSelection())?.sort()).toEqual(
    ['date', 'hour', 'location_type', 'ndate'].sort(),
  );
  expect(predicateColumns(createSelection(), ['dates', 'loc'])).toEqual(['hour']);
});

test("the map's cells read the H3 column", () => {
  const s = createSelection();
  s.update({source: 'cell', value: {resolution: 7, cells: []}, sql: 'FALSE'});
  expect(predicateColumns(s)).toContain('h3');
});

test('a clause from an unknown source could read anything', () => {
  const s = createSelection();
  s.update({source: 'someday', value: 1, sql: 'x = 1'});
  expect(predicateColumns(s)).toBeNull();
  expect(predicateColumns(s, ['someday'])).not.toBeNull();
});

test('viewTable picks the smallest rollup that holds the predicate and the view columns', () => {
  const rollups = ROLLUPS.map((r) => r.name);
  expect(viewTable(createSelection(), rollups, [], ['date'])).toBe('incidents_by_hour');
  expect(viewTable(createSelection(), rollups, [], ['lad_code'])).toBe('incidents_by_hour_lad');
  expect(viewTable(createSelection(), rollups, ['loc'], ['weapon'])).toBe('incidents');
  expect(viewTable(createSelection(), [], [], ['date'])).toBe('incidents');
  expect(viewTable(createSelection(), rollups, [], ['premises_id'], true)).toBe(
    'incidents_premises',
  );
});

test("a view filtered to the map's cells reads their copy once it exists; the map does not", () => {
  const s = createSelection();
  const rollups = ROLLUPS.map((r) => r.name);
  s.update({source: 'cell', value: {resolution: 7, cells: ['x']}, sql: '(h3 = 1)'});
  const copies = (clause: string) => (clause === '(h3 = 1)' ? '_cells_3' : null);
  expect(viewTable(s, rollups, [], ['weapon'])).toBe('incidents');
  expect(viewTable(s, rollups, [], ['weapon'], false, copies)).toBe('_cells_3');
  expect(viewTable(s, rollups, ['cell'], ['weapon'], false, copies)).not.toBe('_cells_3');
  // The area comparison and the ranking read the copy too (it holds their text columns)...
  expect(viewTable(s, rollups, [], ['lad_code'], false, copies)).toBe('_cells_3');
  expect(viewTable(s, rollups, [], ['premises_id', 'location_type'], true, copies)).toBe(
    '_cells_3',
  );
  // ...but it has not every text column: a view or predicate reading another keeps to the
  // other tables.
  expect(viewTable(s, rollups, [], ['site_code'], false, copies)).toBe('incidents');
  s.update({source: 'site', value: ['S1'], sql: "site_code IN ('S1')"});
  expect(viewTable(s, rollups, [], ['weapon'], false, copies)).toBe('incidents');
  expect(viewTable(s, rollups, ['site'], ['weapon'], false, copies)).toBe('_cells_3');
  s.update({source: 'lad', value: ['E1'], sql: "lad_code IN ('E1')"});
  expect(viewTable(s, rollups, ['site'], ['weapon'], false, copies)).toBe('_cells_3');
  s.update({source: 'cell', value: {resolution: 7, cells: ['y']}, sql: '(h3 = 2)'});
  expect(viewTable(s, rollups, ['site'], ['weapon'], false, copies)).toBe('incidents');
});
