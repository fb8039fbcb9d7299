/** Web worker: decode Parquet bytes with parquet-wasm into an Arrow IPC stream for DuckDB. */
import initParquet, {readParquet} from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

/** A request: the Parquet file's bytes and an id to answer with. */
export interface DecodeRequest {
  id: number;
  bytes: ArrayBuffer;
}

/** The answer: IPC stream bytes, or the decoder's error message. */
export type DecodeResponse = {id: number; ipc: Uint8Array} | {id: number; error: string};

let ready: Promise<unknown> | null = null;

self.onmessage = async (event: MessageEvent<DecodeRequest>) => {
  const {id, bytes} = event.data;
  try {
    ready ??= initParquet({module_or_path: wasmUrl});
    await ready;
    const ipc = readParquet(new Uint8Array(bytes)).intoIPCStream();
    (self as unknown as Worker).postMessage({id, ipc} satisfies DecodeResponse, [ipc.buffer]);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    (self as unknown as Worker).postMessage({id, error} satisfies DecodeResponse);
  }
};
