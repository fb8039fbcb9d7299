/** The page URL as view state (DESIGN.md "URL state"): parse with notices, format canonically. */
import {ENUMS} from '../data/schema';
import {isIsoDate} from '../data/manifest';
import {LIST_FILTERS, WEEKDAYS, type Filters} from './filters';
import type {ListFilter} from '../data/sql/clauses';
import {parseCells, type CellSelection} from './cells';

/** URL parameters that are not filters. */
export interface UrlExtras {
  data?: string;
  premises?: string;
  view?: {lat: number; lon: number; zoom: number};
  present?: boolean;
}

/** What a URL says, plus a notice for each part that was ignored. */
export interface UrlState {
  filters: Filters;
  extras: UrlExtras;
  /** The map's selected hexagons (`cells=`), a filter the map sets. */
  cells?: CellSelection;
  notices: string[];
}

/** Enum-valued list filters and their allowed codes; lad and site are checked against the data. */
const ENUM_OF: Partial<Record<ListFilter, readonly string[]>> = {
  loc: ENUMS.location_type,
  weapon: ENUMS.weapon,
  sex: ENUMS.sex,
  age: ENUMS.age_band,
  rel: ENUMS.relationship,
};

const CODE = /^[A-Za-z0-9_+.-]{1,40}$/;
const KNOWN = new Set([
  'data',
  'from',
  'to',
  'hours',
  'days',
  'night',
  'cells',
  'premises',
  'view',
  'present',
]);

/** Parse a query string into filters and extras; bad parts are dropped with a notice. */
export function parseUrl(search: string): UrlState {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  const extras: UrlExtras = {};
  const notices: string[] = [];
  const ignore = (key: string, value: string, why: string) =>
    notices.push(`Ignored ${key}=${truncate(value)}: ${why}.`);

  const from = params.get('from');
  const to = params.get('to');
  const goodFrom = from !== null && isIsoDate(from) ? from : undefined;
  const goodTo = to !== null && isIsoDate(to) ? to : undefined;
  if (from !== null && !goodFrom) ignore('from', from, 'not a date (YYYY-MM-DD)');
  if (to !== null && !goodTo) ignore('to', to, 'not a date (YYYY-MM-DD)');
  if (goodFrom && goodTo && goodFrom > goodTo) {
    ignore('from/to', `${goodFrom}..${goodTo}`, 'the start is after the end');
  } else if (goodFrom || goodTo) {
    filters.dates = {...(goodFrom && {from: goodFrom}), ...(goodTo && {to: goodTo})};
  }

  const hours = params.get('hours');
  if (hours !== null) {
    const m = /^(\d{1,2})-(\d{1,2})$/.exec(hours);
    const start = m ? Number(m[1]) : NaN;
    // 22-0 is 22:00 to midnight: the same window as 22-24.
    const end = m && Number(m[2]) === 0 && start > 0 ? 24 : m ? Number(m[2]) : NaN;
    if (!m || start > 23 || end > 24 || end === 0 || start === end) {
      ignore('hours', hours, 'expected start-end with start 0-23 and end 1-24, e.g. 22-4');
    } else {
      filters.hours = {start, end};
    }
  }

  const days = params.get('days');
  if (days !== null) {
    const {good, bad} = splitCodes(days.toLowerCase(), WEEKDAYS);
    if (bad.length) ignore('days', bad.join(','), `unknown weekday (use ${WEEKDAYS.join(',')})`);
    if (good.length) {
      filters.days = WEEKDAYS.map((_, i) => i + 1).filter((d) => good.includes(WEEKDAYS[d - 1]));
    }
  }

  const night = params.get('night');
  if (night === '1') filters.night = true;
  else if (night !== null && night !== '0') ignore('night', night, 'use 1 or 0');

  for (const key of LIST_FILTERS) {
    const raw = params.get(key);
    if (raw === null) continue;
    const allowed = ENUM_OF[key];
    // Enum codes are lower case (Street is street); area and site codes keep their case.
    const {good, bad} = splitCodes(allowed ? raw.toLowerCase() : raw, allowed ?? null);
    if (bad.length) ignore(key, bad.join(','), allowed ? 'unknown code' : 'not a valid code');
    if (good.length) filters[key] = good;
  }

  let cells: CellSelection | undefined;
  const rawCells = params.get('cells');
  if (rawCells !== null) {
    const parsed = parseCells(rawCells);
    if ('value' in parsed) cells = parsed.value;
    else ignore('cells', rawCells, parsed.problem);
  }

  const data = params.get('data');
  if (data) extras.data = data;
  const premises = params.get('premises');
  if (premises !== null) {
    if (CODE.test(premises)) extras.premises = premises;
    else ignore('premises', premises, 'not a valid premises id');
  }
  const view = params.get('view');
  if (view !== null) {
    const [lat, lon, zoom] = view.split(',').map(Number);
    const ok =
      view.split(',').length === 3 &&
      Math.abs(lat) <= 90 &&
      Math.abs(lon) <= 180 &&
      zoom >= 0 &&
      zoom <= 24;
    if (ok) extras.view = {lat, lon, zoom};
    else ignore('view', view, 'expected lat,lon,zoom');
  }
  const present = params.get('present');
  if (present === '1') extras.present = true;
  else if (present !== null && present !== '0') ignore('present', present, 'use 1 or 0');

  for (const key of new Set(params.keys())) {
    if (!KNOWN.has(key) && !(LIST_FILTERS as string[]).includes(key)) {
      ignore(key, params.get(key) ?? '', 'unknown parameter');
      continue;
    }
    // Given twice (sex=male&sex=female): the first is used, as above; say so of the others.
    const later = params.getAll(key).slice(1);
    if (later.length)
      ignore(key, later.join(' and '), `${key} is given more than once; the first is used`);
  }
  return {filters, extras, ...(cells && {cells}), notices};
}

/**
 * The canonical query string (with leading '?', or '' when empty) for filters, extras and the
 * map's selected hexagons.
 */
export function formatUrl(filters: Filters, extras: UrlExtras, cells?: CellSelection): string {
  const parts: [string, string][] = [];
  if (extras.data) parts.push(['data', extras.data]);
  if (filters.dates?.from) parts.push(['from', filters.dates.from]);
  if (filters.dates?.to) parts.push(['to', filters.dates.to]);
  if (filters.hours) parts.push(['hours', `${filters.hours.start}-${filters.hours.end}`]);
  if (filters.days?.length)
    parts.push(['days', filters.days.map((d) => WEEKDAYS[d - 1]).join(',')]);
  if (filters.night) parts.push(['night', '1']);
  for (const key of LIST_FILTERS) {
    const codes = filters[key];
    if (codes?.length) parts.push([key, codes.join(',')]);
  }
  if (cells?.cells.length) parts.push(['cells', cells.cells.join(',')]);
  if (extras.premises) parts.push(['premises', extras.premises]);
  if (extras.view) {
    const {lat, lon, zoom} = extras.view;
    parts.push(['view', `${lat.toFixed(4)},${lon.toFixed(4)},${zoom.toFixed(2)}`]);
  }
  if (extras.present) parts.push(['present', '1']);
  if (!parts.length) return '';
  return '?' + parts.map(([k, v]) => `${k}=${encodeValue(v)}`).join('&');
}

function splitCodes(raw: string, allowed: readonly string[] | null) {
  const codes = [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const ok = (c: string) => (allowed ? allowed.includes(c) : CODE.test(c));
  return {good: codes.filter(ok), bad: codes.filter((c) => !ok(c))};
}

function encodeValue(v: string): string {
  return encodeURIComponent(v).replace(/%2C/gi, ',').replace(/%2F/gi, '/').replace(/%3A/gi, ':');
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
