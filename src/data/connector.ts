/** The one interface views see: SQL in, rows out. Tests pass a plain object in its place. */
import {rowsOf} from './arrow-rows';
import {getConnection} from './db';

export {rowsOf};

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
