/** Calendar arithmetic on YYYY-MM-DD dates (UTC, no time zone surprises). */
import type {DateRange} from './sql/clauses';
import type {Grain} from './sql/timeline';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a YYYY-MM-DD date. */
export function toDayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** YYYY-MM-DD for a day number. */
export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Add whole days to a date. */
export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

/** Add whole months to a date, clamping the day to the month's length. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** Inclusive number of days in a range. */
export function daysInRange(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from) + 1;
}

/**
 * The equal period just before [from, to]. For whole calendar months (as in month-grain data)
 * it is the same number of months; otherwise the same number of days.
 */
export function previousPeriod(from: string, to: string): {from: string; to: string} {
  const wholeMonths = from.endsWith('-01') && addDays(to, 1).endsWith('-01');
  if (wholeMonths) {
    const [fy, fm] = from.split('-').map(Number);
    const next = addDays(to, 1).split('-').map(Number);
    const months = (next[0] - fy) * 12 + (next[1] - fm);
    return {from: addMonths(from, -months), to: addDays(from, -1)};
  }
  const n = daysInRange(from, to);
  return {from: addDays(from, -n), to: addDays(from, -1)};
}

/**
 * Years of data a date filter covers (for rates per year): its days within the data's period
 * over 365.25; 0 when they do not overlap. A filter reaching past the data adds no days.
 */
export function yearsCovered(
  dates: {from?: string; to?: string} | undefined,
  data: {start: string; end: string},
): number {
  const {from, to} = coveredPeriod(dates, data);
  return from <= to ? daysInRange(from, to) / 365.25 : 0;
}

/**
 * The dates a date filter covers in the data: the filter (either end may be open) clamped to the
 * data's period. Empty (`from` after `to`) when they do not overlap.
 */
export function coveredPeriod(
  dates: {from?: string; to?: string} | undefined,
  data: {start: string; end: string},
): {from: string; to: string} {
  const from = dates?.from && dates.from > data.start ? dates.from : data.start;
  const to = dates?.to && dates.to < data.end ? dates.to : data.end;
  return {from, to};
}

/** The first day of the bucket containing `iso`. */
export function bucketStart(iso: string, grain: Grain): string {
  if (grain === 'day') return iso;
  if (grain === 'month') return `${iso.slice(0, 7)}-01`;
  const dow = (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(iso, -dow);
}

/** The first day of the next bucket. */
export function nextBucket(iso: string, grain: Grain): string {
  return grain === 'day' ? addDays(iso, 1) : grain === 'week' ? addDays(iso, 7) : addMonths(iso, 1);
}

/** The last day of the bucket starting at `iso`. */
export function bucketEnd(iso: string, grain: Grain): string {
  return addDays(nextBucket(iso, grain), -1);
}

/**
 * A date filter widened to whole buckets of a dataset by week or month, whose rows are dated to
 * their bucket's first day: from 4 Dec to 31 Dec would hold none of December's rows.
 */
export function snapDates(range: DateRange | undefined, grain: Grain): DateRange | undefined {
  if (!range || grain === 'day') return range;
  return {
    ...(range.from && {from: bucketStart(range.from, grain)}),
    ...(range.to && {to: bucketEnd(bucketStart(range.to, grain), grain)}),
  };
}
