/** Presenter mode: filters in plain words, saved views stepped with the arrow keys, full screen. */
import {useEffect, useState} from 'react';
import type {Dataset} from '../../data/load-dataset';
import {useApp, usePage} from '../../state/AppContext';
import {cellsOf, hexagonCount} from '../../state/cells';
import {formatUrl, parseUrl} from '../../state/url';
import {useFilters} from '../../state/useSelection';
import {download} from '../export/download';
import {chipsOf} from '../filters/describe';
import {
  loadSavedViews,
  mergeSavedViews,
  parseSavedViews,
  savedViewsJson,
  storeSavedViews,
  type SavedView,
} from './saved-views';

/** Props of PresenterBar. */
export interface PresenterBarProps {
  dataset: Dataset;
}

/** A query string without `present`, in canonical form, to compare views. */
export function canonicalView(search: string): string {
  const {filters, extras, cells} = parseUrl(search);
  return formatUrl(filters, {...extras, present: undefined}, cells);
}

/** The presenter's bar under the header. */
export function PresenterBar({dataset}: PresenterBarProps) {
  const app = useApp();
  const filters = useFilters(app.selection);
  const {extras} = usePage();
  const [views, setViews] = useState<SavedView[]>(() => loadSavedViews(localStorage));
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const current = canonicalView(formatUrl(filters, extras, cellsOf(app.selection)));
  const matched = views.findIndex((v) => canonicalView(v.search) === current);
  // The view last stepped to: after a pan or a filter change the presenter is still there.
  const [at, setAt] = useState<number | null>(null);
  const index = matched >= 0 ? matched : at !== null && at < views.length ? at : -1;
  const changed = matched < 0 && index >= 0;

  const save = (next: SavedView[]) => {
    setViews(next);
    storeSavedViews(localStorage, next);
  };
  const go = (i: number) => {
    const view = views[i];
    if (!view) return;
    setAt(i);
    const params = new URLSearchParams(view.search);
    params.set('present', '1');
    void app.navigate(`?${params.toString().replace(/%2C/gi, ',')}`);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Keys another control used (the grid moves its focus, the map pans) are not steps.
      if (
        e.defaultPrevented ||
        (e.target as Element)?.closest?.(
          'input, select, textarea, [contenteditable], details, dialog, [role="grid"], table, .maplibregl-canvas, [role="radiogroup"]',
        )
      )
        return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') {
        e.preventDefault();
        go(Math.min(views.length - 1, index + 1));
      } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
        e.preventDefault();
        go(Math.max(0, index - 1));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const names = {
    lad: new Map(dataset.lads.map((l) => [l.code, l.name])),
    site: new Map(dataset.sites.map((s) => [s.code, s.name])),
  };
  const cells = cellsOf(app.selection);
  const words = [
    ...chipsOf(filters, names, dataset.period).map((c) => `${c.name}: ${c.text}`),
    ...(cells ? [`Map: ${hexagonCount(cells)}`] : []),
  ];
  return (
    <div className="presenter-bar" role="region" aria-label="Presenter">
      <p className="presenter-filters" aria-live="polite">
        {words.length === 0 ? 'All attendances in the dataset.' : words.join(' · ')}
      </p>
      <div className="presenter-controls">
        <span className="presenter-step" aria-live="polite">
          {views.length === 0
            ? 'No saved views yet.'
            : index >= 0
              ? `View ${index + 1} of ${views.length}: ${views[index].name}${changed ? ' (changed since)' : ''}`
              : `${views.length} saved views (← → to step)`}
        </span>
        <button
          type="button"
          onClick={() => go(Math.max(0, index - 1))}
          disabled={index <= 0}
          aria-label="Previous saved view"
        >
          ←
        </button>
        <button
          type="button"
          onClick={() => go(Math.min(views.length - 1, index + 1))}
          disabled={index >= views.length - 1}
          aria-label="Next saved view"
        >
          →
        </button>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const label = name.trim() || `View ${views.length + 1}`;
            save([...views, {name: label, search: current}]);
            setName('');
          }}
        >
          <input
            aria-label="Name of this view"
            placeholder="Name this view"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit">Save view</button>
        </form>
        {index >= 0 && (
          <button
            type="button"
            onClick={() => {
              save(views.filter((_, i) => i !== index));
              // The view on screen is no saved view now; the next one is not it.
              setAt(null);
            }}
          >
            Delete this view
          </button>
        )}
        <button
          type="button"
          onClick={() => download('saved-views.json', savedViewsJson(views), 'application/json')}
        >
          Export views
        </button>
        <label className="import-views">
          Import views
          <input
            type="file"
            accept=".json,application/json"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              try {
                const imported = parseSavedViews(await file.text());
                const merged = mergeSavedViews(views, imported);
                save(merged.views);
                const same = imported.length - merged.added;
                setMessage(
                  `Imported ${merged.added} views from ${file.name}` +
                    (same ? ` (${same} already saved).` : '.'),
                );
              } catch (err) {
                setMessage(`${file.name}: ${(err as Error).message}`);
              }
            }}
          />
        </label>
        <button type="button" onClick={() => void document.documentElement.requestFullscreen?.()}>
          Full screen
        </button>
        <button type="button" onClick={() => app.setExtra('present', undefined)}>
          Exit presenter mode
        </button>
        {message && <span role="status">{message}</span>}
      </div>
    </div>
  );
}
