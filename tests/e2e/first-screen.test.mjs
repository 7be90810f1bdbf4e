// Long pages show their first screen first: the indicator page, the council report, the
// changes page (its summary before its tables), a field page, the explorer (its first rows)
// and the search page (its field) paint it in a frame of their own and build the rest after
// it, in the same place, complete; also in a tab that gets no animation frames. The changes page asks
// for its report's snapshot as soon as the plan names the report, once per file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { APP, DIST, TIMEOUT, assertClean } from './env.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Each long page: what its first screen shows, and what comes after it. */
const PAGES = [
  { hash: '#/indikator/I-alq-ausl', first: '[data-testid=rating-explain]', rest: '[data-testid=data-table]' },
  { hash: '#/bericht', first: '[data-testid=page-title]', rest: '[data-testid=report-field]' },
  { hash: '#/aenderungen', first: '[data-testid=changes-summary]', rest: '[data-testid=measure-changes]' },
  { hash: '#/handlungsfeld/sprache', first: '[data-testid=goal]', rest: '[data-testid=goal] ~ [data-testid=goal]' },
  { hash: '#/massnahmen', first: '[data-testid=results] li', rest: '[data-testid=results] li:nth-child(13)' },
  { hash: '#/suche?q=kurs', first: '[data-testid=site-search-q]', rest: '[data-testid=search-results]' },
];

/**
 * Records, in every animation frame from the start, whether the page has its first screen and
 * whether it has the rest (an animation frame's callbacks run just before that frame is painted).
 */
async function recordFrames(page, { first, rest }) {
  await page.addInitScript(([first, rest]) => {
    window.__frames = [];
    const tick = () => {
      window.__frames.push([!!document.querySelector(first), !!document.querySelector(rest)]);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, [first, rest]);
}

for (const p of PAGES) {
  test(`${p.hash}: the first screen is painted before the rest is built, then all of it is there`, { timeout: TIMEOUT }, async () => {
    const { page, log } = await openPage(browser, { width: 390, height: 844 });
    await recordFrames(page, p);
    await page.goto(APP + p.hash);
    await page.locator(p.rest).first().waitFor();
    const frames = await page.evaluate(() => window.__frames);
    assert.ok(frames.some(([first, rest]) => first && !rest),
      `a frame with the first screen alone (frames: ${JSON.stringify(frames.filter(([f]) => f).slice(0, 5))})`);
    assert.ok(!frames.some(([first, rest]) => rest && !first), 'the rest never comes before the first screen');
    await assertClean(assert, page, log);
    await page.close();
  });
}

test('the whole page is built in the same order as before, once', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser, { width: 390, height: 844 });
  await page.goto(APP + '#/handlungsfeld/sprache');
  await page.getByTestId('field-districts').waitFor();
  // Every goal of the field once, in the plan's order, before the districts and the feed.
  const plan = JSON.parse(fs.readFileSync(path.join(DIST, 'data', 'plan.json'), 'utf8'));
  const goals = plan.goals.filter(g => g.field === 'sprache').map(g => g.id);
  assert.ok(goals.length >= 2, `the example's field has goals below the first screen: ${goals}`);
  const ids = await page.getByTestId('goal').evaluateAll(els => els.map(e => e.dataset.id));
  assert.deepEqual(ids, goals);
  const order = await page.evaluate(() => {
    const all = [...document.querySelectorAll('main *')];
    const lastGoal = [...document.querySelectorAll('[data-testid=goal]')].pop();
    return [all.indexOf(lastGoal), all.indexOf(document.querySelector('[data-testid=field-districts]'))];
  });
  assert.ok(order[0] >= 0 && order[0] < order[1], `goals before the districts: ${order}`);

  // The explorer's first page: all the example's measures, up to 50, the first twelve first.
  const measures = JSON.parse(fs.readFileSync(path.join(DIST, 'data', 'measures.json'), 'utf8')).measures;
  assert.ok(measures.length > 12, `the example has more measures than the first screen's rows: ${measures.length}`);
  await page.goto(APP + '#/massnahmen');
  await page.locator(`[data-testid=results] li:nth-child(${Math.min(50, measures.length)})`).waitFor();
  assert.equal(await page.locator('[data-testid=results] li').count(), Math.min(50, measures.length));

  await page.goto(APP + '#/indikator/I-alq-ausl');
  await page.getByTestId('download-json').waitFor();
  const indicator = await page.evaluate(() => {
    const at = sel => [...document.querySelectorAll('main *')].indexOf(document.querySelector(sel));
    return ['[data-testid=rating-explain]', '[data-testid=chart]', '[data-testid=data-table]', '[data-testid=download-json]']
      .map(at);
  });
  assert.ok(indicator.every((x, i) => x >= 0 && (i === 0 || x > indicator[i - 1])), `the indicator page's order: ${indicator}`);
  await assertClean(assert, page, log);
  await page.close();
});

test('a tab that gets no animation frames still gets the whole page', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser);
  // As in a background tab: the browser never runs animation frame callbacks.
  await page.addInitScript(() => { window.requestAnimationFrame = () => 1; });
  await page.goto(APP + '#/indikator/I-alq-ausl');
  await page.getByTestId('data-table').waitFor();
  await page.goto(APP + '#/bericht');
  await page.getByTestId('report-field').first().waitFor();
  await assertClean(assert, page, log);
  await page.close();
});

test('the changes page asks for its snapshot with the plan, each file once', { timeout: TIMEOUT }, async () => {
  for (const hash of ['#/aenderungen', '#/aenderungen?bericht=2026-05-12']) {
    const { page, log } = await openPage(browser, { width: 390, height: 844 });
    const warnings = [];
    page.on('console', m => { if (m.type() === 'warning' && /was preloaded/.test(m.text())) warnings.push(m.text()); });
    const snapshot = [];
    page.on('request', r => { if (r.url().includes('/data/reports/2026-05-12/')) snapshot.push(r.url().split('/').pop()); });
    await page.goto(APP + hash);
    await page.getByTestId('changes-summary').waitFor();
    const preloads = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload][as=fetch]')]
      .map(l => new URL(l.href).pathname.split('/data/')[1] ?? ''));
    assert.deepEqual(preloads.filter(p => p.startsWith('reports/')).sort(),
      ['reports/2026-05-12/indicators.json', 'reports/2026-05-12/measures.json', 'reports/2026-05-12/plan.json'], hash);
    assert.deepEqual(snapshot.sort(), ['indicators.json', 'measures.json', 'plan.json'], `${hash}: each snapshot file fetched once`);
    assert.deepEqual(warnings, [], 'no preload goes unused');
    await assertClean(assert, page, log);
    await page.close();
  }
  // Other pages do not ask for it: the report fetches it below its first screen.
  const { page, log } = await openPage(browser);
  await page.goto(APP + '#/');
  await page.getByTestId('plan-title').waitFor();
  await page.waitForLoadState('networkidle');
  const preloads = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload][href*="reports/"]')].length);
  assert.equal(preloads, 0, 'the overview preloads no snapshot');
  await assertClean(assert, page, log);
  await page.close();
});
