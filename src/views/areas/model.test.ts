import {expect, test} from 'vitest';
import {areaRates} from './model';

const square = {type: 'Polygon', coordinates: []} as GeoJSON.Polygon;

test('rates per 100,000 per year, sorted, compared with the overall rate', () => {
  const areas = [
    {code: 'A', name: 'Alpha', population: 100_000, geometry: square},
    {code: 'B', name: 'Beta', population: 300_000, geometry: square},
    {code: 'C', name: 'No population', population: null, geometry: square},
  ];
  const counts = new Map([
    ['A', 400],
    ['B', 600],
    ['C', 50],
  ]);
  const {rows, overall} = areaRates(areas, counts, 2);
  // Overall: 1000 over 400,000 people over 2 years = 125 per 100,000 per year.
  expect(overall?.rate).toBe(125);
  expect(rows.map((r) => [r.code, r.rate, r.versus])).toEqual([
    ['A', 200, 'higher'],
    ['B', 100, 'lower'],
  ]);
});
