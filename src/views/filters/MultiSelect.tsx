/** A dropdown of checkboxes for one code-list filter, with counts under the other filters. */
import {useEffect, useRef} from 'react';
/** One option: its code, label and attendances as shown (null while unknown). */
export interface Option {
  code: string;
  label: string;
  count: string | null;
}

/** Props of MultiSelect. */
export interface MultiSelectProps {
  name: string;
  options: Option[];
  selected: string[] | undefined;
  onChange: (codes: string[] | undefined) => void;
  /** Called when the list opens (to fetch counts). */
  onOpen?: () => void;
}

/** A `<details>` dropdown; Escape or a click outside closes it. */
export function MultiSelect({name, options, selected, onChange, onOpen}: MultiSelectProps) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: Event) => {
      const el = ref.current;
      if (!el?.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !el.contains(e.target as Node)) {
        el.open = false;
        if (e instanceof KeyboardEvent) el.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  const chosen = new Set(selected ?? []);
  const toggle = (code: string) => {
    if (chosen.has(code)) chosen.delete(code);
    else chosen.add(code);
    const next = options.map((o) => o.code).filter((c) => chosen.has(c));
    onChange(next.length ? next : undefined);
  };
  const summary =
    chosen.size === 0
      ? 'All'
      : chosen.size === 1
        ? (options.find((o) => chosen.has(o.code))?.label ?? [...chosen][0])
        : `${chosen.size} selected`;
  return (
    <details
      ref={ref}
      className="filter multi"
      onToggle={(e) => (e.currentTarget.open ? onOpen?.() : undefined)}
    >
      <summary>
        <span className="multi-name">{name}</span>
        <span className="sr-only">: </span>
        <span className={`multi-value${chosen.size ? ' active' : ''}`}>{summary}</span>
      </summary>
      <div className="multi-list" role="group" aria-label={name}>
        {options.map((o) => (
          <label key={o.code} className="multi-option">
            <input type="checkbox" checked={chosen.has(o.code)} onChange={() => toggle(o.code)} />
            <span className="multi-label">{o.label}</span>
            <span className="multi-count">{o.count ?? ''}</span>
          </label>
        ))}
        {chosen.size > 0 && (
          <button type="button" className="link" onClick={() => onChange(undefined)}>
            Clear {name.toLowerCase()}
          </button>
        )}
      </div>
    </details>
  );
}
