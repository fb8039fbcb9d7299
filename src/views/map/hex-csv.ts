/** The map's hexagons as a table for CSV export, with small numbers suppressed. */
import {isSmall, suppressList, suppressedText} from '../../analysis/disclosure';
import type {CsvTable} from '../export/csv';
import type {HexDatum, MapMode} from './layers';

/** One row per hexagon with attendances (and class in the analysis modes). */
export function hexCsv(
  hexes: readonly HexDatum[],
  mode: MapMode,
  resolution: number,
  minCount: number,
): CsvTable {
  const rows = hexes.filter((h) => h.n > 0 || mode !== 'count');
  const hidden = suppressList(
    rows.map((h) => h.n),
    minCount,
    true,
  );
  const extra =
    mode === 'hotspot' ? ['Gi* z', 'Gi* bin'] : mode === 'emerging' ? ['Emerging category'] : [];
  return {
    columns: [
      `H3 cell (resolution ${resolution})`,
      'Attendances',
      'Most common location',
      ...extra,
    ],
    rows: rows.map((h, i) => [
      h.cell,
      hidden[i] ? suppressedText(h.n, minCount) : h.n,
      // The place of fewer than min_count attendances is theirs: not published.
      isSmall(h.n, minCount) ? null : h.topLoc || null,
      ...(mode === 'hotspot'
        ? [h.z === undefined ? null : Number(h.z.toFixed(3)), h.bin ?? 0]
        : []),
      ...(mode === 'emerging' ? [h.category ?? 'none'] : []),
    ]),
  };
}
