import {latLngToCell} from 'h3-js';
import {expect, test} from 'vitest';
import type {Area} from '../../data/areas';
import {busiestHexes} from './busiest';

const square = (code: string, west: number): Area => ({
  code,
  name: code,
  population: null,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [west, 52],
        [west + 1, 52],
        [west + 1, 53],
        [west, 53],
        [west, 52],
      ],
    ],
  },
});

test('busiest hexagons: most attendances first, ties by cell, with the area of their centre', () => {
  const a = latLngToCell(52.5, -2.5, 7);
  const b = latLngToCell(52.5, -1.5, 7);
  const c = latLngToCell(54, -1.5, 7);
  const hex = (cell: string, n: number) => ({cell, n, topLoc: 'street', topShare: 1});
  const rows = busiestHexes(
    [hex(a, 5), hex(b, 9), hex(c, 5), hex(latLngToCell(52.4, -2.4, 7), 0)],
    [square('West', -3), square('East', -2)],
    10,
  );
  // a and c tie at 5: by cell id. c lies in neither area; the empty hexagon is left out.
  const ties = [a, c].sort();
  expect(rows.map((r) => [r.cell, r.n, r.area])).toEqual([
    [b, 9, 'East'],
    ...ties.map((cell) => [cell, 5, cell === a ? 'West' : null]),
  ]);
  expect(busiestHexes([hex(a, 5), hex(b, 9)], [], 1).map((r) => r.cell)).toEqual([b]);
});
