/**
 * The benchmark's in-page probe (bench/probe.ts) times an update from the input that caused it,
 * on a page of its own that stands in for the dashboard's settled markers.
 */
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {PROBE_SCRIPT, type SettleResult} from '../../bench/probe';
import {launchBrowser, openPage} from '../helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The markers the probe reads as every view settled, and a button to click. */
const SETTLED_PAGE = `<!doctype html><html><body>
<output aria-labelledby="total-label" data-state="ready">1</output>
<div data-testid="map" data-pending="false"></div>
<div class="trend"><svg><path class="line-count"></path></svg></div>
<table aria-label="Hour by weekday"></table>
<div id="view" data-pending="false"></div>
<button id="go">go</button>
</body></html>`;

async function probePage(): Promise<{page: Page; close: () => Promise<void>}> {
  const {page, close} = await openPage(browser);
  await page.setContent(SETTLED_PAGE);
  await page.evaluate(PROBE_SCRIPT);
  return {page, close};
}

/** Set the view pending, or settled `afterMs` later (in the page, from now). */
const setPending = (page: Page, pending: boolean, afterMs = 0) =>
  page.evaluate(
    ([p, ms]) =>
      setTimeout(
        () => document.getElementById('view')!.setAttribute('data-pending', String(p)),
        ms,
      ),
    [pending, afterMs] as const,
  );

test('an update is timed from its own input, even when a view went pending before it', async () => {
  const {page, close} = await probePage();
  // The interaction before: a click, then settled.
  await page.click('#go');
  await page.waitForTimeout(600);
  await page.evaluate('window.__vsdBench.arm()');
  // A view goes pending before this interaction's input (a brush's drag re-rendered it), then
  // the input comes 100 ms later, and the views settle 200 ms after it.
  await setPending(page, true);
  await page.waitForTimeout(100);
  await page.click('#go');
  await setPending(page, false, 200);
  const r = (await page.evaluate('window.__vsdBench.waitSettled(5000, 1500)')) as SettleResult;
  expect('ms' in r).toBe(true);
  const ms = (r as {ms: number}).ms;
  // From the click (about 200 ms and a frame or two), not from the click before (800 ms and more).
  expect(ms).toBeGreaterThanOrEqual(190);
  expect(ms).toBeLessThan(600);
  await close();
});

test('an update caused by an input is timed from that input', async () => {
  const {page, close} = await probePage();
  await page.evaluate('window.__vsdBench.arm()');
  await page.evaluate(() => {
    const view = document.getElementById('view')!;
    document.getElementById('go')!.addEventListener('click', () => {
      view.setAttribute('data-pending', 'true');
      setTimeout(() => view.setAttribute('data-pending', 'false'), 300);
    });
  });
  await page.click('#go');
  const r = (await page.evaluate('window.__vsdBench.waitSettled(5000, 1500)')) as SettleResult;
  const ms = (r as {ms: number}).ms;
  expect(ms).toBeGreaterThanOrEqual(290);
  expect(ms).toBeLessThan(700);
  await close();
});
