/** The map's queries: hexagons under the filters, and what the analysis modes need. */
import {useMemo} from 'react';
import type {Dataset} from '../../data/load-dataset';
import {daysInRange} from '../../data/period';
import {hexQuery, hexSlicesQuery, studyAreaQuery, type SliceUnit} from '../../data/sql/hotspots';
import {useQuery} from '../../data/useQuery';
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
  filters: Filters;
}

/** Query and analyse the hexagons; `pending` while any query is in flight. */
export function useHexData(
  p: HexDataParams,
): HexAnalysis & {pending: boolean; error: string | null; unit: SliceUnit} {
  const {resolution, mode, where, generation} = p;
  const from = p.filters.dates?.from ?? p.dataset.period.start;
  const to = p.filters.dates?.to ?? p.dataset.period.end;
  const unit = sliceUnitFor(from, to);
  const hex = useQuery(hexQuery({resolution, where}), generation);
  const study = useQuery(mode === 'count' ? null : studyAreaQuery(resolution), generation);
  const slices = useQuery(
    mode === 'emerging'
      ? hexSlicesQuery({resolution, where, unit, night: p.filters.night === true})
      : null,
    generation,
  );
  const ready =
    hex.rows && (mode === 'count' || study.rows) && (mode !== 'emerging' || slices.rows);
  const analysis = useMemo(
    () =>
      ready
        ? analyseHexes(mode, hex.rows!, study.rows?.map((r) => String(r.cell)) ?? null, slices.rows)
        : null,
    [ready, mode, hex.rows, study.rows, slices.rows],
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
