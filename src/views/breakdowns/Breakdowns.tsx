/** Breakdowns by location type, weapon, sex, age band and relationship; a click filters. */
import {useEffect, useRef} from 'react';
import {publishedOrder, shownMax, suppressList, suppressedText} from '../../analysis/disclosure';
import type {Row} from '../../data/connector';
import type {Dataset} from '../../data/load-dataset';
import {useApp, usePage} from '../../state/AppContext';
import {setFilter} from '../../state/filters';
import {useFilters} from '../../state/useSelection';
import {formatCount} from '../../ui/format';
import {FILTER_NAMES, labelOf} from '../../ui/labels';
import {ExportMenu} from '../export/ExportMenu';
import {breakdownCsv} from './breakdown-csv';
import {breakdownSvg} from './breakdown-svg';
import {publishedBreakdowns} from './published';
import {useBreakdownRows} from './useBreakdownRows';

/** Props of Breakdowns. */
export interface BreakdownsProps {
  dataset: Dataset;
  generation: number;
}

const KEYS = ['loc', 'weapon', 'sex', 'age', 'rel'] as const;
type Key = (typeof KEYS)[number];

/** One small bar table per dimension. */
export function Breakdowns({dataset, generation}: BreakdownsProps) {
  const tables = useRef(new Map<string, Row[]>());
  // Each table's query state: an export of rows from before a failed or running query would
  // not be what the caption says.
  const states = useRef(new Map<string, {pending: boolean; error: string | null}>());
  const minCount = dataset.manifest.disclosure.min_count;
  const published = () => {
    for (const [key, state] of states.current) {
      if (state.error) throw new Error(`${FILTER_NAMES[key as Key]}: ${state.error}`);
      if (state.pending) throw new Error('the breakdowns are still being counted; try again');
    }
    return publishedBreakdowns(KEYS, tables.current, minCount);
  };
  return (
    <div className="breakdowns-wrap">
      <ExportMenu
        view="Breakdowns"
        dataset={dataset}
        notes={['Each breakdown is filtered by every filter except its own dimension.']}
        csv={() => breakdownCsv(published(), minCount)}
        svg={(meta) => breakdownSvg(published(), minCount, meta)}
      />
      <div className="breakdowns">
        {KEYS.map((key) => (
          <BreakdownTable
            key={key}
            filter={key}
            generation={generation}
            minCount={minCount}
            onRows={(rows) => tables.current.set(key, rows)}
            onState={(state) => void states.current.set(key, state)}
          />
        ))}
      </div>
    </div>
  );
}

function BreakdownTable({
  filter,
  generation,
  minCount,
  onRows,
  onState,
}: {
  filter: Key;
  generation: number;
  minCount: number;
  onRows: (rows: Row[]) => void;
  onState: (state: {pending: boolean; error: string | null}) => void;
}) {
  const {selection} = useApp();
  const {publication} = usePage();
  const selected = useFilters(selection)[filter];
  const {rows, error, pending} = useBreakdownRows(filter, KEYS, generation);
  useEffect(() => {
    if (rows) onRows(rows);
  }, [rows, onRows]);
  useEffect(() => {
    onState({pending, error});
  }, [pending, error, onState]);
  const hidden = publication
    ? suppressList(rows?.map((r) => Number(r.n)) ?? [], minCount, true)
    : [];
  const total = rows?.reduce((s, r) => s + Number(r.n), 0) ?? 0;
  // Bars run to the largest count shown: a withheld one must not set their scale.
  const max = shownMax(rows?.map((r) => Number(r.n)) ?? [], hidden);
  const toggle = (code: string) => {
    const set = new Set(selected ?? []);
    if (set.has(code)) set.delete(code);
    else set.add(code);
    setFilter(selection, filter, set.size ? [...set] : undefined);
  };
  return (
    <table
      className="breakdown"
      data-pending={pending}
      aria-label={`Attendances by ${FILTER_NAMES[filter].toLowerCase()}`}
    >
      <thead>
        <tr>
          <th scope="col" className="breakdown-title">
            {FILTER_NAMES[filter]}
          </th>
          <th scope="col">Attendances</th>
          <th scope="col">Share</th>
        </tr>
      </thead>
      <tbody>
        {error && (
          <tr>
            <td colSpan={3} className="error-text">
              {error}
            </td>
          </tr>
        )}
        {publishedOrder(
          (rows ?? []).map((_, i) => hidden[i] ?? false),
          (i) => String(rows![i].code),
        ).map((i) => {
          const r = rows![i];
          const code = String(r.code);
          const n = Number(r.n);
          const on = selected?.includes(code) ?? false;
          return (
            <tr key={code} className={on ? 'selected' : selected ? 'dimmed' : ''}>
              <th scope="row">
                <button
                  type="button"
                  className="row-button"
                  aria-pressed={on}
                  onClick={() => toggle(code)}
                >
                  {labelOf(code)}
                </button>
              </th>
              <td className="num">
                <span
                  className="bar"
                  style={{width: `${max && !hidden[i] ? (n / max) * 100 : 0}%`}}
                  aria-hidden="true"
                />
                <span className="bar-value">
                  {hidden[i] ? suppressedText(n, minCount) : formatCount(n)}
                </span>
              </td>
              <td className="num">
                {hidden[i] ? '–' : total ? `${((n / total) * 100).toFixed(1)}%` : '–'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
