import {cellToLatLng, gridDisk, latLngToCell} from 'h3-js';
import {expect, test} from 'vitest';
import type {AreaDatum, HexDatum, PremisesDatum, SiteDatum} from './layers';
import {
  indexHexes,
  pickAt,
  premisesMax,
  premisesRadius,
  SITE_HALF_BOX,
  type PickScene,
} from './pick';
import {tooltipOf} from './tooltip';

/** A flat projection, north up: PX pixels a degree (a res-7 hexagon is then ~200 px across). */
const PX = 10_000;
const project = (lon: number, lat: number) => ({x: (lon + 2) * PX, y: (53 - lat) * PX});
const at = (lon: number, lat: number) => ({point: project(lon, lat), lng: lon, lat});

const CENTRE = latLngToCell(52.48, -1.9, 7);
const hex = (cell: string, n: number): HexDatum => ({cell, n, topLoc: 'street', topShare: 0.5});
const square: GeoJSON.Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [-2.2, 52.3],
      [-1.6, 52.3],
      [-1.6, 52.7],
      [-2.2, 52.7],
      [-2.2, 52.3],
    ],
  ],
};
const area: AreaDatum = {code: 'E1', name: 'Birmingham', n: 1234, rate: 123.4, geometry: square};
const scene = (x: Partial<PickScene>): PickScene => ({
  hexes: indexHexes([hex(CENTRE, 40)]),
  premises: null,
  sites: null,
  areas: null,
  ...x,
});

test('the hexagon is the cell at the pointer, at the resolution the hexagons are drawn at', () => {
  const ring = gridDisk(CENTRE, 1).filter((c) => c !== CENTRE);
  const s = scene({hexes: indexHexes([hex(CENTRE, 40), hex(ring[0], 2)])});
  expect(s.hexes.resolution).toBe(7);
  const [lat, lon] = cellToLatLng(ring[0]);
  expect(pickAt(s, at(lon, lat), project)).toEqual({kind: 'hex', object: hex(ring[0], 2)});
  const [clat, clon] = cellToLatLng(CENTRE);
  expect(pickAt(s, at(clon, clat), project)?.object).toEqual(hex(CENTRE, 40));
  // A cell with no row is not drawn: nothing there.
  const [elat, elon] = cellToLatLng(ring[1]);
  expect(pickAt(s, at(elon, elat), project)).toBeNull();
  expect(indexHexes([]).resolution).toBe(-1);
  expect(pickAt(scene({hexes: indexHexes([])}), at(clon, clat), project)).toBeNull();
});

test('a premises is hit within its drawn radius, the later of two overlapping on top', () => {
  const [lat, lon] = cellToLatLng(CENTRE);
  const big: PremisesDatum = {id: 'big', name: 'Big', type: null, lat, lon, n: 100};
  const small: PremisesDatum = {
    id: 'small',
    name: 'Small',
    type: null,
    lat,
    lon: lon + 4 / PX,
    n: 1,
  };
  const s = scene({premises: [big, small]});
  expect(premisesMax([big, small])).toBe(100);
  const r = premisesRadius(100, 100);
  expect(r).toBe(17);
  // 4 px apart: both discs cover the point between them; the one drawn last wins.
  expect(pickAt(s, at(lon + 2 / PX, lat), project)?.object).toBe(small);
  expect(pickAt(scene({premises: [small, big]}), at(lon + 2 / PX, lat), project)?.object).toBe(big);
  // Just inside the big disc's edge (and its outline), and just outside it, where the hexagon is.
  expect(pickAt(s, at(lon - (r + 0.9) / PX, lat), project)?.object).toBe(big);
  expect(pickAt(s, at(lon - (r + 2) / PX, lat), project)?.kind).toBe('hex');
});

test('a site label lies above the points and the hexagons; areas only under everything', () => {
  const [lat, lon] = cellToLatLng(CENTRE);
  const site: SiteDatum = {code: 'RRK15', name: 'Queen Elizabeth', lat, lon};
  const p: PremisesDatum = {id: 'p', name: 'Bar', type: null, lat, lon, n: 5};
  const s = scene({sites: [site], premises: [p], areas: [area]});
  expect(pickAt(s, at(lon, lat), project)).toEqual({kind: 'site', object: site});
  const edge = at(lon + (SITE_HALF_BOX.x + 1) / PX, lat);
  expect(pickAt(s, edge, project)).toEqual({kind: 'premises', object: p});
  const inside = at(lon + (SITE_HALF_BOX.x - 1) / PX, lat - (SITE_HALF_BOX.y - 1) / PX);
  expect(pickAt(s, inside, project)?.kind).toBe('site');
  const below = at(lon, lat - (SITE_HALF_BOX.y + 1) / PX);
  expect(pickAt(s, below, project)?.kind).toBe('premises');
  // Inside the area, away from the hexagon.
  expect(pickAt(s, at(-2.1, 52.6), project)).toEqual({kind: 'area', object: area});
  expect(pickAt(s, at(-2.5, 52.6), project)).toBeNull();
  expect(pickAt(scene({areas: null}), at(-2.1, 52.6), project)).toBeNull();
});

test("the tooltips show what was picked, with the area's counts and rate", () => {
  const ctx = {mode: 'count' as const, minCount: 10, publication: false, total: 400};
  const areaTip = tooltipOf({kind: 'area', object: area}, ctx)!;
  expect(areaTip).toContain('Birmingham');
  expect(areaTip).toContain('1,234 attendances');
  expect(areaTip).toContain('123.4 per 100,000 residents per year');
  const hexTip = tooltipOf({kind: 'hex', object: hex(CENTRE, 40)}, ctx)!;
  expect(hexTip).toContain('40 attendances');
  expect(hexTip).toContain('10.0% of those on the map');
  const small = tooltipOf({kind: 'hex', object: hex(CENTRE, 4)}, {...ctx, publication: true});
  expect(small).toContain('fewer than 10 attendances');
  // Where those few happened is theirs too.
  expect(small).not.toContain('Most often');
  // 18 attendances, half of them on the street: 9, under min_count, so no share in publication.
  expect(hexTip).toContain('Most often: Street (50%)');
  const published = tooltipOf({kind: 'hex', object: hex(CENTRE, 18)}, {...ctx, publication: true});
  expect(published).toContain('Most often: Street');
  expect(published).not.toContain('50%');
  const site = {code: 'X<1>', name: '<b>St Mary</b>', lat: 0, lon: 0};
  expect(tooltipOf({kind: 'site', object: site}, ctx)).not.toContain('<b>St');
  expect(tooltipOf(null, ctx)).toBeNull();
});

test('only the points near the pointer are projected', () => {
  const [lat, lon] = cellToLatLng(CENTRE);
  const far = Array.from({length: 10_000}, (_, i): PremisesDatum => {
    const a = (i / 10_000) * 2 * Math.PI;
    return {
      id: `f${i}`,
      name: 'Far',
      type: null,
      lat: lat + Math.sin(a) / 10,
      lon: lon + Math.cos(a) / 10,
      n: 5,
    };
  });
  const near: PremisesDatum = {id: 'near', name: 'Near', type: null, lat, lon, n: 5};
  let calls = 0;
  const counted = (x: number, y: number) => (calls++, project(x, y));
  const s = scene({premises: [...far, near], sites: far.map((p) => ({...p, code: p.id}))});
  expect(pickAt(s, at(lon, lat), counted)?.object).toBe(near);
  expect(calls).toBeLessThan(10);
});
