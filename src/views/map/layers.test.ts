import type {Layer} from '@deck.gl/core';
import {SolidPolygonLayer} from '@deck.gl/layers';
import {expect, test} from 'vitest';
import {AREA_OUTLINE_LAYER, RATE_COLOURS, rateColour} from './constants';
import type {HexMesh} from './hex-mesh';
import {hexPolygon} from './hex-polygon';
import {
  areaFill,
  buildScene,
  type AreaDatum,
  type AreaFeature,
  type HexDatum,
  type LayerInputs,
} from './layers';

const buildLayers = (x: LayerInputs) => buildScene(x).layers;

const square = (x: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 52],
      [x + 0.1, 52],
      [x + 0.1, 52.1],
      [x, 52.1],
      [x, 52],
    ],
  ],
});
const SHAPES = [square(-2), square(-1.8)];
const areas = (a: number, b: number): AreaDatum[] => [
  {code: 'E1', name: 'North', n: a, rate: a / 10, geometry: SHAPES[0]},
  {code: 'E2', name: 'South', n: b, rate: b / 10, geometry: SHAPES[1]},
];
const inputs = (x: Partial<LayerInputs>): LayerInputs => ({
  hexes: [],
  mode: 'count',
  breaks: [1, 2, 3],
  selectedCells: [],
  premises: null,
  focusedPremises: null,
  focus: null,
  sites: null,
  areas: null,
  rateBreaks: null,
  labels: [],
  zoom: 9,
  ...x,
});
/** Inputs that draw every kind of layer but the focus ring. */
const everyLayer = () =>
  inputs({
    hexes: [{cell: '871f1d489ffffff', n: 3, topLoc: 'street', topShare: 1}],
    premises: [{id: 'P1', name: 'Bar', type: null, lat: 52.48, lon: -1.9, n: 4}],
    sites: [{code: 'S1', name: 'Hospital', lat: 52.47, lon: -1.93}],
    areas: areas(1, 2),
    rateBreaks: [1],
  });
const layer = (layers: Layer[], id: string) => layers.find((l) => l.id === id)!;
type Fill = (f: AreaFeature) => number[];

test('new counts keep the areas shapes, so deck.gl does not tessellate them again', () => {
  const sceneBefore = buildScene(inputs({areas: areas(100, 300), rateBreaks: [15, 50]}));
  const sceneAfter = buildScene(inputs({areas: areas(400, 50), rateBreaks: [15, 50]}));
  const [before, after] = [sceneBefore.layers, sceneAfter.layers];
  expect(layer(after, 'areas').props.data).toBe(layer(before, 'areas').props.data);
  // The same outlines too: MapLibre is not given them again.
  expect(sceneAfter.outlines).toBe(sceneBefore.outlines);
  expect(sceneAfter.outlines!.features).toBe(layer(after, 'areas').props.data);
  // The fill follows the new counts: North is now above the break, South below.
  const features = layer(after, 'areas').props.data as AreaFeature[];
  const fillOf = (l: Layer) => (l.props as unknown as {getFillColor: Fill}).getFillColor;
  const fill = fillOf(layer(after, 'areas'));
  const beforeFill = fillOf(layer(before, 'areas'));
  expect(fill(features[0])).toEqual(beforeFill(features[1]));
  expect(fill(features[1])).toEqual(beforeFill(features[0]));
  expect(fill(features[0])).not.toEqual(fill(features[1]));
  // Its update trigger changes with the counts, so deck.gl recolours.
  const triggers = (l: Layer) => (l.props.updateTriggers as {getFillColor: unknown[]}).getFillColor;
  expect(triggers(layer(after, 'areas'))).not.toEqual(triggers(layer(before, 'areas')));
});

test('other shapes (another dataset) get new features', () => {
  const a = buildLayers(inputs({areas: areas(1, 2), rateBreaks: [1]}));
  const other = areas(1, 2).map((d) => ({...d, geometry: square(3)}));
  const b = buildLayers(inputs({areas: other, rateBreaks: [1]}));
  expect(layer(b, 'areas').props.data).not.toBe(layer(a, 'areas').props.data);
  const features = layer(b, 'areas').props.data as AreaFeature[];
  expect(features.map((f) => f.properties.index)).toEqual([0, 1]);
  expect(features[0].geometry).toBe(other[0].geometry);
});

test('no layer is pickable: deck.gl never draws a picking pass (see pick.ts)', () => {
  const all = buildLayers(everyLayer());
  expect(all.map((l) => l.id)).toEqual(
    expect.arrayContaining(['areas', 'hexagons', 'premises', 'sites']),
  );
  expect(all.filter((l) => l.props.pickable).map((l) => l.id)).toEqual([]);
  // pick.ts takes them in the reverse of this order, the topmost first.
  const kinds = ['areas', 'hexagons', 'premises', 'sites'];
  expect(all.map((l) => l.id).filter((id) => kinds.includes(id))).toEqual(kinds);
  // The premises' outline stays 1 px, the margin pick.ts allows around each disc.
  const premises = layer(all, 'premises').props as unknown as Record<string, unknown>;
  expect([premises.lineWidthUnits, premises.getLineWidth]).toEqual(['pixels', 1]);
});

test('without rates the areas are outlines only: no fill layer to tessellate', () => {
  const scene = buildScene(inputs({areas: areas(1, 2)}));
  expect(scene.outlines!.features.map((f) => f.geometry)).toEqual(SHAPES);
  const ids = scene.layers.map((l) => l.id);
  expect(ids).not.toContain('areas');
  expect(buildScene(inputs({areas: null})).outlines).toBeNull();
  const withRates = buildLayers(inputs({areas: areas(1, 2), rateBreaks: [1]})).map((l) => l.id);
  expect(withRates.indexOf('areas')).toBeLessThan(withRates.indexOf('hexagons'));
});

test('areas that share a code keep their own rates', () => {
  const twins = areas(100, 400).map((a) => ({...a, code: 'E1'}));
  const built = buildLayers(inputs({areas: twins, rateBreaks: [15, 50]}));
  const features = layer(built, 'areas').props.data as AreaFeature[];
  const fill = (layer(built, 'areas').props as unknown as {getFillColor: Fill}).getFillColor;
  expect(fill(features[0])).not.toEqual(fill(features[1]));
});

test('an area is filled with the colour its legend row shows, however few the classes', () => {
  // Two rate classes (the quantiles of two areas): the legend's rows are the scale's last two.
  const breaks = [5, 10];
  expect(areaFill(4, breaks).slice(0, 3)).toEqual(rateColour(0, 2));
  expect(areaFill(9, breaks).slice(0, 3)).toEqual(rateColour(1, 2));
  expect(rateColour(0, 2)).toEqual(RATE_COLOURS[3]);
  expect(rateColour(1, 2)).toEqual(RATE_COLOURS[4]);
  expect(rateColour(0, 5)).toEqual(RATE_COLOURS[0]);
  expect(areaFill(null, breaks)[3]).toBe(0);
  // An area with no attendances is in no class: not the darkest of a short scale.
  expect(areaFill(0, breaks)[3]).toBe(0);
});

test('the areas and hexagons go under the outlines, as triangles; the rest over them', () => {
  const all = buildLayers(everyLayer());
  const under = (l: Layer) => (l.props as {beforeId?: string}).beforeId === AREA_OUTLINE_LAYER;
  expect(all.filter(under).map((l) => l.id)).toEqual(['areas', 'hexagons']);
  // Under them, in the stack pick.ts and the SVG export follow.
  expect(all.findIndex((l) => !under(l))).toBe(2);
  // The hexagons are plain triangles, not instances (see the comment in buildScene): each is
  // its cell's shrunk hexagon, handed over as binary attributes.
  const hexagons = layer(all, 'hexagons') as SolidPolygonLayer;
  expect(hexagons).toBeInstanceOf(SolidPolygonLayer);
  const mesh = hexagons.props.data as unknown as HexMesh;
  const first = hexPolygon('871f1d489ffffff');
  expect(mesh.attributes.getPolygon.value.subarray(0, first.length)).toEqual(first);
  expect(mesh.length).toBe(everyLayer().hexes.length);
  expect(hexagons.props._normalize).toBe(false);
});

test("the hexagons' mesh is kept while the hexagons and their colours are, and recoloured after", () => {
  const hexes: HexDatum[] = [
    {cell: '871f1d489ffffff', n: 1, topLoc: 'street', topShare: 1},
    {cell: '871f1d48affffff', n: 9, topLoc: 'street', topShare: 1},
  ];
  const meshOf = (x: Partial<LayerInputs>) =>
    layer(buildLayers(inputs({hexes, ...x})), 'hexagons').props.data as unknown as HexMesh;
  const first = meshOf({breaks: [5, 10]});
  // Another render with the same answer: the same object, so deck.gl takes nothing again.
  expect(meshOf({breaks: [5, 10]})).toBe(first);
  const colourOf = (mesh: HexMesh, i: number) => {
    const v = mesh.startIndices[i] * 4;
    return [...mesh.attributes.getFillColor.value.subarray(v, v + 4)];
  };
  expect(colourOf(first, 0)).not.toEqual(colourOf(first, 1));
  // New breaks put both hexagons in the first class: one colour.
  const recoloured = meshOf({breaks: [50, 100]});
  expect(recoloured).not.toBe(first);
  expect(colourOf(recoloured, 1)).toEqual(colourOf(recoloured, 0));
  expect(recoloured.attributes.getPolygon.value).toEqual(first.attributes.getPolygon.value);
});

test('with no cells selected the selection layer draws one transparent outline; with cells, theirs', () => {
  type Props = {data: string[]; getLineColor: number[]; updateTriggers: {getLineColor: unknown[]}};
  const props = (cells: string[]) =>
    layer(buildLayers(inputs({selectedCells: cells})), 'selected-cells').props as unknown as Props;
  // An empty layer draws nothing, and SwiftShader would build its pipeline on the first click.
  const none = props([]);
  expect(none.data).toHaveLength(1);
  expect(none.getLineColor[3]).toBe(0);
  const some = props(['871f1d489ffffff']);
  expect(some.data).toEqual(['871f1d489ffffff']);
  expect(some.getLineColor[3]).toBe(255);
  expect(some.updateTriggers.getLineColor).not.toEqual(none.updateTriggers.getLineColor);
});

test('with the premises hidden their layer draws one transparent point; shown, the premises', () => {
  type Props = {data: unknown[]; getFillColor: unknown; getLineColor: number[]};
  const premises = (x: Partial<LayerInputs>) =>
    layer(buildLayers(inputs(x)), 'premises').props as unknown as Props;
  // Its pipeline is built during the load, not when Premises is first ticked.
  const hidden = premises({});
  expect(hidden.data).toHaveLength(1);
  expect(hidden.getFillColor).toEqual([0, 0, 0, 0]);
  expect(hidden.getLineColor[3]).toBe(0);
  const shown = premises({premises: everyLayer().premises});
  expect(shown.data).toEqual(everyLayer().premises);
  expect(typeof shown.getFillColor).toBe('function');
});
