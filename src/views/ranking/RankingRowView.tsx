/** One premises row of the ranking table. */
import type {RankBy} from '../../data/sql/ranking';
import {countText, isSuppressed, maskedText, shareText, suppressionOf} from '../evidence/suppress';
import {premisesTypeLabel} from '../premises/types';
import {changeCellOf} from './change';
import {monthLabel} from './months';
import type {RankingPeriods} from './periods';
import type {RankingRow} from './row';
import {Sparkline} from './Sparkline';

/** Props of RankingRowView. */
export interface RankingRowViewProps {
  row: RankingRow;
  rankBy: RankBy;
  focused: boolean;
  onFocus: () => void;
  sparkline: number[];
  months: string[];
  periods: RankingPeriods;
  minCount: number | null;
}

/** A `<tr>`: rank, premises (a button that focuses it), LAD, type, closing, counts, sparkline. */
export function RankingRowView(props: RankingRowViewProps) {
  const {row: r, rankBy, focused, onFocus, sparkline, months, periods, minCount} = props;
  const hidden = isSuppressed(r.n, minCount) || (r.prev !== null && isSuppressed(r.prev, minCount));
  const change = hidden
    ? {
        text: '–',
        marker: '',
        direction: null,
        title: `Counts under ${minCount} are not shown in publication mode.`,
      }
    : changeCellOf(r.n, r.prev, periods.change, periods.noComparison);
  // The months add up to the count shown beside them: a lone small month hides a second one.
  const masks = suppressionOf(sparkline, minCount);
  const sparkText = months.length
    ? `Monthly attendances, ${monthLabel(months[0])} to ${monthLabel(months[months.length - 1])}: ` +
      sparkline.map((v, i) => maskedText(v, masks[i], minCount)).join(', ')
    : '';
  const whole = r.share ? r.n / r.share : 0;
  return (
    <tr className={focused ? 'focused' : undefined} data-id={r.id} data-n={r.n}>
      <td className="num">{r.rank}</td>
      <th scope="row" className="ranking-name">
        <button
          type="button"
          className="row-button premises-button"
          title={r.name}
          aria-pressed={focused}
          onClick={onFocus}
        >
          {r.name}
        </button>
        {r.postcode && <span className="ranking-sub">{r.postcode}</span>}
      </th>
      <td>{r.ladName ?? '–'}</td>
      <td>{premisesTypeLabel(r.type)}</td>
      <td>{r.closingTime ?? '–'}</td>
      <td className="num">{countText(r.n, minCount)}</td>
      {rankBy === 'rate' && (
        <td className="num" title={r.capacity ? `Capacity ${r.capacity}` : undefined}>
          {r.rate === null || isSuppressed(r.n, minCount) ? '–' : r.rate.toFixed(1)}
        </td>
      )}
      <td className="num">{shareText(r.n, whole, minCount)}</td>
      <td className={`num change ${change.direction ?? ''}`} title={change.title}>
        {change.text}
        {change.marker && (
          <span className="sig" aria-hidden="true">
            {change.marker}
          </span>
        )}
        <span className="sr-only">{change.title}</span>
      </td>
      <td className="spark-cell" title={sparkText}>
        <Sparkline values={sparkline} hidden={masks.map((m) => m !== null)} />
        <span className="sr-only">{sparkText}</span>
      </td>
    </tr>
  );
}
