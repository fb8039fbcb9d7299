/** The dataset's areas as GeoJSON features wound the way d3-geo draws them. */
import {rewind} from '@turf/turf';
import type {Area} from '../data/areas';

/** One feature per area, with code and name; RFC 7946 rings run anticlockwise, d3-geo's clockwise. */
export function areaFeatures(
  areas: readonly Area[],
): GeoJSON.Feature<GeoJSON.Geometry, {code: string; name: string}>[] {
  return areas.map(
    (a) =>
      rewind(
        {type: 'Feature', properties: {code: a.code, name: a.name}, geometry: a.geometry},
        {reverse: true},
      ) as GeoJSON.Feature<GeoJSON.Geometry, {code: string; name: string}>,
  );
}
