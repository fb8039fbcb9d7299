/** Broken datasets give a clear message naming file, column and problem; the page stays usable. */
import type {Browser} from 'playwright-core';
import {afterAll, beforeAll, expect, inject, test} from 'vitest';
import {launchBrowser, openPage, readTotal} from '../helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test.each([
  [
    'wrong-type',
    'incidents.parquet, column "hour": wrong type: expected an integer (TINYINT to BIGINT), found VARCHAR',
  ],
  [
    'unknown-enum',
    'incidents.parquet, column "weapon": unknown value (allowed: body, knife_sharp, blunt, glass_bottle, firearm, other, unknown): 80 row(s), e.g. "sword"',
  ],
  ['missing-column', 'incidents.parquet, column "sex": missing column'],
  [
    'zoned-date',
    'incidents.parquet, column "date": wrong type: expected a DATE or TIMESTAMP, found TIMESTAMP WITH TIME ZONE. Its local date depends on a time zone',
  ],
  ['truncated', 'incidents.parquet: not a readable Parquet file'],
  ['bad-json', 'manifest.json: is not valid JSON'],
  ['no-such-dataset', 'manifest.json: file not found (HTTP 404'],
  ['unknown-schema', 'manifest.json, column "schema_version": unsupported schema_version 2'],
  ['missing-file', 'incidents-2099.parquet: file not found (HTTP 404'],
  ['zero-n', 'incidents.parquet, column "n": count must be at least 1'],
  ['bad-h3', 'incidents.parquet, column "h3": not an H3 cell at resolution 9'],
  ['zero-rows', 'incidents.parquet: holds no rows'],
  ['empty-file', 'incidents.parquet: not a readable Parquet file'],
  ['huge', 'incidents.parquet: is 3.0 GB, more than this page can hold'],
])('%s: says what is wrong', async (name, message) => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?data=fixtures/${name}/manifest.json`);
  const alert = page.getByRole('alert');
  await alert.waitFor({timeout: 60_000});
  expect(await alert.textContent()).toContain(message);
  // The page stays usable: the bundled dataset opens from the message.
  await page.getByRole('button', {name: 'Open the bundled dataset'}).click();
  expect(await readTotal(page)).toBeGreaterThan(0);
  await close();
});

test('a failed dataset does not replace the one already loaded', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?data=fixtures/good/manifest.json`);
  expect(await readTotal(page)).toBe(1200);
  await page.getByRole('button', {name: 'Open dataset'}).click();
  await page
    .getByLabel('Or a manifest URL')
    .fill(`${inject('baseUrl')}/fixtures/unknown-enum/manifest.json`);
  await page.getByRole('button', {name: 'Open URL'}).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toContain(
    'Still showing the previous dataset: Good test dataset',
  );
  expect(await readTotal(page)).toBe(1200);
  await close();
});

test('a dataset on another origin loads and the page requests nothing else off-origin', async () => {
  const {page, requests, close} = await openPage(browser);
  const base = inject('baseUrl');
  const other = inject('otherOrigin');
  await page.goto(`${base}/?data=${other}/good/manifest.json`);
  expect(await readTotal(page)).toBe(1200);
  const offOrigin = requests.filter(
    (r) => !r.startsWith(base) && !r.startsWith(other) && !/^(data|blob):/.test(r),
  );
  expect(offOrigin).toEqual([]);
  await close();
});

test('local files: a manifest with its Parquet opened from the file picker', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?data=fixtures/good/manifest.json`);
  await readTotal(page);
  const dir = `${process.cwd()}/tests/fixtures/generated/good`;
  await page.getByRole('button', {name: 'Open dataset'}).click();
  await page
    .getByLabel('Files')
    .setInputFiles([`${dir}/manifest.json`, `${dir}/incidents.parquet`]);
  await expect
    .poll(() => page.getByRole('list', {name: 'Notices'}).textContent())
    .toContain('Opened local files');
  expect(await readTotal(page)).toBe(1200);
  expect(new URL(page.url()).searchParams.get('data')).toBeNull();
  await close();
});

test('local files: bare Parquet without a manifest', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?data=fixtures/good/manifest.json`);
  await readTotal(page);
  await page.getByRole('button', {name: 'Open dataset'}).click();
  await page
    .getByLabel('Files')
    .setInputFiles([`${process.cwd()}/tests/fixtures/generated/good/incidents.parquet`]);
  await expect
    .poll(() => page.getByRole('heading', {level: 1}).textContent())
    .toBe('Local files: incidents.parquet');
  expect(await readTotal(page)).toBe(1200);
  await close();
});
