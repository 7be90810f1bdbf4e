// The Datenwerkstatt: staff check, preview and download data in the browser. Round trip of the
// example's own workbook (downloaded from the page itself), a broken workbook, a header-only
// measures sheet, and a workbook written by another program (ExcelJS).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { launch, openPage } from './browser.mjs';
import { APP, audit, assertClean } from './env.mjs';

const WORKSHOP = APP + '#/datenwerkstatt';
const FILES = ['plan.json', 'measures.json', 'indicators.json'];

let browser;
let dir;
let workbook; // the example's workbook, as the Werkstatt writes it
before(async () => {
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegmarke-workshop-'));
  const { page } = await openPage(browser);
  await page.goto(WORKSHOP);
  workbook = await download(page, 'download-current');
  await page.close();
});
after(async () => {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Clicks a download link and returns the saved file's path. */
async function download(page, testId) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const to = path.join(dir, `${testId}-${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(to);
  return to;
}

/** Chooses files in the Werkstatt and waits for the result. */
async function check(page, files) {
  await page.getByTestId('workshop-input').setInputFiles(files);
  await page.getByTestId('workshop-summary').waitFor();
  return page.getByTestId('workshop-summary').textContent();
}

/** The published file's bytes, as the site serves them. */
async function published(page, name) {
  const r = await page.request.get(APP + 'data/' + name);
  assert.equal(r.status(), 200);
  return Buffer.from(await r.body());
}

/** The example workbook edited by ExcelJS (another program than ours), saved under `name`. */
async function edited(name, edit) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(workbook);
  await edit(wb);
  const to = path.join(dir, name);
  await wb.xlsx.writeFile(to);
  return to;
}

test('the example\'s own workbook: no problems, the same overview in the preview, byte-identical files', async () => {
  const { page, log } = await openPage(browser);
  // The published overview, for the preview to be compared with.
  const mainText = () => page.evaluate(() => {
    const main = document.querySelector('main').cloneNode(true);
    main.querySelector('[data-testid=preview-banner]')?.parentElement.remove();
    return main.textContent;
  });
  await page.goto(APP);
  await page.getByTestId('measures-total').waitFor();
  const before = await mainText();
  await page.getByTestId('workshop-link').click();
  const summary = await check(page, workbook);
  assert.match(summary, /: 0 Fehler, 0 Probleme, \d+ Hinweise zum Einlesen, 0 entfernte Einträge, \d+ Rückfragen/);
  assert.equal(await page.getByTestId('removal-list').count(), 0);
  // Every file singly, and the ZIP, byte for byte what the site publishes.
  for (const name of FILES) {
    const file = await download(page, `download-${name}`);
    assert.ok(fs.readFileSync(file).equals(await published(page, name)), `${name} differs`);
  }
  const zip = await download(page, 'download-zip');
  for (const name of FILES) {
    const inner = execFileSync('python3', ['-c', 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))', zip, name]);
    assert.ok(inner.equals(await published(page, name)), `${name} in the ZIP differs`);
  }
  // Beside them, what `wegmarke-daten publish` wrote for the same data: the same bytes.
  for (const name of ['feeds/plan.atom', 'feeds/field-sprache.atom', 'feeds/plan.ics', 'open-data/values.csv',
    'open-data/datapackage.json', 'open-data/dcat.jsonld']) {
    const inner = execFileSync('python3', ['-c', 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))', zip, name]);
    assert.ok(inner.equals(await published(page, name)), `${name} in the ZIP differs from the published one`);
  }
  // The preview shows the same overview, with the banner, on every page until it is ended
  // (opened by keyboard).
  await page.getByTestId('preview-start').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('preview-banner').waitFor();
  await page.getByTestId('measures-total').waitFor();
  assert.equal(await mainText(), before);
  // Another page, by address (no reload: the preview lives in memory).
  await page.evaluate(() => { location.hash = '#/massnahme/M-1.1'; });
  await page.getByTestId('page-title').getByText('Sprachkurse mit Kinderbetreuung').waitFor();
  assert.equal(await page.getByTestId('preview-banner').count(), 1);
  await page.getByTestId('preview-banner').getByRole('link').click();
  await page.getByTestId('workshop-summary').waitFor(); // kept in memory on the way back
  await page.getByTestId('preview-end').click();
  await page.getByTestId('preview-banner').waitFor({ state: 'detached' });
  await assertClean(assert, page, log);
  await page.close();
});

test('a broken workbook gets located messages', async () => {
  const file = await edited('kaputt.xlsx', async wb => {
    const m = wb.getWorksheet('Maßnahmen');
    m.getCell('B3').value = 'irgendwie';      // status: not a status word
    m.getCell('F4').value = 'viel';           // progress: not a number
  });
  const { page } = await openPage(browser);
  await page.goto(WORKSHOP);
  const summary = await check(page, file);
  assert.doesNotMatch(summary, /: 0 Fehler, 0 Probleme/);
  const all = await page.getByTestId('workshop-result').innerText();
  assert.match(all, /Maßnahmen!B3 \(Status\)/);
  assert.match(all, /Maßnahmen!F4 \(Fortschritt \(%\)\)/);
  await page.close();
});

test('a header-only measures sheet lists every removed measure and offers no download until confirmed', async () => {
  // The measures sheet and its child sheets hold only their header rows, as in a template.
  const file = await edited('leer.xlsx', async wb => {
    for (const name of ['Maßnahmen', 'Meilensteine', 'Aktualisierungen', 'Links', 'Drucksachen Maßnahmen']) {
      const sheet = wb.getWorksheet(name);
      const header = sheet.getRow(1).values;
      wb.removeWorksheet(sheet.id);
      wb.addWorksheet(name).getRow(1).values = header;
    }
  });
  const { page } = await openPage(browser);
  await page.goto(WORKSHOP);
  await check(page, file);
  assert.match(await page.getByTestId('removal-summary').textContent(), /40 Maßnahmen/);
  const removed = await page.getByTestId('removal-list').innerText();
  for (const id of ['M-1.1', 'M-4.5', 'M-5.3']) assert.match(removed, new RegExp(id.replace('.', '\\.')));
  await page.getByTestId('download-blocked').waitFor();
  assert.equal(await page.getByTestId('download-zip').count(), 0);
  assert.equal(await page.getByTestId('download-measures.json').count(), 0);
  await page.getByTestId('removal-confirm').focus();
  await page.keyboard.press('Space');
  await page.getByTestId('download-zip').waitFor();
  await page.close();
});

test('a workbook saved by another program imports correctly and changes only what was changed', async () => {
  const file = await edited('exceljs.xlsx', async wb => {
    wb.getWorksheet('Maßnahmen').getCell('F3').value = 45; // M-1.1: 55 → 45
  });
  const { page, log } = await openPage(browser);
  await page.goto(WORKSHOP);
  const summary = await check(page, file);
  assert.match(summary, /: 0 Fehler, 0 Probleme/);
  // The progress went down: a plausibility note asks about it.
  assert.match(await page.getByTestId('plausibility-notes').innerText(), /M-1\.1.*55.*45|M-1\.1.*45.*55/s);
  const measures = fs.readFileSync(await download(page, 'download-measures.json'), 'utf8');
  const before = (await published(page, 'measures.json')).toString('utf8');
  const diff = measures.split('\n').map((l, i) => [l, before.split('\n')[i]]).filter(([a, b]) => a !== b);
  assert.deepEqual(diff, [['      "progress": 45,', '      "progress": 55,']]);
  for (const name of ['plan.json', 'indicators.json']) {
    assert.ok(fs.readFileSync(await download(page, `download-${name}`)).equals(await published(page, name)), name);
  }
  await assertClean(assert, page, log);
  await page.close();
});

test('the three JSON files and CSV files are checked too; the Werkstatt passes axe at phone and desktop width', async () => {
  for (const width of [390, 1280]) {
    const { page } = await openPage(browser, { width, height: 900 });
    await page.goto(WORKSHOP);
    const jsons = [];
    for (const name of FILES) {
      const to = path.join(dir, name);
      fs.writeFileSync(to, await published(page, name));
      jsons.push(to);
    }
    assert.match(await check(page, jsons), /: 0 Fehler, 0 Probleme/);
    assert.deepEqual(await audit(page), []);
    const [sw, w] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(sw <= w, `scrolls sideways at ${width}px`);
    await page.close();
  }
});

test('the spreadsheet tools come as a part of their own: not with the page, when the staff member comes near the file input; a failed fetch says so, for a check and for a template apart', async () => {
  const tools = url => /\/part-split_workbook-/.test(new URL(url).pathname);
  const { page } = await openPage(browser);
  const asked = [];
  page.on('request', r => { if (tools(r.url())) asked.push(r.url()); });
  await page.goto(WORKSHOP);
  await page.getByTestId('workshop-input').waitFor({ state: 'attached' });
  // The page is usable without the tools: nothing of them is fetched yet.
  await page.waitForLoadState('networkidle');
  assert.deepEqual(asked, []);
  const fetched = page.waitForRequest(r => tools(r.url()));
  await page.getByTestId('drop-zone').hover();
  await fetched;
  await page.close();

  // Without the part: a message in the page, nothing half-shown.
  const { page: cut } = await openPage(browser);
  await cut.route(u => tools(u.href), route => route.abort('connectionrefused'));
  await cut.goto(WORKSHOP);
  await cut.getByTestId('workshop-input').setInputFiles(workbook);
  const notice = cut.getByTestId('workshop-unavailable');
  await notice.waitFor();
  assert.match(await notice.textContent(), /nicht geladen werden/);
  assert.equal(await cut.getByTestId('workshop-summary').count(), 0);
  // A template that cannot be made says so beside the templates, and leaves what the page
  // shows about the chosen files where it is.
  await cut.getByTestId('download-template').click();
  const failed = cut.getByTestId('template-unavailable');
  await failed.waitFor();
  assert.match(await failed.textContent(), /nicht erstellt werden/);
  assert.equal(await cut.getByTestId('workshop-unavailable').count(), 1);
  assert.deepEqual(await audit(cut), []);
  await cut.close();
});
