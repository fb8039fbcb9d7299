/** Breakdowns by location type, weapon, sex, age band and relationship; a click filters. */
import {breakdownQuery} from '../../data/sql/breakdown';
import {LIST_COLUMNS} from '../../data/sql/clauses';
import {useQuery} from '../../data/useQuery';
import {useApp} from '../../state/AppContext';
import {setFilter} from '../../state/filters';
import {useFilters, useSelectionPredicate} from '../../state/useSelection';
import {formatCount} from '../../ui/format';
import {FILTER_NAMES, labelOf} from '../../ui/labels';

/** Props of Breakdowns. */
export interface BreakdownsProps {
  generation: number;
}

const KEYS = ['loc', 'weapon', 'sex', 'age', 'rel'] as const;

/** One small bar table per dimension. */
export function Breakdowns({generation}: BreakdownsProps) {
  return (
    <div className="breakdowns">
      {KEYS.map((key) => (
        <BreakdownTable key={key} filter={key} generation={generation} />
      ))}
    </div>
  );
}

function BreakdownTable({filter, generation}: {filter: (typeof KEYS)[number]; generation: number}) {
  const {selection} = useApp();
  const where = useSelectionPredicate(selection, [filter]);
  const selected = useFilters(selection)[filter];
  const {rows, error} = useQuery(breakdownQuery({column: LIST_COLUMNS[filter], where}), generation);
  const total = rows?.reduce((s, r) => s + Number(r.n), 0) ?? 0;
  const max = rows?.reduce((m, r) => Math.max(m, Number(r.n)), 0) ?? 0;
  const toggle = (code: string) => {
    const set = new Set(selected ?? []);
    if (set.has(code)) set.delete(code);
    else set.add(code);
    setFilter(selection, filter, set.size ? [...set] : undefined);
  };
  return (
    <table
      className="breakdown"
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
        {rows?.map((r) => {
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
                  style={{width: `${max ? (n / max) * 100 : 0}%`}}
                  aria-hidden="true"
                />
                <span className="bar-value">{formatCount(n)}</span>
              </td>
              <td className="num">{total ? `${((n / total) * 100).toFixed(1)}%` : '–'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
