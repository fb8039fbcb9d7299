/** The ranking's change column: percentage change and an exact test for two Poisson counts. */
import {poissonRatioTest} from '../../analysis/poisson-test';
import {formatChange, formatCount} from '../../ui/format';

/** Significance levels and their markers, strictest first. */
export const SIGNIFICANCE: [number, string][] = [
  [0.001, '***'],
  [0.01, '**'],
  [0.05, '*'],
];

/** The exposures (days) of the two periods and the previous period in words. */
export interface ChangeContext {
  currentDays: number;
  previousDays: number;
  previousLabel: string;
}

/** What the change cell shows. */
export interface ChangeCell {
  text: string;
  marker: string;
  direction: 'up' | 'down' | 'same' | null;
  p: number | null;
  title: string;
}

/** A p-value for people: two significant digits, scientific below 0.0001. */
export function formatP(p: number): string {
  if (p >= 0.9995) return '1';
  return p >= 1e-4 ? String(Number(p.toPrecision(2))) : p.toExponential(1);
}

/** The significance marker of a p-value ('' when p >= 0.05). */
export function markerOf(p: number): string {
  return SIGNIFICANCE.find(([level]) => p < level)?.[1] ?? '';
}

/** The change cell of a premises with n now and prev before (null: no comparison). */
export function changeCellOf(
  n: number,
  prev: number | null,
  ctx: ChangeContext | null,
  noComparison = 'No comparison: the previous equal period starts before the data.',
): ChangeCell {
  if (prev === null || ctx === null) {
    return {text: '–', marker: '', direction: null, p: null, title: noComparison};
  }
  const {p} = poissonRatioTest(n, prev, ctx.currentDays, ctx.previousDays);
  const marker = markerOf(p);
  const direction = n > prev ? 'up' : n < prev ? 'down' : 'same';
  const text = prev === 0 ? 'new' : formatChange(n / prev - 1);
  const title =
    `${formatCount(n)} against ${formatCount(prev)} in ${ctx.previousLabel}` +
    (ctx.currentDays !== ctx.previousDays
      ? ` (${ctx.currentDays} and ${ctx.previousDays} days)`
      : '') +
    `; exact test for two Poisson counts, p = ${formatP(p)}` +
    (marker ? '' : ' (not significant at 5%)');
  return {text, marker, direction, p, title};
}
