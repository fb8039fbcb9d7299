/** Headless Debian Chromium driven by playwright-core, with WebGL through SwiftShader. */
import {readFileSync} from 'node:fs';
import {chromium, type Browser, type Page} from 'playwright-core';
import {WARM_UP_TAG} from '../../src/data/sql/warmup';

/** Where the system Chromium lives (override with CHROMIUM_PATH). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

/**
 * Chromium's flags for a page composited in software, as Chromium does on a machine without a
 * usable GPU; WebGL still draws through SwiftShader. Without them (ARGS alone) SwiftShader stands
 * in for a GPU for everything, and composites and rasterises the whole page too.
 */
export const SOFTWARE_COMPOSITING = ['--disable-gpu-compositing'];

/** Launch the browser, with `extraArgs` after the usual flags. */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...ARGS, ...extraArgs],
  });
}

/** A page at a fixed viewport, in a fixed time zone, that records console errors and requests. */
export async function openPage(browser: Browser, viewport = {width: 1280, height: 800}) {
  const context = await browser.newContext({
    viewport,
    timezoneId: 'Europe/London',
    locale: 'en-GB',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('request', (r) => requests.push(r.url()));
  return {page, errors, requests, close: () => context.close()};
}

/** Wait until the headline shows a settled number and return it. */
export async function readTotal(page: Page): Promise<number> {
  const total = page.getByRole('status', {name: 'Total attendances'});
  await total.and(page.locator('[data-state="ready"]')).waitFor({timeout: 60_000});
  // Settle: the value must not change over two animation frames after the last query.
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  return Number(await total.getAttribute('data-value'));
}

/**
 * In-page source of a function of a canvas: its RGBA pixels, copied through a 2D canvas (a WebGL
 * canvas keeps its last frame: the map's has preserveDrawingBuffer).
 */
export const PIXELS_OF = `((canvas) => {
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const ctx = copy.getContext('2d');
  ctx.drawImage(canvas, 0, 0);
  return ctx.getImageData(0, 0, copy.width, copy.height).data;
})`;

/** Records the SQL the page sends to DuckDB's worker, once answered, in `window.__answered`. */
export const RECORD_SQL = `(() => {
  const PageWorker = window.Worker;
  window.__answered = [];
  window.Worker = class extends PageWorker {
    constructor(url, options) {
      super(url, options);
      if (!String(url).includes('duckdb')) return;
      const sent = new Map();
      const post = this.postMessage.bind(this);
      this.postMessage = (m, ...rest) => {
        if (m && Array.isArray(m.data) && typeof m.data[1] === 'string') sent.set(m.messageId, m.data[1]);
        return post(m, ...rest);
      };
      this.addEventListener('message', (e) => {
        if (sent.has(e.data.requestId)) window.__answered.push(sent.get(e.data.requestId));
      });
    }
  };
})();`;

/**
 * An init script that breaks the SQL matching `pattern` on its way to DuckDB's worker, so the
 * database answers it with an error (as a query bug would): `FROM broken_on_purpose`.
 */
export function breakSql(pattern: RegExp): string {
  return `(() => {
  const PageWorker = window.Worker;
  const pattern = new RegExp(${JSON.stringify(pattern.source)});
  window.Worker = class extends PageWorker {
    constructor(url, options) {
      super(url, options);
      if (!String(url).includes('duckdb')) return;
      const post = this.postMessage.bind(this);
      this.postMessage = (m, ...rest) => {
        const sql = m && Array.isArray(m.data) ? m.data[1] : null;
        if (typeof sql === 'string' && pattern.test(sql)) {
          m = {...m, data: [m.data[0], 'SELECT * FROM broken_on_purpose', ...m.data.slice(2)]};
        }
        return post(m, ...rest);
      };
    }
  };
})();`;
}

/**
 * The SQL recorded by `RECORD_SQL` so far, but the warm-up's (src/data/sql/warmup.ts): they run
 * in the background once after a load, whenever the views are idle, and show nothing.
 */
export const answered = async (page: Page): Promise<string[]> =>
  (await page.evaluate(() => (window as {__answered?: string[]}).__answered!)).filter(
    (sql) => !sql.startsWith(WARM_UP_TAG),
  );

/** Waits until no view is busy or pending. */
export const viewsIdle = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('[aria-busy="true"], [data-pending="true"]'));

/**
 * Whether the copy of the selected hexagons' rows has been built (src/data/cell-subset.ts): its
 * count was answered. Needs `RECORD_SQL`.
 */
export const cellCopyBuilt = async (page: Page): Promise<boolean> =>
  (await answered(page)).some((q) => /^SELECT CAST\(count\(\*\).*"_cells_/s.test(q));

/** Export a view through its Export menu; the downloaded file's name and bytes. */
export async function exportFile(
  page: Page,
  view: string,
  kind: string,
): Promise<{name: string; body: Buffer}> {
  const summary = page.locator(`summary[aria-label="Export ${view}"]`);
  await summary.scrollIntoViewIfNeeded();
  await summary.click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('group', {name: `Export ${view}`})
      .getByRole('button', {name: kind})
      .click(),
  ]);
  const path = await download.path();
  return {name: download.suggestedFilename(), body: readFileSync(path)};
}

/**
 * Brush the monthly trend from fraction `a` to `b` of its plot area (which starts 44 px in and
 * ends 12 px before the right edge), once it has drawn: its box is its drawn size only then.
 */
export async function brushTrend(page: Page, a: number, b: number, steps = 6): Promise<void> {
  const chart = page.getByRole('img', {name: /Attendances by month/});
  await chart.locator('path.line-count').waitFor();
  const box = (await chart.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 44 + (box.width - 56) * a, y);
  await page.mouse.down();
  await page.mouse.move(box.x + 44 + (box.width - 56) * b, y, {steps});
  await page.mouse.up();
}
