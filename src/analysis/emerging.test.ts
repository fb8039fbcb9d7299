import {gridDisk, gridDistance, latLngToCell} from 'h3-js';
import {describe, expect, it} from 'vitest';
import {
  classifyHistory,
  EMERGING_CATEGORIES,
  emergingHotSpots,
  type EmergingCategory,
} from './emerging';
import {h3Neighbours} from './h3-neighbours';

const BACKGROUND_RADIUS = 8;
const CLUSTER_DISTANCE = 5;

/** 'H' hot, 'C' cold, '.' neither, oldest slice first. */
function flags(history: string): {hot: boolean[]; cold: boolean[]} {
  return {hot: [...history].map((c) => c === 'H'), cold: [...history].map((c) => c === 'C')};
}

/** A disk of res-8 cells with three cluster centres 5 rings out and far apart from each other. */
function createArea(): {cells: string[]; neighbours: number[][]; centres: number[]; far: number} {
  const origin = latLngToCell(52.4797, -1.9026, 8);
  const cells = gridDisk(origin, BACKGROUND_RADIUS);
  const ring = cells.filter((c) => gridDistance(origin, c) === CLUSTER_DISTANCE);
  const centres = [ring[0], ring[10], ring[20]].map((c) => cells.indexOf(c));
  return {cells, neighbours: h3Neighbours(cells), centres, far: cells.indexOf(origin)};
}

/** Slices of a varied background with clusters (centre and ring) set to a value per slice. */
function createSlices(
  area: ReturnType<typeof createArea>,
  clusters: {centre: number; values: number[]}[],
  slices: number,
): Float64Array[] {
  return Array.from({length: slices}, (_, t) => {
    const values = Float64Array.from(area.cells, (_c, i) => 10 + ((i * 7) % 5));
    for (const {centre, values: v} of clusters) {
      if (v[t] === 0) continue;
      for (const j of [centre, ...area.neighbours[centre]]) values[j] = v[t];
    }
    return values;
  });
}

describe('classifyHistory', () => {
  it.each<[string, number, EmergingCategory]>([
    ['.........H', 0, 'new'],
    ['.......HHH', 0, 'consecutive'],
    ['.....C..HH', 0, 'consecutive'],
    ['HHHHHHHHHH', 1, 'intensifying'],
    ['HHHHHHHHHH', 0, 'persistent'],
    ['.HHHHHHHHH', 0, 'persistent'],
    ['HHHHHHHHHH', -1, 'diminishing'],
    ['..H..H.HHH', 0, 'sporadic'],
    ['H........H', 1, 'sporadic'],
    ['C....H..HH', 0, 'oscillating'],
    ['HHHHHHHHH.', 0, 'historical'],
    ['HHHH.', 0, 'historical'],
    ['HHHHHHHH..', 0, 'none'],
    ['H.........', 0, 'none'],
    ['..........', 0, 'none'],
    ['', 0, 'none'],
    ['.........C', 0, 'new-cold'],
    ['CCCCCCCCCC', -1, 'intensifying-cold'],
    ['CCCCCCCCCC', 1, 'diminishing-cold'],
    ['H..C.C...C', 0, 'oscillating-cold'],
    ['CCCCCCCCC.', 0, 'historical-cold'],
  ])('classifies %s with trend %i as %s', (history, trend, expected) => {
    const {hot, cold} = flags(history);
    expect(classifyHistory(hot, cold, trend)).toBe(expected);
  });
});

describe('emergingHotSpots', () => {
  it('finds new, consecutive and historical clusters and nothing far from them', () => {
    const area = createArea();
    const [a, b, c] = area.centres;
    const slices = createSlices(
      area,
      [
        {centre: a, values: [0, 0, 0, 0, 0, 40]},
        {centre: b, values: [0, 0, 0, 40, 40, 40]},
        {centre: c, values: [40, 40, 40, 40, 40, 0]},
      ],
      6,
    );
    const r = emergingHotSpots(slices, area.neighbours);
    expect([a, b, c, area.far].map((i) => r.category[i])).toEqual([
      'new',
      'consecutive',
      'historical',
      'none',
    ]);
    expect([a, b, c, area.far].map((i) => r.hotSlices[i])).toEqual([1, 3, 5, 0]);
  });

  it.each<[string, number[], EmergingCategory]>([
    ['rising', [30, 40, 50, 60, 70, 80], 'intensifying'],
    ['steady', [50, 50, 50, 50, 50, 50], 'persistent'],
    ['falling', [80, 70, 60, 50, 40, 30], 'diminishing'],
  ])('calls a cluster hot in every slice and %s %s', (_name, values, expected) => {
    const area = createArea();
    const centre = area.centres[0];
    const r = emergingHotSpots(createSlices(area, [{centre, values}], 6), area.neighbours);
    expect(r.category[centre]).toBe(expected);
    expect(r.hotSlices[centre]).toBe(6);
  });

  it('keeps a steady cluster persistent when a new one appears, unless slices stand alone', () => {
    const area = createArea();
    const [a, b] = area.centres;
    const clusters = [
      {centre: a, values: [50, 50, 50, 50, 50, 50]},
      {centre: b, values: [0, 0, 0, 50, 50, 50]},
    ];
    const slices = createSlices(area, clusters, 6);
    expect(emergingHotSpots(slices, area.neighbours).category[a]).toBe('persistent');
    // Per-slice standardisation: a's z-scores drop when b raises the slice's spread (S = −9).
    const perSlice = emergingHotSpots(slices, area.neighbours, {standardise: 'slice'});
    expect(perSlice.category[a]).toBe('diminishing');
    expect(perSlice.category[b]).toBe('consecutive');
  });

  it('rejects a slice of the wrong length', () => {
    expect(() =>
      emergingHotSpots(
        [
          [1, 2, 3],
          [1, 2],
        ],
        [[1], [0, 2], [1]],
      ),
    ).toThrow(/slice 1/);
  });
});

describe('EMERGING_CATEGORIES', () => {
  it('lists 17 distinct categories, each with a one-sentence explanation', () => {
    const ids = EMERGING_CATEGORIES.map((c) => c.id);
    expect(new Set(ids).size).toBe(17);
    for (const c of EMERGING_CATEGORIES) expect(c.explanation).toMatch(/^[A-Z][^.]*\.$/);
  });
});
