/** The map as a PNG: basemap and deck.gl canvases composited, with the legend and caption drawn in. */
import type {ExportMeta} from '../export/meta';
import {wrapText} from '../export/svg';

/** A legend row: swatch colour (CSS) and label. */
export interface LegendItem {
  colour: string;
  label: string;
}

const PAD_PX = 12;
const LINE_PX = 14;
const CAPTION_FONT = '11px system-ui, Helvetica, Arial, sans-serif';

/** Composite every canvas in `container` (in DOM order) and add legend and caption, at 2x. */
export async function mapPng(
  container: HTMLElement,
  legendTitle: string,
  legend: LegendItem[],
  meta: ExportMeta,
  scale = 2,
): Promise<Blob> {
  const canvases = [...container.querySelectorAll('canvas')];
  const {width, height} = container.getBoundingClientRect();
  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = CAPTION_FONT;
  const lines = meta.lines.flatMap((l) =>
    wrapText(l, width - 2 * PAD_PX, (t) => measure.measureText(t).width),
  );
  const captionH = (lines.length + 1) * LINE_PX + 2 * PAD_PX + 8;
  const out = document.createElement('canvas');
  out.width = Math.round(width * scale);
  out.height = Math.round((height + captionH) * scale);
  const ctx = out.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height + captionH);
  for (const c of canvases) {
    const r = c.getBoundingClientRect();
    const box = container.getBoundingClientRect();
    ctx.drawImage(c, r.left - box.left, r.top - box.top, r.width, r.height);
  }
  // Legend, top left, as on screen.
  const legendW = 200;
  const legendH = (legend.length + 1) * LINE_PX + 12;
  ctx.fillStyle = 'rgba(255,255,255,0.94)';
  ctx.fillRect(8, 8, legendW, legendH);
  ctx.strokeStyle = '#ccc';
  ctx.strokeRect(8, 8, legendW, legendH);
  ctx.font = '600 11px system-ui, Helvetica, Arial, sans-serif';
  ctx.fillStyle = '#1b1f24';
  ctx.fillText(legendTitle, 14, 8 + LINE_PX);
  ctx.font = '11px system-ui, Helvetica, Arial, sans-serif';
  legend.forEach((item, i) => {
    const y = 8 + (i + 2) * LINE_PX;
    ctx.fillStyle = item.colour;
    ctx.fillRect(14, y - 10, 14, 11);
    ctx.fillStyle = '#1b1f24';
    ctx.fillText(item.label, 34, y);
  });
  // Caption below the map.
  ctx.font = '700 14px system-ui, Helvetica, Arial, sans-serif';
  ctx.fillText(meta.title, PAD_PX, height + PAD_PX + LINE_PX);
  ctx.font = CAPTION_FONT;
  ctx.fillStyle = '#444';
  lines.forEach((l, i) => ctx.fillText(l, PAD_PX, height + PAD_PX + (i + 2) * LINE_PX + 4));
  return new Promise((ok, fail) =>
    out.toBlob((b) => (b ? ok(b) : fail(new Error('PNG encoding failed'))), 'image/png'),
  );
}
