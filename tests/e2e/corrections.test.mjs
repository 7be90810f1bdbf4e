// Corrections that read as corrections: a revised value that looks the same at the indicator's
// decimals is shown with the decimals that tell the two apart, or named a minor correction, on
// the changes page and in the council report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { DIST, site, assertClean } from './env.mjs';

const SNAPSHOT = 'data/reports/2026-05-12/indicators.json';

/** The report's snapshot with I-alq-ausl's 2024 values changed (one decimal, unit %). */
function snapshot(values, flags = {}) {
  const file = JSON.parse(fs.readFileSync(path.join(DIST, SNAPSHOT), 'utf8'));
  const ind = file.indicators.find(i => i.id === 'I-alq-ausl');
  const at2024 = series => ind.series.find(s => s.id === series).observations.find(o => o.period === '2024');
  for (const [series, value] of Object.entries(values)) at2024(series).value = value;
  for (const [series, flag] of Object.entries(flags)) at2024(series).flag = flag;
  return JSON.stringify(file);
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('a correction below the shown decimals gets more decimals or is named minor', async () => {
  // Now 10.4 and 3.8: then 10.43 (apart at two decimals) and 3.80000001 (apart only at eight).
  const { url } = site('corrections', { [SNAPSHOT]: snapshot({ auslaendisch: 10.43, deutsch: 3.80000001 }) });
  const { page, log } = await openPage(browser);
  const row = () => page.locator('[data-testid=indicator-change][data-id="I-alq-ausl"]');

  await page.goto(url + '#/aenderungen');
  await row().waitFor();
  let text = await row().textContent();
  assert.match(text, /korrigiert: Ausländerinnen und Ausländer 2024: 10,43\u00a0% → 10,40\u00a0%/);
  assert.match(text, /korrigiert: Deutsche 2024: 3,8\u00a0% \(geringfügige Korrektur unterhalb der angezeigten Genauigkeit\)/);
  assert.doesNotMatch(text, /(\d+,\d+\u00a0%) → \1/);

  await page.goto(url + '?lang=en#/aenderungen');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await row().waitFor();
  text = await row().textContent();
  assert.match(text, /revised: Foreign nationals 2024: 10\.43% → 10\.40%/);
  assert.match(text, /revised: Germans 2024: 3\.8% \(a minor correction below the precision shown\)/);

  // The council report lists the same changes.
  await page.goto(url + '#/bericht?seit=2026-05-12');
  await row().waitFor();
  text = await row().textContent();
  assert.match(text, /10,43\u00a0% → 10,40\u00a0%/);
  assert.match(text, /geringfügige Korrektur/);
  await assertClean(assert, page, log);
  await page.close();
});

test('a value whose flag alone changed is shown once, with its old and new flag', async () => {
  // The snapshot had 2024 as provisional with the value published today.
  const now = JSON.parse(fs.readFileSync(path.join(DIST, 'data/indicators.json'), 'utf8'))
    .indicators.find(i => i.id === 'I-alq-ausl').series.find(s => s.id === 'deutsch').observations.find(o => o.period === '2024');
  assert.equal(now.flag, undefined, 'the example publishes the 2024 value without a flag');
  const { url } = site('flag-only', { [SNAPSHOT]: snapshot({ deutsch: now.value }, { deutsch: 'provisional' }) });
  const { page, log } = await openPage(browser);
  const row = page.locator('[data-testid=indicator-change][data-id="I-alq-ausl"]');
  await page.goto(url + '#/aenderungen');
  await row.waitFor();
  const text = await row.textContent();
  assert.match(text, /Kennzeichnung geändert: Deutsche 2024: 3,8\u00a0%, vorläufig → endgültig/);
  assert.doesNotMatch(text, /(\d+,\d+\u00a0%) → \1/);
  await assertClean(assert, page, log);
  await page.close();
});
