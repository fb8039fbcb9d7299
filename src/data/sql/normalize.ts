/** SQL that turns validated raw tables into the normalised tables every view queries. */
import {ENUMS, type EnumColumn} from '../schema';
import {ident, literal, tableIn} from './filters';
import {h3FromHexSql} from './h3';

/** The normalised incidents table name. */
export const INCIDENTS = 'incidents';

/**
 * An enum column's SQL type: a DuckDB ENUM (1 byte a row, where a VARCHAR takes 16) whose
 * members are in code order, so that sorting by it sorts as the strings did.
 */
export function enumTypeSql(column: EnumColumn): string {
  return `ENUM(${enumMembers(column).map(literal).join(', ')})`;
}

/** An enum column's members in the order of its SQL type (`enum_code` is the position). */
function enumMembers(column: EnumColumn): string[] {
  return [...ENUMS[column]].sort();
}

/**
 * `column IN (values)` on an enum column, compared as the members' positions: given text,
 * DuckDB casts every row's enum to text to compare it (at 1M rows, native, one thread: a
 * weapon and sex filter took 19 ms that way and 12 ms by position). Values that are not members
 * match nothing, as they would as text.
 */
export function enumInSql(column: EnumColumn, values: readonly string[]): string {
  const members = enumMembers(column);
  const codes = values.map((v) => members.indexOf(v)).filter((i) => i >= 0);
  return codes.length ? `enum_code(${ident(column)}) IN (${codes.join(', ')})` : 'FALSE';
}

/** Columns of the normalised incidents table, cast to the contract's types. */
function normalisedSelect(raw: string): string {
  const d = 'CAST("date" AS DATE)';
  const e = (c: EnumColumn) => `CAST(CAST(${ident(c)} AS VARCHAR) AS ${enumTypeSql(c)}) AS ${ident(c)}`;
  return `SELECT ${d} AS "date", CAST("hour" AS TINYINT) AS "hour",
  CAST(lad_code AS VARCHAR) AS lad_code, CAST(lsoa_code AS VARCHAR) AS lsoa_code,
  ${h3FromHexSql('h3')} AS h3, ${e('location_type')},
  CAST(premises_id AS VARCHAR) AS premises_id, ${e('weapon')}, ${e('sex')}, ${e('age_band')},
  ${e('relationship')}, CAST(site_code AS VARCHAR) AS site_code,
  CAST(n AS INTEGER) AS n,
  CAST(isodow(${d}) AS TINYINT) AS dow,
  CASE WHEN "hour" < 6 THEN ${d} - 1 ELSE ${d} END AS ndate,
  CAST(isodow(CASE WHEN "hour" < 6 THEN ${d} - 1 ELSE ${d} END) AS TINYINT) AS ndow
FROM ${ident(raw)}`;
}

/** The columns of `incidents`, in order, with their SQL types (`normalisedSelect` builds these). */
export const INCIDENT_TABLE_COLUMNS: readonly {name: string; type: string}[] = [
  {name: 'date', type: 'DATE'},
  {name: 'hour', type: 'TINYINT'},
  {name: 'lad_code', type: 'VARCHAR'},
  {name: 'lsoa_code', type: 'VARCHAR'},
  {name: 'h3', type: 'UBIGINT'},
  {name: 'location_type', type: enumTypeSql('location_type')},
  {name: 'premises_id', type: 'VARCHAR'},
  {name: 'weapon', type: enumTypeSql('weapon')},
  {name: 'sex', type: enumTypeSql('sex')},
  {name: 'age_band', type: enumTypeSql('age_band')},
  {name: 'relationship', type: enumTypeSql('relationship')},
  {name: 'site_code', type: 'VARCHAR'},
  {name: 'n', type: 'INTEGER'},
  {name: 'dow', type: 'TINYINT'},
  {name: 'ndate', type: 'DATE'},
  {name: 'ndow', type: 'TINYINT'},
];

/**
 * An empty `target` (in database `catalog` when given) with the columns of `incidents`, for the
 * loader to append chunks to: raw tables through `appendIncidentsQuery`, or chunks the decoder
 * has already given these columns (see prepare.ts) as Arrow, which DuckDB inserts by position.
 */
export function createIncidentsQuery(target: string, catalog?: string): string {
  const columns = INCIDENT_TABLE_COLUMNS.map((c) => `${ident(c.name)} ${c.type}`);
  return `CREATE OR REPLACE TABLE ${tableIn(target, catalog)} (${columns.join(', ')})`;
}

/**
 * Build `target` (in database `catalog` when given) from raw incidents tables. `ndate`/`ndow`
 * carry night-of attribution: hours before 06:00 belong to the previous day; a row with unknown
 * hour keeps its own date. `h3` is the cell as a UBIGINT; the map's coarser cells are computed
 * from it (see h3.ts).
 */
export function normaliseIncidentsQuery(target: string, raws: readonly string[], catalog?: string): string {
  return `CREATE OR REPLACE TABLE ${tableIn(target, catalog)} AS
${raws.map(normalisedSelect).join('\nUNION ALL\n')}`;
}

/** Append one more raw incidents table to `target` (built by `normaliseIncidentsQuery`). */
export function appendIncidentsQuery(target: string, raw: string): string {
  return `INSERT INTO ${ident(target)} ${normalisedSelect(raw)}`;
}

/** Rows and attendances of one checked raw chunk, for the loading preview's running count. */
export function chunkCountQuery(raw: string): string {
  return `SELECT CAST(COUNT(*) AS DOUBLE) AS "rows", CAST(COALESCE(SUM(CAST(n AS INTEGER)), 0) AS DOUBLE) AS n FROM ${ident(raw)}`;
}
