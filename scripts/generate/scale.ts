/** Choose the volume multiplier that gives about a target number of aggregated incidents rows. */
import {simulateDay, type World} from './simulate';

/** Sample every STRIDE_DAYS-th activity day (coprime with 7, so every weekday is seen). */
const STRIDE_DAYS = 11;
const ITERATIONS = 3;

/** Estimated aggregated rows (distinct combinations per date) for a scale, from sampled days. */
export function estimateRows(
  world: World,
  firstDay: number,
  lastDay: number,
  scale: number,
): number {
  let rows = 0;
  let sampled = 0;
  const opts = {scale, firstDay: -Infinity, lastDay: Infinity};
  for (let day = firstDay; day <= lastDay; day += STRIDE_DAYS) {
    const distinct = new Set<string>();
    simulateDay(world, opts, day, (line) => distinct.add(line));
    rows += distinct.size;
    sampled++;
  }
  return (rows / sampled) * (lastDay - firstDay + 1);
}

/** A scale such that the period has about `targetRows` incidents rows. */
export function scaleForRows(world: World, firstDay: number, lastDay: number, targetRows: number) {
  let scale = targetRows / estimateRows(world, firstDay, lastDay, 1);
  for (let i = 1; i < ITERATIONS; i++) {
    scale *= targetRows / estimateRows(world, firstDay, lastDay, scale);
  }
  return scale;
}
