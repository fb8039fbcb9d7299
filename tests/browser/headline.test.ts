/** "Total attendances" in the browser equals the same query on native DuckDB over the Parquet. */
import {resolve} from 'node:path';
import type {Browser} from 'playwright-core';
import {afterAll, beforeAll, expect, inject, test} from 'vitest';
import {answered, launchBrowser, openPage, readTotal, RECORD_SQL} from '../helpers/browser';
import {openDb, rows, scalar} from '../helpers/node-db';
import {ROLLUPS_BUILT, STAGE_MARK} from '../../src/data/progress';

// The very files the page is served (the build copies data/ into dist/).
const PARQUET = resolve(import.meta.dirname, '../../dist/data/west-midlands/incidents-*.parquet');
const night = `(CASE WHEN "hour" < 6 THEN "date" - INTERVAL 1 DAY ELSE "date" END)`;

/** URL, and the same filter written by hand (independently of src/data/sql). */
const CASES: [string, string][] = [
  ['', 'TRUE'],
  ['?from=2024-01-01&to=2024-12-31', `"date" BETWEEN '2024-01-01' AND '2024-12-31'`],
  ['?hours=22-4', `("hour" >= 22 OR "hour" <= 3)`],
  [
    '?hours=22-4&days=fri,sat&night=1',
    `("hour" >= 22 OR "hour" <= 3) AND strftime(${night}, '%a') IN ('Fri', 'Sat')`,
  ],
  ['?loc=licensed_premises', `location_type = 'licensed_premises'`],
  [
    '?from=2023-06-01&to=2023-08-31&lad=E08000025&weapon=knife_sharp,glass_bottle&sex=male',
    `"date" BETWEEN '2023-06-01' AND '2023-08-31' AND lad_code = 'E08000025'
     AND weapon IN ('knife_sharp', 'glass_bottle') AND sex = 'male'`,
  ],
  [
    '?from=2025-01-05&to=2025-03-31&days=sun&night=1&age=18-24,25-34',
    `${night} BETWEEN '2025-01-05' AND '2025-03-31' AND strftime(${night}, '%a') = 'Sun'
     AND age_band IN ('18-24', '25-34')`,
  ],
  [
    '?hours=0-6&loc=home&rel=partner_ex,family',
    `"hour" BETWEEN 0 AND 5 AND location_type = 'home' AND relationship IN ('partner_ex', 'family')`,
  ],
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Datasets of 3M rows and more are stored compressed; this forces it for the default one. */
const COMPRESSED = 'window.__VSD_COMPRESS_FROM_ROWS__ = 0;';

test.each([
  ...CASES.map(([q, w]) => [q, false, w] as const),
  ...CASES.slice(0, 4).map(([q, w]) => [q, true, w] as const),
])(
  'Total attendances for "%s" (stored compressed: %s) equal native DuckDB',
  async (query, compressed, where) => {
    const con = await openDb();
    const expected = await scalar(
      con,
      `SELECT COALESCE(SUM(n), 0) FROM read_parquet('${PARQUET}') WHERE ${where}`,
    );
    expect(expected).toBeGreaterThan(0);
    const {page, errors, close} = await openPage(browser);
    // With compression forced, the SQL answered shows where the tables were created.
    if (compressed) await page.addInitScript({content: `${COMPRESSED}\n${RECORD_SQL}`});
    await page.goto(`${inject('baseUrl')}/${query}`);
    expect(await readTotal(page)).toBe(expected);
    if (compressed) {
      // The rollups too; a compressed dataset is big, so they are built in the load, before
      // the views' first query (no view stands in for them).
      const sql = await answered(page);
      const at = (start: string) => sql.findIndex((q) => q.startsWith(start));
      expect(at('CREATE OR REPLACE TABLE "vsd"."_next_incidents"')).toBeGreaterThan(-1);
      const built = at('CREATE OR REPLACE TABLE "vsd"."_next_incidents_by_hour_lad"');
      expect(built).toBeGreaterThan(-1);
      expect(built).toBeLessThan(sql.findIndex((q) => q.includes(' AS total')));
      expect(at('CREATE VIEW')).toBe(-1);
      const mark = (name: string) =>
        page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime, STAGE_MARK + name);
      expect(await mark(ROLLUPS_BUILT)).toBeLessThan((await mark('Ready'))!);
    }
    expect(new URL(page.url()).search).toBe(query);
    expect(errors).toEqual([]);
    await close();
  },
);

test('the change against the previous equal period and the unknown-hour note', async () => {
  const con = await openDb();
  const sum = (where: string) =>
    scalar(con, `SELECT COALESCE(SUM(n), 0) FROM read_parquet('${PARQUET}') WHERE ${where}`);
  const window = `("hour" >= 22 OR "hour" <= 3)`;
  const current = await sum(`"date" BETWEEN '2024-01-01' AND '2024-12-31' AND ${window}`);
  const previous = await sum(`"date" BETWEEN '2023-01-01' AND '2023-12-31' AND ${window}`);
  const unknown = await sum(`"date" BETWEEN '2024-01-01' AND '2024-12-31' AND "hour" IS NULL`);
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?from=2024-01-01&to=2024-12-31&hours=22-4`);
  expect(await readTotal(page)).toBe(current);
  const change = page.getByLabel('Change against the previous equal period');
  await expect.poll(() => change.textContent()).toContain(previous.toLocaleString('en-GB'));
  const pct = ((current / previous - 1) * 100).toFixed(1);
  expect(await change.textContent()).toContain(`${Math.abs(Number(pct)).toFixed(1)}%`);
  expect(await page.getByTestId('unknown-hour-note').textContent()).toContain(
    unknown.toLocaleString('en-GB'),
  );
  await close();
});

test('area rates with a date filter reaching past the data equal those without one', async () => {
  const {page, close} = await openPage(browser);
  const table = async (query: string) => {
    await page.goto(`${inject('baseUrl')}/${query}`);
    await readTotal(page);
    const rows = page.getByRole('table', {name: 'Area comparison'}).locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    return rows.allTextContents();
  };
  const all = await table('');
  expect(all.some((r) => r.includes('Birmingham'))).toBe(true);
  // The same attendances over the same days: the rates must not be spread over years of no data.
  expect(await table('?from=2019-01-01&to=2027-12-31')).toEqual(all);
  await close();
});

test('dates wholly outside the data: zero, no comparison, no reversed range, no error', async () => {
  const {page, errors, close} = await openPage(browser);
  for (const [query, chip] of [
    ['?from=2030-01-01', 'from 1 Jan 2030'],
    ['?to=2020-06-01', 'until 1 Jun 2020'],
  ]) {
    await page.goto(`${inject('baseUrl')}/${query}`);
    expect(await readTotal(page)).toBe(0);
    await expect
      .poll(() => page.getByLabel('Change against the previous equal period').textContent())
      .toContain("No comparison: none of the data's dates are in the chosen range.");
    expect(await page.locator('.chip').first().textContent()).toContain(chip);
  }
  expect(errors).toEqual([]);
  await close();
});

test('area counts equal DuckDB, from one query the map, comparison and small multiples share', async () => {
  const where = `"hour" >= 22 OR "hour" < 4`;
  const expected = await rows(
    await openDb(),
    `SELECT lad_code AS code, SUM(n) AS n FROM read_parquet('${PARQUET}')
     WHERE (${where}) AND location_type = 'street' AND lad_code IS NOT NULL GROUP BY 1 ORDER BY 1`,
  );
  const {page, errors, close} = await openPage(browser);
  await page.addInitScript({content: RECORD_SQL});
  await page.goto(`${inject('baseUrl')}/?hours=22-4&night=1&loc=street`);
  await readTotal(page);
  const table = page.getByRole('table', {name: 'Area comparison'});
  await expect.poll(() => table.locator('tbody tr').count()).toBe(expected.length);
  // Each area's attendances (the second cell) as DuckDB counts them.
  const shown = new Map(
    (await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('th')?.textContent ?? '',
          Number((tr.querySelectorAll('td')[0]?.textContent ?? '').replace(/,/g, '')),
        ]),
      )) as [string, number][],
  );
  const names = {
    E08000025: 'Birmingham',
    E08000026: 'Coventry',
    E08000027: 'Dudley',
    E08000028: 'Sandwell',
    E08000029: 'Solihull',
    E08000030: 'Walsall',
    E08000031: 'Wolverhampton',
  } as Record<string, string>;
  for (const r of expected) expect(shown.get(names[String(r.code)])).toBe(Number(r.n));
  // The local-authority rollup is read once under these filters, not once per view.
  await page.waitForFunction(() => !document.querySelector('[data-pending="true"]'));
  const lad = (await answered(page)).filter(
    (q) => q.includes('"incidents_by_hour_lad"') && q.includes('hour >= 22'),
  );
  expect(lad).toHaveLength(1);
  expect(errors).toEqual([]);
  await close();
});
