/** Datasets by week and by month: dates snap to whole buckets, weekday views step aside. */
import {resolve} from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, expect, inject, test} from 'vitest';
import {launchBrowser, openPage, readTotal} from '../helpers/browser';
import {openDb, scalar} from '../helpers/node-db';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/generated');
const sum = async (grain: string, where = 'TRUE') =>
  scalar(
    await openDb(),
    `SELECT SUM(n) FROM read_parquet('${FIXTURES}/by-${grain}/incidents.parquet') WHERE ${where}`,
  );
const search = (page: Page) => new URL(page.url()).searchParams;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('by month, dates that cut into a month widen to it, with a notice', async () => {
  const {page, errors, close} = await openPage(browser);
  await page.goto(
    `${inject('baseUrl')}/?data=fixtures/by-month/manifest.json&from=2025-12-04&to=2025-12-31`,
  );
  const december = await sum('month', `"date" = DATE '2025-12-01'`);
  expect(december).toBeGreaterThan(0);
  expect(await readTotal(page)).toBe(december);
  expect(search(page).get('from')).toBe('2025-12-01');
  await expect
    .poll(() => page.locator('.notices').textContent())
    .toContain('Dates widened to whole months (2025-12-01 to 2025-12-31)');
  // The previous equal period is November: a whole month too.
  await expect
    .poll(() => page.locator('.headline-change').textContent())
    .toContain(
      `against ${(await sum('month', `"date" = DATE '2025-11-01'`)).toLocaleString('en-GB')}`,
    );

  // No "last 4 weeks" by month; the other presets and typed dates snap to months.
  const presets = await page.getByLabel('Date preset').locator('option').allTextContents();
  expect(presets).not.toContain('Last 4 weeks');
  await page.getByLabel('Date preset').selectOption('Last 3 months');
  await expect.poll(() => search(page).get('from')).toBe('2025-10-01');
  await page.getByLabel('From date').fill('2025-06-15');
  await expect.poll(() => search(page).get('from')).toBe('2025-06-01');
  expect(await readTotal(page)).toBe(
    await sum('month', `"date" BETWEEN DATE '2025-06-01' AND DATE '2025-12-31'`),
  );
  expect(errors).toEqual([]);
  await close();
});

test('by month, the premises profile shows no weekday or hour chart it cannot know', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?data=fixtures/by-month/manifest.json&premises=P00988`);
  await readTotal(page);
  const weekdays = page.getByRole('region', {name: 'Weekday pattern'});
  await expect.poll(() => weekdays.textContent()).toContain('This dataset is by month');
  expect(await weekdays.locator('svg').count()).toBe(0);
  const hours = page.getByRole('region', {name: 'Hour of night'});
  expect(await hours.textContent()).toContain('does not record the hour');
  await close();
});

test('by week, the first week starting before the period is counted without a warning', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?data=fixtures/by-week/manifest.json`);
  // Every row counts, the week of Monday 28 Dec 2020 included, and the period shown holds it.
  expect(await readTotal(page)).toBe(await sum('week'));
  expect(await sum('week', `"date" < DATE '2021-01-01'`)).toBeGreaterThan(0);
  await expect
    .poll(() => page.getByRole('banner').textContent())
    .toContain('28 Dec 2020 – 31 Dec 2025');
  expect(await page.locator('.warning').count()).toBe(0);
  await close();
});

test('by week, the hour filter still applies; the grid says why it is absent', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?data=fixtures/by-week/manifest.json&hours=22-4&days=sat`);
  expect(await readTotal(page)).toBe(await sum('week', `"hour" >= 22 OR "hour" < 4`));
  expect(search(page).get('hours')).toBe('22-4');
  expect(search(page).get('days')).toBeNull();
  await expect
    .poll(() => page.getByRole('list', {name: 'Notices'}).textContent())
    .toContain('Ignored days and night-of: this dataset is by week.');
  expect(await page.locator('.grid-unavailable').textContent()).toContain(
    'weekdays are not recorded, so there is no grid. The hour filter still applies.',
  );
  await close();
});
