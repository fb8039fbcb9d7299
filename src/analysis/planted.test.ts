import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {DuckDBInstance, type DuckDBConnection} from '@duckdb/node-api';
import {cellToParent, gridDisk, latLngToCell} from 'h3-js';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {emergingHotSpots} from './emerging';
import {giBins, giStar} from './gi-star';
import {countsAtResolution, fillStudyArea, h3Neighbours, studyArea} from './h3-neighbours';

const DATA_DIR = fileURLToPath(new URL('../../data/west-midlands/', import.meta.url));
const INCIDENTS = `read_parquet('${DATA_DIR}incidents-*.parquet')`;
const RESOLUTION = 8;
const AFTER = {from: '2024-09-01', to: '2025-12-31'};
const BEFORE = {from: '2021-01-01', to: '2023-12-31'};
const YEARS = [2021, 2022, 2023, 2024, 2025];
const SLICINGS: Record<string, [string, string][]> = {
  yearly: YEARS.map((y) => [`${y}-01-01`, `${y}-12-31`]),
  'half-yearly': YEARS.flatMap((y): [string, string][] => [
    [`${y}-01-01`, `${y}-06-30`],
    [`${y}-07-01`, `${y}-12-31`],
  ]),
};
const RANDOM_MEAN = 4;
const RANDOM_RADIUS = 10;
const PERFORMANCE_RADIUS = 81;

interface Truth {
  problem_premises: {premises_id: string; name: string; pattern: string}[];
  hotspots: {id: string; h3: string; period: {start: string}}[];
}

interface StudyArea {
  cells: string[];
  neighbours: number[][];
}

const truth = JSON.parse(readFileSync(`${DATA_DIR}truth.json`, 'utf8')) as Truth;
let conn: DuckDBConnection;
let area: StudyArea;

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  const all = await cellCounts('TRUE');
  const cells = studyArea(all.keys(), RESOLUTION);
  area = {cells, neighbours: h3Neighbours(cells)};
});

afterAll(() => conn?.closeSync());

async function cellCounts(where: string): Promise<Map<string, number>> {
  const reader = await conn.runAndReadAll(
    `SELECT h3, sum(n) AS n FROM ${INCIDENTS} WHERE h3 IS NOT NULL AND ${where} GROUP BY h3`,
  );
  const rows = reader.getRowObjectsJS() as {h3: string; n: bigint}[];
  return countsAtResolution(
    rows.map((r) => [r.h3, Number(r.n)] as const),
    RESOLUTION,
  );
}

async function streetValues(from: string, to: string): Promise<Float64Array> {
  return values(`location_type = 'street' AND date BETWEEN DATE '${from}' AND DATE '${to}'`);
}

async function values(where: string): Promise<Float64Array> {
  return fillStudyArea(area.cells, await cellCounts(where));
}

async function premisesCells(): Promise<Map<string, string>> {
  const reader = await conn.runAndReadAll(
    `SELECT premises_id, any_value(h3) AS h3 FROM ${INCIDENTS}
     WHERE premises_id IS NOT NULL AND h3 IS NOT NULL GROUP BY premises_id`,
  );
  const rows = reader.getRowObjectsJS() as {premises_id: string; h3: string}[];
  return new Map(rows.map((r) => [r.premises_id, r.h3]));
}

function tally(categories: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of categories) counts[c] = (counts[c] ?? 0) + 1;
  return counts;
}

function hotspotIndex(h3: string): number {
  return area.cells.indexOf(cellToParent(h3, RESOLUTION));
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let product = random(); product > limit; product *= random()) k++;
  return k;
}

describe('planted hotspots in the West Midlands data', () => {
  it('covers the planted cells with the study area', () => {
    for (const h of truth.hotspots) expect(hotspotIndex(h.h3), h.id).toBeGreaterThanOrEqual(0);
  });

  it.each(truth.hotspots.map((h) => [h.id, h] as const))(
    'marks %s hot at 95% or more after its start, and not before',
    async (id, h) => {
      const i = hotspotIndex(h.h3);
      const after = giStar(await streetValues(AFTER.from, AFTER.to), area.neighbours);
      const afterBins = giBins(after.z, after.p, {fdr: true});
      const before = giStar(await streetValues(BEFORE.from, BEFORE.to), area.neighbours);
      const beforeBins = giBins(before.z, before.p, {fdr: true});
      console.log(
        `${id}: res-8 ${area.cells[i]} of ${area.cells.length} cells;`,
        `after z = ${after.z[i].toFixed(2)}, p = ${after.p[i].toExponential(2)}, bin ${afterBins[i]};`,
        `before z = ${before.z[i].toFixed(2)}, bin ${beforeBins[i]}`,
      );
      expect(afterBins[i]).toBeGreaterThanOrEqual(2);
      expect(beforeBins[i]).toBeLessThan(1);
    },
  );

  it.each(
    Object.keys(SLICINGS).flatMap((slicing) =>
      truth.hotspots.map((h) => [h.id, slicing, h] as const),
    ),
  )('classifies %s as a recent hot spot over %s street slices', async (id, slicing, h) => {
    const i = hotspotIndex(h.h3);
    const slices = await Promise.all(SLICINGS[slicing].map(([from, to]) => streetValues(from, to)));
    const r = emergingHotSpots(slices, area.neighbours);
    console.log(
      `${id} (${slicing}): ${r.category[i]}, hot in ${r.hotSlices[i]} of ${slices.length},`,
      `trend z = ${r.trend[i].z.toFixed(2)}; all cells:`,
      tally(r.category),
    );
    expect(['new', 'consecutive']).toContain(r.category[i]);
  });

  it('classifies the cells of persistent problem premises as persistent hot spots', async () => {
    const cells = await premisesCells();
    const slices = await Promise.all(
      SLICINGS.yearly.map(([from, to]) => values(`date BETWEEN DATE '${from}' AND DATE '${to}'`)),
    );
    const r = emergingHotSpots(slices, area.neighbours);
    for (const p of truth.problem_premises) {
      const i = hotspotIndex(cells.get(p.premises_id)!);
      console.log(
        `${p.name} (${p.pattern}): ${r.category[i]}, trend z = ${r.trend[i].z.toFixed(2)}`,
      );
      if (p.pattern === 'persistent') expect(r.category[i], p.name).toBe('persistent');
    }
  });
});

describe('spatially random counts', () => {
  const origin = latLngToCell(52.4797, -1.9026, RESOLUTION);
  const cells = gridDisk(origin, RANDOM_RADIUS);
  const neighbours = h3Neighbours(cells);

  function randomBins(seed: number, fdr: boolean): Int8Array {
    const random = mulberry32(seed);
    const values = cells.map(() => poisson(random, RANDOM_MEAN));
    const {z, p} = giStar(values, neighbours);
    return giBins(z, p, {fdr});
  }

  it.each([1, 2, 3, 4, 5])('finds no significant cell after FDR (seed %i)', (seed) => {
    expect(randomBins(seed, true).every((b) => b === 0)).toBe(true);
  });

  it('finds no more significant cells with FDR than without', () => {
    let withFdr = 0;
    let without = 0;
    for (let seed = 1; seed <= 20; seed++) {
      withFdr += randomBins(seed, true).filter((b) => b !== 0).length;
      without += randomBins(seed, false).filter((b) => b !== 0).length;
    }
    console.log(
      `random Poisson(${RANDOM_MEAN}) on ${cells.length} cells x 20 seeds:`,
      `${without} significant at 90% without FDR, ${withFdr} with FDR`,
    );
    expect(withFdr).toBeLessThanOrEqual(without);
    expect(without).toBeGreaterThan(0);
  });
});

describe('performance', () => {
  it('computes Gi* on about 20,000 cells', () => {
    const cells = gridDisk(latLngToCell(52.4797, -1.9026, RESOLUTION), PERFORMANCE_RADIUS);
    const random = mulberry32(7);
    const values = cells.map(() => poisson(random, RANDOM_MEAN));
    const t0 = performance.now();
    const neighbours = h3Neighbours(cells);
    const t1 = performance.now();
    const {z, p} = giStar(values, neighbours);
    giBins(z, p, {fdr: true});
    const t2 = performance.now();
    console.log(
      `${cells.length} cells: neighbours ${(t1 - t0).toFixed(0)} ms,`,
      `Gi* + FDR bins ${(t2 - t1).toFixed(0)} ms`,
    );
    expect(z).toHaveLength(cells.length);
  });
});
