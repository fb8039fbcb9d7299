/** Which `incidents` columns the cross-filter predicate reads, to pick a pre-aggregated table. */
import {COPY_COLUMNS} from '../data/cell-subset';
import {LIST_COLUMNS} from '../data/sql/clauses';
import {sourceTable} from '../data/sql/rollup';
import type {Selection} from './selection';

/** The map's selection of hexagons. */
export const CELL_SOURCE = 'cell';

/** Columns each clause source's SQL reads; the map's cells ('cell') read the H3 column. */
const SOURCE_COLUMNS: Record<string, readonly string[]> = {
  dates: ['date', 'ndate'],
  hours: ['hour'],
  days: ['dow', 'ndow'],
  night: [],
  [CELL_SOURCE]: ['h3'],
  ...Object.fromEntries(Object.entries(LIST_COLUMNS).map(([key, column]) => [key, [column]])),
};

/**
 * The columns read by every clause except those of `exclude`; null when a clause comes from a
 * source not listed here, whose SQL could read anything.
 */
export function predicateColumns(
  selection: Selection,
  exclude: readonly string[] = [],
): string[] | null {
  const columns = new Set<string>();
  for (const clause of selection.clauses()) {
    if (exclude.includes(clause.source)) continue;
    const read = SOURCE_COLUMNS[clause.source];
    if (!read) return null;
    for (const c of read) columns.add(c);
  }
  return [...columns];
}

/**
 * The table a view reads: the copy of the selected hexagons' rows when the view is filtered to
 * them, `cellTable` has it, and it holds every column the view and its predicate read; else a pre-aggregated one when
 * the dataset has it (`rollups`) and it holds the view's own `columns` and every column of its
 * predicate (every clause but `exclude`'s); else `incidents`. `licensedOnly`: the view keeps only licensed-premises rows, so the premises rollup
 * may do.
 */
export function viewTable(
  selection: Selection,
  rollups: readonly string[],
  exclude: readonly string[],
  columns: readonly string[],
  licensedOnly = false,
  cellTable: (clause: string) => string | null = () => null,
): string {
  const read = predicateColumns(selection, exclude);
  const cells = exclude.includes(CELL_SOURCE) ? undefined : selection.get(CELL_SOURCE);
  const copy = cells && cellTable(cells.sql);
  const copied = (c: string) => (COPY_COLUMNS as readonly string[]).includes(c);
  if (copy && read && [...read, ...columns].every(copied)) return copy;
  return sourceTable(rollups, read && [...read, ...columns], licensedOnly);
}
