import {expect, test} from 'vitest';
import {afterClosingHours, afterClosingOf, minutesOf} from './after-closing';

test.each([
  ['02:00', [2, 3, 4, 5]],
  ['01:30', [2, 3, 4, 5]],
  ['00:00', [0, 1, 2, 3, 4, 5]],
  ['23:30', [0, 1, 2, 3, 4, 5]],
  ['23:00', [23, 0, 1, 2, 3, 4, 5]],
  ['22:00', [22, 23, 0, 1, 2, 3, 4, 5]],
  ['05:00', [5]],
  ['06:00', []],
  ['10:00', []],
  ['12:00', [12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0, 1, 2, 3, 4, 5]],
] as const)('closing at %s: after-closing hours %j', (closing, hours) => {
  expect(afterClosingHours(closing)).toEqual(hours);
});

test('unknown or malformed closing times give no definition', () => {
  expect(afterClosingHours(null)).toBeNull();
  expect(afterClosingHours('late')).toBeNull();
  expect(minutesOf('24:00')).toBe(0);
  expect(minutesOf('12:75')).toBeNull();
});

test('counts and share after a 02:00 closing (a night that started the evening before)', () => {
  const byHour = new Map([
    [22, 5],
    [23, 10],
    [1, 20],
    [2, 8],
    [4, 2],
    [14, 5],
  ]);
  expect(afterClosingOf(byHour, '02:00')).toEqual({
    hours: [2, 3, 4, 5],
    after: 10,
    known: 50,
    share: 0.2,
  });
  expect(afterClosingOf(new Map(), '02:00')?.share).toBeNull();
  expect(afterClosingOf(byHour, null)).toBeNull();
});
