/** Where a dataset's files come from: a manifest URL, or files the user opened or dropped. */

/**
 * Largest file the page will read, in bytes. The browser holds a file, its decoded Arrow and its
 * DuckDB copy at once, and a tab's wasm memory stops at 4 GiB, so bigger files would fail late.
 */
export const MAX_FILE_BYTES = 1024 ** 3;

/** Bytes read so far of one file. */
export type ByteProgress = (loaded: number, total: number | null) => void;

/** Reads the files of one dataset by their manifest-relative names. */
export interface FileSource {
  /** What to call the dataset's location in messages. */
  label: string;
  /** The manifest URL, for the `data=` parameter; null for local files. */
  manifestUrl: string | null;
  has(name: string): boolean;
  bytes(name: string, onProgress?: ByteProgress): Promise<ArrayBuffer>;
}

/** A problem reading a file (not found, network), with the file's name. */
export class FileReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** Files next to a manifest at a URL; names resolve relative to the manifest. */
export function urlSource(manifestUrl: string): FileSource {
  const base = new URL(manifestUrl, window.location.href);
  return {
    label: base.href,
    manifestUrl,
    has: () => true,
    async bytes(name, onProgress) {
      const url = new URL(name, base);
      let response: Response;
      try {
        response = await fetch(url);
      } catch (err) {
        throw new FileReadError(name, `could not be fetched (${(err as Error).message})`);
      }
      if (!response.ok) {
        const why = response.status === 404 ? 'file not found' : 'could not be fetched';
        throw new FileReadError(name, `${why} (HTTP ${response.status} at ${url.pathname})`);
      }
      try {
        checkSize(name, Number(response.headers.get('content-length')) || 0);
      } catch (err) {
        void response.body?.cancel();
        throw err;
      }
      return readBody(response, onProgress);
    },
  };
}

/** Files the user picked or dropped, matched by base name. */
export function localSource(files: readonly File[]): FileSource {
  const byName = new Map(files.map((f) => [f.name, f]));
  const find = (name: string) => byName.get(name.split('/').pop() ?? name);
  return {
    label: files.length === 1 ? files[0].name : `${files.length} local files`,
    manifestUrl: null,
    has: (name) => find(name) !== undefined,
    async bytes(name, onProgress) {
      const file = find(name);
      if (!file) throw new FileReadError(name, 'file not found among the files you opened');
      checkSize(name, file.size);
      const buffer = await file.arrayBuffer();
      onProgress?.(buffer.byteLength, buffer.byteLength);
      return buffer;
    },
  };
}

function checkSize(name: string, bytes: number): void {
  if (bytes > MAX_FILE_BYTES) {
    const gb = (n: number) => `${(n / 1024 ** 3).toFixed(1)} GB`;
    throw new FileReadError(
      name,
      `is ${gb(bytes)}, more than this page can hold (${gb(MAX_FILE_BYTES)}); split it into several files (the manifest may list many incidents files)`,
    );
  }
}

async function readBody(response: Response, onProgress?: ByteProgress): Promise<ArrayBuffer> {
  const length = Number(response.headers.get('content-length')) || null;
  if (!response.body || !onProgress) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress(loaded, length);
  }
  const out = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out.buffer;
}
