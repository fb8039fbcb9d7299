/** Gzip sizes of the built app: what the page loads first, what it loads later, workers and wasm. */
import {readdirSync, readFileSync} from 'node:fs';
import {basename, join} from 'node:path';
import {gzipSync} from 'node:zlib';

/** Sizes in bytes (gzip level 9, as a static host would serve them) and the files counted. */
export interface BundleSizes {
  /** Scripts index.html loads or preloads: the JS the page needs before its first render. */
  initialJs: number;
  initialFiles: string[];
  /** Other main-thread chunks (dynamic imports, e.g. the map). */
  lazyJs: number;
  /** Web worker scripts (DuckDB, Parquet decoder, MapLibre). */
  workerJs: number;
  wasm: number;
  css: number;
}

/** Measure `dist/`. */
export function bundleSizes(dist: string): BundleSizes {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = new Set(
    [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => basename(m[1])),
  );
  const sizes: BundleSizes = {
    initialJs: 0,
    initialFiles: [...initial].sort(),
    lazyJs: 0,
    workerJs: 0,
    wasm: 0,
    css: 0,
  };
  for (const file of readdirSync(join(dist, 'assets'))) {
    const gz = gzipSync(readFileSync(join(dist, 'assets', file)), {level: 9}).byteLength;
    if (file.endsWith('.wasm')) sizes.wasm += gz;
    else if (file.endsWith('.css')) sizes.css += gz;
    else if (!file.endsWith('.js')) continue;
    else if (initial.has(file)) sizes.initialJs += gz;
    else if (/worker/i.test(file)) sizes.workerJs += gz;
    else sizes.lazyJs += gz;
  }
  return sizes;
}
