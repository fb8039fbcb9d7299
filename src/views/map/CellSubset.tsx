/**
 * Asks for the copy of the selected hexagons' rows (data/cell-subset.ts), once the views have
 * answered the selection and drawn it: the copy then does not share the two cores with the
 * views' drawing. Filter changes made with the hexagon still selected read the copy.
 */
import {useContext, useEffect} from 'react';
import type {Dataset} from '../../data/load-dataset';
import {ConnectorContext, queueIdle, runQueued} from '../../data/useQuery';
import {useApp} from '../../state/AppContext';
import {afterPaint} from '../../ui/after-paint';
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
    if (!enabled) return;
    const build = () =>
      void app.cells.want(clause, dataset.rows, (sql) => runQueued(connector, sql));
    // Clearing the selection builds nothing, and must not wait.
    if (clause === null) return build();
    let cancel = () => {};
    let live = true;
    void queueIdle(connector).then(() => {
      if (live) cancel = afterPaint(build);
    });
    return () => {
      live = false;
      cancel();
    };
  }, [app, clause, connector, dataset, enabled]);
  return null;
}
