import {expect, test} from 'vitest';
import {countText, hourLine, isSuppressed, maskedText, shareText, suppressionOf} from './suppress';

test.each([
  [0, '0'],
  [1, '<5'],
  [4, '<5'],
  [5, '5'],
  [1234, '1,234'],
] as const)('with min_count 5, %i shows as %s', (n, text) => {
  expect(countText(n, 5)).toBe(text);
});

test('no minimum: every count is exact', () => {
  expect(isSuppressed(3, null)).toBe(false);
  expect(countText(3, null)).toBe('3');
});

test('shares of suppressed counts are not shown', () => {
  expect(shareText(3, 40, 5)).toBe('–');
  expect(shareText(10, 40, 5)).toBe('25.0%');
  expect(shareText(0, 0, 5)).toBe('–');
});

test('a lone small count takes the smallest other count with it', () => {
  expect(suppressionOf([2, 8, 11, 6, 10, 23, 28], 5)).toEqual([
    'small',
    null,
    null,
    'complement',
    null,
    null,
    null,
  ]);
});

test('two or more small counts, or none, need no complement; zeros stay shown', () => {
  expect(suppressionOf([3, 0, 4, 20], 5)).toEqual(['small', null, 'small', null]);
  expect(suppressionOf([0, 9, 20], 5)).toEqual([null, null, null]);
  expect(suppressionOf([3, 0, 0], 5)).toEqual(['small', null, null]);
  expect(suppressionOf([3, 20], null)).toEqual([null, null]);
});

test('masked text', () => {
  expect(maskedText(3, 'small', 5)).toBe('<5');
  expect(maskedText(30, 'complement', 5)).toBe('*');
  expect(maskedText(1234, null, 5)).toBe('1,234');
});

test('the hours and the attendances with no recorded hour are one line with the total', () => {
  const order = [22, 23, 0, 1, 2];
  // 3 with no hour beside hours shown would be the total less them: 20 at 22:00 goes with it,
  // and the count with a recorded hour (the total less 3) is withheld too.
  const some = hourLine(
    new Map([
      [22, 20],
      [2, 30],
    ]),
    3,
    order,
    5,
  );
  expect(some.unknownKind).toBe('small');
  expect(some.kinds).toEqual(['complement', null, null, null, null]);
  expect(some.knownHidden).toBe(true);
  expect(some.knownText).toBe('*');
  expect(some.withheld).toBe(false);
  // Every hour known: nothing to protect.
  const none = hourLine(new Map([[22, 20]]), 0, order, 5);
  expect([none.knownHidden, none.knownText, none.withheld]).toEqual([false, '20', false]);
  // 5 at 23:00 and 1 with no hour, of 6: withheld, they could only be 5 and 1. The whole line goes.
  const pinned = hourLine(new Map([[23, 5]]), 1, order, 5);
  expect(pinned.withheld).toBe(true);
  expect(pinned.part([false, true, false, false, false]).text).toBe('*');
  expect(hourLine(new Map([[23, 5]]), 1, order, null).withheld).toBe(false);
});
