/** "Hour by weekday": 168 cells coloured by attendances; click or drag to set hours and days. */
import * as d3 from 'd3';
import {useState} from 'react';
import type {Dataset} from '../../data/load-dataset';
import {useApp, usePage} from '../../state/AppContext';
import {hourIn, setFilters} from '../../state/filters';
import {useFilters, useSelectionPredicate} from '../../state/useSelection';
import {formatCount} from '../../ui/format';
import {WEEKDAY_LONG, WEEKDAY_SHORT} from '../../ui/labels';
import {ExportMenu} from '../export/ExportMenu';
import {gridCsv, gridSvg} from './export';
import {disclosure} from '../../ui/useDisclosure';
import {dragSelection, gridHidden, gridModel, HOUR_ORDER} from './model';
import {shownMax} from '../../analysis/disclosure';
import {GRID_SOURCES, useGridData} from './useGridData';

/** Props of HourGrid. */
export interface HourGridProps {
  dataset: Dataset;
  generation: number;
}

type Cell = {day: number; col: number};

/** The grid, its totals, legend and note on unknown hours. */
export function HourGrid({dataset, generation}: HourGridProps) {
  const {selection} = useApp();
  const {publication} = usePage();
  const filters = useFilters(selection);
  const where = useSelectionPredicate(selection, GRID_SOURCES);
  const night = filters.night === true;
  const usable = dataset.hasHours && dataset.manifest.time_grain === 'day';
  const {grid, unknown} = useGridData(dataset, generation, where, night, usable);
  const [drag, setDrag] = useState<{from: Cell; to: Cell} | null>(null);
  const [focus, setFocus] = useState<Cell>({day: 4, col: 16});

  if (!usable) {
    return (
      <p className="grid-unavailable">
        {dataset.manifest.time_grain !== 'day'
          ? `This dataset is by ${dataset.manifest.time_grain}: weekdays ${dataset.hasHours ? 'are' : 'and hours are'} not recorded, so there is no grid.${dataset.hasHours ? ' The hour filter still applies.' : ''}`
          : 'This dataset records no hours, so there is no grid.'}
      </p>
    );
  }
  const minCount = dataset.manifest.disclosure.min_count;
  const model = gridModel(
    (grid.rows ?? []).map((r) => ({dow: Number(r.dow), h: Number(r.h), n: Number(r.n)})),
  );
  const hidden = publication ? gridHidden(model, minCount) : null;
  const hiddenCells = hidden?.cells ?? null;
  const shown = disclosure(publication, minCount);
  const max = shownMax(model.cells.flat(), hiddenCells?.flat() ?? null);
  const colMax = shownMax(model.colTotals, hidden?.cols ?? null);
  const colour = d3.scaleSequential(d3.interpolateYlGnBu).domain([0, max || 1]);
  const preview = drag ? dragSelection(drag.from, drag.to) : null;
  const hours = preview ? preview.hours : filters.hours;
  const days = preview ? preview.days : filters.days;
  const filtered = Boolean(hours || days);
  const commit = (a: Cell, b: Cell) => {
    setFilters(selection, dragSelection(a, b));
  };
  const onKey = (e: React.KeyboardEvent, cell: Cell) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
    };
    if (moves[e.key]) {
      e.preventDefault();
      const next = {
        day: Math.min(6, Math.max(0, cell.day + moves[e.key][0])),
        col: Math.min(23, Math.max(0, cell.col + moves[e.key][1])),
      };
      setFocus(next);
      (
        e.currentTarget
          .closest('table')
          ?.querySelector(`[data-cell="${next.day}-${next.col}"]`) as HTMLElement | null
      )?.focus();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      commit(cell, cell);
    }
  };
  const rowName = (d: number) => (night ? `${WEEKDAY_SHORT[d]} night` : WEEKDAY_SHORT[d]);

  return (
    <div
      className="hour-grid"
      data-pending={grid.pending || unknown.pending}
      onPointerUp={() => drag && (commit(drag.from, drag.to), setDrag(null))}
      onPointerLeave={() => setDrag(null)}
    >
      <table aria-label="Hour by weekday" className={grid.pending ? 'pending' : ''}>
        <thead>
          <tr>
            <th scope="col" className="corner">
              {night ? 'Night of' : 'Day'}
            </th>
            {HOUR_ORDER.map((h) => (
              <th scope="col" key={h} className={h === 0 ? 'midnight' : ''} aria-label={`${h}:00`}>
                {h % 3 === 0 ? String(h).padStart(2, '0') : ''}
              </th>
            ))}
            {/* Wide enough for the grand total (seven digits at 10M rows); the first row sets
                the widths of a fixed-layout table. */}
            <th scope="col" style={{width: `${formatCount(model.total).length + 1}ch`}}>
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {model.cells.map((row, day) => (
            <tr key={day}>
              <th scope="row">{rowName(day)}</th>
              {HOUR_ORDER.map((h, col) => {
                const n = row[h];
                const text = shown.count(n, hiddenCells?.[day][h] ?? false);
                const on = hourIn(h, hours) && (!days || days.includes(day + 1));
                return (
                  <td
                    key={h}
                    data-cell={`${day}-${col}`}
                    tabIndex={focus.day === day && focus.col === col ? 0 : -1}
                    className={`cell${h === 0 ? ' midnight' : ''}${filtered && !on ? ' dim' : ''}${filtered && on ? ' on' : ''}`}
                    style={{background: hiddenCells?.[day][h] ? '#bbb' : n ? colour(n) : '#f7f7f7'}}
                    title={`${WEEKDAY_LONG[day]}${night ? ' night' : ''} ${String(h).padStart(2, '0')}:00: ${text}`}
                    aria-label={`${WEEKDAY_LONG[day]}${night ? ' night' : ''} ${String(h).padStart(2, '0')}:00, ${text} attendances`}
                    onPointerDown={(e) => {
                      e.preventDefault();
                      setDrag({from: {day, col}, to: {day, col}});
                    }}
                    onPointerEnter={() => drag && setDrag({...drag, to: {day, col}})}
                    onKeyDown={(e) => onKey(e, {day, col})}
                    onFocus={() => setFocus({day, col})}
                  />
                );
              })}
              <td className="total">
                {shown.count(model.rowTotals[day], hidden?.rows[day] ?? false)}
              </td>
            </tr>
          ))}
          <tr className="totals">
            <th scope="row">Total</th>
            {HOUR_ORDER.map((h) => (
              <td
                key={h}
                className="total"
                title={`${String(h).padStart(2, '0')}:00: ${shown.count(model.colTotals[h], hidden?.cols[h] ?? false)}`}
              >
                {/* A hidden total has no bar: its height would say it. */}
                <span
                  className="col-bar"
                  style={{
                    height: `${colMax && !hidden?.cols[h] ? (model.colTotals[h] / colMax) * 100 : 0}%`,
                  }}
                />
              </td>
            ))}
            <td className="total grand" data-testid="grid-total">
              {shown.count(model.total, hidden?.total ?? false)}
            </td>
          </tr>
        </tbody>
      </table>
      <div className="grid-foot">
        <ExportMenu
          view="Hour by weekday"
          dataset={dataset}
          notes={[
            night
              ? 'Rows are nights: hours before 06:00 count toward the previous day.'
              : 'Rows are calendar days.',
            ...(filters.hours || filters.days?.length
              ? ['The grid is not filtered by the hours and weekdays chosen: it shows them all.']
              : []),
          ]}
          svg={(meta) => gridSvg(model, minCount, night, meta)}
          csv={() => gridCsv(model, minCount, night)}
        />
        <div className="grid-legend" aria-hidden="true">
          <span>0</span>
          <span
            className="ramp"
            style={{
              background: `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map((t) => colour(t * (max || 1))).join(', ')})`,
            }}
          />
          <span>{shown.count(max)} attendances in an hour</span>
        </div>
      </div>
      <p className="grid-note">
        Columns run from 06:00 to 05:00 so a night reads left to right; the line marks midnight.
        Click a cell, or drag across hours and days, to filter. Arrow keys move, Enter selects.
        {unknown.rows &&
          Number(unknown.rows[0]?.n) > 0 &&
          ` ${shown.count(Number(unknown.rows[0].n))} attendances with no recorded hour are not in the grid.`}
      </p>
    </div>
  );
}
