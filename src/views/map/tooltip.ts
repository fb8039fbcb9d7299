/** Tooltips of the map's objects; text is escaped, since names come from the dataset. */
import type {PickingInfo} from '@deck.gl/core';
import {EMERGING_CATEGORIES} from '../../analysis/emerging';
import {formatCount} from '../../ui/format';
import {labelOf} from '../../ui/labels';
import type {AreaDatum, AreaFeature, HexDatum, MapMode, PremisesDatum, SiteDatum} from './layers';
import {GI_BIN_LABELS} from './constants';

/** What the tooltip needs besides the picked object. */
export interface TooltipContext {
  mode: MapMode;
  minCount: number;
  publication: boolean;
  total: number;
  /** The areas under the filters, as given to the layers (their shapes carry only an index). */
  areas: readonly AreaDatum[] | null;
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

/** The tooltip for a picked object, or null. */
export function tooltipOf(info: PickingInfo, ctx: TooltipContext): {html: string} | null {
  if (!info.object) return null;
  const lines: string[] = [];
  switch (info.layer?.id) {
    case 'hexagons': {
      const d = info.object as HexDatum;
      lines.push(`<strong>${shownCount(d.n, ctx)} attendances</strong>`);
      if (ctx.total > 0 && d.n > 0 && !(ctx.publication && d.n < ctx.minCount)) {
        lines.push(`${((d.n / ctx.total) * 100).toFixed(1)}% of those on the map`);
      }
      if (d.topLoc)
        lines.push(
          `Most often: ${escapeHtml(labelOf(d.topLoc))} (${Math.round(d.topShare * 100)}%)`,
        );
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
      const d = info.object as PremisesDatum;
      lines.push(`<strong>${escapeHtml(d.name ?? d.id)}</strong>`);
      if (d.type) lines.push(escapeHtml(labelOf(d.type)));
      lines.push(`${shownCount(d.n, ctx)} attendances`, '<em>Click to focus</em>');
      break;
    }
    case 'sites': {
      const d = info.object as SiteDatum;
      lines.push(
        `<strong>${escapeHtml(d.name)}</strong>`,
        `Emergency department (${escapeHtml(d.code)})`,
      );
      break;
    }
    case 'areas': {
      const d = ctx.areas?.[(info.object as AreaFeature).properties.index];
      if (!d) return null;
      lines.push(`<strong>${escapeHtml(d.name)}</strong>`, `${shownCount(d.n, ctx)} attendances`);
      if (d.rate !== null && !(ctx.publication && d.n < ctx.minCount)) {
        lines.push(`${d.rate.toFixed(1)} per 100,000 residents`);
      }
      break;
    }
    default:
      return null;
  }
  return {html: lines.join('<br>')};
}
