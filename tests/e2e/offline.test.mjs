// Offline reading (public/sw.js, docs/deploy.md): after a first visit the dashboard opens with
// the network cut, shows the stored data and says that it is offline and since when the data
// is; back online it fetches new data at once; a new app or data version on the server is what
// the next online visit shows. Each test publishes its own copy of the build (its own worker
// scope and cache) and changes files there, never in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { DIST, audit, site, assertClean, ready } from './env.mjs';

const plan = JSON.parse(fs.readFileSync(path.join(DIST, 'data', 'plan.json'), 'utf8'));
const measures = JSON.parse(fs.readFileSync(path.join(DIST, 'data', 'measures.json'), 'utf8')).measures;

let browser;
before(async () => { browser = await launch({ serviceWorkers: 'allow' }); });
after(async () => { await browser.close(); });

/** Replaces a published file (unlinked first: the site's files are hard links to dist/'s),
 * without its precompressed copies, which nginx would serve instead. */
function put(dir, rel, content) {
  const p = path.join(dir, rel);
  for (const f of [p, `${p}.gz`, `${p}.br`]) fs.rmSync(f, { force: true });
  fs.writeFileSync(p, content);
}

/** plan.json with another title, to tell new data from old. */
const retitled = title => JSON.stringify({ ...plan, plan: { ...plan.plan, title: { ...plan.plan.title, de: title } } });

/** Opens `url` online and waits until the worker controls the page, its install (the shell,
 * the parts and the data cached) done. */
async function firstVisit(url) {
  const { page, log } = await openPage(browser);
  await page.goto(`${url}#/`);
  await ready(page);
  await page.waitForFunction(async () => !!(await navigator.serviceWorker.ready) && !!navigator.serviceWorker.controller);
  return { page, log };
}

const notice = page => page.getByTestId('offline-notice');

test('after a first visit, the overview and pages not yet seen open offline with the stored data and say since when', async () => {
  const { url } = site('offline-read', {});
  const { page, log } = await firstVisit(url);
  assert.equal(await notice(page).count(), 0, 'no notice while online with fresh data');
  const ctx = page.context();
  await ctx.setOffline(true);
  try {
    const started = Date.now();
    await page.reload();
    await ready(page);
    await notice(page).waitFor();
    const shownMs = Date.now() - started;
    const text = await notice(page).textContent();
    assert.match(text, /Sie sind offline\./);
    assert.match(text, /Angezeigt wird der Datenstand vom 31\. Oktober 2026\./);
    assert.match(text, /Auf diesem Gerät gespeichert am \d{1,2}\. \p{L}+ \d{4}, \d{2}:\d{2}\./u);
    assert.equal(await notice(page).getAttribute('role'), 'status');
    assert.equal(await page.locator('h1').first().textContent(), plan.plan.title.de);
    console.log(`# offline reload to overview with notice: ${shownMs} ms`);

    // A measure page (a WebAssembly part the first visit did not load) and an indicator with
    // its chart (ECharts): the worker cached them at install.
    const m = measures[0];
    await page.evaluate(id => { location.hash = `#/massnahme/${id}`; }, m.id);
    await page.locator('h1', { hasText: m.title.de }).waitFor();
    await notice(page).waitFor();
    await page.evaluate(() => { location.hash = '#/indikator/I-alq-ausl'; });
    await page.getByTestId('chart').locator('svg').first().waitFor();
    assert.equal(await page.getByTestId('part-failed').count(), 0);
    // Its map of values by district: the boundary file config.json names was cached too.
    await page.getByTestId('district-map').locator('svg').waitFor();

    // Another language, opened offline by its own address (?lang=en: index.html from the cache).
    await page.goto(`${url}?lang=en#/massnahme/${m.id}`);
    await page.locator('h1', { hasText: m.title.en }).waitFor();
    assert.match(await notice(page).textContent(), /You are offline\. Showing the data as of 31 October 2026\. Stored on this device on /);
  } finally {
    await ctx.setOffline(false);
  }
  await assertClean(assert, page, log);
  await page.close();
});

test('back online, new data is fetched at once and the notice goes away', async () => {
  const { url, dir } = site('offline-back', {});
  const { page, log } = await firstVisit(url);
  const ctx = page.context();
  await ctx.setOffline(true);
  try {
    await page.reload();
    await ready(page);
    await notice(page).waitFor();
    assert.equal(await page.locator('h1').first().textContent(), plan.plan.title.de);
    put(dir, 'data/plan.json', retitled('Neuer Stand des Plans'));
  } finally {
    await ctx.setOffline(false);
  }
  await page.locator('h1', { hasText: 'Neuer Stand des Plans' }).waitFor();
  await notice(page).waitFor({ state: 'detached' });
  await assertClean(assert, page, log);
  await page.close();
});

test('a new app, data and worker version on the server is what the next online visit uses, and then offline too', async () => {
  const { url, dir } = site('offline-update', {});
  const { page, log } = await firstVisit(url);
  // A new release: other index.html, other data.
  const index = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  put(dir, 'index.html', index.replace('</head>', '<meta name="wegmarke-release" content="2">\n</head>'));
  put(dir, 'data/plan.json', retitled('Zweite Fassung'));
  await page.reload();
  await page.locator('h1', { hasText: 'Zweite Fassung' }).waitFor();
  assert.equal(await page.locator('meta[name=wegmarke-release]').getAttribute('content'), '2');
  assert.equal(await notice(page).count(), 0);
  // The worker stores what the server answered: offline, the new version is what opens.
  await page.waitForFunction(async () => {
    const stored = async (file, text) => {
      for (const name of await caches.keys()) {
        const hit = await (await caches.open(name)).match(new URL(file, location.href).href);
        if (hit && (await hit.text()).includes(text)) return true;
      }
      return false;
    };
    return await stored('./', 'wegmarke-release') && await stored('data/plan.json', 'Zweite Fassung');
  });
  const ctx = page.context();
  await ctx.setOffline(true);
  try {
    await page.reload();
    await page.locator('h1', { hasText: 'Zweite Fassung' }).waitFor();
    await notice(page).waitFor();
    assert.equal(await page.locator('meta[name=wegmarke-release]').getAttribute('content'), '2');
  } finally {
    await ctx.setOffline(false);
  }
  // A new worker takes over on the next visit and deletes the old worker's cache.
  const worker = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const version = /const VERSION = '([^']+)'/.exec(worker)[1];
  put(dir, 'sw.js', worker.replace(`const VERSION = '${version}'`, `const VERSION = '${version}-next'`));
  await page.reload();
  await ready(page);
  await page.waitForFunction(async version => {
    const mine = (await caches.keys()).filter(n => n.endsWith(` ${new URL('./', location.href).href}`));
    return mine.length === 1 && mine[0].startsWith(`${version}-next `);
  }, version);
  await assertClean(assert, page, log);
  await page.close();
});

test('axe finds nothing on a page with the offline notice (German and Arabic)', async () => {
  const { url } = site('offline-axe', {});
  const { page } = await firstVisit(url);
  const ctx = page.context();
  await ctx.setOffline(true);
  try {
    for (const lang of ['de', 'ar']) {
      await page.goto(`${url}?lang=${lang}#/`);
      await ready(page);
      await notice(page).waitFor();
      assert.deepEqual(await audit(page), [], lang);
    }
  } finally {
    await ctx.setOffline(false);
  }
  await page.close();
});
