/** Standard normal distribution functions with near double-precision relative accuracy. */

const SQRT_2PI = 2.5066282746310002;
const SQRT_PI = 1.772453850905516;
/** Below this |x| the erf series is used, above it the Mills-ratio continued fraction (z units). */
const SERIES_LIMIT = 2.5;
/** Continued-fraction depth; 100 terms converge to 1e-15 relative at x = 2.5 (count). */
const FRACTION_TERMS = 100;
/** Beyond this |x| the tail underflows to 0 in double precision (z units). */
const UNDERFLOW_LIMIT = 38.5;

/** Standard normal cumulative distribution function Φ(x). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const tail = upperTail(Math.abs(x));
  return x > 0 ? 1 - tail : tail;
}

/** Two-sided p-value of a standard normal z-score, 2·Φ(-|z|), without cancellation in the tail. */
export function twoSidedP(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return Math.min(1, 2 * upperTail(Math.abs(z)));
}

/** 1 − Φ(x) for x ≥ 0, to about 1e-14 relative error. */
function upperTail(x: number): number {
  if (x > UNDERFLOW_LIMIT) return 0;
  if (x < SERIES_LIMIT) {
    const y = x / Math.SQRT2;
    let term = y;
    let sum = y;
    for (let k = 1; term > 1e-17 * sum; k++) {
      term *= (2 * y * y) / (2 * k + 1);
      sum += term;
    }
    return 0.5 - (Math.exp(-y * y) * sum) / SQRT_PI;
  }
  let fraction = x;
  for (let k = FRACTION_TERMS; k > 0; k--) fraction = x + k / fraction;
  return Math.exp(-0.5 * x * x) / (SQRT_2PI * fraction);
}
