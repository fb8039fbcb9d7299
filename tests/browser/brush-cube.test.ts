/**
 * The date brush's cubes: built after a brush, read by the next with the other filters unchanged,
 * with the numbers native DuckDB gives on the same Parquet.
 */
import {resolve} from 'node:path';
import {cellToParent, getResolution} from 'h3-js';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, expect, inject, test} from 'vitest';
import {
  answered,
  brushTrend,
  launchBrowser,
  openPage,
  readTotal,
  RECORD_SQL,
  viewsIdle,
} from '../helpers/browser';
import {openDb, rows} from '../helpers/node-db';

const PARQUET = resolve(import.meta.dirname, '../../dist/data/west-midlands/incidents-*.parquet');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const CUBE = /"_cube_\d+"/;
const search = (page: Page) => new URL(page.url()).searchParams;

/** The queries read from a cube (not its build) among the statements answered after the first `since`. */
async function cubeReads(page: Page, since: number): Promise<string[]> {
  return (await answered(page))
    .slice(since)
    .filter((q) => CUBE.test(q) && !/^(CREATE|INSERT|DROP)/.test(q));
}

/** Waits until both cubes' builds have run every step, and no statement came for a second. */
async function cubesBuilt(page: Page): Promise<void> {
  await expect
    .poll(
      async () =>
        (await answered(page)).filter((q) => /^CREATE OR REPLACE TEMP TABLE "_cube_/.test(q))
          .length,
      {timeout: 20_000},
    )
    .toBe(2);
  let last = -1;
  await expect
    .poll(
      async () => {
        const n = (await answered(page)).length;
        const quiet = n === last;
        last = n;
        return quiet;
      },
      {interval: 1000, timeout: 20_000},
    )
    .toBe(true);
}

/** The rows of `where` in native DuckDB: per weapon, and per hexagon of the given cells. */
async function nativeCounts(where: string, cells: string[]) {
  const con = await openDb();
  const weapons = await rows(
    con,
    `SELECT weapon AS code, SUM(n) AS n FROM read_parquet('${PARQUET}') WHERE ${where}
     GROUP BY 1 ORDER BY n DESC, code`,
  );
  const byCell = new Map<string, number>();
  const resolution = getResolution(cells[0]);
  for (const r of await rows(
    con,
    `SELECT h3, SUM(n) AS n FROM read_parquet('${PARQUET}') WHERE h3 IS NOT NULL AND ${where} GROUP BY h3`,
  )) {
    const parent = cellToParent(String(r.h3), resolution);
    byCell.set(parent, (byCell.get(parent) ?? 0) + Number(r.n));
  }
  return {weapons: weapons.map((r) => Number(r.n)), cells: cells.map((c) => byCell.get(c) ?? 0)};
}

/** What the page shows: weapon counts in order, and the busiest hexagons' cells and counts. */
async function shown(page: Page) {
  await viewsIdle(page);
  const weapons = await page
    .getByRole('table', {name: 'Attendances by weapon'})
    .locator('tbody tr td.num:first-of-type')
    .allTextContents();
  const busiest = page.locator('.busiest');
  if (!(await busiest.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await busiest.locator('summary').click();
  }
  const cells = await busiest
    .locator('tbody tr[data-cell]')
    .evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-cell')!, tr.querySelector('td.num')!.textContent!]),
    );
  return {weapons, cells};
}

const numberOf = (text: string) => Number(text.replace(/,/g, ''));

test('a second brush reads the cubes the first built, and shows what native DuckDB counts', async () => {
  const {page, close} = await openPage(browser);
  await page.addInitScript({content: RECORD_SQL});
  await page.goto(`${inject('baseUrl')}/?hours=21-6`);
  await readTotal(page);
  await brushTrend(page, 0.2, 0.45);
  await expect.poll(() => search(page).get('from')).not.toBeNull();
  await cubesBuilt(page);
  const before = (await answered(page)).length;
  expect(await cubeReads(page, 0)).toEqual([]);

  await brushTrend(page, 0.55, 0.8);
  await expect.poll(() => search(page).get('from')).not.toBe(null);
  const from = search(page).get('from')!;
  const to = search(page).get('to')!;
  const view = await shown(page);
  const reads = await cubeReads(page, before);
  // The hexagons and the shared breakdowns' query.
  expect(reads.length).toBe(2);
  expect(reads.some((q) => q.includes('first(loc ORDER BY n DESC'))).toBe(true);
  expect(reads.some((q) => q.includes('UNION ALL'))).toBe(true);

  const where = `"date" BETWEEN '${from}' AND '${to}' AND ("hour" >= 21 OR "hour" < 6)`;
  const expected = await nativeCounts(
    where,
    view.cells.map(([c]) => c),
  );
  expect(view.weapons.length).toBe(expected.weapons.length);
  view.weapons.forEach((text, i) => {
    if (/^[\d,]+$/.test(text)) expect(numberOf(text)).toBe(expected.weapons[i]);
  });
  expect(view.cells.length).toBeGreaterThan(3);
  view.cells.forEach(([, text], i) => {
    if (/^[\d,]+$/.test(text)) expect(numberOf(text)).toBe(expected.cells[i]);
  });
  await close();
});

test('a brush after another filter changed reads incidents, not the old cube', async () => {
  const {page, close} = await openPage(browser);
  await page.addInitScript({content: RECORD_SQL});
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  await brushTrend(page, 0.2, 0.45);
  await cubesBuilt(page);
  await page.getByLabel('Hour preset').selectOption({label: 'Late night 00:00–06:00'});
  await expect.poll(() => search(page).get('hours')).toBe('0-6');
  await viewsIdle(page);
  const before = (await answered(page)).length;
  await brushTrend(page, 0.55, 0.8);
  await expect.poll(() => search(page).get('from')).not.toBeNull();
  await viewsIdle(page);
  const reads = await cubeReads(page, before);
  expect(reads).toEqual([]);
  await close();
});

test('an input right after a brush, before the views were idle, builds no cube', async () => {
  const {page, close} = await openPage(browser);
  await page.addInitScript({content: RECORD_SQL});
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  await brushTrend(page, 0.2, 0.45);
  await expect.poll(() => search(page).get('from')).not.toBeNull();
  // At once: before the views settle, so the cube's wait for quiet cannot have passed (a test
  // racing a 500 ms pause on a loaded machine would be flaky).
  await page.getByLabel('Hour preset').selectOption({label: 'Late night 00:00–06:00'});
  await expect.poll(() => search(page).get('hours')).toBe('0-6');
  await page.waitForTimeout(3000);
  const statements = await answered(page);
  expect(statements.some((q) => /^SELECT|^WITH/.test(q) && q.includes('hour < 6'))).toBe(true);
  expect(statements.filter((q) => CUBE.test(q))).toEqual([]);
  await close();
});
