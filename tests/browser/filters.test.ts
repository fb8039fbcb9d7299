/** Filters drive the URL and the headline; back and forward restore them. */
import type {Browser} from 'playwright-core';
import {afterAll, beforeAll, expect, inject, test} from 'vitest';
import {launchBrowser, openPage, readTotal, viewsIdle} from '../helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('choosing a location type updates URL and headline; back restores both', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  const all = await readTotal(page);
  await page.getByRole('group', {name: 'Filters'}).or(page.getByRole('search')).first().waitFor();
  await page.getByText('Location type', {exact: true}).first().click();
  await page.getByRole('group', {name: 'Location type'}).getByLabel('Street').check();
  await expect.poll(() => new URL(page.url()).search).toBe('?loc=street');
  const street = await readTotal(page);
  expect(street).toBeLessThan(all);
  await page.keyboard.press('Escape');
  await page.getByRole('button', {name: 'Fri', exact: true}).click();
  await expect.poll(() => new URL(page.url()).search).toBe('?days=fri&loc=street');
  expect(await readTotal(page)).toBeLessThan(street);
  await page.goBack();
  await expect.poll(() => new URL(page.url()).search).toBe('?loc=street');
  expect(await readTotal(page)).toBe(street);
  await page.goBack();
  await expect.poll(() => new URL(page.url()).search).toBe('');
  expect(await readTotal(page)).toBe(all);
  await page.goForward();
  expect(await readTotal(page)).toBe(street);
  await close();
});

test('a chip removes its filter and "Clear all" removes every filter', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?hours=22-4&weapon=glass_bottle&night=1`);
  const filtered = await readTotal(page);
  await page.getByRole('button', {name: 'Remove filter Weapon'}).click();
  await expect.poll(() => new URL(page.url()).search).toBe('?hours=22-4&night=1');
  expect(await readTotal(page)).toBeGreaterThan(filtered);
  await page.getByRole('button', {name: 'Clear all'}).click();
  await expect.poll(() => new URL(page.url()).search).toBe('');
  await close();
});

test('bad URL parameters are ignored with a notice, never a crash', async () => {
  const {page, errors, close} = await openPage(browser);
  await page.goto(
    `${inject('baseUrl')}/?hours=25-3&from=2024-12-31&to=2024-01-01&loc=castle&lad=E99999999&x=1`,
  );
  expect(await readTotal(page)).toBeGreaterThan(0);
  const text = await page.getByRole('list', {name: 'Notices'}).textContent();
  for (const part of [
    'hours=25-3',
    'from/to',
    'loc=castle',
    'lad=E99999999: not in this dataset',
    'x=1',
  ]) {
    expect(text).toContain(part);
  }
  expect(errors).toEqual([]);
  await close();
});

test('a data= that is no web address is dropped from the URL, so Copy link does not pass it on', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?data=javascript:alert(1)&hours=22-0&days=Sat`);
  expect(await readTotal(page)).toBeGreaterThan(0);
  await expect
    .poll(() => page.getByRole('list', {name: 'Notices'}).textContent())
    .toContain('Ignored data=javascript:alert(1)');
  // The rest is kept, in canonical form.
  expect(new URL(page.url()).search).toBe('?hours=22-24&days=sat');
  await close();
});

test('a filter set back to one already seen redraws at once, from the cache, with no view pending', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  const all = await readTotal(page);
  const friday = page.getByRole('button', {name: 'Fri', exact: true});
  const settled = () => viewsIdle(page);
  await friday.click();
  expect(await readTotal(page)).toBeLessThan(all);
  await settled();
  // Every view but the map (pending until WebGL has drawn, whatever the rows) notes going pending.
  await page.evaluate(() => {
    const w = window as unknown as {__pending: string[]};
    w.__pending = [];
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as Element;
        const went = r.oldValue === 'true' || el.getAttribute(r.attributeName!) === 'true';
        if (!went || el.closest('[data-testid="map"]')) continue;
        w.__pending.push(el.closest('section')?.getAttribute('aria-labelledby') ?? el.className);
      }
    }).observe(document.body, {
      subtree: true,
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ['aria-busy', 'data-pending'],
    });
  });
  await friday.click();
  expect(await readTotal(page)).toBe(all);
  await settled();
  expect(await page.evaluate(() => (window as unknown as {__pending: string[]}).__pending)).toEqual(
    [],
  );
  await close();
});
