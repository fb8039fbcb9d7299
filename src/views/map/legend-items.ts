/** Legend rows as plain data (for the map's exports), matching what the on-screen legend shows. */
import {EMERGING_CATEGORIES} from '../../analysis/emerging';
import {
  COUNT_COLOURS,
  emergingColour,
  GI_BIN_COLOURS,
  GI_BIN_LABELS,
  rateColour,
} from './constants';
import type {MapMode} from './layers';
import {breakLabels, countClassLabels} from './scale';

/** A legend row: swatch colour (CSS) and label. */
export interface LegendItem {
  colour: string;
  label: string;
}

/** A block of the legend: its title and rows. */
export interface LegendBlock {
  title: string;
  items: LegendItem[];
}

const css = (c: readonly number[]) => `rgb(${c[0]},${c[1]},${c[2]})`;

/** The area rate classes' block (see Legend.tsx), when the rate choropleth is on. */
export function rateLegend(rateBreaks: readonly number[]): LegendBlock {
  return {
    title: 'Areas: rate per 100,000 residents per year',
    items: breakLabels(rateBreaks, false).map((label, i) => ({
      colour: css(rateColour(i, rateBreaks.length)),
      label,
    })),
  };
}

/** Title and rows of the legend for a mode; count classes as published (`minCount`, see scale.ts). */
export function legendItems(
  mode: MapMode,
  resolution: number,
  breaks: readonly number[],
  summary: Record<string, number>,
  minCount: number,
): LegendBlock {
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
