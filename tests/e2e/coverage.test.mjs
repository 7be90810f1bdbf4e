// The data situation (#/datenlage): every indicator with its state, latest period and next
// values, sortable by each column; the overview's one-line summary links to it. Expected
// values come from the data files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { APP, DIST, assertClean } from './env.mjs';

const read = f => JSON.parse(fs.readFileSync(path.join(DIST, 'data', f), 'utf8'));
const indicators = read('indicators.json').indicators;
const stand = read('plan.json').plan.as_of;
const hasValues = i => (i.series || []).some(s => s.observations.some(o => o.value != null));
/** "2026-06" is due before a Stand of "2026-10-31" when its month ends before that day begins. */
const end = d => { const [y, m = 12, day] = d.split('-').map(Number); return day ? new Date(Date.UTC(y, m - 1, day + 1)) : new Date(Date.UTC(y, m, 1)); };
const overdue = i => hasValues(i) && i.next_update && stand && end(i.next_update) <= new Date(`${stand}T00:00:00Z`);
const noData = indicators.filter(i => !hasValues(i));
const late = indicators.filter(overdue);

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('the data situation lists every indicator with its state; the overview links to it with the counts', async () => {
  assert.ok(noData.length >= 1, 'the example has an indicator adopted without data');
  const { page, log } = await openPage(browser);
  await page.goto(`${APP}#/`);
  const link = page.getByTestId('coverage-link');
  await link.waitFor();
  const current = indicators.length - noData.length - late.length;
  assert.equal(await link.textContent(),
    `${current} von ${indicators.length} Indikatoren mit aktuellen Daten, ${late.length} überfällig, ${noData.length} ohne Daten`);
  await link.click();
  const rows = page.getByTestId('coverage-row');
  await rows.first().waitFor();
  assert.equal(await rows.count(), indicators.length);
  for (const i of noData) {
    const row = page.locator(`[data-testid=coverage-row][data-id="${i.id}"]`);
    assert.equal(await row.getAttribute('data-state'), 'no_data');
    if (i.expected_from) assert.match(await row.textContent(), /erwartet ab/);
  }
  for (const i of late) assert.equal(await page.locator(`[data-testid=coverage-row][data-id="${i.id}"]`).getAttribute('data-state'), 'overdue');
  await assertClean(assert, page, log);
  await page.close();
});

test('the table sorts by a column heading, by keyboard, and says how it is sorted', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(`${APP}#/datenlage`);
  await page.getByTestId('coverage-row').first().waitFor();
  const latest = () => page.locator('[data-testid=coverage-row] td:nth-child(3)').allTextContents();
  const button = page.getByTestId('sort-latest');
  await button.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=sort-latest]').closest('th').getAttribute('aria-sort') === 'ascending');
  // No period ("–") first, then in order of time (the example's latest periods are years).
  const asc = await latest();
  const key = t => (t === '–' ? '' : t);
  assert.deepEqual(asc.map(key), [...asc.map(key)].sort((a, b) => a.localeCompare(b, 'de', { numeric: true })));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=sort-latest]').closest('th').getAttribute('aria-sort') === 'descending');
  const desc = await latest();
  assert.deepEqual(desc.map(key), [...desc.map(key)].sort((a, b) => b.localeCompare(a, 'de', { numeric: true })));
  assert.equal(desc[desc.length - 1], '–', 'indicators without data last when descending');
  // Another column: the first is no longer marked as sorted.
  await page.getByTestId('sort-indicator').click();
  assert.equal(await button.locator('xpath=..').getAttribute('aria-sort'), 'none');
  const titles = await page.locator('[data-testid=coverage-row] th').allTextContents();
  assert.deepEqual(titles, [...titles].sort((a, b) => a.localeCompare(b, 'de')));
  await assertClean(assert, page, log);
  await page.close();
});

test('on a phone, a sort button at the far end of the table scrolls fully into view when it takes the focus', async () => {
  const { page, log } = await openPage(browser, { width: 390, height: 800 });
  for (const lang of ['de', 'ar']) {
    await page.goto(`${APP}?lang=${lang}#/datenlage`);
    const table = page.getByTestId('coverage-table');
    await table.waitFor();
    const buttons = table.locator('thead button');
    const count = await buttons.count();
    assert.ok(count >= 5, `sort buttons: ${count}`);
    // Not vacuous: the table is wider than its box, so it scrolls.
    assert.ok(await table.evaluate(t => t.closest('.table-wrap').scrollWidth > t.closest('.table-wrap').clientWidth + 50));
    await buttons.first().focus();
    const hidden = [];
    for (let i = 1; i < count; i++) {
      await page.keyboard.press('Tab');
      const seen = await page.evaluate(() => {
        const el = document.activeElement;
        const wrap = el.closest('.table-wrap');
        const r = el.getBoundingClientRect(), w = wrap.getBoundingClientRect();
        const left = w.left + wrap.clientLeft, right = left + wrap.clientWidth;
        return { name: el.textContent.trim(), inside: r.left >= left - 0.5 && r.right <= right + 0.5 };
      });
      if (!seen.inside) hidden.push(`${lang}: ${seen.name}`);
    }
    assert.deepEqual(hidden, [], 'focused sort buttons partly out of view');
  }
  await assertClean(assert, page, log);
  await page.close();
});
