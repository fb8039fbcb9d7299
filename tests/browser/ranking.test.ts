/** "Premises ranking" in the browser equals a hand-written ranking on native DuckDB over the Parquet. */
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, expect, inject, test} from 'vitest';
import {launchBrowser, openPage, readTotal} from '../helpers/browser';
import {openDb, rows} from '../helpers/node-db';

// The very files the page is served (the build copies data/ into dist/).
const DATA = resolve(import.meta.dirname, '../../dist/data/west-midlands');
const INCIDENTS = `read_parquet('${DATA}/incidents-*.parquet')`;
const PREMISES = `read_parquet('${DATA}/premises.parquet')`;
const night = `(CASE WHEN "hour" < 6 THEN "date" - INTERVAL 1 DAY ELSE "date" END)`;

/** URL, and the same filter written by hand (independently of src/data/sql). */
const CASES: [string, string][] = [
  ['', 'TRUE'],
  ['?from=2024-01-01&to=2025-12-31', `"date" BETWEEN '2024-01-01' AND '2025-12-31'`],
  [
    '?hours=22-4&days=fri,sat&night=1',
    `("hour" >= 22 OR "hour" <= 3) AND strftime(${night}, '%a') IN ('Fri', 'Sat')`,
  ],
  ['?lad=E08000025&weapon=glass_bottle', `lad_code = 'E08000025' AND weapon = 'glass_bottle'`],
];

interface ShownRow {
  id: string;
  rank: number;
  name: string;
  n: number;
  change: string;
  changeTitle: string;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The top `limit` premises by attendances (ties by name), with competition ranks. */
async function expectedTop(where: string, limit = 10) {
  const con = await openDb();
  return rows(
    con,
    `WITH i AS (SELECT * FROM ${INCIDENTS} WHERE ${where}),
     c AS (SELECT p.premises_id AS id, p.name, SUM(i.n) AS n
           FROM i JOIN ${PREMISES} p ON p.premises_id = i.premises_id GROUP BY ALL)
     SELECT rank() OVER (ORDER BY n DESC) AS rank, id, name, n FROM c
     ORDER BY n DESC, lower(name), id LIMIT ${limit}`,
  );
}

/** Wait for the ranking to settle and read its rows as shown. */
async function readRanking(page: Page): Promise<ShownRow[]> {
  const table = page.getByRole('table', {name: 'Premises ranking'});
  // Generous: a 2-core machine under load may take a while to start DuckDB-WASM.
  await table.and(page.locator('[data-state="ready"]')).waitFor({timeout: 90_000});
  await readTotal(page);
  return table.evaluate((t) => {
    const headers = [...t.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
    const col = (name: string) => headers.indexOf(name);
    return [...t.querySelectorAll('tbody tr[data-id]')].map((tr) => {
      const cells = [...tr.querySelectorAll(':scope > th, :scope > td')];
      const change = cells[col('Change')] as HTMLElement;
      return {
        id: (tr as HTMLElement).dataset.id!,
        rank: Number(cells[col('Rank')].textContent),
        name: tr.querySelector('.premises-button')!.textContent!,
        n: Number(cells[col('Attendances')].textContent!.replace(/,/g, '')),
        change: change.childNodes[0]?.textContent ?? '',
        changeTitle: change.title,
      };
    });
  });
}

test.each(CASES)('top 10 for "%s" equals native DuckDB', async (query, where) => {
  const expected = await expectedTop(where);
  expect(expected).toHaveLength(10);
  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/${query}`);
  const shown = await readRanking(page);
  expect(shown.map((r) => [r.rank, r.name, r.n])).toEqual(
    expected.map((r) => [r.rank, r.name, r.n]),
  );
  expect(errors).toEqual([]);
  await close();
});

test("each premises' sparkline shows its monthly attendances as native DuckDB counts them", async () => {
  const query = '?from=2024-01-01&to=2024-06-30&hours=22-4';
  const where = `"date" BETWEEN '2024-01-01' AND '2024-06-30' AND ("hour" >= 22 OR "hour" <= 3)`;
  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/${query}`);
  const shown = await readRanking(page);
  expect(shown.length).toBeGreaterThan(5);
  const texts = await page
    .getByRole('table', {name: 'Premises ranking'})
    .locator('tbody tr[data-id] td.spark-cell')
    .evaluateAll((cells) => cells.map((c) => (c as HTMLElement).title));
  const con = await openDb();
  const monthly = await rows(
    con,
    `SELECT premises_id AS id, month(date) AS m, CAST(SUM(n) AS INTEGER) AS n FROM ${INCIDENTS}
     WHERE ${where} AND premises_id IS NOT NULL GROUP BY ALL`,
  );
  shown.forEach((row, i) => {
    const series = [1, 2, 3, 4, 5, 6].map((m) =>
      Number(monthly.find((r) => r.id === row.id && r.m === m)?.n ?? 0),
    );
    const [label, values] = texts[i].split(': ');
    expect(label).toBe('Monthly attendances, Jan 2024 to Jun 2024');
    // A count of 1-4 reads "<5" where the dataset asks for suppression.
    values.split(', ').forEach((token, k) => {
      expect(
        token === String(series[k]) || (token === '<5' && series[k] > 0 && series[k] < 5),
      ).toBe(true);
    });
    expect(values.split(', ')).toHaveLength(6);
  });
  expect(errors).toEqual([]);
  await close();
});

test('table headers and the change against the previous equal period', async () => {
  const con = await openDb();
  const [top] = await expectedTop(`"date" BETWEEN '2024-01-01' AND '2024-12-31'`, 1);
  const [{prev}] = await rows(
    con,
    `SELECT SUM(n) AS prev FROM ${INCIDENTS}
     WHERE premises_id = '${top.id}' AND "date" BETWEEN '2023-01-01' AND '2023-12-31'`,
  );
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?from=2024-01-01&to=2024-12-31`);
  const [first] = await readRanking(page);
  const table = page.getByRole('table', {name: 'Premises ranking'});
  for (const name of ['Rank', 'Premises', 'Local authority', 'Attendances', 'Change']) {
    await expect.poll(() => table.getByRole('columnheader', {name, exact: true}).count()).toBe(1);
  }
  expect(first.name).toBe(top.name);
  expect(first.changeTitle).toContain(`${top.n} against ${prev} in 1 Jan 2023 – 31 Dec 2023`);
  expect(first.changeTitle).toMatch(/exact test for two Poisson counts, p = [0-9.e-]+/);
  const pct = ((Number(top.n) / Number(prev) - 1) * 100).toFixed(1);
  expect(first.change).toContain(`${Math.abs(Number(pct)).toFixed(1)}%`);
  await close();
});

/** Three page loads: give each the browser project's usual two minutes. */
const PLANTED_TIMEOUT_MS = 360_000;

test(
  'planted problem premises rank where truth.json says',
  async () => {
    const truth = JSON.parse(readFileSync(`${DATA}/truth.json`, 'utf8')) as {
      problem_premises: {
        premises_id: string;
        pattern: string;
        period: {start: string; end: string};
        expected_rank_top: number;
      }[];
    };
    const {page, close} = await openPage(browser);
    const urlOf = (p: {period: {start: string; end: string}}) =>
      `?from=${p.period.start}&to=${p.period.end}`;
    const urls = new Set(truth.problem_premises.map(urlOf));
    expect(urls.size).toBe(3);
    for (const url of urls) {
      await page.goto(`${inject('baseUrl')}/${url}`);
      const shown = await readRanking(page);
      for (const p of truth.problem_premises.filter((q) => urlOf(q) === url)) {
        const row = shown.find((r) => r.id === p.premises_id);
        expect(row, `${p.premises_id} (${p.pattern}) in the first page`).toBeDefined();
        expect(row!.rank, `${p.premises_id} (${p.pattern})`).toBeLessThanOrEqual(
          p.expected_rank_top,
        );
      }
    }
    await close();
  },
  PLANTED_TIMEOUT_MS,
);

test('sorts by a header button with aria-sort, searches by name, pages in SQL', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  const first = await readRanking(page);
  const table = page.getByRole('table', {name: 'Premises ranking'});
  const rankHeader = table.getByRole('columnheader', {name: 'Rank', exact: true});
  expect(await rankHeader.getAttribute('aria-sort')).toBe('ascending');

  await table.getByRole('button', {name: 'Attendances', exact: true}).click();
  const attendancesHeader = table.getByRole('columnheader', {name: 'Attendances', exact: true});
  await expect.poll(() => attendancesHeader.getAttribute('aria-sort')).toBe('descending');
  await table.getByRole('button', {name: 'Attendances', exact: true}).click();
  await expect.poll(() => attendancesHeader.getAttribute('aria-sort')).toBe('ascending');
  const ascending = await readRanking(page);
  expect(ascending.every((r, i) => i === 0 || ascending[i - 1].n <= r.n)).toBe(true);
  expect(ascending[0].n).toBe(1);

  await page.getByRole('searchbox', {name: 'Search premises'}).fill('pulse');
  await expect
    .poll(async () => (await readRanking(page)).map((r) => r.name))
    .toContain('The Pulse Rooms');
  const found = await readRanking(page);
  expect(found.every((r) => r.name.toLowerCase().includes('pulse'))).toBe(true);
  expect(found.find((r) => r.name === 'The Pulse Rooms')!.rank).toBe(
    first.find((r) => r.name === 'The Pulse Rooms')!.rank,
  );

  await page.getByRole('searchbox', {name: 'Search premises'}).fill('');
  await table.getByRole('button', {name: 'Rank', exact: true}).click();
  await expect.poll(() => rankHeader.getAttribute('aria-sort')).toBe('ascending');
  const pager = page.getByRole('navigation', {name: 'Ranking pages'});
  await expect.poll(() => pager.textContent()).toMatch(/Page 1 of \d+/);
  await pager.getByRole('button', {name: 'Next page'}).click();
  await expect.poll(() => pager.textContent()).toMatch(/Page 2 of \d+/);
  const second = await readRanking(page);
  const expected = await expectedTop('TRUE', 20);
  expect(second.map((r) => r.name)).toEqual(expected.slice(10).map((r) => r.name));
  await close();
});

test('rank by rate per 100 capacity lists only premises of known capacity', async () => {
  const con = await openDb();
  const expected = await rows(
    con,
    `SELECT p.name, SUM(i.n) * 100.0 / p.capacity AS rate FROM ${INCIDENTS} i
     JOIN ${PREMISES} p ON p.premises_id = i.premises_id WHERE p.capacity > 0
     GROUP BY p.premises_id, p.name, p.capacity ORDER BY rate DESC, lower(p.name) LIMIT 10`,
  );
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  await readRanking(page);
  await page.getByRole('checkbox', {name: 'Rank by rate per 100 capacity'}).check();
  await expect
    .poll(() => page.getByRole('columnheader', {name: 'Per 100 capacity'}).count())
    .toBe(1);
  await expect
    .poll(async () => (await readRanking(page)).map((r) => r.name))
    .toEqual(expected.map((r) => r.name));
  await close();
});

test('a row focuses its premises: premises= in the URL, a profile that closes again', async () => {
  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?from=2024-01-01&to=2025-12-31`);
  const [top] = await readRanking(page);
  const button = page.getByRole('button', {name: top.name, exact: true}).first();
  await button.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('premises')).toBe(top.id);
  const profile = page.getByRole('region', {name: `Premises profile: ${top.name}`});
  await profile.and(page.locator('[data-state="ready"]')).waitFor();
  expect(await profile.getByTestId('after-closing').textContent()).toMatch(/after closing/);
  await profile.getByRole('button', {name: 'Close profile'}).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('premises')).toBe(null);
  expect(await profile.count()).toBe(0);
  // Focused again after the map moved away, the map flies to it again (street level: res 9).
  const legend = page.getByRole('group', {name: 'Map legend'});
  await expect.poll(() => legend.textContent()).toContain('H3 resolution 9');
  for (let i = 0; i < 5; i++) await page.getByRole('button', {name: 'Zoom out'}).click();
  await expect.poll(() => legend.textContent()).not.toContain('H3 resolution 9');
  await button.click();
  await expect.poll(() => legend.textContent()).toContain('H3 resolution 9');
  expect(errors).toEqual([]);
  await close();
});

test('premises= on load opens the profile, filtered like everything else', async () => {
  const con = await openDb();
  const [{n}] = await rows(
    con,
    `SELECT SUM(n) AS n FROM ${INCIDENTS} WHERE premises_id = 'P00145'
     AND "date" BETWEEN '2024-01-01' AND '2025-12-31' AND weapon = 'glass_bottle'`,
  );
  const {page, close} = await openPage(browser);
  await page.goto(
    `${inject('baseUrl')}/?from=2024-01-01&to=2025-12-31&weapon=glass_bottle&premises=P00145`,
  );
  const profile = page.getByRole('region', {name: 'Premises profile: Cobalt Lounge'});
  await profile.and(page.locator('[data-state="ready"]')).waitFor({timeout: 60_000});
  const weapons = profile.getByRole('table', {name: 'Attendances by weapon'});
  await expect.poll(() => weapons.locator('tbody tr').count()).toBe(1);
  expect(await weapons.locator('tbody tr td').first().textContent()).toBe(String(n));
  await close();
});

test('a focused premises: the map says it is settled only once it has flown there', async () => {
  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?from=2024-01-01&to=2025-12-31&premises=P00145`);
  await readTotal(page);
  await page.waitForSelector('[data-testid="map"][data-pending="false"]', {timeout: 60_000});
  // Street level at once, not the region's resolution of a map still in flight.
  const legend = page.getByRole('group', {name: 'Map legend'});
  expect(await legend.textContent()).toContain('H3 resolution 9');
  expect(errors).toEqual([]);
  await close();
});

test('a second premises focused mid-flight, and a flight with reduced motion, both settle', async () => {
  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?from=2024-01-01&to=2025-12-31`);
  const [first, second] = await readRanking(page);
  await page.waitForSelector('[data-testid="map"][data-pending="false"]');
  await page.getByRole('button', {name: first.name, exact: true}).first().click();
  // The second while the map is still flying to the first (a flight takes 1.2 s).
  await page.waitForTimeout(300);
  await page.getByRole('button', {name: second.name, exact: true}).first().click();
  await expect.poll(() => new URL(page.url()).searchParams.get('premises')).toBe(second.id);
  await page.waitForSelector('[data-testid="map"][data-pending="false"]', {timeout: 30_000});
  const legend = page.getByRole('group', {name: 'Map legend'});
  expect(await legend.textContent()).toContain('H3 resolution 9');
  // Reduced motion: the flight is a jump, ended inside flyTo; the zoom still follows it.
  await page.emulateMedia({reducedMotion: 'reduce'});
  await page.goto(`${inject('baseUrl')}/?premises=P00145`);
  await readTotal(page);
  await page.waitForSelector('[data-testid="map"][data-pending="false"]', {timeout: 30_000});
  expect(await legend.textContent()).toContain('H3 resolution 9');
  expect(errors).toEqual([]);
  await close();
});
