/** The ranking's data: one page of premises and their sparklines, pages fetched two at a time. */
import type {Dataset} from '../../data/load-dataset';
import {
  parseSparkline,
  rankingQuery,
  rankingWithSparklinesQuery,
  type RankBy,
  type RankingSortKey,
} from '../../data/sql/ranking';
import {useQuery} from '../../data/useQuery';
import {useApp} from '../../state/AppContext';
import {useFilters, useSelectionPredicate, useSourceTable} from '../../state/useSelection';
import {monthsBetween, seriesOf} from './months';
import {rankingPeriodsOf, type RankingPeriods} from './periods';
import {rankingRowOf, type RankingRow} from './row';

/** Enough rows for every premises of any dataset, for export. */
const ALL_ROWS = 1_000_000;

/** What the user chose: rank basis, sort, search and page. */
export interface RankingOptions {
  rankBy: RankBy;
  sort: RankingSortKey;
  descending: boolean;
  search: string;
  page: number;
  pageSize: number;
}

/** A page of the ranking and what it was computed over. */
export interface RankingData {
  rows: RankingRow[] | null;
  totalRows: number;
  /** Monthly counts per premises id, in `months` order. */
  sparklines: Map<string, number[]>;
  months: string[];
  periods: RankingPeriods;
  pending: boolean;
  error: string | null;
  /** The query of every row (no paging), for export. */
  allRowsSql: string;
}

/**
 * Pages are fetched two at a time (0-1, 2-3, ...) in one query: the page after an even page is
 * then shown at once, with no second scan per filter change to prefetch it.
 */
const PAGES_PER_QUERY = 2;

/** Query one page of the ranking under the whole selection (the table has no clause of its own). */
export function useRanking(dataset: Dataset, generation: number, o: RankingOptions): RankingData {
  const {selection} = useApp();
  // Every row the ranking reads names a premises or is at licensed premises (its share's total).
  const from = useSourceTable(
    selection,
    dataset.rollups,
    [],
    ['premises_id', 'location_type'],
    true,
  );
  const filters = useFilters(selection);
  const where = useSelectionPredicate(selection, []);
  const base = useSelectionPredicate(selection, ['dates']);
  const periods = rankingPeriodsOf(filters, base, dataset.period);
  const params = {
    base,
    current: periods.current,
    previous: periods.previous,
    rankBy: o.rankBy,
    sort: o.sort,
    descending: o.descending,
    search: o.search,
    ladNames: dataset.lads,
    from,
  };
  const first = o.page - (o.page % PAGES_PER_QUERY);
  // The two pages and their sparklines in one query (see rankingWithSparklinesQuery).
  const main = useQuery(
    rankingWithSparklinesQuery(
      {...params, limit: o.pageSize * PAGES_PER_QUERY, offset: first * o.pageSize},
      {where, night: periods.night},
    ),
    generation,
  );
  const skip = (o.page - first) * o.pageSize;
  const page = main.rows?.slice(skip, skip + o.pageSize) ?? null;
  const rows = page?.map(rankingRowOf) ?? null;
  const totalRows = main.rows?.length ? rankingRowOf(main.rows[0]).totalRows : 0;
  const months = periods.from <= periods.to ? monthsBetween(periods.from, periods.to) : [];
  const sparklines = new Map(
    (page ?? []).map((r) => [String(r.id), seriesOf(months, parseSparkline(r.sparkline))]),
  );
  return {
    allRowsSql: rankingQuery({...params, limit: ALL_ROWS, offset: 0}),
    rows,
    totalRows,
    sparklines,
    months,
    periods,
    pending: main.pending,
    error: main.error,
  };
}
