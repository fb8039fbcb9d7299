/**
 * Small-number suppression for publication: counts from 1 to min_count − 1 are hidden (primary),
 * and where a hidden count could be worked out from a total shown beside it, the next smallest
 * count in that line is hidden too (secondary). Zeros are shown: they disclose no one.
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

/** Mark, in place, secondary suppressions for one line whose total is shown. */
function protectLine(
  values: readonly number[],
  hidden: boolean[],
  index: readonly number[],
): boolean {
  const inLine = index.filter((i) => hidden[i]);
  if (inLine.length !== 1) return false;
  let pick = -1;
  for (const i of index) {
    if (hidden[i] || values[i] <= 0) continue;
    if (pick < 0 || values[i] < values[pick]) pick = i;
  }
  if (pick < 0) return false;
  hidden[pick] = true;
  return true;
}

/** Which values of a list to hide; `withTotal` when the list's total is shown. */
export function suppressList(
  values: readonly number[],
  minCount: number,
  withTotal: boolean,
): boolean[] {
  const hidden = values.map((v) => isSmall(v, minCount));
  if (withTotal)
    protectLine(
      values,
      hidden,
      values.map((_, i) => i),
    );
  return hidden;
}

/**
 * Which cells of a matrix to hide when row and column totals are shown: primary suppression,
 * then secondary suppression repeated over rows and columns until no line has a single hidden cell.
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
      changed = protectLine(flat, hidden, line) || changed;
  }
  return rowIndex.map((line) => line.map((i) => hidden[i]));
}

/** A count as published: the number, or as `suppressedText` writes it when hidden. */
export function publishedCount(n: number, hidden: boolean, minCount: number): string {
  return hidden ? suppressedText(n, minCount) : String(n);
}
