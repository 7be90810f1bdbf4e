// The app's WebAssembly parts: the overview downloads none of them; the explorer, the site search,
// the council pages and the Datenwerkstatt have their own, the other pages share one; data with a
// value of the wrong type fetches the located checks. A page opened from inside the app gets its
// part as a pack too while little of the pack is there already. An indicator's deep link
// fetches its heading's pack first and its chart's pack once the heading is on screen.
// A deep link fetches its part with the chunks it needs as one pack, early; without the pack,
// file by file. A part that cannot be fetched gets a notice with a working retry, and the rest
// of the dashboard keeps working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { APP, DIST, TIMEOUT, site, assertClean } from './env.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** The names (group 1 of `pattern`) of the files the page fetched whose path matches. */
function fetched(page, pattern) {
  const names = [];
  page.on('request', r => {
    const m = pattern.exec(new URL(r.url()).pathname);
    if (m) names.push(m[1]);
  });
  return names;
}

/** The names of the parts the page fetched file by file (e.g. "split_pages", "chunk_12"). */
const partsFetched = page => fetched(page, /\/part-(\w+)-[0-9a-f]{16}\.wasm$/);

/** The parts whose pack the page fetched (e.g. "explorer"). */
const packsFetched = page => fetched(page, /\/pack-(\w+)-[0-9a-f]{16}\.bin$/);

/** Opens the overview, recording from the start what the page fetches of the parts. */
async function atOverview(page) {
  const parts = partsFetched(page);
  const packs = packsFetched(page);
  await page.goto(APP);
  await page.getByTestId('plan-title').waitFor();
  await page.waitForLoadState('networkidle');
  return { parts, packs };
}

test('the overview fetches no part; the explorer only its own, once', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser);
  const { parts, packs } = await atOverview(page);
  assert.deepEqual([...parts, ...packs], [], 'the first view is the main module alone');

  await page.getByRole('link', { name: 'Maßnahmen', exact: true }).first().click();
  await page.getByTestId('search').waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(packs, ['explorer'], 'the explorer\'s pack, nothing of it there yet');
  assert.deepEqual(parts, [], `only what the explorer needs, in its pack: ${parts}`);
  const afterFirstVisit = parts.length + packs.length;
  await page.goBack();
  await page.getByTestId('plan-title').waitFor();
  await page.goForward();
  await page.getByTestId('search').waitFor();
  assert.equal(parts.length + packs.length, afterFirstVisit, 'a part is fetched once per visit of the site');
  await assertClean(assert, page, log);
  await page.close();
});

test('a part that cannot be fetched: notice with retry, the rest works, the retry heals', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser);
  // The deep link's pack and the part's own file: neither can be had.
  const pattern = url => /\/(part-split_explorer|pack-explorer)-/.test(url.pathname);
  await page.route(pattern, route => route.abort('connectionrefused'));
  await page.goto(APP + '#/massnahmen');
  const notice = page.getByTestId('part-failed');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.match(await notice.textContent(), /Diese Seite konnte nicht geladen werden/);
  // The shell still works: another page opens.
  await page.getByRole('link', { name: 'Übersicht', exact: true }).first().click();
  await page.getByTestId('plan-title').waitFor();
  await page.goBack();
  await notice.waitFor();

  await page.unroute(pattern);
  await page.getByTestId('part-failed').getByRole('button', { name: 'Erneut versuchen' }).click();
  await page.getByTestId('search').waitFor();
  assert.equal(await page.getByTestId('part-failed').count(), 0);
  const errors = log.errors.filter(e => !/Failed to load resource|net::ERR_|Failed to fetch/.test(e));
  assert.deepEqual(errors, [], 'no error besides the refused part');
  await page.close();
});

/** measures.json with one progress value of the wrong type, and the line it is on. */
function wrongType() {
  const good = fs.readFileSync(path.join(DIST, 'data', 'measures.json'), 'utf8');
  const at = good.search(/"progress": \d+/);
  assert.ok(at > 0, 'the example has a progress value');
  const text = good.slice(0, at) + good.slice(at).replace(/"progress": \d+/, '"progress": "viel"');
  return { text, line: text.slice(0, at).split('\n').length };
}

test('a value of the wrong type is located by the checks part, exactly', { timeout: TIMEOUT }, async () => {
  const { text, line } = wrongType();
  const { url } = site('parts-wrong-type', { 'data/measures.json': text });
  const { page, log } = await openPage(browser);
  const parts = partsFetched(page);
  await page.goto(url);
  const problems = page.getByTestId('problems');
  await problems.waitFor();
  await problems.locator('summary').click();
  const listed = await problems.textContent();
  assert.match(listed, new RegExp(`measures\\.json:${line}:\\d+`), listed);
  assert.match(listed, /measures\[\d+\]\.progress/, 'the path of the value itself');
  assert.ok(parts.includes('split_checks'), `the located checks were fetched: ${parts}`);
  await assertClean(assert, page, log);
  await page.close();
});

test('without the checks part, the entry with the wrong value is still named', { timeout: TIMEOUT }, async () => {
  const { text } = wrongType();
  const { url } = site('parts-wrong-type-offline', { 'data/measures.json': text });
  const { page } = await openPage(browser);
  await page.route(u => /\/part-split_checks-/.test(u.pathname), route => route.abort('connectionrefused'));
  await page.goto(url);
  const problems = page.getByTestId('problems');
  await problems.waitFor();
  await problems.locator('summary').click();
  assert.match(await problems.textContent(), /measures\.json:\d+:\d+: measures\[\d+\] falscher Typ/);
  // 39 of the 40 measures are still shown.
  assert.equal(await page.getByTestId('measures-total').textContent(), '39');
  await page.close();
});

test('the site search has a part of its own: the overview\'s field warms it, the search page needs nothing of the explorer', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser);
  const { parts, packs } = await atOverview(page);
  assert.deepEqual([...parts, ...packs], [], 'the first view is the main module alone');
  // Going to the overview's search field fetches the search's part (its index), not the explorer's.
  await page.getByTestId('site-search-q').focus();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some(e => /pack-search-/.test(e.name)));
  await page.waitForLoadState('networkidle');
  assert.deepEqual(packs, ['search'], 'the search\'s part, as its pack');
  assert.deepEqual(parts, [], `only what the search needs: ${parts}`);
  await assertClean(assert, page, log);
  await page.close();

  // A deep link to the search page: the search's pack alone.
  const second = await openPage(browser);
  const packs2 = packsFetched(second.page);
  const parts2 = partsFetched(second.page);
  await second.page.goto(APP + '#/suche?q=kurs');
  await second.page.getByTestId('search-results').waitFor();
  await second.page.waitForLoadState('networkidle');
  assert.deepEqual(packs2, ['search'], 'one pack, the search\'s');
  assert.ok(!parts2.some(p => /split_explorer/.test(p)), `nothing of the explorer: ${parts2}`);
  await assertClean(assert, second.page, second.log);
  await second.page.close();
});

test('a deep link fetches its part and chunks as one pack while the data is still loading', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser);
  let packRequested;
  const requested = new Promise(r => { packRequested = r; });
  const parts = partsFetched(page);
  const packs = packsFetched(page);
  page.on('request', r => { if (/\/pack-explorer-/.test(r.url())) packRequested(); });
  // measures.json is held until the explorer's pack has been requested: without the early
  // fetch the part would only be asked for after the data, and the page would never appear.
  await page.route(u => u.pathname.endsWith('/data/measures.json'), async route => {
    await requested;
    await route.continue();
  });
  await page.goto(APP + '#/massnahmen');
  await page.getByTestId('search').waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(packs, ['explorer'], 'one pack, once');
  assert.deepEqual(parts, [], `no file of the part fetched on its own: ${parts}`);
  // Pages of other parts later: file by file, as from the overview.
  await page.getByRole('link', { name: 'Übersicht', exact: true }).first().click();
  await page.getByTestId('plan-title').waitFor();
  await page.goto(APP + '#/massnahme/M-1.1');
  await page.locator('main h1').waitFor();
  assert.ok(parts.includes('split_pages'), `the measure page's part, on its own: ${parts}`);
  assert.deepEqual(packs, ['explorer'], 'a pack only for the page the reader came to');
  await assertClean(assert, page, log);
  await page.close();
});

test('a deep link whose pack cannot be had fetches its part file by file', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser);
  const parts = partsFetched(page);
  const packs = packsFetched(page);
  await page.route(u => /\/pack-pages-/.test(u.pathname), route => route.abort('connectionrefused'));
  await page.goto(APP + '#/massnahme/M-1.1');
  await page.locator('main h1').waitFor();
  assert.match(await page.locator('main h1').textContent(), /Sprachkurse mit Kinderbetreuung/);
  assert.deepEqual(packs, ['pages'], 'the pack was asked for');
  assert.ok(parts.includes('split_pages'), `the part came on its own: ${parts}`);
  assert.deepEqual(parts, [...new Set(parts)], 'each file once');
  assert.equal(await page.getByTestId('part-failed').count(), 0);
  const errors = log.errors.filter(e => !/Failed to load resource|net::ERR_|Failed to fetch/.test(e));
  assert.deepEqual(errors, [], 'no error besides the refused pack');
  await page.close();
});

test("an indicator's deep link: its heading's pack first, the chart's pack only once the heading is on screen", { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser, { width: 390, height: 844 });
  const parts = partsFetched(page);
  const packs = packsFetched(page);
  await page.goto(APP + '#/indikator/I-alq-ausl');
  await page.getByTestId('data-table').waitFor();
  await page.getByTestId('chart').locator('svg').waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(packs, ['indicator', 'chart'], 'two packs, in this order, once each');
  assert.deepEqual(parts, [], `no file of either part fetched on its own: ${parts}`);
  // When the browser reports the heading on screen (Element Timing: the time of the frame that
  // showed it, the one Largest Contentful Paint uses) against when the chart's pack was asked for.
  const times = await page.evaluate(() => new Promise(resolve => {
    new PerformanceObserver(list => {
      const heading = list.getEntries().find(e => e.identifier === 'indicator-heading');
      const pack = performance.getEntriesByType('resource').find(e => /\/pack-chart-/.test(e.name));
      resolve({ heading: heading?.renderTime, pack: pack?.startTime });
    }).observe({ type: 'element', buffered: true });
  }));
  assert.ok(times.heading > 0 && times.pack > 0, JSON.stringify(times));
  assert.ok(times.pack >= times.heading, `the chart's pack after the heading was shown: ${JSON.stringify(times)}`);
  await assertClean(assert, page, log);
  await page.close();
});

test("an indicator whose chart part cannot be had keeps its heading and rating, with a notice and a retry", { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser, { width: 390, height: 844 });
  await page.route(u => /\/(pack-chart|part-split_chart)-/.test(u.pathname), route => route.abort('connectionrefused'));
  await page.goto(APP + '#/indikator/I-alq-ausl');
  const notice = page.getByTestId('indicator').getByTestId('part-failed');
  await notice.waitFor();
  assert.match(await page.getByTestId('page-title').textContent(), /Arbeitslosenquote/);
  assert.ok(await page.getByTestId('rating-explain').isVisible());
  assert.equal(await page.getByTestId('chart').count(), 0);
  assert.ok(await notice.getByRole('button').isVisible(), 'a retry');
  const errors = log.errors.filter(e => !/Failed to load resource|net::ERR_|Failed to fetch|chart/.test(e));
  assert.deepEqual(errors, [], 'no error besides the refused part');
  await page.close();
});

test('the changes page and the report fetch the council pack; the Datenwerkstatt its own, without the council pages', { timeout: TIMEOUT }, async () => {
  for (const [hash, pack, ready] of [
    ['#/aenderungen', 'council', 'changes-summary'],
    ['#/bericht', 'council', 'page-title'],
    ['#/datenwerkstatt', 'workshop', 'page-title'],
  ]) {
    const { page, log } = await openPage(browser);
    const parts = partsFetched(page);
    const packs = packsFetched(page);
    await page.goto(APP + hash);
    await page.getByTestId(ready).first().waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(packs, [pack], hash);
    assert.deepEqual(parts, [], `${hash}: no file on its own: ${parts}`);
    await assertClean(assert, page, log);
    await page.close();
  }
});

test('a page opened from inside the app gets its part as one pack while little of it is there yet', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser);
  const { parts, packs } = await atOverview(page);
  await page.getByRole('link', { name: 'Akteure', exact: true }).first().click();
  await page.locator('main h1').waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(packs, ['pages'], 'the first page from a part: its pack');
  assert.deepEqual(parts, [], `nothing of it on its own: ${parts}`);
  // The explorer shares much of its code with the other pages: what it lacks comes file by
  // file, nothing twice.
  await page.getByRole('link', { name: 'Maßnahmen', exact: true }).first().click();
  await page.getByTestId('search').waitFor();
  await page.waitForLoadState('networkidle');
  assert.ok(parts.includes('split_explorer'), `the explorer's part: ${parts}`);
  assert.deepEqual(parts, [...new Set(parts)], 'each file once');
  assert.deepEqual(packs, ['pages'], 'no pack that would bring most of the shared code again');
  await assertClean(assert, page, log);
  await page.close();
});

test("leaving an indicator page before its chart has come leaves no error behind", { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser, { width: 390, height: 844 });
  let release;
  const held = new Promise(r => { release = r; });
  await page.route(u => /\/(pack-chart|part-split_chart)-/.test(u.pathname), async route => {
    await held;
    await route.continue();
  });
  await page.goto(APP + '#/indikator/I-alq-ausl');
  await page.getByTestId('rating-explain').waitFor();
  await page.getByRole('link', { name: 'Übersicht', exact: true }).first().click();
  await page.getByTestId('plan-title').waitFor();
  release();
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
  assert.equal(await page.getByTestId('chart').count(), 0, 'nothing of the indicator on the overview');
  await assertClean(assert, page, log);
  await page.close();
});
