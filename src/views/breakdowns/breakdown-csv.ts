/** The breakdown tables as one CSV table, small numbers suppressed within each dimension. */
import {suppressList, suppressedText} from '../../analysis/disclosure';
import type {Row} from '../../data/connector';
import type {ListFilter} from '../../data/sql/clauses';
import type {CsvTable} from '../export/csv';
import {FILTER_NAMES, labelOf} from '../../ui/labels';

/** Rows: dimension, code, label, attendances, share (%); shares of hidden counts are left out. */
export function breakdownCsv(
  keys: readonly ListFilter[],
  tables: ReadonlyMap<string, Row[]>,
  minCount: number,
): CsvTable {
  const rows: (string | number | null)[][] = [];
  for (const key of keys) {
    const table = tables.get(key) ?? [];
    const values = table.map((r) => Number(r.n));
    const total = values.reduce((a, b) => a + b, 0);
    const hidden = suppressList(values, minCount, true);
    table.forEach((r, i) => {
      const code = String(r.code);
      rows.push([
        FILTER_NAMES[key],
        code,
        labelOf(code),
        hidden[i] ? suppressedText(values[i], minCount) : values[i],
        hidden[i] || !total ? null : Number(((values[i] / total) * 100).toFixed(1)),
      ]);
    });
  }
  return {columns: ['Dimension', 'Code', 'Label', 'Attendances', 'Share (%)'], rows};
}
