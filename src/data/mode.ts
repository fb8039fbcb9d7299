/**
 * Naive mode, the benchmark's baseline: every view queries the full `incidents` table on its own,
 * with no result cache, no request coalescing and no pre-aggregated tables. Turned on by
 * `window.__VSD_NAIVE__ = true` before the app's scripts run (bench/measure.ts does this with
 * an init script); read once, when this module loads.
 */
export const NAIVE: boolean =
  typeof window !== 'undefined' &&
  (window as unknown as {__VSD_NAIVE__?: unknown}).__VSD_NAIVE__ === true;
