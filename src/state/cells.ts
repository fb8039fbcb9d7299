/**
 * The map's selection of hexagons: its clause, and its form in the URL (`cells=`), so a link or a
 * reload keeps it like any other filter.
 */
import {H3_RESOLUTION, PARENT_RESOLUTIONS} from '../data/sql/h3';
import {cellsSql} from '../data/sql/hotspots';
import {CELL_SOURCE} from './columns';
import type {Clause, Selection} from './selection';

/** Hexagons of one resolution (the map's clause value). */
export interface CellSelection {
  resolution: number;
  cells: string[];
}

/** More cells than a Shift-drag over the whole region at the finest map resolution selects. */
export const MAX_URL_CELLS = 5000;

const RESOLUTIONS: readonly number[] = [...PARENT_RESOLUTIONS, H3_RESOLUTION];
/** An H3 cell index (mode 1) in lower-case hex, as h3-js writes it. */
const CELL_HEX = /^8[0-9a-f]{14}$/;

/** The clause selecting `value`'s cells (the map's own source). */
export function cellClause(value: CellSelection): Clause<CellSelection> {
  return {source: CELL_SOURCE, value, sql: cellsSql(value.resolution, value.cells)};
}

/** "1 hexagon", "12 hexagons": the selection in words (chips, presenter). */
export function hexagonCount(selection: CellSelection): string {
  const n = selection.cells.length;
  return `${n} hexagon${n === 1 ? '' : 's'}`;
}

/** The selected hexagons, if any. */
export function cellsOf(selection: Selection): CellSelection | undefined {
  return selection.get<CellSelection>(CELL_SOURCE)?.value;
}

/** Resolution of a hexagon the map can select, or null for anything else. */
export function cellResolution(cell: string): number | null {
  if (!CELL_HEX.test(cell)) return null;
  const index = BigInt(`0x${cell}`);
  const resolution = Number((index >> 52n) & 15n);
  if (!RESOLUTIONS.includes(resolution)) return null;
  const baseCell = Number((index >> 45n) & 127n);
  // Digits finer than the resolution are all 7 in a cell's index; those in use are 0 to 6.
  const unused = (1n << BigInt(3 * (15 - resolution))) - 1n;
  if (baseCell > 121 || (index & unused) !== unused) return null;
  for (let r = 1; r <= resolution; r++) {
    if (((index >> BigInt(3 * (15 - r))) & 7n) === 7n) return null;
  }
  return resolution;
}

/** The selection a `cells=` value gives, or why it gives none. */
export function parseCells(raw: string): {value: CellSelection} | {problem: string} {
  const cells = [...new Set(raw.split(',').map((s) => s.trim().toLowerCase()))].filter(Boolean);
  if (!cells.length) return {problem: 'no hexagons listed'};
  if (cells.length > MAX_URL_CELLS) return {problem: `more than ${MAX_URL_CELLS} hexagons`};
  const resolutions = cells.map(cellResolution);
  const bad = resolutions.indexOf(null);
  if (bad >= 0) {
    return {problem: `${cells[bad].slice(0, 20)} is not an H3 cell of resolution 5 to 9`};
  }
  const resolution = resolutions[0]!;
  if (resolutions.some((r) => r !== resolution)) {
    return {problem: 'the hexagons are not all of one resolution'};
  }
  return {value: {resolution, cells}};
}
