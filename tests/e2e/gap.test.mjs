// The gap between groups (`gap` in indicators.json): computed, summarised, charted, tabled and
// rated on the indicator page, its rating beside the level's on the field page and in the
// overview's counts, explained on the method page. Expected values come from the data file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { APP, DIST, assertClean } from './env.mjs';

const indicators = JSON.parse(fs.readFileSync(path.join(DIST, 'data', 'indicators.json'), 'utf8')).indicators;
const withGap = indicators.filter(i => i.gap);
const ID = 'I-alq-ausl';
const ind = indicators.find(i => i.id === ID);
const values = id => new Map(ind.series.find(s => s.id === id).observations.map(o => [o.period, o.value]));
const [mine, ref] = [values(ind.gap.series), values(ind.gap.reference)];
/** Periods both series have, in order, with the difference where both have a value. */
const common = [...mine.keys()].filter(p => ref.has(p)).sort()
  .map(p => [p, mine.get(p) != null && ref.get(p) != null ? mine.get(p) - ref.get(p) : null]);
const de = x => x.toFixed(1).replace('.', ',');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('the indicator page shows the gap between the groups: sentence, chart, table, rating and its history', async () => {
  assert.ok(withGap.length >= 3, 'the example declares gaps');
  const { page, log } = await openPage(browser);
  await page.goto(`${APP}#/indikator/${ID}`);
  const gap = page.getByTestId('gap');
  await gap.waitFor();
  const valued = common.filter(([, v]) => v != null);
  const [first, last] = [valued[0], valued[valued.length - 1]];
  assert.equal(await page.getByTestId('gap-summary').textContent(),
    `${first[0]}: ${de(first[1])}\u00a0Prozentpunkte → ${last[0]}: ${de(last[1])}\u00a0Prozentpunkte; Ziel ${ind.gap.target.period}: ${de(ind.gap.target.value)}\u00a0Prozentpunkte`);
  // A row per common period, the gap computed from the two groups' values.
  const rows = await page.getByTestId('gap-table').locator('tbody tr').evaluateAll(rs => rs.map(r => [...r.cells].map(c => c.textContent.trim())));
  assert.equal(rows.length, common.length);
  for (const [i, [p, v]] of common.entries()) {
    assert.equal(rows[i][0], p);
    assert.match(rows[i][3], new RegExp(`^${v == null ? '–' : de(v) + '\u00a0Prozentpunkte'}`));
  }
  // Its own chart, drawn without ECharts, with the target path.
  const chart = page.getByTestId('gap-chart');
  await chart.locator('svg path').first().waitFor({ state: 'attached' });
  assert.match(await chart.innerHTML(), />Abstand</);
  assert.equal(await page.evaluate(() => typeof window.echarts), 'undefined');
  // Rated like a level, with the reason and how it developed.
  assert.equal(await gap.locator('.status-line .rating').count(), 1);
  assert.match(await page.getByTestId('gap-explain').textContent(), /Erreicht ist|erreicht|Nicht bewertbar/);
  assert.ok(await page.getByTestId('gap-history').locator('li').count() >= 2);
  assert.ok(await page.getByTestId('rating-history').locator('li').count() >= 2, 'the level\'s history too');
  await assertClean(assert, page, log);
  await page.close();
});

test('gap ratings beside level ratings on the field page and in the overview; explained on the method page', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(`${APP}#/handlungsfeld/arbeit`);
  const item = page.locator(`[data-testid=indicator-item][data-id=${ID}]`);
  await item.waitFor();
  assert.match(await item.getByTestId('gap-rating').textContent(), /^Abstand: /);
  // An indicator without a gap has no gap rating.
  const plain = indicators.find(i => !i.gap && i.goals?.some(g => g.startsWith('arbeit')));
  if (plain) assert.equal(await page.locator(`[data-testid=indicator-item][data-id=${plain.id}] [data-testid=gap-rating]`).count(), 0);
  await page.goto(`${APP}#/`);
  const counts = page.getByTestId('gap-rating-counts');
  await counts.waitFor();
  const total = (await counts.locator('.count').allTextContents()).reduce((s, n) => s + Number(n), 0);
  assert.equal(total, withGap.length, 'every declared gap counted once');
  await page.goto(`${APP}#/methodik`);
  await page.locator('h2#gaps').waitFor();
  assert.match(await page.locator('main').textContent(), /Prozentpunkten/);
  await assertClean(assert, page, log);
  await page.close();
});

test('an indicator without a gap shows no gap section', async () => {
  const { page, log } = await openPage(browser);
  const plain = indicators.find(i => !i.gap && i.series?.length);
  await page.goto(`${APP}#/indikator/${plain.id}`);
  await page.getByTestId('data-table').waitFor();
  assert.equal(await page.getByTestId('gap').count(), 0);
  await assertClean(assert, page, log);
  await page.close();
});
