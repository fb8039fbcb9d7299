/** Parse and check a dataset's manifest.json against schema v1. */
import {SCHEMA_VERSION} from './schema';

/** A manifest after checking: file lists are always arrays, optional parts are explicit. */
export interface Manifest {
  schema_version: 1;
  title: string;
  region: string;
  synthetic: boolean;
  time_grain: 'day' | 'week' | 'month';
  /** Absent when the manifest does not say; the loader then takes it from the data. */
  period?: {start: string; end: string};
  disclosure: {min_count: number};
  attribution: string[];
  tables: {incidents: string[]; premises?: string; sites?: string};
  areas?: string;
  events: {date: string; label: string}[];
}

/** A problem with a dataset, with the file and column it concerns. */
export interface DatasetProblem {
  file: string;
  column?: string;
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const GRAINS = ['day', 'week', 'month'] as const;

/** Whether a string is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Check a parsed manifest; returns the manifest or the list of problems. */
export function checkManifest(
  raw: unknown,
  file = 'manifest.json',
): {manifest: Manifest; problems: []} | {manifest: null; problems: DatasetProblem[]} {
  const problems: DatasetProblem[] = [];
  const bad = (column: string, message: string) => problems.push({file, column, message});
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {manifest: null, problems: [{file, message: 'is not a JSON object'}]};
  }
  const m = raw as Record<string, unknown>;
  if (m.schema_version !== SCHEMA_VERSION) {
    bad(
      'schema_version',
      `unsupported schema_version ${JSON.stringify(m.schema_version)}; this dashboard reads version ${SCHEMA_VERSION}`,
    );
  }
  const grain = m.time_grain ?? 'day';
  if (!GRAINS.includes(grain as (typeof GRAINS)[number])) {
    bad('time_grain', `must be one of ${GRAINS.join(', ')}, found ${JSON.stringify(grain)}`);
  }
  const period = m.period as Record<string, unknown> | undefined;
  if (period !== undefined) {
    if (!isIsoDate(period?.start) || !isIsoDate(period?.end)) {
      bad('period', 'start and end must be dates written YYYY-MM-DD');
    } else if (period.start > period.end) {
      bad('period', `start ${period.start} is after end ${period.end}`);
    }
  }
  const tables = m.tables as Record<string, unknown> | undefined;
  const incidents =
    typeof tables?.incidents === 'string' ? [tables.incidents] : (tables?.incidents as unknown);
  if (
    !Array.isArray(incidents) ||
    incidents.length === 0 ||
    !incidents.every((f) => typeof f === 'string' && f.length > 0)
  ) {
    bad('tables.incidents', 'must name one or more Parquet files');
  }
  for (const key of ['premises', 'sites'] as const) {
    if (tables?.[key] !== undefined && typeof tables[key] !== 'string') {
      bad(`tables.${key}`, 'must be a file name');
    }
  }
  if (m.areas !== undefined && typeof m.areas !== 'string') bad('areas', 'must be a file name');
  const minCount = (m.disclosure as Record<string, unknown> | undefined)?.min_count ?? 5;
  if (typeof minCount !== 'number' || !Number.isInteger(minCount) || minCount < 1) {
    bad('disclosure.min_count', 'must be a positive integer');
  }
  const events = Array.isArray(m.events) ? m.events : [];
  const goodEvents = events.filter(
    (e): e is {date: string; label: string} =>
      isIsoDate((e as Record<string, unknown>)?.date) &&
      typeof (e as Record<string, unknown>)?.label === 'string',
  );
  if (goodEvents.length !== events.length) bad('events', 'each event needs a date and a label');
  if (problems.length) return {manifest: null, problems};

  const attribution = Array.isArray(m.attribution)
    ? m.attribution.filter((a): a is string => typeof a === 'string')
    : typeof m.attribution === 'string'
      ? [m.attribution]
      : [];
  return {
    manifest: {
      schema_version: 1,
      title: typeof m.title === 'string' && m.title ? m.title : 'Untitled dataset',
      region: typeof m.region === 'string' ? m.region : '',
      synthetic: m.synthetic === true,
      time_grain: grain as Manifest['time_grain'],
      period: period ? {start: period.start as string, end: period.end as string} : undefined,
      disclosure: {min_count: minCount as number},
      attribution,
      tables: {
        incidents: incidents as string[],
        premises: tables?.premises as string | undefined,
        sites: tables?.sites as string | undefined,
      },
      areas: m.areas as string | undefined,
      events: goodEvents,
    },
    problems: [],
  };
}
