import {cellToBoundary, cellToLatLng, latLngToCell} from 'h3-js';
import {expect, test} from 'vitest';
import {HEX_COVERAGE, hexPolygon} from './hex-polygon';

/** Twice the signed area of a flat ring (positive: counter-clockwise). */
function signedArea(flat: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < flat.length - 2; i += 2) {
    sum += flat[i] * flat[i + 3] - flat[i + 2] * flat[i + 1];
  }
  return sum;
}

test("a hexagon is its cell's boundary shrunk toward the centre, closed and counter-clockwise", () => {
  const cell = latLngToCell(52.48, -1.9, 9);
  const [lat0, lon0] = cellToLatLng(cell);
  const flat = hexPolygon(cell);
  const full = cellToBoundary(cell, true);
  expect(flat).toHaveLength(full.length * 2);
  full.forEach(([lon, lat], i) => {
    expect(flat[2 * i]).toBeCloseTo(lon0 + (lon - lon0) * HEX_COVERAGE, 12);
    expect(flat[2 * i + 1]).toBeCloseTo(lat0 + (lat - lat0) * HEX_COVERAGE, 12);
  });
  expect([flat[0], flat[1]]).toEqual([flat.at(-2), flat.at(-1)]);
  expect(signedArea(flat)).toBeGreaterThan(0);
  // Computed once: the same positions for the next answer.
  expect(hexPolygon(cell)).toBe(flat);
});

test('a cell on the antimeridian keeps its vertices beside its centre', () => {
  const cell = latLngToCell(0, 179.999, 5);
  const [, lon0] = cellToLatLng(cell);
  const flat = hexPolygon(cell);
  for (let i = 0; i < flat.length; i += 2) expect(Math.abs(flat[i] - lon0)).toBeLessThan(1);
  expect(cellToBoundary(cell, true).some(([lon]) => Math.abs(lon - lon0) > 180)).toBe(true);
});
