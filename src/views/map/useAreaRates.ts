/** Attendances and rates per 100,000 for the dataset's areas, with class breaks for the choropleth. */
import {useMemo} from 'react';
import type {Dataset} from '../../data/load-dataset';
import {areaCountsQuery} from '../../data/sql/hotspots';
import {useQuery} from '../../data/useQuery';
import {useApp} from '../../state/AppContext';
import {useSourceTable} from '../../state/useSelection';
import type {AreaDatum} from './layers';
import {quantileBreaks} from './scale';

/**
 * Areas with counts (null when the layer is off) and rate breaks (null when rates are off); the
 * state of their query.
 */
export function useAreaRates(
  dataset: Dataset,
  generation: number,
  where: string,
  show: {areas: boolean; rates: boolean},
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
  const counts = useQuery(show.areas ? areaCountsQuery({column, where, from}) : null, generation);
  const areas = useMemo<AreaDatum[] | null>(() => {
    if (!show.areas) return null;
    const byCode = new Map(counts.rows?.map((r) => [String(r.code), Number(r.n)]));
    return dataset.areas.map((a) => {
      const n = byCode.get(a.code) ?? 0;
      const rate = a.population ? (n / a.population) * 100_000 : null;
      return {code: a.code, name: a.name, n, geometry: a.geometry, rate};
    });
  }, [show.areas, counts.rows, dataset.areas]);
  const rateBreaks = useMemo(
    () =>
      show.rates && canRate && areas
        ? quantileBreaks(
            areas.map((a) => a.rate ?? 0),
            5,
            false,
          )
        : null,
    [show.rates, canRate, areas],
  );
  return {areas, rateBreaks, canRate, pending: counts.pending, error: counts.error};
}
