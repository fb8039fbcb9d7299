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

test('hidden counts that could only all be 1 (or all min − 1) hide one more', () => {
  // Other 1 and School 1 beside Home 6 and Street 6, total 14: 14 − 12 = 2 can only be 1 + 1.
  expect(suppressList([6, 6, 1, 1], 5, true)).toEqual([true, false, true, true]);
  expect(suppressList([4, 4, 20, 30], 5, true)).toEqual([true, true, true, false]);
  // 16, * and <5 with a total of 22: * is at least 5, <5 at least 1, so 6 pins them (5 and 1).
  expect(suppressList([16, 5, 1], 5, true)).toEqual([true, true, true]);
  expect(suppressList([16, 5, 1, 30], 5, true)).toEqual([true, true, true, false]);
  // 1 and 3: the sum 4 could be 1 + 3, 2 + 2 or 3 + 1.
  expect(suppressList([1, 3, 20], 5, true)).toEqual([true, true, false]);
  // Nothing left to hide: the line stays as it is (its total is then kept back; see the grid).
  expect(suppressList([1, 1, 0], 5, true)).toEqual([true, true, false]);
  expect(suppressList([6, 6, 1, 1], 5, false)).toEqual([false, false, true, true]);
});

test('a "*" is at most the smallest count shown: at that most, the hidden ones are pinned', () => {
  // Street 58 ... Other 8, Public transport 8, School 4, Workplace 4, total 148: withholding
  // 4, 4 and one 8 leaves 16, which is 4 + 4 + 8 at their most (a "*" is at most the 8 shown).
  const line = [58, 31, 26, 9, 8, 8, 4, 4];
  expect(suppressList(line, 5, true)).toEqual([false, false, false, false, true, true, true, true]);
  // With the next smallest shown count larger than the "*", the hidden ones are not pinned.
  expect(suppressList([58, 31, 26, 9, 7, 4, 4], 5, true)).toEqual([
    false,
    false,
    false,
    false,
    true,
    true,
    true,
  ]);
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
