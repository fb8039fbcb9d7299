/** The ranking's periods: the current date range and the previous equal one, as SQL and in words. */
import {daysInRange} from '../../data/period';
import {and} from '../../data/sql/filters';
import type {Filters} from '../../state/filters';
import {formatRange} from '../../ui/format';
import {comparisonOf} from '../headline/comparison';
import type {ChangeContext} from './change';

/** What the ranking and profile queries need to know about the periods. */
export interface RankingPeriods {
  /** Every clause except the date range. */
  base: string;
  /** The current date-range predicate. */
  current: string;
  /** The previous equal period's predicate, or null when the data do not cover it. */
  previous: string | null;
  /** The current period, clamped to the data. */
  from: string;
  to: string;
  previousRange: {from: string; to: string};
  night: boolean;
  /** Null when there is no comparison. */
  change: ChangeContext | null;
  /** Why there is no comparison, in words. */
  noComparison: string;
}

/** The periods for the given filters (same non-date clauses in both, as in the headline). */
export function rankingPeriodsOf(
  filters: Filters,
  base: string,
  data: {start: string; end: string},
): RankingPeriods {
  const cmp = comparisonOf(filters, base, data);
  const previousLabel = formatRange(cmp.previous.from, cmp.previous.to);
  const empty = cmp.current.from > cmp.current.to;
  return {
    base,
    current: cmp.params.current,
    previous: empty ? null : cmp.params.previous,
    from: cmp.current.from,
    to: cmp.current.to,
    previousRange: cmp.previous,
    night: filters.night === true,
    change:
      cmp.previousCovered && !empty
        ? {
            currentDays: daysInRange(cmp.current.from, cmp.current.to),
            previousDays: daysInRange(cmp.previous.from, cmp.previous.to),
            previousLabel,
          }
        : null,
    noComparison: `No comparison: the previous equal period (${previousLabel}) starts before the data.`,
  };
}

/** The full predicate of the current period. */
export function currentWhere(p: RankingPeriods): string {
  return and(p.base, p.current);
}
