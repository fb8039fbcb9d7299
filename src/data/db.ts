/** DuckDB-WASM, started once behind one shared promise; wasm and worker bundled (no CDN). */
import * as duckdb from '@duckdb/duckdb-wasm';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import {markStage} from './progress';

/**
 * The in-memory database that holds `incidents` and its rollups, compressed as they are written
 * (dictionary, FSST, bit-packing). At 10M rows DuckDB's tables took 1,385 MB uncompressed and
 * 138 MB compressed, and grouping by a text column (local authority, premises) ran 2-6x faster.
 * Raw tables stay in the default database: compressing rows that are dropped a moment later
 * doubled the load time.
 */
export const STORE = 'vsd';

let started: Promise<duckdb.AsyncDuckDBConnection> | null = null;
let loads = 0;

/**
 * Count a load into the page's database: whether one ran before it, and may have left tables
 * for it to replace (see `LoaderDb.loadedBefore`).
 */
export function countLoad(): boolean {
  return loads++ > 0;
}

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
  markStage('DuckDB compiled');
  await db.open({query: {castBigIntToDouble: true, castDecimalToDouble: true}});
  const conn = await db.connect();
  // Offline by design: never let DuckDB fetch an extension from the internet.
  await conn.query(`SET autoinstall_known_extensions = false`);
  await conn.query(`SET autoload_known_extensions = false`);
  // The dataset's big tables live in a compressed in-memory database (see STORE); the rest, and
  // the raw tables being loaded, in the default one. Unqualified names find both.
  await conn.query(`ATTACH ':memory:' AS ${STORE} (COMPRESS)`);
  await conn.query(`SET search_path = 'memory.main,${STORE}.main'`);
  markStage('DuckDB ready');
  return conn;
}
