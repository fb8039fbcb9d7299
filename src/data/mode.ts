/**
 * Naive mode, the benchmark's baseline: every view queries the full `incidents` table on its own,
 * with no result cache, no request coalescing and no pre-aggregated tables. Turned on by
 * `window.__VSD_NAIVE__ = true` before the app's scripts run (bench/measure.ts does this with
 * an init script); read once, when this module loads.
 */
export const NAIVE: boolean =
  typeof window !== 'undefined' &&
  (window as unknown as {__VSD_NAIVE__?: unknown}).__VSD_NAIVE__ === true;

/**
 * Tests: `window.__VSD_COMPRESS_FROM_ROWS__ = 0` before the app's scripts run stores even a small
 * dataset compressed, so the browser tests cover that path (see `COMPRESS_FROM_ROWS`).
 */
export const COMPRESS_FROM_ROWS_OVERRIDE: number | null = (() => {
  const value =
    typeof window === 'undefined'
      ? undefined
      : (window as unknown as {__VSD_COMPRESS_FROM_ROWS__?: unknown}).__VSD_COMPRESS_FROM_ROWS__;
  return typeof value === 'number' ? value : null;
})();
