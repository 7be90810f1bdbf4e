// The site search: one field on the overview (on the first screen of a phone) that opens the
// search page, which is also one step from every page's header and finds measures, indicators,
// fields of action, goals and actors at once as the reader types, blind to case and diacritics,
// grouped by kind, with the query in the address, the count announced and everything done with
// the keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { APP, DIST, assertClean, ready } from './env.mjs';

const PHONE = { width: 390, height: 900 };

// What the search must find, computed from the published data (not from the app): every entry
// whose texts, folded like the app folds them, hold the word.
const data = Object.fromEntries(['plan', 'measures', 'indicators']
  .map(f => [f, JSON.parse(fs.readFileSync(path.join(DIST, 'data', `${f}.json`), 'utf8'))]));
const fold = s => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').toLowerCase();
const variants = t => (t == null ? [] : typeof t === 'string' ? [t] : Object.values(t));
const holds = (word, texts, id) => [...texts.flatMap(variants), id].some(s => fold(s).includes(fold(word)));
function expected(word) {
  const { plan, measures, indicators } = data;
  return {
    measure: measures.measures.filter(m => holds(word, [m.title, m.summary, m.description, m.easy_summary], m.id)).map(m => m.id),
    indicator: indicators.indicators.filter(i => holds(word, [i.title, i.short_title, i.definition], i.id)).map(i => i.id),
    field: plan.fields.filter(f => holds(word, [f.title, f.description], f.id)).map(f => f.id),
    goal: plan.goals.filter(g => holds(word, [g.title, g.description], g.id)).map(g => g.id),
    actor: plan.actors.filter(a => holds(word, [a.name], a.id)).map(a => a.id),
  };
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** The groups on screen: kind -> the count in its heading and the number of results listed. */
const groups = page => page.locator('[data-testid=search-group]').evaluateAll(gs => Object.fromEntries(gs.map(g => [
  g.dataset.kind,
  { count: Number(g.querySelector('.search-group-count').textContent.replace(/\D/g, '')), listed: g.querySelectorAll('li').length },
])));

/** Waits until the announced count says `n` results (or none). */
async function announced(page, n) {
  await page.waitForFunction(n => {
    const t = document.querySelector('[data-testid=search-count]').textContent;
    return n === 0 ? t.length > 0 && !/\d/.test(t) : new RegExp(`(^|\\D)${n}(\\D|$)`).test(t);
  }, n);
}

test('overview (phone): the search field is on the first screen and opens the search, which finds every kind at once, blind to case and diacritics', async () => {
  const { page, log } = await openPage(browser, PHONE);
  await page.goto(`${APP}#/`);
  await ready(page);
  const field = page.getByTestId('site-search-q');
  const box = await field.boundingBox();
  assert.ok(box.y + box.height <= PHONE.height, `search field below the first screen: ${JSON.stringify(box)}`);
  // Its label names it, its description says what it searches.
  assert.match(await page.locator('label[for=site-search-q]').textContent(), /suchen/);
  const hint = await field.getAttribute('aria-describedby');
  assert.match(await page.locator(`#${hint}`).textContent(), /Maßnahmen.*Indikatoren.*Handlungsfelder.*Ziele.*Akteure/);

  // "sprachforderung" without the umlaut, in capitals: "Sprachförderung" in titles. Enter opens
  // the search page with the query, the focus still in the field.
  const want = expected('Sprachförderung');
  const total = Object.values(want).reduce((s, ids) => s + ids.length, 0);
  assert.ok(want.measure.length > 0 && want.indicator.length > 0, 'the example has the word in measures and indicators');
  await field.click();
  await page.keyboard.type('SPRACHFORDERUNG');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/suche?q=SPRACHFORDERUNG');
  await page.waitForFunction(() => document.activeElement?.id === 'site-search-q' && document.activeElement.value === 'SPRACHFORDERUNG');
  assert.equal(await page.getByTestId('search-count').getAttribute('role'), 'status');
  await announced(page, total);
  const shown = await groups(page);
  for (const [kind, ids] of Object.entries(want)) {
    if (ids.length) assert.equal(shown[kind]?.count, ids.length, `${kind}: ${ids}`);
    else assert.equal(shown[kind], undefined, `no empty ${kind} group`);
  }
  // Groups in a fixed order: measures first.
  const order = await page.locator('[data-testid=search-group]').evaluateAll(gs => gs.map(g => g.dataset.kind));
  assert.deepEqual(order, ['measure', 'indicator', 'field', 'goal', 'actor'].filter(k => want[k].length));
  const ids = await page.locator('[data-kind=measure] [data-testid=measure-item]').evaluateAll(ls => ls.map(l => l.dataset.id));
  assert.deepEqual([...ids].sort(), [...want.measure].sort());

  // Typing on the search page searches as the reader types; the same results with the
  // diacritics, the address following without new history entries.
  const search = page.getByTestId('site-search-q');
  const before = await page.getByTestId('search-results').innerText();
  await search.fill('sprachförderung');
  await page.waitForFunction(() => location.hash === '#/suche?q=sprachf%C3%B6rderung');
  await announced(page, total);
  assert.equal(await page.getByTestId('search-results').innerText(), before);

  // A word found nowhere: no groups, and the count says so.
  await search.fill('zzqx');
  await announced(page, 0);
  assert.equal(await page.locator('[data-testid=search-group]').count(), 0);
  // Cleared: no results, no count, the address without a query.
  await search.fill('');
  await page.getByTestId('search-results').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => location.hash), '#/suche');
  assert.equal((await page.getByTestId('search-count').textContent()).trim(), '');
  // Back returns to the overview (one history entry for the search).
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/');
  await page.getByTestId('plan-title').waitFor();
  await assertClean(assert, page, log);
  await page.close();
});

test('search page: a shared link shows its results, Enter goes to the first, a result opens its page, Back comes back', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(`${APP}#/suche?q=kurs`);
  await ready(page);
  assert.equal(await page.getByTestId('site-search-q').inputValue(), 'kurs');
  const want = expected('kurs');
  await announced(page, Object.values(want).reduce((s, ids) => s + ids.length, 0));
  await page.getByTestId('site-search-q').focus();
  await page.keyboard.press('Enter');
  const first = await page.evaluate(() => document.activeElement.getAttribute('href'));
  assert.equal(first, `#/massnahme/${encodeURIComponent(await page.locator('[data-kind=measure] [data-testid=measure-item]').first().getAttribute('data-id'))}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(h => location.hash === h, first);
  await page.locator('main h1').waitFor();
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/suche?q=kurs');
  await page.getByTestId('search-results').waitFor();
  assert.equal(await page.getByTestId('site-search-q').inputValue(), 'kurs');
  // Goals link to their field of action and say which one.
  if (want.goal.length) {
    const goal = page.locator('[data-kind=goal] li').first();
    assert.match(await goal.locator('a').getAttribute('href'), /^#\/handlungsfeld\//);
    assert.ok((await goal.locator('.search-context').textContent()).length > 0);
  }
  // Measures go on to the explorer with the same query.
  assert.equal(await page.locator('[data-kind=measure] .search-explorer').getAttribute('href'), '#/massnahmen?q=kurs');
  // An umlaut typed as "ue" finds what the umlaut finds.
  const turkish = expected('türkisch');
  assert.ok(turkish.measure.length > 0, 'the example has "Türkisch"');
  await page.getByTestId('site-search-q').fill('tuerkisch');
  await announced(page, Object.values(turkish).reduce((s, ids) => s + ids.length, 0));
  await assertClean(assert, page, log);
  await page.close();
});

for (const lang of ['de', 'ar']) {
  test(`header (${lang}, phone): the search is one step from any page, opens with the focus in its field`, async () => {
    const { page, log } = await openPage(browser, PHONE);
    await page.goto(`${APP}?lang=${lang}#/massnahme/M-1.1`);
    await ready(page);
    // Reached with Tab from the top of the page, large enough, on screen.
    let found = null;
    for (let i = 0; i < 10 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => {
        const el = document.activeElement;
        if (el.dataset.testid !== 'header-search') return null;
        const r = el.getBoundingClientRect();
        return { w: r.width, h: r.height, left: r.left, right: r.right, name: el.innerText || el.textContent };
      });
    }
    assert.ok(found, 'the header search link is reached with Tab');
    assert.ok(found.w >= 24 && found.h >= 24 && found.left >= 0 && found.right <= PHONE.width, JSON.stringify(found));
    assert.ok(found.name.trim().length > 0, 'the link has a name');
    const height = await page.locator('.site-header').evaluate(h => h.getBoundingClientRect().height);
    assert.ok(height <= 120, `header ${height} px high with the search link`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#/suche');
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'site-search-q');
    assert.equal(await page.getByTestId('header-search').getAttribute('aria-current'), 'page');

    // "göppingen" is in many actors' names: the first few, then "show all", which hands the
    // focus to the first result it showed.
    const want = expected('göppingen');
    assert.ok(want.actor.length > 8, 'the example has more than a group shows at first');
    await page.keyboard.type('goppingen');
    await page.waitForFunction(() => location.hash === '#/suche?q=goppingen');
    await announced(page, Object.values(want).reduce((s, ids) => s + ids.length, 0));
    const actors = page.locator('[data-kind=actor]');
    assert.equal(await actors.locator('li').count(), 8);
    const more = actors.getByTestId('search-more');
    const size = await more.boundingBox();
    assert.ok(size.width >= 24 && size.height >= 24, `"show all" ${JSON.stringify(size)}`);
    await more.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(n => document.querySelectorAll('[data-kind=actor] li').length === n, want.actor.length);
    await page.waitForFunction(() => document.activeElement.closest('[data-kind=actor] li:nth-child(9)') !== null);
    // The submit button and the field are large enough to hit.
    for (const el of [page.getByTestId('site-search-q'), page.locator('.site-search button[type=submit]')]) {
      const b = await el.boundingBox();
      assert.ok(b.width >= 24 && b.height >= 24, JSON.stringify(b));
    }
    await assertClean(assert, page, log);
    await page.close();
  });
}
