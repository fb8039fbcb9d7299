/** Small-number suppression: counts from 1 to min_count - 1 are shown as "<min_count". */
import {isSmall, suppressList} from '../../analysis/disclosure';
import {formatCount} from '../../ui/format';

/** Why a value is withheld: a small count, or a second value withheld to protect one. */
export type Suppression = 'small' | 'complement' | null;

/** The text of a value withheld so that a small count cannot be worked out from a total. */
export const COMPLEMENT_TEXT = '*';

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
