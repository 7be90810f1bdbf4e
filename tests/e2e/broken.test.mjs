// Broken data: the page names the file, the place and what to do, keeps the rest working, and
// recovers with "Erneut versuchen" once the file is fixed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { DIST, site, assertClean } from './env.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const good = name => fs.readFileSync(path.join(DIST, 'data', name), 'utf8');

test('a plan.json with a syntax error gets a located fatal message and a working retry', async () => {
  const broken = good('plan.json').replace('"fields": [', '"fields": [[,');
  const line = broken.slice(0, broken.indexOf('[[,')).split('\n').length;
  const { url, dir } = site('broken-plan', { 'data/plan.json': broken });
  const { page, log } = await openPage(browser);
  await page.goto(url);
  const fatal = page.getByTestId('fatal');
  await fatal.waitFor();
  const text = await fatal.textContent();
  assert.match(text, /Ein Teil der Daten konnte nicht geladen werden/);
  assert.match(text, new RegExp(`plan\\.json:${line}:\\d+`));
  assert.match(text, /kein gültiges JSON/);
  assert.equal(await fatal.getAttribute('role'), 'alert');
  // The rest keeps working: the measures are still counted.
  assert.equal(await page.getByTestId('measures-total').textContent(), '40');

  // Staff fix the file; "Erneut versuchen" loads it again.
  fs.rmSync(path.join(dir, 'data/plan.json'));
  fs.writeFileSync(path.join(dir, 'data/plan.json'), good('plan.json'));
  await page.getByRole('button', { name: 'Erneut versuchen' }).click();
  await page.getByTestId('plan-title').waitFor();
  assert.equal(await page.getByTestId('fatal').count(), 0);
  await assertClean(assert, page, log);
  await page.close();
});

test('a dangling reference is listed with file, line and JSON path; everything else shows', async () => {
  const text = good('measures.json').replace('"sprache-1"', '"sprache-9"');
  const line = text.slice(0, text.indexOf('"sprache-9"')).split('\n').length;
  const { url } = site('broken-ref', { 'data/measures.json': text });
  const { page, log } = await openPage(browser);
  await page.goto(url);
  const problems = page.getByTestId('problems');
  await problems.waitFor();
  await problems.locator('summary').click();
  const item = problems.getByTestId('problem');
  assert.equal(await item.count(), 1);
  assert.match(await item.textContent(), new RegExp(`measures\\.json:${line}:\\d+: measures\\[0\\]\\.goals\\[0\\] unbekanntes Ziel "sprache-9"`));
  assert.equal(await page.getByTestId('field-card').count(), 7);
  await assertClean(assert, page, log);
  await page.close();
});

test('a missing measures.json is fatal for that file only', async () => {
  const { url } = site('missing-measures', { 'data/measures.json': null });
  const { page } = await openPage(browser);
  await page.goto(url + '?lang=en');
  const fatal = page.getByTestId('fatal');
  await fatal.waitFor();
  assert.match(await fatal.textContent(), /measures\.json.*HTTP 404/);
  assert.equal(await page.getByTestId('plan-title').textContent(), 'Integration plan of the City of Göppingen');
  await page.close();
});
