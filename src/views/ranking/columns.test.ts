import {expect, test} from 'vitest';
import {ariaSortOf, nextSort, RANKING_COLUMNS} from './columns';

const col = (label: string) => RANKING_COLUMNS.find((c) => c.label === label)!;

test('a numeric column sorts largest first, then toggles', () => {
  const first = nextSort({key: 'rank', descending: false}, col('Attendances'));
  expect(first).toEqual({key: 'n', descending: true});
  expect(nextSort(first, col('Attendances'))).toEqual({key: 'n', descending: false});
  expect(ariaSortOf(first, col('Attendances'))).toBe('descending');
  expect(ariaSortOf(first, col('Rank'))).toBe('none');
});

test('text columns sort A to Z first; the sparkline does not sort', () => {
  expect(nextSort({key: 'n', descending: true}, col('Premises'))).toEqual({
    key: 'name',
    descending: false,
  });
  expect(nextSort({key: 'n', descending: true}, col('Monthly'))).toEqual({
    key: 'n',
    descending: true,
  });
});

test('DESIGN.md column names are present', () => {
  const labels = RANKING_COLUMNS.map((c) => c.label);
  for (const name of ['Rank', 'Premises', 'Local authority', 'Attendances', 'Change']) {
    expect(labels).toContain(name);
  }
});
