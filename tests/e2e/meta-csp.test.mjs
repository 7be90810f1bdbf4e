// The policy also where the server sends none: many city web servers cannot set headers, so
// index.html carries the Content-Security-Policy as a <meta http-equiv>. Here the build is served
// by a plain static server that sends no security header at all, and the policy must still
// hold: no inline script runs, nothing is loaded from another origin, and every page works
// without a violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { DIST, ROUTES, TIMEOUT, assertClean, pointAtChart, ready } from './env.mjs';

const TYPES = {
  '.html': 'text/html', '.js': 'application/javascript', '.css': 'text/css', '.json': 'application/json',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.csv': 'text/csv',
};

let browser, server, app;
before(async () => {
  browser = await launch();
  // Only a content type: no CSP, no nosniff, no referrer policy, no caching rules.
  server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(DIST, rel);
    if (!file.startsWith(path.resolve(DIST) + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  app = `http://127.0.0.1:${server.address().port}/`;
});
after(async () => {
  await browser.close();
  await new Promise(resolve => server.close(resolve));
});

test('control: this server sends no security header', async () => {
  const r = await fetch(app);
  assert.equal(r.status, 200);
  for (const h of ['content-security-policy', 'x-content-type-options', 'referrer-policy']) {
    assert.equal(r.headers.get(h), null, h);
  }
  const html = await r.text();
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(meta, 'index.html carries the policy');
  // Before anything it would have to cover.
  assert.ok(html.indexOf(meta[0]) < html.search(/<(script|link)\b/), 'the policy comes before every script and link');
  for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "object-src 'none'", "base-uri 'self'"]) {
    assert.ok(meta[1].includes(directive), directive);
  }
});

test('without a header the meta policy blocks inline script, inline style and other origins', { timeout: TIMEOUT }, async () => {
  const { page } = await openPage(browser);
  await page.goto(app);
  await page.getByTestId('plan-title').waitFor();
  // Another origin on this machine (a port nothing listens on): the policy must refuse it before
  // any request is made.
  const other = app.replace(/:\d+\/$/, ':9/');
  await page.evaluate(other => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
    const img = document.createElement('img');
    img.src = other + 'pixel.png';
    document.body.append(img);
    fetch(other + 'data.json').catch(() => {});
    document.body.setAttribute('style', 'color: red');
  }, other);
  await page.waitForFunction(() => (window.__csp || []).length >= 4);
  assert.equal(await page.evaluate(() => window.__inline), undefined, 'the inline script was blocked');
  const violations = await page.evaluate(() => window.__csp);
  for (const directive of ['script-src', 'img-src', 'connect-src', 'style-src']) {
    assert.ok(violations.some(v => v.startsWith(directive)), `${directive} refused: ${violations.join(' | ')}`);
  }
  await page.close();
});

test('every page works under the meta policy alone, without a violation', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser);
  for (const hash of ROUTES) {
    await page.goto(app + hash);
    await ready(page);
    // The first view (SVG from Rust), then the live chart a pointer starts.
    await pointAtChart(page);
  }
  await assertClean(assert, page, log);
  await page.close();
});
