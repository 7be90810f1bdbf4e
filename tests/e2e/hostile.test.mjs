// Hostile data in the browser: a subset of the corpus (crates/wegmarke-core/tests/corpus.rs)
// published as real files. For each: the located message is on the page, the page is never blank,
// nothing from the data runs (no dialog, window.__pwned stays unset, no CSP violation, no request
// the data asked for), and the tab still answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { DIST, TIMEOUT, site } from './env.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const example = name => fs.readFileSync(path.join(DIST, 'data', name), 'utf8');
const json = name => JSON.parse(example(name));
const pretty = v => JSON.stringify(v, null, 2);
/** The 1-based line of the first `marker` in `text`. */
const lineOf = (text, marker) => text.slice(0, text.indexOf(marker)).split('\n').length;

const SCRIPT = '<script>window.__pwned=1;alert(1)</script><img src=x onerror="window.__pwned=1;alert(1)">' +
  '<svg onload="window.__pwned=1"></svg><a href="javascript:window.__pwned=1">x</a><style>body{display:none}</style>{{7*7}}';
const BIDI = 'Kurs \u202EgnulletsuA\u202C \u2067فارسی\u2069 Ende';
const EMOJI = '👩‍👩‍👧‍👦 🇺🇦 Z\u0338\u0322\u0349a\u0336l\u0335g\u0337o – Türkçe ✓';
const TEXT_KEYS = new Set(['title', 'subtitle', 'publisher', 'description', 'method', 'by', 'name', 'email', 'phone',
  'summary', 'easy_summary', 'status_note', 'target_groups', 'districts', 'funding', 'currency', 'text', 'reference',
  'short_title', 'definition', 'unit', 'frequency', 'label', 'note', 'notes', 'table', 'icon']);

/** Every text of the contract replaced by `payload`, in every language, at every level. */
function poison(v, payload) {
  const all = x => typeof x === 'string' ? payload : Array.isArray(x) ? x.map(all)
    : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, y]) => [k, all(y)])) : x;
  if (Array.isArray(v)) return v.map(x => poison(x, payload));
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, TEXT_KEYS.has(k) ? all(x) : poison(x, payload)]));
  }
  return v;
}

function edit(name, f) { const v = json(name); f(v); return pretty(v); }

function manyMeasures(n) {
  const items = [];
  for (let i = 0; i < n; i++) items.push(`{"id":"M-${i}","goals":["sprache-1"],"title":"Maßnahme ${i}","status":"planned","progress":${i % 101}}`);
  return `{"format":"wegmarke/1","measures":[\n${items.join(',\n')}\n]}`;
}

const TEN_MIB = 'Wegmarke ä '.repeat(Math.ceil((10 << 20) / 12));

/**
 * The cases. `files`: data files replaced; `fatal` or `problem`: a regexp the notice must match
 * (file, line and path); `visit`: further pages to open; `check(page)`: further assertions.
 */
const CASES = [
  (() => {
    const lines = example('measures.json').split('\n');
    const mid = Math.floor(lines.length / 2);
    lines[mid] = '@@ ' + lines[mid];
    return { name: 'syntax-middle', files: { 'data/measures.json': lines.join('\n') },
      fatal: new RegExp(`measures\\.json:${mid + 1}:\\d+ .*kein gültiges JSON`) };
  })(),
  { name: 'truncated', files: { 'data/indicators.json': example('indicators.json').slice(0, 4000) },
    fatal: /indicators\.json:\d+:\d+ .*endet mitten im JSON/ },
  { name: 'bom', files: { 'data/plan.json': '\uFEFF' + example('plan.json') },
    problem: /plan\.json .*Byte-Order-Markierung/, title: 'Integrationsplan der Stadt Göppingen' },
  { name: 'latin1', files: { 'data/plan.json': Buffer.from(example('plan.json').replace('Göppingen', 'G\u0001ppingen'), 'utf8').map(b => b === 1 ? 0xF6 : b) },
    fatal: /plan\.json:\d+:\d+ .*kein UTF-8-Text/ },
  { name: 'html', files: { 'data/measures.json': '<!DOCTYPE html><html><body><h1>404</h1><script>window.__pwned=1;alert(1)</script></body></html>' },
    fatal: /measures\.json .*HTML-Seite/ },
  { name: 'empty', files: { 'data/indicators.json': '' }, fatal: /indicators\.json .*leer/ },
  (() => {
    const text = edit('measures.json', v => { v.measures[0].progress = '40 %'; });
    return { name: 'wrong-type', files: { 'data/measures.json': text },
      problem: new RegExp(`measures\\.json:${lineOf(text, '"40 %"')}:\\d+: measures\\[0\\]\\.progress falscher Typ`) };
  })(),
  (() => {
    const text = example('measures.json').replace('"progress": 40', '"progress": NaN');
    return { name: 'nan', files: { 'data/measures.json': text }, fatal: new RegExp(`measures\\.json:${lineOf(text, 'NaN')}:\\d+ `) };
  })(),
  (() => {
    const text = edit('measures.json', v => { v.measures[0].start = '2025-02-30'; });
    return { name: 'impossible-date', files: { 'data/measures.json': text },
      problem: new RegExp(`measures\\.json:${lineOf(text, '2025-02-30')}:\\d+: measures\\[0\\]\\.start ungültiges Datum "2025-02-30"`) };
  })(),
  { name: 'script-plan', files: { 'data/plan.json': pretty(poison(json('plan.json'), SCRIPT)) }, title: SCRIPT,
    visit: ['#/handlungsfeld/sprache', '#/methodik', '#/akteure', '#/akteur/vhs', '#/bericht', '#/embed/kennzahlen'] },
  { name: 'script-measures-indicators',
    files: { 'data/measures.json': pretty(poison(json('measures.json'), SCRIPT)), 'data/indicators.json': pretty(poison(json('indicators.json'), SCRIPT)) },
    title: 'Integrationsplan der Stadt Göppingen',
    visit: ['#/massnahmen', '#/massnahme/M-1.1', '#/indikatoren', '#/indikator/I-alq-ausl', '#/handlungsfeld/arbeit',
      '#/aenderungen', '#/leichte-sprache', '#/daten', '#/embed/indikator/I-alq-ausl'] },
  (() => {
    const measures = edit('measures.json', v => { v.measures[0].links = [{ title: 'Kurse', url: 'javascript:window.__pwned=1;alert(1)' }]; });
    const plan = edit('plan.json', v => { v.plan.contact.url = ' JaVaScRiPt:window.__pwned=1'; v.actors[0].url = 'data:text/html,<script>alert(1)</script>'; });
    return { name: 'javascript-links', files: { 'data/measures.json': measures, 'data/plan.json': plan,
      'config.json': JSON.stringify({ links: { imprint: 'javascript:window.__pwned=1', privacy: 'vbscript:x' } }) },
    problem: /measures\.json:\d+:\d+: measures\[0\]\.links\[0\]\.url unzulässiger Link/,
    visit: ['#/massnahme/M-1.1', '#/akteure', '#/methodik'] };
  })(),
  // Paths that leave their folder once decoded: reported, and never requested.
  { name: 'path-tricks', files: {
      'config.json': JSON.stringify({ theme: { logo: '%2e%2e/%2e%2e/logo.svg' } }),
      'data/plan.json': edit('plan.json', v => { v.reports[0].path = '%2e%2E/%2e%2e/'; }) },
    problem: /plan\.json:\d+:\d+: reports\[0\]\.path unzulässiger Pfad/,
    check: async page => assert.equal(await page.getByTestId('logo').count(), 0, 'the logo is not used'),
    visit: ['#/aenderungen'] },
  { name: 'bidi', files: { 'data/plan.json': pretty(poison(json('plan.json'), BIDI)), 'data/measures.json': pretty(poison(json('measures.json'), BIDI)) },
    title: BIDI, visit: ['#/massnahmen', '#/massnahme/M-1.1'],
    check: async page => assert.equal(await page.locator('html').getAttribute('dir'), 'ltr') },
  { name: 'emoji', files: { 'data/measures.json': pretty(poison(json('measures.json'), EMOJI)), 'data/indicators.json': pretty(poison(json('indicators.json'), EMOJI)) },
    visit: ['#/massnahmen', '#/indikator/I-alq-ausl'] },
  { name: 'ten-mib', files: { 'data/measures.json': edit('measures.json', v => { v.measures[0].title = TEN_MIB; }) },
    problem: /measures\.json:\d+:\d+: measures\[0\]\.title Text zu lang \([\d.]+ Zeichen, höchstens 300\)/, visit: ['#/massnahme/M-1.1'] },
  { name: 'hundred-thousand', files: { 'data/measures.json': manyMeasures(100_000) },
    check: async page => assert.equal((await page.getByTestId('measures-total').textContent()).replace(/\D/g, ''), '100000'),
    visit: ['#/massnahmen'] },
  { name: 'deep-nesting', files: { 'data/measures.json': `{"format":"wegmarke/1","measures":${'['.repeat(100_000)}${']'.repeat(100_000)}}` },
    fatal: /measures\.json:1:\d+ .*recursion limit/ },
];

/** Waits until the page settled on content: the plan title or the fatal notice. */
async function settled(page) {
  await page.locator('[data-testid=plan-title], [data-testid=fatal]').first().waitFor({ timeout: 30_000 });
}

/** Records the page's long tasks (main thread blocked > 50 ms), to find freezes. */
const recordLongTasks = () => {
  window.__longest = 0;
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
};
/** The longest the main thread may be blocked at once, even by 100,000 measures or 10 MB. */
const MAX_FREEZE_MS = 5000;

/** The tab still answers: a round trip to the page's main thread within two seconds. */
async function responsive(page) {
  const t0 = Date.now();
  const answered = await Promise.race([
    page.evaluate(() => document.body.children.length),
    new Promise(r => { const t = setTimeout(() => r('no answer'), 2000); t.unref(); }),
  ]);
  assert.notEqual(answered, 'no answer', 'the tab stopped answering');
  return Date.now() - t0;
}

/** Nothing ran, nothing leaked, the page is not blank. */
async function assertHarmless(page, log, dialogs, where) {
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', `script from the data ran (${where})`);
  assert.deepEqual(dialogs, [], `a dialog opened (${where})`);
  assert.deepEqual(await page.evaluate(() => window.__csp || []), [], `CSP violations (${where})`);
  assert.deepEqual(log.csp, [], 'CSP reports');
  assert.deepEqual(log.foreign, [], 'requests to other hosts');
  const asked = log.requests.map(u => new URL(u).pathname.replace(/^\/[^/]+\//, '/')).filter(p => /\/x$|evil|vbscript|javascript/i.test(p));
  assert.deepEqual(asked, [], 'requests the data asked for');
  assert.equal(await page.locator('a[href^="javascript:" i], a[href^="vbscript:" i], a[href^="data:" i]:not([download])').count(), 0, `a dangerous link in the page (${where})`);
  // The page's own downloads are Blob URLs made on click (dashboard.test.mjs checks their type);
  // a data: download link, should one come back, must be of a plain text type.
  for (const href of await page.locator('a[download][href^="data:" i]').evaluateAll(as => as.map(a => a.getAttribute('href')))) {
    assert.match(href, /^data:(text\/csv|application\/json);charset=utf-8,/, `download link type (${where})`);
  }
  assert.equal(await page.locator('body script:not([src]), body iframe, body object, body embed, body svg[onload], body img[onerror]').count(), 0, `markup from the data (${where})`);
  const text = (await page.locator('body').innerText()).trim();
  assert.ok(text.length > 20, `blank page (${where})`);
  if (!where.startsWith('#/embed')) assert.ok(await page.getByRole('banner').isVisible(), `no header (${where})`);
  await responsive(page);
  const longest = await page.evaluate(() => window.__longest);
  assert.ok(longest < MAX_FREEZE_MS, `the tab froze for ${Math.round(longest)} ms (${where})`);
}

for (const c of CASES) {
  test(`hostile data: ${c.name}`, { timeout: TIMEOUT }, async () => {
    const { url } = site(`hostile-${c.name}`, c.files);
    const { page, log } = await openPage(browser);
    const dialogs = [];
    page.on('dialog', d => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
    await page.addInitScript(recordLongTasks);
    await page.goto(url);
    await settled(page);
    if (c.fatal) {
      const fatal = page.getByTestId('fatal');
      assert.match((await fatal.textContent()).replace(/\s+/g, ' '), c.fatal);
      assert.ok(await page.getByRole('button', { name: 'Erneut versuchen' }).isVisible(), 'a retry');
    }
    if (c.problem) {
      const problems = page.getByTestId('problems');
      await problems.waitFor();
      await problems.locator('summary').click();
      const items = problems.getByTestId('problem');
      const texts = await items.allTextContents();
      const at = texts.findIndex(t => c.problem.test(t.replace(/\s+/g, ' ')));
      assert.ok(at >= 0, `no problem matches ${c.problem}:\n${texts.slice(0, 5).join('\n').slice(0, 2000)}`);
      assert.ok(await items.nth(at).isVisible(), 'the located message is visible once the list is opened');
    }
    if (c.title) assert.equal(await page.getByTestId('plan-title').textContent(), c.title, 'hostile text shown as text');
    if (c.check) await c.check(page);
    await assertHarmless(page, log, dialogs, '#/');
    for (const hash of c.visit || []) {
      // A fresh load per page: the wait is then for this page's heading, not the last one's.
      await page.goto(url + hash);
      await page.locator('h1, h2').first().waitFor();
      await page.getByTestId('loading').waitFor({ state: 'detached' });
      await assertHarmless(page, log, dialogs, hash);
    }
    await page.close();
  });
}
