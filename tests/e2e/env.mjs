// What run.mjs hands to each test file: the server's address, its web root and dist/.
import fs from 'node:fs';
import { makeSite } from './server.mjs';

export const URL_BASE = process.env.WEGMARKE_URL;
export const APP = `${URL_BASE}/integration/monitor/`;
export const ROOT = process.env.WEGMARKE_ROOT;
export const DIST = process.env.WEGMARKE_DIST;

/** Publishes the build with some files replaced under /<name>/ and returns its URL and folder. */
export function site(name, files) {
  const dir = makeSite(ROOT, name, DIST, files);
  return { url: `${URL_BASE}/${name}/`, dir };
}

/** Asserts nothing the page did breaks the rules: no errors, no CSP violation, one origin. */
export async function assertClean(assert, page, log) {
  const csp = await page.evaluate(() => window.__csp || []);
  assert.deepEqual(csp, [], 'CSP violations');
  assert.deepEqual(log.csp, [], 'CSP reports');
  assert.deepEqual(log.foreign, [], 'requests to other hosts');
  assert.deepEqual(log.errors, [], 'console errors');
}

/** A test that waits for something that never comes fails after this, instead of hanging. */
export const TIMEOUT = 90_000;

/**
 * What a page builds after its first screen (src/components/later.rs) is there: the page waits
 * two animation frames and a task (browser::after_paint) before building it, and waits that
 * began earlier end first, so after the same wait here it has been built.
 */
export async function settled(page) {
  await page.evaluate(() => new Promise(resolve =>
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))));
}

/** The page has rendered: a heading, no loading state (embeds have no <main>), and what comes after its first screen. */
export async function ready(page) {
  await page.locator('h1, h2').first().waitFor();
  await page.getByTestId('loading').waitFor({ state: 'detached' });
  await settled(page);
}

/** The pages the accessibility tests visit: one of each kind, embeds and the not-found page included. */
export const A11Y_PAGES = ['#/', '#/handlungsfeld/sprache', '#/massnahmen', '#/massnahme/M-1.4', '#/indikatoren',
  '#/indikator/I-alq-ausl', '#/akteure', '#/akteur/vhs', '#/methodik', '#/datenlage', '#/aenderungen', '#/barrierefreiheit',
  '#/leichte-sprache', '#/gebaerdensprache', '#/daten', '#/bericht', '#/datenwerkstatt', '#/suche?q=kurs', '#/embed/kennzahlen',
  '#/embed/indikator/I-alq-ausl', '#/gibt-es-nicht'];

/** axe-core's rule sets for WCAG 2.2 AA (axe 4.14 tags no rule `wcag22a`) and best practice. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const axeSource = fs.readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** axe-core's violations (AXE_TAGS) on the page as it is now, one line each. */
export async function audit(page) {
  // The whole page, not one whose second half is being built while axe measures it.
  await settled(page);
  // Injected through the DevTools protocol: the page's own CSP stays in force.
  await page.evaluate(axeSource);
  return page.evaluate(async tags => {
    const r = await window.axe.run(document, { runOnly: tags });
    return r.violations.map(v => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')} — ${v.help}`);
  }, AXE_TAGS);
}

/** Every page of the dashboard, embeds included. */
export const ROUTES = ['#/', '#/handlungsfeld/sprache', '#/massnahmen', '#/massnahmen?status=delayed&q=kurs',
  '#/massnahme/M-1.1', '#/indikatoren', '#/indikator/I-alq-ausl', '#/akteure', '#/akteur/vhs', '#/methodik', '#/datenlage',
  '#/aenderungen', '#/daten', '#/datenwerkstatt', '#/suche?q=sprachforderung', '#/barrierefreiheit', '#/leichte-sprache', '#/gebaerdensprache', '#/bericht',
  '#/embed/kennzahlen', '#/embed/handlungsfeld/sprache', '#/embed/indikator/I-alq-ausl'];

/**
 * Points at the page's first chart, if it has one: waits for its first view (SVG drawn from the option),
 * then moves the pointer onto it until the live ECharts instance has taken over. Returns the
 * chart's box, or null on a page without a chart.
 */
export async function pointAtChart(page) {
  const chart = page.getByTestId('chart').first();
  if (!(await chart.count())) return null;
  await chart.locator('svg').first().waitFor();
  const box = await chart.boundingBox();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  await page.waitForFunction(() => window.echarts && window.echarts.getInstanceByDom(document.querySelector('[data-testid=chart]')));
  return box;
}
