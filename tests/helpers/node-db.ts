/** An independent DuckDB (native, @duckdb/node-api) for checking what the dashboard computes. */
import {DuckDBInstance, type DuckDBConnection} from '@duckdb/node-api';

/** A fresh in-memory database connection. */
export async function openDb(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  return instance.connect();
}

/** Run SQL and return plain JS row objects (BIGINT and HUGEINT as numbers). */
export async function rows(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await con.runAndReadAll(sql);
  return reader
    .getRowObjectsJS()
    .map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]),
      ),
    );
}

/** Run SQL and return the first column of the first row as a number. */
export async function scalar(con: DuckDBConnection, sql: string): Promise<number> {
  const [row] = await rows(con, sql);
  return Number(Object.values(row)[0]);
}
