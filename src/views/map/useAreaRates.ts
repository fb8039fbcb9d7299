/** Attendances and rates per 100,000 for the dataset's areas, with class breaks for the choropleth. */
import {useMemo} from 'react';
import type {Dataset} from '../../data/load-dataset';
import {useApp} from '../../state/AppContext';
import {useSourceTable} from '../../state/useSelection';
import {useAreaCounts} from '../areas/useAreaCounts';
import type {AreaDatum} from './layers';
import {quantileBreaks} from './scale';

/** Each area with its attendances and its rate per 100,000 residents per year (null: no population). */
export function areaData(
  areas: readonly Dataset['areas'][number][],
  counts: ReadonlyMap<string, number>,
  years: number,
): AreaDatum[] {
  return areas.map((a) => {
    const n = counts.get(a.code) ?? 0;
    const rate = a.population && years > 0 ? (n / a.population / years) * 100_000 : null;
    return {code: a.code, name: a.name, n, geometry: a.geometry, rate};
  });
}

/** The areas with no counts over no years, so no rates: all their outlines need. */
export function areaOutlines(areas: readonly Dataset['areas'][number][]): AreaDatum[] {
  return areaData(areas, new Map(), 0);
}

/**
 * Areas (null when the layer is off), with counts only while rates are on, and rate breaks (null
 * when rates are off); the state of their query.
 */
export function useAreaRates(
  dataset: Dataset,
  generation: number,
  where: string,
  show: {areas: boolean; rates: boolean},
  /** Years the date filter covers: rates are per year, as in the area comparison. */
  years: number,
  /** Night-of attribution is on (the local-authority counts share the comparison's query). */
  night: boolean,
): {
  areas: AreaDatum[] | null;
  rateBreaks: number[] | null;
  canRate: boolean;
  pending: boolean;
  error: string | null;
} {
  const canRate = dataset.areas.some((a) => a.population !== null);
  // Areas are local authorities when their codes are the data's lad_code, else LSOAs.
  const column = dataset.lads.some((l) => dataset.areas.some((a) => a.code === l.code))
    ? 'lad_code'
    : 'lsoa_code';
  // The map's predicate leaves out its own clause, the hexagons it selected ('cell').
  const from = useSourceTable(useApp().selection, dataset.rollups, ['cell'], [column]);
  const counts = useAreaCounts({
    column: show.areas ? column : null,
    where,
    night,
    from,
    generation,
  });
  const counted = useMemo<AreaDatum[] | null>(
    () =>
      show.areas && show.rates && canRate ? areaData(dataset.areas, counts.counts, years) : null,
    [show.areas, show.rates, canRate, counts.counts, dataset.areas, years],
  );
  // Without rates the map draws the outlines alone, which counts do not change: the same areas
  // for every filter, so a new count is not a new frame of the map (100-300 ms of CPU under
  // software WebGL).
  const outlines = useMemo(() => areaOutlines(dataset.areas), [dataset.areas]);
  const areas = show.areas ? (counted ?? outlines) : null;
  const rateBreaks = useMemo(
    () =>
      counted
        ? quantileBreaks(
            counted.map((a) => a.rate ?? 0),
            5,
            false,
          )
        : null,
    [counted],
  );
  return {areas, rateBreaks, canRate, pending: counts.pending, error: counts.error};
}
