// Language of parts (WCAG 3.1.2): data text shown in a language other than the interface's (the
// example data has German, often English, never Turkish, Arabic or Ukrainian) carries its own
// `lang` and `dir`, on every kind of page and in embeds, in all five interfaces.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { APP, DIST, ready, assertClean, site } from './env.mjs';

const INTERFACES = ['de', 'en', 'tr', 'ar', 'uk'];
const PAGES = {
  overview: '#/',
  field: '#/handlungsfeld/sprache',
  measure: '#/massnahme/M-1.1',
  indicator: '#/indikator/I-alq-ausl',
  changes: '#/aenderungen',
  search: '#/suche?q=sprach',
  explorer: '#/massnahmen',
  'embedded field': '#/embed/handlungsfeld/sprache',
  'embedded indicator': '#/embed/indikator/I-alq-ausl',
};
// Fields whose plain strings are text in the plan's default language (German); ids, dates,
// statuses, addresses and district names are not.
const TEXT_FIELDS = new Set(['title', 'short_title', 'summary', 'easy_summary', 'description', 'status_note',
  'text', 'label', 'name', 'definition', 'note', 'notes', 'subtitle', 'publisher', 'method', 'funding', 'table',
  'target_groups', 'unit']);

const data = ['plan', 'measures', 'indicators']
  .map(f => JSON.parse(fs.readFileSync(path.join(DIST, 'data', `${f}.json`), 'utf8')));
const config = JSON.parse(fs.readFileSync(path.join(DIST, 'config.json'), 'utf8'));
const boundaries = config.district_boundaries
  && JSON.parse(fs.readFileSync(path.join(DIST, 'data', config.district_boundaries), 'utf8'));
const isTextMap = o => o && typeof o === 'object' && !Array.isArray(o) && Object.keys(o).length > 0
  && Object.entries(o).every(([k, v]) => /^[a-z]{2}$/.test(k) && typeof v === 'string');

/** Every data text as {lang -> string} (plain strings are German), with the field it is in. */
function texts() {
  const out = [];
  const walk = (o, field) => {
    if (isTextMap(o) && TEXT_FIELDS.has(field)) out.push(o);
    else if (Array.isArray(o)) o.forEach(v => walk(v, field));
    else if (o && typeof o === 'object') Object.entries(o).forEach(([k, v]) => walk(v, k));
    else if (typeof o === 'string' && TEXT_FIELDS.has(field)) out.push({ de: o });
  };
  data.forEach(d => walk(d));
  // config.json's texts (the licence's name) and the boundary file's note (its `name`) are
  // data texts too.
  walk(config);
  if (boundaries?.name) out.push({ de: boundaries.name });
  return out;
}

/**
 * The strings a reader of `lang` sees in German: the German text of every data text without a
 * version in `lang` (paragraphs as shown), leaving out any that also occurs in `lang`, where
 * the same words would rightly carry the interface's language.
 */
function germanFor(lang) {
  const all = texts();
  const own = new Set(all.filter(t => lang in t).map(t => t[lang].trim()));
  const german = new Set();
  for (const t of all) {
    if (lang !== 'de' && lang in t) continue;
    if (!('de' in t)) continue;
    for (const p of t.de.split('\n\n').map(s => s.trim())) {
      if (p && p !== '%' && (lang === 'de' || !own.has(p))) german.add(p);
    }
  }
  return german;
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Text nodes equal to one of `german`, each with its nearest `lang` and that element's `dir`. */
async function germanNodes(page, german) {
  return page.evaluate(strings => {
    const wanted = new Set(strings);
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      // The chart's drawing is an image (role="img"): its name is the summary, its text is the
      // table beside it. Scripts, styles and the embed snippet's code are not reading text.
      if (!el || el.closest('[role=img], script, style, textarea')) continue;
      const text = n.textContent.trim();
      if (!wanted.has(text)) continue;
      const marked = el.closest('[lang]');
      found.push({ text, lang: marked?.getAttribute('lang'), dir: marked?.getAttribute('dir'), tag: el.tagName });
    }
    return found;
  }, [...german]);
}

for (const lang of INTERFACES) {
  test(`interface ${lang}: German data text is marked lang="de" dir="ltr"`, async () => {
    const german = germanFor(lang);
    assert.ok(german.size > 20, `German data texts for ${lang}: ${german.size}`);
    const { page, log } = await openPage(browser, { width: 390, height: 844 });
    for (const [name, hash] of Object.entries(PAGES)) {
      await page.goto(`${APP}?lang=${lang}${hash}`);
      await ready(page);
      await page.waitForFunction(l => document.documentElement.lang === l, lang);
      if (name === 'changes') await page.getByTestId('changes-summary').waitFor();
      if (name.includes('indicator')) await page.getByTestId('data-table').waitFor();
      if (name === 'field' && boundaries) await page.getByTestId('district-map-note').waitFor();
      const nodes = await germanNodes(page, german);
      // Not vacuous: the page shows German data text (German titles, at least, in every interface).
      assert.ok(nodes.length > 0, `${lang} ${name}: no German data text found`);
      const wrong = nodes.filter(n => n.lang !== 'de');
      assert.deepEqual(wrong, [], `${lang} ${name}: German data text under another language`);
      if (lang !== 'de') {
        const unmarked = nodes.filter(n => n.dir !== 'ltr');
        assert.deepEqual(unmarked, [], `${lang} ${name}: German data text without dir="ltr"`);
      }
    }
    await assertClean(assert, page, log);
    await page.close();
  });
}

test('English texts in the English interface carry no language of their own', async () => {
  const { page } = await openPage(browser);
  await page.goto(`${APP}?lang=en#/`);
  await page.getByTestId('plan-title').waitFor();
  // A heading that is one data text carries the marks itself (not a span inside it).
  const title = page.getByTestId('plan-title');
  assert.equal(await title.textContent(), 'Integration plan of the City of Göppingen');
  assert.equal(await title.getAttribute('lang'), null);
  // The same title in the Arabic interface falls back to German (the data has no Arabic): marked.
  await page.goto(`${APP}?lang=ar#/`);
  await page.waitForFunction(() => document.documentElement.lang === 'ar');
  await page.getByTestId('plan-title').waitFor();
  const ar = page.getByTestId('plan-title');
  assert.equal(await ar.textContent(), 'Integrationsplan der Stadt Göppingen');
  assert.equal(await ar.getAttribute('lang'), 'de');
  assert.equal(await ar.getAttribute('dir'), 'ltr');
  // The check above would notice a text that lost its mark.
  const german = germanFor('ar');
  assert.deepEqual((await germanNodes(page, german)).filter(n => n.lang !== 'de'), []);
  await ar.evaluate(el => { el.removeAttribute('lang'); });
  const wrong = (await germanNodes(page, german)).filter(n => n.lang !== 'de');
  assert.deepEqual(wrong.map(n => [n.text, n.lang]), [['Integrationsplan der Stadt Göppingen', 'ar']]);
  await page.close();
});

/** The computed direction and alignment of the elements `selector` finds, with their text. */
const layout = (page, selector) => page.locator(selector).evaluateAll(els => els.map(el => {
  const style = getComputedStyle(el);
  const left = style.textAlign === 'left' || (style.textAlign === 'start' && style.direction === 'ltr');
  return { text: el.textContent.trim().slice(0, 30), direction: style.direction, left };
}));

test('a German title, lead and Leichte-Sprache text in the Arabic interface are blocks set left to right', async () => {
  const { page, log } = await openPage(browser, { width: 390, height: 844 });
  await page.goto(`${APP}?lang=ar#/massnahme/M-1.2`);
  await page.waitForFunction(() => document.documentElement.lang === 'ar');
  await page.getByTestId('page-title').waitFor();
  const blocks = await layout(page, '[data-testid=page-title], .lead, [data-testid=easy-summary] p, main p[lang=de]');
  assert.ok(blocks.length >= 4, `blocks found: ${JSON.stringify(blocks)}`);
  assert.deepEqual(blocks.filter(b => b.direction !== 'ltr' || !b.left), [], 'German blocks set right to left');
  // The page around them stays right to left.
  assert.deepEqual((await layout(page, 'main nav.breadcrumb')).map(b => b.direction), ['rtl']);
  await assertClean(assert, page, log);
  await page.close();
});

test('a text in the interface language that begins with a Latin word keeps its own direction; other right-to-left languages are known', async () => {
  const plan = JSON.parse(fs.readFileSync(path.join(DIST, 'data', 'plan.json'), 'utf8'));
  const measures = JSON.parse(fs.readFileSync(path.join(DIST, 'data', 'measures.json'), 'utf8'));
  plan.plan.title = { de: 'Integrationsplan', ar: 'KiTa خطة الاندماج' };
  // A measure whose title the data gives only in Persian: shown as the fallback in any interface.
  measures.measures[0].title = { fa: 'کلاس زبان برای والدین' };
  const { url } = site('lang-direction', {
    'data/plan.json': JSON.stringify(plan),
    'data/measures.json': JSON.stringify(measures),
  });
  const { page, log } = await openPage(browser);
  await page.goto(`${url}?lang=ar#/`);
  const title = page.getByTestId('plan-title');
  await page.waitForFunction(() => document.querySelector('[data-testid=plan-title]')?.textContent.startsWith('KiTa'));
  assert.equal(await title.getAttribute('lang'), null, 'the Arabic title is in the interface language');
  assert.equal(await title.getAttribute('dir'), 'rtl', 'not guessed left to right from "KiTa"');
  await page.goto(`${url}?lang=de#/massnahme/${encodeURIComponent(measures.measures[0].id)}`);
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  const fa = page.getByTestId('page-title');
  await fa.filter({ hasText: 'کلاس' }).waitFor();
  assert.equal(await fa.getAttribute('lang'), 'fa');
  assert.equal(await fa.getAttribute('dir'), 'rtl');
  await assertClean(assert, page, log);
  await page.close();
});

test('a text whose key is no language tag is reported in the data notice and never written into lang', async () => {
  const measures = JSON.parse(fs.readFileSync(path.join(DIST, 'data', 'measures.json'), 'utf8'));
  const m = measures.measures[0];
  m.title = { Deutsch: 'Sprachkurs mit falschem Schlüssel' };
  const { url } = site('lang-bad-key', { 'data/measures.json': JSON.stringify(measures) });
  const { page, log } = await openPage(browser);
  for (const lang of ['de', 'ar']) {
    await page.goto(`${url}?lang=${lang}#/massnahme/${encodeURIComponent(m.id)}`);
    const title = page.getByTestId('page-title');
    await title.filter({ hasText: 'falschem' }).waitFor();
    assert.equal(await title.getAttribute('lang'), null, `${lang}: no lang="Deutsch"`);
    const invalid = await page.evaluate(() => [...document.querySelectorAll('[lang]')]
      .map(e => e.getAttribute('lang')).filter(l => !/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(l)));
    assert.deepEqual(invalid, [], `${lang}: lang attributes that are no language tags`);
  }
  // The data notice names the key and where it is.
  await page.getByTestId('problems').locator('summary').click();
  const problems = await page.getByTestId('problem').allTextContents();
  assert.ok(problems.some(p => p.includes('title.Deutsch') && p.includes('Deutsch')), problems.join('\n'));
  await assertClean(assert, page, log);
  await page.close();
});
