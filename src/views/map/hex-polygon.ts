/**
 * Each H3 cell's hexagon as the map draws it: shrunk toward its centre, as flat [lon, lat, ...]
 * positions, computed once per cell. deck.gl's H3HexagonLayer computed every hexagon twice on
 * each new answer (once for the stroke it did not draw), and its polygons went through
 * generic normalising: at 1,959 hexagons that was 35 ms more of the main thread per update.
 */
import {cellToBoundary, cellToLatLng} from 'h3-js';

/** The hexagons' share of their cell's width: the gap between them stands in for a stroke. */
export const HEX_COVERAGE = 0.92;

/** Cells kept: a few resolutions of a large region (resolution 9 of the West Midlands: ~9k). */
const MAX_CACHED = 100_000;
const cache = new Map<string, Float64Array>();

/**
 * The hexagon of `cell`, closed (the first vertex again at the end), counter-clockwise, shrunk
 * to HEX_COVERAGE, with longitudes on the same side of the antimeridian as its centre.
 */
export function hexPolygon(cell: string): Float64Array {
  let polygon = cache.get(cell);
  if (polygon) return polygon;
  const [lat0, lon0] = cellToLatLng(cell);
  const ring = cellToBoundary(cell, true);
  polygon = new Float64Array(ring.length * 2);
  ring.forEach(([lon, lat], i) => {
    const near = lon - lon0 > 180 ? lon - 360 : lon - lon0 < -180 ? lon + 360 : lon;
    polygon![2 * i] = lon0 + (near - lon0) * HEX_COVERAGE;
    polygon![2 * i + 1] = lat0 + (lat - lat0) * HEX_COVERAGE;
  });
  // Full: the oldest tenth goes (a Map iterates in insertion order).
  if (cache.size >= MAX_CACHED) {
    for (const old of cache.keys()) {
      cache.delete(old);
      if (cache.size < MAX_CACHED * 0.9) break;
    }
  }
  cache.set(cell, polygon);
  return polygon;
}
