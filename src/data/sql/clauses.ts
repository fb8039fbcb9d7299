/** SQL predicates for each filter dimension of DESIGN.md, over the normalised `incidents` table. */
import {isEnumColumn} from '../schema';
import {and, dateLiteral, inList, int} from './filters';
import {enumInSql} from './normalize';

/** An inclusive date range; either end may be open. */
export interface DateRange {
  from?: string;
  to?: string;
}

/** An hour window: start inclusive, end exclusive (1-24); wraps midnight when start >= end. */
export interface HourWindow {
  start: number;
  end: number;
}

/** The code-list filters and the table column each one reads. */
export const LIST_COLUMNS = {
  lad: 'lad_code',
  loc: 'location_type',
  weapon: 'weapon',
  sex: 'sex',
  age: 'age_band',
  rel: 'relationship',
  site: 'site_code',
} as const;

export type ListFilter = keyof typeof LIST_COLUMNS;

/** Date column to filter on: with night-of attribution, hours before 06:00 belong to the day before. */
export function dateColumn(night: boolean): string {
  return night ? 'ndate' : 'date';
}

/** Weekday column (ISO 1 = Monday ... 7 = Sunday), night-of aware. */
export function weekdayColumn(night: boolean): string {
  return night ? 'ndow' : 'dow';
}

/** Rows within an inclusive date range. */
export function dateRangeSql(range: DateRange, night: boolean): string {
  const c = dateColumn(night);
  return and(
    range.from ? `${c} >= ${dateLiteral(range.from)}` : null,
    range.to ? `${c} <= ${dateLiteral(range.to)}` : null,
  );
}

/** Rows within an hour window; rows with an unknown hour never match. */
export function hourWindowSql({start, end}: HourWindow): string {
  if (start < 0 || start > 23 || end < 1 || end > 24) {
    throw new Error(`hour window out of range: ${start}-${end}`);
  }
  if (start === 0 && end === 24) return 'hour IS NOT NULL';
  if (start < end) return `hour >= ${int(start)} AND hour < ${int(end)}`;
  return `(hour >= ${int(start)} OR hour < ${int(end % 24)})`;
}

/** Rows on the given ISO weekdays. */
export function weekdaysSql(days: readonly number[], night: boolean): string {
  return inList(weekdayColumn(night), days);
}

/** Rows whose column takes one of the given codes. */
export function listSql(filter: ListFilter, codes: readonly string[]): string {
  const column = LIST_COLUMNS[filter];
  return isEnumColumn(column) ? enumInSql(column, codes) : inList(column, codes);
}
