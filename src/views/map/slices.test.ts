import {expect, test} from 'vitest';
import {wholeSlices} from './useHexData';

const rows = (...slices: string[]) => slices.map((slice) => ({cell: 'c', slice, n: 1}));

test('emerging hot spots keep only the slices the dates cover whole', () => {
  const all = rows('2025-09-01', '2025-10-01', '2025-11-01', '2025-12-01');
  // Three days of December would be a near-empty last month.
  expect(wholeSlices(all, 'month', '2025-09-01', '2025-12-03').map((r) => r.slice)).toEqual([
    '2025-09-01',
    '2025-10-01',
    '2025-11-01',
  ]);
  expect(wholeSlices(all, 'month', '2025-09-01', '2025-12-31')).toHaveLength(4);
  // By night of, the night before the data start opens a quarter of its own: left out.
  const quarters = rows('2020-10-01', '2021-01-01', '2021-04-01');
  expect(wholeSlices(quarters, 'quarter', '2021-01-01', '2021-06-30').map((r) => r.slice)).toEqual([
    '2021-01-01',
    '2021-04-01',
  ]);
  // Fewer than two whole slices: all of them, rather than none.
  expect(wholeSlices(all, 'month', '2025-09-15', '2025-10-20')).toHaveLength(4);
});
