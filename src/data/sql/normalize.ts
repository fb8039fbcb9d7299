/** SQL that turns validated raw tables into the normalised tables every view queries. */
import {ident} from './filters';
import {h3ParentSql, PARENT_RESOLUTIONS} from './h3';

/** The normalised incidents table name. */
export const INCIDENTS = 'incidents';

/** Columns of the normalised incidents table, cast to the contract's types. */
function normalisedSelect(raw: string): string {
  const d = 'CAST("date" AS DATE)';
  return `SELECT ${d} AS "date", CAST("hour" AS TINYINT) AS "hour",
  CAST(lad_code AS VARCHAR) AS lad_code, CAST(lsoa_code AS VARCHAR) AS lsoa_code,
  CAST(h3 AS VARCHAR) AS h3, CAST(location_type AS VARCHAR) AS location_type,
  CAST(premises_id AS VARCHAR) AS premises_id, CAST(weapon AS VARCHAR) AS weapon,
  CAST(sex AS VARCHAR) AS sex, CAST(age_band AS VARCHAR) AS age_band,
  CAST(relationship AS VARCHAR) AS relationship, CAST(site_code AS VARCHAR) AS site_code,
  CAST(n AS INTEGER) AS n,
  CAST(isodow(${d}) AS TINYINT) AS dow,
  CASE WHEN "hour" < 6 THEN ${d} - 1 ELSE ${d} END AS ndate,
  CAST(isodow(CASE WHEN "hour" < 6 THEN ${d} - 1 ELSE ${d} END) AS TINYINT) AS ndow,
  ${PARENT_RESOLUTIONS.map((r) => `${h3ParentSql('h3', r)} AS h3_${r}`).join(',\n  ')}
FROM ${ident(raw)}`;
}

/**
 * Build `target` from raw incidents tables. `ndate`/`ndow` carry night-of attribution: hours
 * before 06:00 belong to the previous day; a row with unknown hour keeps its own date.
 * `h3_5`...`h3_8` are the parent cells the map aggregates to at lower zooms.
 */
export function normaliseIncidentsQuery(target: string, raws: readonly string[]): string {
  return `CREATE OR REPLACE TABLE ${ident(target)} AS
${raws.map(normalisedSelect).join('\nUNION ALL\n')}`;
}
