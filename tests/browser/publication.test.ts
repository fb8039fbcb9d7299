/**
 * Publication mode hides every small count on the screen, as the exports do: the headline, the
 * filter lists, the hour grid with its totals, the trend's readout, line and table, the map's
 * legend and the area comparison.
 */
import {resolve} from 'node:path';
import type {Browser} from 'playwright-core';
import {afterAll, beforeAll, expect, inject, test} from 'vitest';
import {exportFile, launchBrowser, openPage, readTotal} from '../helpers/browser';
import {openDb, rows, scalar} from '../helpers/node-db';

const PARQUET = resolve(import.meta.dirname, '../../dist/data/west-midlands/incidents-*.parquet');
/** December 2025's firearm attendances: a handful in the bundled data (checked below). */
const QUERY = '?from=2025-12-01&to=2025-12-31&weapon=firearm';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Texts that are a count from 1 to 4 (the bundled dataset's min_count is 5). */
const small = (texts: string[]) => texts.map((t) => t.trim()).filter((t) => /^[1-4]$/.test(t));

test('publication mode hides small counts in the headline, filters, hour grid and trend', async () => {
  const con = await openDb();
  const expected = await scalar(
    con,
    `SELECT SUM(n) FROM read_parquet('${PARQUET}')
     WHERE weapon = 'firearm' AND "date" BETWEEN DATE '2025-12-01' AND DATE '2025-12-31'`,
  );
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(5);

  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/${QUERY}`);
  expect(await readTotal(page)).toBe(expected);
  const headline = page.getByRole('status', {name: 'Total attendances'});
  expect(await headline.textContent()).toBe(String(expected));
  const grid = page.getByRole('table', {name: 'Hour by weekday'});
  // Off: the grid's totals show the small numbers.
  expect(small(await grid.locator('td.total').allTextContents()).length).toBeGreaterThan(0);

  await page.getByRole('checkbox', {name: 'Publication mode'}).check();
  await expect.poll(() => headline.textContent()).toBe('<5');
  expect(await page.locator('.headline-change').textContent()).toContain(
    'No comparison in publication mode',
  );
  expect(small(await grid.locator('td.total').allTextContents())).toEqual([]);
  const titles = await grid
    .locator('td')
    .evaluateAll((tds) => tds.map((td) => td.getAttribute('title') ?? ''));
  expect(titles.filter((t) => /: [1-4]$/.test(t))).toEqual([]);

  const weapon = page
    .locator('details.filter.multi')
    .filter({has: page.locator('.multi-name', {hasText: /^Weapon$/})});
  await weapon.locator('summary').click();
  const firearm = weapon.locator('label.multi-option').filter({hasText: 'Firearm'});
  await expect.poll(() => firearm.locator('.multi-count').textContent()).toBe('<5');
  expect(small(await weapon.locator('.multi-count').allTextContents())).toEqual([]);
  await weapon.locator('summary').click();

  // The map legend's classes, and the areas: no count, no overall rate that says one.
  expect(small(await page.locator('.map-legend .legend-row').allTextContents())).toEqual([]);
  const areas = page.getByRole('table', {name: 'Area comparison'});
  expect(small(await areas.locator('td').allTextContents())).toEqual([]);
  expect(await page.locator('.area-comparison .area-head').textContent()).not.toContain('Overall');

  const table = page.getByRole('table', {name: 'Trend over time, by month'});
  expect(small(await table.locator('td').allTextContents())).toEqual([]);
  // Hover every bucket of the trend: no readout says a small count.
  await page.locator('.trend svg path.line-count').waitFor();
  const box = (await page.locator('.trend svg').boundingBox())!;
  const readouts = new Set<string>();
  for (let x = box.x + 46; x < box.x + box.width - 12; x += 6) {
    await page.mouse.move(x, box.y + box.height / 2);
    readouts.add((await page.locator('.trend-readout').textContent()) ?? '');
  }
  expect([...readouts].filter((r) => /: [1-4]( ·|$)|earlier [1-4]$/.test(r))).toEqual([]);
  expect([...readouts].some((r) => r.includes('<5'))).toBe(true);
  expect(errors).toEqual([]);
  await close();
});

test('in publication mode a ranking sparkline gives away no hidden month', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?from=2025-11-01&to=2025-12-31&loc=licensed_premises`);
  await readTotal(page);
  await page.getByRole('checkbox', {name: 'Publication mode'}).check();
  const cells = page.locator('.ranking td.spark-cell');
  await expect.poll(() => cells.count()).toBeGreaterThan(0);
  const titles = await cells.evaluateAll((tds) => tds.map((td) => td.getAttribute('title') ?? ''));
  const months = titles.map((t) => t.split(': ')[1].split(', '));
  for (const values of months) {
    expect(small(values)).toEqual([]);
    // Beside the premises' total, one hidden month among shown ones could be worked out.
    const hidden = values.filter((v) => v === '<5' || v === '*').length;
    const othersZero = values.every((v) => v === '<5' || v === '*' || v === '0');
    expect(hidden === 0 || hidden >= 2 || othersZero).toBe(true);
  }
  expect(months.some((values) => values.includes('*'))).toBe(true);
  await close();
});

test('small counts a total would pin are protected: two 1s, a row of 1s, the map colours', async () => {
  // A week in Walsall: location types Other 1 and School 1 beside a total the headline shows.
  const where = `"date" BETWEEN '2024-06-03' AND '2024-06-09' AND lad_code = 'E08000030'`;
  const con = await openDb();
  const byType = await rows(
    con,
    `SELECT location_type AS code, SUM(n) AS n FROM read_parquet('${PARQUET}') WHERE ${where}
     GROUP BY 1`,
  );
  const small = byType.filter((r) => Number(r.n) < 5).map((r) => Number(r.n));
  expect(small.length).toBeGreaterThan(1);
  expect(small.every((n) => n === 1)).toBe(true);
  // A weekday whose hours are all 1 (or 0): its total would say each grey cell is 1.
  const [ones] = await rows(
    con,
    `SELECT isodow("date") AS dow FROM read_parquet('${PARQUET}') WHERE ${where}
     GROUP BY 1 HAVING max(n) = 1 AND SUM(n) >= 5 AND count(DISTINCT hour) = SUM(n) LIMIT 1`,
  );

  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?from=2024-06-03&to=2024-06-09&lad=E08000030`);
  await readTotal(page);
  await page.getByRole('checkbox', {name: 'Publication mode'}).check();
  const types = page.getByRole('table', {name: 'Attendances by location type'});
  await expect.poll(() => types.locator('.bar-value').allTextContents()).toContain('*');
  const shown = await types.locator('.bar-value').allTextContents();
  expect(shown.filter((t) => t === '<5')).toHaveLength(small.length);
  expect(shown.filter((t) => t === '*')).toHaveLength(1);
  expect(ones).toBeDefined();
  const grid = page.getByRole('table', {name: 'Hour by weekday'});
  const row = grid.locator('tbody tr').nth(Number(ones.dow) - 1);
  expect(await row.locator('td.total').textContent()).toBe('*');
  // Hexagons of 1 and of 2 share one colour class, as the legend says "fewer than 5" of both.
  await page.goto(`${inject('baseUrl')}/?from=2024-06-03&to=2024-06-09&weapon=firearm,knife_sharp`);
  await readTotal(page);
  const legend = page.getByRole('group', {name: 'Map legend'});
  await expect.poll(() => legend.locator('.legend-row').count()).toBeGreaterThan(0);
  expect(await legend.locator('.legend-row').allTextContents()).toEqual(['1–4']);
  // The busiest hexagons withheld keep no order of size: by cell id, no rank.
  await page.getByRole('checkbox', {name: 'Publication mode'}).check();
  await page.locator('.busiest summary').click();
  const busiest = page.getByRole('table', {name: 'Busiest hexagons'}).locator('tbody tr');
  await expect.poll(() => busiest.count()).toBeGreaterThan(1);
  const cells = await busiest.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-cell')!));
  expect(cells).toEqual([...cells].sort());
  expect(await busiest.locator('td:first-child').allTextContents()).toEqual(cells.map(() => '–'));
  await close();
});

test('a month shown between two withheld months is drawn as a dot', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?lad=E08000030&weapon=firearm,blunt`);
  await readTotal(page);
  const dots = page.locator('.trend svg circle.point-count');
  await expect.poll(() => page.locator('.trend svg path.line-count').count()).toBe(1);
  expect(await dots.count()).toBe(0);
  await page.getByRole('checkbox', {name: 'Publication mode'}).check();
  await expect.poll(() => dots.count()).toBeGreaterThan(0);
  await close();
});

test('SVG exports withhold small counts with publication mode off, as with it on', async () => {
  const {page, close} = await openPage(browser);
  const grab = async () => ({
    trend: (await exportFile(page, 'Trend over time', 'SVG')).body.toString('utf8'),
    areas: (await exportFile(page, 'Area comparison', 'SVG')).body.toString('utf8'),
  });
  const countLine = (svg: string) => /class="line-count"[^>]*\sd="([^"]*)"/.exec(svg)?.[1] ?? null;
  const circles = (svg: string) => svg.match(/<circle/g)?.length ?? 0;
  await page.goto(`${inject('baseUrl')}/?from=2024-06-03&to=2024-06-09&weapon=glass_bottle`);
  await readTotal(page);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  const off = await grab();
  await page.getByRole('checkbox', {name: 'Publication mode'}).check();
  const on = await grab();
  expect(countLine(off.trend)).not.toBeNull();
  expect(countLine(off.trend)).toBe(countLine(on.trend));
  expect(circles(off.areas)).toBe(circles(on.areas));
  expect(circles(off.areas)).toBeLessThan(7);
  await close();
});
