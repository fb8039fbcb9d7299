/**
 * Every view shows the same numbers in the optimised app and in its naive mode (#7), including
 * after a map click and a filter change made with the hexagon still selected.
 */
import {resolve} from 'node:path';
import {cellToLatLng, cellToParent} from 'h3-js';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, expect, inject, test} from 'vitest';
import {answered, cellCopyBuilt, launchBrowser, openPage, RECORD_SQL} from '../helpers/browser';
import {openDb, rows} from '../helpers/node-db';

const PARQUET = resolve(import.meta.dirname, '../../dist/data/west-midlands/incidents-*.parquet');

/**
 * Filter combinations: the rollups serve the headline, trend, grid, location breakdown, ranking
 * and area comparison in the first, some views in the second and none in the third (the map's
 * selection is the last test).
 */
const CASES = [
  '?from=2023-01-01&to=2023-12-31&hours=22-4&days=fri,sat',
  '?night=1&days=sat,sun&loc=street,licensed_premises&weapon=knife_sharp',
  '?from=2024-03-01&to=2024-08-31&lad=E08000025&sex=male&hours=0-6&rel=stranger&site=RRK15',
];

/** What each view shows, read from the DOM once every view has settled. */
async function viewNumbers(page: Page) {
  await page.waitForFunction(
    () =>
      !!document.querySelector('output[aria-labelledby="total-label"][data-state="ready"]') &&
      !!document.querySelector('[data-testid="map"][data-pending="false"]') &&
      !document.querySelector('[aria-busy="true"], [data-pending="true"]') &&
      !!document.querySelector('.trend svg path.line-count') &&
      !!document.querySelector('[data-testid="grid-total"]'),
    undefined,
    {timeout: 60_000, polling: 200},
  );
  return page.evaluate(() => {
    const all = (root: ParentNode, s: string) => [...root.querySelectorAll(s)];
    const map = document.querySelector<HTMLElement>('[data-testid="map"]')!;
    return {
      total: document
        .querySelector('output[aria-labelledby="total-label"]')!
        .getAttribute('data-value'),
      unknownHourNote:
        document.querySelector('[data-testid="unknown-hour-note"]')?.textContent ?? null,
      trend: all(document, 'table[aria-label="Trend over time, by month"] tbody tr').map(
        (r) => r.textContent,
      ),
      gridCells: all(document, 'table[aria-label="Hour by weekday"] td[data-cell]').map((c) =>
        c.getAttribute('aria-label'),
      ),
      gridTotal: document.querySelector('[data-testid="grid-total"]')!.textContent,
      gridNote: document.querySelector('.grid-note')?.textContent ?? null,
      breakdowns: all(document, 'table.breakdown').map((t) => [
        t.getAttribute('aria-label'),
        ...all(t, 'tbody tr').map((r) => r.textContent),
      ]),
      ranking: all(document, 'table[aria-label="Premises ranking"] tbody tr').map(
        (r) => r.textContent,
      ),
      rankingPages: document.querySelector('nav[aria-label="Ranking pages"]')?.textContent ?? null,
      areas: all(document, 'table[aria-label="Area comparison"] tbody tr').map(
        (r) => r.textContent,
      ),
      hexagons: Number(map.dataset.hexagons),
      hexagonTotal: Number(map.dataset.total),
    };
  });
}

/**
 * The views' numbers at `query`; with `clickMap`, after clicking the map's centre and then, with
 * the hexagon still selected, choosing another hour window (which the optimised app answers from
 * its copy of the hexagon's rows). Returns the SQL answered after that change too.
 */
async function numbersIn(mode: 'optimised' | 'naive', query: string, clickMap = false) {
  const {page, errors, close} = await openPage(browser);
  if (mode === 'naive') await page.addInitScript({content: 'window.__VSD_NAIVE__ = true;'});
  await page.addInitScript({content: RECORD_SQL});
  await page.goto(`${inject('baseUrl')}/${query}`);
  await viewNumbers(page);
  let afterClick: Awaited<ReturnType<typeof viewNumbers>> | null = null;
  let sqlAfterChange: string[] = [];
  let before = 0;
  if (clickMap) {
    await page.getByRole('checkbox', {name: 'ED sites'}).uncheck();
    await viewNumbers(page);
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.getByRole('status').filter({hasText: 'selected'}).count()).toBe(1);
    afterClick = await viewNumbers(page);
    if (mode === 'optimised') {
      await expect.poll(() => cellCopyBuilt(page)).toBe(true);
    }
    before = (await answered(page)).length;
    await page.getByLabel('Hour preset').selectOption('Late night 00:00–06:00');
    await expect.poll(() => page.url()).toContain('hours=0-6');
  }
  const numbers = await viewNumbers(page);
  if (clickMap) sqlAfterChange = (await answered(page)).slice(before);
  expect(errors).toEqual([]);
  await close();
  return {...numbers, afterClick, sqlAfterChange};
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The same checks on the benchmark's 100k-row dataset (generated by the global setup). */
const BENCH_100K = 'data=fixtures/rows-100000/manifest.json';
const BENCH_CASES = [
  `?${BENCH_100K}&from=2022-01-01&to=2023-06-30&hours=21-6&days=fri,sat,sun`,
  `?${BENCH_100K}&loc=licensed_premises&weapon=glass_bottle&night=1`,
];

test.each([...CASES, ...BENCH_CASES])(
  'every view has the same numbers in naive mode for "%s"',
  async (query) => {
    const {sqlAfterChange, ...optimised} = await numbersIn('optimised', query);
    expect(optimised.hexagons).toBeGreaterThan(0);
    expect(optimised.breakdowns).toHaveLength(5);
    expect(optimised.ranking.length).toBeGreaterThan(0);
    expect(optimised.areas).toHaveLength(7);
    const {sqlAfterChange: naiveSql, ...naive} = await numbersIn('naive', query);
    expect(naive).toEqual(optimised);
    expect([sqlAfterChange, naiveSql]).toEqual([[], []]);
  },
);

test('a map selection gives the same numbers in naive mode', async () => {
  // The busiest resolution-7 cell (the map's resolution at zoom 9), clicked at the map's centre.
  const byCell = new Map<string, number>();
  const sql = `SELECT h3, SUM(n) AS n FROM read_parquet('${PARQUET}') WHERE h3 IS NOT NULL GROUP BY h3`;
  for (const r of await rows(await openDb(), sql)) {
    const parent = cellToParent(String(r.h3), 7);
    byCell.set(parent, (byCell.get(parent) ?? 0) + Number(r.n));
  }
  const [lat, lon] = cellToLatLng([...byCell].sort((a, b) => b[1] - a[1])[0][0]);
  const query = `?hours=21-6&view=${lat.toFixed(4)},${lon.toFixed(4)},9.00`;
  const {sqlAfterChange, ...optimised} = await numbersIn('optimised', query, true);
  const {sqlAfterChange: naiveSql, ...naive} = await numbersIn('naive', query, true);
  expect(naive).toEqual(optimised);
  // The optimised app answered the hour change from the copy of the selected hexagon's rows:
  // every view but the map (which leaves out its own selection).
  const fromCopy = sqlAfterChange.filter((q) => /FROM "_cells_\d+"/.test(q));
  expect(fromCopy.length).toBeGreaterThanOrEqual(5);
  // The ranking and the area comparison among them: the copy holds premises and local authority.
  expect(fromCopy.filter((q) => q.includes('SELECT premises_id'))).not.toEqual([]);
  expect(fromCopy.filter((q) => q.includes('SELECT lad_code AS code'))).not.toEqual([]);
  expect(naiveSql.filter((q) => q.includes('_cells_'))).toEqual([]);
});
