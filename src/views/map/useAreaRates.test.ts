import {expect, test} from 'vitest';
import {ratePer100k} from '../../analysis/poisson-ci';
import {areaData, areaOutlines} from './useAreaRates';

test("the map's area rates are per year, as the area comparison's", () => {
  const geometry = {type: 'Polygon', coordinates: []} as never;
  const areas = [
    {code: 'E08000025', name: 'Birmingham', population: 1_144_900, geometry},
    {code: 'X', name: 'No population', population: null, geometry},
  ];
  const [birmingham, other] = areaData(areas, new Map([['E08000025', 33_890]]), 5);
  // Five years of attendances: 2,960 per 100,000 in all, 592.0 a year.
  expect(birmingham.rate).toBeCloseTo(ratePer100k(33_890, 1_144_900, 5).rate, 9);
  expect(birmingham.rate).toBeCloseTo(592.0, 1);
  expect(other).toMatchObject({n: 0, rate: null});
  expect(areaData(areas, new Map(), 0)[0].rate).toBeNull();
  expect(areaOutlines(areas).map((a) => [a.n, a.rate])).toEqual([
    [0, null],
    [0, null],
  ]);
});
