/** The hour grid's queries: the 168 cells and the attendances with no recorded hour. */
import {useMemo} from 'react';
import type {Row} from '../../data/connector';
import type {Dataset} from '../../data/load-dataset';
import {NAIVE} from '../../data/mode';
import {gridQuery, gridWithUnknownQuery, unknownHourQuery} from '../../data/sql/grid';
import {useQuery, type QueryState} from '../../data/useQuery';
import {useApp} from '../../state/AppContext';
import {useSourceTable} from '../../state/useSelection';

/** The grid's own clauses: every other view's filter applies to it, these do not. */
export const GRID_SOURCES = ['hours', 'days'];

/**
 * Rows (dow, h, n) of the grid and one row (n) of unknown-hour attendances. One scan of the
 * rollup when the filters allow; naive mode runs the two queries on `incidents`.
 */
export function useGridData(
  dataset: Dataset,
  generation: number,
  where: string,
  night: boolean,
  usable: boolean,
): {grid: QueryState; unknown: QueryState} {
  const {selection} = useApp();
  const from = useSourceTable(selection, dataset.rollups, GRID_SOURCES, ['dow', 'ndow', 'hour']);
  const both = useQuery(
    usable
      ? NAIVE
        ? gridQuery({where, night})
        : gridWithUnknownQuery({where, night, from})
      : null,
    generation,
  );
  const alone = useQuery(usable && NAIVE ? unknownHourQuery(where) : null, generation);
  const split = useMemo(() => {
    if (NAIVE || !both.rows) return null;
    const unknown = both.rows.filter((r) => r.h === null).reduce((s, r) => s + Number(r.n), 0);
    return {grid: both.rows.filter((r) => r.h !== null), unknown: [{n: unknown}] as Row[]};
  }, [both.rows]);
  if (NAIVE) return {grid: both, unknown: alone};
  return {
    grid: {...both, rows: split?.grid ?? null},
    unknown: {...both, rows: split?.unknown ?? null},
  };
}
