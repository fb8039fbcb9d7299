/** Hostile and broken input, failing views, requests off origin, and accessibility (axe-core). */
import type {Browser} from 'playwright-core';
import {afterAll, beforeAll, expect, inject, test} from 'vitest';
import {axeViolations} from '../helpers/axe';
import {launchBrowser, openPage, readTotal} from '../helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('dates outside the period load with a warning', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?data=fixtures/outside-period/manifest.json`);
  expect(await readTotal(page)).toBe(1200);
  await expect
    .poll(() => page.locator('.warning').textContent())
    .toContain("outside the manifest's period");
  await close();
});

test('hostile text in a dataset stays text; extra columns and files are ignored', async () => {
  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?data=fixtures/hostile/manifest.json`);
  expect(await readTotal(page)).toBe(1200);
  await expect
    .poll(() => page.getByRole('heading', {level: 1}).textContent())
    .toContain('<img src=x');
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as {__pwned?: number}).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(errors).toEqual([]);
  await close();
});

test('one failing view shows its error and the others keep working', async () => {
  const {page, close} = await openPage(browser);
  await page.addInitScript(() => {
    (window as {__VSD_FAIL_VIEW__?: string}).__VSD_FAIL_VIEW__ = 'Trend over time';
  });
  await page.goto(`${inject('baseUrl')}/?loc=street`);
  expect(await readTotal(page)).toBeGreaterThan(0);
  const trend = page.getByRole('region', {name: 'Trend over time'});
  await expect
    .poll(() => trend.getByRole('alert').textContent())
    .toContain('Trend over time could not be shown');
  expect(await page.getByRole('table', {name: 'Hour by weekday'}).isVisible()).toBe(true);
  await close();
});

test('a whole session requests nothing from any other origin', async () => {
  const {page, requests, close} = await openPage(browser);
  const base = inject('baseUrl');
  await page.goto(`${base}/`);
  await readTotal(page);
  await page.getByRole('button', {name: 'Fri', exact: true}).click();
  await page.getByRole('radio', {name: 'Hot spots (Gi*)'}).click();
  await page.getByRole('checkbox', {name: 'Premises'}).check();
  await page.getByRole('checkbox', {name: 'Rate per 100,000'}).check();
  await page.getByLabel('Hour preset').selectOption({index: 1});
  await readTotal(page);
  await page.getByRole('button', {name: 'Presenter mode'}).click();
  await readTotal(page);
  await page.waitForTimeout(1000);
  const off = requests.filter((r) => !r.startsWith(base) && !/^(data|blob):/.test(r));
  expect(off).toEqual([]);
  expect(requests.length).toBeGreaterThan(5);
  await close();
});

test('the content security policy blocks requests to origins other than the dataset', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  const blocked = await page.evaluate(async (other) => {
    try {
      await fetch(`${other}/good/manifest.json`);
      return false;
    } catch {
      return true;
    }
  }, inject('otherOrigin'));
  expect(blocked).toBe(true);
  await close();
});

test.each([
  '/',
  '/?present=1',
  '/?hours=22-4&days=fri,sat&night=1',
  // A breakdown selection dims the other rows: their text must keep its contrast.
  '/?from=2024-01-01&to=2024-12-31&loc=licensed_premises&weapon=glass_bottle',
])('axe finds no serious or critical violations at %s', async (path) => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}${path}`);
  await readTotal(page);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  expect(await axeViolations(page)).toEqual([]);
  await close();
});

test('the filters, map and grid are reachable with the keyboard, with visible focus', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  await page.bringToFront();
  await page.locator('h1').click();
  const seen = new Set<string>();
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        name: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? el.tagName,
        tag: el.tagName,
        // MapLibre's own controls mark focus with a box shadow rather than an outline.
        outlined:
          (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') ||
          style.boxShadow !== 'none',
        how: `${el.tagName} ${style.outlineStyle} ${style.outlineWidth} ${el.matches(':focus')}`,
      };
    });
    // A date input's focus sits in its shadow fields, which report no :focus on the input itself.
    if (info && !info.how.endsWith('false')) {
      seen.add(info.name);
      expect(info.outlined, `focus visible on ${info.name}: ${info.how}`).toBe(true);
    }
  }
  for (const name of ['From hour', 'Fri', 'Location type: All', 'Map'])
    expect(seen).toContain(name);
  await close();
});

test('premises values outside the contract are named in warnings; one row per premises is kept', async () => {
  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?data=fixtures/bad-premises/manifest.json`);
  expect(await readTotal(page)).toBe(1200);
  const warnings = page.locator('.warning');
  await expect.poll(() => warnings.allTextContents()).toHaveLength(6);
  const text = (await warnings.allTextContents()).join('\n');
  for (const expected of [
    'premises.parquet: premises_id: empty (NULL) values; those rows are left out: 1 row(s)',
    'premises.parquet: lat: outside -90 to 90',
    'premises.parquet: premises_type: not a premises type of the contract',
    'e.g. "casino"',
    "premises.parquet: closing_time: not a time written 'HH:MM'; read as unknown",
    'e.g. "late"',
    'premises.parquet: capacity: not a capacity from 1 to 2147483647',
    'premises.parquet: premises_id: 1 value(s) given to more than one row, e.g. "P1"; the first row of each is used.',
  ]) {
    expect(text).toContain(expected);
  }
  // The ranking lists each premises once, P1 by its first row's name.
  const ranking = page.getByRole('table', {name: 'Premises ranking'});
  await expect.poll(() => ranking.locator('tbody tr').count()).toBe(2);
  expect(await ranking.locator('tbody').textContent()).toContain('The First Crown');
  expect(await ranking.locator('tbody').textContent()).not.toContain('The Second Crown');
  expect(errors).toEqual([]);
  await close();
});
