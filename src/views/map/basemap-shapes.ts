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
 * Land, boundary lines and rail stations at `zoom`, from the zooms the style shows them at
 * (constants.ts `basemapStyle`). Fetched again from the page's origin: the browser has them.
 */
export async function loadBasemapShapes(base: string, zoom: number): Promise<SvgBasemap> {
  const wards = zoom >= DETAIL_MIN_ZOOM - 1;
  const msoa = zoom >= DETAIL_MIN_ZOOM + 1;
  const rail = zoom >= DETAIL_MIN_ZOOM;
  const none = Promise.resolve([]);
  const [county, lad, ward, msoas, stations] = await Promise.all([
    geometries(base, 'wm-county-outline.geojson'),
    geometries(base, 'wm-lad.geojson'),
    wards ? geometries(base, 'wm-wards.geojson') : none,
    msoa ? geometries(base, 'wm-msoa11.geojson') : none,
    rail ? geometries(base, 'wm-basemap-rail-stations.geojson') : none,
  ]);
  return {
    land: county,
    lines: [
      ...(msoa ? [{geometries: msoas, colour: '#e3e3de', width: 0.6}] : []),
      ...(wards ? [{geometries: ward, colour: '#d4d4cc', width: 0.8}] : []),
      {geometries: lad, colour: '#8d96a0', width: 1.2},
      {geometries: county, colour: '#5f6b78', width: 1.6},
    ],
    stations: stations.flatMap((g) =>
      g.type === 'Point' ? [g.coordinates as [number, number]] : [],
    ),
  };
}
