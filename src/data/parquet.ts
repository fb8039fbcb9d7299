/** Decode Parquet off the main thread (parquet-wasm in workers), in chunks of Arrow IPC bytes. */
import type {DecodeRequest, DecodeResponse} from './parquet.worker';
import type {PreparedStats} from './prepare';
import ParquetWorker from './parquet.worker?worker';

/**
 * Decoders: one per core beyond the main thread's and DuckDB's, at most two. One already decodes
 * the next chunk while DuckDB takes the current one, and each costs memory (its wasm heap holds a
 * file and a decoded chunk, and never shrinks), so a second only pays on four cores or more.
 */
const POOL_SIZE = Math.min(2, Math.max(1, (globalThis.navigator?.hardwareConcurrency ?? 2) - 2));

interface Job {
  resolve: (response: DecodeResponse) => void;
  reject: (e: Error) => void;
}

interface Decoder {
  worker: Worker;
  jobs: Map<number, Job>;
}

/**
 * A decoded chunk: its Arrow IPC stream, and the keys of the screens all its rows pass; with
 * `prepared`, the stream has the columns of `incidents` (see prepare.ts).
 */
export interface DecodedChunk {
  ipc: Uint8Array;
  passed: string[];
  prepared?: PreparedStats;
}

/** Whether and how to prepare a chunk for `incidents` (see DecodeRequest). */
export type PrepareOption = Extract<DecodeRequest, {op: 'read'}>['prepare'];

/** A Parquet file opened in a decoder: read its chunks (Arrow IPC) one at a time, then close. */
export interface ParquetChunks {
  chunks: number;
  /** The file's rows, from its metadata. */
  rows: number;
  read(chunk: number, prepare?: PrepareOption): Promise<DecodedChunk>;
  close(): Promise<void>;
}

const pool: (Decoder | null)[] = Array.from({length: POOL_SIZE}, () => null);
let nextId = 0;

function decoder(slot: number): Decoder {
  const existing = pool[slot];
  if (existing) return existing;
  const d: Decoder = {worker: new ParquetWorker(), jobs: new Map()};
  d.worker.onmessage = (event: MessageEvent<DecodeResponse>) => {
    const job = d.jobs.get(event.data.id);
    if (!job) return;
    d.jobs.delete(event.data.id);
    if ('error' in event.data) job.reject(new Error(event.data.error));
    else job.resolve(event.data);
  };
  d.worker.onerror = (event) => {
    for (const job of d.jobs.values()) job.reject(new Error(event.message || 'decoder crashed'));
    d.jobs.clear();
    pool[slot] = null;
  };
  pool[slot] = d;
  return d;
}

/** An idle decoder, else a new one while the pool has room, else the least busy. */
function pick(): number {
  const idle = pool.findIndex((d) => d !== null && d.jobs.size === 0);
  if (idle >= 0) return idle;
  const empty = pool.indexOf(null);
  if (empty >= 0) return empty;
  let slot = 0;
  for (let i = 1; i < POOL_SIZE; i++) if (pool[i]!.jobs.size < pool[slot]!.jobs.size) slot = i;
  return slot;
}

function send(d: Decoder, request: DistributiveOmit<DecodeRequest, 'id'>, transfer: Transferable[] = []) {
  const id = nextId++;
  return new Promise<DecodeResponse>((resolve, reject) => {
    d.jobs.set(id, {resolve, reject});
    d.worker.postMessage({...request, id} as DecodeRequest, transfer);
  });
}

/** Open a Parquet file's bytes (transferred, so the buffer is unusable afterwards) in a decoder. */
export async function openParquet(bytes: ArrayBuffer): Promise<ParquetChunks> {
  const d = decoder(pick());
  const opened = await send(d, {op: 'open', bytes}, [bytes]);
  if (!('file' in opened)) throw new Error('unexpected answer from the Parquet decoder');
  const {file, chunks, rows} = opened;
  return {
    chunks,
    rows,
    read: async (chunk, prepare) => {
      const answer = await send(d, {op: 'read', file, chunk, prepare});
      if (!('ipc' in answer)) throw new Error('unexpected answer from the Parquet decoder');
      return {ipc: answer.ipc, passed: answer.passed, prepared: answer.prepared};
    },
    close: () => send(d, {op: 'close', file}).then(
      () => undefined,
      () => undefined,
    ),
  };
}

/** Stop the decoders (a load has finished): their wasm memory goes back to the system. */
export function releaseDecoders(): void {
  for (const [slot, d] of pool.entries()) {
    if (!d || d.jobs.size > 0) continue;
    d.worker.terminate();
    pool[slot] = null;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
