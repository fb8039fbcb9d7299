/** The breakdowns as a captioned SVG: one bar chart per dimension, small numbers withheld. */
import {shownMax, suppressedText} from '../../analysis/disclosure';
import type {ExportMeta} from '../export/meta';
import {captionedSvg, escapeXml, wrapText} from '../export/svg';
import {formatCount} from '../../ui/format';
import type {PublishedDimension} from './published';

const COLUMNS = 3;
const LABEL_PX = 118;
const BAR_PX = 80;
const VALUE_PX = 92;
const PANEL_PX = LABEL_PX + 6 + BAR_PX + VALUE_PX;
const GAP_PX = 18;
const TITLE_PX = 20;
const ROW_PX = 17;
const NOTE_PX = 13;
/** The bars' colour on screen (styles.css `.bar`). */
const BAR_COLOUR = '#4a78a8';

/** One dimension's chart at (x, y): title, then label, bar and value per row. */
function panel(d: PublishedDimension, minCount: number, x: number, y: number): string {
  // Bars run to the largest count shown: a withheld one must not set their scale.
  const max = shownMax(
    d.values.map((v) => v.n),
    d.values.map((v) => v.hidden),
  );
  const parts = [
    `<text x="${x}" y="${y + 13}" font-size="12" font-weight="700" fill="#1b1f24">${escapeXml(d.name)}</text>`,
  ];
  d.values.forEach((v, i) => {
    const top = y + TITLE_PX + i * ROW_PX;
    const width = v.hidden || !max ? 0 : (v.n / max) * BAR_PX;
    const value = v.hidden
      ? suppressedText(v.n, minCount)
      : `${formatCount(v.n)}${v.share === null ? '' : ` (${v.share.toFixed(1)}%)`}`;
    parts.push(
      `<text x="${x + LABEL_PX}" y="${top + 12}" font-size="11" text-anchor="end" fill="#333">${escapeXml(v.label)}</text>`,
    );
    if (width > 0) {
      parts.push(
        `<rect x="${x + LABEL_PX + 6}" y="${top + 3}" width="${width.toFixed(1)}" height="${ROW_PX - 5}" fill="${BAR_COLOUR}"/>`,
      );
    }
    parts.push(
      `<text x="${x + LABEL_PX + 10 + width}" y="${top + 12}" font-size="11" fill="${v.hidden ? '#666' : '#1b1f24'}">${escapeXml(value)}</text>`,
    );
  });
  return parts.join('');
}

/** Panels in rows of three; each row as tall as its longest dimension. */
export function breakdownSvg(
  dimensions: readonly PublishedDimension[],
  minCount: number,
  meta: ExportMeta,
): string {
  const parts: string[] = [];
  let y = 0;
  for (let start = 0; start < dimensions.length; start += COLUMNS) {
    const row = dimensions.slice(start, start + COLUMNS);
    row.forEach((d, c) => parts.push(panel(d, minCount, c * (PANEL_PX + GAP_PX), y)));
    y += TITLE_PX + Math.max(1, ...row.map((d) => d.values.length)) * ROW_PX + GAP_PX;
  }
  const width = COLUMNS * PANEL_PX + (COLUMNS - 1) * GAP_PX;
  const note = wrapText(
    `Bars: attendances, each dimension's scale running to its largest count shown; percentages are shares of the dimension's total. Withheld: <${minCount} (fewer than ${minCount}) and * (to protect one).`,
    Math.floor(width / 5.5),
  );
  note.forEach((line, i) =>
    parts.push(
      `<text x="0" y="${y + 4 + i * NOTE_PX}" font-size="10" fill="#555">${escapeXml(line)}</text>`,
    ),
  );
  return captionedSvg(parts.join(''), width, y + note.length * NOTE_PX, meta);
}
