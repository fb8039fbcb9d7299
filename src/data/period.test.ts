import {expect, test} from 'vitest';
import {addMonths, coveredPeriod, daysInRange, previousPeriod, snapDates} from './period';

test.each([
  ['a year of days', '2024-01-01', '2024-12-31', '2023-01-01', '2023-12-31'],
  ['one day', '2024-03-01', '2024-03-01', '2024-02-29', '2024-02-29'],
  ['a week across a month end', '2024-03-28', '2024-04-03', '2024-03-21', '2024-03-27'],
  ['whole months stay whole months', '2024-03-01', '2024-05-31', '2023-12-01', '2024-02-29'],
  ['30 days that are not a month', '2024-06-02', '2024-07-01', '2024-05-03', '2024-06-01'],
])('previous period of %s', (_name, from, to, prevFrom, prevTo) => {
  expect(previousPeriod(from, to)).toEqual({from: prevFrom, to: prevTo});
});

test('previous day-period has the same length', () => {
  const p = previousPeriod('2024-02-10', '2024-03-10');
  expect(daysInRange(p.from, p.to)).toBe(daysInRange('2024-02-10', '2024-03-10'));
});

test('addMonths clamps to the month end', () => {
  expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
});

test('the period a date filter covers is clamped to the data', () => {
  const data = {start: '2021-01-01', end: '2025-12-31'};
  expect(coveredPeriod(undefined, data)).toEqual({from: '2021-01-01', to: '2025-12-31'});
  expect(coveredPeriod({from: '2019-01-01'}, data)).toEqual({from: '2021-01-01', to: '2025-12-31'});
  expect(coveredPeriod({from: '2023-02-01', to: '2027-12-31'}, data)).toEqual({
    from: '2023-02-01',
    to: '2025-12-31',
  });
  const none = coveredPeriod({from: '2026-01-01'}, data);
  expect(none.from > none.to).toBe(true);
});

test('dates snap to whole weeks or months of data dated to their bucket', () => {
  expect(snapDates({from: '2025-12-04', to: '2025-12-31'}, 'month')).toEqual({
    from: '2025-12-01',
    to: '2025-12-31',
  });
  expect(snapDates({from: '2024-02-10', to: '2024-02-10'}, 'month')).toEqual({
    from: '2024-02-01',
    to: '2024-02-29',
  });
  // 2025-12-04 is a Thursday: its week runs Monday 1 to Sunday 7 December.
  expect(snapDates({to: '2025-12-04'}, 'week')).toEqual({to: '2025-12-07'});
  expect(snapDates({from: '2025-12-04'}, 'day')).toEqual({from: '2025-12-04'});
  expect(snapDates(undefined, 'month')).toBeUndefined();
});
