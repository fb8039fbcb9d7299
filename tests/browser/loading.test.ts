/**
 * The first paint while a dataset loads: the layout, the boundaries and a running count, checked
 * by holding back the Parquet files and letting them through one at a time.
 */
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import type {Browser, Page, Route} from 'playwright-core';
import {afterAll, beforeAll, expect, inject, test} from 'vitest';
import {axeViolations} from '../helpers/axe';
import {
  answered,
  launchBrowser,
  openPage,
  PIXELS_OF,
  readTotal,
  RECORD_SQL,
} from '../helpers/browser';
import {openDb, scalar} from '../helpers/node-db';
import {LOAD_STAGES} from '../../bench/measure';
import {ROLLUPS_BUILT, STAGE_MARK, WARMED_UP} from '../../src/data/progress';
import {WARM_UP_TAG} from '../../src/data/sql/warmup';

const DATA = resolve(import.meta.dirname, '../../dist/data/west-midlands');
const manifest = JSON.parse(readFileSync(`${DATA}/manifest.json`, 'utf8')) as {
  title: string;
  attribution: string[];
  tables: {incidents: string[]};
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('while the data load, the page shows the layout, the boundaries and the attendances read so far', async () => {
  const {page, errors, close} = await openPage(browser);
  const held = new Map<string, Route>();
  await page.route(/\.parquet$/, async (route) => {
    held.set(new URL(route.request().url()).pathname.split('/').pop()!, route);
  });
  await page.goto(`${inject('baseUrl')}/`);

  const loading = page.getByTestId('loading-dashboard');
  await loading.waitFor({timeout: 30_000});
  for (const name of [
    'Hotspot map',
    'Headline',
    'Trend over time',
    'Hour by weekday',
    'Premises',
  ]) {
    expect(await loading.getByRole('region', {name}).isVisible()).toBe(true);
  }
  const outlines = page.getByRole('img', {name: /^Outlines of 7 areas: .*Birmingham/});
  await outlines.waitFor({timeout: 30_000});
  expect(await outlines.locator('path').count()).toBe(7);
  expect(await page.getByRole('heading', {level: 1}).textContent()).toBe(manifest.title);
  // The boundaries are drawn, so their attribution is shown with them.
  const footer = page.getByRole('contentinfo', {name: 'Data sources and attribution'});
  expect(await footer.textContent()).toContain('Martin Chorley');
  const count = page.getByTestId('read-so-far');
  expect(await count.getAttribute('data-value')).toBe('0');
  expect(await axeViolations(page)).toEqual([]);

  // Let the first incidents file through: the count is its attendances, and no more.
  const [first, ...rest] = manifest.tables.incidents;
  await expect.poll(() => held.has(first), {timeout: 30_000}).toBe(true);
  await held.get(first)!.continue();
  const db = await openDb();
  const firstTotal = await scalar(db, `SELECT SUM(n) FROM read_parquet('${DATA}/${first}')`);
  await expect
    .poll(() => count.getAttribute('data-value'), {timeout: 30_000})
    .toBe(String(firstTotal));
  await expect
    .poll(() => loading.textContent())
    .toContain(`1 of ${manifest.tables.incidents.length} incidents files stored`);

  // With rows stored, the map starts and draws the boundaries in place of the SVG, with the same
  // text alternative; the dashboard then takes over that map rather than starting another.
  const onMap = loading.getByTestId('loading-map');
  await expect.poll(() => onMap.getAttribute('data-drawn'), {timeout: 30_000}).toBe('true');
  expect(await loading.getByTestId('boundary-preview').count()).toBe(0);
  expect(await loading.getByRole('region', {name: 'Hotspot map'}).textContent()).toMatch(
    /Outlines of 7 areas: .*Birmingham/,
  );
  expect(await outlinesDrawn(page)).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
  const canvas = await onMap.locator('canvas.maplibregl-canvas').elementHandle();

  // Then everything else: the dashboard replaces the preview, with the whole total.
  for (const file of rest) {
    await expect.poll(() => held.has(file), {timeout: 30_000}).toBe(true);
    await held.get(file)!.continue();
  }
  await expect.poll(() => held.size, {timeout: 30_000}).toBe(manifest.tables.incidents.length + 2);
  for (const [file, route] of held)
    if (!manifest.tables.incidents.includes(file)) await route.continue();
  const all = await scalar(db, `SELECT SUM(n) FROM read_parquet('${DATA}/incidents-*.parquet')`);
  expect(await readTotal(page)).toBe(all);
  expect(await loading.count()).toBe(0);
  expect(await page.getByTestId('map').locator('canvas').count()).toBe(1);
  expect(await canvas!.evaluate((c) => c.closest('[data-testid="map"]') !== null)).toBe(true);
  // ... and draws the hexagons on it.
  await page.waitForSelector('[data-testid="map"][data-pending="false"]', {timeout: 30_000});
  expect(Number(await page.getByTestId('map').getAttribute('data-hexagons'))).toBeGreaterThan(0);
  expect(errors).toEqual([]);
  await close();
});

test('the load marks its stages on the performance timeline, in order (the benchmark reads them)', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  const marks = (await page.evaluate(
    `performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])`,
  )) as [string, number][];
  const at = (name: string) => marks.find(([n]) => n === `${STAGE_MARK}${name}`)?.[1];
  const stages = LOAD_STAGES.map(({mark}) => at(mark));
  expect(stages.every((t) => typeof t === 'number' && t > 0)).toBe(true);
  expect([...stages].sort((a, b) => a! - b!)).toEqual(stages);
  expect(at(`Reading ${manifest.tables.incidents[0]}`)).toBeLessThan(at('Ready')!);
  await close();
});

/** The bundled dataset opened with its SQL recorded, its total, once the page marked `stage`. */
async function openUntil(stage: string) {
  const opened = await openPage(browser);
  await opened.page.addInitScript(RECORD_SQL);
  await opened.page.goto(`${inject('baseUrl')}/`);
  const total = await readTotal(opened.page);
  await opened.page.waitForFunction(
    (mark) => performance.getEntriesByName(mark).length > 0,
    `${STAGE_MARK}${stage}`,
    {timeout: 60_000},
  );
  return {...opened, total};
}

test('the views draw before the rollups are built, and do not query again once they are', async () => {
  const {page, errors, close, total} = await openUntil(ROLLUPS_BUILT);
  const sql = await answered(page);
  // A rollup's build: its table a year of dates at a time, then the swap (see rollupBuildSteps).
  const build = (s: string) =>
    /^(CREATE OR REPLACE TABLE "_building_|INSERT INTO "_building_|DROP VIEW )/.test(s);
  const first = sql.findIndex(build);
  const headline = sql.findIndex((s) => s.includes(' AS total'));
  expect(headline).toBeGreaterThan(-1);
  // The headline was answered from the stand-in views, before any rollup was built ...
  expect(first).toBeGreaterThan(headline);
  // ... and after the three builds, no view asked again: the cached answers still hold.
  const steps = sql.slice(first);
  // Three rollups, each a year of 2021-2025 at a time (one CREATE, four INSERTs), then its swap.
  expect(steps.filter((s) => s.startsWith('DROP VIEW '))).toHaveLength(3);
  expect(steps.filter((s) => s.startsWith('INSERT INTO "_building_'))).toHaveLength(3 * 4);
  expect(steps.every(build)).toBe(true);
  expect(await readTotal(page)).toBe(total);

  // A filter change now reads the built rollups, with the numbers of native DuckDB.
  await page.evaluate(() => {
    history.pushState(null, '', '?hours=22-4&days=fri,sat');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  const con = await openDb();
  const expected = await scalar(
    con,
    `SELECT SUM(n) FROM read_parquet('${DATA}/incidents-*.parquet')
     WHERE ("hour" >= 22 OR "hour" <= 3) AND strftime("date", '%a') IN ('Fri', 'Sat')`,
  );
  // Polled, not by first waiting to see a view go busy: with three test files in parallel that
  // wait once timed out (30 s), for a reason not found.
  await expect.poll(() => readTotal(page), {timeout: 60_000}).toBe(expected);
  const after = (await answered(page)).slice(first + steps.length);
  expect(after.some((s) => s.includes(' AS total') && s.includes('FROM "incidents_by_hour"'))).toBe(
    true,
  );
  expect(errors).toEqual([]);
  await close();
});

test('after the rollups, the warm-up runs each statement once, and no view asks again', async () => {
  const {page, errors, close, total} = await openUntil(WARMED_UP);
  // Every statement ran on the real tables: none failed (a failure is the mark's detail).
  const [detail, rolledUp, warmed] = (await page.evaluate(
    `[performance.getEntriesByName(${JSON.stringify(STAGE_MARK + WARMED_UP)})[0].detail,
      performance.getEntriesByName(${JSON.stringify(STAGE_MARK + ROLLUPS_BUILT)})[0].startTime,
      performance.getEntriesByName(${JSON.stringify(STAGE_MARK + WARMED_UP)})[0].startTime]`,
  )) as [string | null, number, number];
  expect(detail).toBeNull();
  expect(warmed).toBeGreaterThan(rolledUp);
  const all = (await page.evaluate('window.__answered')) as string[];
  const warm = all.filter((s) => s.startsWith(WARM_UP_TAG));
  expect(warm.length).toBeGreaterThan(40);
  expect(new Set(warm).size).toBe(warm.length);
  // The views' answers stand: nothing they asked for came after the warm-up began.
  const start = all.findIndex((s) => s.startsWith(WARM_UP_TAG));
  expect(all.slice(start).every((s) => s.startsWith(WARM_UP_TAG))).toBe(true);
  expect(await readTotal(page)).toBe(total);
  expect(errors).toEqual([]);
  await close();
});

/**
 * Whether the loading map's canvas shows the areas' outlines (MapLibre's) or names (deck.gl's):
 * pixels darker than the basemap's darkest colour (its county line, #5f6b78).
 */
async function outlinesDrawn(page: Page): Promise<boolean> {
  return (await page.evaluate(`(() => {
    const px = ${PIXELS_OF}(document.querySelector('[data-testid="loading-map"] canvas'));
    for (let i = 0; i < px.length; i += 4) {
      if (px[i] < 85 && px[i + 1] < 95 && px[i + 2] < 105 && px[i + 3] > 200) return true;
    }
    return false;
  })()`)) as boolean;
}
