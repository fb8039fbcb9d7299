import {expect, test} from 'vitest';
import {monthLabel, monthsBetween, seriesOf} from './months';

test('months across a year end, inclusive', () => {
  expect(monthsBetween('2023-11-15', '2024-02-01')).toEqual([
    '2023-11',
    '2023-12',
    '2024-01',
    '2024-02',
  ]);
  expect(monthsBetween('2024-03-01', '2024-03-31')).toEqual(['2024-03']);
  expect(monthsBetween('2021-01-01', '2025-12-31')).toHaveLength(60);
});

test('series fill absent months with 0; labels', () => {
  expect(seriesOf(['2024-01', '2024-02'], new Map([['2024-02', 3]]))).toEqual([0, 3]);
  expect(monthLabel('2024-02')).toBe('Feb 2024');
});
