/** Mann-Kendall monotonic trend test with tie correction and continuity correction. */
import {twoSidedP} from './normal';

/** Mann-Kendall statistic S, normal score z, two-sided p-value and Kendall's tau (S over pairs). */
export interface MannKendallResult {
  s: number;
  z: number;
  p: number;
  tau: number;
}

/** Mann-Kendall trend test of a series in time order; z > 0 means increasing. */
export function mannKendall(series: readonly number[]): MannKendallResult {
  const n = series.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) s += Math.sign(series[j] - series[i]);
  }
  const pairs = (n * (n - 1)) / 2;
  const tau = pairs > 0 ? s / pairs : 0;
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm(series)) / 18;
  if (!(variance > 0) || s === 0) return {s, z: 0, p: 1, tau};
  const z = (s - Math.sign(s)) / Math.sqrt(variance);
  return {s, z, p: twoSidedP(z), tau};
}

function tieTerm(series: readonly number[]): number {
  const groups = new Map<number, number>();
  for (const x of series) groups.set(x, (groups.get(x) ?? 0) + 1);
  let sum = 0;
  for (const t of groups.values()) sum += t * (t - 1) * (2 * t + 5);
  return sum;
}
