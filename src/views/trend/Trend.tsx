/** "Trend over time": counts per bucket, rolling mean, a year earlier, events; brush sets dates. */
import {useEffect, useMemo, useRef, useState} from 'react';
import type {Dataset} from '../../data/load-dataset';
import {daysInRange} from '../../data/period';
import {timelineQuery, type Grain} from '../../data/sql/timeline';
import {useQuery} from '../../data/useQuery';
import {useApp} from '../../state/AppContext';
import {setFilter} from '../../state/filters';
import {useFilters, useSelectionPredicate, useSourceTable} from '../../state/useSelection';
import {formatCount, formatDate, formatRange} from '../../ui/format';
import {useWidth} from '../../ui/useWidth';
import {ExportMenu} from '../export/ExportMenu';
import {svgFromElement} from '../export/svg';
import {drawTrend} from './draw';
import {trendCsv} from './trend-csv';
import {bucketEnd, chooseGrain, trendSeries, type TrendPoint} from './series';

/** Props of Trend. */
export interface TrendProps {
  dataset: Dataset;
  generation: number;
}

const HEIGHT_PX = 190;
const GRAIN_WORDS: Record<Grain, string> = {day: 'Day', week: 'Week', month: 'Month'};
const ROLLING_WORDS: Record<Grain, string> = {day: '7-day', week: '4-week', month: '3-month'};

/** The trend chart with its controls, readout and a text alternative. */
export function Trend({dataset, generation}: TrendProps) {
  const {selection} = useApp();
  const filters = useFilters(selection);
  const where = useSelectionPredicate(selection, ['dates']);
  const datasetGrain = dataset.manifest.time_grain;
  const auto = chooseGrain(daysInRange(dataset.period.start, dataset.period.end), datasetGrain);
  const [chosen, setChosen] = useState<Grain | null>(null);
  const grain = chosen ?? auto;
  const night = filters.night === true;
  const from = useSourceTable(selection, dataset.rollups, ['dates'], ['date', 'ndate']);
  const {rows, error, pending} = useQuery(timelineQuery({grain, where, night, from}), generation);
  const points = useMemo(
    () =>
      trendSeries(
        (rows ?? []).map((r) => ({bucket: String(r.bucket), n: Number(r.n)})),
        grain,
        dataset.period.start,
        dataset.period.end,
      ),
    [rows, grain, dataset.period],
  );
  const [hover, setHover] = useState<TrendPoint | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const width = useWidth(box);
  const selected = filters.dates;

  useEffect(() => {
    if (!svg.current || width === 0 || !rows) return;
    return drawTrend(svg.current, {
      width,
      height: HEIGHT_PX,
      points,
      grain,
      period: dataset.period,
      events: dataset.manifest.events,
      selected,
      onBrush: (range) => setFilter(selection, 'dates', range),
      onHover: setHover,
    });
  }, [width, rows, points, grain, dataset, selected, selection]);

  const grains = (['day', 'week', 'month'] as Grain[]).filter(
    (g) => ['day', 'week', 'month'].indexOf(g) >= ['day', 'week', 'month'].indexOf(datasetGrain),
  );
  const total = points.reduce((s, p) => s + p.n, 0);
  return (
    <div className="trend" data-pending={pending}>
      <div className="trend-controls">
        <label>
          By{' '}
          <select
            aria-label="Trend grain"
            value={grain}
            onChange={(e) => setChosen(e.target.value as Grain)}
          >
            {grains.map((g) => (
              <option key={g} value={g}>
                {GRAIN_WORDS[g]}
              </option>
            ))}
          </select>
        </label>
        <ExportMenu
          view="Trend over time"
          dataset={dataset}
          notes={[`By ${grain}; line: ${ROLLING_WORDS[grain]} mean; dashed: a year earlier.`]}
          svg={(meta) => svgFromElement(svg.current!, meta)}
          csv={() => trendCsv(points, grain, dataset.manifest.disclosure.min_count)}
        />
        <span className="trend-key">
          <span className="key-count" /> count <span className="key-rolling" />{' '}
          {ROLLING_WORDS[grain]} mean <span className="key-year" /> a year earlier{' '}
          <span className="key-event" /> event
        </span>
      </div>
      <div ref={box} className="trend-chart">
        <svg
          ref={svg}
          role="img"
          aria-label={`Attendances by ${grain}, ${formatRange(dataset.period.start, dataset.period.end)}: ${formatCount(total)} in all. Drag to choose dates.`}
        />
      </div>
      <p className="trend-readout" aria-live="polite">
        {hover
          ? `${grain === 'day' ? formatDate(hover.date) : formatRange(hover.date, bucketEnd(hover.date, grain))}: ${formatCount(hover.n)}` +
            (hover.rolling !== null
              ? ` · ${ROLLING_WORDS[grain]} mean ${hover.rolling.toFixed(1)}`
              : '') +
            (hover.yearBefore !== null ? ` · a year earlier ${formatCount(hover.yearBefore)}` : '')
          : selected
            ? 'Drag on the chart to change the dates; click outside the selection to clear it.'
            : 'Drag across the chart to filter every view to those dates.'}
      </p>
      {error && <p className="error-text">Could not draw the trend: {error}</p>}
      <TrendTable points={points} grain={grain} />
    </div>
  );
}

/** The chart's numbers as a visually hidden table, by month at most (screen readers). */
function TrendTable({points, grain}: {points: TrendPoint[]; grain: Grain}) {
  const byMonth = new Map<string, number>();
  for (const p of points)
    byMonth.set(p.date.slice(0, 7), (byMonth.get(p.date.slice(0, 7)) ?? 0) + p.n);
  return (
    <table className="sr-only" aria-label="Trend over time, by month">
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col">Attendances</th>
        </tr>
      </thead>
      <tbody>
        {[...byMonth].map(([month, n]) => (
          <tr key={month}>
            <th scope="row">{month}</th>
            <td>{n}</td>
          </tr>
        ))}
      </tbody>
      <caption>
        {grain === 'month' ? 'Monthly counts' : `Monthly totals of the ${grain}ly chart`}
      </caption>
    </table>
  );
}
