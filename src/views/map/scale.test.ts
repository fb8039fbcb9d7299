import {expect, test} from 'vitest';
import {
  breakLabels,
  classOf,
  logBreaks,
  mergeSmallClasses,
  quantileBreaks,
  countClassLabels,
} from './scale';

test('quantile breaks are unique integers ending at the maximum', () => {
  const breaks = quantileBreaks([1, 1, 1, 1, 2, 2, 3, 5, 8, 40], 5);
  // The 80% quantile is 5 + 0.2 × (8 − 5) = 5.6, rounded up to 6.
  expect(breaks).toEqual([1, 2, 3, 6, 40]);
  expect(breakLabels(breaks)).toEqual(['1', '2', '3', '4–6', '7–40']);
});

test('every value falls in a class', () => {
  const breaks = [2, 5, 9];
  expect([1, 2, 3, 5, 6, 9, 100].map((v) => classOf(v, breaks))).toEqual([0, 0, 1, 1, 2, 2, 2]);
});

test('no positive values, no breaks', () => {
  expect(quantileBreaks([0, 0], 5)).toEqual([]);
});

test('log breaks keep heavy-tailed counts apart', () => {
  // 856^(i/6) = 3.08, 9.5, 29.3, 90.3, 278.1, 856 -> rounded up to two significant figures.
  expect(logBreaks([1, 2, 856], 6)).toEqual([4, 10, 30, 91, 280, 856]);
  expect(logBreaks([1, 2, 3], 6)).toEqual([1, 2, 3]);
});

test('published count classes: none under min_count by its bound, none reaching below it', () => {
  expect(countClassLabels([1, 2], 5)).toEqual(['fewer than 5', 'fewer than 5']);
  expect(countClassLabels([2, 7, 40], 5)).toEqual(['fewer than 5', 'up to 7', '8–40']);
  expect(countClassLabels([9, 40], 5)).toEqual(['up to 9', '10–40']);
  expect(countClassLabels([2, 7, 40], null)).toEqual(['1–2', '3–7', '8–40']);
});

test('classes under min_count merge into one, so no colour tells 1 from 2', () => {
  expect(mergeSmallClasses([1, 2], 5)).toEqual([4]);
  expect(mergeSmallClasses([2, 4, 10, 30], 5)).toEqual([4, 10, 30]);
  expect(mergeSmallClasses([9, 40], 5)).toEqual([9, 40]);
  expect(countClassLabels(mergeSmallClasses([1, 2, 7, 40], 5), 5)).toEqual([
    'fewer than 5',
    '5–7',
    '8–40',
  ]);
  expect(classOf(1, [4, 7])).toBe(classOf(3, [4, 7]));
});
