/** A view's cube for the date brush (data/brush-cubes.ts): asked for, then read while it fits. */
import {useContext, useEffect, useMemo, useRef, useSyncExternalStore} from 'react';
import {cubeBinsSql, cubeBuildSteps, type CubeRead, type CubeSpec} from '../data/sql/brush-cube';
import type {Dataset} from '../data/load-dataset';
import {ConnectorContext, queueIdle, runQueued} from '../data/useQuery';
import {afterPaint} from '../ui/after-paint';
import {useApp} from './AppContext';
import {filtersOf} from './filters';

/**
 * The cube `spec` of a view in `slot` (null: the view reads `incidents` anyway, and asks for
 * nothing), when it is built and answers the current dates exactly; else null.
 *
 * It is asked for after the dates change (a brush, the date inputs), once the views have drawn
 * them: the user is working on the time axis, and the next dates will likely come with the same
 * other filters. A change of the other filters alone stops its build. Optimised mode only (the
 * dataset has rollups): naive mode reads `incidents` for everything.
 */
export function useBrushCube(
  slot: string,
  spec: CubeSpec | null,
  dataset: Dataset | null,
): CubeRead | null {
  const app = useApp();
  const connector = useContext(ConnectorContext);
  const version = useSyncExternalStore(app.selection.subscribe, app.selection.getSnapshot);
  const filters = filtersOf(app.selection);
  const dates = app.selection.get('dates')?.sql ?? null;
  const key = spec && dataset?.rollups.length ? JSON.stringify(spec) : null;
  const seen = useRef<{dates: string | null} | null>(null);

  useEffect(() => {
    const changed = seen.current === null || seen.current.dates !== dates;
    seen.current = {dates};
    if (!key || !spec || !dataset) return;
    const run = (sql: string) => runQueued(connector, sql);
    const idle = () => queueIdle(connector);
    if (!changed || dates === null) return void app.cubes.want(slot, null, run, idle);
    const years = {
      first: Number(dataset.period.start.slice(0, 4)),
      last: Number(dataset.period.end.slice(0, 4)),
    };
    let cancel = () => {};
    let live = true;
    void idle().then(() => {
      if (!live) return;
      cancel = afterPaint(() =>
        app.cubes.want(slot, {key, steps: (t) => cubeBuildSteps(t, spec, years)}, run, idle),
      );
    });
    return () => {
      live = false;
      cancel();
    };
    // `spec` is `key`'s; `dataset` changes with a load, which resets the cubes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [app, connector, slot, dates, key]);

  // Taken again when the selection or the kept cubes change, which the snapshot cannot see: a
  // cube finished later is read from the next filter change on, not at a re-render for a hover.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const cubes = useMemo(() => app.cubes.snapshot(), [app, version, app.cubes.version]);
  const table = key ? cubes(slot, key) : null;
  const bins =
    table && dataset && cubeBinsSql(filters.dates, dataset.period, filters.night === true);
  return table && bins ? {table, bins} : null;
}
