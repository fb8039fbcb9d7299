/** Screenshot the built app (npm run build first): tsx scripts/screenshot.ts "?query" out.png [WxH]. */
import {resolve} from 'node:path';
import {launchBrowser, openPage, readTotal} from '../tests/helpers/browser';
import {startStaticServer} from '../tests/helpers/static-server';

const [query = '', out = 'tests/output/page.png', size = '1280x800'] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);
const root = resolve(import.meta.dirname, '..');
const server = await startStaticServer({
  '/': resolve(root, 'dist'),
  '/fixtures': resolve(root, 'tests/fixtures/generated'),
});
const browser = await launchBrowser();
try {
  const {page, errors, requests} = await openPage(browser, {width, height});
  await page.goto(`${server.url}/${query}`);
  const total = await readTotal(page).catch((e: Error) => `no total (${e.message.split('\n')[0]})`);
  // CLICK="Hot spots (Gi*)|Premises": click controls by accessible name before the shot.
  for (const name of (process.env.CLICK ?? '').split('|').filter(Boolean)) {
    await page
      .getByRole('radio', {name})
      .or(page.getByRole('checkbox', {name}))
      .or(page.getByRole('button', {name}))
      .first()
      .click();
    await page.waitForTimeout(1500);
  }
  await page.waitForTimeout(1500);
  await page.screenshot({path: out, fullPage: process.env.FULL === '1'});
  console.log(
    JSON.stringify(
      {
        total,
        url: page.url(),
        errors,
        offOrigin: requests.filter(
          (r) => !r.startsWith(server.url) && !r.startsWith('data:') && !r.startsWith('blob:'),
        ),
      },
      null,
      1,
    ),
  );
} finally {
  await browser.close();
  await server.close();
}
