import {resolve} from 'node:path';
import {getPentagons, latLngToCell} from 'h3-js';
import {expect, test} from 'vitest';
import {hexMesh} from './hex-mesh';
import {hexPolygon} from './hex-polygon';

const HEXAGON = '871f1d489ffffff';
const OTHER = latLngToCell(52.41, -1.51, 7);
const PENTAGON = getPentagons(7)[0];

/** Twice the signed area of triangle (a, b, c) of `positions` (positive: counter-clockwise). */
function signedArea(positions: Float64Array, [a, b, c]: number[]): number {
  const [ax, ay, bx, by, cx, cy] = [a, b, c].flatMap((v) => [
    positions[2 * v],
    positions[2 * v + 1],
  ]);
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Twice the area of a closed ring. */
function ringArea(ring: Float64Array): number {
  let sum = 0;
  for (let i = 0; i + 3 < ring.length; i += 2)
    sum += ring[i] * ring[i + 3] - ring[i + 2] * ring[i + 1];
  return sum;
}

test("each cell's shape, its colour on every vertex, and where it starts", () => {
  const colours = [
    [1, 2, 3, 4],
    [250, 251, 252, 253],
  ] as const;
  const mesh = hexMesh([HEXAGON, OTHER], (i) => colours[i]);
  const rings = [hexPolygon(HEXAGON), hexPolygon(OTHER)];
  expect(mesh.length).toBe(2);
  // A hexagon's closed ring: 7 vertices.
  expect([...mesh.startIndices]).toEqual([0, 7, 14]);
  const {getPolygon, getFillColor} = mesh.attributes;
  expect(getPolygon.size).toBe(2);
  expect(getPolygon.value.subarray(0, 14)).toEqual(rings[0]);
  expect(getPolygon.value.subarray(14)).toEqual(rings[1]);
  expect(getFillColor.value.length).toBe(14 * 4);
  for (let v = 0; v < 14; v++) {
    expect([...getFillColor.value.subarray(v * 4, v * 4 + 4)]).toEqual(colours[v < 7 ? 0 : 1]);
  }
});

test('the triangles cover each hexagon once, counter-clockwise, within its own vertices', () => {
  const mesh = hexMesh([HEXAGON, PENTAGON, OTHER], () => [0, 0, 0, 255]);
  const {indices, getPolygon} = mesh.attributes;
  const positions = getPolygon.value;
  // A ring of n corners is cut into n - 2 triangles: 4 for a hexagon.
  const corners = [HEXAGON, PENTAGON, OTHER].map((c) => hexPolygon(c).length / 2 - 1);
  expect(corners[0]).toBe(6);
  expect(indices.length).toBe(corners.reduce((s, n) => s + (n - 2) * 3, 0));
  let t = 0;
  [HEXAGON, PENTAGON, OTHER].forEach((cell, i) => {
    const [start, end] = [mesh.startIndices[i], mesh.startIndices[i + 1]];
    const corners = end - start - 1;
    let area = 0;
    for (let k = 0; k < corners - 2; k++, t += 3) {
      const triangle = [...indices.subarray(t, t + 3)];
      for (const v of triangle) expect(v >= start && v < end - 1).toBe(true);
      const a = signedArea(positions, triangle);
      expect(a).toBeGreaterThan(0);
      area += a;
    }
    // Together they make the ring's area: no overlap, no gap.
    expect(area).toBeCloseTo(ringArea(hexPolygon(cell)), 12);
  });
  expect(t).toBe(indices.length);
});

test('no cells: an empty mesh', () => {
  const mesh = hexMesh([], () => [0, 0, 0, 0]);
  expect(mesh.length).toBe(0);
  expect([...mesh.startIndices]).toEqual([0]);
  expect(mesh.attributes.indices.length).toBe(0);
  expect(mesh.attributes.getPolygon.value.length).toBe(0);
});

/** deck.gl's own polygon tesselator (9.4), not exported: the part of SolidPolygonLayer that reads the mesh. */
interface Tesselator {
  updateGeometry(opts: object): void;
  vertexCount: number;
  instanceCount: number;
  vertexStarts: Iterable<number>;
}

test('deck.gl takes the mesh as it is: its triangles, vertices and starts, none cut again', async () => {
  // From this file, not the working directory, so the test runs from anywhere.
  const file = resolve(
    import.meta.dirname,
    '../../../node_modules/@deck.gl/layers/dist/solid-polygon-layer/polygon-tesselator.js',
  );
  const {default: PolygonTesselator} = (await import(/* @vite-ignore */ file)) as {
    default: new (opts: object) => Tesselator;
  };
  const mesh = hexMesh([HEXAGON, PENTAGON, OTHER], () => [9, 9, 9, 255]);
  const tesselator = new PolygonTesselator({fp64: false, IndexType: Uint32Array});
  // As SolidPolygonLayer calls it (its updateGeometry) with the map's props.
  expect(() =>
    tesselator.updateGeometry({
      data: mesh,
      normalize: false,
      geometryBuffer: mesh.attributes.getPolygon,
      buffers: mesh.attributes,
      positionFormat: 'XY',
      dataChanged: true,
    }),
  ).not.toThrow();
  expect(tesselator.vertexCount).toBe(mesh.attributes.indices.length);
  expect(tesselator.instanceCount).toBe(mesh.startIndices.at(-1));
  expect([...tesselator.vertexStarts]).toEqual([...mesh.startIndices]);
});
