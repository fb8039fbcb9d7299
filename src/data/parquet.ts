/** Decode Parquet off the main thread (parquet-wasm in a worker); returns Arrow IPC bytes. */
import type {DecodeRequest, DecodeResponse} from './parquet.worker';
import ParquetWorker from './parquet.worker?worker';

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, {resolve: (ipc: Uint8Array) => void; reject: (e: Error) => void}>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new ParquetWorker();
  worker.onmessage = (event: MessageEvent<DecodeResponse>) => {
    const job = pending.get(event.data.id);
    if (!job) return;
    pending.delete(event.data.id);
    if ('error' in event.data) job.reject(new Error(event.data.error));
    else job.resolve(event.data.ipc);
  };
  worker.onerror = (event) => {
    for (const job of pending.values()) job.reject(new Error(event.message || 'decoder crashed'));
    pending.clear();
    worker = null;
  };
  return worker;
}

/** Decode a Parquet file's bytes (transferred, so the buffer is unusable afterwards). */
export function decodeParquet(bytes: ArrayBuffer): Promise<Uint8Array> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, {resolve, reject});
    getWorker().postMessage({id, bytes} satisfies DecodeRequest, [bytes]);
  });
}
