/** Exact conditional test comparing two Poisson counts (e.g. this period against the last). */

/** Relative tolerance when comparing probabilities for "as or less likely" (as in scipy). */
const RELATIVE_TOLERANCE = 1 + 1e-7;

/** Lanczos coefficients (g = 7, n = 9): about 15 significant digits for x > 0. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** Result of `poissonRatioTest`. */
export interface PoissonTest {
  /** Two-sided exact p-value. */
  p: number;
  /** Rate ratio (c1/t1)/(c2/t2); Infinity when c2 = 0 < c1, NaN when both are 0. */
  ratio: number;
}

/** Natural log of Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Binomial probability P(X = k) for X ~ Binomial(n, p). */
export function binomialPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  const logChoose = logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
  return Math.exp(logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/**
 * Two-sided exact binomial test of k successes in n trials against probability p: the sum of
 * P(X = i) over every i no more likely than k (the "minimum likelihood" method of R and scipy).
 */
export function binomialTwoSidedP(k: number, n: number, p: number): number {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || k > n) {
    throw new Error(`need integers 0 <= k <= n, got k=${k}, n=${n}`);
  }
  if (!(p >= 0 && p <= 1)) throw new Error(`need 0 <= p <= 1, got ${p}`);
  if (n === 0) return 1;
  const threshold = binomialPmf(k, n, p) * RELATIVE_TOLERANCE;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const q = binomialPmf(i, n, p);
    if (q <= threshold) sum += q;
  }
  return Math.min(1, sum);
}

/**
 * Compare counts c1 over exposure t1 and c2 over t2 (e.g. days): conditional on c1 + c2,
 * c1 ~ Binomial(c1 + c2, t1 / (t1 + t2)) when the two rates are equal.
 */
export function poissonRatioTest(c1: number, c2: number, t1 = 1, t2 = 1): PoissonTest {
  if (!(t1 > 0 && t2 > 0)) throw new Error(`exposures must be positive, got ${t1} and ${t2}`);
  const p = binomialTwoSidedP(c1, c1 + c2, t1 / (t1 + t2));
  const ratio = c1 === 0 && c2 === 0 ? NaN : c1 / t1 / (c2 / t2);
  return {p, ratio};
}
