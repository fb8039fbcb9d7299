/** Turn hexagon query rows into map data: counts, Gi* classes or emerging hot spot categories. */
import {emergingHotSpots} from '../../analysis/emerging';
import {giBins, giStar} from '../../analysis/gi-star';
import {h3Neighbours} from '../../analysis/h3-neighbours';
import type {Row} from '../../data/connector';
import type {HexDatum, MapMode} from './layers';

/** Neighbours for Gi*: the cell and its first ring (7 cells at most). */
export const GI_RING_K = 1;

/** Hexagon data for the layers, with the analysis of the mode applied. */
export interface HexAnalysis {
  hexes: HexDatum[];
  /** Cells in the study area (every cell with any attendance in the dataset at this resolution). */
  studyCells: number;
  /** Significant hot and cold cells, or emerging categories found. */
  summary: Record<string, number>;
}

/** Counts per cell, keyed by cell. */
function countsByCell(rows: readonly Row[]): Map<string, Row> {
  return new Map(rows.map((r) => [String(r.cell), r]));
}

/** Build hexagon data; `study` and `slices` are needed in the analysis modes. */
export function analyseHexes(
  mode: MapMode,
  rows: readonly Row[],
  study: readonly string[] | null,
  slices: readonly Row[] | null,
): HexAnalysis {
  const byCell = countsByCell(rows);
  const datum = (cell: string, r: Row | undefined): HexDatum => ({
    cell,
    n: r ? Number(r.n) : 0,
    topLoc: r ? String(r.top_loc) : '',
    topShare: r ? Number(r.top_share) : 0,
  });
  if (mode === 'count' || !study) {
    return {hexes: rows.map((r) => datum(String(r.cell), r)), studyCells: 0, summary: {}};
  }
  const neighbours = h3Neighbours(study, GI_RING_K);
  if (mode === 'hotspot') {
    const values = study.map((c) => Number(byCell.get(c)?.n ?? 0));
    const {z, p} = giStar(values, neighbours);
    const bins = giBins(z, p, {fdr: true});
    const summary: Record<string, number> = {};
    const hexes = study.map((cell, i) => {
      summary[bins[i]] = (summary[bins[i]] ?? 0) + 1;
      return {...datum(cell, byCell.get(cell)), bin: bins[i], z: z[i], p: p[i]};
    });
    return {hexes: hexes.filter((h) => h.n > 0 || h.bin !== 0), studyCells: study.length, summary};
  }
  const index = new Map(study.map((c, i) => [c, i]));
  const sliceKeys = [...new Set((slices ?? []).map((r) => String(r.slice)))].sort();
  const series = sliceKeys.map(() => new Float64Array(study.length));
  const sliceIndex = new Map(sliceKeys.map((k, i) => [k, i]));
  for (const r of slices ?? []) {
    const i = index.get(String(r.cell));
    if (i !== undefined) series[sliceIndex.get(String(r.slice))!][i] = Number(r.n);
  }
  if (series.length < 2)
    return {
      hexes: rows.map((r) => datum(String(r.cell), r)),
      studyCells: study.length,
      summary: {},
    };
  const result = emergingHotSpots(series, neighbours, {fdr: true, alpha: 0.1});
  const summary: Record<string, number> = {};
  const hexes = study.map((cell, i) => {
    const category = result.category[i];
    summary[category] = (summary[category] ?? 0) + 1;
    return {...datum(cell, byCell.get(cell)), category};
  });
  return {
    hexes: hexes.filter((h) => h.n > 0 || h.category !== 'none'),
    studyCells: study.length,
    summary,
  };
}
