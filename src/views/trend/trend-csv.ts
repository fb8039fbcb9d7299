/** The trend's series as a table for CSV export, with small numbers suppressed. */
import {suppressList, suppressedText} from '../../analysis/disclosure';
import type {Grain} from '../../data/sql/timeline';
import type {CsvTable} from '../export/csv';
import {bucketEnd, ROLLING_WINDOW, type TrendPoint} from './series';

/** One row per bucket: start, end, count, rolling mean and a year earlier. */
export function trendCsv(points: readonly TrendPoint[], grain: Grain, minCount: number): CsvTable {
  const hidden = suppressList(
    points.map((p) => p.n),
    minCount,
    true,
  );
  const before = suppressList(
    points.map((p) => p.yearBefore ?? 0),
    minCount,
    true,
  );
  return {
    columns: [
      `${grain} start`,
      `${grain} end`,
      'Attendances',
      `Rolling mean (${ROLLING_WINDOW[grain]} ${grain}s)`,
      'A year earlier',
    ],
    rows: points.map((p, i) => [
      p.date,
      bucketEnd(p.date, grain),
      hidden[i] ? suppressedText(minCount) : p.n,
      p.rolling === null ? null : Number(p.rolling.toFixed(2)),
      p.yearBefore === null ? null : before[i] ? suppressedText(minCount) : p.yearBefore,
    ]),
  };
}
