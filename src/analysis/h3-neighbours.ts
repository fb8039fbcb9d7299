/** Neighbourhoods, study areas and zoom-dependent resolutions for H3 cells. */
import {cellToParent, getResolution, gridDisk} from 'h3-js';

/** H3 resolution by map zoom: the first entry whose `minZoom` the zoom reaches (zoom levels). */
export const H3_RESOLUTION_FOR_ZOOM: readonly {minZoom: number; resolution: number}[] = [
  {minZoom: 12, resolution: 9},
  {minZoom: 10, resolution: 8},
  {minZoom: 8, resolution: 7},
  {minZoom: -Infinity, resolution: 6},
];

/** H3 resolution for a map zoom level. */
export function resolutionForZoom(zoom: number): number {
  const entry = H3_RESOLUTION_FOR_ZOOM.find((e) => zoom >= e.minZoom);
  return (entry ?? H3_RESOLUTION_FOR_ZOOM[H3_RESOLUTION_FOR_ZOOM.length - 1]).resolution;
}

/** For each cell, the ascending indices of the other input cells within grid distance k. */
export function h3Neighbours(cells: readonly string[], k = 1): number[][] {
  const index = indexOf(cells);
  return cells.map((cell, i) => {
    const found: number[] = [];
    for (const other of gridDisk(cell, k)) {
      const j = index.get(other);
      if (j !== undefined && j !== i) found.push(j);
    }
    return found.sort((a, b) => a - b);
  });
}

/** Sum counts of finer cells into their parents at `resolution`; coarser cells are skipped. */
export function countsAtResolution(
  counts: Iterable<readonly [string, number]>,
  resolution: number,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [cell, n] of counts) {
    if (getResolution(cell) < resolution) continue;
    const parent = cellToParent(cell, resolution);
    out.set(parent, (out.get(parent) ?? 0) + n);
  }
  return out;
}

/** The sorted distinct parents at `resolution` of the given cells: a study area. */
export function studyArea(cells: Iterable<string>, resolution: number): string[] {
  const out = new Set<string>();
  for (const cell of cells) {
    if (getResolution(cell) >= resolution) out.add(cellToParent(cell, resolution));
  }
  return [...out].sort();
}

/** Values in study-area order, 0 for cells without a count; counts outside the area are dropped. */
export function fillStudyArea(
  area: readonly string[],
  counts: ReadonlyMap<string, number>,
): Float64Array {
  return Float64Array.from(area, (cell) => counts.get(cell) ?? 0);
}

function indexOf(cells: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  cells.forEach((cell, i) => {
    if (index.has(cell)) throw new Error(`h3Neighbours: duplicate cell ${cell}`);
    index.set(cell, i);
  });
  return index;
}
