/** The map's queries: hexagons under the filters, and what the analysis modes need. */
import {useMemo, useState} from 'react';
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
import {inputsToAnalyse, keptInputs, type AnalysisInputs} from './analysis-inputs';
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

/**
 * Query and analyse the hexagons; `pending` while any query is in flight, with the last answered
 * hexagons, and the slice unit and resolution they are of, until the new ones are in.
 */
export function useHexData(
  p: HexDataParams,
): HexAnalysis & {pending: boolean; error: string | null; unit: SliceUnit; resolution: number} {
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
  const pending = hex.pending || study.pending || slices.pending;
  const error = hex.error ?? study.error ?? slices.error;
  // Analysed only once every query of the mode answers the same filters (see analysis-inputs.ts).
  const current: AnalysisInputs | null =
    !pending && hex.rows && (mode === 'count' || study.rows) && (mode !== 'emerging' || slices.rows)
      ? {
          mode,
          resolution,
          hexRows: hex.rows,
          studyRows: mode === 'count' ? null : study.rows,
          sliceRows: mode === 'emerging' ? slices.rows : null,
          unit,
          from,
          to,
        }
      : null;
  const [kept, setKept] = useState<AnalysisInputs | null>(null);
  const keep = keptInputs(current, kept, error);
  if (keep !== kept) setKept(keep);
  const inputs = inputsToAnalyse(current, kept, mode, error);
  const analysis = useAnalysis(inputs);
  return {
    hexes: analysis?.hexes ?? NO_HEXES,
    studyCells: analysis?.studyCells ?? 0,
    summary: analysis?.summary ?? {},
    pending,
    error,
    // Those of the hexagons shown (the legend names them), until new ones are.
    unit: inputs?.unit ?? unit,
    resolution: inputs?.resolution ?? resolution,
  };
}

/** The analysis of `inputs` (null: none), again only when one of them changes. */
function useAnalysis(inputs: AnalysisInputs | null): HexAnalysis | null {
  const {mode, hexRows, studyRows, sliceRows, unit, from, to} = inputs ?? {};
  // Apart, and in emerging mode only, so that new hexagons with the same slices do not cut them
  // again.
  const whole = useMemo(
    () => (mode === 'emerging' && sliceRows ? wholeSlices(sliceRows, unit!, from!, to!) : null),
    [mode, sliceRows, unit, from, to],
  );
  return useMemo(
    () =>
      mode && hexRows
        ? analyseHexes(mode, hexRows, studyRows?.map((r) => String(r.cell)) ?? null, whole)
        : null,
    [mode, hexRows, studyRows, whole],
  );
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
