/** Hour window that may wrap midnight, shown on a 24-hour strip with a midnight marker. */
import type {HourWindow} from '../../data/sql/clauses';
import {formatHour} from '../../ui/format';
import {hourIn} from '../../state/filters';
import {HOUR_PRESETS} from './presets';

/** Props of HourFilter. */
export interface HourFilterProps {
  value: HourWindow | undefined;
  disabled?: boolean;
  onChange: (value: HourWindow | undefined) => void;
}

const HOURS = Array.from({length: 24}, (_, h) => h);
/** The strip runs noon to noon, so midnight sits in the middle and a night is one block. */
const STRIP_ORDER = HOURS.map((h) => (h + 12) % 24);

/** The hour window control. */
export function HourFilter({value, disabled, onChange}: HourFilterProps) {
  const start = value?.start ?? 0;
  const end = value?.end ?? 24;
  // A window as long as the day (start = end) is "all day": no filter.
  const set = (s: number, e: number) => onChange(s === e % 24 ? undefined : {start: s, end: e});
  const wraps = value !== undefined && value.start >= value.end;
  return (
    <fieldset className="filter filter-hours" disabled={disabled}>
      <legend>Hours</legend>
      <select
        aria-label="From hour"
        value={start}
        onChange={(e) => set(Number(e.target.value), end)}
      >
        {HOURS.map((h) => (
          <option key={h} value={h}>
            {formatHour(h)}
          </option>
        ))}
      </select>
      <span aria-hidden="true">to</span>
      <select
        aria-label="Until hour (not included)"
        value={end}
        onChange={(e) => set(start, Number(e.target.value))}
      >
        {HOURS.map((h) => h + 1).map((h) => (
          <option key={h} value={h}>
            {h === 24 ? '24:00' : formatHour(h)}
          </option>
        ))}
      </select>
      <div className="hour-strip" aria-hidden="true" title={wraps ? 'Crosses midnight' : undefined}>
        {STRIP_ORDER.map((h) => (
          <span
            key={h}
            className={`hour-cell${value && hourIn(h, value) ? ' on' : ''}${h === 0 ? ' midnight' : ''}`}
            data-label={h % 6 === 0 ? String(h).padStart(2, '0') : undefined}
          />
        ))}
      </div>
      {wraps && <span className="badge">crosses midnight</span>}
      <select
        aria-label="Hour preset"
        value=""
        onChange={(e) => {
          const preset = HOUR_PRESETS.find((p) => p.label === e.target.value);
          if (preset) onChange(preset.window);
        }}
      >
        <option value="">Presets…</option>
        {HOUR_PRESETS.map((p) => (
          <option key={p.label}>{p.label}</option>
        ))}
      </select>
    </fieldset>
  );
}
