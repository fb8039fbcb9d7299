import react from '@vitejs/plugin-react';
import {cpSync} from 'node:fs';
import {resolve} from 'node:path';
import {defineConfig, type Plugin} from 'vite';

/**
 * The built page's Content-Security-Policy: scripts, workers and wasm from the page's origin only.
 * connect-src allows http(s) because a dataset may live on another origin (`?data=`); nothing
 * else is fetched from anywhere but 'self'.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' https: http:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/** Ship the bundled datasets beside the built page, as `data/...`. */
function copyData(): Plugin {
  let outDir = 'dist';
  return {
    name: 'copy-data',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      cpSync(resolve(import.meta.dirname, 'data'), resolve(outDir, 'data'), {recursive: true});
    },
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {'http-equiv': 'Content-Security-Policy', content: CSP},
        injectTo: 'head-prepend',
      },
    ],
  };
}

// The app is served from any static folder (relative base) and must run offline.
export default defineConfig({
  base: './',
  plugins: [react(), copyData()],
  publicDir: false,
  build: {target: 'es2022', chunkSizeWarningLimit: 2000},
  worker: {format: 'es'},
  optimizeDeps: {exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm']},
});
