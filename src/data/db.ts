/** DuckDB-WASM, started once behind one shared promise; wasm and worker bundled (no CDN). */
import * as duckdb from '@duckdb/duckdb-wasm';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';

let started: Promise<duckdb.AsyncDuckDBConnection> | null = null;

/** The one connection of the page; DuckDB starts on the first call. */
export function getConnection(): Promise<duckdb.AsyncDuckDBConnection> {
  started ??= start().catch((err) => {
    started = null;
    throw err;
  });
  return started;
}

async function start(): Promise<duckdb.AsyncDuckDBConnection> {
  const worker = new Worker(workerUrl);
  const db = new duckdb.AsyncDuckDB(new duckdb.ConsoleLogger(duckdb.LogLevel.WARNING), worker);
  await db.instantiate(wasmUrl);
  await db.open({query: {castBigIntToDouble: true, castDecimalToDouble: true}});
  const conn = await db.connect();
  // Offline by design: never let DuckDB fetch an extension from the internet.
  await conn.query(`SET autoinstall_known_extensions = false`);
  await conn.query(`SET autoload_known_extensions = false`);
  return conn;
}
