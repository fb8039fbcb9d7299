/** The hour-by-weekday grid as CSV and as a captioned SVG, with small numbers suppressed. */
import * as d3 from 'd3';
import {shownMax, suppressedText} from '../../analysis/disclosure';
import type {CsvTable} from '../export/csv';
import type {ExportMeta} from '../export/meta';
import {captionedSvg, escapeXml} from '../export/svg';
import {WEEKDAY_SHORT} from '../../ui/labels';
import {gridHidden, HOUR_ORDER, type GridModel} from './model';

const CELL_PX = 22;
const LABEL_PX = 70;
const HEAD_PX = 18;

/** Rows Monday to Sunday, columns 06:00 to 05:00, with totals; hidden cells written `<k`. */
export function gridCsv(model: GridModel, minCount: number, night: boolean): CsvTable {
  const hidden = gridHidden(model, minCount);
  const show = (n: number, h: boolean) => (h ? suppressedText(n, minCount) : n);
  return {
    columns: [
      night ? 'Night of' : 'Day',
      ...HOUR_ORDER.map((h) => `${String(h).padStart(2, '0')}:00`),
      'Total',
    ],
    rows: [
      ...model.cells.map((row, d) => [
        WEEKDAY_SHORT[d],
        ...HOUR_ORDER.map((h) => show(row[h], hidden.cells[d][h])),
        show(model.rowTotals[d], hidden.rows[d]),
      ]),
      [
        'Total',
        ...HOUR_ORDER.map((h) => show(model.colTotals[h], hidden.cols[h])),
        show(model.total, hidden.total),
      ],
    ],
  };
}

/** The grid drawn as SVG rectangles (hidden cells hatched grey), with the caption. */
export function gridSvg(
  model: GridModel,
  minCount: number,
  night: boolean,
  meta: ExportMeta,
): string {
  const hidden = gridHidden(model, minCount).cells;
  // The scale and its caption run to the largest count shown: a withheld one must not set them.
  const max = shownMax(model.cells.flat(), hidden.flat());
  const colour = d3.scaleSequential(d3.interpolateYlGnBu).domain([0, max || 1]);
  const width = LABEL_PX + 24 * CELL_PX;
  const height = HEAD_PX + 7 * CELL_PX + 24;
  const parts: string[] = [];
  HOUR_ORDER.forEach((h, c) => {
    if (h % 3 === 0)
      parts.push(
        `<text x="${LABEL_PX + c * CELL_PX}" y="12" font-size="10" fill="#555">${String(h).padStart(2, '0')}</text>`,
      );
  });
  model.cells.forEach((row, d) => {
    const y = HEAD_PX + d * CELL_PX;
    parts.push(
      `<text x="0" y="${y + 15}" font-size="11" fill="#333">${WEEKDAY_SHORT[d]}${night ? ' night' : ''}</text>`,
    );
    HOUR_ORDER.forEach((h, c) => {
      const fill = hidden[d][h] ? '#bbbbbb' : row[h] ? colour(row[h]) : '#f7f7f7';
      parts.push(
        `<rect x="${LABEL_PX + c * CELL_PX}" y="${y}" width="${CELL_PX - 1}" height="${CELL_PX - 1}" fill="${fill}"><title>${escapeXml(hidden[d][h] ? suppressedText(row[h], minCount) : String(row[h]))}</title></rect>`,
      );
    });
  });
  const midnight = LABEL_PX + HOUR_ORDER.indexOf(0) * CELL_PX - 1;
  parts.push(
    `<line x1="${midnight}" x2="${midnight}" y1="${HEAD_PX - 2}" y2="${HEAD_PX + 7 * CELL_PX}" stroke="#222" stroke-width="2"/>`,
  );
  parts.push(
    `<text x="${LABEL_PX}" y="${HEAD_PX + 7 * CELL_PX + 16}" font-size="10" fill="#555">Colour: attendances in the hour, 0 to ${max} (of those shown); grey: withheld (fewer than ${minCount}, or withheld to protect one).</text>`,
  );
  return captionedSvg(parts.join(''), width, height, meta);
}
