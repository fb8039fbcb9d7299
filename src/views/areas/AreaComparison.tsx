/** Area comparison: each area's rate per 100,000 with its 95% interval, and trends by area. */
import * as d3 from 'd3';
import {useMemo, useRef} from 'react';
import {isSmall, suppressList, suppressedText} from '../../analysis/disclosure';
import type {Dataset} from '../../data/load-dataset';
import {coveredPeriod, yearsCovered} from '../../data/period';
import {useApp, usePage} from '../../state/AppContext';
import {useFilters, useSelectionPredicate, useSourceTable} from '../../state/useSelection';
import {formatCount, formatRange} from '../../ui/format';
import {useWidth} from '../../ui/useWidth';
import {ExportMenu} from '../export/ExportMenu';
import {svgFromElement} from '../export/svg';
import {areaRates} from './model';
import {SmallMultiples} from './SmallMultiples';
import {useAreaCounts} from './useAreaCounts';

/** Props of AreaComparison. */
export interface AreaComparisonProps {
  dataset: Dataset;
  generation: number;
}

const ROW_PX = 26;
const LABEL_PX = 120;
const VERSUS_COLOUR = {higher: '#d55e00', similar: '#7a7a7a', lower: '#0072b2'};
const VERSUS_WORDS = {higher: 'Higher', similar: 'Similar', lower: 'Lower'};
/** Width kept right of the scale for a verdict at 10px (presenter mode scales the chart). */
const VERDICT_PX = 52;

/** The comparison chart, table and small multiples. */
export function AreaComparison({dataset, generation}: AreaComparisonProps) {
  const {selection} = useApp();
  const {publication} = usePage();
  const filters = useFilters(selection);
  const where = useSelectionPredicate(selection, []);
  const table = useSourceTable(selection, dataset.rollups, [], ['lad_code']);
  const areaCounts = useAreaCounts({
    column: 'lad_code',
    where,
    night: filters.night === true,
    from: table,
    generation,
  });
  // Rates over the days the data cover: a date filter reaching past the data adds no days.
  const {from, to} = coveredPeriod(filters.dates, dataset.period);
  const years = yearsCovered(filters.dates, dataset.period);
  const minCount = dataset.manifest.disclosure.min_count;
  const {rows, overall} = useMemo(
    () => areaRates(dataset.areas, areaCounts.counts, years),
    [dataset.areas, areaCounts.counts, years],
  );
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const width = Math.max(320, useWidth(box));
  if (!dataset.areas.some((a) => a.population !== null)) {
    return (
      <p className="muted">
        This dataset&apos;s areas have no population, so rates cannot be compared.
      </p>
    );
  }
  // The areas' counts are a line with their total (the overall rate says it): a single hidden
  // area would be that total less the others, so suppression hides a second one too. Exports
  // always suppress; the screen in publication mode.
  const withheld = suppressList(
    rows.map((r) => r.count),
    minCount,
    true,
  );
  const overallWithheld = overall !== null && isSmall(overall.count, minCount);
  const hidden = (i: number) => publication && withheld[i];
  const overallShown = overall && !(publication && overallWithheld) ? overall : null;
  // The scale runs to the published intervals only (an export leaves the others out, and its
  // axis must not place them); on screen, without publication mode, they are drawn clamped.
  const published = rows.filter((_, i) => !withheld[i]);
  const max = d3.max(published, (r) => r.upper) ?? 1;
  const x = d3
    .scaleLinear()
    .domain([0, max])
    .clamp(true)
    .nice()
    // Room on the right for the verdict written after the highest interval ('Similar').
    .range([LABEL_PX, width - VERDICT_PX]);
  const height = rows.length * ROW_PX + 36;
  const csv = () => ({
    columns: [
      'Area',
      'Code',
      'Attendances',
      'Population',
      'Rate per 100,000 per year',
      '95% CI lower',
      '95% CI upper',
      'Against the overall rate',
    ],
    rows: rows.map((r, i) =>
      withheld[i]
        ? [r.name, r.code, suppressedText(r.count, minCount), r.population, null, null, null, null]
        : [
            r.name,
            r.code,
            r.count,
            r.population,
            round(r.rate),
            round(r.lower),
            round(r.upper),
            r.versus,
          ],
    ),
  });
  return (
    <div className="area-comparison" ref={box} data-pending={areaCounts.pending}>
      {areaCounts.error && (
        <p className="error-text" role="alert">
          Could not count the areas&apos; attendances: {areaCounts.error}
        </p>
      )}
      <div className="area-head">
        <p className="muted">
          Rate per 100,000 residents per year, {formatRange(from, to)}, with exact 95% intervals
          (Poisson).
          {overallShown && ` Overall: ${overallShown.rate.toFixed(1)}.`} An area is higher or lower
          when its interval excludes the overall rate.
        </p>
        <ExportMenu
          view="Area comparison"
          dataset={dataset}
          notes={[
            `Rates per 100,000 residents per year; overall ${overall === null ? 'n/a' : overallWithheld ? 'withheld (fewer than ' + minCount + ' attendances)' : overall.rate.toFixed(1)}.`,
          ]}
          svg={(meta) => svgFromElement(svg.current!, meta, '[data-withheld]')}
          csv={csv}
        />
      </div>
      <svg
        ref={svg}
        width={width}
        height={height}
        role="img"
        aria-label="Rates by area with 95% intervals"
      >
        <g className="axis" transform={`translate(0,${height - 20})`}>
          {x.ticks(5).map((t) => (
            <g key={t} transform={`translate(${x(t)},0)`}>
              <line y1={-(height - 28)} y2={0} stroke="#e2e2e2" />
              <text y={14} textAnchor="middle" fontSize={10} fill="#5a6270">
                {t}
              </text>
            </g>
          ))}
        </g>
        {overallShown && (
          <g data-withheld={overallWithheld || undefined}>
            <line
              x1={x(overallShown.rate)}
              x2={x(overallShown.rate)}
              y1={4}
              y2={height - 20}
              stroke="#222"
              strokeDasharray="4 3"
            />
            <text x={x(overallShown.rate) + 4} y={12} fontSize={10} fill="#222">
              overall
            </text>
          </g>
        )}
        {rows.map((r, i) => {
          const y = 18 + i * ROW_PX;
          return (
            <g key={r.code}>
              <text x={0} y={y + 4} fontSize={12} fill="#1b1f24">
                {r.name}
              </text>
              {!hidden(i) && (
                <g data-withheld={withheld[i] || undefined}>
                  <line
                    x1={x(r.lower)}
                    x2={x(r.upper)}
                    y1={y}
                    y2={y}
                    stroke={VERSUS_COLOUR[r.versus]}
                    strokeWidth={2}
                  />
                  <circle cx={x(r.rate)} cy={y} r={5} fill={VERSUS_COLOUR[r.versus]} />
                  <text x={x(r.upper) + 6} y={y + 4} fontSize={10} fill={VERSUS_COLOUR[r.versus]}>
                    {VERSUS_WORDS[r.versus]}
                  </text>
                </g>
              )}
            </g>
          );
        })}
      </svg>
      <table className="area-table" aria-label="Area comparison">
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col">Attendances</th>
            <th scope="col">Rate per 100,000 per year</th>
            <th scope="col">95% interval</th>
            <th scope="col">Against overall</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.code}>
              <th scope="row">{r.name}</th>
              <td className="num">
                {hidden(i) ? suppressedText(r.count, minCount) : formatCount(r.count)}
              </td>
              <td className="num">{hidden(i) ? '–' : r.rate.toFixed(1)}</td>
              <td className="num">
                {hidden(i) ? '–' : `${r.lower.toFixed(1)} to ${r.upper.toFixed(1)}`}
              </td>
              <td>{hidden(i) ? '–' : VERSUS_WORDS[r.versus]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <SmallMultiples
        rows={areaCounts.months ?? []}
        areas={dataset.areas}
        from={from}
        to={to}
        minCount={publication ? minCount : null}
      />
    </div>
  );
}

function round(v: number): number {
  return Number(v.toFixed(2));
}
