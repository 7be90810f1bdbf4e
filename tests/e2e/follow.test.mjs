// Following the plan without an account: the overview, field, measure and data pages link the
// Atom feeds and the calendar `wegmarke-daten publish` wrote beside the data, the page's
// <link rel="alternate"> names the feed that belongs to it, and the data page lists the
// open-data package. Expected links come from the data files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { APP, DIST, assertClean } from './env.mjs';

const read = f => JSON.parse(fs.readFileSync(path.join(DIST, 'data', f), 'utf8'));
const plan = read('plan.json');
const measures = read('measures.json').measures;
const fieldOfGoal = Object.fromEntries(plan.goals.map(g => [g.id, g.field]));
const descriptor = read('open-data/datapackage.json');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Fetches a link's target from the page's own server: status, type and text. */
async function follow(page, href) {
  const r = await page.request.get(new URL(href, page.url()).href);
  return { status: r.status(), type: r.headers()['content-type'], text: await r.text() };
}

const feedLink = page => page.evaluate(() => {
  const l = document.querySelector('link[rel=alternate][type="application/atom+xml"]');
  return l && new URL(l.getAttribute('href'), location.href).pathname;
});

test('the overview links the plan\'s feed and calendar, and so does its <link rel="alternate">', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(`${APP}#/`);
  const box = page.getByTestId('follow');
  await box.waitFor();
  assert.equal(await box.getByTestId('follow-field-feed').count(), 0);
  const feed = await follow(page, await box.getByTestId('follow-feed').getAttribute('href'));
  assert.equal(feed.status, 200);
  assert.match(feed.type, /application\/atom\+xml/);
  assert.match(feed.text, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
  const calendar = await follow(page, await box.getByTestId('follow-calendar').getAttribute('href'));
  assert.equal(calendar.status, 200);
  assert.match(calendar.type, /text\/calendar/);
  assert.match(calendar.text, /^BEGIN:VCALENDAR\r\n/);
  assert.equal(await feedLink(page), new URL(`${APP}data/feeds/plan.atom`).pathname);
  await assertClean(assert, page, log);
  await page.close();
});

test('a field\'s page offers its own feed, announces it, and the next page announces the plan\'s again', async () => {
  const field = plan.fields[1];
  const { page, log } = await openPage(browser);
  await page.goto(`${APP}#/handlungsfeld/${field.id}`);
  const own = page.getByTestId('follow-field-feed');
  await own.waitFor();
  assert.equal(await own.count(), 1);
  const feed = await follow(page, await own.getAttribute('href'));
  assert.equal(feed.status, 200);
  // The feed's page is this field's page on the public site.
  assert.match(feed.text, new RegExp(`<link rel="alternate" type="text/html" href="[^"]*#/handlungsfeld/${field.id}"/>`));
  await page.waitForFunction(id => document.querySelector('link[data-feed]').getAttribute('href').endsWith(`feeds/field-${id}.atom`), field.id);
  await page.evaluate(() => { location.hash = '#/massnahmen'; });
  await page.waitForFunction(() => document.querySelector('link[data-feed]').getAttribute('href').endsWith('feeds/plan.atom'));
  await assertClean(assert, page, log);
  await page.close();
});

test('in another interface language the field\'s title in the feed link keeps its own language', async () => {
  const field = plan.fields[0];
  const fallback = plan.plan.default_language || 'de';
  // The title as the dashboard resolves it for Arabic: Arabic if given, else the default language.
  const [lang, title] = typeof field.title === 'string' ? [fallback, field.title]
    : field.title.ar ? ['ar', field.title.ar] : [fallback, field.title[fallback]];
  assert.notEqual(lang, 'ar', 'the example has a field title without Arabic');
  const { page, log } = await openPage(browser);
  await page.goto(`${APP}?lang=ar#/handlungsfeld/${field.id}`);
  const own = page.getByTestId('follow-field-feed');
  await own.waitFor();
  assert.equal(await own.locator(`[lang="${lang}"]`).textContent(), title);
  await assertClean(assert, page, log);
  await page.close();
});

test('a measure\'s page offers the feeds of the fields it serves', async () => {
  const m = measures.find(x => new Set(x.goals.map(g => fieldOfGoal[g])).size >= 1);
  const fields = [...new Set(m.goals.map(g => fieldOfGoal[g]).filter(Boolean))];
  const { page, log } = await openPage(browser);
  await page.goto(`${APP}#/massnahme/${m.id}`);
  await page.getByTestId('follow').waitFor();
  const offered = await page.getByTestId('follow-field-feed').evaluateAll(as => as.map(a => a.dataset.field));
  assert.deepEqual(offered, fields);
  for (const href of await page.getByTestId('follow-field-feed').evaluateAll(as => as.map(a => a.getAttribute('href')))) {
    assert.equal((await follow(page, href)).status, 200, href);
  }
  await assertClean(assert, page, log);
  await page.close();
});

test('the data page lists every table of the open-data package, its description and the DCAT record', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(`${APP}#/daten`);
  const list = page.getByTestId('open-data');
  await list.waitFor();
  const tables = await list.locator('a[data-table]').evaluateAll(as => as.map(a => [a.dataset.table, a.getAttribute('href')]));
  assert.deepEqual(tables.map(([t]) => t), descriptor.resources.map(r => r.name));
  for (const [name, href] of tables) {
    const csv = await follow(page, href);
    assert.equal(csv.status, 200, name);
    const header = csv.text.split('\r\n')[0].split(',');
    assert.deepEqual(header, descriptor.resources.find(r => r.name === name).schema.fields.map(f => f.name));
  }
  const pkg = await follow(page, await page.getByTestId('datapackage').getAttribute('href'));
  assert.deepEqual(JSON.parse(pkg.text), descriptor);
  const dcat = await follow(page, await page.getByTestId('dcat').getAttribute('href'));
  assert.equal(JSON.parse(dcat.text)['@type'], 'dcat:Dataset');
  await page.getByTestId('follow-feed').waitFor();
  await assertClean(assert, page, log);
  await page.close();
});
