/** Which `incidents` columns the cross-filter predicate reads, to pick a pre-aggregated table. */
import {LIST_COLUMNS} from '../data/sql/clauses';
import type {Selection} from './selection';

/** Columns each clause source's SQL reads; the map's cells ('cell') read the H3 column. */
const SOURCE_COLUMNS: Record<string, readonly string[]> = {
  dates: ['date', 'ndate'],
  hours: ['hour'],
  days: ['dow', 'ndow'],
  night: [],
  cell: ['h3'],
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
