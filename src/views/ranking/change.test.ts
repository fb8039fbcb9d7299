import {expect, test} from 'vitest';
import {changeCellOf, formatP, markerOf} from './change';

const CTX = {currentDays: 365, previousDays: 365, previousLabel: '2023'};

test('a change with its exact-test p-value in the title', () => {
  const cell = changeCellOf(10, 20, CTX);
  expect(cell.text).toBe('−50.0%');
  expect(cell.direction).toBe('down');
  expect(cell.p).toBeCloseTo(0.09873714670538905, 12);
  expect(cell.marker).toBe('');
  expect(cell.title).toBe(
    '10 against 20 in 2023; exact test for two Poisson counts, p = 0.099 (not significant at 5%)',
  );
});

test('a significant rise is marked; unequal periods are stated', () => {
  const cell = changeCellOf(20, 5, {...CTX, currentDays: 366});
  expect(cell.text).toBe('+300.0%');
  expect(cell.marker).toBe('**');
  expect(cell.title).toContain('(366 and 365 days)');
  expect(cell.title).toContain('p = 0.0041');
});

test('none before: "new"; no previous period: a dash', () => {
  expect(changeCellOf(6, 0, CTX)).toMatchObject({text: 'new', marker: '*', direction: 'up'});
  expect(changeCellOf(6, null, CTX)).toMatchObject({text: '–', p: null, direction: null});
});

test('p-values and markers', () => {
  expect(formatP(0.04321)).toBe('0.043');
  expect(formatP(2.27e-12)).toBe('2.3e-12');
  expect(formatP(1)).toBe('1');
  expect(markerOf(0.0009)).toBe('***');
  expect(markerOf(0.05)).toBe('');
});
