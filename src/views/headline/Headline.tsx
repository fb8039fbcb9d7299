/** "Total attendances" under the current filters, with change against the previous equal period. */
import {headlineQuery} from '../../data/sql/headline';
import {useQuery} from '../../data/useQuery';
import type {Dataset} from '../../data/load-dataset';
import {useApp} from '../../state/AppContext';
import {useFilters, useSelectionPredicate, useSourceTable} from '../../state/useSelection';
import {formatChange, formatCount, formatRange} from '../../ui/format';
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
          {total === null ? '…' : formatCount(total)}
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
          {!cmp.previousCovered ? (
            <>
              No comparison: the previous equal period (
              {formatRange(cmp.previous.from, cmp.previous.to)}) starts before the data.
            </>
          ) : previous === null ? null : previous === 0 ? (
            <>
              None in the previous equal period ({formatRange(cmp.previous.from, cmp.previous.to)}).
            </>
          ) : (
            <>
              <strong className={total > previous ? 'up' : total < previous ? 'down' : ''}>
                {formatChange(total / previous - 1)}
              </strong>{' '}
              ({total >= previous ? '+' : '−'}
              {formatCount(Math.abs(total - previous))}) against {formatCount(previous)} in{' '}
              {formatRange(cmp.previous.from, cmp.previous.to)}
            </>
          )}
        </p>
      )}
      {filters.hours && unknownHour > 0 && (
        <p className="headline-note" data-testid="unknown-hour-note">
          {formatCount(unknownHour)} attendances with no recorded hour are left out by the hour
          window.
        </p>
      )}
    </div>
  );
}
