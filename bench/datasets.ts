/** Synthetic benchmark datasets: generated once with the generator's --rows option, then cached. */
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';

/** Named sizes of `--sizes`, in incidents rows. */
export const SIZES: Record<string, number> = {
  '100k': 100_000,
  '1m': 1_000_000,
  '10m': 10_000_000,
};

/** Seed of every benchmark dataset (the bundled dataset's). */
const SEED = 20211;

/** Where datasets are cached between runs (BENCH_DATA overrides). */
export function cacheDir(): string {
  return process.env.BENCH_DATA ?? join(tmpdir(), 'vsd-bench-data');
}

/**
 * A dataset folder `rows-<rows>` in `parent` (the cache by default) with about `rows` incidents
 * rows; generates it when missing. The browser tests use the 100k one too.
 */
export function ensureDataset(root: string, rows: number, parent = cacheDir()): string {
  const dir = join(parent, `rows-${rows}`);
  const stampFile = join(dir, 'bench-stamp.json');
  const stamp = JSON.stringify({rows, seed: SEED});
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return dir;
  console.log(`generating ${rows} rows into ${dir} (cached for later runs)`);
  const tsx = resolve(root, 'node_modules/.bin/tsx');
  const args = ['scripts/generate/main.ts', '--rows', String(rows), '--seed', String(SEED)];
  const result = spawnSync(tsx, [...args, '--out', dir], {cwd: root, stdio: 'inherit'});
  if (result.status !== 0) throw new Error(`the generator failed for ${rows} rows`);
  writeFileSync(stampFile, stamp);
  return dir;
}

/** Incidents rows and attendances of a generated dataset, from the generator's manifest. */
export function datasetFacts(dir: string): {files: number; bytes: number} {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    tables: {incidents: string[]};
  };
  const files = manifest.tables.incidents;
  const bytes = files.reduce((s, f) => s + readFileSync(join(dir, f)).byteLength, 0);
  return {files: files.length, bytes};
}
