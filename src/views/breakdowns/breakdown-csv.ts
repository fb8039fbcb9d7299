/** The breakdown tables as one CSV table, small numbers suppressed within each dimension. */
import {suppressedText} from '../../analysis/disclosure';
import type {CsvTable} from '../export/csv';
import type {PublishedDimension} from './published';

/** Rows: dimension, code, label, attendances, share (%); shares of hidden counts are left out. */
export function breakdownCsv(
  dimensions: readonly PublishedDimension[],
  minCount: number,
): CsvTable {
  const rows = dimensions.flatMap((d) =>
    d.values.map((v) => [
      d.name,
      v.code,
      v.label,
      v.hidden ? suppressedText(v.n, minCount) : v.n,
      v.share,
    ]),
  );
  return {columns: ['Dimension', 'Code', 'Label', 'Attendances', 'Share (%)'], rows};
}
