/** A view's cube for the date brush (data/brush-cubes.ts): asked for, then read while it fits. */
import {useContext, useEffect, useMemo, useRef, useSyncExternalStore} from 'react';
import {cubeBinsSql, cubeBuildSteps, type CubeRead, type CubeSpec} from '../data/sql/brush-cube';
import type {Dataset} from '../data/load-dataset';
import {ConnectorContext, queueIdle, runQueued} from '../data/useQuery';
import {afterPaint} from '../ui/after-paint';
import {useApp} from './AppContext';
import {filtersOf} from './filters';

/**
 * How long the views must have been idle after the dates changed before a cube is built: DuckDB
 * runs one statement at a time, and a step of the build (at 10M rows 100-200 ms) would delay an
 * input that follows at once. Someone brushing again pauses longer than this to look first.
 */
export const QUIET_MS = 500;

/** The last cube a view asked for: for which dates, and whether its build still waits for quiet. */
export interface CubeAsk {
  dates: string | null;
  key: string;
  waiting: boolean;
}

/**
 * Whether a view with cube `key` (null: it wants none) should ask for a build now that the dates
 * are `dates`, given its last ask: only when the dates were the last thing to change (or the
 * same ask runs again, as React's StrictMode does while it waits). `stop`: a build for the view
 * is of no use any more. `asked`: the view's last ask from now on.
 */
export function decideCube(
  last: CubeAsk | null,
  key: string | null,
  dates: string | null,
): {build: boolean; stop: boolean; asked: CubeAsk | null} {
  if (key === null)
    return {build: false, stop: last !== null, asked: last && {...last, waiting: false}};
  const datesLast = last?.dates !== dates || (last.waiting && last.key === key);
  if (dates === null || !datesLast)
    return {build: false, stop: true, asked: {dates, key, waiting: false}};
  return {build: true, stop: false, asked: {dates, key, waiting: true}};
}

/**
 * The cube `spec` of a view in `slot` (null: the view reads `incidents` anyway, and asks for
 * nothing), when it is built and answers the current dates exactly; else null.
 *
 * It is asked for after the dates change (a brush, the date inputs, the time-lapse), once the
 * views have drawn them and then been idle for `QUIET_MS`: the user is working on the time axis,
 * and the next dates will likely come with the same other filters. A change of another filter
 * stops its build. Optimised mode only (the dataset has rollups): naive mode reads `incidents`
 * for everything.
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
  // The dates and cube of the last build asked for, and whether it is still waiting for quiet.
  const asked = useRef<CubeAsk | null>(null);

  useEffect(() => {
    const run = (sql: string) => runQueued(connector, sql);
    const idle = () => queueIdle(connector);
    const decided = decideCube(asked.current, key, dates);
    asked.current = decided.asked;
    // Another filter changed, or the view reads `incidents` now: a build of the old cube is of no
    // use (at 10M rows each of its steps holds DuckDB for 100-200 ms).
    if (!decided.build || !key || !spec || !dataset) {
      if (decided.stop) void app.cubes.want(slot, null, run, idle);
      return;
    }
    const ask = decided.asked!;
    const years = {
      first: Number(dataset.period.start.slice(0, 4)),
      last: Number(dataset.period.end.slice(0, 4)),
    };
    let cancel = () => {};
    let live = true;
    void idle().then(() => {
      if (!live) return;
      cancel = afterPaint(() => {
        const timer = setTimeout(() => {
          ask.waiting = false;
          void app.cubes.want(slot, {key, steps: (t) => cubeBuildSteps(t, spec, years)}, run, idle);
        }, QUIET_MS);
        cancel = () => clearTimeout(timer);
      });
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
