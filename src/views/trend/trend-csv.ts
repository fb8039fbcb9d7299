/** The trend's series as a table for CSV export, with small numbers suppressed. */
import {suppressList, suppressedText} from '../../analysis/disclosure';
import type {Grain} from '../../data/sql/timeline';
import type {CsvTable} from '../export/csv';
import {ROLLING_WINDOW, withhold, type TrendPoint} from './series';

/**
 * One row per bucket: its first and last day the data cover, count, rolling mean, a year earlier,
 * and whether the data cover the whole bucket.
 */
export function trendCsv(series: readonly TrendPoint[], grain: Grain, minCount: number): CsvTable {
  const points = withhold(
    series,
    suppressList(
      series.map((p) => p.n),
      minCount,
      true,
    ),
    grain,
  );
  return {
    columns: [
      `${grain} start`,
      `${grain} end`,
      'Attendances',
      `Rolling mean (${ROLLING_WINDOW[grain]} ${grain}s)`,
      'A year earlier',
      `Whole ${grain}`,
    ],
    rows: points.map((p) => [
      p.from,
      p.to,
      p.hidden ? suppressedText(p.n, minCount) : p.n,
      p.rolling === null ? null : Number(p.rolling.toFixed(2)),
      p.yearBefore === null
        ? null
        : p.yearBeforeHidden
          ? suppressedText(p.yearBefore, minCount)
          : p.yearBefore,
      p.partial ? 'no' : 'yes',
    ]),
  };
}
