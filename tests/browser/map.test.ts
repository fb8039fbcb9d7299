/** The hotspot map draws, filters by hexagon, and fits any region. */
import {resolve} from 'node:path';
import {cellToLatLng, cellToParent} from 'h3-js';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, expect, inject, test} from 'vitest';
import {parseCsv} from '../../src/views/export/csv';
import {axeViolations} from '../helpers/axe';
import {
  answered,
  breakSql,
  brushTrend,
  cellCopyBuilt,
  exportFile,
  launchBrowser,
  openPage,
  PIXELS_OF,
  readTotal,
  RECORD_SQL,
  viewsIdle,
} from '../helpers/browser';
import {openDb, rows} from '../helpers/node-db';
import {resolutionForZoom} from '../../src/analysis/h3-neighbours';
import {ROLLUPS_BUILT, STAGE_MARK} from '../../src/data/progress';
import {decodePng, distinctColours, isWarm, pixelShare} from '../helpers/pixels';

const PARQUET = resolve(import.meta.dirname, '../../dist/data/west-midlands/incidents-*.parquet');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function mapShot(page: Page) {
  const map = page.getByTestId('map');
  await page.waitForSelector('[data-testid="map"][data-pending="false"]');
  await page.waitForTimeout(800); // let WebGL draw the frame after the data arrive
  return decodePng(await map.screenshot());
}

test('the map canvas is drawn: basemap and hexagons', async () => {
  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  const png = await mapShot(page);
  expect(distinctColours(png)).toBeGreaterThan(30);
  expect(pixelShare(png, isWarm)).toBeGreaterThan(0.1);
  expect(errors).toEqual([]);
  await close();
});

/** The busiest resolution-7 cell, computed independently with h3-js over the Parquet rows. */
async function busiestCell(): Promise<{cell: string; n: number; view: string}> {
  const con = await openDb();
  const byCell = new Map<string, number>();
  for (const r of await rows(
    con,
    `SELECT h3, SUM(n) AS n FROM read_parquet('${PARQUET}') WHERE h3 IS NOT NULL GROUP BY h3`,
  )) {
    const parent = cellToParent(String(r.h3), 7);
    byCell.set(parent, (byCell.get(parent) ?? 0) + Number(r.n));
  }
  const [cell, n] = [...byCell].sort((a, b) => b[1] - a[1])[0];
  const [lat, lon] = cellToLatLng(cell);
  return {cell, n, view: `${lat.toFixed(4)},${lon.toFixed(4)},9.00`};
}

test('clicking a hexagon sets Total attendances to that cell; Escape clears it', async () => {
  const {n: expected, view} = await busiestCell();

  const {page, close} = await openPage(browser);
  // What is under the pointer is found on the CPU: no pick drawn and read back from the GPU,
  // which waits for all the GPU's queued work (seconds under software WebGL just after load).
  await page.addInitScript({
    content: `window.__readPixels = 0; const read = WebGL2RenderingContext.prototype.readPixels;
      WebGL2RenderingContext.prototype.readPixels = function (...a) {
        window.__readPixels++; return read.apply(this, a); };`,
  });
  await page.goto(`${inject('baseUrl')}/?view=${view}`);
  const all = await readTotal(page);
  await page.getByRole('checkbox', {name: 'ED sites'}).uncheck();
  await mapShot(page);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect
    .poll(() => page.getByTestId('map-tooltip').textContent())
    .toContain(`${expected.toLocaleString('en-GB')} attendances`);
  // The pointer cursor over a hexagon stays through deck.gl's next frames (it draws in
  // MapLibre's canvas, and would set the canvas's cursor on each).
  await page.waitForTimeout(600);
  expect(await page.locator('.maplibregl-canvas').evaluate((c) => getComputedStyle(c).cursor)).toBe(
    'pointer',
  );
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => page.getByRole('status').filter({hasText: 'selected'}).count()).toBe(1);
  expect(await readTotal(page)).toBe(expected);
  expect(await page.evaluate('window.__readPixels')).toBe(0);
  await page.keyboard.press('Escape');
  await expect.poll(() => readTotal(page)).toBe(all);
  await close();
});

test('an idle map asks for a few frames a second, and still redraws and picks', async () => {
  const {view} = await busiestCell();
  const {page, close} = await openPage(browser);
  await page.addInitScript({
    content: `window.__frames = 0; const raf = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (cb) => (window.__frames++, raf(cb));`,
  });
  await page.goto(`${inject('baseUrl')}/?view=${view}`);
  await readTotal(page);
  await page.getByRole('checkbox', {name: 'ED sites'}).uncheck();
  const before = await mapShot(page);
  // deck.gl's loop alone asked for ~60 frames a second before it was throttled. The quietest of
  // four seconds counts, so a late tile or result that wakes the loop for a moment does not.
  const perSecond: number[] = [];
  for (let i = 0; i < 4; i++) {
    await page.evaluate('window.__frames = 0');
    await page.waitForTimeout(1000);
    perSecond.push(Number(await page.evaluate('window.__frames')));
  }
  expect(Math.min(...perSecond)).toBeLessThan(20);
  // A filter change from outside the map redraws the hexagons...
  await page.getByLabel('Hour preset').selectOption('Late night 00:00–06:00');
  const after = await mapShot(page);
  expect(Buffer.compare(before.data, after.data)).not.toBe(0);
  // ...and the pointer over the busiest hexagon (at the centre) gets its tooltip.
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width / 2 + 2, box.y + box.height / 2 + 1);
  await expect
    .poll(() => page.getByTestId('map-tooltip').textContent(), {timeout: 5000})
    .toMatch(/attendances/i);
  await close();
});

test('the map fits a dataset from another region', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?data=fixtures/other-region/manifest.json`);
  await readTotal(page);
  const png = await mapShot(page);
  expect(pixelShare(png, isWarm)).toBeGreaterThan(0.05);
  expect(new URL(page.url()).searchParams.get('view')).toBeNull();
  await close();
});

test('in presenter mode the fitted areas clear the legend, which is wider there', async () => {
  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?present=1`);
  await readTotal(page);
  await page.waitForSelector('[data-testid="map"][data-pending="false"]');
  // The canvas under the legend (read through it): the basemap's background, no land, outline or
  // hexagon; at most the edge of a label, whose text may reach past its area (25 pixels here,
  // against 1,104 when the fit left the legend's room of the counts mode).
  const under = (await page.evaluate(`(() => {
    const canvas = document.querySelector('[data-testid="map"] canvas');
    const legend = document.querySelector('.map-legend').getBoundingClientRect();
    const box = canvas.getBoundingClientRect();
    const scale = canvas.width / box.width;
    const px = ${PIXELS_OF}(canvas);
    let all = 0, other = 0;
    for (let y = Math.round((legend.top - box.top) * scale); y < (legend.bottom - box.top) * scale; y++) {
      for (let x = Math.round((legend.left - box.left) * scale); x < (legend.right - box.left) * scale; x++) {
        const i = (y * canvas.width + x) * 4;
        all++;
        if (Math.abs(px[i] - 0xe8) + Math.abs(px[i + 1] - 0xec) + Math.abs(px[i + 2] - 0xef) > 12) other++;
      }
    }
    return {all, other};
  })()`)) as {all: number; other: number};
  expect(under.all).toBeGreaterThan(1000);
  expect(under.other / under.all).toBeLessThan(0.005);
  expect(errors).toEqual([]);
  await close();
});

test('dragging the map puts the camera in the URL', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  await mapShot(page);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 40, {steps: 8});
  await page.mouse.up();
  await expect
    .poll(() => new URL(page.url()).searchParams.get('view'))
    .toMatch(/^52\.\d{4},-[12]\.\d{4},\d+\.\d{2}$/);
  await close();
});

test('Shift-drag selects the hexagons in a rectangle and filters the headline', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  const all = await readTotal(page);
  await mapShot(page);
  const box = (await page.getByTestId('map').boundingBox())!;
  const cx = box.x + box.width * 0.6;
  const cy = box.y + box.height * 0.5;
  await page.keyboard.down('Shift');
  await page.mouse.move(cx - 60, cy - 60);
  await page.mouse.down();
  await page.mouse.move(cx + 60, cy + 60, {steps: 6});
  await page.mouse.up();
  await page.keyboard.up('Shift');
  // Several hexagons: the release of the drag is not also a click on the one under it.
  const status = page.getByRole('status').filter({hasText: /hexagons? selected/});
  await expect.poll(() => status.count()).toBe(1);
  expect(
    Number((await status.textContent())!.match(/(\d+) hexagons? selected/)![1]),
  ).toBeGreaterThan(1);
  const some = await readTotal(page);
  expect(some).toBeGreaterThan(0);
  expect(some).toBeLessThan(all);
  await page.getByRole('button', {name: 'Remove filter Map'}).click();
  await expect.poll(() => readTotal(page)).toBe(all);
  await close();
});

/** Click the busiest premises (of one local authority's attendances, when given). */
async function clickTopPremises(lad?: string) {
  const con = await openDb();
  const premises = PARQUET.replace('incidents-*', 'premises');
  const [top] = await rows(
    con,
    `SELECT p.premises_id AS id, p.lat, p.lon, SUM(i.n) AS n FROM read_parquet('${PARQUET}') i
     JOIN read_parquet('${premises}') p USING (premises_id)
     ${lad ? `WHERE i.lad_code = '${lad}'` : ''} GROUP BY ALL ORDER BY n DESC LIMIT 1`,
  );
  const {page, close} = await openPage(browser);
  const view = `${Number(top.lat).toFixed(4)},${Number(top.lon).toFixed(4)},17.00`;
  await page.goto(`${inject('baseUrl')}/?view=${view}${lad ? `&lad=${lad}` : ''}`);
  await readTotal(page);
  await page.getByRole('checkbox', {name: 'Premises'}).check();
  await page.getByRole('checkbox', {name: 'ED sites'}).uncheck();
  await mapShot(page);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => new URL(page.url()).searchParams.get('premises')).toBe(top.id);
  await close();
}

test('clicking a premises focuses it in the URL', async () => {
  await clickTopPremises();
});

test('with a local authority filter the map still draws its premises', async () => {
  // premises has a lad_code column too: a filter on the joined rows once failed as ambiguous.
  await clickTopPremises('E08000025');
});

test('the map is pending until it shows the dataset, not only until its query ends', async () => {
  const {page, errors, close} = await openPage(browser);
  // The map engine arrives after the data: the hexagon query ends before there is a map.
  await page.route('**/assets/map-engine-*.js', async (route) => {
    await new Promise((r) => setTimeout(r, 3000));
    await route.continue();
  });
  await page.goto(`${inject('baseUrl')}/`);
  await page.waitForSelector('[data-testid="map"][data-pending="false"]', {timeout: 60_000});
  // At once: the camera has fitted the West Midlands (the start view is all of Great Britain).
  const scale = (await page.evaluate(
    `document.querySelector('.maplibregl-ctrl-scale')?.textContent ?? null`,
  )) as string | null;
  const [, value, unit] = /([\d.]+)\s*(km|m)\b/.exec(scale ?? '') ?? [];
  expect(Number(value) * (unit === 'm' ? 0.001 : 1)).toBeLessThanOrEqual(20);
  expect(errors).toEqual([]);
  await close();
});

test('after a filter change the map is pending until it shows the new hexagons', async () => {
  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  await page.waitForSelector('[data-testid="map"][data-pending="false"]');
  // A digest of the map canvas's pixels (kept between frames: preserveDrawingBuffer), taken each
  // time the map goes pending and stops.
  await page.evaluate(`(() => {
    const map = document.querySelector('[data-testid="map"]');
    const canvas = map.querySelector('canvas');
    window.__digest = () => {
      const px = ${PIXELS_OF}(canvas);
      let h = 0;
      for (let i = 0; i < px.length; i++) h = (Math.imul(h, 31) + px[i]) | 0;
      return h;
    };
    window.__flips = [];
    new MutationObserver(() => window.__flips.push([map.dataset.pending, window.__digest()]))
      .observe(map, {attributes: true, attributeFilter: ['data-pending']});
  })()`);
  await page.getByLabel('Hour preset').selectOption('Late night 00:00–06:00');
  await expect.poll(() => page.evaluate('window.__flips.at(-1)?.[0] ?? null')).toBe('false');
  await page.waitForTimeout(1500);
  const shown = await page.evaluate('window.__digest()');
  const flips = (await page.evaluate('window.__flips')) as [string, number][];
  const before = flips.find(([state]) => state === 'true');
  expect(before).toBeDefined();
  expect(shown).not.toBe(before![1]);
  // When it stopped being pending it already showed the new hexagons, not the old ones.
  expect(flips.at(-1)).toEqual(['false', shown]);
  expect(errors).toEqual([]);
  await close();
});

/** Counts the frames drawn on the page's WebGL canvas (MapLibre clears its colour once a frame). */
const COUNT_FRAMES = `window.__frames = 0; const clear = WebGL2RenderingContext.prototype.clear;
  WebGL2RenderingContext.prototype.clear = function (mask) {
    if (mask & this.COLOR_BUFFER_BIT) window.__frames++;
    return clear.call(this, mask);
  };`;

/** Frames the map draws for `change`, from its input until it has drawn and stayed idle a while. */
async function framesFor(page: Page, change: () => Promise<void>): Promise<number> {
  await page.waitForSelector('[data-testid="map"][data-pending="false"]');
  // The background build's rollups take the views' queries over, and the map draws their
  // answers: counted from after it, and from a second without a frame.
  await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark).length > 0,
    STAGE_MARK + ROLLUPS_BUILT,
  );
  for (let last = -1; ;) {
    const now = (await page.evaluate('window.__frames')) as number;
    if (now === last) break;
    last = now;
    await page.waitForTimeout(1000);
  }
  const total = await page.getByTestId('map').getAttribute('data-total');
  await page.evaluate('window.__frames = 0');
  await change();
  await page.waitForSelector('[data-testid="map"][data-pending="false"]');
  await page.waitForTimeout(1000);
  // The change changed the hexagons, so the map had something new to draw.
  expect(await page.getByTestId('map').getAttribute('data-total')).not.toBe(total);
  return (await page.evaluate('window.__frames')) as number;
}

test('a filter change draws the map once, when the new hexagons arrive', async () => {
  // Under software WebGL a frame of the map is 100-300 ms of CPU. The hexagons of the old rows,
  // made again for the new dates, and the areas' new counts, which the outlines do not show,
  // each drew one more before.
  const {page, errors, close} = await openPage(browser);
  await page.addInitScript({content: COUNT_FRAMES});
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  expect(await framesFor(page, () => brushTrend(page, 0.3, 0.55))).toBe(1);
  const locations = page.getByRole('group', {name: 'Location type'});
  await page.getByText('Location type', {exact: true}).first().click();
  expect(await framesFor(page, () => locations.getByLabel('Street').check())).toBe(1);
  await page.keyboard.press('Escape');
  // After the emerging mode its time slices stay with the page, and are not the counts' input.
  await page.getByRole('radio', {name: 'Emerging'}).click();
  await page.waitForSelector('[data-testid="map"][data-pending="false"]');
  await page.getByRole('radio', {name: 'Counts'}).click();
  expect(await framesFor(page, () => brushTrend(page, 0.6, 0.8))).toBe(1);
  expect(errors).toEqual([]);
  await close();
});

test("the map is pending until a frame has drawn the areas' outlines too", async () => {
  // The outlines are MapLibre's (cut into tiles in its worker), the rest deck.gl's. At the moment
  // the map stops being pending, the canvas's last frame (kept: preserveDrawingBuffer) is read
  // for dark pixels: the outlines' over land or hexagons, the labels' and the county line's.
  const {page, errors, close} = await openPage(browser);
  await page.addInitScript({
    content: `window.__outlinePixels = [];
      const count = (canvas) => {
        const px = ${PIXELS_OF}(canvas);
        let n = 0;
        for (let i = 0; i < px.length; i += 4) {
          if (Math.max(px[i], px[i + 1], px[i + 2]) < 130) n++;
        }
        return n;
      };
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.oldValue === 'true' && r.target.getAttribute('data-pending') === 'false' &&
              r.target.matches('[data-testid="map"]')) {
            window.__outlinePixels.push(count(r.target.querySelector('canvas')));
          }
        }
      }).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
        attributeFilter: ['data-pending']});`,
  });
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  await page.waitForSelector('[data-testid="map"][data-pending="false"]');
  const areas = page.getByRole('group', {name: 'Map layers'}).getByLabel('Areas');
  const drawnAfter = async (act: () => Promise<void>) => {
    const seen = Number(await page.evaluate('window.__outlinePixels.length'));
    await act();
    await expect.poll(() => page.evaluate('window.__outlinePixels.length')).toBeGreaterThan(seen);
    return Number(await page.evaluate('window.__outlinePixels.at(-1)'));
  };
  const off = await drawnAfter(() => areas.uncheck());
  const on = await drawnAfter(() => areas.check());
  // With the outlines, 6,420 dark pixels; without, 2,753 (the labels and the county line).
  expect(on - off).toBeGreaterThan(2000);
  // The outlines are over the rate fill: under it, they would not be dark.
  const rated = await drawnAfter(() =>
    page.getByRole('group', {name: 'Map layers'}).getByLabel('Rate per 100,000').check(),
  );
  expect(rated - off).toBeGreaterThan(2000);
  expect(errors).toEqual([]);
  await close();
});

test('without WebGL the map says so, and every other view works', async () => {
  const {page, errors, close} = await openPage(browser);
  await page.addInitScript({
    content: `const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return /webgl/i.test(type) ? null : get.call(this, type, ...rest);
      };`,
  });
  await page.goto(`${inject('baseUrl')}/`);
  const total = await readTotal(page);
  await expect
    .poll(() => page.getByRole('alert').filter({hasText: 'The map needs WebGL 2'}).count())
    .toBe(1);
  await page.waitForSelector('[data-testid="map"][data-pending="false"]');
  await expect(page.getByRole('table', {name: 'Hour by weekday'}).count()).resolves.toBe(1);
  // A filter still works without the map.
  await page.getByLabel('Hour preset').selectOption('Late night 00:00–06:00');
  await expect.poll(() => readTotal(page)).toBeLessThan(total);
  expect(errors).toEqual([]);
  await close();
});

test('the hexagons are at the resolution of the zoom the map was fitted to', async () => {
  // A large screen fits the West Midlands closer than the start zoom of the hexagons' state.
  const {page, close} = await openPage(browser, {width: 3200, height: 2200});
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  await page.waitForSelector('[data-testid="map"][data-pending="false"]');
  const legend = await page.locator('.legend-title').first().textContent();
  // A small drag moves the camera without zooming; the URL then says the zoom.
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2, {steps: 4});
  await page.mouse.up();
  await expect.poll(() => new URL(page.url()).searchParams.get('view')).not.toBeNull();
  const zoom = Number(new URL(page.url()).searchParams.get('view')!.split(',')[2]);
  expect(zoom).toBeGreaterThan(10);
  expect(legend).toContain(`H3 resolution ${resolutionForZoom(zoom)}`);
  await close();
});

test('a layer whose query fails says so on the map, and the map is not left pending', async () => {
  const {page, close} = await openPage(browser);
  // The database answers the ED sites' and the areas' queries with an error (as a query bug
  // would): break their SQL on its way to DuckDB's worker.
  await page.addInitScript({
    content: breakSql(/FROM sites\s+WHERE lat IS NOT NULL|lad_code IS NOT NULL\)? GROUP BY 1, 2/),
  });
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  const problem = page.locator('.map-error');
  await expect.poll(() => problem.textContent()).toContain('Could not draw the ED sites:');
  expect(await problem.textContent()).toContain('Could not draw the areas:');
  expect(await problem.textContent()).toContain('broken_on_purpose');
  expect(await problem.textContent()).not.toContain('hexagons');
  // The area comparison reads the same query, and says so too.
  expect(
    await page.getByRole('region', {name: 'Area comparison'}).getByRole('alert').textContent(),
  ).toContain('broken_on_purpose');
  await page.waitForSelector('[data-testid="map"][data-pending="false"]');
  await close();
});

test("exports filtered by a hexagon say so in their caption; the map's own export does not", async () => {
  const {cell, n, view} = await busiestCell();
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?view=${view}`);
  await readTotal(page);
  await page.getByRole('checkbox', {name: 'ED sites'}).uncheck();
  await mapShot(page);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => readTotal(page)).toBe(n);
  const line = `# Map selection: 1 H3 hexagon at resolution 7 (${cell}).`;
  const grid = (await exportFile(page, 'Hour by weekday', 'CSV')).body.toString('utf8');
  expect(grid).toContain(line);
  // The grid's grand total is the hexagon's attendances (less those with no recorded hour).
  const total = Number(
    parseCsv(grid)
      .find((r) => r[0] === 'Total')!
      .at(-1),
  );
  expect(total).toBeGreaterThan(0.8 * n);
  expect(total).toBeLessThanOrEqual(n);
  const map = (await exportFile(page, 'Hotspot map', 'CSV')).body.toString('utf8');
  expect(map).not.toContain('# Map selection');
  await close();
});

test('the busiest hexagons table lists the map by keyboard and selects a hexagon', async () => {
  const {cell, n} = await busiestCell();
  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  const all = await readTotal(page);
  await page.waitForSelector('[data-testid="map"][data-pending="false"]');
  await page.locator('.busiest summary').focus();
  await page.keyboard.press('Enter');
  const table = page.getByRole('table', {name: 'Busiest hexagons'});
  const first = table.locator('tbody tr').first();
  expect(await first.getAttribute('data-cell')).toBe(cell);
  expect(await first.locator('td.num').textContent()).toBe(n.toLocaleString('en-GB'));
  const button = first.getByRole('button', {name: 'Select'});
  await button.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => readTotal(page)).toBe(n);
  expect(await first.getByRole('button').getAttribute('aria-pressed')).toBe('true');
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect.poll(() => readTotal(page)).toBe(all);
  // Escape clears a selection made here too, as the map's help says.
  await page.keyboard.press('Enter');
  await expect.poll(() => readTotal(page)).toBe(n);
  await page.keyboard.press('Escape');
  await expect.poll(() => readTotal(page)).toBe(all);
  expect(errors).toEqual([]);
  await close();
});

test('the hexagon selection is in the URL: a reload keeps it, Back undoes it', async () => {
  const {cell, n} = await busiestCell();
  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?hours=22-4`);
  const all = await readTotal(page);
  await page.locator('.busiest summary').click();
  await page.locator(`tr[data-cell="${cell}"]`).getByRole('button', {name: 'Select'}).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('cells')).toBe(cell);
  const some = await readTotal(page);
  expect(some).toBeLessThan(all);

  await page.reload();
  expect(await readTotal(page)).toBe(some);
  expect(new URL(page.url()).search).toBe(`?hours=22-4&cells=${cell}`);
  await expect.poll(() => page.getByRole('button', {name: 'Remove filter Map'}).count()).toBe(1);

  await page.goBack();
  await expect.poll(() => readTotal(page)).toBe(all);
  expect(new URL(page.url()).searchParams.get('cells')).toBeNull();
  expect(errors).toEqual([]);

  // Without the hour window, the reloaded cell is the busiest cell's total in native DuckDB.
  await page.goto(`${inject('baseUrl')}/?cells=${cell}`);
  expect(await readTotal(page)).toBe(n);
  await page.goto(`${inject('baseUrl')}/?cells=${cell},88195da49bfffff`);
  await expect.poll(() => page.locator('.notices').textContent()).toContain('Ignored cells=');
  // A list with one bad cell is ignored whole, as the notice says: no map filter.
  expect(await readTotal(page)).toBeGreaterThan(n);
  expect(await page.getByRole('button', {name: 'Remove filter Map'}).count()).toBe(0);
  await close();
});

test("a view picks up the selected hexagon's copy at its own next query, not at another view's", async () => {
  const {cell} = await busiestCell();
  const {page, errors, close} = await openPage(browser);
  await page.addInitScript({content: RECORD_SQL});
  await page.goto(`${inject('baseUrl')}/?cells=${cell}`);
  const some = await readTotal(page);
  // The copy of the cell's rows is built once the views have drawn the selection.
  await expect.poll(() => cellCopyBuilt(page)).toBe(true);
  await page.waitForSelector('[data-testid="map"][data-pending="false"]');
  // A breakdown's own filter leaves its predicate as it was but gives it a query of its own,
  // which reads the copy finished since its last query.
  const start = (await answered(page)).length;
  await page
    .getByRole('table', {name: 'Attendances by weapon'})
    .getByRole('button')
    .first()
    .click();
  await expect.poll(() => new URL(page.url()).searchParams.get('weapon')).not.toBeNull();
  await viewsIdle(page);
  const own = (await answered(page)).slice(start).filter((q) => q.includes('"weapon" AS code'));
  expect(own.length).toBeGreaterThan(0);
  expect(own.every((q) => /FROM "_cells_\d+"/.test(q))).toBe(true);
  const weapon = await readTotal(page);
  expect(weapon).toBeLessThan(some);

  await page.evaluate(() => window.scrollTo(0, 0)); // the breakdowns are below the trend
  const before = (await answered(page)).length;
  await brushTrend(page, 0.3, 0.6);
  await expect.poll(() => new URL(page.url()).searchParams.get('from')).not.toBeNull();
  await expect.poll(() => readTotal(page)).toBeLessThan(weapon);
  await viewsIdle(page);
  const after = (await answered(page)).slice(before);
  // The views whose predicate changed read the copy (the cell holds under a tenth of the rows).
  expect(after.some((q) => /FROM "_cells_\d+"/.test(q))).toBe(true);
  // The trend leaves out its own brush: its numbers are the same, so it asks nothing (it used to
  // switch to the copy finished since its last query, and ask for the same numbers again).
  expect(after.filter((q) => q.startsWith('SELECT CAST(bucket AS VARCHAR) AS bucket'))).toEqual([]);

  expect(errors).toEqual([]);
  await close();
});

test('the colour modes are one tab stop, chosen with the arrow keys', async () => {
  const {page, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  await readTotal(page);
  // The map itself is one tab stop too: deck.gl draws in MapLibre's canvas, adding none.
  await page.waitForSelector('[data-testid="map"][data-pending="false"]');
  expect(
    await page
      .getByTestId('map')
      .locator('canvas')
      .evaluateAll((cs) => cs.filter((c) => c.getAttribute('tabindex') !== '-1').length),
  ).toBe(1);
  const group = page.getByRole('radiogroup', {name: 'Colour hexagons by'});
  const radios = group.getByRole('radio');
  expect(await radios.evaluateAll((els) => els.map((e) => e.getAttribute('tabindex')))).toEqual([
    '0',
    '-1',
    '-1',
  ]);
  await radios.first().focus();
  await page.keyboard.press('ArrowRight');
  const gi = group.getByRole('radio', {name: 'Hot spots (Gi*)'});
  await expect.poll(() => gi.getAttribute('aria-checked')).toBe('true');
  expect(await gi.evaluate((e) => e === document.activeElement)).toBe(true);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect
    .poll(() => group.getByRole('radio', {name: 'Emerging'}).getAttribute('aria-checked'))
    .toBe('true');
  await close();
});

test('emerging hot spots do not change when the dates cut a few days into a month', async () => {
  const {page, close} = await openPage(browser);
  const legend = async (to: string) => {
    await page.goto(`${inject('baseUrl')}/?from=2024-01-01&to=${to}&view=52.4800,-1.9000,9.00`);
    await readTotal(page);
    await page.getByRole('radio', {name: 'Emerging'}).click();
    await page.waitForSelector('[data-testid="map"][data-pending="false"]');
    await expect.poll(() => page.locator('.map-legend').textContent()).toContain('hot spot');
    return page.locator('.map-legend').textContent();
  };
  const whole = await legend('2025-11-30');
  expect(whole).toMatch(/Persistent hot spot \(\d+\)/);
  // Three days of December: the same whole months are compared, not a near-empty December.
  expect(await legend('2025-12-03')).toBe(whole);
  await close();
});

test('new dates never show emerging hot spots of the old hexagons against the new months', async () => {
  const {page, errors, close} = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/?from=2024-01-01&to=2025-11-30&view=52.4800,-1.9000,9.00`);
  await readTotal(page);
  await page.getByRole('radio', {name: 'Emerging'}).click();
  // The legend (the slices' unit, each pattern's cells) and the hexagons' total.
  const shown = `(() => document.querySelector('.map-legend')?.textContent + ' | ' +
    document.querySelector('[data-testid="map"]')?.getAttribute('data-total'))()`;
  const settled = async () => {
    await page.waitForSelector('[data-testid="map"][data-pending="false"]');
    await expect.poll(() => page.locator('.map-legend').textContent()).toContain('hot spot');
    return (await page.evaluate(shown)) as string;
  };
  const before = await settled();
  // Every state the page commits from here on (as a MutationObserver sees them, once a task).
  await page.evaluate(`(() => {
    window.__shown = [];
    new MutationObserver(() => {
      const now = ${shown};
      if (now !== window.__shown.at(-1)) window.__shown.push(now);
    }).observe(document.body, {
      subtree: true, childList: true, characterData: true, attributes: true,
      attributeFilter: ['data-total'],
    });
  })()`);
  // Over three years: by quarter, where the old rows are by month.
  await page.getByLabel('From date').fill('2022-01-01');
  await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2022-01-01');
  await expect.poll(() => page.evaluate(shown)).not.toBe(before);
  const after = await settled();
  expect(after).toContain('by quarter');
  const seen = new Set((await page.evaluate('window.__shown')) as string[]);
  expect([...seen].filter((text) => text !== before && text !== after)).toEqual([]);
  expect(errors).toEqual([]);
  await close();
});
