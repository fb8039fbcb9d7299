/** Weekday toggles and the night-of switch. */
import {WEEKDAY_LONG, WEEKDAY_SHORT} from '../../ui/labels';

/** Props of DaysFilter. */
export interface DaysFilterProps {
  days: number[] | undefined;
  night: boolean;
  disabled?: boolean;
  onDays: (days: number[] | undefined) => void;
  onNight: (night: boolean) => void;
}

/** Seven toggle buttons (ISO order) and a night-of checkbox. */
export function DaysFilter({days, night, disabled, onDays, onNight}: DaysFilterProps) {
  const toggle = (d: number) => {
    const set = new Set(days ?? []);
    if (set.has(d)) set.delete(d);
    else set.add(d);
    const next = [...set].sort((a, b) => a - b);
    onDays(next.length === 0 || next.length === 7 ? undefined : next);
  };
  return (
    <fieldset className="filter filter-days" disabled={disabled}>
      <legend>Days</legend>
      <div className="day-toggles" role="group" aria-label="Weekdays">
        {WEEKDAY_SHORT.map((short, i) => (
          <button
            key={short}
            type="button"
            className="toggle"
            aria-pressed={days?.includes(i + 1) ?? false}
            title={WEEKDAY_LONG[i]}
            onClick={() => toggle(i + 1)}
          >
            {short}
          </button>
        ))}
      </div>
      <label
        className="night-toggle"
        title="Hours before 06:00 count toward the previous day (date and weekday)"
      >
        <input type="checkbox" checked={night} onChange={(e) => onNight(e.target.checked)} />
        Night-of
      </label>
    </fieldset>
  );
}
