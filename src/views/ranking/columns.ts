/** The ranking table's columns: header text, sort key and first sort direction. */
import type {RankingSortKey} from '../../data/sql/ranking';

/** One column of the ranking table. */
export interface RankingColumn {
  key: RankingSortKey | null;
  label: string;
  /** Numeric columns sort largest first on the first click. */
  descFirst?: boolean;
  numeric?: boolean;
  title?: string;
  /** Shown only when ranking by rate. */
  rateOnly?: boolean;
}

/** Every column, in order (DESIGN.md names Rank, Premises, Local authority, Attendances, Change). */
export const RANKING_COLUMNS: RankingColumn[] = [
  {key: 'rank', label: 'Rank', numeric: true, title: 'Tied premises share a rank'},
  {key: 'name', label: 'Premises'},
  {key: 'lad', label: 'Local authority'},
  {key: 'type', label: 'Type'},
  {key: 'closing', label: 'Closing time'},
  {key: 'n', label: 'Attendances', descFirst: true, numeric: true},
  {
    key: 'rate',
    label: 'Per 100 capacity',
    descFirst: true,
    numeric: true,
    rateOnly: true,
    title: 'Attendances per 100 licensed capacity',
  },
  {
    key: 'share',
    label: 'Share',
    descFirst: true,
    numeric: true,
    title: 'Share of all attendances at licensed premises under the filters',
  },
  {
    key: 'change',
    label: 'Change',
    descFirst: true,
    numeric: true,
    title: 'Against the previous equal period; exact test for two Poisson counts',
  },
  {key: null, label: 'Monthly', title: 'Attendances by month (each row on its own scale)'},
];

/** The sort after clicking a column's header. */
export function nextSort(
  current: {key: RankingSortKey; descending: boolean},
  column: RankingColumn,
): {key: RankingSortKey; descending: boolean} {
  if (!column.key) return current;
  if (current.key === column.key) return {key: column.key, descending: !current.descending};
  return {key: column.key, descending: column.descFirst === true};
}

/** aria-sort of a column's header. */
export function ariaSortOf(
  current: {key: RankingSortKey; descending: boolean},
  column: RankingColumn,
): 'ascending' | 'descending' | 'none' {
  if (!column.key || current.key !== column.key) return 'none';
  return current.descending ? 'descending' : 'ascending';
}
