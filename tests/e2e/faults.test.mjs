// Network faults: a slow answer shows the loading state; a failed file (404, 500, refused
// connection, a server that never answers) gets a located message with a retry, and whatever the
// other files hold is still shown. Faults are injected with page.route, timers with page.clock:
// no test waits for a fixed time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';
import { APP, TIMEOUT } from './env.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Matches the app's request for one file of the data folder (or config.json). */
const file = name => url => url.pathname.endsWith(`/integration/monitor/${name}`);

/** Only the rules that hold even while files fail: no CSP violation, one origin. */
async function assertSafe(page, log) {
  assert.deepEqual(await page.evaluate(() => window.__csp || []), [], 'CSP violations');
  assert.deepEqual(log.csp, [], 'CSP reports');
  assert.deepEqual(log.foreign, [], 'requests to other hosts');
  const uncaught = log.errors.filter(e => !/Failed to load resource|net::ERR_/.test(e));
  assert.deepEqual(uncaught, [], 'errors besides the failed request');
}

/** Clicks "retry" with the route removed and checks everything is back. */
async function retryHeals(page, pattern) {
  await page.unroute(pattern);
  await page.getByRole('button', { name: 'Erneut versuchen' }).click();
  await page.getByTestId('measures-total').filter({ hasText: '40' }).waitFor();
  await page.getByTestId('plan-title').waitFor();
  assert.equal(await page.getByTestId('fatal').count(), 0);
}

test('a slow answer shows the loading state until the data arrives', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser);
  let release;
  const held = new Promise(r => { release = r; });
  let arrived;
  const requested = new Promise(r => { arrived = r; });
  await page.route(file('data/plan.json'), async route => { arrived(); await held; await route.continue(); });
  await page.goto(APP);
  await requested;
  const loading = page.getByTestId('loading');
  await loading.waitFor();
  assert.equal(await loading.getAttribute('role'), 'status', 'announced to screen readers');
  assert.equal(await page.getByTestId('plan-title').count(), 0);
  release();
  await page.getByTestId('plan-title').waitFor();
  await loading.waitFor({ state: 'detached' });
  await assertSafe(page, log);
  await page.close();
});

test('HTTP 404 for measures.json: located message, the rest shown, retry heals', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser);
  const pattern = file('data/measures.json');
  await page.route(pattern, route => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  await page.goto(APP);
  const fatal = page.getByTestId('fatal');
  await fatal.waitFor();
  assert.match(await fatal.textContent(), /measures\.json.*HTTP 404/);
  assert.equal(await page.getByTestId('plan-title').textContent(), 'Integrationsplan der Stadt Göppingen');
  assert.equal(await page.getByTestId('field-card').count(), 7, 'the fields of action are still shown');
  await retryHeals(page, pattern);
  await assertSafe(page, log);
  await page.close();
});

test('HTTP 500 for indicators.json: located message, measures still counted, retry heals', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser);
  const pattern = file('data/indicators.json');
  await page.route(pattern, route => route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>Internal Server Error</h1>' }));
  await page.goto(APP + '?lang=en');
  const fatal = page.getByTestId('fatal');
  await fatal.waitFor();
  assert.match(await fatal.textContent(), /indicators\.json.*HTTP 500/);
  assert.equal(await page.getByTestId('measures-total').textContent(), '40');
  await page.unroute(pattern);
  await page.getByRole('button', { name: 'Try again' }).click();
  await fatal.waitFor({ state: 'detached' });
  await assertSafe(page, log);
  await page.close();
});

test('connection refused for plan.json: network error named, measures still counted', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser);
  const pattern = file('data/plan.json');
  await page.route(pattern, route => route.abort('connectionrefused'));
  await page.goto(APP);
  const fatal = page.getByTestId('fatal');
  await fatal.waitFor();
  assert.match(await fatal.textContent(), /plan\.json.*Netzwerkfehler/);
  assert.equal(await page.getByTestId('measures-total').textContent(), '40');
  await retryHeals(page, pattern);
  await assertSafe(page, log);
  await page.close();
});

test('a server that never answers: timeout after 15 s with a retry (fake clock)', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser);
  await page.clock.install();
  const pattern = file('data/measures.json');
  let arrived;
  const requested = new Promise(r => { arrived = r; });
  await page.route(pattern, () => { arrived(); /* never answers */ });
  await page.goto(APP);
  await requested;
  await page.getByTestId('loading').waitFor();
  // Just before the deadline nothing has given up yet.
  await page.clock.fastForward(14_000);
  assert.equal(await page.getByTestId('fatal').count(), 0);
  await page.clock.fastForward(2_000);
  const fatal = page.getByTestId('fatal');
  await fatal.waitFor();
  assert.match(await fatal.textContent(), /measures\.json.*Zeitüberschreitung.*15 s/);
  assert.equal(await page.getByTestId('plan-title').textContent(), 'Integrationsplan der Stadt Göppingen');
  await retryHeals(page, pattern);
  await assertSafe(page, log);
  await page.close();
});

test('all three files failing: one notice naming each file, a retry, never a blank page', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser);
  const pattern = url => /\/data\/(plan|measures|indicators)\.json$/.test(url.pathname);
  await page.route(pattern, route => route.fulfill({ status: 503, body: '' }));
  await page.goto(APP + '?lang=en');
  const fatal = page.getByTestId('fatal');
  await fatal.waitFor();
  const text = await fatal.textContent();
  for (const f of ['plan.json', 'measures.json', 'indicators.json']) assert.match(text, new RegExp(`${f.replace('.', '\\.')}.*HTTP 503`));
  assert.ok(await page.getByRole('button', { name: 'Try again' }).isVisible());
  assert.ok(await page.getByRole('banner').isVisible(), 'header and navigation stay');
  await assertSafe(page, log);
  await page.close();
});

test('config.json failing with 500: defaults are used and the data is shown', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser);
  await page.route(file('config.json'), route => route.fulfill({ status: 500, body: 'oops' }));
  await page.goto(APP);
  await page.getByTestId('plan-title').waitFor();
  assert.equal(await page.getByTestId('measures-total').textContent(), '40');
  assert.match(await page.getByTestId('fatal').textContent(), /config\.json.*HTTP 500/);
  await assertSafe(page, log);
  await page.close();
});

test('ECharts refused: the first view stays, pointing says the live chart failed, a later pointer tries again', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser);
  const pattern = url => /\/echarts-[^/]*\.js$/.test(url.pathname);
  let asked = 0;
  await page.route(pattern, route => { asked += 1; return route.fulfill({ status: 404, body: 'gone' }); });
  await page.goto(APP + '#/indikator/I-alq-ausl');
  const chart = page.getByTestId('chart');
  await chart.locator('svg').waitFor();
  assert.equal(asked, 0, 'the first view needs no ECharts');
  const box = await chart.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.locator('.chart-failed').waitFor();
  assert.ok(asked >= 1, 'the ECharts file was asked for');
  assert.match(await page.locator('.chart-failed').textContent(), /Tabelle/);
  assert.equal(await chart.locator('svg').count(), 1, 'the first view is still there');
  assert.match(await chart.innerHTML(), />Pfad zum Ziel</);
  assert.match(await page.getByTestId('summary').textContent(), /Ziel 2030/);
  assert.ok(await page.getByTestId('data-table').isVisible());
  // The file is back: pointing again starts the live chart.
  await page.unroute(pattern);
  await page.mouse.move(0, 0);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => window.echarts && window.echarts.getInstanceByDom(document.querySelector('[data-testid=chart]')));
  await page.locator('.chart-failed').waitFor({ state: 'detached' });
  assert.deepEqual(await page.evaluate(() => window.__csp || []), [], 'CSP violations');
  assert.deepEqual(log.foreign, [], 'requests to other hosts');
  await page.close();
});

test('the first view of a chart is drawn anew for a new width', { timeout: TIMEOUT }, async () => {
  const { page, log } = await openPage(browser, { width: 1280, height: 900 });
  await page.goto(APP + '#/indikator/I-alq-ausl');
  const svg = page.getByTestId('chart').locator('svg');
  await svg.waitFor();
  const wide = Number(await svg.getAttribute('width'));
  await page.setViewportSize({ width: 390, height: 900 });
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid=chart]');
    const drawn = el.querySelector('svg');
    return drawn && Number(drawn.getAttribute('width')) === el.clientWidth;
  });
  assert.ok(Number(await svg.getAttribute('width')) < wide, 'narrower than before');
  assert.equal(await page.evaluate(() => typeof window.echarts), 'undefined', 'still no ECharts in the page');
  await assertSafe(page, log);
  await page.close();
});
