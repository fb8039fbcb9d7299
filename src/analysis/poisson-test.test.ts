import {expect, test} from 'vitest';
import {binomialPmf, binomialTwoSidedP, logGamma, poissonRatioTest} from './poisson-test';

test('logGamma matches factorials', () => {
  expect(logGamma(1)).toBeCloseTo(0, 14);
  expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
  expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
  expect(logGamma(171)).toBeCloseTo(706.5730622457874, 9);
});

test('binomial pmf: C(10,7) 0.3^7 0.7^3', () => {
  expect(binomialPmf(7, 10, 0.3)).toBeCloseTo(120 * 0.3 ** 7 * 0.7 ** 3, 15);
  expect(binomialPmf(0, 4, 0)).toBe(1);
  expect(binomialPmf(11, 10, 0.5)).toBe(0);
});

/** k, n, p, two-sided p: small cases by hand; the others are scipy.stats.binomtest (1.17). */
const KNOWN: [number, number, number, number][] = [
  [0, 5, 0.5, 2 / 32],
  [3, 3, 0.5, 2 / 8],
  [1, 11, 0.5, (2 * (1 + 11)) / 2048],
  [5, 10, 0.5, 1],
  [1, 1, 0.5, 1],
  [10, 30, 0.5, 0.09873714670538905],
  [7, 10, 0.3, 0.0105920784],
  [120, 200, 0.5, 0.005685155996750306],
  [2, 50, 0.5, 2.2666313270747196e-12],
];

test.each(KNOWN)('binomial test of %i in %i at p = %f', (k, n, p, expected) => {
  const got = binomialTwoSidedP(k, n, p);
  expect(Math.abs(got - expected) / expected).toBeLessThan(1e-9);
});

test('two Poisson counts over equal periods test against p = 0.5', () => {
  const t = poissonRatioTest(10, 20);
  expect(t.p).toBeCloseTo(0.09873714670538905, 12);
  expect(t.ratio).toBe(0.5);
  expect(poissonRatioTest(20, 10).p).toBeCloseTo(t.p, 14);
});

test('unequal exposures shift the null proportion (scipy binomtest)', () => {
  // 2024 (366 days) against 2023 (365 days): p0 = 366/731.
  expect(poissonRatioTest(20, 5, 366, 365).p).toBeCloseTo(0.004078145031738193, 12);
  // 31 days against 28: p0 = 31/59.
  expect(poissonRatioTest(12, 28, 31, 28).p).toBeCloseTo(0.006354189124411029, 12);
});

test('no counts in either period: p = 1, ratio undefined', () => {
  const t = poissonRatioTest(0, 0);
  expect(t.p).toBe(1);
  expect(t.ratio).toBeNaN();
  expect(poissonRatioTest(4, 0).ratio).toBe(Infinity);
});

test('rejects impossible inputs', () => {
  expect(() => binomialTwoSidedP(3, 2, 0.5)).toThrow();
  expect(() => binomialTwoSidedP(1.5, 2, 0.5)).toThrow();
  expect(() => poissonRatioTest(1, 1, 0, 1)).toThrow();
});
