import {describe, expect, it} from 'vitest';
import {normalCdf, twoSidedP} from './normal';

// Reference values: 0.5·erfc(-x/√2) from the C library (CPython math.erfc).
const CDF_CASES: [number, number][] = [
  [0, 0.5],
  [0.5, 0.6914624612740131],
  [1, 0.8413447460685429],
  [1.6448536269514722, 0.95],
  [1.96, 0.9750021048517795],
  [2.5758293035489004, 0.995],
  [2.5758, 0.9949995762622214],
  [3, 0.9986501019683699],
  [6.5, 0.99999999995984],
];

const TAIL_CASES: [number, number][] = [
  [-3, 0.0013498980316300957],
  [-5, 2.866515718791946e-7],
  [-8, 6.220960574271819e-16],
  [-10, 7.619853024160593e-24],
  [-20, 2.7536241186063314e-89],
];

describe('normalCdf', () => {
  it.each(CDF_CASES)('Φ(%f) = %f', (x, expected) => {
    expect(normalCdf(x)).toBeCloseTo(expected, 14);
    expect(normalCdf(-x)).toBeCloseTo(1 - expected, 14);
  });

  it.each(TAIL_CASES)('Φ(%f) = %e to 1e-13 relative in the far tail', (x, expected) => {
    expect(Math.abs(normalCdf(x) / expected - 1)).toBeLessThan(1e-13);
  });

  it('gives 0 and 1 beyond the underflow limit and NaN for NaN', () => {
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(NaN)).toBeNaN();
  });
});

describe('twoSidedP', () => {
  it('is 0.05 at z = ±1.959964 and 1 at z = 0', () => {
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedP(-1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedP(0)).toBe(1);
  });

  it('keeps precision in the tail where 1 - Φ would cancel', () => {
    expect(twoSidedP(10) / (2 * 7.619853024160593e-24)).toBeCloseTo(1, 12);
  });
});
