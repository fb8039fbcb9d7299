import {expect, test} from 'vitest';
import type {RunResult} from './measure';
import {markdown, quantile, summarise, type Machine} from './report';

test('quantile is the nearest rank: median and p95 of 1..20', () => {
  const values = Array.from({length: 20}, (_, i) => 20 - i);
  expect(quantile(values, 0.5)).toBe(10);
  expect(quantile(values, 0.95)).toBe(19);
  expect(quantile([], 0.5)).toBeNull();
});

function run(mode: RunResult['mode'], ms: number[], coldLoadMs: number): RunResult {
  return {
    mode,
    coldLoadMs,
    firstPaintMs: coldLoadMs / 4,
    loadStagesMs: {'DuckDB started': coldLoadMs / 2, 'tables built': (coldLoadMs * 3) / 4},
    rollupsBuiltMs: mode === 'optimised' ? coldLoadMs * 1.5 : null,
    warmedUpMs: mode === 'optimised' ? coldLoadMs * 2 : null,
    updates: ms.map((m, i) => ({
      kind: i % 2 ? 'hour preset' : 'trend brush',
      ms: m,
      dbMs: m / 2,
      cpuMs: {renderer: m, gpu: 2 * m, total: 4 * m},
      // One replay failed (null): left out.
      aloneMs: i === 0 ? null : m / 4,
    })),
    noops: 1,
    timeouts: 0,
    rendererPeakMiB: 500,
    jsHeapMaxMiB: 40,
    errors: [],
  };
}

test('the report pools runs and gives naive over optimised ratios', () => {
  const opt = summarise('1m', 1_000_000, 'optimised', [run('optimised', [100, 200, 300], 2000)]);
  const naive = summarise('1m', 1_000_000, 'naive', [run('naive', [400, 800, 1200], 4000)]);
  expect(opt).toMatchObject({
    firstPaintMs: 500,
    updateMedianMs: 200,
    updateP95Ms: 300,
    queriesMedianMs: 100,
    aloneMedianMs: 50,
    aloneP95Ms: 75,
    cpuMedianMs: {renderer: 200, gpu: 400, total: 800},
  });
  expect(opt.loadStagesMs).toEqual({
    'DuckDB started': 1000,
    'incidents stored': null,
    'tables built': 1500,
  });
  expect(opt.byKind).toEqual({'trend brush': 100, 'hour preset': 200});
  const md = markdown(
    [opt, naive],
    {initialJs: 2048, initialFiles: ['index.js'], lazyJs: 0, workerJs: 0, wasm: 0, css: 0},
    {
      cpus: 2,
      cpuModel: 'test',
      ramGiB: 8,
      loadBefore: [1, 1, 1],
      loadAfter: [1, 1, 1],
      chromium: 'x',
      compositing: 'swiftshader',
    },
  );
  expect(md).toContain('| 1m | 2.0× | 4.0× | 4.0× |');
  expect(md).not.toContain('Warmed up');
  expect(md).toContain('| 1m | naive | 2.00 | – | 3.00 | 4.00 | none | none |');
  expect(md).toContain('| 1m | optimised | 1.00 | – | 1.50 | 2.00 | 3.00 | 4.00 |');
  const none = summarise('1m', 1_000_000, 'optimised', [
    {
      ...run('optimised', [100], 2000),
      updates: [{kind: 'hour preset', ms: 100, dbMs: 50, cpuMs: null, aloneMs: null}],
    },
  ]);
  expect(none.cpuMedianMs).toBeNull();
  expect(none.aloneMedianMs).toBeNull();
  expect(md).toContain(
    '| 1m | 1,000,000 | optimised | 0.50 | 2.00 | 200 | 300 | 100 / 150 | 50 / 75 | 200 / 400 / 800 | 3 / 1 / 0 | 500 | 40 |',
  );
});

test('the report says when the timed updates followed untimed ones', () => {
  const opt = summarise('1m', 1_000_000, 'optimised', [run('optimised', [100], 2000)]);
  const bundle = {initialJs: 0, initialFiles: [], lazyJs: 0, workerJs: 0, wasm: 0, css: 0};
  const machine: Machine = {
    cpus: 2,
    cpuModel: 't',
    ramGiB: 8,
    loadBefore: [],
    loadAfter: [],
    chromium: 'x',
    compositing: 'software',
  };
  const md = markdown([opt], bundle, machine, 20);
  expect(md).toContain('Warmed up: each run did 20 interactions untimed after the load');
  expect(md).toContain('the page composited in software');
});
