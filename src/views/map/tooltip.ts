/** Tooltips of the map's objects; text is escaped, since names come from the dataset. */
import {EMERGING_CATEGORIES} from '../../analysis/emerging';
import {formatCount} from '../../ui/format';
import {labelOf} from '../../ui/labels';
import type {MapMode} from './layers';
import {GI_BIN_LABELS} from './constants';
import type {Picked} from './pick';

/** What the tooltip needs besides the picked object. */
export interface TooltipContext {
  mode: MapMode;
  minCount: number;
  publication: boolean;
  total: number;
}

/** Escape text for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A count as shown: exact, or "fewer than k" under publication mode. */
export function shownCount(
  n: number,
  {minCount, publication}: Pick<TooltipContext, 'minCount' | 'publication'>,
) {
  return publication && n > 0 && n < minCount ? `fewer than ${minCount}` : formatCount(n);
}

/** The tooltip's HTML for a picked object, or null. */
export function tooltipOf(picked: Picked | null, ctx: TooltipContext): string | null {
  if (!picked) return null;
  const lines: string[] = [];
  switch (picked.kind) {
    case 'hex': {
      const d = picked.object;
      lines.push(`<strong>${shownCount(d.n, ctx)} attendances</strong>`);
      if (ctx.total > 0 && d.n > 0 && !(ctx.publication && d.n < ctx.minCount)) {
        lines.push(`${((d.n / ctx.total) * 100).toFixed(1)}% of those on the map`);
      }
      // Where fewer than min_count attendances happened is theirs too: not in publication mode.
      if (d.topLoc && !(ctx.publication && d.n < ctx.minCount)) {
        // Its share says its count (share × attendances): not when that count is hidden.
        const top = Math.round(d.n * d.topShare);
        const share =
          ctx.publication && top < ctx.minCount ? '' : ` (${Math.round(d.topShare * 100)}%)`;
        lines.push(`Most often: ${escapeHtml(labelOf(d.topLoc))}${share}`);
      }
      if (ctx.mode === 'hotspot' && d.bin !== undefined) {
        const label = GI_BIN_LABELS.find(([b]) => b === d.bin)?.[1] ?? '';
        lines.push(`${label} (z = ${d.z?.toFixed(2)}, p = ${d.p?.toPrecision(2)})`);
      }
      if (ctx.mode === 'emerging' && d.category) {
        const c = EMERGING_CATEGORIES.find((x) => x.id === d.category);
        if (c) lines.push(`${escapeHtml(c.label)}: ${escapeHtml(c.explanation)}`);
      }
      lines.push('<em>Click to filter to this hexagon</em>');
      break;
    }
    case 'premises': {
      const d = picked.object;
      lines.push(`<strong>${escapeHtml(d.name ?? d.id)}</strong>`);
      if (d.type) lines.push(escapeHtml(labelOf(d.type)));
      lines.push(`${shownCount(d.n, ctx)} attendances`, '<em>Click to focus</em>');
      break;
    }
    case 'site': {
      const d = picked.object;
      lines.push(
        `<strong>${escapeHtml(d.name)}</strong>`,
        `Emergency department (${escapeHtml(d.code)})`,
      );
      break;
    }
    case 'area': {
      const d = picked.object;
      lines.push(`<strong>${escapeHtml(d.name)}</strong>`, `${shownCount(d.n, ctx)} attendances`);
      if (d.rate !== null && !(ctx.publication && d.n < ctx.minCount)) {
        lines.push(`${d.rate.toFixed(1)} per 100,000 residents per year`);
      }
      break;
    }
  }
  return lines.join('<br>');
}
