/** The evidence pack opens from the profile, applies suppression, and prints to a clean A4 PDF. */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {resolve} from 'node:path';
import type {Browser} from 'playwright-core';
import {afterAll, beforeAll, expect, inject, test} from 'vitest';
import {parseCsv} from '../../src/views/export/csv';
import {labelOf} from '../../src/ui/labels';
import {exportFile, launchBrowser, openPage} from '../helpers/browser';
import {openDb, rows} from '../helpers/node-db';

const DATA = resolve(import.meta.dirname, '../../dist/data/west-midlands');
const OUTPUT = resolve(import.meta.dirname, '../output');
const QUERY = '?from=2024-01-01&to=2025-12-31&premises=P00145';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('the evidence pack: details, filters, suppressed counts, caveats, sources, PDF', async () => {
  const manifest = JSON.parse(readFileSync(`${DATA}/manifest.json`, 'utf8')) as {
    attribution: string[];
    disclosure: {min_count: number};
  };
  const min = manifest.disclosure.min_count;
  const con = await openDb();
  const monthly = await rows(
    con,
    `SELECT strftime("date", '%Y-%m') AS month, SUM(n) AS n
     FROM read_parquet('${DATA}/incidents-*.parquet')
     WHERE premises_id = 'P00145' AND "date" BETWEEN '2024-01-01' AND '2025-12-31'
     GROUP BY 1 ORDER BY 1`,
  );
  const small = monthly.filter((r) => Number(r.n) < min).length;
  expect(small).toBeGreaterThan(0);

  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/${QUERY}`);
  const profile = page.getByRole('region', {name: 'Premises profile: Cobalt Lounge'});
  await profile.and(page.locator('[data-state="ready"]')).waitFor({timeout: 60_000});
  await profile.getByRole('button', {name: 'Evidence pack'}).click();

  const pack = page.getByRole('dialog', {name: 'Evidence pack: Cobalt Lounge'});
  await pack.getByTestId('evidence-pack').and(page.locator('[data-state="ready"]')).waitFor();
  const text = (await pack.textContent()) ?? '';
  for (const expected of [
    'Licensing evidence pack',
    'CWC/PL/2015/00145',
    'Closing time',
    'Capacity',
    '1 Jan 2024 – 31 Dec 2025',
    'compared with 1 Jan 2022 – 31 Dec 2023',
    'counts are attendances, not crimes',
    'Small numbers fluctuate',
    'Synthetic data',
    'Generated ',
    ...manifest.attribution,
  ]) {
    expect(text).toContain(expected);
  }
  // Monthly table (2024 and 2025 rows): "<5" for small months, "*" for at most one complement
  // per year, exact counts otherwise.
  const cells = await pack
    .getByRole('table', {name: 'Attendances by month'})
    .locator('tbody td:not(.total)')
    .allTextContents();
  const byMonth = new Map(monthly.map((r) => [String(r.month), Number(r.n)]));
  const expected = [2024, 2025].flatMap((y) =>
    Array.from({length: 12}, (_, m) => byMonth.get(`${y}-${String(m + 1).padStart(2, '0')}`) ?? 0),
  );
  expect(cells).toHaveLength(24);
  cells.forEach((c, i) => {
    if (expected[i] > 0 && expected[i] < min) expect(c).toBe(`<${min}`);
    else if (c !== '*') expect(Number(c)).toBe(expected[i]);
  });
  expect(cells.filter((c) => c === `<${min}`)).toHaveLength(small);
  expect(cells.filter((c) => c === '*').length).toBeLessThanOrEqual(2);
  expect(await pack.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(5);

  // Print shows the pack alone, and the print button calls window.print().
  await page.emulateMedia({media: 'print'});
  expect(await page.locator('.app').isVisible()).toBe(false);
  expect(await pack.isVisible()).toBe(true);
  await page.emulateMedia({media: 'screen'});
  await page.evaluate(() => {
    window.print = () => void document.body.setAttribute('data-printed', '1');
  });
  await pack.getByRole('button', {name: 'Print or save as PDF'}).click();
  expect(await page.locator('body').getAttribute('data-printed')).toBe('1');

  mkdirSync(OUTPUT, {recursive: true});
  await page.emulateMedia({media: 'print'});
  const pdf = await page.pdf({format: 'A4', printBackground: true, preferCSSPageSize: true});
  writeFileSync(resolve(OUTPUT, 'evidence.pdf'), pdf);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(pages).toBeLessThanOrEqual(6);
  await page.emulateMedia({media: 'screen'});

  await pack.getByRole('button', {name: 'Close evidence pack'}).click();
  expect(await pack.count()).toBe(0);
  expect(await page.locator('body.pack-open').count()).toBe(0);

  // Modal: the keyboard stays in the pack, and Escape gives the focus back to its button.
  const opener = profile.getByRole('button', {name: 'Evidence pack'});
  await opener.click();
  await pack.getByRole('button', {name: 'Print or save as PDF'}).waitFor();
  // In the pack, or past its ends (the browser's own controls): never on the page behind it.
  const notBehind = `document.activeElement === document.body ||
    document.activeElement?.closest(".evidence-pack") !== null`;
  for (const key of ['Tab', 'Shift+Tab']) {
    await pack.getByRole('button', {name: 'Print or save as PDF'}).focus();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(key);
      expect(await page.evaluate(notBehind)).toBe(true);
    }
  }
  await page.keyboard.press('Escape');
  expect(await pack.count()).toBe(0);
  expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(errors).toEqual([]);
  await close();
});

test('the profile CSV: every chart of the premises, counts as in DuckDB, small ones withheld', async () => {
  const min = 5;
  const con = await openDb();
  const where = `premises_id = 'P00145' AND "date" BETWEEN '2024-01-01' AND '2025-12-31'`;
  const from = `FROM read_parquet('${DATA}/incidents-*.parquet') WHERE ${where}`;
  const monthly = await rows(
    con,
    `SELECT strftime("date", '%Y-%m') AS m, SUM(n) AS n ${from} GROUP BY 1 ORDER BY 1`,
  );
  const weapons = await rows(con, `SELECT weapon AS code, SUM(n) AS n ${from} GROUP BY 1`);
  const [{total}] = await rows(con, `SELECT SUM(n) AS total ${from}`);

  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/${QUERY}`);
  const profile = page.getByRole('region', {name: 'Premises profile: Cobalt Lounge'});
  await profile.and(page.locator('[data-state="ready"]')).waitFor({timeout: 60_000});
  const csv = await exportFile(page, 'Premises profile: Cobalt Lounge', 'CSV');
  expect(csv.name).toBe('premises-profile-cobalt-lounge_2024-01-01_2025-12-31.csv');
  const text = csv.body.toString('utf8');
  expect(text).toContain('# Premises P00145, under every filter.');
  const table = parseCsv(text);
  expect(table[0]).toEqual(['Section', 'Item', 'Attendances']);
  const section = (name: string) => table.filter((r) => r[0] === name);
  expect(section('Total')).toEqual([['Total', 'All attendances', String(total)]]);
  // Every month of the period, the native count or withheld: small ones always.
  const months = section('Month');
  expect(months.map((r) => r[1])).toEqual(monthly.map((r) => r.m));
  months.forEach((r, i) => {
    const n = Number(monthly[i].n);
    if (n < min) expect(r[2]).toBe(`<${min}`);
    else if (r[2] !== '*') expect(Number(r[2])).toBe(n);
  });
  expect(months.some((r) => r[2] === `<${min}`)).toBe(true);
  // The other charts: 24 hours in night order, seven days, the weapons, age and sex.
  expect(
    section('Hour of the assault')
      .slice(0, 2)
      .map((r) => r[1]),
  ).toEqual(['06:00', '07:00']);
  expect(section('Day of the week').map((r) => r[1])).toHaveLength(7);
  const shownWeapons = section('Weapon').filter((r) => /^\d+$/.test(r[2]));
  for (const r of shownWeapons) {
    const native = weapons.find((w) => labelOf(String(w.code)) === r[1]);
    expect(Number(r[2])).toBe(Number(native!.n));
  }
  expect(section('After closing')).toHaveLength(1);
  expect(section('Age band').length).toBeGreaterThan(2);
  expect(section('Sex').length).toBeGreaterThan(1);
  expect(errors).toEqual([]);
  await close();
});

test('hours the total would pin are withheld whole, in the profile and its CSV', async () => {
  // P00337 in 2021: 6 attendances, 5 at 23:00 and 1 with no recorded hour.
  const con = await openDb();
  const where = `premises_id = 'P00337' AND "date" BETWEEN '2021-01-01' AND '2021-12-31'`;
  const found = await rows(
    con,
    `SELECT "hour" AS h, SUM(n) AS n FROM read_parquet('${DATA}/incidents-*.parquet')
     WHERE ${where} GROUP BY 1 ORDER BY 1 NULLS LAST`,
  );
  expect(found).toEqual([
    {h: 23, n: 5},
    {h: null, n: 1},
  ]);
  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?from=2021-01-01&to=2021-12-31&premises=P00337`);
  const profile = page.getByRole('region', {name: /^Premises profile: /});
  await profile.and(page.locator('[data-state="ready"]')).waitFor({timeout: 60_000});
  const name = (await profile.getAttribute('aria-label'))!.replace('Premises profile: ', '');
  const table = parseCsv(
    (await exportFile(page, `Premises profile: ${name}`, 'CSV')).body.toString('utf8'),
  );
  expect(table.filter((r) => r[0] === 'Hour of the assault')).toEqual([
    ['Hour of the assault', 'Every hour, and after closing', 'withheld'],
  ]);
  expect(table.filter((r) => r[0] === 'After closing')).toEqual([]);
  // On screen in publication mode too.
  await page.getByRole('checkbox', {name: 'Publication mode'}).check();
  await expect
    .poll(() => profile.getByTestId('after-closing').textContent())
    .toContain('Hours withheld');
  expect(errors).toEqual([]);
  await close();
});
