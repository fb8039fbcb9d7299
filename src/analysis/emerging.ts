/**
 * Emerging hot spot classification over time slices, after ArcGIS Emerging Hot Spot Analysis,
 * simplified to a spatial Gi* per slice (no neighbours in time, standardised against the whole
 * cube by default) and a Mann-Kendall test on each cell's series of Gi* z-scores.
 * Differences from ArcGIS: `historical` needs 90% of the slices before the last (ArcGIS: of all
 * slices, which five yearly slices can never reach); cold patterns mirror the hot ones.
 */
import {giGlobalStats, giStar, significanceThreshold} from './gi-star';
import {mannKendall} from './mann-kendall';

/** Share of slices a cell must be hot (or cold) in for persistent-type patterns (fraction). */
export const PERSISTENT_SHARE = 0.9;
/** Tolerance for comparing slice shares with {@link PERSISTENT_SHARE} (fraction). */
const SHARE_EPSILON = 1e-9;

/** Hot spot patterns in ArcGIS order. */
const HOT_PATTERNS = [
  'new',
  'consecutive',
  'intensifying',
  'persistent',
  'diminishing',
  'sporadic',
  'oscillating',
  'historical',
] as const;

/** A hot spot pattern. */
export type HotPattern = (typeof HOT_PATTERNS)[number];

/** A cell's category: a hot pattern, its cold equivalent (`-cold`), or `none`. */
export type EmergingCategory = HotPattern | `${HotPattern}-cold` | 'none';

/** A category's id, short label and one-sentence explanation for the legend. */
export interface EmergingCategoryInfo {
  id: EmergingCategory;
  label: string;
  explanation: string;
  kind: 'hot' | 'cold' | 'none';
}

/** Options of {@link emergingHotSpots}. */
export interface EmergingOptions {
  /**
   * Apply the Benjamini-Hochberg correction to each slice's Gi* p-values.
   * @default true
   */
  fdr?: boolean;
  /**
   * Significance level of the hot/cold flags and of the Mann-Kendall trend.
   * @default 0.1
   */
  alpha?: number;
  /**
   * Standardise every slice against the mean and spread of the whole cube (`cube`, as ArcGIS's
   * space-time Gi* does) or of the slice alone (`slice`). With `slice`, a new hot spot lowers the
   * z-scores of every other hot spot in its slice, which reads as a spurious diminishing trend.
   * @default 'cube'
   */
  standardise?: 'cube' | 'slice';
}

/** Per-cell category, trend of its Gi* z-scores, and numbers of hot and cold slices. */
export interface EmergingResult {
  category: EmergingCategory[];
  trend: {z: number; p: number}[];
  hotSlices: number[];
  coldSlices: number[];
}

const TEXT: Record<HotPattern, {label: string; hot: string; cold: string}> = {
  new: {
    label: 'New',
    hot: 'Significantly high for the first time in the latest period.',
    cold: 'Significantly low for the first time in the latest period.',
  },
  consecutive: {
    label: 'Consecutive',
    hot: 'Significantly high in an unbroken run of recent periods, and never before that run.',
    cold: 'Significantly low in an unbroken run of recent periods, and never before that run.',
  },
  intensifying: {
    label: 'Intensifying',
    hot: 'Significantly high in almost every period, and getting more so.',
    cold: 'Significantly low in almost every period, and getting more so.',
  },
  persistent: {
    label: 'Persistent',
    hot: 'Significantly high in almost every period, with no clear trend.',
    cold: 'Significantly low in almost every period, with no clear trend.',
  },
  diminishing: {
    label: 'Diminishing',
    hot: 'Significantly high in almost every period, but less so over time.',
    cold: 'Significantly low in almost every period, but less so over time.',
  },
  sporadic: {
    label: 'Sporadic',
    hot: 'Significantly high in the latest period and on and off before, never significantly low.',
    cold: 'Significantly low in the latest period and on and off before, never significantly high.',
  },
  oscillating: {
    label: 'Oscillating',
    hot: 'Significantly high in the latest period, but significantly low in some earlier period.',
    cold: 'Significantly low in the latest period, but significantly high in some earlier period.',
  },
  historical: {
    label: 'Historical',
    hot: 'Significantly high in almost every earlier period, but not in the latest one.',
    cold: 'Significantly low in almost every earlier period, but not in the latest one.',
  },
};

/** All categories with labels and plain-English explanations, hot patterns first. */
export const EMERGING_CATEGORIES: readonly EmergingCategoryInfo[] = [
  ...HOT_PATTERNS.map((id) => ({
    id,
    label: `${TEXT[id].label} hot spot`,
    explanation: TEXT[id].hot,
    kind: 'hot' as const,
  })),
  ...HOT_PATTERNS.map((id) => ({
    id: `${id}-cold` as const,
    label: `${TEXT[id].label} cold spot`,
    explanation: TEXT[id].cold,
    kind: 'cold' as const,
  })),
  {
    id: 'none',
    label: 'No pattern',
    explanation: 'Not significantly high or low in any of these patterns.',
    kind: 'none',
  },
];

/**
 * Classify each cell by its history of Gi* hot and cold spots over time slices.
 * `slices[t][i]` is the value of cell i in slice t, oldest slice first.
 */
export function emergingHotSpots(
  slices: readonly ArrayLike<number>[],
  neighbours: readonly (readonly number[])[],
  {fdr = true, alpha = 0.1, standardise = 'cube'}: EmergingOptions = {},
): EmergingResult {
  const n = neighbours.length;
  const cube = standardise === 'cube' ? giGlobalStats(slices) : undefined;
  const hot = slices.map(() => new Uint8Array(n));
  const cold = slices.map(() => new Uint8Array(n));
  const zs = slices.map((values, t) => {
    if (values.length !== n) {
      throw new Error(`emergingHotSpots: slice ${t} has ${values.length} cells, expected ${n}`);
    }
    const {z, p} = giStar(values, neighbours, cube);
    const threshold = significanceThreshold(p, alpha, fdr);
    for (let i = 0; i < n; i++) {
      if (p[i] > threshold) continue;
      if (z[i] > 0) hot[t][i] = 1;
      else if (z[i] < 0) cold[t][i] = 1;
    }
    return z;
  });
  const result: EmergingResult = {category: [], trend: [], hotSlices: [], coldSlices: []};
  for (let i = 0; i < n; i++) {
    const hotFlags = hot.map((h) => h[i] === 1);
    const coldFlags = cold.map((c) => c[i] === 1);
    const {z, p} = mannKendall(zs.map((zt) => zt[i]));
    const trend = p <= alpha ? Math.sign(z) : 0;
    result.category.push(classifyHistory(hotFlags, coldFlags, trend));
    result.trend.push({z, p});
    result.hotSlices.push(count(hotFlags));
    result.coldSlices.push(count(coldFlags));
  }
  return result;
}

/**
 * Category of one cell from its hot and cold flags per slice (oldest first) and the sign of its
 * significant z-score trend (1 rising, -1 falling, 0 none).
 */
export function classifyHistory(
  hot: readonly boolean[],
  cold: readonly boolean[],
  trend: number,
): EmergingCategory {
  const last = hot.length - 1;
  if (last < 0) return 'none';
  if (hot[last]) return pattern(hot, cold, trend);
  if (cold[last]) return `${pattern(cold, hot, -trend)}-cold`;
  if (isHistorical(hot)) return 'historical';
  if (isHistorical(cold)) return 'historical-cold';
  return 'none';
}

function pattern(
  flags: readonly boolean[],
  opposite: readonly boolean[],
  trend: number,
): HotPattern {
  const flagged = count(flags);
  if (flagged >= PERSISTENT_SHARE * flags.length - SHARE_EPSILON) {
    return trend > 0 ? 'intensifying' : trend < 0 ? 'diminishing' : 'persistent';
  }
  if (flagged === 1) return 'new';
  const runStart = flags.lastIndexOf(false) + 1;
  if (flags.length - runStart === flagged) return 'consecutive';
  return opposite.some(Boolean) ? 'oscillating' : 'sporadic';
}

function isHistorical(flags: readonly boolean[]): boolean {
  const earlier = flags.slice(0, -1);
  const flagged = count(earlier);
  return flagged > 0 && flagged >= PERSISTENT_SHARE * earlier.length - SHARE_EPSILON;
}

function count(flags: readonly boolean[]): number {
  return flags.reduce((a, f) => a + Number(f), 0);
}
