/** The evidence pack's months by year as published: cells, year totals and what to withhold. */
import {MONTHS} from '../ranking/months';
import {suppressionOf, type Suppression} from './suppress';

/** One year: its months (undefined outside the data), total and each month's suppression. */
export interface MonthRow {
  year: string;
  cells: (number | undefined)[];
  total: number;
  kinds: Suppression[];
}

/** Each month's suppression as the month table and the monthly bar chart both show it. */
export function monthKinds(
  months: readonly string[],
  values: readonly number[],
  minCount: number | null,
): Suppression[] {
  const {rows} = monthRows(months, values, minCount);
  const byYear = new Map(rows.map((r) => [r.year, r.kinds]));
  return months.map((m) => byYear.get(m.slice(0, 4))?.[Number(m.slice(5, 7)) - 1] ?? null);
}

/**
 * Years of monthly counts (`months` as YYYY-MM with `values`), suppressed as published: each year
 * as a line with its total, and the year totals as a line with the total the pack prints. A year
 * total withheld to protect a small one would still be the sum of its shown months: one of them
 * is withheld too.
 */
export function monthRows(
  months: readonly string[],
  values: readonly number[],
  minCount: number | null,
): {rows: MonthRow[]; totalKinds: Suppression[]} {
  const byMonth = new Map(months.map((m, i) => [m, values[i]]));
  // The bar chart beside the table hides over the whole series: what either hides, both do.
  const series = suppressionOf(values, minCount);
  const seriesKind = new Map(months.map((m, i) => [m, series[i]]));
  const years = [...new Set(months.map((m) => m.slice(0, 4)))];
  const rows = years.map((year) => {
    const keys = MONTHS.map((_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    const cells = keys.map((k) => byMonth.get(k));
    const line = cells.map((v) => v ?? 0);
    const kinds = suppressionOf(line, minCount).map((k, i) => k ?? seriesKind.get(keys[i]) ?? null);
    return {year, cells, total: sum(line), kinds};
  });
  // The year totals add up to the total the pack prints: a lone small year hides a second one,
  // and that year's months must not add up to it either, so one of them is withheld too.
  const totalKinds = suppressionOf(
    rows.map((r) => r.total),
    minCount,
  );
  rows.forEach((r, j) => {
    if (totalKinds[j] !== 'complement' || r.kinds.some((k) => k !== null)) return;
    let pick = -1;
    r.cells.forEach((v, i) => {
      if ((v ?? 0) > 0 && (pick < 0 || (v ?? 0) < (r.cells[pick] ?? 0))) pick = i;
    });
    if (pick >= 0) r.kinds[pick] = 'complement';
  });
  return {rows, totalKinds};
}

const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);
