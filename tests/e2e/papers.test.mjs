// Council papers (Drucksachen): the measure page, the changes page and the printable report
// list them with number, title (a link to the paper's page where the data has one, opening
// like any link) and date; a title shown in a fallback language carries its `lang`. Expected
// values come from the data files; axe finds nothing on these pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { APP, DIST, audit, assertClean } from './env.mjs';

const read = f => JSON.parse(fs.readFileSync(path.join(DIST, 'data', f), 'utf8'));
const plan = read('plan.json');
const measures = read('measures.json').measures;
const defaultLang = plan.plan.default_language || 'de';
const withPapers = measures.filter(m => (m.papers || []).length);
// The report the changes page and the report compare with by default: the latest.
const report = [...plan.reports].sort((a, b) => b.date.localeCompare(a.date))[0];

/** A data text in `lang`, falling back to the default language, then to any; with its language. */
const resolve = (text, lang) => {
  if (typeof text === 'string') return [text, defaultLang];
  for (const l of [lang, defaultLang]) if (text[l] != null) return [text[l], l];
  const [l, t] = Object.entries(text)[0];
  return [t, l];
};
/** A day as the dashboard writes it (the example's papers are dated to the day; English is British). */
const day = (d, lang) => {
  assert.match(d, /^\d{4}-\d{2}-\d{2}$/, 'the example dates its papers to the day');
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${d}T00:00:00Z`));
};

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Checks a rendered list of papers against the data, in the UI language `lang`. */
async function assertPapers(list, papers, lang) {
  const items = list.getByTestId('paper');
  assert.equal(await items.count(), papers.length);
  for (const [i, p] of papers.entries()) {
    const item = items.nth(i);
    const [title, titleLang] = resolve(p.name, lang);
    assert.equal(await item.locator('.paper-ref').textContent(), p.reference);
    const text = await item.textContent();
    assert.ok(text.includes(title), `${text} has ${title}`);
    if (p.date) {
      assert.equal(await item.locator('time').getAttribute('datetime'), p.date);
      assert.equal(await item.locator('time').textContent(), day(p.date, lang));
    }
    const link = item.locator('a');
    if (p.web) {
      assert.equal(await link.getAttribute('href'), p.web);
      assert.equal(await link.getAttribute('target'), null, 'the link opens like any other');
      assert.equal(await link.textContent(), title);
    } else {
      assert.equal(await link.count(), 0);
    }
    // The title's own language where it is not the page's.
    const marked = await item.locator('[lang]').evaluateAll(es => es.map(e => e.getAttribute('lang')));
    assert.deepEqual(marked, titleLang === lang ? [] : [titleLang]);
  }
}

test('a measure page lists its council papers as the data names them, in German and English', async () => {
  assert.ok(withPapers.length >= 2, 'the example has measures with papers');
  const { page, log } = await openPage(browser);
  for (const lang of ['de', 'en']) {
    for (const m of withPapers) {
      await page.goto(`${APP}?lang=${lang}#/massnahme/${m.id}`);
      const section = page.getByTestId('measure-papers');
      await section.waitFor();
      assert.equal(await section.locator('h2').textContent(), lang === 'de' ? 'Ratsdokumente' : 'Council papers');
      await assertPapers(section, m.papers, lang);
    }
  }
  // A measure without papers has no such section.
  const without = measures.find(m => !(m.papers || []).length);
  await page.goto(`${APP}#/massnahme/${without.id}`);
  await page.getByTestId('page-title').waitFor();
  assert.equal(await page.getByTestId('measure-papers').count(), 0);
  await assertClean(assert, page, log);
  await page.close();
});

/** The changes (on the changes page or in the report): the report's papers, and each changed
 * measure's papers in its row. */
async function assertChanges(page) {
  await page.getByTestId('changes-summary').waitFor();
  await assertPapers(page.getByTestId('report-papers'), report.papers, 'de');
  const rows = page.getByTestId('measure-change');
  const ids = await rows.evaluateAll(rs => rs.map(r => r.dataset.id));
  const shown = ids.filter(id => (measures.find(m => m.id === id)?.papers || []).length);
  assert.ok(shown.length >= 2, `changed measures with papers: ${shown}`);
  for (const id of ids) {
    const m = measures.find(x => x.id === id);
    const cell = page.locator(`[data-testid=measure-change][data-id="${id}"] [data-testid=measure-change-papers]`);
    if (m && (m.papers || []).length) await assertPapers(cell, m.papers, 'de');
    else if (m) assert.equal(await cell.textContent(), '–');
  }
}

test('the changes page shows the papers of the report it compares with and of the changed measures', async () => {
  assert.ok(report.papers.length >= 1, 'the latest report names papers');
  const { page, log } = await openPage(browser);
  await page.goto(`${APP}#/aenderungen`);
  await assertChanges(page);
  await assertClean(assert, page, log);
  await page.close();
});

test('the printable report shows them too', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(`${APP}#/bericht`);
  await assertChanges(page);
  await assertClean(assert, page, log);
  await page.close();
});

test('axe finds nothing on the pages with papers (German and Arabic, phone and desktop)', async () => {
  const pages = [...withPapers.map(m => `#/massnahme/${m.id}`), '#/aenderungen', '#/bericht'];
  const found = {};
  for (const [lang, width] of [['de', 1280], ['de', 390], ['ar', 390], ['en', 1280]]) {
    const { page } = await openPage(browser, { width, height: 900 });
    for (const hash of pages) {
      await page.goto(`${APP}?lang=${lang}${hash}`);
      await page.locator('main h1').first().waitFor();
      if (hash === '#/aenderungen' || hash === '#/bericht') await page.getByTestId('changes-summary').waitFor();
      else await page.getByTestId('measure-papers').waitFor();
      const v = await audit(page);
      if (v.length) found[`${lang}/${width}${hash}`] = v;
    }
    await page.close();
  }
  assert.deepEqual(found, {});
});
