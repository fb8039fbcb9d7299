/** Raw tables of a dataset being loaded: sort them by role, check them, build the final tables. */
import type {LoaderDb} from './load-dataset';
import type {DatasetProblem} from './manifest';
import {ident} from './sql/filters';
import {INCIDENTS, normaliseIncidentsQuery} from './sql/normalize';
import {
  codesQuery,
  datasetSummaryQuery,
  emptyLookupQuery,
  normalisePremisesQuery,
  normaliseSitesQuery,
  siteNamesQuery,
} from './sql/normalize-lookups';
import {incidentChecks, outsidePeriodQuery, valueChecksQuery} from './sql/validation';
import {columnProblems, type DescribedColumn} from './validate';

/** Which contract table a file holds. */
export type Role = 'incidents' | 'premises' | 'sites';

/** A decoded file inserted as-is into a staging table. */
export interface RawTable {
  file: string;
  table: string;
  columns: DescribedColumn[];
  role: Role | null;
}

const NEXT = '_next_';
const FINAL = [INCIDENTS, 'premises', 'sites'] as const;

/** Guess a bare file's role from its columns; null when it is none of them. */
export function classifyColumns(columns: readonly DescribedColumn[]): Role | null {
  const has = new Set(columns.map((c) => c.name));
  if (has.has('n') && has.has('date')) return 'incidents';
  if (has.has('premises_id') && has.has('name')) return 'premises';
  if (has.has('site_code') && has.has('name')) return 'sites';
  return null;
}

/** Check every raw table's columns and values; collects problems and period warnings. */
export async function checkRaw(
  db: LoaderDb,
  raws: readonly RawTable[],
  period: {start: string; end: string} | undefined,
): Promise<{problems: DatasetProblem[]; warnings: string[]; usable: Map<string, Set<string>>}> {
  const problems: DatasetProblem[] = [];
  const warnings: string[] = [];
  const usable = new Map<string, Set<string>>();
  for (const raw of raws) {
    if (!raw.role) continue;
    const checked = columnProblems(raw.file, raw.role, raw.columns);
    problems.push(...checked.problems);
    usable.set(raw.table, checked.usable);
    if (raw.role !== 'incidents' || checked.problems.length) continue;
    const failed = await db.query(valueChecksQuery(raw.table, incidentChecks(checked.usable)));
    for (const f of failed) {
      problems.push({
        file: raw.file,
        column: String(f.column_name),
        message: `${f.problem}: ${f.bad_rows} row(s), e.g. "${f.example}"`,
      });
    }
    if (period && !failed.some((f) => f.column_name === 'date')) {
      const [o] = await db.query(outsidePeriodQuery(raw.table, period.start, period.end));
      if (Number(o.bad_rows) > 0) {
        warnings.push(
          `${raw.file}: ${o.bad_rows} row(s) dated ${o.first} to ${o.last}, outside the manifest's period (${period.start} to ${period.end}).`,
        );
      }
    }
  }
  const once = (role: Role) => raws.filter((r) => r.role === role);
  for (const role of ['premises', 'sites'] as const) {
    if (once(role).length > 1) {
      problems.push({file: once(role)[1].file, message: `a second ${role} file; give only one`});
    }
  }
  return {problems, warnings, usable};
}

/** What the views need to know about the loaded incidents. */
export interface TableSummary {
  period: {start: string; end: string};
  rows: number;
  attendances: number;
  hasHours: boolean;
  ladCodes: string[];
  sites: {code: string; name: string}[];
}

/** Build the final tables from checked raw tables, replacing the previous dataset's. */
export async function finishTables(
  db: LoaderDb,
  raws: readonly RawTable[],
  usable: ReadonlyMap<string, Set<string>>,
): Promise<TableSummary> {
  try {
    const incidents = raws.filter((r) => r.role === 'incidents').map((r) => r.table);
    await db.query(normaliseIncidentsQuery(NEXT + INCIDENTS, incidents));
    for (const role of ['premises', 'sites'] as const) {
      const raw = raws.find((r) => r.role === role);
      const build = role === 'premises' ? normalisePremisesQuery : normaliseSitesQuery;
      await db.query(
        raw
          ? build(NEXT + role, raw.table, usable.get(raw.table) ?? new Set())
          : emptyLookupQuery(NEXT + role, role),
      );
    }
    const [s] = await db.query(datasetSummaryQuery(NEXT + INCIDENTS));
    if (Number(s.row_count) === 0) {
      return {period: {start: '', end: ''}, rows: 0, attendances: 0, hasHours: false, ladCodes: [], sites: []};
    }
    for (const t of FINAL) {
      await db.query(`DROP TABLE IF EXISTS ${ident(t)}`);
      await db.query(`ALTER TABLE ${ident(NEXT + t)} RENAME TO ${ident(t)}`);
    }
    const lads = await db.query(codesQuery(INCIDENTS, 'lad_code'));
    const sites = await db.query(siteNamesQuery(INCIDENTS));
    return {
      period: {start: String(s.first_date), end: String(s.last_date)},
      rows: Number(s.row_count),
      attendances: Number(s.attendances),
      hasHours: Number(s.rows_with_hour) > 0,
      ladCodes: lads.map((r) => String(r.code)),
      sites: sites.map((r) => ({code: String(r.code), name: String(r.name)})),
    };
  } finally {
    for (const t of FINAL) await db.query(`DROP TABLE IF EXISTS ${ident(NEXT + t)}`);
  }
}
