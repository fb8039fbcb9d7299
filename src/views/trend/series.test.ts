import {expect, test} from 'vitest';
import {
  bucketEnd,
  bucketStart,
  chooseGrain,
  denseSeries,
  rollingMean,
  trendSeries,
  withhold,
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
  expect(t[6]).toEqual({
    date: '2024-01-07',
    from: '2024-01-07',
    to: '2024-01-07',
    partial: false,
    n: 0,
    rolling: 2 / 7,
    yearBefore: null,
  });
});

test('a bucket the data cover in part keeps its count but joins no mean or year-earlier value', () => {
  // By night of, the data start the night before their first day: one night of December 2020.
  const rows = [
    {bucket: '2020-12-01', n: 17},
    {bucket: '2021-01-01', n: 182},
    {bucket: '2021-02-01', n: 171},
    {bucket: '2021-03-01', n: 190},
    {bucket: '2021-12-01', n: 400},
  ];
  const t = trendSeries(rows, 'month', '2020-12-31', '2021-12-15');
  expect(t[0]).toMatchObject({date: '2020-12-01', from: '2020-12-31', to: '2020-12-31'});
  expect(t.map((p) => p.partial)).toEqual([true, ...Array(11).fill(false), true]);
  expect(t[0].n).toBe(17);
  // Dec-Feb would average one night with two months; Jan-Mar is whole.
  expect(t.slice(0, 3).map((p) => p.rolling)).toEqual([null, null, null]);
  expect(t[3].rolling).toBe((182 + 171 + 190) / 3);
  // December 2021 has no year-earlier value: December 2020 is one night. It ends mid-month too.
  expect(t[12]).toMatchObject({
    from: '2021-12-01',
    to: '2021-12-15',
    yearBefore: null,
    rolling: null,
  });
  // Weeks: the data start on a Wednesday.
  const weeks = trendSeries([], 'week', '2024-01-03', '2024-01-31');
  expect(weeks[0]).toMatchObject({date: '2024-01-01', from: '2024-01-03', partial: true});
  expect(weeks[1].partial).toBe(false);
});

test('withhold hides the counts given, the means over them and their year-later echo', () => {
  const rows = [
    {bucket: '2021-01-01', n: 4},
    {bucket: '2021-02-01', n: 30},
    {bucket: '2021-03-01', n: 40},
    {bucket: '2021-04-01', n: 50},
    {bucket: '2021-05-01', n: 60},
    {bucket: '2022-01-01', n: 70},
  ];
  const series = trendSeries(rows, 'month', '2021-01-01', '2022-01-31');
  const hidden = series.map((p) => p.date === '2021-01-01');
  const shown = withhold(series, hidden, 'month');
  expect(shown[0]).toMatchObject({n: 4, hidden: true});
  // Jan-Mar holds the hidden count: (4 + 30 + 40) / 3 would give it away. Later means do not.
  expect(series[2].rolling).toBe((4 + 30 + 40) / 3);
  expect(shown[2].rolling).toBeNull();
  expect(shown.slice(3).map((p) => p.rolling)).toEqual(series.slice(3).map((p) => p.rolling));
  expect(shown[3].rolling).toBe((30 + 40 + 50) / 3);
  expect(shown[12]).toMatchObject({yearBefore: 4, yearBeforeHidden: true, hidden: false});
  expect(
    withhold(
      series,
      series.map(() => false),
      'month',
    ),
  ).toEqual(series.map((p) => ({...p, hidden: false, yearBeforeHidden: false})));
});
