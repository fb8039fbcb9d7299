/** The statements that put a loaded dataset's tables in place of the old dataset's, in one call. */
import {ident, literal} from './filters';
import {dropBuildingQuery, ROLLUPS, rollupViewQuery} from './rollup';

/** A table of the old dataset, where it is. */
export interface OldTable {
  database: string;
  schema: string;
  name: string;
}

/** Inputs of `replaceTablesQuery`. */
export interface ReplaceTables {
  /** Prefix of the new tables' names (`_next_`): each is renamed to the name without it. */
  next: string;
  /** The tables every load builds (incidents and its lookups). */
  tables: readonly string[];
  /**
   * The rollups as the load leaves them: built under `next` (`now`), views of `incidents` to be
   * built later (`later`), or none.
   */
  rollups: 'now' | 'later' | 'none';
  /** The old dataset's rollups that are tables (see rollupTablesQuery); others are views, or absent. */
  oldRollupTables: readonly OldTable[];
  /** The database of the new rollup views (see rollupViewQuery). */
  store?: string;
}

/**
 * One call that drops the old dataset's tables and rollups (tables or views: a DROP of the wrong
 * kind fails, even with IF EXISTS) and puts the new ones in their place. The page's DuckDB worker
 * runs one call at a time, so no view's query lands between a drop and its replacement and finds
 * a table missing. Not a transaction: DuckDB writes to one attached database per transaction,
 * and a big dataset's tables are in the compressed store, its lookups in the default one.
 */
export function replaceTablesQuery(o: ReplaceTables): string {
  // First the part-built rollups: if a later statement fails, a resumed build (dataset-store.ts)
  // must not add the new dataset's rows to a table begun from the old one.
  const statements: string[] = [dropBuildingQuery()];
  for (const t of o.tables) {
    statements.push(`DROP TABLE IF EXISTS ${ident(t)}`);
    statements.push(`ALTER TABLE ${ident(o.next + t)} RENAME TO ${ident(t)}`);
  }
  // Each table by its full name, in whichever database it is; then the views, which a load
  // creates in the default database only (the first on the search path).
  for (const t of o.oldRollupTables) {
    statements.push(`DROP TABLE ${[t.database, t.schema, t.name].map(ident).join('.')}`);
  }
  for (const r of ROLLUPS) statements.push(`DROP VIEW IF EXISTS ${ident(r.name)}`);
  for (const r of ROLLUPS) {
    if (o.rollups === 'now') statements.push(`ALTER TABLE ${ident(o.next + r.name)} RENAME TO ${ident(r.name)}`);
    if (o.rollups === 'later') statements.push(rollupViewQuery(r, o.store));
  }
  return statements.join(';\n');
}

/** The rollups that are tables now, as `OldTable` rows (views are not in `duckdb_tables()`). */
export function rollupTablesQuery(): string {
  const names = ROLLUPS.map((r) => literal(r.name)).join(', ');
  return `SELECT database_name AS "database", schema_name AS "schema", table_name AS name
FROM duckdb_tables() WHERE table_name IN (${names}) AND NOT temporary`;
}
