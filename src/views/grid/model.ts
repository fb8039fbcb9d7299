/** Pure model of the hour-by-weekday grid: cells, totals, column order and drag selections. */
import {isSmall, linePinned, suppressList, suppressMatrix} from '../../analysis/disclosure';
import type {HourWindow} from '../../data/sql/clauses';

/** The grid's first hour: columns run 06:00 to 05:00 so a night reads left to right. */
export const FIRST_HOUR = 6;

/** Hours in column order. */
export const HOUR_ORDER = Array.from({length: 24}, (_, i) => (FIRST_HOUR + i) % 24);

/** Counts [weekday 0-6 (Mon-Sun)][hour 0-23] with row, column and grand totals. */
export interface GridModel {
  cells: number[][];
  rowTotals: number[];
  colTotals: number[];
  total: number;
  max: number;
}

/** Build the grid from query rows (dow 1-7, h 0-23, n). */
export function gridModel(rows: readonly {dow: number; h: number; n: number}[]): GridModel {
  const cells = Array.from({length: 7}, () => new Array<number>(24).fill(0));
  for (const r of rows) cells[r.dow - 1][r.h] += r.n;
  const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = HOUR_ORDER.map(() => 0);
  for (const row of cells) row.forEach((n, h) => (colTotals[h] += n));
  return {
    cells,
    rowTotals,
    colTotals,
    total: rowTotals.reduce((a, b) => a + b, 0),
    max: Math.max(0, ...cells.flat()),
  };
}

/** What of the grid to hide for publication: cells, row totals, column totals, grand total. */
export interface GridHidden {
  cells: boolean[][];
  rows: boolean[];
  cols: boolean[];
  total: boolean;
}

/**
 * Small-number suppression of the whole grid as shown (cells with their row and column totals,
 * and those totals with the grand total): the screen in publication mode and every export.
 */
export function gridHidden(model: GridModel, minCount: number): GridHidden {
  const cells = suppressMatrix(model.cells, minCount);
  // A line whose hidden cells its total would still give away (a row of 1s and 0s: five grey
  // cells and a total of 5) keeps its total back instead.
  const column = (c: number) => model.cells.map((row) => row[c]);
  const rowsPinned = model.cells.map((row, r) => linePinned(row, cells[r], minCount));
  const colsPinned = model.colTotals.map((_, c) =>
    linePinned(
      column(c),
      cells.map((row) => row[c]),
      minCount,
    ),
  );
  return {
    cells,
    rows: suppressList(model.rowTotals, minCount, true, rowsPinned),
    cols: suppressList(model.colTotals, minCount, true, colsPinned),
    total: isSmall(model.total, minCount),
  };
}

/**
 * The hour window and weekdays covered by a drag between two cells given as (day 0-6, column
 * 0-23). Columns are in HOUR_ORDER, so a drag from 22:00 to 03:00 is the window 22-4 (wrapping).
 */
export function dragSelection(
  a: {day: number; col: number},
  b: {day: number; col: number},
): {hours: HourWindow | undefined; days: number[] | undefined} {
  const [c0, c1] = a.col <= b.col ? [a.col, b.col] : [b.col, a.col];
  const [d0, d1] = a.day <= b.day ? [a.day, b.day] : [b.day, a.day];
  const start = HOUR_ORDER[c0];
  const end = (HOUR_ORDER[c1] + 1) % 24 || 24;
  const full = c1 - c0 === 23;
  const days = Array.from({length: d1 - d0 + 1}, (_, i) => d0 + i + 1);
  return {hours: full ? undefined : {start, end}, days: days.length === 7 ? undefined : days};
}
