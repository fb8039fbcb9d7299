/** "Premises ranking": premises by attendances under every filter, sortable, searchable, paged. */
import {useContext, useDeferredValue, useState} from 'react';
import type {Dataset} from '../../data/load-dataset';
import type {RankBy, RankingSortKey} from '../../data/sql/ranking';
import {ConnectorContext} from '../../data/useQuery';
import {useApp} from '../../state/AppContext';
import {useSelectionPredicate} from '../../state/useSelection';
import {formatCount, formatRange} from '../../ui/format';
import {countText} from '../evidence/suppress';
import {ariaSortOf, nextSort, RANKING_COLUMNS} from './columns';
import {RankingRowView} from './RankingRowView';
import {rankingCsv} from './ranking-csv';
import {rankingRowOf} from './row';
import {useRanking} from './useRanking';
import {ExportMenu} from '../export/ExportMenu';

/** Props of RankingTable. */
export interface RankingTableProps {
  dataset: Dataset;
  generation: number;
  /** The focused premises id. */
  focused: string | null;
  onFocus: (id: string | null) => void;
  /** Minimum count shown exactly (publication mode), or null. */
  minCount: number | null;
}

const PAGE_SIZES = [10, 20];

/** The ranking with its search box, rank-by-rate toggle and pager. */
export function RankingTable({dataset, generation, focused, onFocus, minCount}: RankingTableProps) {
  const connector = useContext(ConnectorContext);
  const {selection} = useApp();
  const [rankBy, setRankBy] = useState<RankBy>('count');
  const [sort, setSort] = useState<{key: RankingSortKey; descending: boolean}>({
    key: 'rank',
    descending: false,
  });
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);
  const where = useSelectionPredicate(selection, []);
  // Any change of what is listed goes back to the first page.
  const signature = JSON.stringify([where, rankBy, sort, query, pageSize]);
  const [paging, setPaging] = useState({signature, page: 0});
  const page = paging.signature === signature ? paging.page : 0;
  const setPage = (p: number) => setPaging({signature, page: p});

  const data = useRanking(dataset, generation, {
    rankBy,
    sort: sort.key,
    descending: sort.descending,
    search: query,
    page,
    pageSize,
  });
  const {rows, totalRows, periods} = data;
  const pages = Math.max(1, Math.ceil(totalRows / pageSize));
  const columns = RANKING_COLUMNS.filter((c) => !c.rateOnly || rankBy === 'rate');
  const licensed = rows?.length && rows[0].share ? rows[0].n / rows[0].share : null;

  return (
    <div className="ranking">
      <div className="ranking-controls">
        <label className="ranking-search">
          Search premises
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Name contains…"
          />
        </label>
        <label className="ranking-toggle">
          <input
            type="checkbox"
            checked={rankBy === 'rate'}
            onChange={(e) => {
              const rate = e.target.checked;
              setRankBy(rate ? 'rate' : 'count');
              if (!rate && sort.key === 'rate') setSort({key: 'rank', descending: false});
            }}
          />
          Rank by rate per 100 capacity
        </label>
        <ExportMenu
          view="Premises ranking"
          dataset={dataset}
          notes={[
            'Every premises with attendances under the filters, all pages.',
            ...(rankBy === 'rate'
              ? ['Ranked by attendances per 100 licensed capacity, premises of known capacity.']
              : []),
          ]}
          csv={async () =>
            rankingCsv(
              (await connector.query(data.allRowsSql)).map(rankingRowOf),
              dataset.manifest.disclosure.min_count,
              rankBy === 'rate',
            )
          }
        />
        <span className="ranking-count" role="status">
          {rows === null
            ? 'Loading…'
            : `${formatCount(totalRows)} premises${query.trim() ? ' match' : ''}` +
              (rankBy === 'rate' ? ' of known capacity' : '') +
              ` · ${formatRange(periods.from, periods.to)}`}
        </span>
      </div>
      {data.error && <p className="error-text">Could not rank the premises: {data.error}</p>}
      <div className="ranking-scroll">
        <table
          className="ranking-table"
          aria-label="Premises ranking"
          aria-busy={data.pending}
          data-state={data.pending || rows === null ? 'pending' : 'ready'}
        >
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.label}
                  scope="col"
                  aria-sort={c.key ? ariaSortOf(sort, c) : undefined}
                  title={c.title}
                  className={c.numeric ? 'num' : undefined}
                >
                  {c.key ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => setSort(nextSort(sort, c))}
                    >
                      {c.label}
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows?.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="ranking-empty">
                  {query.trim()
                    ? `No premises named like "${query.trim()}" have attendances under these filters.`
                    : 'No premises have attendances under these filters.'}
                </td>
              </tr>
            )}
            {rows?.map((r) => (
              <RankingRowView
                key={r.id}
                row={r}
                rankBy={rankBy}
                focused={focused === r.id}
                onFocus={() => onFocus(focused === r.id ? null : r.id)}
                sparkline={data.sparklines.get(r.id) ?? []}
                months={data.months}
                periods={periods}
                minCount={minCount}
              />
            ))}
          </tbody>
        </table>
      </div>
      <div className="ranking-foot">
        <nav className="pager" aria-label="Ranking pages">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous page
          </button>
          <span>
            Page {Math.min(page + 1, pages)} of {pages}
          </span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            Next page
          </button>
          <label>
            Rows per page{' '}
            <select value={pageSize} onChange={(e) => setPageSize(Number(e.target.value))}>
              {PAGE_SIZES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        </nav>
        <p className="ranking-note">
          Attendances linked to each premises under every filter, the map's selection included.
          {licensed !== null &&
            ` Share: of ${countText(licensed, minCount)} attendances at licensed premises.`}{' '}
          {periods.change
            ? `Change: against ${periods.change.previousLabel}; * p < 0.05, ** p < 0.01, *** p < 0.001 (exact test for two Poisson counts, not adjusted for the number of premises compared).`
            : 'Change: set a date range with an equal period of data before it to compare.'}
        </p>
      </div>
    </div>
  );
}
