import {expect, test} from 'vitest';
import {publishedCount, suppressList, suppressMatrix} from './disclosure';

test('counts of 1 to min_count - 1 are hidden; zeros and larger counts are not', () => {
  expect(suppressList([0, 1, 4, 5, 20], 5, false)).toEqual([false, true, true, false, false]);
});

test('a single hidden count beside a total hides the next smallest too', () => {
  // 3 could be worked out as total − 10 − 20 − 40; hiding 10 as well prevents that.
  expect(suppressList([3, 10, 20, 40], 5, true)).toEqual([true, true, false, false]);
  // Two hidden counts already protect each other.
  expect(suppressList([3, 2, 20, 40], 5, true)).toEqual([true, true, false, false]);
});

test('matrix suppression protects every row and column', () => {
  const hidden = suppressMatrix(
    [
      [2, 10, 30],
      [15, 12, 40],
      [20, 25, 50],
    ],
    5,
  );
  for (const row of hidden) expect(row.filter(Boolean).length).not.toBe(1);
  for (let c = 0; c < 3; c++) expect(hidden.map((r) => r[c]).filter(Boolean).length).not.toBe(1);
  expect(hidden[0][0]).toBe(true);
});

test('published text', () => {
  expect(publishedCount(3, true, 5)).toBe('<5');
  // Withheld to protect a small count: any size, so not written "<5".
  expect(publishedCount(21, true, 5)).toBe('*');
  expect(publishedCount(30, false, 5)).toBe('30');
});
