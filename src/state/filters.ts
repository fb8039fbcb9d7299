/** The dashboard's filters (DESIGN.md's URL parameters) as typed values, and their clauses. */
import {
  dateRangeSql,
  hourWindowSql,
  LIST_COLUMNS,
  listSql,
  weekdaysSql,
  type DateRange,
  type HourWindow,
  type ListFilter,
} from '../data/sql/clauses';
import type {Clause, Selection} from './selection';

/** Every filter a user can set; absent means "all". */
export interface Filters {
  dates?: DateRange;
  hours?: HourWindow;
  days?: number[];
  night?: boolean;
  lad?: string[];
  loc?: string[];
  weapon?: string[];
  sex?: string[];
  age?: string[];
  rel?: string[];
  site?: string[];
}

export type FilterKey = keyof Filters;

/** The list filters, in the order of the filter bar. */
export const LIST_FILTERS = Object.keys(LIST_COLUMNS) as ListFilter[];

/** Every filter key, in URL and chip order. */
export const FILTER_KEYS: FilterKey[] = ['dates', 'hours', 'days', 'night', ...LIST_FILTERS];

/** Weekday codes of the URL, ISO order (1 = Monday). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Filters whose SQL depends on night-of attribution. */
const NIGHT_DEPENDENT: FilterKey[] = ['dates', 'days'];

/** The clause for one filter value, or null when the value means "all". */
export function clauseOf(key: FilterKey, filters: Filters): Clause | null {
  const night = filters.night === true;
  switch (key) {
    case 'dates': {
      const v = filters.dates;
      return v && (v.from || v.to) ? {source: key, value: v, sql: dateRangeSql(v, night)} : null;
    }
    case 'hours':
      return filters.hours
        ? {source: key, value: filters.hours, sql: hourWindowSql(filters.hours)}
        : null;
    case 'days':
      return filters.days?.length
        ? {source: key, value: filters.days, sql: weekdaysSql(filters.days, night)}
        : null;
    case 'night':
      return night ? {source: key, value: true, sql: 'TRUE'} : null;
    default: {
      const codes = filters[key];
      return codes?.length ? {source: key, value: codes, sql: listSql(key, codes)} : null;
    }
  }
}

/** Read the filters back out of a selection. */
export function filtersOf(selection: Selection): Filters {
  const f: Filters = {};
  for (const key of FILTER_KEYS) {
    const clause = selection.get(key);
    if (clause) (f as Record<string, unknown>)[key] = clause.value;
  }
  return f;
}

/** Every filter clause for a set of filters. */
export function clausesOf(filters: Filters): Clause[] {
  return FILTER_KEYS.map((k) => clauseOf(k, filters)).filter((c): c is Clause => c !== null);
}

/** Set (or clear, with undefined) one filter, re-deriving the clauses that depend on it. */
export function setFilter<K extends FilterKey>(
  selection: Selection,
  key: K,
  value: Filters[K] | undefined,
): void {
  setFilters(selection, {[key]: value});
}

/**
 * Set (or clear) several filters in one change of the selection, so the views query once and
 * the URL gets one history entry (the grid's hours and days from one drag).
 */
export function setFilters(selection: Selection, patch: Partial<Filters>): void {
  const filters = {...filtersOf(selection), ...patch};
  const keys = Object.keys(patch) as FilterKey[];
  const affected = new Set(keys.flatMap((k) => (k === 'night' ? [k, ...NIGHT_DEPENDENT] : [k])));
  const others = selection.clauses().filter((c) => !affected.has(c.source as FilterKey));
  const updated = [...affected]
    .map((k) => clauseOf(k, filters))
    .filter((c): c is Clause => c !== null);
  selection.reset([...others, ...updated]);
}

/** Replace every filter clause, keeping clauses of other sources (e.g. the map's). */
export function setAllFilters(selection: Selection, filters: Filters): void {
  const others = selection.clauses().filter((c) => !FILTER_KEYS.includes(c.source as FilterKey));
  selection.reset([...others, ...clausesOf(filters)]);
}

/** Whether hour h (0-23) is inside an hour window (every hour when there is none). */
export function hourIn(h: number, w: HourWindow | undefined): boolean {
  if (!w) return true;
  return w.start < w.end ? h >= w.start && h < w.end : h >= w.start || h < w.end;
}
