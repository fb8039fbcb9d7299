/** The shipped basemap's shapes for the map's SVG export, drawn as its style draws them. */
import {BASEMAP_DIR, DETAIL_MIN_ZOOM} from './constants';
import type {SvgBasemap} from './map-svg';

async function geometries(base: string, file: string): Promise<GeoJSON.Geometry[]> {
  const response = await fetch(new URL(BASEMAP_DIR + file, base));
  if (!response.ok) throw new Error(`${BASEMAP_DIR}${file}: HTTP ${response.status}`);
  const fc = (await response.json()) as GeoJSON.FeatureCollection;
  return fc.features.map((f) => f.geometry).filter((g): g is GeoJSON.Geometry => g !== null);
}

/**
 * Land and boundary lines at `zoom` (constants.ts `basemapStyle`: ward lines from one zoom level
 * before the detail zoom). Fetched again from the page's origin: the browser has them cached.
 */
export async function loadBasemapShapes(base: string, zoom: number): Promise<SvgBasemap> {
  const wards = zoom >= DETAIL_MIN_ZOOM - 1;
  const [county, lad, ward] = await Promise.all([
    geometries(base, 'wm-county-outline.geojson'),
    geometries(base, 'wm-lad.geojson'),
    wards ? geometries(base, 'wm-wards.geojson') : Promise.resolve([]),
  ]);
  return {
    land: county,
    lines: [
      ...(wards ? [{geometries: ward, colour: '#d4d4cc', width: 0.8}] : []),
      {geometries: lad, colour: '#8d96a0', width: 1.2},
      {geometries: county, colour: '#5f6b78', width: 1.6},
    ],
  };
}
