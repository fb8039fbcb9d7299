import {expect, test} from 'vitest';
import {rankingCsv} from './ranking-csv';
import type {RankingRow} from './row';

const row = (rank: number, n: number, capacity: number | null): RankingRow => ({
  rank,
  id: `P${rank}`,
  name: `Bar ${rank}`,
  postcode: null,
  type: 'pub',
  ladCode: null,
  ladName: null,
  closingTime: null,
  capacity,
  n,
  prev: null,
  share: n / 100,
  rate: capacity ? (n / capacity) * 100 : null,
  totalRows: 3,
});

test('ranked by rate, the CSV has the capacity and the rate, withheld beside a hidden count', () => {
  const rows = [row(1, 21, 50), row(2, 48, 400), row(3, 3, 10)];
  const csv = rankingCsv(rows, 5, true);
  expect(csv.columns.slice(-2)).toEqual(['Capacity', 'Attendances per 100 capacity']);
  // 3 is hidden, and 21 with it (the column's total is known): their rates would give them away.
  // 21 is written "*", not "<5", which would say it is small.
  expect(csv.rows.map((r) => r[7])).toEqual(['*', 48, '<5']);
  expect(csv.rows.map((r) => r.slice(-2))).toEqual([
    [50, null],
    [400, 12],
    [10, null],
  ]);
  expect(rankingCsv(rows, 5).columns).not.toContain('Capacity');
});
