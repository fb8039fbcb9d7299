import {expect, test} from 'vitest';
import {monthKinds, monthRows} from './month-rows';

test('a small year hides a second year total, and a month of it, so neither can be worked out', () => {
  // P00123's pattern: 2021 totals 3; 2022 has 6 over two months; the pack prints 34 in all.
  const months = ['2021-03', '2022-05', '2022-06', '2023-01', '2024-02'];
  const values = [3, 2, 4, 7, 18];
  const {rows, totalKinds} = monthRows(months, values, 5);
  expect(rows.map((r) => r.total)).toEqual([3, 6, 7, 18]);
  expect(totalKinds).toEqual(['small', 'complement', null, null]);
  // 2022's months are both small already: nothing more to withhold there.
  expect(rows[1].kinds.filter((k) => k !== null)).toHaveLength(2);
  // A withheld year whose months are all shown loses its smallest month.
  const other = monthRows(['2021-01', '2022-01', '2022-02', '2023-01'], [2, 9, 6, 30], 5);
  expect(other.totalKinds).toEqual(['small', 'complement', null]);
  expect(other.rows[1].kinds[1]).toBe('complement');
  expect(other.rows[1].kinds[0]).toBeNull();
  expect(monthRows(months, values, null).totalKinds).toEqual([null, null, null, null]);
});

test('the monthly chart and the month table hide the same months: what either would', () => {
  const months = ['2021-01', '2021-02', '2022-01', '2022-02'];
  // The series hides 3 and, for its total, 8; the 2021 row hides 3 and, for its total, 30.
  const kinds = monthKinds(months, [3, 30, 8, 50], 5);
  expect(kinds).toEqual(['small', 'complement', 'complement', null]);
  const {rows} = monthRows(months, [3, 30, 8, 50], 5);
  expect(rows.map((r) => r.kinds.slice(0, 2))).toEqual([
    ['small', 'complement'],
    ['complement', null],
  ]);
});
