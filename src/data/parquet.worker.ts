/**
 * Web worker: decode Parquet with parquet-wasm into Arrow IPC streams for DuckDB, a few row groups
 * at a time. Decoding a whole 2M-row file at once grows this worker's wasm memory (which never
 * shrinks) by the decoded table and its IPC copy, hundreds of MB; by chunks it stays near one.
 */
import {tableFromIPC, type Table} from 'apache-arrow';
import initParquet, {ParquetFile, readParquet} from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import {prepareIncidents, type PreparedChunk, type PreparedStats} from './prepare';
import {screenChunk, type ScreenedChunk} from './screen';
import {INCIDENT_SCREENS} from './sql/validation';

/** Rows decoded per chunk (whole row groups, so a chunk may hold more). */
const CHUNK_ROWS = 250_000;
/**
 * Rows per Arrow record batch. parquet-wasm's default, 1,024, made a chunk of 200k rows 200
 * batches: in Node, decoding, screening and preparing one took 115, 75 and 100 ms that way, and
 * 60, 55 and 45 ms in batches of 64k.
 */
const BATCH_ROWS = 65_536;

/**
 * A request: open a file's bytes, read one chunk of an opened file, or close it. `prepare`: the
 * chunk may hold incidents; give it the columns of `incidents` when it can (see prepare.ts),
 * counting the rows outside `period`.
 */
export type DecodeRequest =
  | {id: number; op: 'open'; bytes: ArrayBuffer}
  | {
      id: number;
      op: 'read';
      file: number;
      chunk: number;
      prepare?: {period: {start: string; end: string} | null};
    }
  | {id: number; op: 'close'; file: number};

/**
 * The answers: the file's number and chunk count, a chunk's IPC stream with the incidents
 * screens its rows all pass (see screen.ts), or with `prepared` the stream prepared for
 * `incidents` and its statistics; done, or an error.
 */
export type DecodeResponse =
  | {id: number; file: number; chunks: number; rows: number}
  | {id: number; ipc: Uint8Array; passed: string[]; prepared?: PreparedStats}
  | {id: number; closed: true}
  | {id: number; error: string};

let ready: Promise<unknown> | null = null;
let nextFile = 0;
/** Open files: their bytes and, per chunk, the row groups it reads. */
const files = new Map<number, {bytes: Uint8Array; chunks: number[][]}>();

const reply = (message: DecodeResponse, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);

self.onmessage = async (event: MessageEvent<DecodeRequest>) => {
  const request = event.data;
  try {
    ready ??= initParquet({module_or_path: wasmUrl});
    await ready;
    if (request.op === 'open') {
      const bytes = new Uint8Array(request.bytes);
      const file = nextFile++;
      const {chunks, rows} = await chunksOf(bytes);
      files.set(file, {bytes, chunks});
      reply({id: request.id, file, chunks: chunks.length, rows});
    } else if (request.op === 'read') {
      const open = files.get(request.file);
      if (!open) throw new Error('the file is not open');
      const rowGroups = open.chunks[request.chunk];
      const ipc = readParquet(open.bytes, {
        ...(rowGroups.length ? {rowGroups} : {}),
        batchSize: BATCH_ROWS,
      }).intoIPCStream();
      const table = arrowOf(ipc);
      const screened = table ? screenChunk(table, INCIDENT_SCREENS) : null;
      const passed = screened?.passed ?? [];
      const prepared =
        table && screened && request.prepare ? tryPrepare(table, screened, request.prepare.period) : null;
      if (prepared) {
        reply({id: request.id, ipc: prepared.ipc, passed, prepared: prepared.stats}, [prepared.ipc.buffer]);
      } else {
        reply({id: request.id, ipc, passed}, [ipc.buffer]);
      }
    } else {
      files.delete(request.file);
      reply({id: request.id, closed: true});
    }
  } catch (err) {
    reply({id: request.id, error: err instanceof Error ? err.message : String(err)});
  }
};

/** A chunk's stream as an Arrow table; null when it cannot be read here (DuckDB then checks). */
function arrowOf(ipc: Uint8Array): Table | null {
  try {
    return tableFromIPC(ipc);
  } catch {
    return null;
  }
}

/** The chunk prepared for `incidents` (see prepare.ts); null to leave it to DuckDB, as on error. */
function tryPrepare(
  table: Table,
  {passed, codes}: ScreenedChunk,
  period: {start: string; end: string} | null,
): PreparedChunk | null {
  try {
    return prepareIncidents(table, passed.length === INCIDENT_SCREENS.length, period, codes);
  } catch {
    return null;
  }
}

/**
 * Consecutive row groups of about CHUNK_ROWS rows (one empty chunk, read all, when none), and
 * the file's rows.
 */
async function chunksOf(bytes: Uint8Array): Promise<{chunks: number[][]; rows: number}> {
  const file = await ParquetFile.fromFile(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  try {
    const meta = file.metadata();
    const chunks: number[][] = [];
    let rows = CHUNK_ROWS;
    for (let i = 0; i < meta.numRowGroups(); i++) {
      if (rows >= CHUNK_ROWS) {
        chunks.push([]);
        rows = 0;
      }
      chunks[chunks.length - 1].push(i);
      rows += Number(meta.rowGroup(i).numRows());
    }
    return {chunks: chunks.length ? chunks : [[]], rows: Number(meta.fileMetadata().numRows())};
  } finally {
    file.free();
  }
}
