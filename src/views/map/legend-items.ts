/** Legend rows as plain data (for the exported PNG), matching what the on-screen legend shows. */
import {EMERGING_CATEGORIES} from '../../analysis/emerging';
import {COUNT_COLOURS, emergingColour, GI_BIN_COLOURS, GI_BIN_LABELS} from './constants';
import type {LegendItem} from './export';
import type {MapMode} from './layers';
import {countClassLabels} from './scale';

const css = (c: readonly number[]) => `rgb(${c[0]},${c[1]},${c[2]})`;

/** Title and rows of the legend for a mode; count classes as published (`minCount`, see scale.ts). */
export function legendItems(
  mode: MapMode,
  resolution: number,
  breaks: readonly number[],
  summary: Record<string, number>,
  minCount: number,
): {title: string; items: LegendItem[]} {
  if (mode === 'hotspot') {
    return {
      title: `Gi* hot spots (H3 res ${resolution}, k = 1, FDR)`,
      items: GI_BIN_LABELS.map(([bin, label]) => ({colour: css(GI_BIN_COLOURS[bin]), label})),
    };
  }
  if (mode === 'emerging') {
    return {
      title: 'Emerging hot spots',
      items: EMERGING_CATEGORIES.filter((c) => (summary[c.id] ?? 0) > 0 && c.id !== 'none').map(
        (c) => ({
          colour: css(emergingColour(c.id)),
          label: `${c.label} (${summary[c.id]})`,
        }),
      ),
    };
  }
  return {
    title: `Attendances per hexagon (H3 res ${resolution})`,
    items: countClassLabels(breaks, minCount).map((label, i) => ({
      colour: css(COUNT_COLOURS[Math.min(i, COUNT_COLOURS.length - 1)]),
      label,
    })),
  };
}
