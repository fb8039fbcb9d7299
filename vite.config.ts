import react from '@vitejs/plugin-react';
import {defineConfig} from 'vite';

// The app is served from any static folder (relative base) and must run offline.
export default defineConfig({
  base: './',
  plugins: [react()],
  publicDir: false,
  build: {target: 'es2022', chunkSizeWarningLimit: 2000},
  worker: {format: 'es'},
  optimizeDeps: {exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm']},
});
