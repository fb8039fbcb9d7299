/** Date range: two date inputs bounded by the data, and presets. */
import type {DateRange} from '../../data/sql/clauses';
import {isIsoDate} from '../../data/manifest';
import {snapDates} from '../../data/period';
import type {Grain} from '../../data/sql/timeline';
import {DATE_PRESETS} from './presets';

/** Props of DateFilter. */
export interface DateFilterProps {
  value: DateRange | undefined;
  data: {start: string; end: string};
  /** The dataset's time grain: by week or month, dates widen to whole weeks or months. */
  grain: Grain;
  onChange: (value: DateRange | undefined) => void;
}

/** The date range control. */
export function DateFilter({value, data, grain, onChange}: DateFilterProps) {
  const set = (key: 'from' | 'to', v: string) => {
    const next = {...value, [key]: isIsoDate(v) ? v : undefined};
    if (next.from && next.to && next.from > next.to) return;
    onChange(next.from || next.to ? snapDates(next, grain) : undefined);
  };
  // By month, "the last 4 weeks" is no span the data can show.
  const presets = DATE_PRESETS.filter((p) => grain !== 'month' || !p.weeks);
  return (
    <fieldset className="filter filter-dates">
      <legend>Dates</legend>
      <label>
        <span className="sr-only">From</span>
        <input
          type="date"
          aria-label="From date"
          min={data.start}
          max={value?.to ?? data.end}
          value={value?.from ?? ''}
          onChange={(e) => set('from', e.target.value)}
        />
      </label>
      <span aria-hidden="true">–</span>
      <label>
        <span className="sr-only">To</span>
        <input
          type="date"
          aria-label="To date"
          min={value?.from ?? data.start}
          max={data.end}
          value={value?.to ?? ''}
          onChange={(e) => set('to', e.target.value)}
        />
      </label>
      <select
        aria-label="Date preset"
        value=""
        onChange={(e) => {
          const preset = presets.find((p) => p.label === e.target.value);
          if (preset) onChange(snapDates(preset.range(data), grain));
        }}
      >
        <option value="">Presets…</option>
        {presets.map((p) => (
          <option key={p.label}>{p.label}</option>
        ))}
      </select>
    </fieldset>
  );
}
