/**
 * Incidents reach DuckDB two ways (src/data/prepare.ts): prepared by the Parquet decoder, or raw
 * and normalised by DuckDB. The same rows give the same numbers either way, equal to native
 * DuckDB over the Parquet.
 */
import {resolve} from 'node:path';
import type {Browser} from 'playwright-core';
import {afterAll, beforeAll, expect, inject, test} from 'vitest';
import {answered, launchBrowser, openPage, readTotal, RECORD_SQL} from '../helpers/browser';
import {openDb, scalar} from '../helpers/node-db';

const PARQUET = resolve(import.meta.dirname, '../fixtures/generated/good/incidents.parquet');
const night = `(CASE WHEN "hour" < 6 THEN "date" - INTERVAL 1 DAY ELSE "date" END)`;

/** URL, and the same filter written by hand (independently of src/data/sql). */
const CASES: [string, string][] = [
  ['', 'TRUE'],
  [
    '&hours=22-4&days=fri,sat&night=1',
    `("hour" >= 22 OR "hour" <= 3) AND strftime(${night}, '%a') IN ('Fri', 'Sat')`,
  ],
  ['&days=mon&night=1', `strftime(${night}, '%a') = 'Mon'`],
  ['&weapon=knife_sharp&loc=home', `weapon = 'knife_sharp' AND location_type = 'home'`],
  [
    '&lad=E08000026&sex=female&hours=0-6',
    `lad_code = 'E08000026' AND sex = 'female' AND "hour" BETWEEN 0 AND 5`,
  ],
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** DuckDB normalising a raw chunk into the table, as the loader's raw way does. */
const RAW_WAY = /^INSERT INTO "_next_incidents" SELECT/;

test.each([
  ['good', true],
  ['good-timestamp', false],
])(
  '%s (prepared by the decoder: %s) gives the numbers of native DuckDB',
  async (name, prepared) => {
    const con = await openDb();
    const {page, close} = await openPage(browser);
    await page.addInitScript({content: RECORD_SQL});
    for (const [query, where] of CASES) {
      await page.goto(`${inject('baseUrl')}/?data=fixtures/${name}/manifest.json${query}`);
      const expected = await scalar(
        con,
        `SELECT COALESCE(SUM(n), 0) FROM read_parquet('${PARQUET}') WHERE ${where}`,
      );
      expect(expected).toBeGreaterThan(0);
      expect(await readTotal(page)).toBe(expected);
      const sql = await answered(page);
      expect(sql.some((q) => RAW_WAY.test(q))).toBe(!prepared);
    }
    await close();
  },
);
