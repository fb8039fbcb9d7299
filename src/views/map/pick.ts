/**
 * What is under the pointer on the map, found on the CPU from the data the layers draw: the
 * hexagon is the H3 cell of the pointer's position, the points and labels are matched in screen
 * pixels and the areas by point in polygon.
 *
 * deck.gl's picking draws the layers again into an off-screen buffer and reads a pixel back,
 * which waits for everything queued on the GPU. Under software WebGL, just after load, that
 * froze the page on the first press of the mouse on the map: Playwright clicks took 0.3-4.7 s
 * (median ~2.8 s over 8 loads under CPU load), 30-515 ms with this. It also drew a picking pass
 * on every hover.
 */
import {bbox, booleanPointInPolygon} from '@turf/turf';
import {getResolution, latLngToCell} from 'h3-js';
import type {AreaDatum, HexDatum, PremisesDatum, SiteDatum} from './layers';

/** The hexagons by cell, at the resolution they are drawn at. */
export interface HexIndex {
  resolution: number;
  byCell: ReadonlyMap<string, HexDatum>;
}

/** What can be picked, as drawn now; null where a layer is not shown. */
export interface PickScene {
  hexes: HexIndex;
  premises: readonly PremisesDatum[] | null;
  sites: readonly SiteDatum[] | null;
  /** The areas, when their fill (rates) is drawn. */
  areas: readonly AreaDatum[] | null;
}

/** The topmost object under the pointer. */
export type Picked =
  | {kind: 'site'; object: SiteDatum}
  | {kind: 'premises'; object: PremisesDatum}
  | {kind: 'hex'; object: HexDatum}
  | {kind: 'area'; object: AreaDatum};

/** A point in the map's container, in CSS pixels. */
export interface ScreenPoint {
  x: number;
  y: number;
}

/** Where the pointer is: on screen, and on the ground. */
export interface PointerAt {
  point: ScreenPoint;
  lng: number;
  lat: number;
}

/** A site's "H" label box, half its width and height in pixels (15 px text, padding 4 and 2). */
export const SITE_HALF_BOX = {x: 10, y: 10};

/** A premises point's radius in pixels: 3 to 17, by the square root of its share of the top. */
export function premisesRadius(n: number, max: number): number {
  return 3 + 14 * Math.sqrt(n / max);
}

/**
 * Premises as drawn where small counts are withheld: every count from 1 to `minCount` − 1 at
 * `minCount` − 1, so that a disc's size cannot be read back as 1, 2, 3 or 4.
 */
export function publishedPremises(
  premises: readonly PremisesDatum[],
  minCount: number,
): PremisesDatum[] {
  return premises.map((p) => (p.n > 0 && p.n < minCount ? {...p, n: minCount - 1} : p));
}

/** The most attendances at one premises, the top of the radius scale. */
export function premisesMax(premises: readonly PremisesDatum[]): number {
  return premises.reduce((m, p) => Math.max(m, p.n), 1);
}

/** Index hexagons by cell; all of one drawing share a resolution. */
export function indexHexes(hexes: readonly HexDatum[]): HexIndex {
  const byCell = new Map<string, HexDatum>();
  for (const h of hexes) byCell.set(h.cell, h);
  return {resolution: hexes.length ? getResolution(hexes[0].cell) : -1, byCell};
}

/**
 * The topmost object at `at`, in the layers' order from the top: sites, premises, hexagons,
 * areas. `project` puts a longitude and latitude on screen. Points drawn later lie on top.
 */
export function pickAt(
  scene: PickScene,
  at: PointerAt,
  project: (lon: number, lat: number) => ScreenPoint,
): Picked | null {
  const {x, y} = at.point;
  const near = nearPointer(at, project);
  if (scene.sites) {
    let hit: SiteDatum | null = null;
    for (const s of scene.sites) {
      if (!near(s, SITE_HALF_BOX.x, SITE_HALF_BOX.y)) continue;
      const p = project(s.lon, s.lat);
      if (Math.abs(p.x - x) <= SITE_HALF_BOX.x && Math.abs(p.y - y) <= SITE_HALF_BOX.y) hit = s;
    }
    if (hit) return {kind: 'site', object: hit};
  }
  if (scene.premises?.length) {
    const max = premisesMax(scene.premises);
    let hit: PremisesDatum | null = null;
    for (const d of scene.premises) {
      // The outline (1 px) is drawn across the edge of the disc.
      const r = premisesRadius(d.n, max) + 1;
      if (!near(d, r, r)) continue;
      const p = project(d.lon, d.lat);
      const dx = p.x - x;
      const dy = p.y - y;
      if (dx * dx + dy * dy <= r * r) hit = d;
    }
    if (hit) return {kind: 'premises', object: hit};
  }
  if (scene.hexes.resolution >= 0) {
    const hex = scene.hexes.byCell.get(latLngToCell(at.lat, at.lng, scene.hexes.resolution));
    if (hex) return {kind: 'hex', object: hex};
  }
  if (scene.areas) {
    const area = scene.areas.find(
      (a) =>
        inBox(a.geometry, at) &&
        booleanPointInPolygon(
          [at.lng, at.lat],
          a.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon,
        ),
    );
    if (area) return {kind: 'area', object: area};
  }
  return null;
}

/**
 * A cheap test of whether a point lies within `dx` by `dy` pixels of the pointer (with a pixel
 * to spare), from the screen's pixels per degree there, so that only the few points near it are
 * projected (a national dataset can have tens of thousands of premises).
 */
function nearPointer(
  at: PointerAt,
  project: (lon: number, lat: number) => ScreenPoint,
): (p: {lon: number; lat: number}, dx: number, dy: number) => boolean {
  const here = project(at.lng, at.lat);
  const step = 0.01;
  const perLon = Math.abs(project(at.lng + step, at.lat).x - here.x) / step;
  const perLat = Math.abs(project(at.lng, at.lat + step).y - here.y) / step;
  return (p, dx, dy) =>
    Math.abs(p.lon - at.lng) * perLon <= dx + 1 && Math.abs(p.lat - at.lat) * perLat <= dy + 1;
}

/** Each area's bounding box, computed once per shape. */
const boxes = new WeakMap<GeoJSON.Geometry, number[]>();

/** Whether the pointer is in a shape's bounding box (before testing every vertex). */
function inBox(geometry: GeoJSON.Geometry, at: PointerAt): boolean {
  let b = boxes.get(geometry);
  if (!b) boxes.set(geometry, (b = bbox(geometry)));
  return at.lng >= b[0] && at.lng <= b[2] && at.lat >= b[1] && at.lat <= b[3];
}
