/**
 * `npm run bench`: build the app, generate (or reuse) datasets, and time the app in headless
 * Chromium in its optimised and naive modes. Writes bench/out/results.json and results.md.
 *
 * Options: --sizes 100k,1m,10m  --runs 1  --interactions 35  --modes optimised,naive  --no-build
 * --warmup N: run N interactions untimed before the timed ones in each run (see measure.ts);
 * --dist <folder>: time another build (e.g. an older commit's dist/) instead of building this one;
 * --no-build: time the last build in bench/out/dist; --out <folder> for the results (bench/out);
 * --compositing software: composite the page in software, as Chromium does without a usable GPU,
 * instead of through SwiftShader as the browser tests do (WebGL draws through SwiftShader in both).
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {cpus, loadavg, totalmem} from 'node:os';
import {join, relative, resolve} from 'node:path';
import {parseArgs} from 'node:util';
import {build} from 'vite';
import {launchBrowser, SOFTWARE_COMPOSITING} from '../tests/helpers/browser';
import {openDb, scalar} from '../tests/helpers/node-db';
import {startStaticServer} from '../tests/helpers/static-server';
import {bundleSizes} from './bundle';
import {cacheDir, ensureDataset, SIZES} from './datasets';
import {measureRun, type Mode, type RunResult} from './measure';
import {markdown, summarise, type Compositing, type Machine, type Summary} from './report';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out');

async function main() {
  const {values} = parseArgs({
    options: {
      sizes: {type: 'string', default: '100k,1m,10m'},
      runs: {type: 'string', default: '1'},
      interactions: {type: 'string', default: '35'},
      warmup: {type: 'string', default: '0'},
      compositing: {type: 'string', default: 'swiftshader'},
      modes: {type: 'string', default: 'optimised,naive'},
      'no-build': {type: 'boolean', default: false},
      dist: {type: 'string'},
      out: {type: 'string'},
    },
  });
  const sizes = values.sizes.split(',').map((s) => s.trim().toLowerCase());
  for (const s of sizes)
    if (!SIZES[s]) throw new Error(`unknown size ${s} (use ${Object.keys(SIZES)})`);
  const modes = values.modes.split(',') as Mode[];
  const runs = Number(values.runs);
  const interactions = Number(values.interactions);
  const warmup = Number(values.warmup);
  if (!Number.isInteger(warmup) || warmup < 0)
    throw new Error(`--warmup ${values.warmup}: give a whole number`);
  const compositing = values.compositing as Compositing;
  if (compositing !== 'swiftshader' && compositing !== 'software')
    throw new Error(`--compositing ${values.compositing}: give swiftshader or software`);
  const browserArgs = compositing === 'software' ? SOFTWARE_COMPOSITING : [];
  const machine = {...machineInfo(), compositing};

  // Its own build folder: the browser tests rebuild dist/ whenever they run.
  const dist = values.dist ? resolve(values.dist) : join(OUT, 'dist');
  if (!values['no-build'] && !values.dist) {
    console.log(`building the app (vite build) into ${relative(ROOT, dist)}`);
    await build({root: ROOT, logLevel: 'warn', build: {outDir: dist, emptyOutDir: true}});
  }
  const bundle = bundleSizes(dist);
  const datasets = sizes.map((size) => ({size, dir: ensureDataset(ROOT, SIZES[size])}));
  const server = await startStaticServer({'/': dist, '/bench-data': cacheDir()});
  const browser = await launchBrowser(browserArgs);
  machine.chromium = `Chromium ${browser.version()}`;
  await browser.close();

  const summaries: Summary[] = [];
  const raw: {size: string; rows: number; run: number; result: RunResult}[] = [];
  try {
    for (const {size, dir} of datasets) {
      const rows = await countRows(dir);
      const url = `${server.url}/?data=bench-data/${relative(cacheDir(), dir)}/manifest.json`;
      const bySize = new Map<Mode, RunResult[]>(modes.map((m) => [m, []]));
      for (let run = 0; run < runs; run++) {
        // Alternate which mode goes first, so neither always gets the cooler machine.
        const order = run % 2 === 0 ? modes : [...modes].reverse();
        for (const mode of order) {
          console.log(`${size} (${rows} rows), ${mode}, run ${run + 1} of ${runs}`);
          const result = await measureRun({
            url,
            mode,
            interactions,
            warmup,
            loadTimeoutMs: 10 * 60_000,
            updateTimeoutMs: 5 * 60_000,
            browserArgs,
          });
          console.log(
            `  cold load ${result.coldLoadMs?.toFixed(0) ?? 'failed'} ms; ${result.updates.length} updates; ` +
              `renderer peak ${result.rendererPeakMiB?.toFixed(0) ?? '?'} MiB` +
              (result.errors.length ? `; errors: ${result.errors.join('; ')}` : ''),
          );
          bySize.get(mode)!.push(result);
          raw.push({size, rows, run, result});
        }
      }
      for (const mode of modes) summaries.push(summarise(size, rows, mode, bySize.get(mode)!));
    }
  } finally {
    await server.close();
  }
  machine.loadAfter = loadavg();
  const out = values.out ? resolve(values.out) : OUT;
  mkdirSync(out, {recursive: true});
  writeFileSync(
    join(out, 'results.json'),
    JSON.stringify(
      {date: new Date().toISOString(), machine, warmup, bundle, summaries, runs: raw},
      null,
      1,
    ),
  );
  const md = markdown(summaries, bundle, machine, warmup);
  writeFileSync(join(out, 'results.md'), md);
  console.log(`\n${md}\nwrote ${relative(ROOT, out)}/results.json and results.md`);
}

function machineInfo(): Omit<Machine, 'compositing'> {
  const cpuinfo = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return '';
    }
  })();
  return {
    cpus: cpus().length,
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown',
    ramGiB: totalmem() / 1024 ** 3,
    loadBefore: loadavg(),
    loadAfter: [],
    chromium: '',
  };
}

async function countRows(dir: string): Promise<number> {
  const con = await openDb();
  return scalar(con, `SELECT count(*) FROM read_parquet('${join(dir, 'incidents-*.parquet')}')`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
