import {expect, test} from 'vitest';
import {nearbyOf, type NearbyCandidate} from './nearby';

const at = (id: string, lat: number, lon: number, n = 1): NearbyCandidate => ({
  id,
  name: id,
  type: 'pub',
  lat,
  lon,
  n,
});

test('keeps premises within 100 m, nearest first, with distances in metres', () => {
  // 0.0001 degrees of latitude is about 11.1 m; 0.0009 about 100.1 m.
  const got = nearbyOf({lat: 52.48, lon: -1.9}, [
    at('far', 52.4809, -1.9),
    at('near', 52.4801, -1.9),
    at('east', 52.48, -1.8988),
  ]);
  expect(got.map((g) => g.id)).toEqual(['near', 'east']);
  expect(got[0].distanceM).toBeCloseTo(11.12, 1);
  // 0.0012 degrees of longitude at 52.48° N: 111.2 km * cos(52.48°) * 0.0012 ≈ 81.2 m.
  expect(got[1].distanceM).toBeCloseTo(81.2, 0);
});

test('a wider radius takes in more', () => {
  expect(nearbyOf({lat: 52.48, lon: -1.9}, [at('far', 52.4809, -1.9)], 150)).toHaveLength(1);
});
