// Privacy: every request on every page, in German and English, goes to the dashboard's own
// origin; no cookie is set; nothing is written to localStorage, sessionStorage or IndexedDB.
// The only thing kept is the offline copy (docs/deploy.md, section 5): one service worker of the
// dashboard's own folder and one cache holding the dashboard's own files; an embed keeps
// nothing at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';
import { APP, ROUTES, TIMEOUT, URL_BASE, ready } from './env.mjs';

let browser;
before(async () => { browser = await launch({ serviceWorkers: 'allow' }); });
after(async () => { await browser.close(); });



/** What the page keeps in the browser. */
const stored = () => (async () => ({
  cookie: document.cookie,
  local: Object.keys(localStorage),
  session: Object.keys(sessionStorage),
  indexedDB: (await indexedDB.databases()).map(d => d.name),
  caches: await caches.keys(),
  // A registration's scope says whose it is; its worker's script is missing for a moment while
  // the worker changes state (seen under load in CI), so it is checked where there is one.
  serviceWorkers: (await navigator.serviceWorker.getRegistrations())
    .map(r => ({ scope: r.scope, script: (r.active || r.waiting || r.installing)?.scriptURL ?? null })),
}))();

/** Every address kept in the page's caches. */
const cachedUrls = () => (async () => {
  const urls = [];
  for (const name of await caches.keys()) urls.push(...(await (await caches.open(name)).keys()).map(r => r.url));
  return urls;
})();

test('one origin, no cookies, no storage but the offline copy of the dashboard\'s own files, on every page in German and English', { timeout: TIMEOUT }, async () => {
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
      const kept = await page.evaluate(stored);
      assert.deepEqual({ ...kept, caches: [], serviceWorkers: [] }, {
        cookie: '', local: [], session: [], indexedDB: [], caches: [], serviceWorkers: [],
      }, `storage after ${lang} ${hash}`);
      // The offline copy: at most one worker, of the dashboard's folder, and its one cache.
      assert.ok(kept.serviceWorkers.length <= 1 && kept.serviceWorkers
        .every(w => w.scope === APP && (w.script === null || w.script === `${APP}sw.js`)), JSON.stringify(kept.serviceWorkers));
      assert.ok(kept.caches.every(n => n.startsWith('wegmarke-offline-') && n.endsWith(` ${APP}`)) && kept.caches.length <= 1, `${kept.caches}`);
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
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cached = await page.evaluate(cachedUrls);
  assert.ok(cached.length > 0, 'the offline copy was made');
  assert.deepEqual(cached.filter(u => !u.startsWith(APP)), [], 'cached files not of the dashboard');
  await page.close();
});

test('an embed keeps nothing: no service worker, no cache', { timeout: TIMEOUT }, async () => {
  const fresh = await launch({ serviceWorkers: 'allow' });
  try {
    const { page } = await openPage(fresh);
    for (const hash of ROUTES.filter(h => h.startsWith('#/embed/'))) {
      await page.goto(`${APP}${hash}`);
      await ready(page);
      // A registration would fetch sw.js: once the network is idle it would be listed.
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await page.evaluate(stored), {
        cookie: '', local: [], session: [], indexedDB: [], caches: [], serviceWorkers: [],
      }, `storage after ${hash}`);
    }
    // Control: the dashboard itself, in the same browser, does register it.
    await page.goto(`${APP}#/`);
    await ready(page);
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistrations()).length === 1);
  } finally {
    await fresh.close();
  }
});
