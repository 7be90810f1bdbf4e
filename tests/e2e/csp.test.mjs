// The strict Content-Security-Policy: the server sends it (with nosniff, the referrer policy and
// the caching rules of docs/deploy.md), the build has nothing inline that it would block, and
// every page — charts and their tooltips included — runs under it without a single violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { APP, DIST, ROUTES, TIMEOUT, assertClean, pointAtChart, ready } from './env.mjs';
import { CSP, IMMUTABLE, REVALIDATE } from './server.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });


/** Every page, and one that does not exist. */
const PAGES = [...ROUTES, '#/gibt-es-nicht'];

test('the server sends the strict CSP, nosniff, the referrer policy and the caching rules', { timeout: TIMEOUT }, async () => {
  const index = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const assets = [...index.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map(m => m[1]);
  const wasm = fs.readdirSync(DIST).find(f => f.endsWith('_bg.wasm'));
  assert.ok(wasm, 'the build has a wasm file');
  // Everything index.html names with a hash, and the parts and ECharts the app fetches later.
  const isHashed = a => /-[0-9a-f]{8,16}(_bg)?(\.min)?\.(js|wasm|bin|css)$/.test(a);
  const hashed = [...new Set([...assets.filter(isHashed), wasm, ...fs.readdirSync(DIST).filter(isHashed)])];
  assert.ok(hashed.length >= 6, `hashed assets found: ${hashed}`);
  for (const [file, cache] of [['', REVALIDATE], ['index.html', REVALIDATE], ['config.json', REVALIDATE],
    ['data/plan.json', REVALIDATE], ['data/measures.json', REVALIDATE], ['data/indicators.json', REVALIDATE],
    ...hashed.map(f => [f, IMMUTABLE])]) {
    const r = await fetch(APP + file, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(r.status, 200, file);
    assert.equal(r.headers.get('content-security-policy'), CSP, `CSP on ${file || '/'}`);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', file);
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer', file);
    assert.equal(r.headers.get('cache-control'), cache, `caching of ${file || '/'}`);
    assert.equal(r.headers.get('set-cookie'), null, file);
    await r.arrayBuffer();
  }
  const wasmResponse = await fetch(APP + wasm);
  assert.equal(wasmResponse.headers.get('content-type'), 'application/wasm', 'streaming compilation needs the wasm type');
  await wasmResponse.arrayBuffer();
  // A missing page (404) carries the policy too.
  const missing = await fetch(APP + 'gibt-es-nicht.html');
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get('content-security-policy'), CSP);
});

test('the built index.html has nothing inline a strict CSP would block', () => {
  const index = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  for (const [, attrs, body] of index.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    assert.match(attrs, /\bsrc="\.\/[^"]+"/, 'every script is a file of the build');
    assert.equal(body.trim(), '', 'no inline script');
  }
  assert.doesNotMatch(index, /<style\b/, 'no inline style element');
  assert.doesNotMatch(index, /\sstyle="/, 'no style attribute');
  assert.doesNotMatch(index, /\son[a-z]+="/, 'no inline event handler');
  assert.doesNotMatch(index, /(?:src|href)="(?:https?:)?\/\//, 'nothing from another host');
});

test('every page runs under the strict CSP without a violation (German, English and right-to-left Arabic)', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser);
  for (const lang of ['de', 'en', 'ar']) {
    for (const hash of PAGES) {
      await page.goto(`${APP}?lang=${lang}${hash}`);
      await ready(page);
      if (lang === 'ar') assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      // The first view (SVG from Rust), the live chart a pointer starts and its tooltip:
      // all must work under the policy.
      const box = await pointAtChart(page);
      if (box) await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.5);
      const violations = await page.evaluate(() => window.__csp || []);
      assert.deepEqual(violations, [], `CSP violations on ${lang} ${hash}`);
    }
  }
  await assertClean(assert, page, log);
  await page.close();
});

test('control: a violation is noticed both in the page and as a report to the server', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser);
  await page.goto(APP);
  await page.getByTestId('plan-title').waitFor();
  const reported = page.waitForRequest(r => new URL(r.url()).pathname === '/csp-report');
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
    document.body.setAttribute('style', 'color: red');
  });
  await reported;
  await page.waitForFunction(() => (window.__csp || []).length >= 2);
  assert.equal(await page.evaluate(() => window.__inline), undefined, 'the inline script was blocked');
  const violations = await page.evaluate(() => window.__csp);
  assert.ok(violations.some(v => v.startsWith('script-src')), violations.join());
  assert.ok(violations.some(v => v.startsWith('style-src')), violations.join());
  assert.ok(log.csp.length >= 1);
  await page.close();
});
