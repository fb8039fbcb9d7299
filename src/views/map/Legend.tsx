/** The map legend: real class breaks for counts, Gi* bins, or emerging categories with words. */
import {EMERGING_CATEGORIES} from '../../analysis/emerging';
import {COUNT_COLOURS, emergingColour, GI_BIN_COLOURS, GI_BIN_LABELS} from './constants';
import type {MapMode} from './layers';
import {type LegendBlock, rateLegend} from './legend-items';
import {countClassLabels} from './scale';

/** Props of Legend. */
export interface LegendProps {
  mode: MapMode;
  resolution: number;
  breaks: number[];
  rateBreaks: number[] | null;
  studyCells: number;
  summary: Record<string, number>;
  sliceUnit: string;
  minCount: number;
  publication: boolean;
  /** The time-lapse (its span and step, in words) the count classes are fixed for, if any. */
  fixedFor?: string | null;
}

const swatch = (rgb: readonly number[]) => ({background: `rgb(${rgb[0]} ${rgb[1]} ${rgb[2]})`});

/** Legend box for the current mode. */
export function Legend(p: LegendProps) {
  return (
    <div className="map-legend" aria-label="Map legend" role="group">
      {p.mode === 'count' && (
        <>
          <div className="legend-title">Attendances per hexagon (H3 resolution {p.resolution})</div>
          {p.breaks.length === 0 && <div>No geocoded attendances under these filters.</div>}
          {countClassLabels(p.breaks, p.publication ? p.minCount : null).map((label, i) => (
            <div className="legend-row" key={i}>
              <span
                className="swatch"
                style={swatch(COUNT_COLOURS[Math.min(i, COUNT_COLOURS.length - 1)])}
              />
              {label}
            </div>
          ))}
          <div className="legend-note">
            {p.fixedFor
              ? `Classes fixed for the time-lapse (${p.fixedFor}): equal on a log scale up to the busiest hexagon in any step, so a colour means the same count in every step.`
              : 'Classes equal on a log scale up to the busiest hexagon.'}
          </div>
        </>
      )}
      {p.mode === 'hotspot' && (
        <>
          <div className="legend-title">Hot spots: Getis-Ord Gi* (resolution {p.resolution})</div>
          {GI_BIN_LABELS.map(([bin, label]) => (
            <div className="legend-row" key={bin}>
              <span className="swatch" style={swatch(GI_BIN_COLOURS[bin])} />
              {label}
              {p.summary[bin] ? ` (${p.summary[bin]})` : ''}
            </div>
          ))}
          <div className="legend-note">
            Neighbours: each hexagon and its first ring (k = 1). Study area:{' '}
            {p.studyCells.toLocaleString('en-GB')} hexagons with any attendance in the dataset.
            p-values corrected for multiple testing (Benjamini-Hochberg false discovery rate).
          </div>
        </>
      )}
      {p.mode === 'emerging' && (
        <>
          <div className="legend-title">Emerging hot spots, by {p.sliceUnit}</div>
          {EMERGING_CATEGORIES.filter((c) => c.kind === 'hot' || (p.summary[c.id] ?? 0) > 0).map(
            (c) => (
              <div className="legend-row" key={c.id} title={c.explanation}>
                <span className="swatch" style={swatch(emergingColour(c.id))} />
                <span>
                  <strong>{c.label}</strong>
                  {p.summary[c.id] ? ` (${p.summary[c.id]})` : ''}: {c.explanation}
                </span>
              </div>
            ),
          )}
          <div className="legend-note">
            Gi* per {p.sliceUnit} (k = 1, FDR-corrected, 90%) and a Mann-Kendall trend test on each
            hexagon&apos;s z-scores.
          </div>
        </>
      )}
      {p.rateBreaks && <LegendRows block={rateLegend(p.rateBreaks)} />}
    </div>
  );
}

/** A block of plain rows (the area rates, as the exports draw them too). */
function LegendRows({block}: {block: LegendBlock}) {
  return (
    <>
      <div className="legend-title">{block.title}</div>
      {block.items.map((item) => (
        <div className="legend-row" key={item.label}>
          <span className="swatch" style={{background: item.colour}} />
          {item.label}
        </div>
      ))}
    </>
  );
}
