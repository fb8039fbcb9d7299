/** Map constants: the offline basemap, colour scales (colour-blind safe) and camera limits. */
import type {StyleSpecification} from 'maplibre-gl';

/** Shipped basemap layers, relative to the page. */
export const BASEMAP_DIR = 'data/basemap/';

/** Attribution of the shipped basemap layers (OGL and CC BY 4.0; ODbL for rail stations). */
export const BASEMAP_ATTRIBUTION = [
  'Boundaries: contains OS and ONS data © Crown copyright and database right 2016 (OGL v3.0)',
  'GeoJSON by Martin Chorley (CC BY 4.0)',
  'Rail stations: davwheat/uk-railway-stations, Trainline EU, © OpenStreetMap contributors (ODbL)',
];

/** Where the map starts before a dataset's extent is known (Great Britain). */
export const INITIAL_VIEW_STATE = {longitude: -2.5, latitude: 54, zoom: 5};

/** Padding around the dataset's extent when the map fits it, in pixels; room for the legend. */
export const FIT_PADDING_PX = {top: 24, right: 48, bottom: 36, left: 200};

/**
 * The dataset's area outlines: a MapLibre source and line layer in the style (empty until a
 * dataset's areas are shown), which deck.gl's area fill and hexagons are drawn under.
 *
 * Not a deck.gl layer: deck.gl draws every line as instances, one per segment, and software
 * WebGL (SwiftShader, as on a PC or virtual desktop without a GPU) spends about 45 µs of CPU per
 * instance. The West Midlands' 2,460 boundary points cost each frame of the map about 110 ms of
 * the GPU process's worker threads and 30 ms of its main thread that way; MapLibre's line, cut
 * into triangles once in its worker, costs about as much as the basemap's own lines (near none).
 */
export const AREA_OUTLINE_SOURCE = 'dataset-areas';
export const AREA_OUTLINE_LAYER = 'dataset-area-outlines';
/** The outlines' source data when there are none. */
export const NO_OUTLINES: GeoJSON.FeatureCollection = {type: 'FeatureCollection', features: []};
/** The outlines' paint, which the SVG export draws too. */
export const AREA_OUTLINE_PAINT = {colour: 'rgb(50,60,70)', opacity: 0.863, width: 1.5};

/** Map zoom at which ward and MSOA outlines appear. */
export const DETAIL_MIN_ZOOM = 11;

/** Sequential YlOrRd, 6 classes (ColorBrewer; colour-blind safe), RGB. */
export const COUNT_COLOURS: [number, number, number][] = [
  [255, 255, 178],
  [254, 217, 118],
  [254, 178, 76],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
];

/** Sequential Purples, 5 classes (ColorBrewer), for the area rate choropleth. */
export const RATE_COLOURS: [number, number, number][] = [
  [242, 240, 247],
  [203, 201, 226],
  [158, 154, 200],
  [117, 107, 177],
  [84, 39, 143],
];

/**
 * The colour of rate class `index` of `classes` (fewer than five when the rates' quantiles
 * coincide): the darkest end of the scale, so that the legend and the map agree and two classes
 * are not two shades of near-white.
 */
export function rateColour(index: number, classes: number): [number, number, number] {
  const offset = Math.max(0, RATE_COLOURS.length - classes);
  return RATE_COLOURS[Math.min(index + offset, RATE_COLOURS.length - 1)];
}

/** Gi* bins -3..3 as ArcGIS draws them, on the colour-blind-safe RdBu diverging scheme. */
export const GI_BIN_COLOURS: Record<number, [number, number, number, number]> = {
  3: [178, 24, 43, 220],
  2: [239, 138, 98, 220],
  1: [253, 219, 199, 220],
  0: [200, 200, 200, 60],
  [-1]: [209, 229, 240, 220],
  [-2]: [103, 169, 207, 220],
  [-3]: [33, 102, 172, 220],
};

/** Legend words for the Gi* bins. */
export const GI_BIN_LABELS: [number, string][] = [
  [3, 'Hot spot, 99% confidence'],
  [2, 'Hot spot, 95% confidence'],
  [1, 'Hot spot, 90% confidence'],
  [0, 'Not significant'],
  [-1, 'Cold spot, 90% confidence'],
  [-2, 'Cold spot, 95% confidence'],
  [-3, 'Cold spot, 99% confidence'],
];

/** Okabe-Ito colours (colour-blind safe) for the emerging hot spot patterns; cold ones in blue. */
const EMERGING_HOT: Record<string, [number, number, number, number]> = {
  new: [213, 94, 0, 235],
  consecutive: [230, 159, 0, 235],
  intensifying: [204, 0, 102, 235],
  persistent: [120, 40, 20, 235],
  diminishing: [240, 228, 66, 235],
  sporadic: [255, 200, 150, 235],
  oscillating: [150, 110, 180, 235],
  historical: [0, 158, 115, 235],
};

/** The colour of an emerging hot spot category (`none` is nearly transparent). */
export function emergingColour(category: string): [number, number, number, number] {
  if (category === 'none') return [200, 200, 200, 50];
  if (category.endsWith('-cold')) return [86, 180, 233, 200];
  return EMERGING_HOT[category] ?? [200, 200, 200, 50];
}

/** The offline basemap: land from the county outline and boundaries from shipped GeoJSON. */
export function basemapStyle(base: string): StyleSpecification {
  const url = (file: string) => new URL(BASEMAP_DIR + file, base).href;
  const line = (id: string, source: string, color: string, width: number, minzoom = 0) => ({
    id,
    type: 'line' as const,
    source,
    minzoom,
    paint: {'line-color': color, 'line-width': width},
  });
  return {
    version: 8,
    sources: {
      county: {type: 'geojson', data: url('wm-county-outline.geojson')},
      [AREA_OUTLINE_SOURCE]: {type: 'geojson', data: NO_OUTLINES},
      lad: {type: 'geojson', data: url('wm-lad.geojson')},
      wards: {type: 'geojson', data: url('wm-wards.geojson')},
      msoa: {type: 'geojson', data: url('wm-msoa11.geojson')},
      rail: {type: 'geojson', data: url('wm-basemap-rail-stations.geojson')},
    },
    layers: [
      {id: 'background', type: 'background', paint: {'background-color': '#e8ecef'}},
      {id: 'land', type: 'fill', source: 'county', paint: {'fill-color': '#fbfbf9'}},
      line('msoa-lines', 'msoa', '#e3e3de', 0.6, DETAIL_MIN_ZOOM + 1),
      line('ward-lines', 'wards', '#d4d4cc', 0.8, DETAIL_MIN_ZOOM - 1),
      line('lad-lines', 'lad', '#8d96a0', 1.2),
      line('county-line', 'county', '#5f6b78', 1.6),
      {
        id: 'rail',
        type: 'circle',
        source: 'rail',
        minzoom: DETAIL_MIN_ZOOM,
        paint: {
          'circle-radius': 3,
          'circle-color': '#ffffff',
          'circle-stroke-color': '#4a5560',
          'circle-stroke-width': 1.2,
        },
      },
      {
        id: AREA_OUTLINE_LAYER,
        type: 'line',
        source: AREA_OUTLINE_SOURCE,
        paint: {
          'line-color': AREA_OUTLINE_PAINT.colour,
          'line-opacity': AREA_OUTLINE_PAINT.opacity,
          'line-width': AREA_OUTLINE_PAINT.width,
        },
      },
    ],
  };
}
