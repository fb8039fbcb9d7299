/** Map insets for print, drawn with d3-geo from the dataset's boundaries (no tiles, no network). */
import {circle, rewind} from '@turf/turf';
import {geoMercator, geoPath, type GeoPermissibleObjects} from 'd3';
import type {Area} from '../../data/areas';
import {areaFeatures} from '../../ui/area-features';
import type {NearbyPremises} from '../premises/nearby';

/** Props of MapInset. */
export interface MapInsetProps {
  areas: readonly Area[];
  ladCode: string | null;
  point: {lat: number; lon: number};
  name: string;
  nearby: readonly NearbyPremises[];
  /** Radius of the circle drawn on the close-up, metres. */
  radiusM: number;
}

const REGION = {width: 330, height: 260};
const CLOSE = {width: 330, height: 260};
/** The close-up shows this many metres either side of the premises. */
const CLOSE_HALF_M = 170;
const METRES_PER_DEGREE = 111_320;

/** The region with the premises' local authority highlighted, and a close-up of its street block. */
export function MapInset({areas, ladCode, point, name, nearby, radiusM}: MapInsetProps) {
  const features = areaFeatures(areas);
  const here: [number, number] = [point.lon, point.lat];
  const regionProjection = geoMercator();
  if (features.length) {
    regionProjection.fitExtent(
      [
        [8, 8],
        [REGION.width - 8, REGION.height - 8],
      ],
      {type: 'FeatureCollection', features} as GeoPermissibleObjects,
    );
  } else {
    regionProjection
      .center(here)
      .scale(20_000)
      .translate([REGION.width / 2, REGION.height / 2]);
  }
  const regionPath = geoPath(regionProjection);
  const [px, py] = regionProjection(here) ?? [0, 0];

  const dLat = CLOSE_HALF_M / METRES_PER_DEGREE;
  const dLon = dLat / Math.cos((point.lat * Math.PI) / 180);
  const closeProjection = geoMercator().fitExtent(
    [
      [4, 4],
      [CLOSE.width - 4, CLOSE.height - 4],
    ],
    {
      type: 'MultiPoint',
      coordinates: [
        [point.lon - dLon, point.lat - dLat],
        [point.lon + dLon, point.lat + dLat],
      ],
    },
  );
  const closePath = geoPath(closeProjection);
  const ring = rewind(circle(here, radiusM / 1000, {steps: 72, units: 'kilometers'}), {
    reverse: true,
  });
  const [cx, cy] = closeProjection(here) ?? [0, 0];
  const metresPx = (closeProjection([point.lon + dLon, point.lat])![0] - cx) / CLOSE_HALF_M;

  return (
    <div className="map-inset">
      <svg
        viewBox={`0 0 ${REGION.width} ${REGION.height}`}
        role="img"
        aria-label={`Local authorities of the region; ${name} marked`}
      >
        {features.map((f) => (
          <path
            key={f.properties.code}
            d={regionPath(f) ?? undefined}
            className={f.properties.code === ladCode ? 'area own' : 'area'}
          />
        ))}
        {features.map((f) => {
          const [x, y] = regionPath.centroid(f);
          return Number.isFinite(x) ? (
            <text key={f.properties.code} x={x} y={y} className="area-label" textAnchor="middle">
              {f.properties.name}
            </text>
          ) : null;
        })}
        <circle cx={px} cy={py} r={5} className="premises-dot" />
      </svg>
      <svg
        viewBox={`0 0 ${CLOSE.width} ${CLOSE.height}`}
        role="img"
        aria-label={`${name} and premises within ${radiusM} m`}
      >
        <rect width={CLOSE.width} height={CLOSE.height} className="close-bg" />
        <path d={closePath(ring) ?? undefined} className="radius-ring" />
        {nearby.map((p, i) => {
          const [x, y] = closeProjection([p.lon, p.lat]) ?? [0, 0];
          return (
            <g key={p.id} className="nearby-dot">
              <circle cx={x} cy={y} r={4} />
              <text x={x + 6} y={y} dy="0.35em">
                {i + 1}
              </text>
            </g>
          );
        })}
        <circle cx={cx} cy={cy} r={6} className="premises-dot" />
        <text x={cx} y={cy - 10} textAnchor="middle" className="premises-label">
          {name}
        </text>
        <g className="scale-bar" transform={`translate(12, ${CLOSE.height - 14})`}>
          <line x1={0} x2={50 * metresPx} y1={0} y2={0} />
          <text x={0} y={-5}>
            50 m
          </text>
        </g>
        <text x={CLOSE.width - 8} y={16} textAnchor="end" className="ring-label">
          circle: {radiusM} m
        </text>
      </svg>
    </div>
  );
}
