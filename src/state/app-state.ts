/** The page's state: selection, dataset, URL extras and notices, kept in step with the URL. */
import {urlSource, localSource, type FileSource} from '../data/sources';
import type {LoadRequest} from '../data/load-dataset';
import {CellSubsets} from '../data/cell-subset';
import {BrushCubes} from '../data/brush-cubes';
import {duckdbConnector} from '../data/connector';
import {queueIdle, runQueued} from '../data/useQuery';
import {snapDates} from '../data/period';
import {viewsSettled} from '../ui/after-paint';
import {DatasetStore} from './dataset-store';
import {cellClause, cellsOf} from './cells';
import {clausesOf, filtersOf, setAllFilters, type Filters} from './filters';
import {Selection} from './selection';
import {formatUrl, parseUrl, type UrlExtras} from './url';

/** The bundled dataset, relative to the page. */
export const DEFAULT_MANIFEST = 'data/west-midlands/manifest.json';

/** What the page header and notices show besides the filters. */
export interface PageState {
  extras: UrlExtras;
  notices: string[];
  /** Publication mode: counts under the dataset's min_count are never shown exactly. */
  publication: boolean;
  /**
   * The time-lapse being played (or paused part way): its step and span. The map keeps one set
   * of colour classes for all its frames, so that a colour means the same count in each.
   */
  timeLapse: TimeLapseSpan | null;
}

/** What a time-lapse plays through: whole months or weeks from `from` to `to`. */
export interface TimeLapseSpan {
  unit: 'month' | 'week';
  from: string;
  to: string;
}

type Listener = () => void;

/** Owns the selection and dataset store; the URL follows them and back/forward restore them. */
export class AppState {
  readonly selection = new Selection();
  /** Rollups are built once the views have drawn the dataset, and between their updates. */
  readonly datasets = new DatasetStore((settled) => {
    const answered = () => queueIdle(duckdbConnector);
    return settled ? viewsSettled(answered) : answered();
  });
  /** The copy of the selected hexagons' rows (see data/cell-subset.ts). */
  readonly cells = new CellSubsets();
  /** The date brush's cubes (see data/brush-cubes.ts). */
  readonly cubes = new BrushCubes();
  #page: PageState = {extras: {}, notices: [], publication: false, timeLapse: null};
  #listeners = new Set<Listener>();
  #applyingUrl = false;
  /** Selection changes write the URL in place, not as a new history entry (see replacingUrl). */
  #replacing = false;

  /**
   * @param allowedOrigin the one other origin the page's policy lets it fetch from (the dataset's
   * at start); a dataset elsewhere is opened by loading the page anew with `?data=`.
   */
  constructor(
    private readonly win: Window,
    private readonly allowedOrigin: string | null = null,
  ) {
    this.selection.subscribe(() => {
      if (!this.#applyingUrl) this.#writeUrl(this.#replacing ? 'replace' : 'push');
    });
    // A load replaces `incidents` when it succeeds: then forget the copies of the old one's cells,
    // and its cubes.
    // (Until then the old dataset is still shown, and its copies still right.) This listener
    // comes first, so no view renders for the new dataset before it ran.
    let generation = 0;
    this.datasets.subscribe(() => {
      const now = this.datasets.getSnapshot().generation;
      if (now !== generation) {
        const run = (sql: string) => runQueued(duckdbConnector, sql);
        this.cells.reset(run);
        this.cubes.reset(run);
      }
      generation = now;
    });
  }

  /**
   * Run `change` (selection updates) writing the URL in place: the steps of a time-lapse are not
   * places to go back to, and would fill the browser's history.
   */
  replacingUrl(change: () => void): void {
    this.#replacing = true;
    try {
      change();
    } finally {
      this.#replacing = false;
    }
  }

  /** Read the URL, then load its dataset (or the bundled one). */
  async start(): Promise<void> {
    const state = this.#applyUrl();
    this.win.addEventListener('popstate', () => void this.#followUrl());
    await this.#loadFromUrl(state.extras.data);
  }

  /** Go to a view given as a query string (a saved view), as a new history entry. */
  async navigate(search: string): Promise<void> {
    const url = `${this.win.location.pathname}${search}${this.win.location.hash}`;
    this.win.history.pushState(null, '', url);
    await this.#followUrl();
  }

  /** Apply the URL as it is now, loading its dataset if that changed. */
  async #followUrl(): Promise<void> {
    const previous = this.#page.extras.data;
    const next = this.#applyUrl();
    if (next.extras.data !== previous) await this.#loadFromUrl(next.extras.data);
  }

  /** Open a dataset at a manifest URL (from the "Open dataset" dialog). */
  async openUrl(url: string): Promise<void> {
    const data = url.trim();
    if (!this.#isAllowedUrl(data)) {
      this.#setPage({
        notices: [...this.#page.notices, `Not opened: ${data} is not an http(s) URL.`],
      });
      return;
    }
    const origin = new URL(data, this.win.location.href).origin;
    if (origin !== this.win.location.origin && origin !== this.allowedOrigin) {
      this.win.location.assign(`${this.win.location.pathname}?data=${encodeURIComponent(data)}`);
      return;
    }
    const ok = await this.#load(urlSource(data), {manifestFile: fileOf(data)});
    if (ok) this.#setExtras({...this.#page.extras, data}, 'push');
  }

  /** Open the bundled dataset (drops `data=` from the URL). */
  async openDefault(): Promise<void> {
    const ok = await this.#load(urlSource(DEFAULT_MANIFEST), {
      manifestFile: fileOf(DEFAULT_MANIFEST),
    });
    if (ok) this.setExtra('data', undefined);
  }

  /** Open files the user picked or dropped: a manifest with its files, or bare Parquet files. */
  async openFiles(files: readonly File[]): Promise<void> {
    const manifest = files.find((f) => f.name === 'manifest.json');
    const request: LoadRequest = manifest
      ? {manifestFile: manifest.name}
      : {bareFiles: files.map((f) => f.name)};
    const ok = await this.#load(localSource(files), request);
    if (ok) {
      const extras = {...this.#page.extras};
      delete extras.data;
      this.#setExtras(extras, 'replace');
      this.#setPage({
        notices: [
          ...this.#page.notices,
          'Opened local files: a copied link cannot include them, so it opens the default dataset.',
        ],
      });
    }
  }

  /** Replace every filter at once (e.g. "clear all"). */
  setFilters(filters: Filters): void {
    setAllFilters(this.selection, filters);
  }

  /** Set a URL extra such as the focused premises or the map camera. */
  setExtra<K extends keyof UrlExtras>(key: K, value: UrlExtras[K] | undefined): void {
    const extras = {...this.#page.extras};
    if (value === undefined) delete extras[key];
    else extras[key] = value;
    this.#setExtras(extras, key === 'view' ? 'replace' : 'push');
  }

  /** Turn publication mode on or off. */
  setPublication(on: boolean): void {
    this.#setPage({publication: on});
  }

  /** A time-lapse starts (its span) or ends (null). */
  setTimeLapse(span: TimeLapseSpan | null): void {
    this.#setPage({timeLapse: span});
  }

  /** Remove every filter, the map's selection included. */
  clearAll(): void {
    this.selection.reset([]);
  }

  /** Remove one notice. */
  dismissNotice(index: number): void {
    this.#setPage({notices: this.#page.notices.filter((_, i) => i !== index)});
  }

  /** The permalink of the current view. */
  permalink(): string {
    const url = new URL(this.win.location.href);
    return `${url.origin}${url.pathname}${this.#search()}`;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): PageState => this.#page;

  async #loadFromUrl(data: string | undefined): Promise<void> {
    if (data !== undefined && !this.#isAllowedUrl(data)) {
      this.#setPage({
        notices: [
          ...this.#page.notices,
          `Ignored data=${data}: not an http(s) URL; showing the bundled dataset.`,
        ],
      });
      data = undefined;
      // Out of the URL too, so that Copy link does not pass it on.
      const extras = {...this.#page.extras};
      delete extras.data;
      this.#setExtras(extras, 'replace');
    }
    const url = data ?? DEFAULT_MANIFEST;
    await this.#load(urlSource(url), {manifestFile: fileOf(url)});
  }

  async #load(source: FileSource, request: LoadRequest): Promise<boolean> {
    const dataset = await this.datasets.load(source, request);
    if (!dataset) return false;
    const filters = filtersOf(this.selection);
    const notices: string[] = [];
    const known = {lad: dataset.lads.map((l) => l.code), site: dataset.sites.map((s) => s.code)};
    for (const key of ['lad', 'site'] as const) {
      const codes = filters[key];
      const unknown = codes?.filter((c) => !known[key].includes(c)) ?? [];
      if (unknown.length) {
        notices.push(`Ignored ${key}=${unknown.join(',')}: not in this dataset.`);
        filters[key] = codes!.filter((c) => known[key].includes(c));
      }
    }
    const grain = dataset.manifest.time_grain;
    const snapped = snapDates(filters.dates, grain);
    if (snapped?.from !== filters.dates?.from || snapped?.to !== filters.dates?.to) {
      notices.push(
        `Dates widened to whole ${grain}s (${[snapped?.from, snapped?.to].filter(Boolean).join(' to ')}): this dataset is by ${grain}.`,
      );
      filters.dates = snapped;
    }
    if (grain !== 'day' && (filters.days || filters.night)) {
      notices.push(`Ignored days and night-of: this dataset is by ${grain}.`);
      delete filters.days;
      delete filters.night;
    }
    if (!dataset.hasHours && filters.hours) {
      notices.push('Ignored hours: this dataset does not record the hour.');
      delete filters.hours;
    }
    if (notices.length) {
      this.#setPage({notices: [...this.#page.notices, ...notices]});
      setAllFilters(this.selection, filters);
    }
    return true;
  }

  #applyUrl() {
    const state = parseUrl(this.win.location.search);
    this.#applyingUrl = true;
    try {
      // The URL is the whole state: its filters and hexagons replace every clause.
      const cells = state.cells ? [cellClause(state.cells)] : [];
      this.selection.reset([...clausesOf(state.filters), ...cells]);
    } finally {
      this.#applyingUrl = false;
    }
    this.#setPage({extras: state.extras, notices: state.notices});
    this.#writeUrl('replace');
    return state;
  }

  #setExtras(extras: UrlExtras, mode: 'push' | 'replace'): void {
    this.#setPage({extras});
    this.#writeUrl(mode);
  }

  #search(): string {
    return formatUrl(filtersOf(this.selection), this.#page.extras, cellsOf(this.selection));
  }

  #writeUrl(mode: 'push' | 'replace'): void {
    const search = this.#search();
    if (search === this.win.location.search) return;
    const url = `${this.win.location.pathname}${search}${this.win.location.hash}`;
    if (mode === 'push') this.win.history.pushState(null, '', url);
    else this.win.history.replaceState(null, '', url);
  }

  #isAllowedUrl(url: string): boolean {
    try {
      const parsed = new URL(url, this.win.location.href);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:';
    } catch {
      return false;
    }
  }

  #setPage(patch: Partial<PageState>): void {
    this.#page = {...this.#page, ...patch};
    for (const l of [...this.#listeners]) l();
  }
}

/** The manifest's own file name, for messages. */
function fileOf(url: string): string {
  return url.split(/[?#]/)[0].split('/').pop() || 'manifest.json';
}
