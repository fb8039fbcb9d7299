/** The dataset's boundaries drawn while the data load: SVG, no WebGL, no tiles, no network. */
import {useMemo} from 'react';
import {geoMercator, geoPath, type GeoPermissibleObjects} from 'd3';
import type {Area} from '../../data/areas';
import {areaFeatures} from '../../ui/area-features';

const WIDTH = 800;
const HEIGHT = 600;
const PAD = 40;

/** Props of BoundaryPreview. */
export interface BoundaryPreviewProps {
  areas: readonly Area[];
}

/** The areas' outlines and names, fitted to the map's frame. */
export function BoundaryPreview({areas}: BoundaryPreviewProps) {
  const drawn = useMemo(() => {
    const features = areaFeatures(areas);
    if (!features.length) return [];
    const projection = geoMercator().fitExtent(
      [
        [PAD, PAD],
        [WIDTH - PAD, HEIGHT - PAD],
      ],
      {type: 'FeatureCollection', features} as GeoPermissibleObjects,
    );
    const path = geoPath(projection);
    return features.map((f) => ({
      code: f.properties.code,
      name: f.properties.name,
      d: path(f) ?? '',
      at: path.centroid(f),
    }));
  }, [areas]);
  if (!drawn.length)
    return <p className="map-preview-note">The map appears when the data are loaded.</p>;
  return (
    <svg
      className="boundary-preview"
      data-testid="boundary-preview"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={outlinesLabel(drawn)}
    >
      {drawn.map((a) => (
        <path key={a.code} d={a.d} />
      ))}
      {drawn.map((a) => (
        <text key={a.code} x={a.at[0]} y={a.at[1]} textAnchor="middle">
          {a.name}
        </text>
      ))}
    </svg>
  );
}

/** The boundaries' text alternative, the same drawn as SVG or on the map. */
export function outlinesLabel(areas: readonly {name: string}[]): string {
  return `Outlines of ${areas.length} areas: ${areas.map((a) => a.name).join(', ')}. The hexagons appear when the data are loaded.`;
}
