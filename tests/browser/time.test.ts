/** Trend brushing, the hour-by-weekday grid and the time-lapse drive the filters and the headline. */
import {resolve} from 'node:path';
import {cellToParent} from 'h3-js';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, expect, inject, test} from 'vitest';
import {parseCsv} from '../../src/views/export/csv';
import {brushTrend, exportFile, launchBrowser, openPage, readTotal} from '../helpers/browser';
import {openDb, rows, scalar} from '../helpers/node-db';

const PARQUET = resolve(import.meta.dirname, '../../dist/data/west-midlands/incidents-*.parquet');
const sum = async (where: string) =>
  scalar(
    await openDb(),
    `SELECT COALESCE(SUM(n), 0) FROM read_parquet('${PARQUET}') WHERE ${where}`,
  );

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const search = (page: Page) => new URL(page.url()).searchParams;

test('brushing the trend sets from/to in the URL and the headline follows', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  // Across the middle of the 5-year axis.
  await brushTrend(page, 0.4, 0.6);
  await expect.poll(() => search(page).get('from')).toMatch(/^\d{4}-\d{2}-01$/);
  const from = search(page).get('from')!;
  const to = search(page).get('to')!;
  expect(from < to).toBe(true);
  expect(await readTotal(page)).toBe(await sum(`"date" BETWEEN '${from}' AND '${to}'`));
  await close();
});

test('clicking a grid cell sets hours and days; its count is the headline', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  const cell = page.getByRole('table', {name: 'Hour by weekday'}).getByLabel(/^Saturday 23:00, /);
  const label = await cell.getAttribute('aria-label');
  await cell.click();
  await expect.poll(() => search(page).get('hours')).toBe('23-24');
  expect(search(page).get('days')).toBe('sat');
  const total = await readTotal(page);
  expect(total).toBe(Number(label!.match(/, ([\d,]+) attendances/)![1].replace(/,/g, '')));
  expect(total).toBe(await sum(`"hour" = 23 AND dayofweek("date") = 6`));
  await close();
});

test('dragging across midnight on the grid sets a wrapping window', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  const grid = page.getByRole('table', {name: 'Hour by weekday'});
  await grid.scrollIntoViewIfNeeded();
  const a = (await grid.getByLabel(/^Friday 22:00, /).boundingBox())!;
  const b = (await grid.getByLabel(/^Saturday 03:00, /).boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, {steps: 5});
  await page.mouse.up();
  // One drag is one change: both parameters arrive in a single history entry, so Back undoes it.
  const chosen = () => `${search(page).get('hours')} ${search(page).get('days')}`;
  await expect.poll(chosen).toBe('22-4 fri,sat');
  await page.goBack();
  await expect.poll(chosen).toBe('null null');
  await close();
});

test('the grid adds up to the headline: all of it, and the selected cells', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?loc=street&from=2024-01-01&to=2024-12-31`);
  const headline = await readTotal(page);
  const grid = page.getByTestId('grid-total');
  const unknown = await sum(
    `location_type = 'street' AND "date" BETWEEN '2024-01-01' AND '2024-12-31' AND "hour" IS NULL`,
  );
  await expect
    .poll(async () => Number((await grid.textContent())!.replace(/,/g, '')))
    .toBe(headline - unknown);

  await page.goto(`${inject('baseUrl')}/?loc=street&hours=22-4&days=fri,sat&night=1`);
  const selected = await readTotal(page);
  const cells = page.locator('td.cell.on');
  await expect.poll(() => cells.count()).toBe(12);
  const labels = await cells.evaluateAll((els) =>
    els.map((e) => e.getAttribute('aria-label') ?? ''),
  );
  const cellSum = labels.reduce(
    (s, l) => s + Number(l.match(/, ([\d,]+) attendances/)![1].replace(/,/g, '')),
    0,
  );
  expect(cellSum).toBe(selected);
  await close();
});

test('the time-lapse steps through months and the headline follows', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  await page.getByLabel('Time-lapse speed').selectOption('0.5');
  await page.getByRole('button', {name: /Play/}).click();
  // Wait for a step past the first month (how far it gets depends on the machine's speed).
  await expect.poll(() => search(page).get('from') ?? '').toMatch(/^20\d\d-\d\d-01$/);
  await expect.poll(() => (search(page).get('from') ?? '') > '2021-01-01').toBe(true);
  await page.getByRole('button', {name: /Pause/}).click();
  const from = search(page).get('from')!;
  // The month's last day (day 0 of the next month): where it stops depends on the machine.
  const [year, month] = from.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  expect(search(page).get('to')).toBe(last);
  expect(await readTotal(page)).toBe(
    await sum(`"date" BETWEEN '${from}' AND '${search(page).get('to')}'`),
  );
  await close();
});

test('the time-lapse plays the chosen dates, then puts them back, adding no history', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?from=2023-01-01&to=2023-03-31&loc=street`);
  await readTotal(page);
  const history = await page.evaluate('history.length');
  await page.getByLabel('Time-lapse speed').selectOption('0.5');
  await page.getByRole('button', {name: /Play/}).click();
  // Within the chosen quarter: its first month, not the data's.
  await expect.poll(() => search(page).get('to')).toBe('2023-01-31');
  expect(search(page).get('from')).toBe('2023-01-01');
  // Played to its end, it stops and the chosen dates come back.
  await page.getByRole('button', {name: /Play/}).waitFor({timeout: 30_000});
  expect(search(page).get('from')).toBe('2023-01-01');
  expect(search(page).get('to')).toBe('2023-03-31');
  expect(search(page).get('loc')).toBe('street');
  expect(await readTotal(page)).toBe(
    await sum(`"date" BETWEEN '2023-01-01' AND '2023-03-31' AND location_type = 'street'`),
  );
  expect(await page.evaluate('history.length')).toBe(history);
  await close();
});

test('by night of, the trend counts every attendance the headline does', async () => {
  const {page, close} = await openPage(browser);
  for (const query of ['', '?night=1']) {
    await page.goto(`${inject('baseUrl')}/${query}`);
    const total = await readTotal(page);
    const chart = page.getByRole('img', {name: /Attendances by month/});
    await expect
      .poll(() => chart.getAttribute('aria-label'))
      .toContain(`: ${total.toLocaleString('en-GB')} in all.`);
  }
  // The first day's small hours, moved to the night before the data start.
  expect(await sum(`"date" = DATE '2021-01-01' AND "hour" < 6`)).toBeGreaterThan(0);
  await close();
});

test('by night of, the one night before the data is a part month: no mean or year-earlier', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?hours=22-4&night=1&from=2021-06-01&to=2021-06-30`);
  await readTotal(page);
  const text = (await exportFile(page, 'Trend over time', 'CSV')).body.toString('utf8');
  expect(text).toContain('The trend is not filtered by the dates');
  const table = parseCsv(text);
  const head = table.findIndex((r) => r[0] === 'month start');
  expect(table[head]).toEqual([
    'month start',
    'month end',
    'Attendances',
    'Rolling mean (3 months)',
    'A year earlier',
    'Whole month',
  ]);
  const byStart = new Map(table.slice(head + 1).map((r) => [r[0], r]));
  const night = await sum(`"date" = DATE '2021-01-01' AND ("hour" >= 22 OR "hour" < 4)`);
  // The small hours of 1 Jan 2021 (hour < 4 here), on the night of 31 Dec 2020.
  const small = await sum(`"date" = DATE '2021-01-01' AND "hour" < 4`);
  expect(night).toBeGreaterThan(small);
  expect(byStart.get('2020-12-31')).toEqual([
    '2020-12-31',
    '2020-12-31',
    String(small),
    '',
    '',
    'no',
  ]);
  // February's 3-month mean would take in that one night; March's does not.
  expect(byStart.get('2021-02-01')![3]).toBe('');
  expect(byStart.get('2021-03-01')![3]).not.toBe('');
  // December 2021 is not compared with one night of December 2020.
  expect(byStart.get('2021-12-01')![4]).toBe('');
  expect(byStart.get('2021-12-01')![5]).toBe('yes');
  await close();
});

test('while the time-lapse plays, the map keeps one set of colour classes for every month', async () => {
  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?from=2023-01-01&to=2023-03-31&loc=street`);
  await readTotal(page);
  const legend = page.getByRole('group', {name: 'Map legend'});
  const resolution = Number((await legend.textContent())!.match(/H3 resolution (\d+)/)![1]);
  // The busiest hexagon in any one month of the quarter, from native DuckDB and h3-js.
  const found = await rows(
    await openDb(),
    `SELECT h3, CAST(date_trunc('month', "date") AS VARCHAR) AS m, SUM(n) AS n
     FROM read_parquet('${PARQUET}') WHERE "date" BETWEEN '2023-01-01' AND '2023-03-31'
     AND location_type = 'street' AND h3 IS NOT NULL GROUP BY ALL`,
  );
  const perFrame = new Map<string, number>();
  for (const r of found) {
    const key = `${cellToParent(String(r.h3), resolution)} ${r.m}`;
    perFrame.set(key, (perFrame.get(key) ?? 0) + Number(r.n));
  }
  const max = Math.max(...perFrame.values());
  // Each month alone has its own busiest hexagon: classes per frame would differ between them.
  const busiest = (month: string) =>
    Math.max(...[...perFrame].filter(([k]) => k.split(' ')[1].startsWith(month)).map(([, n]) => n));
  expect(busiest('2023-01')).not.toBe(busiest('2023-02'));
  await page.getByLabel('Time-lapse speed').selectOption('2');
  await page.getByRole('button', {name: /Play/}).click();
  const fixed = 'Classes fixed for the time-lapse (1 Jan 2023 – 31 Mar 2023, by month)';
  await expect.poll(() => legend.textContent()).toContain(fixed);
  const top = () => legend.locator('.legend-row').last().textContent();
  for (const month of ['2023-01-31', '2023-02-28']) {
    await expect.poll(() => search(page).get('to')).toBe(month);
    await expect.poll(top).toMatch(new RegExp(`–${max.toLocaleString('en-GB')}$`));
  }
  await page.getByRole('button', {name: /Pause/}).click();
  // Dates chosen while paused end the time-lapse: the classes follow the view again.
  await page.getByLabel('Date preset').selectOption({label: 'Last 12 months'});
  await expect.poll(() => legend.textContent()).not.toContain('Classes fixed');
  expect(errors).toEqual([]);
  await close();
});
