/** The map's queries: hexagons under the filters, and what the analysis modes need. */
import {useMemo} from 'react';
import type {Dataset} from '../../data/load-dataset';
import type {Row} from '../../data/connector';
import {addDays, addMonths, coveredPeriod, daysInRange} from '../../data/period';
import {hexQuery, hexSlicesQuery, studyAreaQuery, type SliceUnit} from '../../data/sql/hotspots';
import {hexCubeSpec} from '../../data/sql/brush-cube';
import {H3_RESOLUTION} from '../../data/sql/h3';
import {useQuery} from '../../data/useQuery';
import {useBrushCube} from '../../state/useBrushCube';
import type {Filters} from '../../state/filters';
import {analyseHexes, type HexAnalysis} from './analysis';
import type {HexDatum, MapMode} from './layers';

/** No hexagons yet: one array, so the layers and memos that depend on it do not rerun. */
const NO_HEXES: HexDatum[] = [];

/**
 * Time slices for emerging hot spots. ArcGIS advises at least 10 slices, and the "almost always
 * hot" patterns need 90% of them: quarters from three years up (12+ slices), months below.
 */
export function sliceUnitFor(from: string, to: string): SliceUnit {
  return daysInRange(from, to) >= 3 * 365 ? 'quarter' : 'month';
}

/** Inputs of useHexData. */
export interface HexDataParams {
  dataset: Dataset;
  generation: number;
  resolution: number;
  mode: MapMode;
  where: string;
  /** `where` but its dates: the predicate of the date brush's cube (see brush-cube.ts). */
  cubeWhere: string;
  filters: Filters;
}

/** Query and analyse the hexagons; `pending` while any query is in flight. */
export function useHexData(
  p: HexDataParams,
): HexAnalysis & {pending: boolean; error: string | null; unit: SliceUnit} {
  const {resolution, mode, where, generation} = p;
  const {from, to} = coveredPeriod(p.filters.dates, p.dataset.period);
  const unit = sliceUnitFor(from, to);
  const night = p.filters.night === true;
  // At resolution 9 (the stored cells) a cube would hold about a row per row of `incidents`.
  const cubeSpec = resolution < H3_RESOLUTION ? hexCubeSpec(resolution, p.cubeWhere, night) : null;
  const cube = useBrushCube('hexagons', cubeSpec, p.dataset) ?? undefined;
  const hex = useQuery(hexQuery({resolution, where, cube}), generation);
  const study = useQuery(mode === 'count' ? null : studyAreaQuery(resolution), generation);
  const slices = useQuery(
    mode === 'emerging' ? hexSlicesQuery({resolution, where, unit, night}) : null,
    generation,
  );
  const ready =
    hex.rows && (mode === 'count' || study.rows) && (mode !== 'emerging' || slices.rows);
  // Apart, and in emerging mode only (useQuery keeps the slices' last rows after it), so that
  // new dates with the hexagons' rows still pending do not make new hexagons of the old rows: the
  // map would draw them again, the same (a frame of ~100-300 ms of CPU under software WebGL).
  const whole = useMemo(
    () => (mode === 'emerging' && slices.rows ? wholeSlices(slices.rows, unit, from, to) : null),
    [mode, slices.rows, unit, from, to],
  );
  const analysis = useMemo(
    () =>
      ready
        ? analyseHexes(mode, hex.rows!, study.rows?.map((r) => String(r.cell)) ?? null, whole)
        : null,
    [ready, mode, hex.rows, study.rows, whole],
  );
  return {
    hexes: analysis?.hexes ?? NO_HEXES,
    studyCells: analysis?.studyCells ?? 0,
    summary: analysis?.summary ?? {},
    pending: hex.pending || study.pending || slices.pending,
    error: hex.error ?? study.error ?? slices.error,
    unit,
  };
}

/** Months in a slice of each unit. */
const SLICE_MONTHS: Record<SliceUnit, number> = {month: 1, quarter: 3, year: 12};

/**
 * The rows of the slices wholly within `from`..`to`. A slice the dates cut (three days of a
 * month, or by night of the night before the data start) holds a fraction of a slice's
 * attendances and would make every hexagon look cold in it. When fewer than two slices are
 * whole, every slice is kept.
 */
export function wholeSlices(
  rows: readonly Row[],
  unit: SliceUnit,
  from: string,
  to: string,
): Row[] {
  const whole = (slice: string) =>
    slice >= from && addDays(addMonths(slice, SLICE_MONTHS[unit]), -1) <= to;
  const kept = rows.filter((r) => whole(String(r.slice)));
  return new Set(kept.map((r) => String(r.slice))).size >= 2 ? kept : [...rows];
}
