// The generated large plan (2,000 measures, 300 indicators, scripts/gen-large-plan.py): every
// page works with it, the explorer pages through the results, and nothing is reported wrong.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openPage } from './browser.mjs';
import { TIMEOUT, site, assertClean } from './env.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let browser, url, plan, measures, indicators;

before(async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wegmarke-large-'));
  const gen = spawnSync('python3', [path.join(ROOT, 'scripts', 'gen-large-plan.py'), out], { encoding: 'utf8' });
  assert.equal(gen.status, 0, gen.stderr);
  const read = f => fs.readFileSync(path.join(out, f));
  ({ url } = site('large', Object.fromEntries(['plan.json', 'measures.json', 'indicators.json'].map(f => [`data/${f}`, read(f)]))));
  plan = JSON.parse(read('plan.json'));
  measures = JSON.parse(read('measures.json')).measures;
  indicators = JSON.parse(read('indicators.json')).indicators;
  browser = await launch();
});
after(async () => { await browser.close(); });

const count = async page => Number((await page.getByTestId('result-count').textContent()).match(/\d+/)[0]);

test('overview of the large plan: every measure counted, every field shown, no problems', { timeout: TIMEOUT }, async () => {
  assert.equal(measures.length, 2000);
  assert.equal(indicators.length, 300);
  const { page, log } = await openPage(browser);
  await page.goto(url);
  await page.getByTestId('plan-title').waitFor();
  assert.equal(await page.getByTestId('measures-total').textContent(), '2000');
  assert.equal(await page.getByTestId('field-card').count(), plan.fields.length);
  assert.equal(await page.getByTestId('problems').count(), 0, 'the generated plan is valid');
  await assertClean(assert, page, log);
  await page.close();
});

test('explorer with 2,000 measures: 50 at a time, "show more", search and filters', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser);
  await page.goto(url + '#/massnahmen');
  await page.getByTestId('results').waitFor();
  assert.equal(await count(page), 2000);
  const items = page.getByTestId('measure-item');
  assert.equal(await items.count(), 50);
  await page.getByTestId('more').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=measure-item]').length === 100);
  // The search narrows to the measures whose title, summary or description has the word.
  const expected = measures.filter(m => JSON.stringify([m.title, m.summary, m.description]).toLowerCase().includes('sprachkurs')).length;
  assert.ok(expected > 0 && expected < 2000);
  await page.getByTestId('search').fill('SPRACHKURS');
  await page.waitForFunction(n => document.querySelector('[data-testid=result-count]').textContent.startsWith(`${n} `), expected);
  await page.getByTestId('status-delayed').check();
  const delayed = measures.filter(m => m.status === 'delayed'
    && JSON.stringify([m.title, m.summary, m.description]).toLowerCase().includes('sprachkurs')).length;
  await page.waitForFunction(n => document.querySelector('[data-testid=result-count]').textContent.startsWith(`${n} `), delayed);
  const statuses = await page.locator('[data-testid=results] .status').evaluateAll(els => els.map(e => e.dataset.status));
  assert.deepEqual([...new Set(statuses)], delayed ? ['delayed'] : []);
  await assertClean(assert, page, log);
  await page.close();
});

test('every kind of page opens with the large plan', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser);
  const pages = [
    `#/handlungsfeld/${plan.fields[0].id}`, `#/massnahme/${measures[0].id}`, '#/indikatoren',
    `#/indikator/${indicators[0].id}`, '#/akteure', `#/akteur/${plan.actors[0].id}`, '#/methodik',
    '#/aenderungen', '#/bericht', '#/daten', `#/embed/handlungsfeld/${plan.fields[0].id}`,
  ];
  for (const hash of pages) {
    await page.goto(url + hash);
    const h1 = page.locator('main h1').first();
    await h1.waitFor();
    assert.notEqual(await h1.textContent(), 'Diese Seite gibt es nicht', hash);
    assert.equal(await page.getByTestId('fatal').count(), 0, hash);
  }
  await page.goto(url + '#/indikatoren');
  await page.getByTestId('indicator-item').first().waitFor();
  assert.equal(await page.getByTestId('indicator-item').count(), 300);
  await page.goto(url + `#/indikator/${indicators[0].id}`);
  await page.locator('[data-testid=chart] svg').waitFor();
  await assertClean(assert, page, log);
  await page.close();
});
