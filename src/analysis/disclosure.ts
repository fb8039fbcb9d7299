/**
 * Small-number suppression for publication: counts from 1 to min_count − 1 are hidden (primary),
 * and where hidden counts could be worked out from a total shown beside them (one alone, or
 * several that can only be their least or most), the next smallest count in that line is hidden
 * too (secondary). Zeros are shown: they disclose no one.
 */

/** How a count withheld to protect a small one (secondary suppression) is written. */
export const COMPLEMENT_TEXT = '*';

/**
 * How a hidden count is written: `<min_count` when it is small itself, `*` when it was withheld
 * so that a small one cannot be worked out from a total (it may be any size: "<5" would mislead).
 */
export function suppressedText(n: number, minCount: number): string {
  return isSmall(n, minCount) ? `<${minCount}` : COMPLEMENT_TEXT;
}

/** Whether a count is hidden by primary suppression. */
export function isSmall(n: number, minCount: number): boolean {
  return n > 0 && n < minCount;
}

/**
 * Whether the hidden values of a line can be told from its total: a reader knows the total minus
 * what is shown, that "<min" is 1 to min − 1 and "*" at least min (else it would read "<min"), and
 * (from how `protectLine` picks them) that a "*" is no larger than the smallest value still shown.
 * One hidden value is that sum; several are pinned when the sum is their least (every "<min" 1,
 * every "*" min) or their most (every "<min" min − 1, every "*" the smallest value shown).
 */
function pinned(
  values: readonly number[],
  hidden: readonly boolean[],
  index: readonly number[],
  minCount: number,
): boolean {
  const inLine = index.filter((i) => hidden[i]);
  if (inLine.length === 0) return false;
  if (inLine.length === 1) return true;
  const sum = inLine.reduce((s, i) => s + values[i], 0);
  const small = inLine.filter((i) => isSmall(values[i], minCount)).length;
  const least = small + (inLine.length - small) * minCount;
  const shown = index.filter((i) => !hidden[i] && values[i] > 0).map((i) => values[i]);
  const cap = shown.length ? Math.min(...shown) : Infinity;
  const most =
    small * (minCount - 1) + (small === inLine.length ? 0 : (inLine.length - small) * cap);
  return sum === least || sum === most;
}

/**
 * Mark, in place, secondary suppressions for one line whose total is shown: while its hidden
 * values can be told from the total, hide the smallest value still shown (never a zero).
 */
function protectLine(
  values: readonly number[],
  hidden: boolean[],
  index: readonly number[],
  minCount: number,
): boolean {
  let changed = false;
  while (pinned(values, hidden, index, minCount)) {
    let pick = -1;
    for (const i of index) {
      if (hidden[i] || values[i] <= 0) continue;
      if (pick < 0 || values[i] < values[pick]) pick = i;
    }
    if (pick < 0) break;
    hidden[pick] = true;
    changed = true;
  }
  return changed;
}

/** Whether the hidden values of a whole line can be told from its total (see `pinned`). */
export function linePinned(
  values: readonly number[],
  hidden: readonly boolean[],
  minCount: number,
): boolean {
  return pinned(
    values,
    hidden,
    values.map((_, i) => i),
    minCount,
  );
}

/**
 * Which values of a list to hide; `withTotal` when the list's total is shown. `also`: values to
 * hide besides the small ones (e.g. a grid's row totals whose cells they would give away).
 */
export function suppressList(
  values: readonly number[],
  minCount: number,
  withTotal: boolean,
  also?: readonly boolean[],
): boolean[] {
  const hidden = values.map((v, i) => isSmall(v, minCount) || (also?.[i] ?? false));
  if (withTotal)
    protectLine(
      values,
      hidden,
      values.map((_, i) => i),
      minCount,
    );
  return hidden;
}

/**
 * Which cells of a matrix to hide when row and column totals are shown: primary suppression,
 * then secondary suppression repeated over rows and columns until no line's hidden cells can be
 * told from its total, where the line has a value left to hide (else see `linePinned`).
 */
export function suppressMatrix(
  cells: readonly (readonly number[])[],
  minCount: number,
): boolean[][] {
  const rows = cells.length;
  const cols = rows ? cells[0].length : 0;
  const flat = cells.flat();
  const hidden = flat.map((v) => isSmall(v, minCount));
  const rowIndex = Array.from({length: rows}, (_, r) =>
    Array.from({length: cols}, (_, c) => r * cols + c),
  );
  const colIndex = Array.from({length: cols}, (_, c) =>
    Array.from({length: rows}, (_, r) => r * cols + c),
  );
  for (let changed = true; changed;) {
    changed = false;
    for (const line of [...rowIndex, ...colIndex])
      changed = protectLine(flat, hidden, line, minCount) || changed;
  }
  return rowIndex.map((line) => line.map((i) => hidden[i]));
}

/** A count as published: the number, or as `suppressedText` writes it when hidden. */
export function publishedCount(n: number, hidden: boolean, minCount: number): string {
  return hidden ? suppressedText(n, minCount) : String(n);
}

/**
 * The largest value shown (none hidden: the largest of all). A colour scale or a bar runs to
 * it, so that a withheld value sets neither it nor the legend that states it.
 */
export function shownMax(values: readonly number[], hidden: readonly boolean[] | null): number {
  return Math.max(0, ...values.filter((_, i) => !hidden?.[i]));
}

/**
 * The indices of a list in the order to publish it: shown values in their own order (largest
 * first, as queried), then the withheld ones by `key`. Left in count order, a withheld value's
 * place between two shown ones would bound it.
 */
export function publishedOrder(hidden: readonly boolean[], key: (i: number) => string): number[] {
  const all = hidden.map((_, i) => i);
  const withheld = all.filter((i) => hidden[i]).sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return [...all.filter((i) => !hidden[i]), ...withheld];
}
