/** Class breaks for the hexagon and area colour scales, from the data on screen. */
import {quantileSorted} from 'd3';

/**
 * Upper bounds of up to `classes` classes from quantiles of positive values, made unique and
 * rounded to integers for counts. The last bound is the maximum, so every value has a class.
 */
export function quantileBreaks(
  values: ArrayLike<number>,
  classes: number,
  integer = true,
): number[] {
  const sorted = Array.from(values)
    .filter((v) => v > 0)
    .sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const round = integer ? Math.ceil : (v: number) => Number(v.toPrecision(3));
  const breaks: number[] = [];
  for (let i = 1; i <= classes; i++) {
    const b = round(quantileSorted(sorted, i / classes) ?? 0);
    if (breaks.length === 0 || b > breaks[breaks.length - 1]) breaks.push(b);
  }
  return breaks;
}

/**
 * Upper bounds of up to `classes` classes equal on a log scale from 1 to the maximum count, to two
 * significant figures. Counts per hexagon are heavy-tailed: quantiles put every busy hexagon in the
 * top class, log classes keep the busy ones apart.
 */
export function logBreaks(values: ArrayLike<number>, classes: number): number[] {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]);
  if (max <= 0) return [];
  if (max <= classes) return Array.from({length: Math.ceil(max)}, (_, i) => i + 1);
  const breaks: number[] = [];
  for (let i = 1; i <= classes; i++) {
    const raw = Math.ceil(max ** (i / classes));
    const digits = Math.max(0, Math.floor(Math.log10(raw)) - 1);
    const b = i === classes ? max : Math.ceil(raw / 10 ** digits) * 10 ** digits;
    if (breaks.length === 0 || b > breaks[breaks.length - 1]) breaks.push(Math.min(b, max));
  }
  return breaks;
}

/**
 * Breaks with every class under `minCount` merged into one (1 to min_count - 1): the colours of
 * hexagons of 1 and of 2 would tell them apart where the legend says "fewer than 5" of both.
 */
export function mergeSmallClasses(breaks: readonly number[], minCount: number): number[] {
  if (!breaks.some((b) => b < minCount)) return [...breaks];
  return [minCount - 1, ...breaks.filter((b) => b >= minCount)];
}

/** Index of the class of a value: the first break it does not exceed. */
export function classOf(value: number, breaks: readonly number[]): number {
  for (let i = 0; i < breaks.length; i++) if (value <= breaks[i]) return i;
  return breaks.length - 1;
}

/** Legend rows ("1–3", "4–9", ...) for integer breaks starting above 0. */
export function breakLabels(breaks: readonly number[], integer = true): string[] {
  return breaks.map((b, i) => {
    const lo = i === 0 ? (integer ? 1 : 0) : integer ? breaks[i - 1] + 1 : breaks[i - 1];
    if (integer && lo === b) return b.toLocaleString('en-GB');
    return `${lo.toLocaleString('en-GB')}–${b.toLocaleString('en-GB')}`;
  });
}

/**
 * Labels of count classes as published: a class whose counts are all under `minCount` is
 * "fewer than k" (its bound would say how busy the quietest hexagons are), and a class reaching
 * from below `minCount` is "up to" its bound. `minCount` null: every label as it is.
 */
export function countClassLabels(breaks: readonly number[], minCount: number | null): string[] {
  const labels = breakLabels(breaks);
  if (minCount === null) return labels;
  return breaks.map((b, i) => {
    const lo = i === 0 ? 1 : breaks[i - 1] + 1;
    if (b < minCount) return `fewer than ${minCount}`;
    return lo < minCount ? `up to ${b.toLocaleString('en-GB')}` : labels[i];
  });
}
