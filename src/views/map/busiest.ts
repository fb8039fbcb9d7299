/** The busiest hexagons as a list: the map's data for keyboards and screen readers. */
import {booleanPointInPolygon} from '@turf/turf';
import {cellToLatLng} from 'h3-js';
import type {Area} from '../../data/areas';
import type {HexDatum} from './layers';

/** A hexagon of the list, with the area its centre lies in (null: none of the dataset's). */
export interface BusyHex extends HexDatum {
  area: string | null;
}

/** The `limit` hexagons with most attendances (ties by cell id), each with its area's name. */
export function busiestHexes(
  hexes: readonly HexDatum[],
  areas: readonly Area[],
  limit: number,
): BusyHex[] {
  return [...hexes]
    .filter((h) => h.n > 0)
    .sort((a, b) => b.n - a.n || (a.cell < b.cell ? -1 : 1))
    .slice(0, limit)
    .map((h) => {
      const [lat, lon] = cellToLatLng(h.cell);
      const area = areas.find(
        (a) =>
          (a.geometry.type === 'Polygon' || a.geometry.type === 'MultiPolygon') &&
          booleanPointInPolygon([lon, lat], a.geometry),
      );
      return {...h, area: area?.name ?? null};
    });
}
