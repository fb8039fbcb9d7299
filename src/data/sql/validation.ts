/** Value checks of the raw tables against schema v1: incidents (errors), premises and sites. */
import {ENUMS, PREMISES_TYPES, TABLE_COLUMNS} from '../schema';
import type {Screen} from '../screen';
import {ident, int, literal} from './filters';

/** Largest count we accept in `n` (fits a 32-bit INTEGER). */
export const MAX_N = 2_147_483_647;

/** What a failed check reports: column, problem, one example value, how many rows. */
export interface ValueCheck {
  column: string;
  problem: string;
  /** SQL predicate that is true for a bad row. */
  bad: string;
  /** SQL expression giving an example of the bad value. */
  example: string;
  /** The same check on the decoder's Arrow data (see screen.ts), where it can run there. */
  screen?: Screen;
}

/** The checks for the columns present (and of the right type) in a raw incidents table. */
export function incidentChecks(columns: ReadonlySet<string>): ValueCheck[] {
  const checks: ValueCheck[] = [];
  const has = (c: string) => columns.has(c);
  for (const [column, values] of Object.entries(ENUMS)) {
    if (!has(column)) continue;
    const c = ident(column);
    checks.push({
      column,
      problem: `unknown value (allowed: ${values.join(', ')})`,
      bad: `${c} IS NOT NULL AND ${c} NOT IN (${values.map(literal).join(', ')})`,
      example: `CAST(${c} AS VARCHAR)`,
      screen: {kind: 'in', column, values},
    });
  }
  for (const column of ['date', 'location_type', 'weapon', 'sex', 'age_band', 'relationship', 'n']) {
    if (!has(column)) continue;
    checks.push({
      column,
      problem: 'empty (NULL) values; this column must always have a value',
      bad: `${ident(column)} IS NULL`,
      example: "'NULL'",
      screen: {kind: 'null', column},
    });
  }
  if (has('hour')) {
    checks.push({column: 'hour', problem: 'hour outside 0-23', bad: 'hour < 0 OR hour > 23', example: 'CAST(hour AS VARCHAR)'});
  }
  if (has('n')) {
    checks.push({column: 'n', problem: `count must be at least 1 (and at most ${MAX_N})`, bad: `n < 1 OR n > ${int(MAX_N)}`, example: 'CAST(n AS VARCHAR)'});
  }
  if (has('h3')) {
    checks.push({
      column: 'h3',
      problem: 'not an H3 cell at resolution 9 written in lower-case hex (e.g. 89195da49b7ffff)',
      bad: `h3 IS NOT NULL AND NOT regexp_full_match(h3, '89[0-9a-f]{13}')`,
      example: 'h3',
      screen: {kind: 'h3', column: 'h3'},
    });
  }
  return checks;
}

/** Every screen of an incidents file with all the contract's columns, for the decoder. */
export const INCIDENT_SCREENS: readonly Screen[] = incidentChecks(
  new Set(TABLE_COLUMNS.incidents.map((c) => c.name)),
).flatMap((c) => (c.screen ? [c.screen] : []));

/**
 * One query, one scan: a row (check_index, column_name, problem, example, bad_rows) for each
 * check that some row fails, in check order. (A UNION ALL of one query per check read the table
 * once per check: 13 scans of every file at load.)
 */
export function valueChecksQuery(table: string, checks: readonly ValueCheck[]): string {
  if (checks.length === 0) return `SELECT NULL AS column_name WHERE FALSE`;
  const counts = checks.map(
    (c, i) =>
      `count(*) FILTER (WHERE ${c.bad}) AS bad_${i}, min(${c.example}) FILTER (WHERE ${c.bad}) AS example_${i}`,
  );
  const rows = checks.map(
    (c, i) => `SELECT ${int(i)} AS check_index, ${literal(c.column)} AS column_name,
    ${literal(c.problem)} AS problem, CAST(example_${i} AS VARCHAR) AS example,
    CAST(bad_${i} AS DOUBLE) AS bad_rows FROM s`,
  );
  return `WITH s AS MATERIALIZED (SELECT ${counts.join(',\n  ')} FROM ${ident(table)})
SELECT * FROM (${rows.join('\nUNION ALL\n')}) WHERE bad_rows > 0 ORDER BY check_index`;
}

/** Rows whose date lies outside the manifest's period (a warning, not an error). */
export function outsidePeriodQuery(table: string, start: string, end: string): string {
  return `SELECT CAST(count(*) AS DOUBLE) AS bad_rows, CAST(min("date") AS VARCHAR) AS first,
  CAST(max("date") AS VARCHAR) AS last FROM ${ident(table)}
  WHERE "date" < DATE ${literal(start)} OR "date" > DATE ${literal(end)}`;
}

/** A closing time the contract allows: 'HH:MM' from 00:00 to 23:59, or 'H:MM', or '24:00'. */
export const CLOSING_TIME_SQL = `(regexp_full_match(closing_time, '([01]?[0-9]|2[0-3]):[0-5][0-9]') OR closing_time = '24:00')`;

/** A closing time as stored: 'HH:MM' ('2:00' is '02:00', '24:00' is '00:00'), else NULL. */
export const CLOSING_TIME_VALUE_SQL = `CASE WHEN closing_time = '24:00' THEN '00:00'
  WHEN ${CLOSING_TIME_SQL} THEN lpad(CAST(closing_time AS VARCHAR), 5, '0') END`;

/**
 * Checks of a premises or sites table's values. None stops the load: the rows or values they
 * find are left out (a row without its key, one of two rows with the same key) or read as
 * unknown (see `lookupValueSql`), and the loader says so in a warning.
 */
export function lookupChecks(role: 'premises' | 'sites', columns: ReadonlySet<string>): ValueCheck[] {
  const key = role === 'premises' ? 'premises_id' : 'site_code';
  const checks: ValueCheck[] = [];
  const has = (c: string) => columns.has(c);
  if (has(key)) {
    checks.push({column: key, problem: 'empty (NULL) values; those rows are left out', bad: `${ident(key)} IS NULL`, example: "'NULL'"});
  }
  for (const [column, range] of [['lat', 90], ['lon', 180]] as const) {
    if (!has(column)) continue;
    checks.push({
      column,
      problem: `outside -${range} to ${range}; read as unknown, so not placed on the map`,
      bad: `NOT (${column} BETWEEN -${range} AND ${range})`,
      example: `CAST(${column} AS VARCHAR)`,
    });
  }
  if (role === 'sites') return checks;
  if (has('premises_type')) {
    checks.push({
      column: 'premises_type',
      problem: `not a premises type of the contract (${PREMISES_TYPES.join(', ')}); shown as written`,
      bad: `premises_type IS NOT NULL AND premises_type NOT IN (${PREMISES_TYPES.map(literal).join(', ')})`,
      example: 'CAST(premises_type AS VARCHAR)',
    });
  }
  if (has('closing_time')) {
    checks.push({
      column: 'closing_time',
      problem: "not a time written 'HH:MM'; read as unknown, so no hours count as after closing",
      bad: `closing_time IS NOT NULL AND NOT ${CLOSING_TIME_SQL}`,
      example: 'CAST(closing_time AS VARCHAR)',
    });
  }
  if (has('capacity')) {
    checks.push({
      column: 'capacity',
      problem: `not a capacity from 1 to ${MAX_N}; read as unknown, so not ranked by rate`,
      bad: `capacity < 1 OR capacity > ${int(MAX_N)}`,
      example: 'CAST(capacity AS VARCHAR)',
    });
  }
  return checks;
}

/** Keys given to more than one row of a lookup table: how many, and the first. */
export function duplicateKeysQuery(table: string, key: string): string {
  const k = ident(key);
  return `SELECT CAST(count(*) AS DOUBLE) AS bad_keys, CAST(min(${k}) AS VARCHAR) AS example
FROM (SELECT ${k} FROM ${ident(table)} WHERE ${k} IS NOT NULL GROUP BY ${k} HAVING count(*) > 1)`;
}
