import {cellToBoundary, cellToLatLng, latLngToCell} from 'h3-js';
import {describe, expect, test} from 'vitest';
import type {ExportMeta} from '../export/meta';
import {HEX_COVERAGE} from './hex-polygon';
import type {LayerInputs} from './layers';
import {geometryPath, mapSvg, type SvgView} from './map-svg';

const META: ExportMeta = {title: 'Hotspot map: test', lines: ['Period: 2024'], periodSlug: 'x'};
/** 1 px per 0.001 degree, (0, 0) at lon -2, lat 52.6 (north up). */
const VIEW: SvgView = {
  width: 400,
  height: 300,
  project: (lon, lat) => [(lon + 2) * 1000, (52.6 - lat) * 1000],
};
const INSIDE = latLngToCell(52.5, -1.8, 7);
const OUTSIDE = latLngToCell(51.5, -0.1, 7);

function inputs(over: Partial<LayerInputs> = {}): LayerInputs {
  return {
    hexes: [
      {cell: INSIDE, n: 100, topLoc: 'street', topShare: 0.5},
      {cell: OUTSIDE, n: 3, topLoc: 'home', topShare: 1},
    ],
    mode: 'count',
    breaks: [5, 50],
    selectedCells: [],
    premises: null,
    focusedPremises: null,
    focus: null,
    sites: null,
    areas: null,
    rateBreaks: null,
    labels: [],
    zoom: 9,
    ...over,
  };
}

const svgOf = (x: LayerInputs) =>
  mapSvg(x, VIEW, {land: [], lines: []}, [{title: 'Legend', items: []}], META);

describe('geometryPath', () => {
  test('projects a polygon and closes it; drops sub-pixel steps', () => {
    const ring = [
      [-1.9, 52.5],
      [-1.8, 52.5],
      [-1.8001, 52.5001],
      [-1.8, 52.4],
      [-1.9, 52.5],
    ];
    expect(geometryPath({type: 'Polygon', coordinates: [ring]}, VIEW)).toBe(
      'M100 100L200 100L200 200L100 100Z',
    );
  });

  test('leaves out shapes wholly outside the view, and points', () => {
    const far = [
      [5, 40],
      [6, 40],
      [6, 41],
    ];
    expect(geometryPath({type: 'Polygon', coordinates: [far]}, VIEW)).toBe('');
    expect(geometryPath({type: 'Point', coordinates: [-1.9, 52.5]}, VIEW)).toBe('');
    expect(
      geometryPath(
        {
          type: 'LineString',
          coordinates: [
            [-1.9, 52.5],
            [-1.8, 52.5],
          ],
        },
        VIEW,
      ),
    ).toBe('M100 100L200 100');
  });
});

describe('mapSvg', () => {
  test('draws the hexagons in view, coloured by class, and not those outside', () => {
    const svg = svgOf(inputs());
    const hexagons = svg.slice(svg.indexOf('<g class="hexagons"'));
    expect(hexagons.match(/<path /g)).toHaveLength(1);
    // Breaks are upper bounds: 100 falls in the last of two classes, COUNT_COLOURS[1], alpha 200/255.
    expect(hexagons).toContain('fill="rgb(254,217,118)" fill-opacity="0.784"');
    expect(svg).toContain('<title>Hotspot map: test</title>');
  });

  test('hexagons are shrunk to HEX_COVERAGE of their cell around its centre, as on screen', () => {
    const svg = svgOf(inputs({hexes: [{cell: INSIDE, n: 1, topLoc: 'street', topShare: 1}]}));
    const d = /<g class="hexagons"><path d="([^"]+)"/.exec(svg)![1];
    const drawn = d.match(/-?[\d.]+ -?[\d.]+/g)!.map((p) => p.split(' ').map(Number));
    const full = cellToBoundary(INSIDE).map(([lat, lon]) => VIEW.project(lon, lat));
    const [cx, cy] = ((c) => VIEW.project(c[1], c[0]))(cellToLatLng(INSIDE));
    expect(drawn).toHaveLength(full.length);
    drawn.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(cx + (full[i][0] - cx) * HEX_COVERAGE, 0);
      expect(y).toBeCloseTo(cy + (full[i][1] - cy) * HEX_COVERAGE, 0);
    });
  });

  test('hexagons fade under the rate choropleth, as on screen', () => {
    const area = {
      code: 'A',
      name: 'Area & co',
      n: 10,
      rate: 80,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-1.95, 52.55],
            [-1.7, 52.55],
            [-1.7, 52.4],
            [-1.95, 52.55],
          ],
        ],
      } as GeoJSON.Polygon,
    };
    const svg = svgOf(inputs({areas: [area], rateBreaks: [50, 100]}));
    expect(svg).toContain('<g class="area-rates"><path');
    // 200/255 x 0.35 ** (1 / 2.2): deck.gl gamma-corrects a layer's opacity.
    expect(svg).toContain('fill-opacity="0.487"');
    expect(svg).toContain('class="area-outlines"');
  });

  test('the selection, sites and labels are drawn; names are escaped', () => {
    const svg = svgOf(
      inputs({
        selectedCells: [INSIDE],
        sites: [{code: 'S', name: 'A & E <1>', lat: 52.5, lon: -1.9}],
        labels: [{name: 'Ward <x>', kind: 'area', position: [-1.85, 52.45]}],
      }),
    );
    expect(svg).toMatch(/<path class="selected-cells" d="M[^"]+Z"/);
    expect(svg).toContain('<g transform="translate(100,100)"><title>A &#38; E &#60;1&#62;</title>');
    expect(svg).toContain('<text x="150" y="150" font-size="14">Ward &#60;x&#62;</text>');
    expect(svg).not.toContain('<x>');
  });
});
