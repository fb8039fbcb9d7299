/**
 * What the hotspot map draws, built from query results by one pure function: deck.gl's layers,
 * and the areas' outlines for MapLibre. No layer is pickable: what is under the pointer is found
 * on the CPU (see pick.ts).
 */
import type {Layer} from '@deck.gl/core';
import {H3HexagonLayer} from '@deck.gl/geo-layers';
import {GeoJsonLayer, ScatterplotLayer, SolidPolygonLayer, TextLayer} from '@deck.gl/layers';
import {hexMesh, type HexMesh} from './hex-mesh';
import {premisesMax, premisesRadius} from './pick';
import {classOf} from './scale';
import {
  AREA_OUTLINE_LAYER,
  COUNT_COLOURS,
  emergingColour,
  GI_BIN_COLOURS,
  rateColour,
} from './constants';

/** One hexagon: its cell, attendances and, in the analysis modes, its class. */
export interface HexDatum {
  cell: string;
  n: number;
  topLoc: string;
  topShare: number;
  /** Gi* bin -3..3 (hotspot mode). */
  bin?: number;
  z?: number;
  p?: number;
  /** Emerging hot spot category (emerging mode). */
  category?: string;
}

/** A premises point sized by attendances under the filters. */
export interface PremisesDatum {
  id: string;
  name: string;
  type: string | null;
  lat: number;
  lon: number;
  n: number;
}

/** An ED site. */
export interface SiteDatum {
  code: string;
  name: string;
  lat: number;
  lon: number;
}

/** An area with its attendances and rate per 100,000 (null when no population). */
export interface AreaDatum {
  code: string;
  name: string;
  n: number;
  rate: number | null;
  geometry: GeoJSON.Geometry;
}

/** A place label. */
export interface LabelDatum {
  name: string;
  kind: 'ward' | 'area';
  position: [number, number];
}

/** How hexagons are coloured. */
export type MapMode = 'count' | 'hotspot' | 'emerging';

/** Everything the layers depend on. */
export interface LayerInputs {
  hexes: HexDatum[];
  mode: MapMode;
  breaks: number[];
  selectedCells: readonly string[];
  premises: PremisesDatum[] | null;
  focusedPremises: string | null;
  /** The focused premises' location, drawn as a ring whether or not premises are shown. */
  focus: PremisesDatum | null;
  sites: SiteDatum[] | null;
  areas: AreaDatum[] | null;
  rateBreaks: number[] | null;
  labels: LabelDatum[];
  zoom: number;
}

const TRANSPARENT: [number, number, number, number] = [0, 0, 0, 0];
const SELECTED_LINE: [number, number, number, number] = [20, 20, 20, 255];
/**
 * A cell drawn transparent while none is selected (see `buildScene`): a hexagon at a resolution
 * the map selects, as a pentagon or a coarser cell would build another pipeline.
 */
const WARM_CELLS = ['88195c0595fffff'];
/** A point drawn transparent while the premises are not shown (see `buildScene`). */
const WARM_POINTS: [number, number][] = [[-1.9, 52.48]];
/** The premises layer's props that its shaders depend on, the same with and without premises. */
const PREMISES_LAYER = {
  id: 'premises',
  radiusUnits: 'pixels',
  stroked: true,
  // 1 px at every zoom (in metres it would grow past the disc pick.ts matches).
  lineWidthUnits: 'pixels',
  getLineWidth: 1,
} as const;

/** An area's shape as deck.gl reads it; its counts are those of `LayerInputs.areas[index]`. */
export interface AreaFeature {
  type: 'Feature';
  geometry: GeoJSON.Geometry;
  properties: {index: number};
}

/** The areas' shapes as one collection (`features` is the fill layer's data). */
export interface AreaShapes {
  type: 'FeatureCollection';
  features: AreaFeature[];
}

/** The last areas' geometries and their shapes (see `areaShapes`). */
let shapes: {geometries: GeoJSON.Geometry[]; collection: AreaShapes} | null = null;

/**
 * The areas' shapes, the same object for as long as the shapes are the same. Counts change with
 * every filter, shapes only with the dataset: a new `data` array makes deck.gl tessellate every
 * polygon again (~10 ms of the main thread per update with the West Midlands' areas), and new
 * outlines make MapLibre cut them into tiles again.
 */
export function areaShapes(areas: readonly AreaDatum[]): AreaShapes {
  const same =
    shapes?.geometries.length === areas.length &&
    areas.every((a, i) => a.geometry === shapes!.geometries[i]);
  if (!same || !shapes) {
    shapes = {
      geometries: areas.map((a) => a.geometry),
      collection: {
        type: 'FeatureCollection',
        features: areas.map((a, index) => ({
          type: 'Feature',
          geometry: a.geometry,
          properties: {index},
        })),
      },
    };
  }
  return shapes.collection;
}

/** The hexagon fill colour for a datum in a mode. */
export function hexColour(d: HexDatum, mode: MapMode, breaks: readonly number[]) {
  if (mode === 'hotspot') return GI_BIN_COLOURS[d.bin ?? 0];
  if (mode === 'emerging') return emergingColour(d.category ?? 'none');
  const [r, g, b] = COUNT_COLOURS[Math.min(classOf(d.n, breaks), COUNT_COLOURS.length - 1)];
  return [r, g, b, 200] as [number, number, number, number];
}

/** The last hexagons' mesh and what it was made of (see `hexagonMesh`). */
let mesh: {hexes: readonly HexDatum[]; mode: MapMode; breaks: string; mesh: HexMesh} | null = null;

/**
 * The hexagons' mesh, the same object for as long as the hexagons and their colours are the
 * same: a new `data` object makes deck.gl take every attribute again.
 */
function hexagonMesh({hexes, mode, breaks}: LayerInputs): HexMesh {
  // The breaks colour the hexagons by count only.
  const key = mode === 'count' ? breaks.join() : '';
  if (mesh?.hexes !== hexes || mesh.mode !== mode || mesh.breaks !== key) {
    const cells = hexes.map((h) => h.cell);
    mesh = {
      hexes,
      mode,
      breaks: key,
      mesh: hexMesh(cells, (i) => hexColour(hexes[i], mode, breaks)),
    };
  }
  return mesh.mesh;
}

/** The hexagons' opacity (deck.gl's layer prop) while the area rate choropleth is under them. */
export const HEX_OPACITY_UNDER_RATES = 0.35;

/** An area's fill in the rate choropleth (transparent without a rate or classes). */
export function areaFill(
  rate: number | null,
  rateBreaks: readonly number[] | null,
): [number, number, number, number] {
  // No attendances: no class (the classes are quantiles of the areas that have some).
  if (rate === null || rate <= 0 || !rateBreaks?.length) return TRANSPARENT;
  const [r, g, b] = rateColour(classOf(rate, rateBreaks), rateBreaks.length);
  return [r, g, b, 150];
}

/** The place labels drawn at a zoom: local authorities when zoomed out, wards when in. */
export function shownLabels(labels: readonly LabelDatum[], zoom: number): LabelDatum[] {
  return labels.filter((l) => (zoom < 10.5 ? l.kind === 'area' : l.kind === 'ward'));
}

/** What the map draws: deck.gl's layers, and the areas' outlines (MapLibre's, see constants.ts). */
export interface MapScene {
  layers: Layer[];
  /** Null: no outlines. */
  outlines: AreaShapes | null;
}

/**
 * Drawn under the outlines: MapLibre draws a layer with `beforeId` just before that style layer
 * (@deck.gl/mapbox's interleaved mode; a prop the layers' own types do not list).
 */
const UNDER_OUTLINES: {beforeId: string} = {beforeId: AREA_OUTLINE_LAYER};

/**
 * Build the scene, bottom to top: areas, hexagons, (the outlines), selection, premises, sites,
 * labels.
 */
export function buildScene(x: LayerInputs): MapScene {
  const layers: Layer[] = [];
  const outlines = x.areas ? areaShapes(x.areas) : null;
  // The fill only with rates on: without them it draws nothing, yet deck.gl would still
  // tessellate the polygons and compile its shaders.
  if (x.areas && outlines && x.rateBreaks !== null) {
    const areas = x.areas;
    layers.push(
      new GeoJsonLayer({
        id: 'areas',
        ...UNDER_OUTLINES,
        data: outlines.features as never,
        stroked: false,
        filled: true,
        getFillColor: ((f: AreaFeature) =>
          areaFill(areas[f.properties.index]?.rate ?? null, x.rateBreaks)) as never,
        updateTriggers: {getFillColor: [x.rateBreaks, x.areas]},
      }),
    );
  }
  layers.push(
    // Plain triangles, cut once per answer. Not H3HexagonLayer's instanced columns, nor their
    // stroke (instanced lines): under software WebGL (see constants.ts) those were 35 and 50 ms
    // of CPU a frame at 236 hexagons, against under 10 ms for these. A gap between the
    // hexagons (hex-polygon.ts) stands in for the stroke. Handed over as binary attributes,
    // already cut (hex-mesh.ts).
    new SolidPolygonLayer({
      id: 'hexagons',
      ...UNDER_OUTLINES,
      data: hexagonMesh(x) as never,
      positionFormat: 'XY',
      _normalize: false,
      _windingOrder: 'CCW',
      extruded: false,
      opacity: x.rateBreaks ? HEX_OPACITY_UNDER_RATES : 1,
    }),
  );
  // With no cells selected, one transparent outline: SwiftShader builds a pipeline at its first
  // draw, not when deck.gl links the shaders, and an empty layer draws nothing, so the first
  // click paid for it: at 1M rows its update took 263 ms (median of 17 runs), 130 ms with this.
  const warming = x.selectedCells.length === 0;
  layers.push(
    new H3HexagonLayer<string>({
      id: 'selected-cells',
      data: (warming ? WARM_CELLS : x.selectedCells) as string[],
      getHexagon: (d) => d,
      filled: false,
      stroked: true,
      getLineColor: warming ? TRANSPARENT : SELECTED_LINE,
      lineWidthMinPixels: 2.5,
      extruded: false,
      updateTriggers: {getLineColor: [warming]},
    }),
  );
  if (!x.premises) {
    // The premises' layer with one transparent point until they are shown: its pipeline is then
    // built during the load, not on the first tick of Premises (see the selection above).
    layers.push(
      new ScatterplotLayer<[number, number]>({
        ...PREMISES_LAYER,
        data: WARM_POINTS,
        getPosition: (d) => d,
        getRadius: 1,
        getFillColor: TRANSPARENT,
        getLineColor: TRANSPARENT,
      }),
    );
  } else {
    const max = premisesMax(x.premises);
    layers.push(
      new ScatterplotLayer<PremisesDatum>({
        ...PREMISES_LAYER,
        data: x.premises,
        getPosition: (d) => [d.lon, d.lat],
        getRadius: (d) => premisesRadius(d.n, max),
        getFillColor: (d) => (d.id === x.focusedPremises ? [0, 0, 0, 255] : [40, 40, 60, 170]),
        getLineColor: [255, 255, 255, 230],
        updateTriggers: {getFillColor: [x.focusedPremises], getRadius: [max]},
      }),
    );
  }
  if (x.focus) {
    layers.push(
      new ScatterplotLayer<PremisesDatum>({
        id: 'focus',
        data: [x.focus],
        getPosition: (d) => [d.lon, d.lat],
        getRadius: 16,
        radiusUnits: 'pixels',
        stroked: true,
        filled: false,
        getLineColor: [0, 0, 0, 255],
        lineWidthMinPixels: 3,
      }),
    );
  }
  if (x.sites) {
    layers.push(
      new TextLayer<SiteDatum>({
        id: 'sites',
        data: x.sites,
        getPosition: (d) => [d.lon, d.lat],
        getText: () => 'H',
        getSize: 15,
        getColor: [255, 255, 255, 255],
        background: true,
        getBackgroundColor: [0, 90, 156, 255],
        backgroundPadding: [4, 2],
        fontFamily: 'system-ui, Helvetica, Arial, sans-serif',
        fontWeight: 700,
      }),
    );
  }
  const labels = shownLabels(x.labels, x.zoom);
  layers.push(
    new TextLayer<LabelDatum>({
      id: 'labels',
      data: labels,
      getPosition: (d) => d.position,
      getText: (d) => d.name,
      getSize: (d) => (d.kind === 'ward' ? 11 : 14),
      getColor: [40, 45, 55, 255],
      fontFamily: 'system-ui, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
      fontWeight: 600,
      outlineWidth: 3,
      outlineColor: [255, 255, 255, 230],
      fontSettings: {sdf: true},
      characterSet: 'auto',
    }),
  );
  return {layers, outlines};
}
