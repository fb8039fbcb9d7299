/** Exact 95% confidence intervals for a Poisson count, and rates per 100,000 with them. */
import {logGamma} from './poisson-test';

const EPS = 1e-14;
const MAX_ITER = 10_000;

/** Regularised lower incomplete gamma P(a, x) (Numerical Recipes: series, or continued fraction). */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lead = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITER && Math.abs(term) > Math.abs(sum) * EPS; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return sum * Math.exp(lead);
  }
  // Lentz's continued fraction for Q(a, x).
  let b = x + 1 - a;
  let c = 1 / 1e-300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return 1 - Math.exp(lead) * h;
}

/**
 * The λ where a decreasing-in-λ probability function crosses `target`, by bisection, to 1e-12 of
 * λ: far below what a rate shows, in 40-50 steps where bisecting to the last bit took 200 (the
 * areas' intervals are recomputed on every filter change).
 */
function solve(f: (lambda: number) => number, target: number, hi: number): number {
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Exact (Garwood) confidence interval for the mean of a Poisson count `o`: the lower limit solves
 * P(X ≥ o | λ) = α/2, the upper P(X ≤ o | λ) = α/2, through P(X ≤ o | λ) = 1 − P(o + 1, λ).
 */
export function poissonCi(o: number, alpha = 0.05): [number, number] {
  if (!Number.isInteger(o) || o < 0) throw new Error(`not a count: ${o}`);
  const hi = o + 20 * Math.sqrt(o + 1) + 20;
  const lower = o === 0 ? 0 : solve((l) => 1 - gammaP(o, l), 1 - alpha / 2, hi);
  const upper = solve((l) => 1 - gammaP(o + 1, l), alpha / 2, hi);
  return [lower, upper];
}

/** A rate per 100,000 population with its exact 95% interval. */
export interface Rate {
  count: number;
  rate: number;
  lower: number;
  upper: number;
}

/** Rate per 100,000 per `years` of a count in a population. */
export function ratePer100k(count: number, population: number, years = 1): Rate {
  const scale = 100_000 / population / years;
  const [lo, hi] = poissonCi(count);
  return {count, rate: count * scale, lower: lo * scale, upper: hi * scale};
}

/** Higher or lower when the interval excludes the reference rate, else similar. */
export function compareRate(r: Rate, reference: number): 'higher' | 'similar' | 'lower' {
  if (r.lower > reference) return 'higher';
  if (r.upper < reference) return 'lower';
  return 'similar';
}
