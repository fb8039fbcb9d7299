import {expect, test} from 'vitest';
import {compareRate, gammaP, poissonCi, ratePer100k} from './poisson-ci';

test('gammaP matches known values', () => {
  // P(1, x) = 1 - e^-x; P(0.5, x) = erf(sqrt(x)).
  expect(gammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
  expect(gammaP(0.5, 1)).toBeCloseTo(0.8427007929497149, 10);
  expect(gammaP(10, 12)).toBeCloseTo(0.7576078383294877, 10);
});

test.each([
  // Garwood intervals as tabulated (e.g. Ulm 1990; R: poisson.test(x)$conf.int).
  [0, 0, 3.688879],
  [1, 0.02531781, 5.571643],
  [5, 1.623486, 11.668332],
  [10, 4.795389, 18.390356],
])('exact 95 percent interval of %i', (o, lo, hi) => {
  const [l, u] = poissonCi(o);
  expect(l).toBeCloseTo(lo, 4);
  expect(u).toBeCloseTo(hi, 4);
});

/** P(X ≤ k) for X ~ Poisson(λ), by direct summation (independent of gammaP). */
function poissonCdf(k: number, lambda: number): number {
  let logTerm = -lambda;
  let sum = Math.exp(logTerm);
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log(lambda / i);
    sum += Math.exp(logTerm);
  }
  return sum;
}

test.each([30, 100, 1000])('the interval of %i leaves 2.5 percent in each tail', (o) => {
  const [l, u] = poissonCi(o);
  expect(1 - poissonCdf(o - 1, l)).toBeCloseTo(0.025, 8);
  expect(poissonCdf(o, u)).toBeCloseTo(0.025, 8);
});

test('rates per 100,000 and their comparison with a reference', () => {
  const r = ratePer100k(100, 50_000, 2);
  expect(r.rate).toBe(100);
  expect(r.lower).toBeCloseTo(81.364, 3);
  expect(compareRate(r, 70)).toBe('higher');
  expect(compareRate(r, 100)).toBe('similar');
  expect(compareRate(r, 130)).toBe('lower');
});
