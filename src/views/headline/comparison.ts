/** Which periods the headline compares, given the filters and the data's span. */
import {dateRangeSql, hourWindowSql} from '../../data/sql/clauses';
import {coveredPeriod, previousPeriod} from '../../data/period';
import type {HeadlineParams} from '../../data/sql/headline';
import type {Filters} from '../../state/filters';

/** The headline's query inputs and the periods in words. */
export interface Comparison {
  params: HeadlineParams;
  current: {from: string; to: string};
  previous: {from: string; to: string};
  /** Whether the data cover the whole previous period. */
  previousCovered: boolean;
}

/** Current range = the date filter clamped to the data; previous = the equal period before it. */
export function comparisonOf(
  filters: Filters,
  base: string,
  data: {start: string; end: string},
): Comparison {
  const night = filters.night === true;
  const {from, to} = coveredPeriod(filters.dates, data);
  const previous = previousPeriod(from, to);
  // No dates of the data chosen: nothing to compare with either.
  const previousCovered = from <= to && previous.from >= data.start;
  return {
    params: {
      base,
      current: dateRangeSql(filters.dates ?? {}, night),
      previous: previousCovered ? dateRangeSql(previous, night) : null,
      hours: filters.hours ? hourWindowSql(filters.hours) : null,
    },
    current: {from, to},
    previous,
    previousCovered,
  };
}
