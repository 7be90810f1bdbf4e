// The overview with the example plan, in German and English, under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';
import { APP, site, assertClean } from './env.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('overview shows the example plan in German', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(APP);
  const title = page.getByTestId('plan-title');
  await title.waitFor();
  assert.equal(await title.textContent(), 'Integrationsplan der Stadt Göppingen');
  assert.equal(await page.getByTestId('measures-total').textContent(), '40');
  assert.match(await page.getByTestId('stand').textContent(), /Stand: 31\. Oktober 2026/);
  assert.equal(await page.getByTestId('field-card').count(), 7);
  const sprache = page.locator('[data-field=sprache]');
  assert.match(await sprache.textContent(), /68\u00a0%/);
  assert.equal(await page.locator('[data-testid=status-counts] [data-status=on_track] .count').textContent(), '12');
  assert.equal(await page.locator('[data-testid=status-counts] [data-status=dropped] .count').textContent(), '2');
  assert.equal(await page.title(), 'Integrationsplan der Stadt Göppingen – Wegmarke');
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  assert.equal(await page.getByTestId('problems').count(), 0, 'the example plan has no problems');
  await assertClean(assert, page, log);
  await page.close();
});

test('config and data are fetched once each: the preloads in index.html are the ones used', async () => {
  const { page, log } = await openPage(browser);
  const fetched = {};
  page.on('request', r => {
    const m = new URL(r.url()).pathname.match(/\/(config\.json|data\/\w+\.json)$/);
    if (m) fetched[m[1]] = (fetched[m[1]] || 0) + 1;
  });
  await page.goto(APP);
  await page.getByTestId('plan-title').waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(fetched, { 'config.json': 1, 'data/plan.json': 1, 'data/measures.json': 1, 'data/indicators.json': 1 });
  await assertClean(assert, page, log);
  await page.close();
});

test('German is built in: no language file is fetched', async () => {
  const { page, log } = await openPage(browser);
  const fetched = [];
  page.on('request', r => { if (r.url().includes('/locales/')) fetched.push(r.url()); });
  await page.goto(APP);
  await page.getByTestId('plan-title').waitFor();
  assert.deepEqual(fetched, []);
  await assertClean(assert, page, log);
  await page.close();
});

test('a language file that cannot be loaded: German, and a note in the asked-for language', async () => {
  const { page } = await openPage(browser);
  await page.route('**/locales/**', route => route.abort());
  await page.goto(APP + '?lang=tr');
  await page.getByTestId('plan-title').waitFor();
  assert.equal(await page.getByTestId('plan-title').textContent(), 'Integrationsplan der Stadt Göppingen');
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  const note = page.getByTestId('language-missing');
  assert.equal(await note.getAttribute('lang'), 'tr');
  assert.match(await note.textContent(), /Türkçe yüklenemedi/);
  await page.close();
});

test('English UI and data texts with ?lang=en', async () => {
  const { page, log } = await openPage(browser, { width: 390, height: 800 });
  const fetched = [];
  page.on('request', r => { if (r.url().includes('/locales/')) fetched.push(new URL(r.url()).pathname); });
  await page.goto(APP + '?lang=en');
  await page.getByTestId('plan-title').waitFor();
  assert.equal(await page.getByTestId('plan-title').textContent(), 'Integration plan of the City of Göppingen');
  assert.match(await page.getByTestId('stand').textContent(), /As of: 31 October 2026/);
  assert.match(await page.locator('[data-field=sprache]').textContent(), /68%/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  // Only the reader's language is fetched, under a content-hashed name.
  assert.equal(fetched.length, 1);
  assert.match(fetched[0], /\/locales\/en-[0-9a-f]{16}\.json$/);
  await assertClean(assert, page, log);
  await page.close();
});

test('a deep link under the sub-path loads without rewrite rules', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(APP + '#/gibt-es-nicht');
  await page.locator('main h1').waitFor();
  assert.equal(await page.locator('main h1').textContent(), 'Diese Seite gibt es nicht');
  await page.locator('main a[href="#/"]').click();
  await page.getByTestId('plan-title').waitFor();
  await page.goBack();
  await page.locator('main h1', { hasText: 'Diese Seite gibt es nicht' }).waitFor();
  await assertClean(assert, page, log);
  await page.close();
});

test('the logo from config.json is shown in the header; one from another host is refused', async () => {
  const config = theme => JSON.stringify({ data: 'data/', theme });
  const logo = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#00509b"/></svg>';
  const own = site('logo', { 'config.json': config({ logo: 'stadt-logo.svg' }), 'stadt-logo.svg': logo });
  const { page, log } = await openPage(browser);
  await page.goto(own.url);
  await page.getByTestId('logo').waitFor();
  assert.equal(await page.getByTestId('logo').getAttribute('alt'), '', 'decorative: the link has its text');
  assert.ok(await page.getByTestId('logo').evaluate(img => img.complete && img.naturalWidth > 0), 'the logo loaded');
  assert.equal(await page.locator('.brand-mark').count(), 0);
  await assertClean(assert, page, log);

  const foreign = site('logo-foreign', { 'config.json': config({ logo: 'https://evil.example/logo.svg' }) });
  await page.goto(foreign.url);
  await page.getByTestId('plan-title').waitFor();
  assert.equal(await page.getByTestId('logo').count(), 0);
  assert.equal(await page.locator('.brand-mark').count(), 1);
  assert.match(await page.getByTestId('problems').textContent(), /theme\.logo/);
  await assertClean(assert, page, log);
  await page.close();
});
