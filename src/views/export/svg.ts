/** Standalone SVG and PNG from a chart on screen, with the export caption drawn in. */
import type {ExportMeta} from './meta';

const NS = 'http://www.w3.org/2000/svg';
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-size',
  'font-family',
  'font-weight',
  'text-anchor',
  'display',
];
const TITLE_PX = 16;
const LINE_PX = 13;
const PAD_PX = 12;

/** Copy the computed presentation styles onto a clone, so it renders without the page's CSS. */
function inlineStyles(source: Element, clone: Element): void {
  const computed = getComputedStyle(source);
  const style = STYLE_PROPS.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
  clone.setAttribute('style', style);
  for (let i = 0; i < source.children.length; i++)
    inlineStyles(source.children[i], clone.children[i]);
}

/** Escape text for XML. */
export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Break text into lines no longer than `max` by `measure` (characters, or pixels), at spaces. */
export function wrapText(
  text: string,
  max: number,
  measure: (t: string) => number = (t) => t.length,
): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > max) {
      out.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) out.push(line);
  return out;
}

/** Wrap chart markup (an `<svg>` element's content) with a title above and the caption below. */
export function captionedSvg(
  inner: string,
  width: number,
  height: number,
  meta: ExportMeta,
): string {
  const w = Math.max(width + 2 * PAD_PX, 480);
  // Approximate glyph widths (11 px caption, 16 px bold title) to wrap inside the image.
  const caption = meta.lines.flatMap((l) => wrapText(l, Math.floor((w - 2 * PAD_PX) / 6)));
  const titleLines = wrapText(meta.title, Math.floor((w - 2 * PAD_PX) / 10.5));
  const top = PAD_PX + titleLines.length * (TITLE_PX + 4) + 6;
  const captionTop = top + height + PAD_PX;
  const total = captionTop + caption.length * LINE_PX + PAD_PX;
  const y = (i: number) => captionTop + (i + 1) * LINE_PX - 3;
  const lines = caption.map((l, i) => `<text x="${PAD_PX}" y="${y(i)}">${escapeXml(l)}</text>`);
  const title = titleLines.map(
    (l, i) =>
      `<text x="${PAD_PX}" y="${PAD_PX + TITLE_PX + i * (TITLE_PX + 4)}">${escapeXml(l)}</text>`,
  );
  return `<svg xmlns="${NS}" width="${w}" height="${total}" viewBox="0 0 ${w} ${total}" font-family="system-ui, Helvetica, Arial, sans-serif">
<title>${escapeXml(meta.title)}</title>
<desc>${escapeXml(meta.lines.join(' '))}</desc>
<rect width="100%" height="100%" fill="#ffffff"/>
<g font-size="${TITLE_PX}" font-weight="700" fill="#1b1f24">${title.join('')}</g>
<g transform="translate(${PAD_PX},${top})">${inner}</g>
<g class="caption" font-size="11" fill="#444">${lines.join('')}</g>
</svg>`;
}

/** A chart element on screen as a standalone, captioned SVG document. */
export function svgFromElement(
  el: SVGSVGElement,
  meta: ExportMeta,
  /** Elements left out of the export (counts the screen shows and an export withholds). */
  omit?: string,
): string {
  const clone = el.cloneNode(true) as SVGSVGElement;
  inlineStyles(el, clone);
  if (omit) for (const e of clone.querySelectorAll(omit)) e.remove();
  const {width, height} = el.getBoundingClientRect();
  const inner = `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${clone.innerHTML}</svg>`;
  return captionedSvg(inner, width, height, meta);
}

/** Rasterise an SVG document at `scale` times its size (2 for print). */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  const width = Number(doc.getAttribute('width'));
  const height = Number(doc.getAttribute('height'));
  const url = URL.createObjectURL(new Blob([svg], {type: 'image/svg+xml'}));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise((ok, fail) =>
      canvas.toBlob((b) => (b ? ok(b) : fail(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
