/** What every export carries: title, filters and period in words, source, date, synthetic note. */
import {COMPLEMENT_TEXT} from '../../analysis/disclosure';
import type {Dataset} from '../../data/load-dataset';
import {coveredPeriod} from '../../data/period';
import type {Filters} from '../../state/filters';
import {formatRange} from '../../ui/format';
import {chipsOf} from '../filters/describe';

/** The caption lines of an export. */
export interface ExportMeta {
  title: string;
  lines: string[];
  /** For file names: the period as from_to. */
  periodSlug: string;
}

/** Caption for a view's export under the current filters. */
export function exportMeta(
  view: string,
  dataset: Dataset,
  filters: Filters,
  extra: string[] = [],
  today = new Date().toISOString().slice(0, 10),
): ExportMeta {
  const names = {
    lad: new Map(dataset.lads.map((l) => [l.code, l.name])),
    site: new Map(dataset.sites.map((s) => [s.code, s.name])),
  };
  const {from, to} = coveredPeriod(filters.dates, dataset.period);
  const chips = chipsOf(filters, names, dataset.period).filter((c) => c.key !== 'dates');
  const m = dataset.manifest;
  return {
    title: `${view}: ${m.title}`,
    lines: [
      `Period: ${formatRange(from, to)}`,
      `Filters: ${chips.length ? chips.map((c) => `${c.name} ${c.text}`).join('; ') : 'none'}`,
      ...extra,
      `Counts from 1 to ${m.disclosure.min_count - 1} are shown as <${m.disclosure.min_count}; ${COMPLEMENT_TEXT} marks a count withheld so that a small one cannot be worked out from a total.`,
      ...(m.synthetic ? ['SYNTHETIC DATA: simulated attendances, not real people or places.'] : []),
      `Source: ${m.title}. ${m.attribution.join(' ')}`,
      `Generated ${today} by the violence surveillance dashboard.`,
    ],
    periodSlug: `${from}_${to}`,
  };
}

/** Hexagons of the map's selection listed in a caption before the rest are counted. */
const LISTED_CELLS = 12;

/** The caption line of the map's hexagon selection (a filter of every other view). */
export function cellSelectionLine(selected: {resolution: number; cells: string[]}): string {
  const {resolution, cells} = selected;
  const listed = cells.slice(0, LISTED_CELLS).join(', ');
  const more = cells.length > LISTED_CELLS ? ` and ${cells.length - LISTED_CELLS} more` : '';
  return `Map selection: ${cells.length} H3 hexagon${cells.length === 1 ? '' : 's'} at resolution ${resolution} (${listed}${more}).`;
}

/** A file name: the view's slug, the period and the extension. */
export function fileName(view: string, meta: ExportMeta, ext: string): string {
  const slug = view
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug}_${meta.periodSlug}.${ext}`;
}
