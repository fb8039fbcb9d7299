import {expect, test} from 'vitest';
import {hexCsv} from './hex-csv';

test("the CSV withholds a small hexagon's count and where its attendances happened", () => {
  const hexes = [
    {cell: 'a', n: 2, topLoc: 'street', topShare: 1},
    {cell: 'b', n: 9, topLoc: 'home', topShare: 0.5},
    {cell: 'c', n: 40, topLoc: 'licensed_premises', topShare: 0.4},
  ];
  const csv = hexCsv(hexes, 'count', 8, 5);
  expect(csv.rows.map((r) => r.slice(1, 3))).toEqual([
    ['<5', null],
    // Withheld beside the 2 (the total is known); its place is no one's few attendances.
    ['*', 'home'],
    [40, 'licensed_premises'],
  ]);
});
