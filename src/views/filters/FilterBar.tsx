/** Every filter of DESIGN.md, active filters as removable chips, and "clear all". */
import {useState} from 'react';
import type {Dataset} from '../../data/load-dataset';
import {ENUMS} from '../../data/schema';
import {breakdownQuery} from '../../data/sql/breakdown';
import {LIST_COLUMNS, type ListFilter} from '../../data/sql/clauses';
import {useQuery} from '../../data/useQuery';
import {useApp} from '../../state/AppContext';
import {setFilter, type Filters} from '../../state/filters';
import {useFilters, useSourceTable} from '../../state/useSelection';
import {FILTER_NAMES, labelOf} from '../../ui/labels';
import {DateFilter} from './DateFilter';
import {DaysFilter} from './DaysFilter';
import {chipsOf} from './describe';
import {HourFilter} from './HourFilter';
import {MultiSelect} from './MultiSelect';
import {useDisclosure} from '../../ui/useDisclosure';
import {cellsOf, hexagonCount} from '../../state/cells';
import {CELL_SOURCE} from '../../state/columns';

/** Props of FilterBar. */
export interface FilterBarProps {
  dataset: Dataset;
  generation: number;
}

const ENUM_FILTERS: Partial<Record<ListFilter, readonly string[]>> = {
  loc: ENUMS.location_type,
  weapon: ENUMS.weapon,
  sex: ENUMS.sex,
  age: ENUMS.age_band,
  rel: ENUMS.relationship,
};

/** The filter bar. */
export function FilterBar({dataset, generation}: FilterBarProps) {
  const app = useApp();
  const filters = useFilters(app.selection);
  const set =
    <K extends keyof Filters>(key: K) =>
    (value: Filters[K] | undefined) =>
      setFilter(app.selection, key, value);
  const names = {
    lad: new Map(dataset.lads.map((l) => [l.code, l.name])),
    site: new Map(dataset.sites.map((s) => [s.code, s.name])),
  };
  const chips = chipsOf(filters, names, dataset.period);
  const cells = cellsOf(app.selection);
  const byDay = dataset.manifest.time_grain === 'day';
  const codesOf = (key: ListFilter) =>
    key === 'lad'
      ? dataset.lads.map((l) => ({code: l.code, label: l.name}))
      : key === 'site'
        ? dataset.sites.map((s) => ({code: s.code, label: s.name}))
        : (ENUM_FILTERS[key] ?? []).map((code) => ({code, label: labelOf(code)}));

  return (
    <div className="filter-bar" role="search" aria-label="Filters">
      <div className="filter-row">
        <DateFilter
          value={filters.dates}
          data={dataset.period}
          grain={dataset.manifest.time_grain}
          onChange={set('dates')}
        />
        <HourFilter value={filters.hours} disabled={!dataset.hasHours} onChange={set('hours')} />
        <DaysFilter
          days={filters.days}
          night={filters.night ?? false}
          disabled={!byDay}
          onDays={set('days')}
          onNight={(on) => set('night')(on || undefined)}
        />
      </div>
      <div className="filter-row">
        {(Object.keys(LIST_COLUMNS) as ListFilter[]).map((key) => (
          <ListFilterControl
            key={key}
            filter={key}
            options={codesOf(key)}
            selected={filters[key]}
            generation={generation}
            rollups={dataset.rollups}
            minCount={dataset.manifest.disclosure.min_count}
            onChange={set(key)}
          />
        ))}
      </div>
      <div className="chips" aria-label="Active filters" role="group">
        {cells && (
          <span className="chip">
            <span className="chip-name">Map:</span> {hexagonCount(cells)}
            <button
              type="button"
              aria-label="Remove filter Map"
              onClick={() => app.selection.remove(CELL_SOURCE)}
            >
              ×
            </button>
          </span>
        )}
        {chips.length === 0 && !cells ? (
          <span className="chips-empty">No filters: all attendances in the dataset.</span>
        ) : (
          <>
            {chips.map((chip) => (
              <span key={chip.key} className="chip">
                <span className="chip-name">{chip.name}:</span> {chip.text}
                <button
                  type="button"
                  aria-label={`Remove filter ${chip.name}`}
                  onClick={() => setFilter(app.selection, chip.key, undefined)}
                >
                  ×
                </button>
              </span>
            ))}
            <button type="button" className="link clear-all" onClick={() => app.clearAll()}>
              Clear all
            </button>
          </>
        )}
      </div>
    </div>
  );
}

function ListFilterControl(props: {
  filter: ListFilter;
  options: {code: string; label: string}[];
  selected: string[] | undefined;
  generation: number;
  rollups: readonly string[];
  minCount: number;
  onChange: (codes: string[] | undefined) => void;
}) {
  const {selection} = useApp();
  const shown = useDisclosure(props.minCount);
  const [open, setOpen] = useState(false);
  useFilters(selection);
  const where = selection.predicate([props.filter]);
  const column = LIST_COLUMNS[props.filter];
  const from = useSourceTable(selection, props.rollups, [props.filter], [column]);
  const sql = open ? breakdownQuery({column, where, from}) : null;
  const {rows} = useQuery(sql, props.generation);
  const counts = new Map(rows?.map((r) => [String(r.code), Number(r.n)]));
  const values = props.options.map((o) => counts.get(o.code) ?? 0);
  // The options add up to the attendances under the other filters: hidden as a line with its total.
  const hidden = shown.hideList(values, true);
  return (
    <MultiSelect
      name={FILTER_NAMES[props.filter]}
      options={props.options.map((o, i) => ({
        ...o,
        count: rows ? shown.count(values[i], hidden[i]) : null,
      }))}
      selected={props.selected}
      onChange={props.onChange}
      onOpen={() => setOpen(true)}
    />
  );
}
