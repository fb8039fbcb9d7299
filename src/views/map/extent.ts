/** The geographic extent a dataset covers, so the map can fit any region. */
import {bbox} from '@turf/turf';
import {cellToBoundary} from 'h3-js';
import type {Area} from '../../data/areas';

/** [[west, south], [east, north]]. */
export type Bounds = [[number, number], [number, number]];

/** Bounds of the areas; else of the given H3 cells; null when there is nothing to fit. */
export function datasetBounds(areas: readonly Area[], cells: readonly string[]): Bounds | null {
  if (areas.length) {
    const [w, s, e, n] = bbox({
      type: 'FeatureCollection',
      features: areas.map((a) => ({type: 'Feature', geometry: a.geometry, properties: {}})),
    });
    return [
      [w, s],
      [e, n],
    ];
  }
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const cell of cells) {
    for (const [lat, lon] of cellToBoundary(cell)) {
      w = Math.min(w, lon);
      e = Math.max(e, lon);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
  }
  return Number.isFinite(w)
    ? [
        [w, s],
        [e, n],
      ]
    : null;
}
