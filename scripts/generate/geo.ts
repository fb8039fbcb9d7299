/** Boundaries for the simulation: H3 res-9 cells of every LSOA, and LAD point-in-polygon. */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {booleanPointInPolygon, point} from '@turf/turf';
import type {Feature, FeatureCollection, MultiPolygon, Polygon} from 'geojson';
import {cellToLatLng, latLngToCell, polygonToCells} from 'h3-js';

/** H3 resolution of the `h3` column (schema v1). */
export const H3_RESOLUTION = 9;

/** Where a res-9 cell lies: its LSOA and that LSOA's local authority. */
export interface CellArea {
  lsoa: string;
  lad: string;
}

/** One LSOA with the res-9 cells whose centres it holds. */
export interface Lsoa {
  code: string;
  lad: string;
  cells: string[];
  lat: number;
  lon: number;
}

/** A local authority boundary. */
export interface Lad {
  code: string;
  name: string;
  feature: Feature<Polygon | MultiPolygon>;
}

/** Loaded boundaries and lookups. */
export interface Geo {
  lads: Lad[];
  lsoas: Lsoa[];
  /** res-9 cell → area, for every cell whose centre lies in an LSOA. */
  cells: Map<string, CellArea>;
  /** res-9 cell → its centre [lat, lon], for the same cells. */
  cellCentres: Map<string, [number, number]>;
}

type AreaProps = {code: string; name: string; lad_code?: string};

/** Read wm-lad.geojson and wm-lsoa11.geojson from `dir` and index LSOAs by H3 cell. */
export function loadGeo(dir: string): Geo {
  const ladFc = readJson<FeatureCollection<Polygon | MultiPolygon, AreaProps>>(
    join(dir, 'wm-lad.geojson'),
  );
  const lsoaFc = readJson<FeatureCollection<Polygon | MultiPolygon, AreaProps>>(
    join(dir, 'wm-lsoa11.geojson'),
  );
  const lads = ladFc.features
    .map((f) => ({code: f.properties.code, name: f.properties.name, feature: f}))
    .sort((a, b) => a.code.localeCompare(b.code));
  const cells = new Map<string, CellArea>();
  const features = [...lsoaFc.features].sort((a, b) =>
    a.properties.code.localeCompare(b.properties.code),
  );
  const lsoas: Lsoa[] = features.map((f) => {
    const lad = f.properties.lad_code ?? '';
    const code = f.properties.code;
    const polygons =
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const own: string[] = [];
    for (const rings of polygons) {
      for (const cell of polygonToCells(rings, H3_RESOLUTION, true)) {
        if (cells.has(cell)) continue;
        cells.set(cell, {lsoa: code, lad});
        own.push(cell);
      }
    }
    const [lat, lon] = ringCentre(polygons[0][0]);
    if (own.length === 0) {
      const cell = latLngToCell(lat, lon, H3_RESOLUTION);
      if (!cells.has(cell)) {
        cells.set(cell, {lsoa: code, lad});
        own.push(cell);
      }
    }
    own.sort();
    return {code, lad, cells: own, lat, lon};
  });
  const cellCentres = new Map<string, [number, number]>();
  for (const cell of cells.keys()) cellCentres.set(cell, cellToLatLng(cell));
  return {lads, lsoas, cells, cellCentres};
}

/** The LAD code whose polygon holds the point (turf), or null outside the county. */
export function ladAt(geo: Geo, lat: number, lon: number): string | null {
  const p = point([lon, lat]);
  for (const lad of geo.lads) if (booleanPointInPolygon(p, lad.feature)) return lad.code;
  return null;
}

/** The res-9 cell of a point with its area, or null when the cell is outside every LSOA. */
export function locate(geo: Geo, lat: number, lon: number): {cell: string; area: CellArea} | null {
  const cell = latLngToCell(lat, lon, H3_RESOLUTION);
  const area = geo.cells.get(cell);
  return area ? {cell, area} : null;
}

/** Move a point by metres north and east (equirectangular; fine over a few km). */
export function offsetMetres(
  lat: number,
  lon: number,
  north: number,
  east: number,
): [number, number] {
  const dLat = north / 111_320;
  const dLon = east / (111_320 * Math.cos((lat * Math.PI) / 180));
  return [lat + dLat, lon + dLon];
}

/** Squared equirectangular distance in km², for nearest-neighbour ranking only. */
export function distance2Km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const y = (lat2 - lat1) * 111.32;
  const x = (lon2 - lon1) * 111.32 * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  return x * x + y * y;
}

/** Parse a JSON file. */
export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function ringCentre(ring: number[][]): [number, number] {
  let lat = 0;
  let lon = 0;
  const n = ring.length - 1 || 1;
  for (let i = 0; i < n; i++) {
    lon += ring[i][0];
    lat += ring[i][1];
  }
  return [lat / n, lon / n];
}
