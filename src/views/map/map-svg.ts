/**
 * The map as a captioned SVG: the basemap's land and boundaries, and the layers drawn from the
 * same inputs as deck.gl's (see layers.ts), projected by the map's camera and clipped to its view.
 * A vector map stays sharp in a printed report, and its shapes can be restyled.
 */
import {cellToBoundary} from 'h3-js';
import type {ExportMeta} from '../export/meta';
import {captionedSvg, escapeXml} from '../export/svg';
import {AREA_OUTLINE_PAINT} from './constants';
import {hexPolygon} from './hex-polygon';
import {
  areaFill,
  HEX_OPACITY_UNDER_RATES,
  hexColour,
  type LayerInputs,
  shownLabels,
} from './layers';
import type {LegendBlock} from './legend-items';
import {premisesMax, premisesRadius} from './pick';

/** The map's view: its size in CSS pixels and its camera's projection of a point. */
export interface SvgView {
  width: number;
  height: number;
  project: (lon: number, lat: number) => [number, number];
}

/** The basemap's shapes, as its style draws them: land, then boundary lines. */
export interface SvgBasemap {
  land: GeoJSON.Geometry[];
  lines: {geometries: GeoJSON.Geometry[]; colour: string; width: number}[];
  /** Rail stations, [lon, lat] (drawn as the style's white circles); absent: none. */
  stations?: [number, number][];
}

/** The basemap's colours (constants.ts `basemapStyle`). */
const SEA = '#e8ecef';
const LAND = '#fbfbf9';
/** Shapes wholly this far outside the view are left out. */
const MARGIN_PX = 20;
/** A vertex this close to the last one kept is dropped (sub-pixel detail a print cannot show). */
const MIN_STEP_PX = 0.6;

type Rgba = readonly [number, number, number, number] | readonly number[];

const num = (v: number) => String(Math.round(v * 10) / 10);

/** Fill or stroke attributes of an RGBA colour (alpha 0-255), times a layer's opacity. */
function paint(kind: 'fill' | 'stroke', c: Rgba, opacity = 1): string {
  const alpha = ((c[3] ?? 255) / 255) * opacity;
  const rgb = `${kind}="rgb(${c[0]},${c[1]},${c[2]})"`;
  return alpha >= 0.999 ? rgb : `${rgb} ${kind}-opacity="${Math.round(alpha * 1000) / 1000}"`;
}

/** A ring or line as path data, or '' when it lies wholly outside the view. */
function pathOf(points: readonly number[][], view: SvgView, close: boolean): string {
  const xy: [number, number][] = [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [lon, lat] of points) {
    const [x, y] = view.project(lon, lat);
    const last = xy[xy.length - 1];
    if (last && Math.abs(x - last[0]) < MIN_STEP_PX && Math.abs(y - last[1]) < MIN_STEP_PX)
      continue;
    xy.push([x, y]);
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const outside =
    maxX < -MARGIN_PX ||
    maxY < -MARGIN_PX ||
    minX > view.width + MARGIN_PX ||
    minY > view.height + MARGIN_PX;
  if (xy.length < 2 || outside) return '';
  return `M${xy.map(([x, y]) => `${num(x)} ${num(y)}`).join('L')}${close ? 'Z' : ''}`;
}

/** A geometry's polygons or lines as path data ('' when none is in view); points are skipped. */
export function geometryPath(g: GeoJSON.Geometry, view: SvgView): string {
  const rings = (polygons: number[][][][]) =>
    polygons.flatMap((p) => p.map((ring) => pathOf(ring, view, true)));
  switch (g.type) {
    case 'Polygon':
      return rings([g.coordinates]).join('');
    case 'MultiPolygon':
      return rings(g.coordinates).join('');
    case 'LineString':
      return pathOf(g.coordinates, view, false);
    case 'MultiLineString':
      return g.coordinates.map((l) => pathOf(l, view, false)).join('');
    case 'GeometryCollection':
      return g.geometries.map((c) => geometryPath(c, view)).join('');
    default:
      return '';
  }
}

/** An H3 cell's hexagon as path data ('' when out of view). */
function cellPath(cell: string, view: SvgView): string {
  return pathOf(
    cellToBoundary(cell).map(([lat, lon]) => [lon, lat]),
    view,
    true,
  );
}

/** A hexagon as the map draws it, shrunk (see hex-polygon.ts), as path data. */
function hexPath(cell: string, view: SvgView): string {
  const flat = hexPolygon(cell);
  const ring: number[][] = [];
  for (let i = 0; i < flat.length - 2; i += 2) ring.push([flat[i], flat[i + 1]]);
  return pathOf(ring, view, true);
}

/** Whether a point is in view. */
function inView([x, y]: [number, number], view: SvgView): boolean {
  return (
    x >= -MARGIN_PX &&
    y >= -MARGIN_PX &&
    x <= view.width + MARGIN_PX &&
    y <= view.height + MARGIN_PX
  );
}

/** Basemap: sea, land, then its boundary lines. */
function basemapParts(basemap: SvgBasemap, view: SvgView): string[] {
  const land = basemap.land.map((g) => geometryPath(g, view)).join('');
  const parts = [`<rect width="${view.width}" height="${view.height}" fill="${SEA}"/>`];
  if (land) parts.push(`<path d="${land}" fill="${LAND}" fill-rule="evenodd"/>`);
  for (const line of basemap.lines) {
    const d = line.geometries.map((g) => geometryPath(g, view)).join('');
    if (d) {
      parts.push(
        `<path d="${d}" fill="none" stroke="${line.colour}" stroke-width="${line.width}" stroke-linejoin="round"/>`,
      );
    }
  }
  const stations = (basemap.stations ?? []).flatMap(([lon, lat]) => {
    const at = view.project(lon, lat);
    return inView(at, view) ? [`<circle cx="${num(at[0])}" cy="${num(at[1])}" r="3"/>`] : [];
  });
  if (stations.length) {
    parts.push(
      `<g class="rail" fill="#ffffff" stroke="#4a5560" stroke-width="1.2">${stations.join('')}</g>`,
    );
  }
  return parts;
}

/** The scene's drawing, bottom to top, as `buildScene` orders it. */
function layerParts(x: LayerInputs, view: SvgView): string[] {
  const parts: string[] = [];
  if (x.areas && x.rateBreaks !== null) {
    const fills = x.areas.map((a) => {
      const d = geometryPath(a.geometry, view);
      const c = areaFill(a.rate, x.rateBreaks);
      return d && c[3] ? `<path d="${d}" ${paint('fill', c)} fill-rule="evenodd"/>` : '';
    });
    parts.push(`<g class="area-rates">${fills.join('')}</g>`);
  }
  // deck.gl gamma-corrects a layer's opacity (opacity ** (1 / 2.2)): the same on paper.
  const opacity = x.rateBreaks ? HEX_OPACITY_UNDER_RATES ** (1 / 2.2) : 1;
  const hexes = x.hexes.map((h) => {
    const d = hexPath(h.cell, view);
    return d ? `<path d="${d}" ${paint('fill', hexColour(h, x.mode, x.breaks), opacity)}/>` : '';
  });
  parts.push(`<g class="hexagons">${hexes.join('')}</g>`);
  if (x.areas) {
    const d = x.areas.map((a) => geometryPath(a.geometry, view)).join('');
    const {colour, opacity, width} = AREA_OUTLINE_PAINT;
    parts.push(
      `<path class="area-outlines" d="${d}" fill="none" stroke="${colour}" stroke-opacity="${opacity}" stroke-width="${width}"/>`,
    );
  }
  const selected = x.selectedCells.map((c) => cellPath(c, view)).join('');
  if (selected) {
    parts.push(
      `<path class="selected-cells" d="${selected}" fill="none" stroke="#141414" stroke-width="2.5"/>`,
    );
  }
  if (x.premises) {
    const max = premisesMax(x.premises);
    const dots = x.premises.flatMap((p) => {
      const at = view.project(p.lon, p.lat);
      if (!inView(at, view)) return [];
      const fill: Rgba = p.id === x.focusedPremises ? [0, 0, 0, 255] : [40, 40, 60, 170];
      return [
        `<circle cx="${num(at[0])}" cy="${num(at[1])}" r="${num(premisesRadius(p.n, max))}" ${paint('fill', fill)}/>`,
      ];
    });
    parts.push(`<g class="premises" stroke="#ffffff" stroke-opacity="0.9">${dots.join('')}</g>`);
  }
  if (x.focus) {
    const [cx, cy] = view.project(x.focus.lon, x.focus.lat);
    parts.push(
      `<circle class="focus" cx="${num(cx)}" cy="${num(cy)}" r="16" fill="none" stroke="#000000" stroke-width="3"/>`,
    );
  }
  if (x.sites) {
    const marks = x.sites.flatMap((s) => {
      const at = view.project(s.lon, s.lat);
      if (!inView(at, view)) return [];
      const [cx, cy] = at.map(num);
      return [
        `<g transform="translate(${cx},${cy})"><title>${escapeXml(s.name)}</title><rect x="-8" y="-10" width="16" height="19" fill="rgb(0,90,156)"/><text y="5" text-anchor="middle" font-size="15" font-weight="700" fill="#ffffff">H</text></g>`,
      ];
    });
    parts.push(`<g class="sites">${marks.join('')}</g>`);
  }
  const labels = shownLabels(x.labels, x.zoom).flatMap((l) => {
    const at = view.project(l.position[0], l.position[1]);
    if (!inView(at, view)) return [];
    return [
      `<text x="${num(at[0])}" y="${num(at[1])}" font-size="${l.kind === 'ward' ? 11 : 14}">${escapeXml(l.name)}</text>`,
    ];
  });
  parts.push(
    `<g class="labels" font-weight="600" fill="rgb(40,45,55)" text-anchor="middle" dominant-baseline="middle" stroke="#ffffff" stroke-opacity="0.9" stroke-width="3" paint-order="stroke" stroke-linejoin="round">${labels.join('')}</g>`,
  );
  return parts;
}

/** The legend box, top left as on screen: each block's title and rows. */
function legendParts(blocks: readonly LegendBlock[]): string {
  const line = 14;
  const parts: string[] = [];
  let y = 8;
  for (const block of blocks) {
    y += line;
    parts.push(`<text x="14" y="${y}" font-weight="600">${escapeXml(block.title)}</text>`);
    for (const item of block.items) {
      y += line;
      parts.push(
        `<rect x="14" y="${y - 10}" width="14" height="11" fill="${escapeXml(item.colour)}"/><text x="34" y="${y}">${escapeXml(item.label)}</text>`,
      );
    }
    y += 4;
  }
  return `<g class="legend" font-size="11" fill="#1b1f24"><rect x="8" y="8" width="230" height="${y - 8 + 8}" fill="#ffffff" fill-opacity="0.94" stroke="#cccccc"/>${parts.join('')}</g>`;
}

/** The whole map as a standalone SVG document, with its legend, title and caption. */
export function mapSvg(
  x: LayerInputs,
  view: SvgView,
  basemap: SvgBasemap,
  legend: readonly LegendBlock[],
  meta: ExportMeta,
): string {
  const {width, height} = view;
  const inner = `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" overflow="hidden"><g>${[
    ...basemapParts(basemap, view),
    ...layerParts(x, view),
  ].join('')}</g>${legendParts(legend)}</svg>`;
  return captionedSvg(inner, width, height, meta);
}
