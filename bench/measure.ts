/** One benchmark run: open the app on a dataset in one mode, time the cold load and interactions. */
import type {Page} from 'playwright-core';
import {launchBrowser, openPage} from '../tests/helpers/browser';
import {INTERACTIONS} from './interactions';
import {jsHeapMiB, rendererMemory} from './memory';
import {browserCpu, cpuBetween, type CpuMs} from './processes';
import {
  ROLLUPS_BUILT,
  ROLLUPS_FAILED,
  STAGE_MARK,
  WARM_UP_QUEUED,
  WARMED_UP,
} from '../src/data/progress';
import {PROBE_SCRIPT, type SettleResult} from './probe';

/** Naive mode (DESIGN: the full incidents table for every view, no cache, no pre-aggregation). */
export type Mode = 'optimised' | 'naive';

/** Stages of the cold load the report shows: its label, and the page's mark (see progress.ts). */
export const LOAD_STAGES = [
  {label: 'DuckDB started', mark: 'DuckDB ready'},
  {label: 'incidents stored', mark: 'Preparing tables'},
  {label: 'tables built', mark: 'Ready'},
] as const;

/** The measurements of one run. */
export interface RunResult {
  mode: Mode;
  /** Navigation start to every view rendered, ms; null when the load failed. */
  coldLoadMs: number | null;
  /** Navigation start to the layout with the boundaries (the first paint), ms. */
  firstPaintMs: number | null;
  /** Navigation start to each stage of the load the page marked, ms, by LOAD_STAGES label. */
  loadStagesMs: Record<string, number>;
  /**
   * Navigation start to the rollups built (`ROLLUPS_BUILT`), ms; null in naive mode, or when a
   * build failed (`ROLLUPS_FAILED`, noted in `errors`).
   */
  rollupsBuiltMs: number | null;
  /**
   * Navigation start to the end of the warm-up that follows the rollups (`WARMED_UP`, see
   * src/data/sql/warmup.ts), ms; null in naive mode, which has none.
   */
  warmedUpMs: number | null;
  /**
   * Input to every view settled, ms, per interaction; `dbMs`: input to DuckDB's last reply;
   * `cpuMs`: CPU the browser's processes used from the interaction's first input (all of a
   * brush's drag) until the views settled (null where CDP cannot tell); `aloneMs`: the update's
   * queries run again on the settled page, the sum of each one's fastest of REPLAYS runs (null
   * when one failed, e.g. on a table dropped since), DuckDB's own time without the drawing that
   * shares the cores during the update.
   */
  updates: {kind: string; ms: number; dbMs: number; cpuMs: CpuMs | null; aloneMs: number | null}[];
  /** Interactions that changed nothing (e.g. a click beside every hexagon): not timed. */
  noops: number;
  timeouts: number;
  /** Renderer peak resident memory (VmHWM), MiB; main-thread JS heap high-water, MiB. */
  rendererPeakMiB: number | null;
  jsHeapMaxMiB: number;
  errors: string[];
}

/** Options of `measureRun`. */
export interface RunOptions {
  url: string;
  mode: Mode;
  interactions: number;
  /**
   * Interactions run first and left untimed (0: none). The first interactions after a load also
   * pay for warming up: V8 optimising DuckDB's wasm and the app's code, SwiftShader compiling its
   * pipelines. With them run first, the timed ones show the dashboard as it is once in use.
   */
  warmup?: number;
  loadTimeoutMs: number;
  updateTimeoutMs: number;
  /** Chromium flags beyond the browser tests' (see `--compositing` in run.ts). */
  browserArgs?: readonly string[];
}

const NOOP_MS = 1500;
/** Runs of each query of an update on the settled page, for its time alone (see probe.ts). */
export const REPLAYS = 3;

/** Open a fresh browser, load the app, time `interactions` filter changes, close. */
export async function measureRun(o: RunOptions): Promise<RunResult> {
  const browser = await launchBrowser(o.browserArgs);
  const result: RunResult = {
    mode: o.mode,
    coldLoadMs: null,
    firstPaintMs: null,
    loadStagesMs: {},
    rollupsBuiltMs: null,
    warmedUpMs: null,
    updates: [],
    noops: 0,
    timeouts: 0,
    rendererPeakMiB: null,
    jsHeapMaxMiB: 0,
    errors: [],
  };
  try {
    const {page, errors} = await openPage(browser);
    if (o.mode === 'naive') await page.addInitScript({content: 'window.__VSD_NAIVE__ = true;'});
    await page.addInitScript({content: PROBE_SCRIPT});
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const browserCdp = await browser.newBrowserCDPSession();
    let crashed = false;
    page.on('crash', () => (crashed = true));
    const heap = async () => {
      if (!crashed) result.jsHeapMaxMiB = Math.max(result.jsHeapMaxMiB, await jsHeapMiB(cdp));
    };
    const memory = async () => {
      const m = await rendererMemory(browserCdp).catch(() => null);
      if (m) result.rendererPeakMiB = Math.max(result.rendererPeakMiB ?? 0, m.peakMiB);
    };

    await page.goto(o.url);
    const loaded = await page
      .evaluate(
        `window.__vsdBench.until(() => window.__vsdBench.loadedAt !== null ||
          window.__vsdBench.failed(), ${o.loadTimeoutMs})`,
      )
      .catch((e: Error) => {
        result.errors.push(crashed ? 'the page crashed while loading' : e.message.split('\n')[0]);
        return false;
      });
    const state = loaded
      ? ((await page.evaluate('window.__vsdBench.loadedAt')) as number | null)
      : null;
    if (!crashed) {
      result.firstPaintMs = (await page.evaluate('window.__vsdBench.firstPaintAt')) as
        number | null;
    }
    if (!loaded && !crashed) result.errors.push(`not loaded after ${o.loadTimeoutMs} ms`);
    await memory();
    if (state === null) {
      const problem = await page
        .locator('.dataset-error')
        .textContent({timeout: 1000})
        .catch(() => null);
      if (problem) result.errors.push(problem.replace(/\s+/g, ' ').slice(0, 240));
      result.errors.push(...errors);
      return result;
    }
    result.coldLoadMs = state;
    result.loadStagesMs = await loadStages(page);
    // Optimised mode builds its rollups in the load, or after it once the views have drawn (see
    // tables.ts `RollupTiming`): the interactions time the dashboard as it then is.
    if (o.mode === 'optimised') {
      const rollups = await untilMarked(page, [ROLLUPS_BUILT, ROLLUPS_FAILED], o.loadTimeoutMs);
      if (!rollups) throw new Error(`the rollups were not built within ${o.loadTimeoutMs} ms`);
      result.rollupsBuiltMs = (await markOf(page, ROLLUPS_BUILT))?.at ?? null;
      // Timed all the same, on the views that stand in for the rollups not built.
      if (result.rollupsBuiltMs === null) {
        const why = (await markOf(page, ROLLUPS_FAILED))?.detail;
        result.errors.push(`a rollup was not built: ${String(why)}`);
      }
      // Then the warm-up, the same kind of background work: a person who reads the first views
      // for a few seconds meets the dashboard after it.
      // (A build from before the warm-up, timed with --dist, queues none.)
      if (await markOf(page, WARM_UP_QUEUED)) {
        if (!(await untilMarked(page, [WARMED_UP], o.loadTimeoutMs))) {
          throw new Error(`the warm-up did not end within ${o.loadTimeoutMs} ms`);
        }
        const warmed = (await markOf(page, WARMED_UP))!;
        result.warmedUpMs = warmed.at;
        if (warmed.detail) result.errors.push(`the warm-up ${String(warmed.detail)}`);
      }
    }
    await heap();

    const counts = new Map<string, number>();
    const warmup = o.warmup ?? 0;
    for (
      let i = 0;
      result.updates.length < o.interactions && i < (warmup + o.interactions) * 2;
      i++
    ) {
      const it = INTERACTIONS[i % INTERACTIONS.length];
      const k = counts.get(it.kind) ?? 0;
      counts.set(it.kind, k + 1);
      await it.prepare?.(page, k);
      await settledNow(page, o.updateTimeoutMs);
      await page.evaluate('window.__vsdBench.arm()');
      const cpuBefore = await browserCpu(browserCdp);
      await it.act(page, k);
      const r = (await page.evaluate(
        `window.__vsdBench.waitSettled(${o.updateTimeoutMs}, ${NOOP_MS})`,
      )) as SettleResult;
      const cpuMs = cpuBetween(cpuBefore, await browserCpu(browserCdp));
      if (i < warmup) {
        if ('timeout' in r) result.errors.push(`a warm-up ${it.kind} did not settle`);
      } else if ('ms' in r) {
        const aloneMs = (await page.evaluate(
          `window.__vsdBench.replay(window.__vsdBench.sent.slice(), ${REPLAYS})`,
        )) as number | null;
        result.updates.push({kind: it.kind, ms: r.ms, dbMs: r.dbMs, cpuMs, aloneMs});
      } else if ('noop' in r) result.noops++;
      else result.timeouts++;
      await it.finish?.(page, k);
      await heap();
      if (crashed) throw new Error('the page crashed');
    }
    await memory();
    result.errors.push(...errors);
  } catch (err) {
    result.errors.push((err as Error).message.split('\n')[0]);
  } finally {
    await browser.close();
  }
  return result;
}

/** The page's first mark of `stage` (see progress.ts): when (ms) and its detail; null if none. */
async function markOf(page: Page, stage: string): Promise<{at: number; detail: unknown} | null> {
  return (await page.evaluate(
    `(([m]) => m ? {at: m.startTime, detail: m.detail ?? null} : null)(
      performance.getEntriesByName(${JSON.stringify(STAGE_MARK + stage)}))`,
  )) as {at: number; detail: unknown} | null;
}

/** Wait until the page has marked one of `stages`; false after `timeoutMs`. */
async function untilMarked(page: Page, stages: string[], timeoutMs: number): Promise<boolean> {
  const names = JSON.stringify(stages.map((s) => STAGE_MARK + s));
  return (await page.evaluate(
    `window.__vsdBench.until(() => ${names}.some((n) => performance.getEntriesByName(n).length > 0), ${timeoutMs})`,
  )) as boolean;
}

/** When the page marked each of LOAD_STAGES, ms from navigation start. */
async function loadStages(page: Page): Promise<Record<string, number>> {
  const marks = (await page.evaluate(
    `performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])`,
  )) as [string, number][];
  const at = new Map(marks.map(([name, t]) => [name, t]));
  const stages: Record<string, number> = {};
  for (const {label, mark} of LOAD_STAGES) {
    const t = at.get(STAGE_MARK + mark);
    if (t !== undefined) stages[label] = t;
  }
  return stages;
}

async function settledNow(page: Page, timeoutMs: number): Promise<void> {
  const ok = await page.evaluate(
    `window.__vsdBench.until(window.__vsdBench.settled, ${timeoutMs})`,
  );
  if (!ok) throw new Error(`the views did not settle within ${timeoutMs} ms`);
}
