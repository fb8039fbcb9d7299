/** The whole ranking (every page) as a table for CSV export, with small numbers suppressed. */
import {suppressList, suppressedText} from '../../analysis/disclosure';
import type {CsvTable} from '../export/csv';
import type {RankingRow} from './row';

/**
 * Rank, premises, area, type, closing time, attendances, previous period, share; ranked `byRate`,
 * the capacity and the rate it is ranked by too (withheld with a hidden count: it would give it).
 */
export function rankingCsv(
  rows: readonly RankingRow[],
  minCount: number,
  byRate = false,
): CsvTable {
  const now = suppressList(
    rows.map((r) => r.n),
    minCount,
    true,
  );
  const before = suppressList(
    rows.map((r) => r.prev ?? 0),
    minCount,
    true,
  );
  const show = (n: number, hidden: boolean) => (hidden ? suppressedText(n, minCount) : n);
  return {
    columns: [
      'Rank',
      'Premises id',
      'Premises',
      'Postcode',
      'Local authority',
      'Type',
      'Closing time',
      'Attendances',
      'Previous equal period',
      'Share of licensed-premises attendances (%)',
      ...(byRate ? ['Capacity', 'Attendances per 100 capacity'] : []),
    ],
    rows: rows.map((r, i) => [
      r.rank,
      r.id,
      r.name,
      r.postcode,
      r.ladName,
      r.type,
      r.closingTime,
      show(r.n, now[i]),
      r.prev === null ? null : show(r.prev, before[i]),
      now[i] || r.share === null ? null : Number((r.share * 100).toFixed(2)),
      ...(byRate ? [r.capacity, now[i] || r.rate === null ? null : Number(r.rate.toFixed(2))] : []),
    ]),
  };
}
