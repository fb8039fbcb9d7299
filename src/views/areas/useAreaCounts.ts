/** Attendances per area, and per area and month, from one query where the areas allow. */
import {useMemo} from 'react';
import type {Row} from '../../data/connector';
import {areaTrendQuery} from '../../data/sql/areas';
import {areaCountsQuery} from '../../data/sql/hotspots';
import {useQuery, type QueryState} from '../../data/useQuery';

/** Inputs of useAreaCounts. */
export interface AreaCountsParams {
  /** The column the areas' codes are in; null: no query (the layer is off). */
  column: 'lad_code' | 'lsoa_code' | null;
  where: string;
  night: boolean;
  from: string;
  generation: number;
}

/**
 * Attendances per area code (`counts`), and for local authorities also per month (`months`).
 * Local authorities are counted from their months, the query the area comparison's small
 * multiples make anyway: the map's rates, the comparison and the small multiples then share
 * one query per filter change (the queue shares identical SQL) instead of scanning the
 * local-authority rollup twice, which at 1M rows was 40-70 ms of each update's queries.
 */
export function useAreaCounts(p: AreaCountsParams): QueryState & {
  counts: ReadonlyMap<string, number>;
  months: Row[] | null;
} {
  const sql =
    p.column === null
      ? null
      : p.column === 'lad_code'
        ? areaTrendQuery({where: p.where, night: p.night, from: p.from})
        : areaCountsQuery({column: p.column, where: p.where, from: p.from});
  const q = useQuery(sql, p.generation);
  const counts = useMemo(() => {
    const sums = new Map<string, number>();
    for (const r of q.rows ?? []) {
      const code = String(r.code);
      sums.set(code, (sums.get(code) ?? 0) + Number(r.n));
    }
    return sums;
  }, [q.rows]);
  return {...q, counts, months: p.column === 'lad_code' ? q.rows : null};
}
