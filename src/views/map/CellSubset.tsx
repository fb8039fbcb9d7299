/**
 * Asks for the copy of the selected hexagons' rows (data/cell-subset.ts). Rendered after every
 * view, so its effect runs after theirs: the copy is built after the views' queries for the new
 * selection, in the worker's queue, and the click is answered as fast as before.
 */
import {useContext, useEffect} from 'react';
import type {Dataset} from '../../data/load-dataset';
import {ConnectorContext, runQueued} from '../../data/useQuery';
import {useApp} from '../../state/AppContext';
import {CELL_SOURCE} from '../../state/columns';
import {useFilters} from '../../state/useSelection';

/** Props of CellSubset. */
export interface CellSubsetProps {
  dataset: Dataset;
}

/** Renders nothing. */
export function CellSubset({dataset}: CellSubsetProps) {
  const app = useApp();
  const connector = useContext(ConnectorContext);
  useFilters(app.selection); // re-render on every selection change
  const clause = app.selection.get(CELL_SOURCE)?.sql ?? null;
  // Naive mode (no rollups) reads `incidents` for everything.
  const enabled = dataset.rollups.length > 0;
  useEffect(() => {
    if (enabled) void app.cells.want(clause, dataset.rows, (sql) => runQueued(connector, sql));
  }, [app, clause, connector, dataset, enabled]);
  return null;
}
