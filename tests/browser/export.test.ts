/** Exports carry their caption and suppression; images are not blank; presenter mode steps views. */
import {resolve} from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, expect, inject, test} from 'vitest';
import {parseCsv} from '../../src/views/export/csv';
import {breakSql, exportFile, launchBrowser, openPage, readTotal} from '../helpers/browser';
import {openDb, rows, scalar} from '../helpers/node-db';
import {decodePng, distinctColours, isWarm, pixelShare} from '../helpers/pixels';

const PARQUET = resolve(import.meta.dirname, '../../dist/data/west-midlands/incidents-*.parquet');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Attendances by weapon in native DuckDB, in the breakdown's order. */
async function weaponCounts(from: string, to: string, lad: string) {
  return rows(
    await openDb(),
    `SELECT weapon AS code, SUM(n) AS n FROM read_parquet('${PARQUET}')
     WHERE "date" BETWEEN '${from}' AND '${to}' AND lad_code = '${lad}'
     GROUP BY 1 ORDER BY n DESC, code`,
  );
}

test('the breakdowns CSV equals the view data with small numbers suppressed', async () => {
  // A week in one district: small counts, so suppression matters.
  const query = '?from=2024-06-03&to=2024-06-09&lad=E08000030';
  const expected = await weaponCounts('2024-06-03', '2024-06-09', 'E08000030');
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/${query}`);
  await readTotal(page);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  const {name, body} = await exportFile(page, 'Breakdowns', 'CSV');
  expect(name).toBe('breakdowns_2024-06-03_2024-06-09.csv');
  const text = body.toString('utf8');
  expect(text).toContain('# Period: 3 Jun 2024 – 9 Jun 2024');
  expect(text).toContain('# Filters: Local authority Walsall');
  expect(text).toContain('SYNTHETIC DATA');
  const weapons = parseCsv(text).filter((r) => r[0] === 'Weapon');
  expect(weapons.map((r) => r[1])).toEqual(expected.map((r) => r.code));
  const small = expected.filter((r) => Number(r.n) < 5);
  weapons.forEach((r, i) => {
    const n = Number(expected[i].n);
    // A count withheld to protect a small one is "*": it is not small, so not "<5".
    if (n < 5) expect(r[3]).toBe('<5');
    else if (r[3] !== '*') expect(Number(r[3])).toBe(n);
  });
  // Secondary suppression: never exactly one hidden count beside the shares' total.
  const hidden = weapons.filter((r) => r[3] === '<5' || r[3] === '*').length;
  expect(hidden === 0 || hidden >= 2).toBe(true);
  expect(hidden).toBeGreaterThanOrEqual(small.length);
  await close();
});

test('a count withheld to protect a small one is written "*", not "<5"', async () => {
  // One small weapon count in this week: the next smallest (7 here) is withheld with it.
  const expected = await weaponCounts('2024-05-06', '2024-05-12', 'E08000025');
  const counts = expected.map((r) => Number(r.n));
  expect(counts.filter((n) => n < 5)).toHaveLength(1);
  const complement = Math.min(...counts.filter((n) => n >= 5));
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?from=2024-05-06&to=2024-05-12&lad=E08000025`);
  await readTotal(page);
  const text = (await exportFile(page, 'Breakdowns', 'CSV')).body.toString('utf8');
  expect(text).toContain('* marks a count withheld so that a small one cannot be worked out');
  const weapons = parseCsv(text).filter((r) => r[0] === 'Weapon');
  expect(weapons.map((r) => r[3])).toEqual(
    counts.map((n) => (n < 5 ? '<5' : n === complement ? '*' : String(n))),
  );
  await close();
});

test('"*" is at least 5: beside a "<5" it cannot leave the two to be worked out', async () => {
  // Body 16, knife 5, unknown 1 (total 22): hiding 5 and 1 would leave 22 - 16 = 6 = 5 + 1.
  const expected = await weaponCounts('2024-01-29', '2024-02-04', 'E08000031');
  expect(expected.map((r) => Number(r.n))).toEqual([16, 5, 1]);
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?from=2024-01-29&to=2024-02-04&lad=E08000031`);
  await readTotal(page);
  const text = (await exportFile(page, 'Breakdowns', 'CSV')).body.toString('utf8');
  const weapons = parseCsv(text).filter((r) => r[0] === 'Weapon');
  expect(weapons.map((r) => r[3])).toEqual(['*', '*', '<5']);
  await close();
});

test('the trend SVG parses and carries its caption; its PNG is not blank', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?loc=street`);
  await readTotal(page);
  const svg = await exportFile(page, 'Trend over time', 'SVG');
  expect(svg.name).toBe('trend-over-time_2021-01-01_2025-12-31.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      text: doc.documentElement.textContent,
    };
  }, svg.body.toString('utf8'));
  expect(parsed.error).toBeNull();
  expect(parsed.text).toContain('Trend over time: West Midlands');
  expect(parsed.text).toContain('Filters: Location type Street');
  const png = await exportFile(page, 'Trend over time', 'PNG (2×)');
  const image = decodePng(png.body);
  expect(image.width).toBeGreaterThan(900); // 2x
  expect(distinctColours(image)).toBeGreaterThan(10);
  await close();
});

test('the map PNG holds the basemap and hexagon pixels', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  await page.waitForSelector('[data-testid="map"][data-pending="false"]');
  await page.waitForTimeout(1000);
  const png = await exportFile(page, 'Hotspot map', 'PNG (2×)');
  expect(png.name).toBe('hotspot-map_2021-01-01_2025-12-31.png');
  const image = decodePng(png.body);
  expect(pixelShare(image, isWarm)).toBeGreaterThan(0.05);
  await close();
});

/** An exported SVG parsed in the page: parse error, text, and what `probe` reads of it. */
async function parseSvg(page: Page, text: string) {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const paths = (sel: string) =>
      [...doc.querySelectorAll(sel)].map((p) => p.getAttribute('d') ?? '');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      text: doc.documentElement.textContent ?? '',
      texts: [...doc.querySelectorAll('text')].map((e) => e.textContent ?? ''),
      hexagons: paths('g.hexagons path'),
      fills: [
        ...new Set([...doc.querySelectorAll('g.hexagons path')].map((p) => p.getAttribute('fill'))),
      ],
      selected: paths('path.selected-cells'),
      bars: doc.querySelectorAll('rect[fill="#4a78a8"]').length,
    };
  }, text);
}

test('the breakdowns SVG and PNG withhold what the CSV withholds', async () => {
  // One small weapon count in this week, and one withheld to protect it.
  const expected = await weaponCounts('2024-05-06', '2024-05-12', 'E08000025');
  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?from=2024-05-06&to=2024-05-12&lad=E08000025`);
  await readTotal(page);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  const csv = parseCsv((await exportFile(page, 'Breakdowns', 'CSV')).body.toString('utf8'));
  const svg = await exportFile(page, 'Breakdowns', 'SVG');
  expect(svg.name).toBe('breakdowns_2024-05-06_2024-05-12.svg');
  const parsed = await parseSvg(page, svg.body.toString('utf8'));
  expect(parsed.error).toBeNull();
  expect(parsed.text).toContain('Breakdowns: West Midlands');
  expect(parsed.text).toContain('Filters: Local authority Birmingham');
  // Every value of every dimension, as the CSV writes it; a withheld one has no bar.
  const values = csv.filter((r) => r[0] !== 'Dimension' && r.length === 5 && !r[0].startsWith('#'));
  const shown = (r: string[]) =>
    `${Number(r[3]).toLocaleString('en-GB')} (${Number(r[4]).toFixed(1)}%)`;
  const texts = values.map((r) => (r[3] === '<5' || r[3] === '*' ? r[3] : shown(r)));
  for (const t of texts) expect(parsed.texts).toContain(t);
  expect(parsed.bars).toBe(
    values.filter((r) => r[3] !== '<5' && r[3] !== '*' && Number(r[3]) > 0).length,
  );
  // The weapons: the native counts, with the small one and its complement withheld.
  const weapons = values.filter((r) => r[0] === 'Weapon');
  expect(weapons.map((r) => r[1])).toEqual(expected.map((r) => r.code));
  expect(weapons.filter((r) => r[3] === '<5')).toHaveLength(1);
  expect(weapons.filter((r) => r[3] === '*')).toHaveLength(1);
  for (const r of expected.filter((e) => Number(e.n) < 5)) {
    expect(parsed.texts.some((t) => t.startsWith(`${r.n} (`))).toBe(false);
  }
  const png = decodePng((await exportFile(page, 'Breakdowns', 'PNG (2×)')).body);
  expect(png.width).toBeGreaterThan(1800); // 2x
  expect(distinctColours(png)).toBeGreaterThan(10);
  expect(errors).toEqual([]);
  await close();
});

test('the map SVG draws every hexagon on screen, the selection and the basemap credit', async () => {
  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  await page.waitForSelector('[data-testid="map"][data-pending="false"]');
  await page.locator('.busiest summary').click();
  const cell = (await page.locator('tr[data-cell]').first().getAttribute('data-cell'))!;
  await page.goto(`${inject('baseUrl')}/?cells=${cell}`);
  await readTotal(page);
  await page.waitForSelector('[data-testid="map"][data-pending="false"]');
  const drawn = Number(await page.getByTestId('map').getAttribute('data-hexagons'));
  expect(drawn).toBeGreaterThan(100);
  const svg = await exportFile(page, 'Hotspot map', 'SVG');
  expect(svg.name).toBe('hotspot-map_2021-01-01_2025-12-31.svg');
  const parsed = await parseSvg(page, svg.body.toString('utf8'));
  expect(parsed.error).toBeNull();
  // The map is fitted to the region: every hexagon is in view, a closed six-sided path.
  expect(parsed.hexagons).toHaveLength(drawn);
  for (const d of parsed.hexagons) expect(d).toMatch(/^M[^M]*Z$/);
  // Colours of the count classes, the darkest included (the busiest cell).
  expect(parsed.fills).toContain('rgb(189,0,38)');
  expect(parsed.selected).toHaveLength(1);
  expect(parsed.selected[0].split('L')).toHaveLength(6);
  expect(parsed.text).toContain('Attendances per hexagon (H3 res 7)');
  expect(parsed.text).toContain('Basemap: Boundaries: contains OS and ONS data');
  expect(parsed.text).toContain('Birmingham');
  expect(errors).toEqual([]);
  await close();
});

/** A page in presenter mode with these saved views, loaded. */
async function openPresenter(views: {name: string; search: string}[]) {
  const opened = await openPage(browser);
  await opened.page.addInitScript(
    (v) => localStorage.setItem('vsd.savedViews', JSON.stringify({views: v})),
    views,
  );
  await opened.page.goto(`${inject('baseUrl')}/?present=1`);
  await readTotal(opened.page);
  return opened;
}

test('presenter mode steps through three saved views with the keyboard', async () => {
  const views = [
    {name: 'Night-time economy', search: '?hours=22-4&days=fri,sat&night=1'},
    {
      name: 'Licensed premises 2024',
      search: '?from=2024-01-01&to=2024-12-31&loc=licensed_premises',
    },
    {name: 'Knives in Birmingham', search: '?lad=E08000025&weapon=knife_sharp'},
  ];
  const night = `(CASE WHEN "hour" < 6 THEN "date" - INTERVAL 1 DAY ELSE "date" END)`;
  const where = [
    `("hour" >= 22 OR "hour" <= 3) AND strftime(${night}, '%a') IN ('Fri', 'Sat')`,
    `"date" BETWEEN '2024-01-01' AND '2024-12-31' AND location_type = 'licensed_premises'`,
    `lad_code = 'E08000025' AND weapon = 'knife_sharp'`,
  ];
  const con = await openDb();
  const {page, close} = await openPresenter(views);
  await expect.poll(() => page.getByRole('region', {name: 'Presenter'}).isVisible()).toBe(true);
  for (let i = 0; i < 3; i++) {
    await page.locator('body').click({position: {x: 5, y: 5}});
    await page.keyboard.press('ArrowRight');
    const params = new URLSearchParams(views[i].search);
    params.set('present', '1');
    await expect
      .poll(() => new URL(page.url()).search)
      .toBe(`?${params.toString().replace(/%2C/g, ',')}`);
    const expected = await scalar(
      con,
      `SELECT SUM(n) FROM read_parquet('${PARQUET}') WHERE ${where[i]}`,
    );
    expect(await readTotal(page)).toBe(expected);
    await expect.poll(() => page.getByText(`View ${i + 1} of 3: ${views[i].name}`).count()).toBe(1);
  }
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => page.getByText('View 2 of 3').count()).toBe(1);
  await close();
});

test('the ranking CSV holds every premises of the ranking, in rank order, counts as in DuckDB', async () => {
  const con = await openDb();
  const premises = PARQUET.replace('incidents-*', 'premises');
  const expected = await rows(
    con,
    `SELECT premises_id, p.name, SUM(i.n) AS n FROM read_parquet('${PARQUET}') i
     JOIN read_parquet('${premises}') p USING (premises_id)
     WHERE i."date" BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY ALL ORDER BY n DESC, p.name`,
  );
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?from=2025-01-01&to=2025-12-31`);
  await readTotal(page);
  const csv = await exportFile(page, 'Premises ranking', 'CSV');
  expect(csv.name).toBe('premises-ranking_2025-01-01_2025-12-31.csv');
  const table = parseCsv(csv.body.toString('utf8'));
  expect(table[0].slice(0, 3)).toEqual(['Rank', 'Premises id', 'Premises']);
  const body = table.slice(1);
  expect(body).toHaveLength(expected.length);
  body.slice(0, 20).forEach((r, i) => {
    expect(r[2]).toBe(expected[i].name);
    expect(r[7]).toBe(String(expected[i].n));
  });
  for (const [i, r] of body.entries()) {
    if (Number(expected[i].n) < 5) expect(r[7]).toBe('<5');
  }
  await close();
});

test('presenter mode moves the map to each saved camera, and a pan does not lose its place', async () => {
  const views = [
    {name: 'Birmingham streets', search: '?loc=street&view=52.4800,-1.9000,13.00'},
    {name: 'Coventry knives', search: '?weapon=knife_sharp&view=52.4080,-1.5100,12.50'},
  ];
  const {page, close} = await openPresenter(views);
  await page.waitForSelector('[data-testid="map"][data-pending="false"]');
  const box = (await page.getByTestId('map').boundingBox())!;
  /** Drag the map a little: the URL then holds the camera as the map has it. */
  const nudge = async () => {
    const before = page.url();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 12, box.y + box.height / 2, {steps: 3});
    await page.mouse.up();
    await expect.poll(() => page.url()).not.toBe(before);
    return new URL(page.url()).searchParams.get('view')!.split(',').map(Number);
  };
  for (const [i, v] of views.entries()) {
    await page.locator('body').click({position: {x: 5, y: 5}});
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByText(`View ${i + 1} of 2: ${v.name}`).count()).toBe(1);
    await page.waitForSelector('[data-testid="map"][data-pending="false"]');
    const [lat, lon, zoom] = new URLSearchParams(v.search).get('view')!.split(',').map(Number);
    const [lat2, lon2, zoom2] = await nudge();
    expect(zoom2).toBe(zoom);
    expect(Math.abs(lat2 - lat)).toBeLessThan(0.01);
    expect(Math.abs(lon2 - lon)).toBeLessThan(0.01);
    // After the pan the presenter is still at this view, changed.
    await expect
      .poll(() => page.getByText(`View ${i + 1} of 2: ${v.name} (changed since)`).count())
      .toBe(1);
  }
  // From the panned second view, back goes to the first (not to the start).
  await page.locator('body').click({position: {x: 5, y: 5}});
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => page.getByText(`View 1 of 2: ${views[0].name}`).count()).toBe(1);
  // An arrow key on the map pans it, and steps no view.
  await page.locator('.maplibregl-canvas').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(1000);
  expect(await page.getByText(`View 2 of 2`).count()).toBe(0);
  expect(new URL(page.url()).searchParams.get('loc')).toBe('street');
  await close();
});

test('withheld breakdown rows come last, and a "*" at most the smallest count shown is protected', async () => {
  // Location types in this week: 58, 31, 26, 9, 8, 8, 4, 4 (total 148). Withholding 4, 4 and one
  // 8 would leave 16 = 4 + 4 + 8, their most: the second 8 is withheld too.
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?from=2024-05-06&to=2024-05-12&lad=E08000025`);
  await readTotal(page);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  const csv = parseCsv((await exportFile(page, 'Breakdowns', 'CSV')).body.toString('utf8'));
  const loc = csv.filter((r) => r[0] === 'Location type');
  expect(loc.map((r) => r[3])).toEqual(['58', '31', '26', '9', '*', '*', '<5', '<5']);
  // Withheld rows by code, not by count: their place says nothing of their size.
  expect(loc.slice(4).map((r) => r[1])).toEqual([
    'other',
    'public_transport',
    'school',
    'workplace',
  ]);
  await close();
});

test('the map SVG: small premises counts share one disc size; the rate classes are in its legend', async () => {
  const max = Number(
    await scalar(
      await openDb(),
      `SELECT max(n) FROM (SELECT premises_id, SUM(n) AS n FROM read_parquet('${PARQUET}')
       WHERE premises_id IS NOT NULL GROUP BY 1)`,
    ),
  );
  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  await page.getByRole('checkbox', {name: 'Premises'}).check();
  await page.getByRole('checkbox', {name: 'Rate per 100,000'}).check();
  await page.waitForSelector('[data-testid="map"][data-pending="false"]');
  const text = (await exportFile(page, 'Hotspot map', 'SVG')).body.toString('utf8');
  const radii = [...text.matchAll(/<g class="premises"[^>]*>(.*?)<\/g>/g)]
    .flatMap((m) => [...m[1].matchAll(/ r="([\d.]+)"/g)])
    .map((m) => Number(m[1]));
  expect(radii.length).toBeGreaterThan(100);
  // Counts of 1 to 4 are drawn as 4: no disc smaller than 4's (to the SVG's 0.1 px).
  const four = 3 + 14 * Math.sqrt(4 / max);
  expect(Math.min(...radii)).toBeGreaterThanOrEqual(Math.round(four * 10) / 10);
  expect(text).toContain('Areas: rate per 100,000 residents per year');
  // The PNG is drawn from the same SVG, at twice its size.
  const png = decodePng((await exportFile(page, 'Hotspot map', 'PNG (2×)')).body);
  expect(distinctColours(png)).toBeGreaterThan(10);
  expect(errors).toEqual([]);
  await close();
});

test('the export menu works from the keyboard and gives focus back to its button', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  const summary = page.locator('summary[aria-label="Export Hour by weekday"]');
  await summary.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('group', {name: 'Export Hour by weekday'});
  await expect.poll(() => menu.isVisible()).toBe(true);
  // Escape closes it, focus on its button.
  await page.keyboard.press('Escape');
  await expect.poll(() => menu.isVisible()).toBe(false);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
    'Export Hour by weekday',
  );
  await page.keyboard.press('Enter');
  await menu.getByRole('button', {name: 'CSV'}).focus();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  expect(download.suggestedFilename()).toMatch(/^hour-by-weekday_.*\.csv$/);
  await expect.poll(() => menu.isVisible()).toBe(false);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
    'Export Hour by weekday',
  );
  await close();
});

test('an export of a view whose query failed says so instead of writing old numbers', async () => {
  const {page, close} = await openPage(browser);
  // The breakdowns' query fails, as a query bug would (its SQL broken on its way to DuckDB).
  await page.addInitScript({content: breakSql(/^WITH g AS \(/)});
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  await page.locator('summary[aria-label="Export Breakdowns"]').click();
  const menu = page.getByRole('group', {name: 'Export Breakdowns'});
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await menu.getByRole('button', {name: 'CSV'}).click();
  await expect.poll(() => menu.getByRole('alert').textContent()).toContain('broken_on_purpose');
  expect(downloaded).toBe(false);
  await close();
});
