import {expect, test} from 'vitest';
import {
  bucketEnd,
  bucketStart,
  chooseGrain,
  denseSeries,
  rollingMean,
  trendSeries,
  yearBefore,
} from './series';

test('grain follows the span and never goes below the dataset grain', () => {
  expect(chooseGrain(90, 'day')).toBe('day');
  expect(chooseGrain(365, 'day')).toBe('week');
  expect(chooseGrain(5 * 365, 'day')).toBe('month');
  expect(chooseGrain(90, 'month')).toBe('month');
});

test('week buckets start on Monday', () => {
  expect(bucketStart('2024-06-02', 'week')).toBe('2024-05-27'); // a Sunday
  expect(bucketStart('2024-06-03', 'week')).toBe('2024-06-03'); // a Monday
  expect(bucketEnd('2024-02-01', 'month')).toBe('2024-02-29');
});

test('dense series fills empty buckets with zero', () => {
  const rows = [
    {bucket: '2024-01-01', n: 3},
    {bucket: '2024-03-01', n: 5},
  ];
  expect(denseSeries(rows, 'month', '2024-01-01', '2024-03-31')).toEqual([
    {date: '2024-01-01', n: 3},
    {date: '2024-02-01', n: 0},
    {date: '2024-03-01', n: 5},
  ]);
});

test('rolling mean waits for a full window', () => {
  expect(rollingMean([1, 2, 3, 4], 3)).toEqual([null, null, 2, 3]);
});

test('a year earlier is the same month, or 52 weeks back for days', () => {
  const months = denseSeries(
    [
      {bucket: '2023-02-01', n: 7},
      {bucket: '2024-02-01', n: 9},
    ],
    'month',
    '2023-01-01',
    '2024-02-29',
  );
  expect(yearBefore(months, 'month').at(-1)).toBe(7);
  const days = denseSeries([{bucket: '2023-06-03', n: 4}], 'day', '2023-06-01', '2024-06-01');
  // 2024-06-01 is a Saturday; 364 days earlier, 2023-06-03, is a Saturday too.
  expect(yearBefore(days, 'day').at(-1)).toBe(4);
});

test('trendSeries joins the three', () => {
  const t = trendSeries([{bucket: '2024-01-01', n: 2}], 'day', '2024-01-01', '2024-01-07');
  expect(t).toHaveLength(7);
  expect(t[6]).toEqual({date: '2024-01-07', n: 0, rolling: 2 / 7, yearBefore: null});
});
