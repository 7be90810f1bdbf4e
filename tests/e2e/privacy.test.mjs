// Privacy: every request on every page, in German and English, goes to the dashboard's own
// origin; no cookie is set; nothing is written to localStorage, sessionStorage, IndexedDB, the
// Cache API or a service worker without the reader asking.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';
import { APP, ROUTES, TIMEOUT, URL_BASE, ready } from './env.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });



/** What the page keeps in the browser. */
const stored = () => (async () => ({
  cookie: document.cookie,
  local: Object.keys(localStorage),
  session: Object.keys(sessionStorage),
  indexedDB: (await indexedDB.databases()).map(d => d.name),
  caches: await caches.keys(),
  serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
}))();

test('one origin, no cookies, no storage on every page in German and English', { timeout: TIMEOUT }, async () => {
  const origin = new URL(URL_BASE).origin;
  const requests = [];
  const responses = [];
  // Recorded on the context: pages, workers and anything a page opens.
  browser.on('request', r => requests.push(r.url()));
  browser.on('response', async r => {
    const cookie = await r.headerValue('set-cookie').catch(() => null);
    if (cookie) responses.push(`${r.url()}: ${cookie}`);
  });
  const { page } = await openPage(browser);
  const visited = [];
  for (const lang of ['de', 'en']) {
    for (const hash of ROUTES) {
      await page.goto(`${APP}?lang=${lang}${hash}`);
      await ready(page);
      const chart = page.getByTestId('chart').first();
      if (await chart.count()) await chart.locator('canvas, svg').first().waitFor();
      const search = page.getByTestId('search');
      if (await search.count()) await search.fill('Sprache');
      visited.push(`${lang}${hash}`);
      assert.deepEqual(await page.evaluate(stored), {
        cookie: '', local: [], session: [], indexedDB: [], caches: [], serviceWorkers: 0,
      }, `storage after ${lang} ${hash}`);
    }
  }
  assert.equal(visited.length, 2 * ROUTES.length);
  const foreign = requests.filter(u => {
    const url = new URL(u);
    return !['data:', 'blob:'].includes(url.protocol) && url.origin !== origin;
  });
  assert.deepEqual(foreign, [], 'requests to another origin');
  assert.ok(requests.some(u => u.endsWith('/data/plan.json')), 'requests were recorded');
  assert.deepEqual(responses, [], 'responses setting cookies');
  assert.deepEqual(await browser.cookies(), [], 'cookies in the browser');
  await page.close();
});
