// Embeds on a city website of another origin: the iframe's height follows its content through
// embed.js (origin- and source-checked postMessage), and the printed council report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { FLAGS, openPage } from './browser.mjs';
import { APP, assertClean } from './env.mjs';

let browser;
// The "city website" is fulfilled by the test (no server of its own), which Chromium's
// local-network-access check would count as a public site reaching into loopback; a real
// city site and our server would both be public, so the check is switched off here only.
before(async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wegmarke-chromium-'));
  browser = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: '/usr/bin/chromium', headless: true,
    args: [...FLAGS, '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests'],
  });
});
after(async () => { await browser.close(); });

// The city website: another origin (localhost vs 127.0.0.1), with its own page and no CSP of
// ours. Served by the test itself, so nothing leaves this machine.
const CITY = APP.replace('127.0.0.1', 'localhost').replace(/\/integration\/monitor\/$/, '/city/');

async function cityPage(body) {
  const { page, log } = await openPage(browser);
  await page.route(CITY + '**', route => route.fulfill({ status: 200, contentType: 'text/html', body }));
  return { page, log };
}

test('an embedded indicator on another origin gets its height from its content', async () => {
  const src = `${APP}?lang=de#/embed/indikator/I-alq-ausl`;
  const { page } = await cityPage(`<!DOCTYPE html><html lang="de"><title>Stadt</title><body>
    <h1>Integration in Göppingen</h1>
    <iframe id="w" src="${src}" title="Arbeitslosenquote – Wegmarke" data-wegmarke-embed style="width:100%;border:0"></iframe>
    <script src="${APP}embed.js"></script></body></html>`);
  await page.goto(CITY + 'index.html');
  const frame = page.frameLocator('#w');
  await frame.getByTestId('embed-view').waitFor();
  // Chromeless: no site header inside the embed.
  assert.equal(await frame.locator('.site-header').isVisible(), false);
  // The chart and the details come after the heading (their own part): the whole view first.
  await frame.getByTestId('data-table').waitFor();
  await frame.getByTestId('chart').locator('svg').waitFor();
  const inner = await frame.locator('html').evaluate(e => e.scrollHeight);
  assert.ok(inner > 500, `content ${inner}px`);
  await page.waitForFunction(h => Math.abs(parseInt(document.getElementById('w').style.height, 10) - h) <= 2, inner);
  const h1 = await page.evaluate(() => parseInt(document.getElementById('w').style.height, 10));
  // A message from the city page itself (not from the iframe) is ignored.
  await page.evaluate(() => window.postMessage({ type: 'wegmarke:height', height: 77 }, '*'));
  await page.evaluate(() => new Promise(r => setTimeout(r, 0)));
  assert.equal(await page.evaluate(() => parseInt(document.getElementById('w').style.height, 10)), h1);
  // The content grows: the iframe follows.
  await frame.locator('.site-footer, .embed-source').last().evaluate(el => {
    const extra = document.createElement('div'); extra.style.height = '400px'; extra.id = 'grow'; el.after(extra);
  });
  await page.waitForFunction(h => parseInt(document.getElementById('w').style.height, 10) >= h + 390, h1);
  await page.close();
});

test('every embeddable view offers its snippet; key figures embed', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(APP + '#/indikator/I-alq-ausl');
  await page.getByTestId('embed-box').locator('summary').click();
  const code = await page.getByTestId('embed-code').inputValue();
  assert.match(code, /<iframe src="http:\/\/127\.0\.0\.1:\d+\/integration\/monitor\/\?lang=de#\/embed\/indikator\/I-alq-ausl" title="Arbeitslosenquote nach Staatsangehörigkeit" data-wegmarke-embed/);
  assert.match(code, /<script src="http:\/\/127\.0\.0\.1:\d+\/integration\/monitor\/embed\.js" async><\/script>/);
  for (const hash of ['#/', '#/handlungsfeld/sprache', '#/massnahme/M-1.4']) {
    await page.goto(APP + hash);
    await page.getByTestId('embed-box').waitFor();
  }
  await page.goto(APP + '?lang=en#/embed/kennzahlen');
  await page.getByTestId('measures-total').waitFor();
  assert.equal(await page.getByTestId('measures-total').textContent(), '40');
  assert.equal(await page.locator('.site-header').isVisible(), false);
  await assertClean(assert, page, log);
  await page.close();
});

test('theme colours can be set in the embed URL; one with too little contrast is ignored', async () => {
  const { page } = await openPage(browser);
  const primary = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--primary').trim());
  await page.goto(APP + '?primary=%23006400#/embed/kennzahlen');
  await page.getByTestId('measures-total').waitFor();
  assert.equal(await primary(), '#006400');
  await page.goto(APP + '?primary=%23a0c4ff#/embed/kennzahlen');
  await page.reload();
  await page.getByTestId('measures-total').waitFor();
  assert.equal(await primary(), '#00509b', 'a light blue fails 4.5:1 against white and is not applied');
  await page.close();
});

test('the council report prints to a tidy A4 PDF', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(APP + '#/bericht?seit=2026-05-12');
  await page.getByTestId('changes-summary').waitFor();
  assert.equal(await page.getByTestId('report-field').count(), 7);
  await page.emulateMedia({ media: 'print' });
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wegmarke-report-'));
  const pdf = path.join(out, 'bericht.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const info = execFileSync('pdfinfo', [pdf]).toString();
  assert.match(info, /Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);
  const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
  assert.ok(pages >= 2 && pages <= 12, `${pages} pages`);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', pdf, path.join(out, 'page')]);
  assert.ok(fs.readdirSync(out).filter(f => f.endsWith('.png')).length === 2);
  if (process.env.WEGMARKE_KEEP) fs.cpSync(out, process.env.WEGMARKE_KEEP, { recursive: true });
  await assertClean(assert, page, log);
  await page.close();
});
