// Districts as tables: the field page counts its measures per district, the explorer counts the
// filtered measures in a closed disclosure, and the indicator page lists its values by district
// with "no data" where there is none. Expected values are computed from the data files; axe finds
// nothing on these pages in the five languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { APP, DIST, audit, assertClean } from './env.mjs';

const read = f => JSON.parse(fs.readFileSync(path.join(DIST, 'data', f), 'utf8'));
const plan = read('plan.json');
const measures = read('measures.json').measures;
const indicators = read('indicators.json').indicators;
const districts = plan.districts || [];
const name = d => (typeof d.name === 'string' ? d.name : d.name.de);
const running = m => m.status === 'on_track' || m.status === 'delayed';

/** Measures and running measures per district, in the plan's order. */
const counts = list => districts.map(d => {
  const of = list.filter(m => (m.districts || []).includes(d.id));
  return [d.id, of.length, of.filter(running).length];
});
const goalsOf = field => plan.goals.filter(g => g.field === field).map(g => g.id);
const measuresOf = field => {
  const goals = goalsOf(field);
  return measures.filter(m => (m.goals || []).some(g => goals.includes(g)));
};

/** The rows of a district table as [id, measures, running]. */
const tableCounts = table => table.locator('tbody tr').evaluateAll(rows => rows.map(r => [
  r.dataset.district, Number(r.cells[1].textContent), Number(r.cells[2].textContent)]));

/** Opens a page with district tables in a language and waits for them (the explorer's opened). */
async function showTables(page, lang, hash) {
  await page.goto(`${APP}?lang=${lang}${hash}`);
  await page.locator('main h1').first().waitFor();
  if (hash === '#/massnahmen') {
    await page.getByTestId('explorer-districts').locator('summary').click();
    await page.getByTestId('explorer-district-table').waitFor();
  } else {
    await page.locator('.district-table').first().waitFor();
  }
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('the example lists districts and gives indicators values by district', () => {
  assert.ok(districts.length >= 10);
  assert.ok(indicators.filter(i => i.by_district).length >= 2);
});

test('a field page counts its measures per district, with a sentence naming the most and those without', async () => {
  const { page, log } = await openPage(browser);
  // The field with the most districts named, so the sentence has something to say.
  const field = [...plan.fields].sort((a, b) =>
    counts(measuresOf(b.id)).filter(c => c[1]).length - counts(measuresOf(a.id)).filter(c => c[1]).length)[0];
  const expected = counts(measuresOf(field.id));
  await page.goto(`${APP}?lang=de#/handlungsfeld/${field.id}`);
  const section = page.getByTestId('field-districts');
  await section.waitFor();
  assert.equal(await section.locator('h2').textContent(), 'Maßnahmen nach Stadtteil');
  assert.deepEqual(await tableCounts(section.getByTestId('district-table')), expected);
  const most = Math.max(...expected.map(c => c[1]));
  const top = expected.filter(c => c[1] === most).map(c => name(districts.find(d => d.id === c[0])));
  const without = expected.filter(c => c[1] === 0).map(c => name(districts.find(d => d.id === c[0])));
  const sentence = await section.getByTestId('district-table-summary').textContent();
  assert.ok(sentence.startsWith(`Die meisten Maßnahmen: ${top.join(', ')} (${most}).`), sentence);
  if (without.length) assert.ok(sentence.endsWith(`Ohne Maßnahme: ${without.join(', ')}.`), sentence);
  // The bars are decoration.
  assert.equal(await section.locator('svg.district-bar[aria-hidden=true]').count(), expected.length);
  await assertClean(assert, page, log);
  await page.close();
});

test('the explorer counts the filtered measures per district behind a closed disclosure, and filters by district', async () => {
  const { page, log } = await openPage(browser, { width: 390, height: 800 });
  await page.goto(`${APP}?lang=de#/massnahmen?status=on_track`);
  await page.getByTestId('results').waitFor();
  const panel = page.getByTestId('explorer-districts');
  assert.equal(await panel.evaluate(e => e.open), false, 'closed, so the results come first');
  const [listTop, panelTop] = await Promise.all([page.getByTestId('results'), panel]
    .map(l => l.evaluate(e => e.getBoundingClientRect().top)));
  assert.ok(listTop < panelTop, 'the results come before the districts');
  // Counted when it opens, not while closed: the table comes with the opening.
  assert.equal(await panel.getByTestId('explorer-district-table').count(), 0);
  await panel.locator('summary').click();
  await panel.getByTestId('explorer-district-table').waitFor();
  const filtered = measures.filter(m => m.status === 'on_track');
  assert.deepEqual(await tableCounts(panel.getByTestId('explorer-district-table')), counts(filtered));

  // The district filter offers the names, keeps the id in the address and narrows the counts.
  const d = districts.find(x => measures.some(m => (m.districts || []).includes(x.id)));
  const option = page.getByTestId('district').locator(`option[value="${d.id}"]`);
  assert.equal(await option.textContent(), name(d));
  await page.getByTestId('filters-toggle').click();
  await page.getByTestId('district').selectOption(d.id);
  await page.waitForFunction(id => decodeURIComponent(location.hash).includes(`district=${id}`), d.id);
  const both = filtered.filter(m => (m.districts || []).includes(d.id));
  await page.waitForFunction(n => document.querySelector('[data-testid=result-count]').textContent.startsWith(`${n} `), both.length);
  assert.deepEqual(await tableCounts(panel.getByTestId('explorer-district-table')), counts(both));
  await assertClean(assert, page, log);
  await page.close();
});

test('a measure page names its districts', async () => {
  const { page, log } = await openPage(browser);
  const m = measures.find(x => (x.districts || []).length > 1);
  await page.goto(`${APP}?lang=de#/massnahme/${m.id}`);
  await page.getByTestId('page-title').waitFor();
  const dd = page.locator('dt', { hasText: 'Stadtteile' }).locator('xpath=following-sibling::dd[1]');
  assert.equal(await dd.textContent(), m.districts.map(id => name(districts.find(d => d.id === id))).join(', '));
  await assertClean(assert, page, log);
  await page.close();
});

test('an indicator page lists its values by district, highest first, "no data" apart', async () => {
  const { page, log } = await openPage(browser);
  for (const ind of indicators.filter(i => i.by_district)) {
    const b = ind.by_district;
    const valueOf = id => b.values.find(v => v.district === id)?.value ?? null;
    const withData = districts.filter(d => valueOf(d.id) != null)
      .sort((x, y) => valueOf(y.id) - valueOf(x.id));
    const without = districts.filter(d => valueOf(d.id) == null);
    await page.goto(`${APP}?lang=de#/indikator/${ind.id}`);
    const section = page.getByTestId('district-values');
    await section.waitFor();
    assert.equal(await section.locator('h2').textContent(), `Werte nach Stadtteil (${b.period})`);
    const rows = section.locator('tbody tr');
    const ids = await rows.evaluateAll(rs => rs.map(r => r.dataset.district));
    assert.deepEqual(ids, [...withData, ...without].map(d => d.id));
    const cells = await section.getByTestId('district-value').allTextContents();
    for (const [i, d] of [...withData, ...without].entries()) {
      const v = valueOf(d.id);
      if (v == null) assert.ok(cells[i].startsWith('keine Daten'), cells[i]);
      else {
        const digits = new Intl.NumberFormat('de-DE', { minimumFractionDigits: ind.decimals ?? 0, maximumFractionDigits: ind.decimals ?? 0 }).format(v);
        assert.ok(cells[i].includes(digits), `${cells[i]} has ${digits}`);
      }
      const flag = b.values.find(x => x.district === d.id)?.flag;
      if (flag) assert.ok(cells[i].includes(`(${{ suppressed: 'gesperrt', provisional: 'vorläufig', estimated: 'geschätzt' }[flag] ?? flag}`), cells[i]);
    }
    const sentence = await section.getByTestId('district-values-summary').textContent();
    assert.ok(sentence.includes(`Höchster Wert: ${name(withData[0])}`), sentence);
    assert.ok(sentence.includes(`niedrigster: ${name(withData[withData.length - 1])}`), sentence);
    assert.ok(sentence.includes(`Werte für ${withData.length} von ${districts.length} Stadtteilen`), sentence);
  }
  await assertClean(assert, page, log);
  await page.close();
});

test('axe finds nothing on the district tables in five languages (the explorer\'s opened)', async () => {
  const ind = indicators.find(i => i.by_district);
  const field = plan.fields[0];
  const pages = [`#/handlungsfeld/${field.id}`, `#/indikator/${ind.id}`, '#/massnahmen'];
  const found = {};
  for (const [lang, width] of [['de', 1280], ['en', 390], ['tr', 1280], ['ar', 390], ['uk', 1280]]) {
    const { page } = await openPage(browser, { width, height: 900 });
    for (const hash of pages) {
      await showTables(page, lang, hash);
      const v = await audit(page);
      if (v.length) found[`${lang}/${width}${hash}`] = v;
    }
    await page.close();
  }
  assert.deepEqual(found, {});
});

test('on a phone every district table fits the screen in five languages: no sideways scrolling, the numbers stay', async () => {
  const ind = indicators.find(i => i.by_district);
  const field = plan.fields[0];
  const pages = [`#/handlungsfeld/${field.id}`, `#/indikator/${ind.id}`, '#/massnahmen'];
  const wide = {};
  for (const lang of ['de', 'en', 'tr', 'ar', 'uk']) {
    const { page } = await openPage(browser, { width: 390, height: 800 });
    for (const hash of pages) {
      await showTables(page, lang, hash);
      const tables = await page.locator('.district-table').evaluateAll(ts => ts.map(t => {
        const wrap = t.closest('.table-wrap') ?? t.parentElement;
        const visibleCells = [...t.rows[1].cells].filter(c => c.getClientRects().length > 0);
        return { scroll: wrap.scrollWidth, width: wrap.clientWidth, cells: visibleCells.length };
      }));
      assert.ok(tables.length > 0, `${lang}${hash}: no district table`);
      for (const t of tables) {
        if (t.scroll > t.width) wide[`${lang}${hash}`] = `${t.scroll} > ${t.width}`;
        // The district and its number(s) stay; only the decorative bar gives way.
        assert.ok(t.cells >= 2, `${lang}${hash}: ${t.cells} cells shown`);
      }
    }
    await page.close();
  }
  assert.deepEqual(wide, {});
});
