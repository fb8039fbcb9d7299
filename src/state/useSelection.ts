/** React bridges to the selection and the dataset store (useSyncExternalStore underneath). */
import {useSyncExternalStore} from 'react';
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
 * `viewTable` for a view, re-evaluated when the selection changes. A copy of the selected cells
 * finished later is picked up at the view's next change (its numbers would be the same).
 */
export function useSourceTable(
  selection: Selection,
  rollups: readonly string[],
  exclude: readonly string[],
  columns: readonly string[],
  licensedOnly = false,
): string {
  useSyncExternalStore(selection.subscribe, selection.getSnapshot);
  const {cells} = useApp();
  return viewTable(selection, rollups, exclude, columns, licensedOnly, (c) => cells.tableFor(c));
}
