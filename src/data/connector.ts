/** The one interface views see: SQL in, rows out. Tests pass a plain object in its place. */
import {getConnection} from './db';

/** A result row with plain JS values (numbers, strings, null; dates as 'YYYY-MM-DD'). */
export type Row = Record<string, unknown>;

/** Runs SQL against the loaded dataset. */
export interface Connector {
  query(sql: string): Promise<Row[]>;
}

/** The DuckDB-WASM connector of the page. */
export const duckdbConnector: Connector = {
  async query(sql) {
    const conn = await getConnection();
    return rowsOf(await conn.query(sql));
  },
};

/** Plain rows of an Arrow result; BIGINTs that slipped through become numbers. */
export function rowsOf(table: {toArray(): {toJSON(): object}[]}): Row[] {
  return table.toArray().map((r) => {
    const row = r.toJSON() as Row;
    for (const [k, v] of Object.entries(row)) if (typeof v === 'bigint') row[k] = Number(v);
    return row;
  });
}
