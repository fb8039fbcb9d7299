/** "Total attendances" under the current filters, with change against the previous equal period. */
import {isSmall} from '../../analysis/disclosure';
import {headlineQuery} from '../../data/sql/headline';
import {useQuery} from '../../data/useQuery';
import type {Dataset} from '../../data/load-dataset';
import {useApp} from '../../state/AppContext';
import {useFilters, useSelectionPredicate, useSourceTable} from '../../state/useSelection';
import {formatChange, formatRange} from '../../ui/format';
import {useDisclosure} from '../../ui/useDisclosure';
import {comparisonOf} from './comparison';

/** Props of Headline. */
export interface HeadlineProps {
  dataset: Dataset;
  generation: number;
}

/** The headline figures. */
export function Headline({dataset, generation}: HeadlineProps) {
  const {selection} = useApp();
  const filters = useFilters(selection);
  const base = useSelectionPredicate(selection, ['dates', 'hours']);
  const cmp = comparisonOf(filters, base, dataset.period);
  const from = useSourceTable(selection, dataset.rollups, [], []);
  const {rows, error, pending} = useQuery(headlineQuery({...cmp.params, from}), generation);
  const row = rows?.[0];
  const total = row ? Number(row.total) : null;
  const previous = row?.previous == null ? null : Number(row.previous);
  const unknownHour = row ? Number(row.unknown_hour) : 0;
  const empty = cmp.current.from > cmp.current.to;
  const shown = useDisclosure(dataset.manifest.disclosure.min_count);
  // A change against a hidden count would give the count away.
  const hideChange =
    shown.on && [total ?? 0, previous ?? 0].some((n) => isSmall(n, shown.minCount));

  return (
    <div className="headline" aria-busy={pending}>
      <div className="headline-main">
        <span className="headline-label" id="total-label">
          Total attendances
        </span>
        <output
          className="headline-value"
          aria-labelledby="total-label"
          data-state={pending || total === null ? 'pending' : 'ready'}
          data-value={total ?? ''}
        >
          {total === null ? '…' : shown.count(total)}
        </output>
        <span className="headline-period">
          {empty
            ? 'No dates of the data in the chosen range'
            : formatRange(cmp.current.from, cmp.current.to)}
        </span>
      </div>
      {error && <p className="error-text">Could not compute the headline: {error}</p>}
      {total !== null && (
        <p className="headline-change" aria-label="Change against the previous equal period">
          {empty ? (
            <>No comparison: none of the data&apos;s dates are in the chosen range.</>
          ) : !cmp.previousCovered ? (
            <>
              No comparison: the previous equal period (
              {formatRange(cmp.previous.from, cmp.previous.to)}) starts before the data.
            </>
          ) : previous === null ? null : hideChange ? (
            <>
              No comparison in publication mode: a count under {shown.minCount} would be given away.
            </>
          ) : previous === 0 ? (
            <>
              None in the previous equal period ({formatRange(cmp.previous.from, cmp.previous.to)}).
            </>
          ) : (
            <>
              <strong className={total > previous ? 'up' : total < previous ? 'down' : ''}>
                {formatChange(total / previous - 1)}
              </strong>{' '}
              ({total >= previous ? '+' : '−'}
              {shown.count(Math.abs(total - previous), false)}) against {shown.count(previous)} in{' '}
              {formatRange(cmp.previous.from, cmp.previous.to)}
            </>
          )}
        </p>
      )}
      {filters.hours && unknownHour > 0 && (
        <p className="headline-note" data-testid="unknown-hour-note">
          {shown.count(unknownHour)} attendances with no recorded hour are left out by the hour
          window.
        </p>
      )}
    </div>
  );
}
