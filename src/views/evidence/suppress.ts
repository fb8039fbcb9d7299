/** Small-number suppression: counts from 1 to min_count - 1 are shown as "<min_count". */
import {COMPLEMENT_TEXT, isSmall, linePinned, suppressList} from '../../analysis/disclosure';
import {formatCount} from '../../ui/format';

/** Why a value is withheld: a small count, or a second value withheld to protect one. */
export type Suppression = 'small' | 'complement' | null;

export {COMPLEMENT_TEXT};

/** Whether a count is suppressed under a minimum count (null: no suppression). */
export function isSuppressed(n: number, minCount: number | null): boolean {
  return minCount !== null && isSmall(n, minCount);
}

/** A count as text, "<5" when suppressed. */
export function countText(n: number, minCount: number | null): string {
  return isSuppressed(n, minCount) ? `<${minCount}` : formatCount(n);
}

/** A share as a percentage, or "–" when its count is suppressed or the whole is 0. */
export function shareText(n: number, whole: number, minCount: number | null, digits = 1): string {
  if (!(whole > 0) || isSuppressed(n, minCount)) return '–';
  return `${((n / whole) * 100).toFixed(digits)}%`;
}

/**
 * Suppression of values whose total is published: small counts, and when exactly one is small
 * the smallest other non-zero value too, so that total minus the rest does not reveal it.
 */
export function suppressionOf(values: readonly number[], minCount: number | null): Suppression[] {
  if (minCount === null) return values.map(() => null);
  const hidden = suppressList(values, minCount, true);
  return values.map((v, i) => (!hidden[i] ? null : isSmall(v, minCount) ? 'small' : 'complement'));
}

/** A value as text under its suppression. */
export function maskedText(n: number, kind: Suppression, minCount: number | null): string {
  if (kind === 'small') return `<${minCount}`;
  if (kind === 'complement') return COMPLEMENT_TEXT;
  return formatCount(n);
}

/** One item of a list (a weapon of the weapon mix) as the list's table shows it. */
export function itemText(
  items: readonly {code: string; n: number}[],
  code: string,
  minCount: number | null,
): {text: string; hidden: boolean} {
  const i = items.findIndex((x) => x.code === code);
  if (i < 0) return {text: countText(0, minCount), hidden: false};
  const kind = suppressionOf(
    items.map((x) => x.n),
    minCount,
  )[i];
  return {text: maskedText(items[i].n, kind, minCount), hidden: kind !== null};
}

/**
 * The part of "X of Y" whose parts are bars of a chart (`values`, in the chart's order; `inPart`:
 * the bars the part sums), as published. The part is withheld ("*") where what it leaves of the
 * whole is a small count, or where it or that remainder would say the total of withheld bars
 * and that total is small.
 */
export function partText(
  values: readonly number[],
  inPart: readonly boolean[],
  minCount: number | null,
): {n: number; text: string; hidden: boolean} {
  const sum = (keep: (i: number) => boolean) =>
    values.reduce((s, v, i) => (keep(i) ? s + v : s), 0);
  const n = sum((i) => inPart[i]);
  if (minCount === null) return {n, text: formatCount(n), hidden: false};
  if (isSmall(n, minCount)) return {n, text: `<${minCount}`, hidden: true};
  const kinds = suppressionOf(values, minCount);
  const rest = sum((i) => !inPart[i]);
  const withheldIn = sum((i) => inPart[i] && kinds[i] !== null);
  const withheldOut = sum((i) => !inPart[i] && kinds[i] !== null);
  if ([rest, withheldIn, withheldOut].some((v) => isSmall(v, minCount))) {
    return {n, text: COMPLEMENT_TEXT, hidden: true};
  }
  return {n, text: formatCount(n), hidden: false};
}

/** The hour chart's values as published, with the attendances of no recorded hour. */
export interface HourLine {
  /** Attendances by hour, in the chart's order. */
  values: number[];
  kinds: Suppression[];
  unknownKind: Suppression;
  /** Attendances with a recorded hour (the hours' sum) as text. */
  knownText: string;
  /** Withheld whenever the unknown count is: it would be the total less that count. */
  knownHidden: boolean;
  /** "X" of "X of the attendances with a recorded hour", for the hours in `inPart`. */
  part(inPart: readonly boolean[]): {n: number; text: string; hidden: boolean};
  /**
   * The whole line is withheld: its withheld counts could still be told from the total, and
   * no count is left to withhold with them (e.g. 5 at 23:00 and 1 with no hour, of 6).
   */
  withheld: boolean;
}

/**
 * The hours (in `order`) and the attendances with no recorded hour as one line: together they
 * make the total printed beside them, so a withheld "no recorded hour" count is protected by
 * the hours as any count of a line is, and the hours' sum is then withheld too.
 */
export function hourLine(
  byHour: ReadonlyMap<number, number>,
  unknown: number,
  order: readonly number[],
  minCount: number | null,
): HourLine {
  const values = order.map((h) => byHour.get(h) ?? 0);
  const kinds = suppressionOf([...values, unknown], minCount);
  const known = values.reduce((s, v) => s + v, 0);
  const unknownKind = kinds[values.length];
  const withheld =
    minCount !== null &&
    linePinned(
      [...values, unknown],
      kinds.map((k) => k !== null),
      minCount,
    );
  const knownKind: Suppression =
    unknownKind === null ? null : isSuppressed(known, minCount) ? 'small' : 'complement';
  return {
    values,
    kinds: kinds.slice(0, values.length),
    unknownKind,
    knownText: knownKind ? maskedText(known, knownKind, minCount) : countText(known, minCount),
    knownHidden: knownKind !== null,
    part: (inPart) =>
      withheld
        ? {n: 0, text: COMPLEMENT_TEXT, hidden: true}
        : partText([...values, unknown], [...inPart, false], minCount),
    withheld,
  };
}
