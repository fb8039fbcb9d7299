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
