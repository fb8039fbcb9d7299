import {expect, test} from 'vitest';
import {axisPositionOf, NIGHT_ORDER} from './hour-axis';

test('the axis runs from 06:00 through midnight to 05:00', () => {
  expect(NIGHT_ORDER.slice(0, 3)).toEqual([6, 7, 8]);
  expect(NIGHT_ORDER.slice(17, 20)).toEqual([23, 0, 1]);
  expect(NIGHT_ORDER[23]).toBe(5);
});

test('closing times sit between bars at their minute', () => {
  expect(axisPositionOf('02:00')).toBe(20);
  expect(axisPositionOf('23:30')).toBe(17.5);
  expect(axisPositionOf('00:00')).toBe(18);
  expect(axisPositionOf(null)).toBeNull();
});
