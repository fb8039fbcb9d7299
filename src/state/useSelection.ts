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
 * The copies of selected cells a view may read (see data/cell-subset.ts), as they were when the
 * view's own predicate (every clause but `exclude`'s) or `key` last changed: a copy finished
 * later is picked up then, not at a re-render for anything else (a hover, or a change of a filter
 * the view leaves out, such as the trend's own brush), where re-querying the same numbers would
 * only flash the view as pending. `key`: anything else that changes the view's query (see the
 * breakdowns). A dropped copy (`cells.version`) is never named again.
 */
export function useCellCopies(
  selection: Selection,
  exclude: readonly string[] = [],
  key = '',
): (clause: string) => string | null {
  const predicate = useSelectionPredicate(selection, exclude);
  const {cells} = useApp();
  // Taken again when the predicate, key or kept copies change, which the snapshot cannot see.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => cells.snapshot(), [cells, predicate, key, cells.version]);
}

/** `viewTable` for a view, re-evaluated when the selection changes. */
export function useSourceTable(
  selection: Selection,
  rollups: readonly string[],
  exclude: readonly string[],
  columns: readonly string[],
  licensedOnly = false,
): string {
  const copies = useCellCopies(selection, exclude);
  return viewTable(selection, rollups, exclude, columns, licensedOnly, copies);
}
