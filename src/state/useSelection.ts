/** React bridges to the selection and the dataset store (useSyncExternalStore underneath). */
import {useMemo, useSyncExternalStore} from 'react';
import {useApp} from './AppContext';
import {viewTable} from './columns';
import {filtersOf, type Filters} from './filters';
import type {Selection} from './selection';
import type {DatasetState, DatasetStore} from './dataset-store';

/** The cross-filter predicate for a view: every clause except the given sources'. */
export function useSelectionPredicate(
  selection: Selection,
  exclude: readonly string[] = [],
): string {
  useSyncExternalStore(selection.subscribe, selection.getSnapshot);
  return selection.predicate(exclude);
}

/** The current filter values (re-renders on change). */
export function useFilters(selection: Selection): Filters {
  useSyncExternalStore(selection.subscribe, selection.getSnapshot);
  return filtersOf(selection);
}

/** The dataset store's state. */
export function useDataset(store: DatasetStore): DatasetState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/**
 * `viewTable` for a view, chosen again only when the selection (or what the view reads) changes.
 * A copy of the selected cells finished later is picked up at the next filter change, not at a
 * re-render for anything else (a hover): the numbers would be the same, and re-querying them
 * would only flash the view as pending. A dropped copy (`cells.version`) is never named again.
 */
export function useSourceTable(
  selection: Selection,
  rollups: readonly string[],
  exclude: readonly string[],
  columns: readonly string[],
  licensedOnly = false,
): string {
  const version = useSyncExternalStore(selection.subscribe, selection.getSnapshot);
  const {cells} = useApp();
  const excluded = exclude.join();
  const read = columns.join();
  return useMemo(
    () => viewTable(selection, rollups, exclude, columns, licensedOnly, (c) => cells.tableFor(c)),
    // `exclude` and `columns` are compared by value (callers pass literals).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selection, version, rollups, excluded, read, licensedOnly, cells, cells.version],
  );
}
