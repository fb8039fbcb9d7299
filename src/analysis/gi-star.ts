/** Getis-Ord Gi* hot spot statistic with binary weights, as in ArcGIS Hot Spot Analysis. */
import {twoSidedP} from './normal';

/** Significance levels α of the Gi_Bin classes ±3, ±2, ±1 (99%, 95%, 90% confidence). */
export const GI_BIN_ALPHAS = [0.01, 0.05, 0.1] as const;
/** Spread below this fraction of the mean is rounding noise in constant data (ratio). */
const MIN_RELATIVE_SD = 1e-10;
/** Relative slack so that p_(k) = k/m·α counts despite rounding in k/m·α (ratio). */
const BH_TOLERANCE = 1e-12;

/** Gi* z-scores and two-sided p-values, one per cell. */
export interface GiStarResult {
  z: Float64Array;
  p: Float64Array;
}

/** Mean, population standard deviation and number of values that Gi* standardises against. */
export interface GiGlobalStats {
  mean: number;
  sd: number;
  n: number;
}

/** Options of {@link giBins}. */
export interface GiBinOptions {
  /** Apply the Benjamini-Hochberg false discovery rate correction per confidence level. */
  fdr: boolean;
}

/**
 * Gi* per cell with binary weights and the cell itself included (w_ii = 1).
 * `neighbours[i]` lists the indices of the other cells within the neighbourhood of cell i.
 * `stats` defaults to those of `values`; pass pooled ones to compare slices of a space-time cube.
 */
export function giStar(
  values: ArrayLike<number>,
  neighbours: readonly (readonly number[])[],
  stats: GiGlobalStats = giGlobalStats([values]),
): GiStarResult {
  const count = values.length;
  if (neighbours.length !== count) {
    throw new Error(`giStar: ${count} values but ${neighbours.length} neighbour lists`);
  }
  const z = new Float64Array(count);
  const p = new Float64Array(count).fill(1);
  const {mean, sd, n} = stats;
  if (n < 3 || !(sd > MIN_RELATIVE_SD * Math.abs(mean))) return {z, p};
  for (let i = 0; i < count; i++) {
    let local = values[i];
    let w = 1;
    for (const j of neighbours[i]) {
      if (j === i) continue;
      local += values[j];
      w += 1;
    }
    const spread = (n * w - w * w) / (n - 1);
    if (spread <= 0) continue;
    z[i] = (local - mean * w) / (sd * Math.sqrt(spread));
    p[i] = twoSidedP(z[i]);
  }
  return {z, p};
}

/** Mean and population standard deviation over all values of one or more samples. */
export function giGlobalStats(samples: readonly ArrayLike<number>[]): GiGlobalStats {
  let n = 0;
  let sum = 0;
  for (const values of samples) {
    n += values.length;
    for (let i = 0; i < values.length; i++) sum += values[i];
  }
  const mean = n > 0 ? sum / n : 0;
  let sumDevSq = 0;
  for (const values of samples) {
    for (let i = 0; i < values.length; i++) sumDevSq += (values[i] - mean) ** 2;
  }
  return {mean, sd: n > 0 ? Math.sqrt(sumDevSq / n) : 0, n};
}

/** Benjamini-Hochberg critical p-value: the largest p_(k) with p_(k) ≤ k/m·α, or 0 if none. */
export function benjaminiHochberg(p: ArrayLike<number>, alpha: number): number {
  const m = p.length;
  const sorted = Float64Array.from(p).sort();
  for (let k = m; k >= 1; k--) {
    if (sorted[k - 1] <= (k / m) * alpha * (1 + BH_TOLERANCE)) return sorted[k - 1];
  }
  return 0;
}

/** The p-value at or below which a test is significant at level α, with or without FDR. */
export function significanceThreshold(p: ArrayLike<number>, alpha: number, fdr: boolean): number {
  return fdr ? benjaminiHochberg(p, alpha) : alpha;
}

/** ArcGIS Gi_Bin per cell: ±3, ±2, ±1 significant at 99%, 95%, 90% with the sign of z; else 0. */
export function giBins(z: ArrayLike<number>, p: ArrayLike<number>, {fdr}: GiBinOptions): Int8Array {
  const thresholds = GI_BIN_ALPHAS.map((alpha) => significanceThreshold(p, alpha, fdr));
  const bins = new Int8Array(z.length);
  for (let i = 0; i < z.length; i++) {
    const level = thresholds.findIndex((t) => p[i] <= t);
    if (level < 0 || z[i] === 0) continue;
    bins[i] = Math.sign(z[i]) * (GI_BIN_ALPHAS.length - level);
  }
  return bins;
}
