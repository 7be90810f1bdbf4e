// Every page of the dashboard with the example plan: content, filters in the address,
// deep links under a sub-path, back and forward, document titles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { APP, DIST, assertClean, ready, site } from './env.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const count = async page => Number((await page.getByTestId('result-count').textContent()).match(/\d+/)[0]);

test('field of action page lists goals with progress, measures and indicators', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(APP + '#/handlungsfeld/sprache');
  await page.getByTestId('page-title').waitFor();
  assert.equal(await page.getByTestId('page-title').textContent(), 'Sprache');
  assert.equal(await page.title(), 'Sprache – Wegmarke');
  const goals = page.getByTestId('goal');
  assert.equal(await goals.count(), 2);
  assert.ok(await goals.first().locator('progress').count() === 1);
  assert.ok(await goals.first().getByTestId('measure-item').count() > 0);
  assert.ok(await page.getByTestId('indicator-item').count() > 0);
  assert.ok(await page.locator('.sparkline').count() > 0);
  await assertClean(assert, page, log);
  await page.close();
});

test('explorer: search ignores case and diacritics, every filter narrows, state is in the address', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(APP + '#/massnahmen');
  await page.getByTestId('results').waitFor();
  assert.equal(await count(page), 40);
  assert.equal(await page.getByTestId('result-count').getAttribute('role'), 'status');

  await page.getByTestId('search').fill('turkisch');
  await page.waitForFunction(() => /^\d+ /.test(document.querySelector('[data-testid=result-count]').textContent) && !document.querySelector('[data-testid=result-count]').textContent.startsWith('40 '));
  const titles = await page.getByTestId('measure-item').allTextContents();
  assert.ok(titles.some(t => t.includes('Elterncafé auf Türkisch und Arabisch')), titles.join(' | '));
  assert.match(page.url(), /#\/massnahmen\?q=turkisch/);
  await page.getByTestId('reset').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=result-count]').textContent.startsWith('40 '));

  for (const [testid, value] of [['field', 'sprache'], ['goal', 'arbeit-1'], ['lead', 'vhs'], ['group', 'Eltern'], ['district', 'bodenfeld']]) {
    await page.getByTestId(testid).selectOption(value);
    await page.waitForFunction(() => !document.querySelector('[data-testid=result-count]').textContent.startsWith('40 '));
    const n = await count(page);
    assert.ok(n > 0 && n < 40, `${testid}=${value} gives ${n}`);
    assert.match(decodeURIComponent(page.url()), new RegExp(`${testid === 'group' ? 'group' : testid}=${value}`));
    await page.getByTestId('reset').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]').textContent.startsWith('40 '));
  }
  await page.getByTestId('status-delayed').check();
  await page.waitForFunction(() => document.querySelector('[data-testid=result-count]').textContent.startsWith('5 '));
  const statuses = await page.locator('[data-testid=results] .status').evaluateAll(els => els.map(e => e.dataset.status));
  assert.deepEqual([...new Set(statuses)], ['delayed']);
  await page.getByTestId('status-paused').check();
  await page.waitForFunction(() => document.querySelector('[data-testid=result-count]').textContent.startsWith('7 '));
  await page.getByTestId('sort').selectOption('progress');
  await page.waitForFunction(() => location.hash.includes('sort=progress'));
  const progress = await page.locator('[data-testid=results] .measure-progress').allTextContents();
  const nums = progress.map(p => parseInt(p, 10));
  assert.deepEqual(nums, [...nums].sort((a, b) => b - a));
  await assertClean(assert, page, log);
  await page.close();
});

test('a shared filtered link opens the same selection; CSV holds exactly it', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(APP + '#/massnahmen?status=completed&status=continued&sort=title');
  await page.getByTestId('results').waitFor();
  assert.equal(await count(page), 10);
  assert.equal(await page.getByTestId('status-completed').isChecked(), true);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv').click()]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  const rows = csv.trim().split('\r\n');
  assert.equal(rows.length, 11, csv);
  assert.match(rows[0], /^\ufeff?id,title,status,progress/);
  assert.ok(rows.slice(1).every(r => /,(completed|continued),/.test(r)));
  assert.match(download.suggestedFilename(), /^massnahmen-2026-10-31\.csv$/);
  // Downloads are Blob object URLs clicked through a temporary link (any size; no data: URL),
  // of a plain text type; the page's links carry no data: URL.
  await page.evaluate(() => {
    window.__blobs = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = blob => { const url = create.call(URL, blob); window.__blobs.push({ type: blob.type, url }); return url; };
  });
  const [german] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-de').click()]);
  const blobs = await page.evaluate(() => window.__blobs);
  assert.equal(blobs.length, 1, JSON.stringify(blobs));
  assert.match(blobs[0].type, /^text\/csv;charset=utf-8$/);
  assert.match(blobs[0].url, /^blob:/);
  assert.equal(await page.locator('a[href^="data:" i]').count(), 0);
  assert.match(german.suggestedFilename(), /^massnahmen-excel-de-2026-10-31\.csv$/);
  const germanText = fs.readFileSync(await german.path(), 'utf8');
  assert.ok(germanText.startsWith('\ufeff'), 'UTF-8 with a byte-order mark');
  const de = germanText.trim().split('\r\n');
  assert.equal(de.length, 11);
  assert.match(de[0], /^id;title;status;progress;/);
  assert.ok(de.slice(1).every(r => /;(completed|continued);/.test(r)), de.join('\n'));
  await assertClean(assert, page, log);
  await page.close();
});

test('measure page shows everything the contract holds', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(APP + '#/massnahme/M-1.4');
  await page.getByTestId('page-title').waitFor();
  assert.equal(await page.getByTestId('page-title').textContent(), 'Deutsch im Betrieb');
  assert.match(await page.locator('.status-line').textContent(), /läuft – verzögert/);
  assert.match(await page.getByTestId('status-note').textContent(), /Begründung/);
  const facts = await page.locator('.facts').textContent();
  for (const s of ['Volkshochschule Göppingen', 'Jobcenter Landkreis Göppingen', 'Zugewanderte Fachkräfte', 'Ursenwang', '60.000\u00a0EUR', '14. Juli 2026']) {
    assert.ok(facts.includes(s), `${s} in ${facts}`);
  }
  assert.ok(await page.getByTestId('timeline').locator('li').count() >= 8);
  await page.getByRole('link', { name: 'Volkshochschule Göppingen' }).first().click();
  await page.getByTestId('page-title').filter({ hasText: 'Volkshochschule Göppingen' }).waitFor();
  assert.match(page.url(), /#\/akteur\/vhs$/);
  assert.ok(await page.getByTestId('measure-item').count() > 0);
  await assertClean(assert, page, log);
  await page.close();
});

test('Leichte Sprache summary is shown prominently where given', async () => {
  const { page } = await openPage(browser);
  await page.goto(APP + '#/massnahmen');
  await page.getByTestId('results').waitFor();
  const ids = await page.locator('[data-testid=measure-item]').evaluateAll(els => els.map(e => e.dataset.id));
  let found = false;
  for (const id of ids.slice(0, 12)) {
    await page.goto(APP + '#/massnahme/' + id);
    await page.getByTestId('page-title').waitFor();
    if (await page.getByTestId('easy-summary').count()) { found = true; break; }
  }
  assert.ok(found, 'some measure shows its easy_summary');
  await page.close();
});

test('indicator page: chart, summary sentence, data table, rating, downloads', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(APP + '#/indikator/I-alq-ausl');
  await page.getByTestId('page-title').waitFor();
  assert.equal(await page.getByTestId('summary').textContent(), '2016: 13,1\u00a0% → 2025: 10,1\u00a0%; Ziel 2030: 8,0\u00a0%');
  // The first view is SVG drawn from the chart's option without ECharts: nothing of ECharts
  // has been asked for, in the page or elsewhere.
  const chart = page.getByTestId('chart');
  await chart.locator('svg').waitFor();
  assert.equal(await page.evaluate(() => typeof window.echarts), 'undefined');
  assert.deepEqual(log.requests.filter(u => /echarts/.test(u)), [], 'ECharts not loaded for the first view');
  // Every value is drawn: a symbol per value of the table (12 points, 2 diamonds of the path,
  // and one icon per series in the legend).
  assert.equal(await chart.locator('svg circle').count(), 20 + 2);
  const firstView = await chart.innerHTML();
  assert.doesNotMatch(firstView, /\sstyle=|<style/, 'no inline styles (the CSP refuses them)');
  assert.match(firstView, /font-size="12px"/, 'text styles as attributes');
  assert.match(firstView, />Pfad zum Ziel</);
  assert.equal(await chart.getAttribute('role'), 'img');
  const [early] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-svg').click()]);
  assert.match(fs.readFileSync(await early.path(), 'utf8'), /^<svg[^>]*>[\s\S]*Pfad zum Ziel/);
  // Pointing at it starts the live instance in its place, with the same option.
  const box = await chart.boundingBox();
  await page.mouse.move(box.x + 2, box.y + 2);
  await page.waitForFunction(() => window.echarts && window.echarts.getInstanceByDom(document.querySelector('[data-testid=chart]')));
  const option = await page.evaluate(() => window.echarts.getInstanceByDom(document.querySelector('[data-testid=chart]')).getOption());
  assert.equal(option.series.length, 3);
  assert.equal(option.series[2].lineStyle.type, 'dashed');
  assert.equal(await chart.locator('svg').count(), 1, 'the first view made way for the live chart');
  const table = page.getByTestId('data-table');
  assert.match(await table.locator('caption').textContent(), /Arbeitslosenquote/);
  assert.ok(await table.locator('th[scope=col]').count() >= 3);
  assert.match(await table.textContent(), /10,1\u00a0% \(vorläufig\)/);
  assert.match(await page.locator('.status-line').first().textContent(), /mäßiger Fortschritt/);
  assert.match(await page.getByTestId('rating-explain').textContent(), /82\u00a0%/);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  assert.match(fs.readFileSync(await csv.path(), 'utf8'), /I-alq-ausl,auslaendisch,2025,10\.1,provisional/);
  const [csvDe] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv-de').click()]);
  assert.match(fs.readFileSync(await csvDe.path(), 'utf8'), /^\ufeffindicator;series;period;value;flag\r\n[\s\S]*I-alq-ausl;auslaendisch;2025;10,1;provisional/);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
  assert.equal(JSON.parse(fs.readFileSync(await json.path(), 'utf8')).id, 'I-alq-ausl');
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-svg').click()]);
  assert.equal(svg.suggestedFilename(), 'I-alq-ausl.svg');
  assert.match(fs.readFileSync(await svg.path(), 'utf8'), /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  await assertClean(assert, page, log);
  await page.close();
});

test('overdue indicator is flagged; suppressed values are explained', async () => {
  const { page } = await openPage(browser);
  await page.goto(APP + '#/indikator/I-schulabg-ohne');
  await page.getByTestId('page-title').waitFor();
  assert.equal(await page.getByTestId('overdue').count(), 1);
  await page.goto(APP + '#/indikator/I-beratung');
  await page.getByTestId('page-title').filter({ hasText: /.+/ }).waitFor();
  await page.locator('.note-box').waitFor();
  assert.match(await page.getByTestId('data-table').textContent(), /gesperrt/);
  await page.close();
});

test('indicator list, actors and method pages', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(APP + '#/indikatoren');
  await page.getByTestId('rating-counts').waitFor();
  assert.equal(await page.getByTestId('indicator-item').count(), JSON.parse(fs.readFileSync(path.join(DIST, 'data', 'indicators.json'), 'utf8')).indicators.length);
  await page.goto(APP + '#/akteure');
  await page.getByTestId('actor').first().waitFor();
  assert.ok(await page.getByTestId('actor').count() >= 10);
  await page.goto(APP + '#/methodik');
  await page.getByTestId('rating-levels').waitFor();
  assert.match(await page.getByTestId('rating-levels').textContent(), /mindestens 95\u00a0%/);
  assert.equal(await page.title(), 'Methodik – Wegmarke');
  await assertClean(assert, page, log);
  await page.close();
});

test('back and forward move between pages; each has its own title', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(APP);
  await page.getByTestId('plan-title').waitFor();
  await page.locator('[data-field=arbeit] h3 a').click();
  await page.getByTestId('page-title').filter({ hasText: 'Arbeit' }).waitFor();
  await page.getByTestId('measure-item').first().locator('a').click();
  await page.getByTestId('measure').waitFor();
  const measureTitle = await page.title();
  await page.goBack();
  await page.getByTestId('page-title').filter({ hasText: 'Arbeit' }).waitFor();
  assert.equal(await page.title(), 'Arbeit – Wegmarke');
  await page.goBack();
  await page.getByTestId('plan-title').waitFor();
  await page.goForward();
  await page.getByTestId('page-title').filter({ hasText: 'Arbeit' }).waitFor();
  await page.goForward();
  await page.getByTestId('measure').waitFor();
  assert.equal(await page.title(), measureTitle);
  await assertClean(assert, page, log);
  await page.close();
});

test('config.json languages: the picker offers exactly the configured ones, once the config has arrived', async () => {
  const { url } = site('languages-de-en', { 'config.json': JSON.stringify({ data: 'data/', languages: ['de', 'en'] }) });
  const { page, log } = await openPage(browser);
  await page.goto(url + '#/');
  await ready(page);
  const picker = page.locator('.lang-picker a');
  await page.waitForFunction(() => document.querySelectorAll('.lang-picker a').length === 2);
  assert.deepEqual(await picker.evaluateAll(as => as.map(a => a.getAttribute('hreflang'))), ['de', 'en']);
  assert.equal(await picker.first().getAttribute('aria-current'), 'true');
  await assertClean(assert, page, log);
  await page.close();

  // The bundled config names all five.
  const { page: all } = await openPage(browser);
  await all.goto(APP + '#/');
  await ready(all);
  assert.equal(await all.locator('.lang-picker a').count(), 5);
  await all.close();
});

test('config.json licence is shown on the data page with its link', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(APP + '#/daten');
  await ready(page);
  const licence = page.getByTestId('licence').locator('a');
  assert.equal(await licence.textContent(), 'Datenlizenz Deutschland – Namensnennung – Version 2.0');
  assert.equal(await licence.getAttribute('href'), 'https://www.govdata.de/dl-de/by-2-0');
  await assertClean(assert, page, log);
  await page.close();
});
