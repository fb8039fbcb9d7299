/** React bridges to the selection and the dataset store (useSyncExternalStore underneath). */
import {useSyncExternalStore} from 'react';
import {sourceTable} from '../data/sql/rollup';
import {predicateColumns} from './columns';
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
 * The table a view reads: a pre-aggregated one when the dataset has it and it holds the view's
 * own `columns` and every column of its predicate (every clause but `exclude`'s), else
 * `incidents`. Naive mode builds no pre-aggregated tables, so it always reads `incidents`.
 * `licensedOnly`: the view keeps only licensed-premises rows, so the premises rollup may do.
 */
export function useSourceTable(
  selection: Selection,
  rollups: readonly string[],
  exclude: readonly string[],
  columns: readonly string[],
  licensedOnly = false,
): string {
  useSyncExternalStore(selection.subscribe, selection.getSnapshot);
  const read = predicateColumns(selection, exclude);
  return sourceTable(rollups, read && [...read, ...columns], licensedOnly);
}
