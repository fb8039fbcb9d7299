/** Date and hour presets, relative to the data's end (not today: the data may be years old). */
import {addDays, addMonths} from '../../data/period';
import type {DateRange, HourWindow} from '../../data/sql/clauses';

/** A named date range. */
export interface DatePreset {
  label: string;
  range: (data: {start: string; end: string}) => DateRange | undefined;
  /** A span of weeks (not offered for data by month). */
  weeks?: boolean;
}

/** Date presets of the filter bar. */
export const DATE_PRESETS: DatePreset[] = [
  {label: 'All data', range: () => undefined},
  {label: 'Last 12 months', range: ({end}) => ({from: addDays(addMonths(end, -12), 1), to: end})},
  {label: 'Last 3 months', range: ({end}) => ({from: addDays(addMonths(end, -3), 1), to: end})},
  {label: 'Last 4 weeks', range: ({end}) => ({from: addDays(end, -27), to: end}), weeks: true},
  {
    label: 'Last calendar year',
    range: ({end}) => {
      const year = Number(end.slice(0, 4)) - (end.endsWith('-12-31') ? 0 : 1);
      return {from: `${year}-01-01`, to: `${year}-12-31`};
    },
  },
];

/** A named hour window; undefined is all day. */
export interface HourPreset {
  label: string;
  window: HourWindow | undefined;
}

/** Hour presets of the filter bar. */
export const HOUR_PRESETS: HourPreset[] = [
  {label: 'Night-time economy 21:00–06:00', window: {start: 21, end: 6}},
  {label: 'Late night 00:00–06:00', window: {start: 0, end: 6}},
  {label: 'All day', window: undefined},
];
