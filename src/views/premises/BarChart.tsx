/** A small vertical bar chart in plain SVG, for the profile and the evidence pack. */
import {scaleLinear} from 'd3';
import {useId} from 'react';
import {maskedText, suppressionOf, type Suppression} from '../evidence/suppress';

/** Props of BarChart. */
export interface BarChartProps {
  values: readonly number[];
  /** One label per bar. */
  labels: readonly string[];
  /** The chart's accessible name. */
  title: string;
  /** Show every nth bar label. @default 1 */
  labelEvery?: number;
  /** Bars drawn in the highlight colour. */
  highlight?: readonly boolean[];
  /** A vertical line at a position in bars from the left edge, with a label. */
  marker?: {at: number; text: string} | null;
  /**
   * Counts from 1 to minCount - 1 are drawn hatched at that height and labelled "<minCount"; a
   * lone one takes the smallest other bar with it (hatched to the top of the scale, labelled "*").
   */
  minCount?: number | null;
  /** Print each bar's value above it. @default false */
  showValues?: boolean;
  /** Each bar's suppression when set elsewhere (a table beside the chart); else the chart's own. */
  kinds?: readonly Suppression[];
  /** @default 560 */
  width?: number;
  /** @default 150 */
  height?: number;
}

const MARGIN = {top: 16, right: 8, bottom: 22, left: 34};

/** Bars with a y axis (3 ticks), x labels, optional marker and suppression. */
export function BarChart(props: BarChartProps) {
  const {values, labels, title, labelEvery = 1, highlight, marker, minCount = null} = props;
  const {showValues = false, width = 560, height = 150} = props;
  const hatch = `hatch-${useId().replace(/:/g, '')}`;
  const kinds = props.kinds ?? suppressionOf(values, minCount);
  const text = (i: number) => maskedText(values[i], kinds[i], minCount);
  // A small count is drawn at min_count - 1 (all it says is "fewer than"); a value withheld to
  // protect one is drawn at the top of the scale, which the shown values alone set: its true
  // height, or a scale reaching up to it, would give it away.
  const scaleTop = Math.max(1, ...values.map((v, i) => (kinds[i] === null ? v : 0)));
  const y = scaleLinear()
    .domain([0, Math.max(scaleTop, kinds.includes('small') ? minCount! - 1 : 0)])
    .nice()
    .range([height - MARGIN.bottom, MARGIN.top]);
  const band = (width - MARGIN.left - MARGIN.right) / Math.max(1, values.length);
  const x = (i: number) => MARGIN.left + i * band;
  const gap = Math.min(2, band * 0.2);
  const peak = values.reduce((best, v, i) => (v > values[best] ? i : best), 0);
  const summary = values.length ? `; highest ${labels[peak]} (${text(peak)})` : '';
  return (
    <svg
      className="bar-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${title}${summary}`}
    >
      <defs>
        <pattern id={hatch} width="4" height="4" patternUnits="userSpaceOnUse">
          <path d="M0,4 L4,0" stroke="currentColor" strokeWidth="1" />
        </pattern>
      </defs>
      {y.ticks(3).map((t) => (
        <g key={t} className="tick">
          <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} />
          <text x={MARGIN.left - 4} y={y(t)} dy="0.32em" textAnchor="end">
            {t}
          </text>
        </g>
      ))}
      {values.map((v, i) => {
        const suppressed = kinds[i] !== null;
        const top =
          kinds[i] === 'small'
            ? y(minCount! - 1)
            : kinds[i] === 'complement'
              ? y(y.domain()[1])
              : y(v);
        const cls = suppressed ? 'bar suppressed' : highlight?.[i] ? 'bar highlight' : 'bar';
        return (
          <g key={i}>
            <rect
              className={cls}
              x={x(i) + gap / 2}
              y={top}
              width={Math.max(0.5, band - gap)}
              height={Math.max(0, y(0) - top)}
              style={suppressed ? {fill: `url(#${hatch})`} : undefined}
            >
              <title>{`${labels[i]}: ${text(i)}`}</title>
            </rect>
            {showValues && v > 0 && (
              <text className="bar-label" x={x(i) + band / 2} y={top - 3} textAnchor="middle">
                {text(i)}
              </text>
            )}
            {i % labelEvery === 0 && (
              <text
                className="axis-label"
                x={x(i) + band / 2}
                y={height - MARGIN.bottom + 13}
                textAnchor="middle"
              >
                {labels[i]}
              </text>
            )}
          </g>
        );
      })}
      <line className="baseline" x1={MARGIN.left} x2={width - MARGIN.right} y1={y(0)} y2={y(0)} />
      {marker && (
        <g className="marker">
          <line
            x1={x(marker.at)}
            x2={x(marker.at)}
            y1={MARGIN.top - 6}
            y2={height - MARGIN.bottom}
          />
          <text x={x(marker.at) + 3} y={MARGIN.top - 5}>
            {marker.text}
          </text>
        </g>
      )}
    </svg>
  );
}
