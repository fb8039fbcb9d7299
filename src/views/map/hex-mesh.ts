/**
 * The hexagons as deck.gl binary attributes: every cell's shape (hex-polygon.ts) in one flat
 * array, a colour per vertex, and the triangles already cut. Given rows, deck.gl's
 * SolidPolygonLayer calls an accessor per hexagon, copies its vertices and cuts each polygon into
 * triangles with earcut, projecting every vertex to do so: at 1,959 hexagons (zoom 12.5, 1M rows)
 * 25 ms of the main thread per update, the most of any JavaScript there. A hexagon is convex, so
 * a fan from its first vertex cuts it, and deck.gl takes the three arrays without cutting or
 * normalising them.
 */
import {hexPolygon} from './hex-polygon';

/** An RGBA colour, 0-255. */
export type Rgba = readonly [number, number, number, number];

/**
 * SolidPolygonLayer's `data` in binary form (see deck.gl's "Use binary attributes"). deck.gl
 * writes into it: it adds `attributes.vertexPositions`, the positions again (its tesselator's
 * `updateGeometry`, 9.4), so a mesh is for one layer.
 */
export interface HexMesh {
  length: number;
  /** Where each hexagon's vertices start, and (last) how many there are in all. */
  startIndices: Uint32Array;
  attributes: {
    /** Lon/lat of each vertex; each ring closed (its first vertex again at its end). */
    getPolygon: {value: Float64Array; size: 2};
    /** RGBA of each vertex: its hexagon's colour. */
    getFillColor: {value: Uint8Array; size: 4; normalized: true};
    /**
     * The triangles, three vertex indices each. Not in deck.gl's documentation, but its
     * polygon tesselator (9.4) takes `data.attributes.indices` in place of cutting the polygons
     * itself when `_normalize` is false; the map's browser tests check the hexagons' pixels.
     */
    indices: Uint32Array;
  };
}

/** The mesh of `cells`, each coloured by `colour(i)`. */
export function hexMesh(cells: readonly string[], colour: (i: number) => Rgba): HexMesh {
  const rings = cells.map(hexPolygon);
  const startIndices = new Uint32Array(cells.length + 1);
  let vertices = 0;
  let triangles = 0;
  rings.forEach((ring, i) => {
    startIndices[i] = vertices;
    const n = ring.length / 2;
    vertices += n;
    // A closed ring of n vertices has n - 1 corners and n - 3 triangles.
    triangles += Math.max(0, n - 3);
  });
  startIndices[cells.length] = vertices;

  const positions = new Float64Array(vertices * 2);
  const colours = new Uint8Array(vertices * 4);
  const indices = new Uint32Array(triangles * 3);
  let t = 0;
  rings.forEach((ring, i) => {
    const start = startIndices[i];
    positions.set(ring, start * 2);
    const c = colour(i);
    const n = ring.length / 2;
    for (let v = start; v < start + n; v++) colours.set(c, v * 4);
    // A fan from the first corner keeps the ring's counter-clockwise winding.
    for (let k = 1; k < n - 2; k++) {
      indices[t++] = start;
      indices[t++] = start + k;
      indices[t++] = start + k + 1;
    }
  });
  return {
    length: cells.length,
    startIndices,
    attributes: {
      getPolygon: {value: positions, size: 2},
      getFillColor: {value: colours, size: 4, normalized: true},
      indices,
    },
  };
}
