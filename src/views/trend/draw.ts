/** d3 draws the trend chart into an SVG: lines, events, hover rule and a brush for the date range. */
import * as d3 from 'd3';
import type {Grain} from '../../data/sql/timeline';
import {addDays} from '../../data/period';
import {bucketEnd, bucketStart, type TrendPoint} from './series';

/** Everything the chart draws, and its callbacks. */
export interface TrendDrawProps {
  width: number;
  height: number;
  points: TrendPoint[];
  grain: Grain;
  period: {start: string; end: string};
  events: {date: string; label: string}[];
  selected: {from?: string; to?: string} | undefined;
  onBrush: (range: {from: string; to: string} | undefined) => void;
  onHover: (point: TrendPoint | null) => void;
}

const MARGIN = {top: 14, right: 12, bottom: 22, left: 44};
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);

/** Draw (or redraw) the chart; returns a cleanup that removes listeners. */
export function drawTrend(svgEl: SVGSVGElement, p: TrendDrawProps): () => void {
  const svg = d3.select(svgEl).attr('width', p.width).attr('height', p.height);
  svg.selectAll('*').remove();
  const w = Math.max(10, p.width - MARGIN.left - MARGIN.right);
  const h = Math.max(10, p.height - MARGIN.top - MARGIN.bottom);
  if (!p.points.length) return () => undefined;
  const first = toDate(p.points[0].date);
  const last = toDate(addDays(bucketEnd(p.points[p.points.length - 1].date, p.grain), 1));
  const x = d3.scaleUtc().domain([first, last]).range([0, w]);
  const mid = (d: TrendPoint) => {
    const a = toDate(d.date).getTime();
    const b = toDate(addDays(bucketEnd(d.date, p.grain), 1)).getTime();
    return x(new Date((a + b) / 2));
  };
  // Withheld counts (publication) are gaps, and do not set the scale: its top would say them.
  const count = (d: TrendPoint) => (d.hidden ? null : d.n);
  const before = (d: TrendPoint) => (d.yearBeforeHidden ? null : d.yearBefore);
  const max = d3.max(p.points, (d) => Math.max(count(d) ?? 0, before(d) ?? 0)) || 1;
  const y = d3.scaleLinear().domain([0, max]).nice().range([h, 0]);
  const g = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);

  g.append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${h})`)
    .call(
      d3
        .axisBottom(x)
        .ticks(Math.max(2, Math.floor(w / 90)))
        .tickSizeOuter(0),
    );
  g.append('g')
    .attr('class', 'axis')
    .call(
      d3
        .axisLeft(y)
        .ticks(Math.max(2, Math.floor(h / 30)), 's')
        .tickSize(-w),
    )
    .call((a) => a.selectAll('.tick line').attr('stroke-opacity', 0.12))
    .call((a) => a.select('.domain').remove());

  for (const ev of p.events) {
    const ex = x(toDate(ev.date));
    if (ex < 0 || ex > w) continue;
    const mark = g.append('g').attr('class', 'event').attr('transform', `translate(${ex},0)`);
    mark.append('line').attr('y1', 0).attr('y2', h);
    mark.append('path').attr('d', 'M-4,-8L4,-8L0,-2Z');
    mark.append('title').text(`${ev.date}: ${ev.label}`);
  }

  const line = (get: (d: TrendPoint) => number | null) =>
    d3
      .line<TrendPoint>()
      .defined((d) => get(d) !== null)
      .x(mid)
      .y((d) => y(get(d) ?? 0));
  g.append('path').attr('class', 'line-year-before').attr('d', line(before)(p.points));
  g.append('path').attr('class', 'line-count').attr('d', line(count)(p.points));
  // A count between two gaps (withheld neighbours) is no segment of the line: a dot instead.
  const alone = p.points.filter(
    (d, i) =>
      count(d) !== null &&
      (i === 0 || count(p.points[i - 1]) === null) &&
      (i === p.points.length - 1 || count(p.points[i + 1]) === null),
  );
  g.selectAll('circle.point-count')
    .data(alone)
    .join('circle')
    .attr('class', 'point-count')
    .attr('fill', '#6baed6')
    .attr('r', 2.5)
    .attr('cx', mid)
    .attr('cy', (d) => y(d.n));
  g.append('path')
    .attr('class', 'line-rolling')
    .attr('d', line((d) => d.rolling)(p.points));

  const rule = g.append('g').attr('class', 'hover-rule').style('display', 'none');
  rule.append('line').attr('y1', 0).attr('y2', h);
  rule.append('circle').attr('r', 3.5);

  const brush = d3
    .brushX()
    .extent([
      [0, 0],
      [w, h],
    ])
    .on('end', (event: d3.D3BrushEvent<unknown>) => {
      if (!event.sourceEvent) return;
      const sel = event.selection as [number, number] | null;
      if (!sel || sel[1] - sel[0] < 2) return p.onBrush(undefined);
      const from = bucketStart(toIso(x.invert(sel[0])), p.grain);
      const to = bucketEnd(
        bucketStart(toIso(new Date(x.invert(sel[1]).getTime() - 1)), p.grain),
        p.grain,
      );
      p.onBrush({
        from: from < p.period.start ? p.period.start : from,
        to: to > p.period.end ? p.period.end : to,
      });
    });
  const brushG = g.append('g').attr('class', 'brush').call(brush);
  if (p.selected?.from || p.selected?.to) {
    const a = x(toDate(p.selected.from ?? p.period.start));
    const b = x(toDate(addDays(p.selected.to ?? p.period.end, 1)));
    // Dates wholly outside the data leave nothing to mark (a negative width otherwise).
    const [left, right] = [Math.max(0, a), Math.min(w, b)];
    if (right > left) brushG.call(brush.move, [left, right]);
  }

  const bisect = d3.bisector((d: TrendPoint) => toDate(d.date)).right;
  const move = (event: PointerEvent) => {
    const [px] = d3.pointer(event, g.node());
    if (px < 0 || px > w) return leave();
    const i = Math.max(0, bisect(p.points, x.invert(px)) - 1);
    const d = p.points[i];
    rule.style('display', null).attr('transform', `translate(${mid(d)},0)`);
    rule
      .select('circle')
      .attr('cy', y(count(d) ?? 0))
      .style('display', d.hidden ? 'none' : 'inline');
    p.onHover(d);
  };
  const leave = () => {
    rule.style('display', 'none');
    p.onHover(null);
  };
  svgEl.addEventListener('pointermove', move);
  svgEl.addEventListener('pointerleave', leave);
  return () => {
    svgEl.removeEventListener('pointermove', move);
    svgEl.removeEventListener('pointerleave', leave);
  };
}
