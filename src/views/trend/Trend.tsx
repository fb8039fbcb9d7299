/** "Trend over time": counts per bucket, rolling mean, a year earlier, events; brush sets dates. */
import {useEffect, useMemo, useRef, useState} from 'react';
import {suppressList} from '../../analysis/disclosure';
import type {Dataset} from '../../data/load-dataset';
import {addDays, bucketEnd, bucketStart, daysInRange, snapDates} from '../../data/period';
import {timelineQuery, type Grain} from '../../data/sql/timeline';
import {useQuery} from '../../data/useQuery';
import {useApp} from '../../state/AppContext';
import {setFilter} from '../../state/filters';
import {useFilters, useSelectionPredicate, useSourceTable} from '../../state/useSelection';
import {formatDate, formatRange} from '../../ui/format';
import {useDisclosure, type Disclosure} from '../../ui/useDisclosure';
import {useWidth} from '../../ui/useWidth';
import {ExportMenu} from '../export/ExportMenu';
import type {ExportMeta} from '../export/meta';
import {svgFromElement} from '../export/svg';
import {drawTrend, type TrendDrawProps} from './draw';
import {trendCsv} from './trend-csv';
import {chooseGrain, trendSeries, withhold, type TrendPoint} from './series';

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
  // By night of, the first day's small hours belong to the night before the data start.
  const period = useMemo(
    () => (night ? {...dataset.period, start: addDays(dataset.period.start, -1)} : dataset.period),
    [night, dataset.period],
  );
  const series = useMemo(
    () =>
      trendSeries(
        (rows ?? []).map((r) => ({bucket: String(r.bucket), n: Number(r.n)})),
        grain,
        period.start,
        period.end,
        bucketEnd(bucketStart(period.end, datasetGrain), datasetGrain),
      ),
    [rows, grain, period, datasetGrain],
  );
  const shown = useDisclosure(dataset.manifest.disclosure.min_count);
  // As published: the counts a total beside them could give away are withheld too.
  const points = useMemo(
    () =>
      withhold(
        series,
        shown.hideList(
          series.map((p) => p.n),
          true,
        ),
        grain,
      ),
    [series, shown, grain],
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
      period,
      events: dataset.manifest.events,
      selected,
      onBrush: (range) => setFilter(selection, 'dates', snapDates(range, datasetGrain)),
      onHover: setHover,
    });
  }, [width, rows, points, grain, period, dataset, datasetGrain, selected, selection]);

  const grains = (['day', 'week', 'month'] as Grain[]).filter(
    (g) => ['day', 'week', 'month'].indexOf(g) >= ['day', 'week', 'month'].indexOf(datasetGrain),
  );
  const total = series.reduce((s, p) => s + p.n, 0);
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
          notes={[
            `By ${grain}; line: ${ROLLING_WORDS[grain]} mean; dashed: a year earlier.`,
            ...(selected
              ? ['The trend is not filtered by the dates: it shows the whole period around them.']
              : []),
          ]}
          svg={(meta) =>
            shown.on
              ? svgFromElement(svg.current!, meta)
              : exportedTrend(meta, {
                  width,
                  height: HEIGHT_PX,
                  points: withhold(
                    series,
                    suppressList(
                      series.map((p) => p.n),
                      dataset.manifest.disclosure.min_count,
                      true,
                    ),
                    grain,
                  ),
                  grain,
                  period,
                  events: dataset.manifest.events,
                  selected,
                })
          }
          csv={() => trendCsv(series, grain, dataset.manifest.disclosure.min_count)}
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
          aria-label={`Attendances by ${grain}, ${formatRange(dataset.period.start, dataset.period.end)}: ${shown.count(total)} in all. Drag to choose dates.`}
        />
      </div>
      <p className="trend-readout" aria-live="polite">
        {hover
          ? `${hover.from === hover.to ? formatDate(hover.from) : formatRange(hover.from, hover.to)}` +
            (hover.partial ? ` (the data cover only this part of the ${grain})` : '') +
            `: ${shown.count(hover.n, hover.hidden)}` +
            (hover.rolling !== null
              ? ` · ${ROLLING_WORDS[grain]} mean ${hover.rolling.toFixed(1)}`
              : '') +
            (hover.yearBefore !== null
              ? ` · a year earlier ${shown.count(hover.yearBefore, hover.yearBeforeHidden)}`
              : '')
          : selected
            ? 'Drag on the chart to change the dates; click outside the selection to clear it.'
            : 'Drag across the chart to filter every view to those dates.'}
      </p>
      {error && <p className="error-text">Could not draw the trend: {error}</p>}
      <TrendTable points={series} grain={grain} shown={shown} />
    </div>
  );
}

/**
 * The chart as exported when the screen shows every count: redrawn off screen with the small
 * counts withheld, as the caption says (the screen withholds them only in publication mode).
 */
function exportedTrend(
  meta: ExportMeta,
  props: Omit<TrendDrawProps, 'onBrush' | 'onHover'>,
): string {
  const box = document.createElement('div');
  box.className = 'trend-chart';
  box.style.cssText = 'position: absolute; left: -10000px; top: 0';
  const el = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  box.append(el);
  document.body.append(box);
  try {
    drawTrend(el, {...props, onBrush: () => undefined, onHover: () => undefined})();
    return svgFromElement(el, meta);
  } finally {
    box.remove();
  }
}

/** The chart's numbers as a visually hidden table, by month at most (screen readers). */
function TrendTable({
  points,
  grain,
  shown,
}: {
  points: TrendPoint[];
  grain: Grain;
  shown: Disclosure;
}) {
  const byMonth = new Map<string, number>();
  for (const p of points)
    byMonth.set(p.date.slice(0, 7), (byMonth.get(p.date.slice(0, 7)) ?? 0) + p.n);
  const hidden = shown.hideList([...byMonth.values()], true);
  return (
    <table className="sr-only" aria-label="Trend over time, by month">
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col">Attendances</th>
        </tr>
      </thead>
      <tbody>
        {[...byMonth].map(([month, n], i) => (
          <tr key={month}>
            <th scope="row">{month}</th>
            <td>{shown.count(n, hidden[i])}</td>
          </tr>
        ))}
      </tbody>
      <caption>
        {grain === 'month' ? 'Monthly counts' : `Monthly totals of the ${grain}ly chart`}
      </caption>
    </table>
  );
}
