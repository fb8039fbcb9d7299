import {expect, test} from 'vitest';
import {dragSelection, gridHidden, gridModel, HOUR_ORDER} from './model';

test('columns run from 06:00 to 05:00', () => {
  expect(HOUR_ORDER.slice(0, 2)).toEqual([6, 7]);
  expect(HOUR_ORDER.slice(-2)).toEqual([4, 5]);
});

test('totals add up', () => {
  const m = gridModel([
    {dow: 5, h: 23, n: 4},
    {dow: 6, h: 1, n: 6},
    {dow: 6, h: 23, n: 1},
  ]);
  expect(m.rowTotals).toEqual([0, 0, 0, 0, 4, 7, 0]);
  expect(m.colTotals[23]).toBe(5);
  expect(m.total).toBe(11);
  expect(m.max).toBe(6);
});

test('a click is one hour on one day', () => {
  // Column of 22:00 is 16 (06:00 is column 0).
  expect(dragSelection({day: 4, col: 16}, {day: 4, col: 16})).toEqual({
    hours: {start: 22, end: 23},
    days: [5],
  });
});

test('a drag across midnight wraps: 22:00 to 03:59 on Fri and Sat', () => {
  expect(dragSelection({day: 4, col: 16}, {day: 5, col: 21})).toEqual({
    hours: {start: 22, end: 4},
    days: [5, 6],
  });
});

test('the last column ends at 06:00; 23:00 alone ends at 24:00', () => {
  expect(dragSelection({day: 0, col: 23}, {day: 0, col: 23}).hours).toEqual({start: 5, end: 6});
  expect(dragSelection({day: 0, col: 17}, {day: 0, col: 17}).hours).toEqual({start: 23, end: 24});
});

test('whole rows or columns mean no filter on that dimension', () => {
  expect(dragSelection({day: 0, col: 0}, {day: 6, col: 23})).toEqual({
    hours: undefined,
    days: undefined,
  });
});

test('gridHidden hides small cells, and small row, column and grand totals', () => {
  const m = gridModel([
    {dow: 1, h: 23, n: 2},
    {dow: 1, h: 22, n: 40},
    {dow: 2, h: 22, n: 50},
  ]);
  const hidden = gridHidden(m, 5);
  expect(hidden.cells[0][23]).toBe(true);
  expect(hidden.cols[23]).toBe(true);
  // 23:00's total (2) is hidden, so the next smallest column total is too: the grand total is shown.
  expect(hidden.cols[22]).toBe(true);
  // Tuesday's only cell (50) is withheld to protect 22:00's column, so its total is too: shown,
  // it would give 50, then Monday 22:00 (90 - 50) and the 2 (Monday's 42 - 40). Monday's total
  // goes with it, as one hidden row total would be the grand total minus the others.
  expect(hidden.rows).toEqual([true, true, false, false, false, false, false]);
  expect(hidden.total).toBe(false);
  expect(gridHidden(gridModel([{dow: 3, h: 1, n: 3}]), 5)).toMatchObject({total: true});
});

test('a row whose grey cells its total would pin keeps its total back', () => {
  // Wednesday: five hours of 1 and nothing else; its total 5 would say each grey cell is 1.
  const wednesday = [20, 21, 22, 23, 0].map((h) => ({dow: 3, h, n: 1}));
  const others = Array.from({length: 24}, (_, h) => ({dow: 5, h, n: 30 + h}));
  const m = gridModel([...wednesday, ...others]);
  const hidden = gridHidden(m, 5);
  expect(m.rowTotals[2]).toBe(5);
  for (const {h} of wednesday) expect(hidden.cells[2][h]).toBe(true);
  expect(hidden.rows[2]).toBe(true);
  // With the grand total shown, one hidden row total would be the grand total minus the others.
  expect(hidden.rows.filter(Boolean).length).toBeGreaterThan(1);
});
