/** Pure helpers of the trend chart: grain, dense series, rolling mean, a year earlier. */
import {addDays, addMonths, bucketEnd, bucketStart, nextBucket} from '../../data/period';

export {bucketEnd, bucketStart, nextBucket};
import type {Grain} from '../../data/sql/timeline';

/** One bucket of the trend. */
export interface TrendPoint {
  /** First day of the bucket. */
  date: string;
  /** The days of the bucket the data cover: all of it, unless the data start or end inside. */
  from: string;
  to: string;
  /** The data cover only part of the bucket (`from`-`to`): its count is not a whole bucket's. */
  partial: boolean;
  n: number;
  rolling: number | null;
  yearBefore: number | null;
  /** Withheld for publication (see `withhold`): the count, the year-earlier count. */
  hidden?: boolean;
  yearBeforeHidden?: boolean;
}

/** Buckets of the rolling mean, per grain: a week of days, four weeks, three months. */
export const ROLLING_WINDOW: Record<Grain, number> = {day: 7, week: 4, month: 3};

/** The finest grain the dataset allows that keeps the chart readable over `days` days. */
export function chooseGrain(days: number, timeGrain: Grain): Grain {
  const auto: Grain = days <= 190 ? 'day' : days <= 3 * 366 ? 'week' : 'month';
  const order: Grain[] = ['day', 'week', 'month'];
  return order[Math.max(order.indexOf(auto), order.indexOf(timeGrain))];
}

/** Every bucket from `start` to `end` with its count (0 where there is none). */
export function denseSeries(
  rows: readonly {bucket: string; n: number}[],
  grain: Grain,
  start: string,
  end: string,
): {date: string; n: number}[] {
  const counts = new Map(rows.map((r) => [r.bucket, r.n]));
  const out: {date: string; n: number}[] = [];
  for (let d = bucketStart(start, grain); d <= end; d = nextBucket(d, grain)) {
    out.push({date: d, n: counts.get(d) ?? 0});
  }
  return out;
}

/** Trailing mean over `window` buckets; null until the window is full. */
export function rollingMean(values: readonly number[], window: number): (number | null)[] {
  let sum = 0;
  return values.map((v, i) => {
    sum += v;
    if (i >= window) sum -= values[i - window];
    return i >= window - 1 ? sum / window : null;
  });
}

/**
 * The value a year earlier: the same month, or for days and weeks 52 weeks (364 days) earlier so
 * the weekday matches. Null where the series does not reach back that far, or only to a bucket
 * the data cover in part.
 */
export function yearBefore(
  series: readonly {date: string; n: number; partial?: boolean}[],
  grain: Grain,
): (number | null)[] {
  const byDate = new Map(series.filter((p) => !p.partial).map((p) => [p.date, p.n]));
  return series.map((p) => byDate.get(yearBack(p.date, grain)) ?? null);
}

/** The bucket a year before `date`: see `yearBefore`. */
function yearBack(date: string, grain: Grain): string {
  return grain === 'month' ? addMonths(date, -12) : addDays(date, -364);
}

/**
 * The series with the counts `hidden` (small-number suppression) withheld, and every figure that
 * would give one away: a rolling mean whose window holds a hidden count, and the year-earlier
 * value of a hidden bucket.
 */
export function withhold(
  points: readonly TrendPoint[],
  hidden: readonly boolean[],
  grain: Grain,
): TrendPoint[] {
  const window = ROLLING_WINDOW[grain];
  const index = new Map(points.map((p, i) => [p.date, i]));
  return points.map((p, i) => {
    const back = index.get(yearBack(p.date, grain));
    return {
      ...p,
      hidden: hidden[i],
      rolling: hidden.slice(Math.max(0, i - window + 1), i + 1).some(Boolean) ? null : p.rolling,
      yearBeforeHidden: back !== undefined && hidden[back],
    };
  });
}

/**
 * The full trend over the data's days `start`-`end`: dense counts, rolling mean and a year
 * earlier. A bucket the data cover in part (where they start or end inside it; by night of, the
 * night before the first day) is drawn with its count, but takes no part in a mean or a
 * year-earlier value, which would compare a few days with whole buckets.
 */
export function trendSeries(
  rows: readonly {bucket: string; n: number}[],
  grain: Grain,
  start: string,
  end: string,
  /** The last day the data cover, when after `end`: data by week date their last week's start. */
  through: string = end,
): TrendPoint[] {
  const dense = denseSeries(rows, grain, start, end).map((p) => {
    const last = bucketEnd(p.date, grain);
    const from = p.date < start ? start : p.date;
    const to = last > through ? through : last;
    return {...p, from, to, partial: from !== p.date || to !== last};
  });
  const window = ROLLING_WINDOW[grain];
  const rolling = rollingMean(
    dense.map((p) => p.n),
    window,
  ).map((m, i) =>
    dense.slice(Math.max(0, i - window + 1), i + 1).some((p) => p.partial) ? null : m,
  );
  const before = yearBefore(dense, grain);
  return dense.map((p, i) => ({...p, rolling: rolling[i], yearBefore: before[i]}));
}
