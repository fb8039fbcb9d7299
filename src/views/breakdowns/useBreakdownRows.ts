/** A breakdown table's rows, sharing one scan with the other breakdowns where the filters allow. */
import {useMemo} from 'react';
import {NAIVE} from '../../data/mode';
import {breakdownQuery, breakdownsQuery} from '../../data/sql/breakdown';
import {breakdownsCubeSpec} from '../../data/sql/brush-cube';
import {LIST_COLUMNS, type ListFilter} from '../../data/sql/clauses';
import {useQuery, type QueryState} from '../../data/useQuery';
import {useApp} from '../../state/AppContext';
import {viewTable} from '../../state/columns';
import {useBrushCube} from '../../state/useBrushCube';
import {useCellCopies, useDataset, useSelectionPredicate} from '../../state/useSelection';

/**
 * Rows (code, n) of the breakdown by `filter` among the breakdowns `all`, under every clause but
 * its own. A breakdown whose own filter is set, or that the rollup can answer, runs its own
 * query; the others all send the same GROUPING SETS query, which the query queue runs once.
 */
export function useBreakdownRows(
  filter: ListFilter,
  all: readonly ListFilter[],
  generation: number,
): QueryState {
  const {selection, datasets} = useApp();
  const dataset = useDataset(datasets).dataset;
  const rollups = dataset?.rollups ?? [];
  const where = useSelectionPredicate(selection, [filter]);
  const column = LIST_COLUMNS[filter];
  // Whether its own filter is set decides between its own query and the shared one (`alone`).
  const copies = useCellCopies(selection, [filter], String(selection.get(filter) !== undefined));
  const tableFor = (key: ListFilter) =>
    viewTable(selection, rollups, [key], [LIST_COLUMNS[key]], false, copies);
  const alone = (key: ListFilter) =>
    NAIVE || selection.get(key) !== undefined || tableFor(key) !== 'incidents';
  const own = alone(filter);
  const shared = all.filter((key) => !alone(key));
  const columns = Object.fromEntries(shared.map((key) => [key, LIST_COLUMNS[key]]));
  // The shared query's cube for the date brush (one for all of them: the same spec).
  const cubeWhere = useSelectionPredicate(selection, [filter, 'dates']);
  const night = selection.get('night') !== undefined;
  const cube = useBrushCube(
    'breakdowns',
    own ? null : breakdownsCubeSpec(Object.values(columns), cubeWhere, night),
    dataset,
  );
  const sql = own
    ? breakdownQuery({column, where, from: tableFor(filter)})
    : cube
      ? breakdownsQuery({columns, where: cube.bins, from: cube.table})
      : breakdownsQuery({columns, where});
  const result = useQuery(sql, generation);
  // Rows with a `dim` are the shared query's, whichever query is pending now: while a breakdown
  // switches to its own query, the last shared rows stay on screen, and unfiltered they would
  // repeat codes ('unknown', 'other') of every dimension.
  const rows = useMemo(
    () =>
      result.rows?.length && 'dim' in result.rows[0]
        ? result.rows.filter((r) => r.dim === filter).map(({code, n}) => ({code, n}))
        : result.rows,
    [result.rows, filter],
  );
  return {...result, rows};
}
