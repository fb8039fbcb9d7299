/** Place labels: the shipped West Midlands label points, plus one per area of the dataset. */
import {centerOfMass} from '@turf/turf';
import type {Area} from '../../data/areas';
import {BASEMAP_DIR} from './constants';
import type {LabelDatum} from './layers';

/** Labels of the dataset's areas, at their centres of mass. */
export function areaLabels(areas: readonly Area[]): LabelDatum[] {
  return areas.map((a) => ({
    name: a.name,
    kind: 'area',
    position: centerOfMass({type: 'Feature', geometry: a.geometry, properties: {}}).geometry
      .coordinates as [number, number],
  }));
}

/** Ward labels from the shipped basemap (local authority names come from the dataset's areas). */
export async function loadWardLabels(base: string): Promise<LabelDatum[]> {
  const response = await fetch(new URL(`${BASEMAP_DIR}wm-basemap-labels.geojson`, base));
  if (!response.ok) return [];
  const fc = (await response.json()) as GeoJSON.FeatureCollection<GeoJSON.Point>;
  return fc.features
    .filter((f) => f.properties?.kind === 'ward')
    .map((f) => ({
      name: String(f.properties?.name ?? ''),
      kind: 'ward',
      position: f.geometry.coordinates as [number, number],
    }));
}
