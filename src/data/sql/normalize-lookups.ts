/** Normalised premises and sites tables; optional contract columns that are absent become NULL. */
import {ident} from './filters';
import {CLOSING_TIME_VALUE_SQL, MAX_N} from './validation';

const PREMISES: [string, string][] = [
  ['premises_id', 'VARCHAR'],
  ['name', 'VARCHAR'],
  ['address', 'VARCHAR'],
  ['postcode', 'VARCHAR'],
  ['lat', 'DOUBLE'],
  ['lon', 'DOUBLE'],
  ['lad_code', 'VARCHAR'],
  ['premises_type', 'VARCHAR'],
  ['licence_ref', 'VARCHAR'],
  ['closing_time', 'VARCHAR'],
  ['capacity', 'INTEGER'],
];

const SITES: [string, string][] = [
  ['site_code', 'VARCHAR'],
  ['name', 'VARCHAR'],
  ['lat', 'DOUBLE'],
  ['lon', 'DOUBLE'],
];

/**
 * A lookup column's value as the views read it: values its check (validation.ts `lookupChecks`)
 * warns of are read as unknown. A premises type outside the contract is kept, shown as written.
 */
function lookupValueSql(name: string, type: string): string {
  const value = `CAST(${ident(name)} AS ${type})`;
  switch (name) {
    case 'lat':
      return `CASE WHEN ${ident(name)} BETWEEN -90 AND 90 THEN ${value} END`;
    case 'lon':
      return `CASE WHEN ${ident(name)} BETWEEN -180 AND 180 THEN ${value} END`;
    case 'closing_time':
      return CLOSING_TIME_VALUE_SQL;
    case 'capacity':
      return `CASE WHEN capacity BETWEEN 1 AND ${MAX_N} THEN ${value} END`;
    default:
      return value;
  }
}

/** One row per key, the first in the file; rows without a key are left out. */
function lookupQuery(
  target: string,
  raw: string,
  present: ReadonlySet<string>,
  columns: [string, string][],
) {
  const select = columns.map(([name, type]) =>
    present.has(name)
      ? `${lookupValueSql(name, type)} AS ${ident(name)}`
      : `CAST(NULL AS ${type}) AS ${ident(name)}`,
  );
  const key = ident(columns[0][0]);
  return `CREATE OR REPLACE TABLE ${ident(target)} AS SELECT ${select.join(', ')} FROM ${ident(raw)}
  WHERE ${key} IS NOT NULL QUALIFY row_number() OVER (PARTITION BY ${key} ORDER BY rowid) = 1`;
}

/** Build the premises table from a raw one with the given usable columns. */
export function normalisePremisesQuery(target: string, raw: string, present: ReadonlySet<string>) {
  return lookupQuery(target, raw, present, PREMISES);
}

/** Build the sites table from a raw one with the given usable columns. */
export function normaliseSitesQuery(target: string, raw: string, present: ReadonlySet<string>) {
  return lookupQuery(target, raw, present, SITES);
}

/** An empty table of the given kind, for datasets without premises or sites. */
export function emptyLookupQuery(target: string, kind: 'premises' | 'sites'): string {
  const columns = kind === 'premises' ? PREMISES : SITES;
  const defs = columns.map(([name, type]) => `${ident(name)} ${type}`).join(', ');
  return `CREATE OR REPLACE TABLE ${ident(target)} (${defs})`;
}

/** Facts about the loaded incidents: date span, rows, attendances, whether hours are recorded. */
export function datasetSummaryQuery(table: string): string {
  return `SELECT CAST(min("date") AS VARCHAR) AS first_date, CAST(max("date") AS VARCHAR) AS last_date,
  CAST(count(*) AS DOUBLE) AS row_count, CAST(COALESCE(sum(n), 0) AS DOUBLE) AS attendances,
  CAST(count("hour") AS DOUBLE) AS rows_with_hour FROM ${ident(table)}`;
}

/** Distinct non-null codes of a column, most attendances first. */
export function codesQuery(table: string, column: string): string {
  const c = ident(column);
  return `SELECT ${c} AS code, CAST(sum(n) AS DOUBLE) AS n FROM ${ident(table)}
  WHERE ${c} IS NOT NULL GROUP BY ${c} ORDER BY n DESC, code`;
}

/** Each recording site in `table`, with its name from `sites` (a sites table) where known. */
export function siteNamesQuery(table: string, sites = 'sites'): string {
  return `SELECT c.code, COALESCE(s.name, c.code) AS name FROM (${codesQuery(table, 'site_code')}) c
  LEFT JOIN ${ident(sites)} s ON s.site_code = c.code ORDER BY name, c.code`;
}
