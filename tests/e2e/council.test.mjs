// "Was hat sich geändert?" against the example plan's snapshot, with its permalink, and a
// missing snapshot that gets a clear message while the rest of the site keeps working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';
import { APP, site, assertClean } from './env.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('changes since the latest report are exactly those the data implies', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(APP);
  await page.getByTestId('changes-teaser').click();
  await page.getByTestId('changes-summary').waitFor();
  assert.equal(await page.getByTestId('changes-summary').textContent(),
    '7 Statusänderungen, 19 Fortschrittsänderungen, 2 neue und 1 abgeschlossene Maßnahmen; 9 neue und 2 korrigierte Indikatorwerte, 2 geänderte Bewertungen.');
  const rows = page.getByTestId('measure-change');
  assert.equal(await rows.count(), 23);
  const row = id => page.locator(`[data-testid=measure-change][data-id="${id}"]`);
  assert.match(await row('M-1.4').textContent(), /läuft – im Plan → .*läuft – verzögert.*25\u00a0% → 30\u00a0%/);
  assert.match(await row('M-1.5').textContent(), /abgeschlossen.*läuft – im Plan → .*abgeschlossen.*80\u00a0% → 100\u00a0%/);
  assert.match(await row('M-4.5').textContent(), /neu/);
  assert.match(await row('M-5.3').textContent(), /geplant → .*in Vorbereitung.*– → 20\u00a0%/);
  const ind = id => page.locator(`[data-testid=indicator-change][data-id="${id}"]`);
  // Six indicators with new or corrected values or ratings, and one adopted since the report.
  assert.equal(await page.getByTestId('indicator-change').count(), 7);
  assert.match(await ind('I-wohnen-ueberbelegung').textContent(), /neu/);
  assert.match(await ind('I-alq-ausl').textContent(), /korrigiert: .*2024: 10,5\u00a0% → 10,4\u00a0%/);
  assert.match(await ind('I-einbuergerung').textContent(), /deutlicher Fortschritt → .*Ziel erreicht/);
  assert.match(await ind('I-anschluss').textContent(), /Verschlechterung → .*geringer Fortschritt/);
  // The permalink names the report.
  await page.goto(APP + '#/aenderungen?bericht=2026-05-12');
  await page.getByTestId('changes-summary').waitFor();
  assert.match(await page.getByTestId('changes-since').textContent(), /12\. Mai 2026/);
  await assertClean(assert, page, log);
  await page.close();
});

test('a missing snapshot gets a located message; the rest of the site works', async () => {
  const { url } = site('no-snapshot', {
    'data/reports/2026-05-12/measures.json': null,
  });
  const { page } = await openPage(browser);
  await page.goto(url + '#/aenderungen');
  const fatal = page.getByTestId('snapshot-fatal');
  await fatal.waitFor();
  assert.match(await fatal.textContent(), /reports\/2026-05-12\/measures\.json.*HTTP 404/);
  await page.locator('nav a[href="#/"]').first().click();
  await page.getByTestId('plan-title').waitFor();
  assert.equal(await page.getByTestId('measures-total').textContent(), '40');
  await page.close();
});

test('accessibility statement, Leichte Sprache, sign language and data pages', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(APP + '#/barrierefreiheit');
  await page.getByTestId('feedback').waitFor();
  assert.equal(await page.getByTestId('feedback').locator('a').first().getAttribute('href'), 'mailto:barrierefreiheit@example.org');
  await page.goto(APP);
  await page.getByTestId('entry-points').getByText('Leichte Sprache').click();
  await page.getByTestId('easy-list').waitFor();
  assert.ok(await page.getByTestId('easy-list').locator('li').count() >= 10);
  await page.goto(APP + '#/gebaerdensprache');
  await page.getByTestId('sign-placeholder').waitFor();
  await page.goto(APP + '#/daten');
  await page.getByTestId('json-files').waitFor();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-observations').click()]);
  const fs = await import('node:fs');
  const csv = fs.readFileSync(await dl.path(), 'utf8');
  assert.match(csv, /^\ufeff?indicator,series,period,value,flag\r\n/);
  assert.match(csv, /I-beratung,umf,2021,,suppressed/);
  await assertClean(assert, page, log);
  await page.close();
});

test('keyboard only: from the start page to a measure and to an indicator data table', async () => {
  const { page } = await openPage(browser);
  await page.goto(APP);
  await page.getByTestId('plan-title').waitFor();
  // The skip link is the first stop and moves focus to the main content.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  // Tab to the first field of action and open it with Enter.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.closest('[data-testid=field-card]') !== null)) break;
  }
  await page.keyboard.press('Enter');
  await page.getByTestId('goal').first().waitFor();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.classList.contains('measure-link'))) break;
  }
  await page.keyboard.press('Enter');
  await page.getByTestId('measure').waitFor();
  // And an indicator's data table: the scrollable table region takes focus.
  await page.goto(APP + '#/indikator/I-alq-ausl');
  await page.getByTestId('data-table').waitFor();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.classList.contains('table-wrap'))) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement.querySelector('table')?.dataset.testid), 'data-table');
  await page.close();
});
