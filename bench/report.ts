/** Summaries of the runs: medians, p95, naive/optimised ratios, and the markdown table. */
import type {BundleSizes} from './bundle';
import {LOAD_STAGES, REPLAYS, type Mode, type RunResult} from './measure';
import type {CpuMs} from './processes';

/** One size and mode over every run. */
export interface Summary {
  size: string;
  rows: number;
  mode: Mode;
  runs: number;
  coldLoadMs: number | null;
  firstPaintMs: number | null;
  /** Median time from navigation start to each stage of the load (LOAD_STAGES labels), ms. */
  loadStagesMs: Record<string, number | null>;
  /** Median time from navigation start to the rollups built (optimised mode). */
  rollupsBuiltMs: number | null;
  /** Median time from navigation start to the end of the warm-up (optimised mode). */
  warmedUpMs: number | null;
  updateMedianMs: number | null;
  updateP95Ms: number | null;
  /** Median and p95 of the part of an update until DuckDB's last reply. */
  queriesMedianMs: number | null;
  queriesP95Ms: number | null;
  /** Median and p95 of an update's queries run again alone on the settled page (see measure.ts). */
  aloneMedianMs: number | null;
  aloneP95Ms: number | null;
  /**
   * Median CPU time per update of the renderers (the page and its workers, DuckDB's included),
   * of the GPU process (WebGL, and compositing unless in software: see `Machine.compositing`) and
   * of every process.
   */
  cpuMedianMs: CpuMs | null;
  updates: number;
  noops: number;
  timeouts: number;
  rendererPeakMiB: number | null;
  jsHeapMaxMiB: number | null;
  /** Median update per interaction kind, ms. */
  byKind: Record<string, number>;
  errors: string[];
}

/** What the machine was. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  ramGiB: number;
  loadBefore: number[];
  loadAfter: number[];
  chromium: string;
  /**
   * Who composited the page: SwiftShader, standing in for a GPU as in the browser tests, or
   * Chromium's software compositor, as without a usable GPU (`--compositing` in run.ts).
   */
  compositing: Compositing;
}

/** See `Machine.compositing`. */
export type Compositing = 'swiftshader' | 'software';

/** The nearest-rank quantile of `values` (q in 0..1); null when empty. */
export function quantile(values: readonly number[], q: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Pool the runs of one size and mode. */
export function summarise(size: string, rows: number, mode: Mode, runs: RunResult[]): Summary {
  const updates = runs.flatMap((r) => r.updates);
  /** The median over the runs of a figure each run has or not. */
  const median = (of: (r: RunResult) => number | null) =>
    quantile(
      runs.map(of).filter((v): v is number => v !== null),
      0.5,
    );
  const kinds = [...new Set(updates.map((u) => u.kind))];
  const peaks = runs.map((r) => r.rendererPeakMiB).filter((v): v is number => v !== null);
  const totals = updates.map((u) => u.ms);
  const queries = updates.map((u) => u.dbMs);
  const alone = updates.map((u) => u.aloneMs).filter((v): v is number => v !== null);
  const cpu = updates.map((u) => u.cpuMs).filter((c): c is CpuMs => c !== null);
  return {
    size,
    rows,
    mode,
    runs: runs.length,
    coldLoadMs: median((r) => r.coldLoadMs),
    firstPaintMs: median((r) => r.firstPaintMs),
    loadStagesMs: Object.fromEntries(
      LOAD_STAGES.map(({label}) => [
        label,
        quantile(
          runs.flatMap((r) => (label in r.loadStagesMs ? [r.loadStagesMs[label]] : [])),
          0.5,
        ),
      ]),
    ),
    rollupsBuiltMs: median((r) => r.rollupsBuiltMs),
    warmedUpMs: median((r) => r.warmedUpMs),
    updateMedianMs: quantile(totals, 0.5),
    updateP95Ms: quantile(totals, 0.95),
    queriesMedianMs: quantile(queries, 0.5),
    queriesP95Ms: quantile(queries, 0.95),
    aloneMedianMs: quantile(alone, 0.5),
    aloneP95Ms: quantile(alone, 0.95),
    cpuMedianMs: cpu.length
      ? {
          renderer: quantile(
            cpu.map((c) => c.renderer),
            0.5,
          )!,
          gpu: quantile(
            cpu.map((c) => c.gpu),
            0.5,
          )!,
          total: quantile(
            cpu.map((c) => c.total),
            0.5,
          )!,
        }
      : null,
    updates: updates.length,
    noops: runs.reduce((s, r) => s + r.noops, 0),
    timeouts: runs.reduce((s, r) => s + r.timeouts, 0),
    rendererPeakMiB: peaks.length ? Math.max(...peaks) : null,
    jsHeapMaxMiB: runs.some((r) => r.coldLoadMs !== null)
      ? Math.max(...runs.map((r) => r.jsHeapMaxMiB))
      : null,
    byKind: Object.fromEntries(
      kinds.map((k) => [
        k,
        quantile(
          updates.filter((u) => u.kind === k).map((u) => u.ms),
          0.5,
        )!,
      ]),
    ),
    errors: [...new Set(runs.flatMap((r) => r.errors))],
  };
}

/** The markdown report. */
export function markdown(
  summaries: Summary[],
  bundle: BundleSizes,
  machine: Machine,
  warmup = 0,
): string {
  const ms = (v: number | null) =>
    v === null ? '–' : v < 1000 ? `${Math.round(v)}` : `${Math.round(v).toLocaleString('en-GB')}`;
  const s = (v: number | null) => (v === null ? '–' : (v / 1000).toFixed(2));
  const mib = (v: number | null) => (v === null ? '–' : Math.round(v).toLocaleString('en-GB'));
  const kb = (v: number) => (v / 1024).toFixed(0);
  const ratio = (a: number | null, b: number | null) => (a && b ? `${(a / b).toFixed(1)}×` : '–');
  const cpu = (c: CpuMs | null) =>
    c === null ? '–' : `${ms(c.renderer)} / ${ms(c.gpu)} / ${ms(c.total)}`;
  const lines = [
    '# Benchmark results',
    '',
    `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.ramGiB.toFixed(0)} GiB RAM; ` +
      `load average ${machine.loadBefore.map((l) => l.toFixed(1)).join(' ')} before, ` +
      `${machine.loadAfter.map((l) => l.toFixed(1)).join(' ')} after; ${machine.chromium}, SwiftShader WebGL, ` +
      (machine.compositing === 'software'
        ? 'the page composited in software (`--compositing software`).'
        : 'the page composited and rasterised by SwiftShader too, as in the browser tests.'),
    '',
    ...(warmup > 0
      ? [
          `Warmed up: each run did ${warmup} interactions untimed after the load, before the timed ones ` +
            '(`--warmup`); the updates below are of a dashboard already in use.',
          '',
        ]
      : []),
    '| size | rows | mode | first paint (s) | cold load (s) | update median (ms) | update p95 (ms) | of which queries, median / p95 (ms) | queries alone, median / p95 (ms) | CPU per update, median: renderer / GPU / all (ms) | timed / no-op / timed out | renderer peak RSS (MiB) | JS heap max (MiB) |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...summaries.map(
      (x) =>
        `| ${x.size} | ${x.rows.toLocaleString('en-GB')} | ${x.mode} | ${s(x.firstPaintMs)} | ${s(x.coldLoadMs)} | ${ms(x.updateMedianMs)} | ${ms(x.updateP95Ms)} | ${ms(x.queriesMedianMs)} / ${ms(x.queriesP95Ms)} | ${ms(x.aloneMedianMs)} / ${ms(x.aloneP95Ms)} | ${cpu(x.cpuMedianMs)} | ${x.updates} / ${x.noops} / ${x.timeouts} | ${mib(x.rendererPeakMiB)} | ${mib(x.jsHeapMaxMiB)} |`,
    ),
    '',
    'Naive over optimised (higher is better for the optimised path):',
    '',
    '| size | cold load | update median | update p95 |',
    '| --- | ---: | ---: | ---: |',
  ];
  for (const size of [...new Set(summaries.map((x) => x.size))]) {
    const opt = summaries.find((x) => x.size === size && x.mode === 'optimised');
    const naive = summaries.find((x) => x.size === size && x.mode === 'naive');
    if (!opt || !naive) continue;
    lines.push(
      `| ${size} | ${ratio(naive.coldLoadMs, opt.coldLoadMs)} | ${ratio(naive.updateMedianMs, opt.updateMedianMs)} | ${ratio(naive.updateP95Ms, opt.updateP95Ms)} |`,
    );
  }
  const stages = LOAD_STAGES.map((x) => x.label);
  lines.push(
    '',
    'Cold load by stage (median s from navigation start):',
    '',
    `| size | mode | ${stages.join(' | ')} | every view drawn | rollups built | warmed up |`,
    `| --- | --- | ${stages.map(() => '---:').join(' | ')} | ---: | ---: | ---: |`,
    ...summaries.map(
      (x) =>
        `| ${x.size} | ${x.mode} | ${stages.map((k) => s(x.loadStagesMs[k] ?? null)).join(' | ')} | ${s(x.coldLoadMs)} | ${x.rollupsBuiltMs !== null ? s(x.rollupsBuiltMs) : x.mode === 'naive' ? 'none' : 'failed'} | ${x.warmedUpMs !== null ? s(x.warmedUpMs) : x.mode === 'naive' ? 'none' : '–'} |`,
    ),
  );
  const kinds = [...new Set(summaries.flatMap((x) => Object.keys(x.byKind)))];
  lines.push(
    '',
    'Median update by interaction (ms):',
    '',
    `| size | mode | ${kinds.join(' | ')} |`,
    `| --- | --- | ${kinds.map(() => '---:').join(' | ')} |`,
    ...summaries.map(
      (x) => `| ${x.size} | ${x.mode} | ${kinds.map((k) => ms(x.byKind[k] ?? null)).join(' | ')} |`,
    ),
    '',
    `Bundle (gzip -9): initial JS ${kb(bundle.initialJs)} KiB (${bundle.initialFiles.join(', ')}); ` +
      `lazy JS ${kb(bundle.lazyJs)} KiB; workers ${kb(bundle.workerJs)} KiB; wasm ${kb(bundle.wasm)} KiB; CSS ${kb(bundle.css)} KiB.`,
  );
  const errors = summaries.filter((x) => x.errors.length);
  if (errors.length) {
    lines.push('', 'Errors:', '');
    for (const x of errors) lines.push(`- ${x.size} ${x.mode}: ${x.errors.join('; ')}`);
  }
  lines.push(
    '',
    'Cold load: navigation start to every view rendered (headline ready, map not pending: its ' +
      'answers drawn, nothing aria-busy or data-pending, trend drawn, grid present, on two frames). ' +
      'Update: the last input ' +
      'event before the first view went pending to every view settled again; "of which queries" ' +
      "ends at the DuckDB worker's last reply, the rest is rendering (software WebGL here). " +
      'Queries alone: the SELECTs an update sent, run again on the settled page straight to the ' +
      `DuckDB worker, ${REPLAYS} times each; the sum of each one's fastest run: DuckDB's own time, ` +
      'without the drawing that shares the cores during an update. ' +
      "CPU per update: CPU time of the browser's processes (CDP SystemInfo.getProcessInfo, " +
      "10 ms steps) from the interaction's first input (all of a brush's drag) until the views " +
      'settled: a longer span than the update, on two cores, so it can exceed the update. ' +
      "Cold load by stage: the page's performance marks (DuckDB connected, every incidents row " +
      'stored, lookups built and the rollups, or views of incidents standing in for them); after the ' +
      'last, the views query and draw. Rollups built: the optimised mode builds its ' +
      'rollups in their place once the views have drawn, in the background (in the load at 3M ' +
      'rows or more); the interactions start when they are built, or when a build failed ' +
      '("failed", its error listed below), on the views that stand in for them, and once the ' +
      "warm-up after them has ended (warmed up: DuckDB runs the views' queries under each kind of " +
      'filter on one month of rows, so that V8 compiles its code before the first clicks). ' +
      'Renderer peak RSS: ' +
      'VmHWM of the renderer process (main thread and its workers, wasm memory included).',
    '',
  );
  return lines.join('\n');
}
