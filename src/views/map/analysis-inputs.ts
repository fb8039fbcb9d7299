/**
 * Which rows the map analyses: those of its mode's queries once all of them answer the same
 * filters. useQuery keeps a query's last rows while the next is pending, so while any is pending
 * the rest may be new and it old: new dates' hexagons with the old slices, or the old rows cut to
 * the new dates' whole slices, would draw emerging hot spots of neither until the rest answered
 * (each redraw ~100-300 ms of CPU under software WebGL), and the legend would name the new
 * slices or resolution over the old counts.
 */
import type {Row} from '../../data/connector';
import type {SliceUnit} from '../../data/sql/hotspots';
import type {MapMode} from './layers';

/** What the analysis of the hexagons reads, all answered for the same filters. */
export interface AnalysisInputs {
  mode: MapMode;
  /** The H3 resolution of `hexRows`. */
  resolution: number;
  hexRows: Row[];
  /** The study area's cells (hot spot and emerging modes; else null). */
  studyRows: Row[] | null;
  /** Each hexagon's counts by time slice (emerging mode; else null). */
  sliceRows: Row[] | null;
  unit: SliceUnit;
  from: string;
  to: string;
}

/** Whether `b` holds the rows and dates of `a` (the same arrays: useQuery keeps its answers). */
export function sameInputs(a: AnalysisInputs, b: AnalysisInputs | null): boolean {
  return (
    b !== null &&
    a.mode === b.mode &&
    a.resolution === b.resolution &&
    a.hexRows === b.hexRows &&
    a.studyRows === b.studyRows &&
    a.sliceRows === b.sliceRows &&
    a.unit === b.unit &&
    a.from === b.from &&
    a.to === b.to
  );
}

/** The inputs to keep for later renders: the answered ones, until a query fails. */
export function keptInputs(
  current: AnalysisInputs | null,
  kept: AnalysisInputs | null,
  error: string | null,
): AnalysisInputs | null {
  if (error) return null;
  return current && !sameInputs(current, kept) ? current : kept;
}

/**
 * What to analyse now: the answered inputs (`current`, null while any query of `mode` is
 * pending), else the last kept ones while they suit `mode`. Count mode reads only the hexagons,
 * which are the same query in every mode; another mode's analysis needs its own rows. A failed
 * query: nothing (not old hexagons).
 */
export function inputsToAnalyse(
  current: AnalysisInputs | null,
  kept: AnalysisInputs | null,
  mode: MapMode,
  error: string | null,
): AnalysisInputs | null {
  if (error) return null;
  if (current) return current;
  if (kept?.mode === mode) return kept;
  if (kept && mode === 'count') return {...kept, mode, studyRows: null, sliceRows: null};
  return null;
}
