#!/usr/bin/env node
// The performance benchmark, run on demand (not part of the tests):
//
//   trunk build --release && node scripts/bench.mjs [--no-lighthouse | --only-lighthouse] [--pages a,b] [--runs 3]
//
// Every browser measurement is repeated --runs times (default 3) and the median reported; the
// Lighthouse median is the run with the median score. About 12 minutes with the defaults (66
// Lighthouse runs: 11 pages, mobile and desktop, three each); about 5 with --runs 1.
//
// WEGMARKE_LH_ASSETS=1 keeps each Lighthouse run's trace and DevTools log beside its report in
// bench-results/ (lighthouse-<page>-<run>-<preset>-0.trace.json), to see which tasks and requests
// came before the largest paint.
//
// It builds nothing: it measures dist/ as built (or the folder WEGMARKE_DIST names, to compare a
// variant of a build), served by nginx (tests/e2e/server.mjs, with
// gzip_static, and brotli_static where Debian's module is installed) and driven by Debian's Chromium. Measured: raw / gzip / brotli size of every asset;
// bytes transferred for the first view of the overview and of an indicator page (as served, and
// the brotli equivalent); whether ECharts loads on the overview; Lighthouse performance (mobile
// and desktop) for every kind of page (LIGHTHOUSE_PAGES); time to the indicator page's chart at
// CPU 1x and 4x and its bytes, side by side with Open SDG's indicator page (../shared/peer,
// served by the same nginx; left out where that folder is missing); and,
// with a generated plan of 2,000 measures and 300 indicators, the main-thread work of the
// explorer's first render and of each keystroke in its search field, and the memory used; and
// the Datenwerkstatt's check of that plan's workbook (time to the list of problems).
// Results are printed as a table with the budgets and written to bench-results/bench.{md,json}.
// A page that is not built yet is reported as "n/a (page not built)"; the script still finishes.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer, makeSite, BROTLI_FILTER_MODULE } from '../tests/e2e/server.mjs';
import { FLAGS } from '../tests/e2e/browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = process.env.WEGMARKE_DIST || path.join(ROOT, 'dist');
const OUT = path.join(ROOT, 'bench-results');
const TOOLS = path.join(ROOT, 'tools');
const LIGHTHOUSE = path.join(TOOLS, 'node_modules', 'lighthouse', 'cli', 'index.js');
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 3;
const WITH_LIGHTHOUSE = !args.includes('--no-lighthouse');
// Only the Lighthouse rows (while working on a page's score); the other rows read n/a.
const ONLY_LIGHTHOUSE = args.includes('--only-lighthouse');
// --pages overview,datenwerkstatt: Lighthouse on these pages only (names of LIGHTHOUSE_PAGES).
const LH_ONLY = args.includes('--pages') ? args[args.indexOf('--pages') + 1].split(',') : null;
const KiB = 1024;
const NA = 'n/a (page not built, or not measured)';

// The reference for side-by-side figures: Open SDG's indicator page with its Chart.js line chart,
// saved with every file it loads (../shared/peer, see its README), served by the same nginx.
const PEER_WWW = path.resolve(ROOT, '..', 'shared', 'peer', 'open-sdg-indicator', 'www');
const PEER_PAGE = '/open-sdg-site-starter/1-1-1/';
// Compressed as GitHub Pages and the CDNs would: gzip for every text type, no brotli.
const PEER_LOCATIONS = `location ~ ^/(open-sdg-site-starter|_cdn)/ {
      gzip_types text/css application/javascript text/javascript application/json image/svg+xml text/plain;
      ${fs.existsSync(BROTLI_FILTER_MODULE) ? 'brotli off;' : ''}
    }`;
// Runs of each side-by-side chart timing (the median of 5 at least).
const CHART_RUNS = Math.max(5, RUNS);
const PAGES = { overview: '#/', explorer: '#/massnahmen', indicator: '#/indikator/I-alq-ausl' };
// One page of every kind the reader meets (the three above among them), for Lighthouse.
const LIGHTHOUSE_PAGES = {
  overview: PAGES.overview, field: '#/handlungsfeld/sprache', explorer: PAGES.explorer, measure: '#/massnahme/M-1.1',
  indicators: '#/indikatoren', indicator: PAGES.indicator, actors: '#/akteure', changes: '#/aenderungen',
  report: '#/bericht', data: '#/daten', method: '#/methodik', search: '#/suche?q=kurs',
  accessibility: '#/barrierefreiheit', 'easy language': '#/leichte-sprache', 'sign language': '#/gebaerdensprache',
  actor: '#/akteur/vhs', datenwerkstatt: '#/datenwerkstatt', 'data status': '#/datenlage',
};
// The pages Lighthouse runs on in this run (all, or those --pages names).
const LIGHTHOUSE_RUN = Object.entries(LIGHTHOUSE_PAGES).filter(([name]) => !LH_ONLY || LH_ONLY.includes(name));
// Lighthouse's performance metrics, by audit id, with the short names the report uses.
const LH_METRICS = { 'first-contentful-paint': 'FCP', 'speed-index': 'SI', 'largest-contentful-paint': 'LCP', 'total-blocking-time': 'TBT', 'cumulative-layout-shift': 'CLS' };
const BUDGET = {
  overviewBytes: 150 * KiB, // the brief's bar: wasm + JS + CSS + data, brotli
  indicatorBytes: 265 * KiB, // charts issue: until the first chart, half of Open SDG's 529 KiB
  peerRatio: 0.5, // charts issue: time to chart and bytes at most half of Open SDG's
  lighthouseMobile: 95,
  mainThreadMs: 50,
  workshopMs: 3000, // Datenwerkstatt issue: choosing the large workbook to the list of problems
  mapMs: 200, // monitoring issue: a 300 KiB district boundary file drawn in under 200 ms main thread
  mapBytes: 300 * KiB,
};
/** The indicator page with a map (values by district) the district-map bench opens. */
const MAP_PAGE = '#/indikator/I-anteil-ausl';

if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  console.error('dist/index.html is missing: run `trunk build --release` first (the benchmark builds nothing).');
  process.exit(1);
}
fs.mkdirSync(OUT, { recursive: true });
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wegmarke-bench-'));
process.env.TMPDIR = scratch;
const log = (...a) => console.error('[bench]', ...a);

// ---------------------------------------------------------------------------------------------
// Sizes

const gzip = b => zlib.gzipSync(b, { level: 9 }).length;
const brotli = (b, quality = 11) => zlib.brotliCompressSync(b, {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length },
}).length;

function assetSizes() {
  const rows = [];
  const walk = dir => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'reports') walk(p); continue; }
      if (/\.(gz|br)$/.test(e.name)) continue;
      const raw = fs.readFileSync(p);
      rows.push({
        file: path.relative(DIST, p), raw: raw.length, gzip: gzip(raw), brotli: brotli(raw),
        gz: fs.existsSync(p + '.gz'), br: fs.existsSync(p + '.br'),
      });
    }
  };
  walk(DIST);
  return rows.sort((a, b) => b.brotli - a.brotli);
}

// ---------------------------------------------------------------------------------------------
// Browser measurements

async function newPage(browser) {
  // Service workers blocked: the offline worker's caching (docs/deploy.md, "Offline reading")
  // starts after the first view's data and is not part of what the first view costs.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', e => { window.__wasm = e.detail && e.detail.wasm; });
  });
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp };
}

/** Waits until the page has a heading or a data notice; false when it never does. */
async function settled(page, selector = 'main h1, [data-testid=fatal]', timeout = 20_000) {
  return page.locator(selector).first().waitFor({ timeout }).then(() => true, () => false);
}

/** After the next two frames: what a keystroke or navigation caused has been rendered. */
const nextFrames = page => page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));

/**
 * Loads a page with an empty cache and records every response: bytes on the wire as served
 * (nginx gzip_static here), and the brotli equivalent of each body (the build's .br file, or
 * brotli quality 5 for data a server compresses on the fly).
 */
async function transfer(browser, siteUrl, siteDir, hash, ready, accessLog) {
  const logStart = fs.existsSync(accessLog) ? fs.statSync(accessLog).size : 0;
  const { context, page, cdp } = await newPage(browser);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const byId = new Map();
  cdp.on('Network.responseReceived', e => byId.set(e.requestId, { url: e.response.url, encoding: (e.response.headers['Content-Encoding'] || e.response.headers['content-encoding'] || '') }));
  cdp.on('Network.loadingFinished', e => { const r = byId.get(e.requestId); if (r) r.wire = e.encodedDataLength; });
  await page.goto(siteUrl + hash);
  const built = await settled(page, ready);
  await page.waitForLoadState('networkidle');
  await context.close();
  // A Web Worker's requests (the chart's first view) are not the page's: the server's log has
  // them, with the body size and the encoding it chose (the `br` of a .br file it served).
  const seen = new Set([...byId.values()].map(r => new URL(r.url).pathname));
  for (const line of fs.readFileSync(accessLog).subarray(logStart).toString().split('\n')) {
    const m = /"GET (\S+) HTTP[^"]*" 200 (\d+)/.exec(line);
    if (!m || seen.has(m[1].split('?')[0])) continue;
    const local = path.join(siteDir, decodeURIComponent(m[1]).replace(/^\/[^/]+\//, ''));
    const encoding = fs.existsSync(local + '.br') && fs.statSync(local + '.br').size === Number(m[2]) ? 'br' : '';
    byId.set(`log:${m[1]}`, { url: new URL(m[1], siteUrl).href, encoding, wire: Number(m[2]), worker: true });
  }
  const files = [];
  for (const r of byId.values()) {
    if (r.wire === undefined) continue;
    const rel = decodeURIComponent(new URL(r.url).pathname).replace(/^\/[^/]+\//, '') || 'index.html';
    const local = path.join(siteDir, rel.endsWith('/') || rel === '' ? rel + 'index.html' : rel);
    let body = 0, br = 0;
    if (fs.existsSync(local)) {
      const raw = fs.readFileSync(local);
      const served = { gzip: '.gz', br: '.br' }[r.encoding];
      body = served && fs.existsSync(local + served) ? fs.statSync(local + served).size : raw.length;
      br = fs.existsSync(local + '.br') ? fs.statSync(local + '.br').size : brotli(raw, 5);
    }
    const headers = Math.max(0, r.wire - body);
    files.push({ file: rel + (r.worker ? ' (by the chart worker)' : ''), served: r.wire, encoding: r.encoding || 'identity', brotli: br + headers });
  }
  const sum = k => files.reduce((s, f) => s + f[k], 0);
  return { built, files, served: sum('served'), brotli: sum('brotli'), echarts: files.some(f => /echarts/.test(f.file)) };
}

/**
 * Milliseconds from navigation start until a chart is drawn, the median of CHART_RUNS cold
 * loads (a fresh context each) at a CPU slowdown of `rate`. `drawn` runs in the page from its
 * start and is asked each frame; the first frame it says yes is the time.
 */
async function timeToChart(browser, url, drawn, rate) {
  const times = [];
  for (let i = 0; i < CHART_RUNS; i++) {
    const { context, page, cdp } = await newPage(browser);
    await page.addInitScript(`(() => {
      const drawn = ${drawn};
      const check = () => { if (drawn()) window.__chartAt = performance.now(); else requestAnimationFrame(check); };
      requestAnimationFrame(check);
    })()`);
    if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(url);
    const t = await page.waitForFunction(() => window.__chartAt, null, { timeout: 30_000 }).then(h => h.jsonValue(), () => null);
    await context.close();
    if (t == null) return null;
    times.push(t);
  }
  return { median: median(times), runs: times };
}

/** Ours: the first view's SVG has a line (drawn from the option, no ECharts). */
const OUR_CHART = "() => !!document.querySelector('[data-testid=chart] svg path')";
/** Open SDG's: the first non-transparent pixel in a chart canvas (Chart.js draws into it). */
const PEER_CHART = `() => [...document.querySelectorAll('canvas')].some(c => {
  if (!c.width || !c.height) return false;
  const ctx = c.getContext('2d');
  if (!ctx) return false;
  const px = new Uint32Array(ctx.getImageData(0, 0, c.width, c.height).data.buffer);
  return px.some(p => p !== 0);
})`;

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }

// Only top-level tasks and marks: the heavier timeline categories slow the page they measure.
const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing'].join(',');

async function trace(cdp, action) {
  const events = [];
  const onData = e => events.push(...e.value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  await action();
  const done = new Promise(r => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  return events;
}

/** Top-level tasks of the page's renderer main thread (where its user-timing marks are). */
function mainThreadTasks(events) {
  const mark = events.find(e => e.cat && e.cat.includes('blink.user_timing') && /^wm-/.test(e.name));
  const threads = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const isMain = e => (mark ? e.pid === mark.pid && e.tid === mark.tid : threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  return events.filter(e => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && isMain(e));
}

function marks(events) {
  return events.filter(e => e.cat && e.cat.includes('blink.user_timing') && /^wm-/.test(e.name))
    .map(e => ({ name: e.name, ts: e.ts })).sort((a, b) => a.ts - b.ts);
}

/** Main-thread milliseconds between consecutive marks (the last window runs to the trace's end). */
function workPerWindow(events) {
  const tasks = mainThreadTasks(events);
  const ms = marks(events);
  const end = Math.max(...tasks.map(t => t.ts + t.dur), ...ms.map(m => m.ts)) + 1;
  return ms.map((m, i) => {
    const to = i + 1 < ms.length ? ms[i + 1].ts : end;
    const work = tasks.filter(t => t.ts >= m.ts && t.ts < to).reduce((s, t) => s + t.dur, 0) / 1000;
    return { name: m.name, ms: work };
  });
}

/**
 * Types `word` into the focused field and deletes it again, RUNS times: the median main-thread
 * work per keystroke (from one key press to the next), and the floor of this method (the same
 * windows without a keystroke).
 */
async function keystrokes(page, cdp, word) {
  const mark = name => page.evaluate(n => performance.mark(n), name);
  const keys = [...word.split(''), ...word.split('').map(() => 'Backspace')];
  const samples = keys.map(() => []);
  for (let run = 0; run < RUNS; run++) {
    const typed = workPerWindow(await trace(cdp, async () => {
      for (const [i, k] of keys.entries()) {
        await mark(`wm-key-${i}-${k}`);
        await page.keyboard.press(k);
        await nextFrames(page);
      }
    }));
    typed.forEach((w, i) => samples[i].push(w.ms));
  }
  const perKey = keys.map((k, i) => ({ name: `wm-key-${i}-${k}`, ms: median(samples[i]) }));
  const idle = workPerWindow(await trace(cdp, async () => {
    for (let i = 0; i < 5; i++) { await mark(`wm-idle-${i}`); await nextFrames(page); }
  }));
  return { perKey, floor: median(idle.map(w => w.ms)) };
}

/**
 * The site search with the large plan: each keystroke in the search page's field (measures,
 * indicators, fields, goals and actors at once), after the reader has gone to the field (which
 * folds the texts).
 */
async function siteSearch(browser, siteUrl) {
  const { context, page, cdp } = await newPage(browser);
  await page.goto(siteUrl + '#/suche');
  if (!await settled(page, '[data-testid=site-search-q]', 60_000)) { await context.close(); return null; }
  const field = page.getByTestId('site-search-q');
  if (!await field.count()) { await context.close(); return null; }
  await field.click();
  await page.waitForLoadState('networkidle');
  await nextFrames(page);
  const { perKey, floor } = await keystrokes(page, cdp, 'sprachkurs');
  await field.fill('sprachkurs');
  await page.getByTestId('search-results').waitFor();
  const found = (await page.getByTestId('search-count').textContent()).trim();
  await context.close();
  return { keys: perKey, floor, maxKey: Math.max(...perKey.map(k => k.ms)), medianKey: median(perKey.map(k => k.ms)), found };
}

/** The explorer with the large plan: first render, each keystroke, memory. */
async function explorer(browser, siteUrl) {
  const { context, page, cdp } = await newPage(browser);
  await page.goto(siteUrl + PAGES.overview);
  if (!await settled(page, '[data-testid=plan-title]', 60_000)) { await context.close(); return null; }
  await page.waitForLoadState('networkidle');
  // First render: from the navigation to the explorer (data already loaded) until drawn; the
  // median of RUNS visits (back to the overview in between).
  const renders = [];
  for (let run = 0; run < RUNS; run++) {
    if (run > 0) {
      await page.evaluate(h => { location.hash = h; }, PAGES.overview);
      await page.getByTestId('plan-title').waitFor();
      await nextFrames(page);
    }
    // Navigates and waits inside the page (a check per frame): Playwright's own waiting runs
    // its injected script on the page's main thread, which would be counted as the app's work.
    const first = await trace(cdp, () => page.evaluate(h => new Promise(resolve => {
      performance.mark('wm-navigate');
      location.hash = h;
      const deadline = performance.now() + 20_000;
      const check = () => {
        if (document.querySelector('[data-testid=search]') || performance.now() > deadline) {
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)));
        } else requestAnimationFrame(check);
      };
      check();
    }), PAGES.explorer));
    if (!await page.getByTestId('search').count()) { await context.close(); return null; }
    renders.push(workPerWindow(first)[0].ms);
  }
  const firstRender = median(renders);
  const count = async () => (await page.getByTestId('result-count').textContent().catch(() => '')).trim();
  const before = await count();
  const search = page.getByTestId('search');
  await search.click();
  const { perKey, floor } = await keystrokes(page, cdp, 'sprachkurs');
  await search.fill('sprachkurs');
  await nextFrames(page);
  const filtered = await count();
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => (window.__wasm && window.__wasm.memory ? window.__wasm.memory.buffer.byteLength : null));
  await context.close();
  return {
    firstRender, renders, keys: perKey, floor, maxKey: Math.max(...perKey.map(k => k.ms)), medianKey: median(perKey.map(k => k.ms)),
    heapUsed: heap.usedSize, heapTotal: heap.totalSize, wasmMemory: wasm, countBefore: before, countFiltered: filtered,
  };
}

/**
 * The example's district boundaries with every edge cut into many short wiggling pieces, until
 * the file is about `bytes` long: a detailed boundary file as the staff tool leaves it at its
 * size budget.
 */
function denseBoundaries(bytes) {
  const geo = JSON.parse(fs.readFileSync(path.join(DIST, 'data', 'districts.geojson'), 'utf8'));
  const edges = geo.features.reduce((n, f) => n + f.geometry.coordinates.flat(1).reduce((m, r) => m + r.length - 1, 0), 0);
  // About 19 bytes a point ("[9.65432,48.70123],").
  const per = Math.max(1, Math.floor(bytes / 19 / edges));
  for (const f of geo.features) {
    f.geometry.coordinates = f.geometry.coordinates.map(poly => poly.map(ring => {
      const out = [];
      for (let i = 0; i < ring.length - 1; i++) {
        const [a, b] = [ring[i], ring[i + 1]];
        for (let k = 0; k < per; k++) {
          const t = k / per, w = k === 0 ? 0 : 0.00002 * Math.sin(k * 1.7);
          out.push([+(a[0] + (b[0] - a[0]) * t + w).toFixed(5), +(a[1] + (b[1] - a[1]) * t - w).toFixed(5)]);
        }
      }
      out.push(out[0]);
      return out;
    }));
  }
  return JSON.stringify(geo);
}

/** Main-thread work of opening the map page from the overview, until the map is drawn (median). */
async function mapPage(browser, siteUrl) {
  const { context, page, cdp } = await newPage(browser);
  await page.goto(siteUrl + PAGES.overview);
  if (!await settled(page, '[data-testid=plan-title]', 60_000)) { await context.close(); return null; }
  await page.waitForLoadState('networkidle');
  const works = [];
  for (let run = 0; run < CHART_RUNS; run++) {
    if (run > 0) {
      await page.evaluate(h => { location.hash = h; }, PAGES.overview);
      await page.getByTestId('plan-title').waitFor();
      await nextFrames(page);
    }
    const events = await trace(cdp, () => page.evaluate(h => new Promise(resolve => {
      performance.mark('wm-navigate');
      location.hash = h;
      const deadline = performance.now() + 20_000;
      const check = () => {
        if (document.querySelector('[data-testid=district-map] svg') || performance.now() > deadline) {
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)));
        } else requestAnimationFrame(check);
      };
      check();
    }), MAP_PAGE));
    if (!await page.getByTestId('district-map').count()) { await context.close(); return null; }
    works.push(workPerWindow(events)[0].ms);
  }
  await context.close();
  return median(works);
}

/**
 * The Datenwerkstatt with the large plan's workbook (downloaded from the Werkstatt itself): the
 * time from choosing the file to the list of problems, as the page measures it, and the longest
 * main-thread task meanwhile (how long the tab does not respond at worst).
 */
async function workshop(browser, siteUrl) {
  const { context, page, cdp } = await newPage(browser);
  await page.goto(siteUrl + '#/datenwerkstatt');
  if (!await settled(page, '[data-testid=workshop-input]', 60_000)) { await context.close(); return null; }
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-current').click()]);
  const file = path.join(scratch, 'large.xlsx');
  await dl.saveAs(file);
  const times = [];
  const longest = [];
  let summary = '';
  for (let run = 0; run < RUNS; run++) {
    await page.reload();
    await page.getByTestId('workshop-input').waitFor();
    const events = await trace(cdp, async () => {
      await page.evaluate(() => performance.mark('wm-choose'));
      await page.getByTestId('workshop-input').setInputFiles(file);
      await page.getByTestId('workshop-summary').waitFor({ timeout: 120_000 });
    });
    times.push(Number(await page.getByTestId('workshop-summary').getAttribute('data-ms')));
    longest.push(Math.max(...mainThreadTasks(events).map(t => t.dur / 1000)));
    summary = await page.getByTestId('workshop-summary').textContent();
  }
  await context.close();
  return { checkMs: median(times), times, longestTask: median(longest), summary, bytes: fs.statSync(file).size };
}

// ---------------------------------------------------------------------------------------------
// Lighthouse

function ensureLighthouse() {
  if (fs.existsSync(LIGHTHOUSE)) return true;
  log('installing Lighthouse into tools/node_modules (npm ci --prefix tools) …');
  const r = spawnSync('npm', ['ci', '--prefix', TOOLS, '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
  return r.status === 0 && fs.existsSync(LIGHTHOUSE);
}

function lighthouse(url, preset, name) {
  const report = path.join(OUT, `lighthouse-${name}-${preset}.json`);
  const flags = [...FLAGS.filter(f => f !== '--headless'), '--headless=new', `--user-data-dir=${fs.mkdtempSync(path.join(scratch, 'lh-'))}`];
  const argv = [LIGHTHOUSE, url, '--only-categories=performance', '--output=json', `--output-path=${report}`, '--quiet',
    `--chrome-flags=${flags.join(' ')}`, '--max-wait-for-load=60000'];
  if (preset === 'desktop') argv.push('--preset=desktop');
  if (process.env.WEGMARKE_LH_ASSETS) argv.push('--save-assets');
  return new Promise(resolve => {
    const child = spawn(process.execPath, argv, { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', d => { err += d; });
    child.on('exit', code => {
      if (code !== 0 || !fs.existsSync(report)) { log(`lighthouse ${name} ${preset} failed: ${err.slice(-500)}`); resolve(null); return; }
      const lhr = JSON.parse(fs.readFileSync(report, 'utf8'));
      const a = id => lhr.audits[id] && lhr.audits[id].numericValue;
      // Each metric's own score (0–100): the one that costs points shows which metric to work on.
      const metricScores = Object.fromEntries(Object.entries(LH_METRICS)
        .map(([id, short]) => [short, lhr.audits[id] && lhr.audits[id].score != null ? Math.round(lhr.audits[id].score * 100) : null]));
      resolve({
        score: Math.round(lhr.categories.performance.score * 100), fcp: a('first-contentful-paint'), si: a('speed-index'), lcp: a('largest-contentful-paint'),
        tbt: a('total-blocking-time'), cls: a('cumulative-layout-shift'), bytes: a('total-byte-weight'), metricScores,
        error: lhr.runtimeError && lhr.runtimeError.message,
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Report

const kib = b => `${(b / KiB).toFixed(1)} KiB`;
const ms = x => `${x.toFixed(1)} ms`;
const mib = b => `${(b / KiB / KiB).toFixed(1)} MiB`;

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i]).length)));
  const line = cells => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `| ${widths.map(w => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

async function main() {
  const started = Date.now();
  log('asset sizes …');
  const sizes = assetSizes();
  const large = path.join(scratch, 'large-plan');
  const gen = spawnSync('python3', [path.join(ROOT, 'scripts', 'gen-large-plan.py'), large], { encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`gen-large-plan.py failed: ${gen.stderr}`);

  const peer = fs.existsSync(path.join(PEER_WWW, PEER_PAGE, 'index.html'));
  if (!peer) log(`no reference site at ${PEER_WWW}: the side-by-side figures are left out`);
  const server = await startServer({ locations: peer ? PEER_LOCATIONS : '' });
  if (!server.brotli) log('nginx serves gzip only: `apt-get install libnginx-mod-http-brotli-static` to serve the .br files as production would');
  const results = { served: server.brotli ? 'nginx brotli_static + gzip_static' : 'nginx gzip_static only', date: new Date().toISOString(), machine: `${os.cpus().length} × ${os.cpus()[0].model}, ${mib(os.totalmem())}`, sizes };
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS, headless: true });
  try {
    const appDir = makeSite(server.root, 'app', DIST);
    const largeDir = makeSite(server.root, 'large', DIST, Object.fromEntries(['plan.json', 'measures.json', 'indicators.json']
      .map(f => [`data/${f}`, fs.readFileSync(path.join(large, f))])));
    const app = `${server.url}/app/`;
    const largeUrl = `${server.url}/large/`;

    if (!ONLY_LIGHTHOUSE) {
      log('bytes of the first view …');
      const accessLog = path.join(server.dir, 'access.log');
      results.overview = await transfer(browser, app, appDir, PAGES.overview, '[data-testid=plan-title]', accessLog);
      results.indicatorPage = await transfer(browser, app, appDir, PAGES.indicator, '[data-testid=chart] svg', accessLog);
      log('time to first chart, side by side with Open SDG …');
      results.chart = {};
      for (const rate of [1, 4]) {
        results.chart[`ours${rate}`] = await timeToChart(browser, app + PAGES.indicator, OUR_CHART, rate);
      }
      if (peer) {
        makeSite(server.root, '', PEER_WWW);
        results.peerPage = await transfer(browser, server.url, PEER_WWW, PEER_PAGE, 'canvas', accessLog);
        for (const rate of [1, 4]) {
          results.chart[`peer${rate}`] = await timeToChart(browser, server.url + PEER_PAGE, PEER_CHART, rate);
        }
      }
      log('district map: the example\'s and a 300 KiB boundary file …');
      const dense = denseBoundaries(BUDGET.mapBytes);
      const denseUrl = `${server.url}/dense-map/`;
      makeSite(server.root, 'dense-map', DIST, { 'data/districts.geojson': dense });
      results.map = { denseBytes: Buffer.byteLength(dense), small: await mapPage(browser, app), dense: await mapPage(browser, denseUrl) };
      log('explorer with 2,000 measures and 300 indicators …');
      results.explorer = await explorer(browser, largeUrl);
      results.explorerBuilt = results.explorer !== null;
      log('site search with the large plan …');
      results.siteSearch = await siteSearch(browser, largeUrl);
      log('Datenwerkstatt with the large plan\'s workbook …');
      results.workshop = await workshop(browser, largeUrl);
    }
    results.lighthouse = {};
    if (WITH_LIGHTHOUSE && ensureLighthouse()) {
      for (const [name, hash] of LIGHTHOUSE_RUN) {
        for (const preset of ['mobile', 'desktop']) {
          log(`lighthouse ${name} ${preset} …`);
          const runs = [];
          for (let run = 0; run < RUNS; run++) runs.push(await lighthouse(app + hash, preset, `${name}-${run + 1}`));
          const ok = runs.filter(Boolean).sort((a, b) => a.score - b.score);
          results.lighthouse[`${name}-${preset}`] = ok.length ? { ...ok[Math.floor(ok.length / 2)], scores: ok.map(r => r.score) } : null;
        }
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }

  // The verdicts.
  const rows = [];
  const add = (measure, value, budget, pass) => rows.push([measure, value, budget, pass === null ? '—' : pass ? 'pass' : 'FAIL']);
  // Left out with --only-lighthouse: the first views' rows read n/a.
  const o = results.overview || { files: [] };
  const ip = results.indicatorPage || { built: false, files: [] };
  if (results.overview) {
    add('overview: transferred, brotli (wasm+JS+CSS+data)', kib(o.brotli), `≤ ${kib(BUDGET.overviewBytes)}`, o.brotli <= BUDGET.overviewBytes);
    add(`overview: transferred as served (${results.served})`, kib(o.served), '—', null);
    add('overview: ECharts loaded', o.echarts ? 'yes' : 'no', 'no', !o.echarts);
  } else add('overview: transferred, brotli (wasm+JS+CSS+data)', NA, `≤ ${kib(BUDGET.overviewBytes)}`, null);
  if (ip.built) add('indicator page: transferred until its first chart is drawn, as served', kib(ip.served), `≤ ${kib(BUDGET.indicatorBytes)}`, ip.served <= BUDGET.indicatorBytes);
  else add('indicator page: transferred until its first chart is drawn', NA, `≤ ${kib(BUDGET.indicatorBytes)}`, null);
  if (ip.built) add('indicator page: ECharts loaded before the reader points at the chart', ip.echarts ? 'yes' : 'no', 'no', !ip.echarts);
  const c = results.chart || {};
  const pp = results.peerPage;
  const ratio = (a, b) => (a == null || b == null ? null : a / b);
  const sideBySide = [];
  for (const rate of [1, 4]) {
    const ours = c[`ours${rate}`], theirs = c[`peer${rate}`];
    const r = ratio(ours && ours.median, theirs && theirs.median);
    add(`indicator page: time to chart, CPU ${rate}× (median of ${CHART_RUNS}): Wegmarke / Open SDG`,
      r == null ? (ours ? `${ms(ours.median)} / n/a` : NA) : `${ms(ours.median)} / ${ms(theirs.median)} = ${r.toFixed(2)}`,
      `≤ ${BUDGET.peerRatio}`, r == null ? null : r <= BUDGET.peerRatio);
    sideBySide.push([`navigation start → chart drawn, CPU ${rate}×`, theirs ? ms(theirs.median) : 'n/a', ours ? ms(ours.median) : 'n/a', r == null ? '—' : r.toFixed(2)]);
  }
  if (pp && ip.built) {
    const r = ip.served / pp.served;
    add('indicator page: bytes until the chart is drawn, Wegmarke / Open SDG (as served)', `${kib(ip.served)} / ${kib(pp.served)} = ${r.toFixed(2)}`, `≤ ${BUDGET.peerRatio}`, r <= BUDGET.peerRatio);
    sideBySide.push(['bytes until the chart is drawn, as served', kib(pp.served), kib(ip.served), r.toFixed(2)]);
  }
  const e = results.explorer;
  if (e) {
    add(`explorer (2,000 measures): first render, main thread (median of ${RUNS})`, ms(e.firstRender), `< ${BUDGET.mainThreadMs} ms`, e.firstRender < BUDGET.mainThreadMs);
    add(`explorer: slowest of ${e.keys.length} keystrokes (median of ${RUNS} each), main thread`, ms(e.maxKey), `< ${BUDGET.mainThreadMs} ms`, e.maxKey < BUDGET.mainThreadMs);
    add('explorer: median keystroke, main thread', ms(e.medianKey), '—', null);
    add('(measurement floor: the same window without a key)', ms(e.floor), '—', null);
    add('explorer: JS heap used / wasm memory', `${mib(e.heapUsed)} / ${e.wasmMemory ? mib(e.wasmMemory) : '?'}`, '—', null);
  } else {
    add('explorer (2,000 measures): first render, main thread', NA, `< ${BUDGET.mainThreadMs} ms`, null);
    add('explorer: each keystroke, main thread', NA, `< ${BUDGET.mainThreadMs} ms`, null);
  }
  const mp = results.map;
  if (mp && mp.small != null && mp.dense != null) {
    add(`indicator page with a ${kib(mp.denseBytes)} district boundary file: opening it until the map is drawn, main thread (median of ${CHART_RUNS})`, ms(mp.dense), `< ${BUDGET.mapMs} ms`, mp.dense < BUDGET.mapMs);
    add('… the same with the example\'s boundary file (3 KiB)', ms(mp.small), '—', null);
  } else {
    add('district map: main thread', NA, `< ${BUDGET.mapMs} ms`, null);
  }
  const ss = results.siteSearch;
  if (ss) {
    add(`site search (2,000 measures, every kind): slowest of ${ss.keys.length} keystrokes (median of ${RUNS} each), main thread`, ms(ss.maxKey), `< ${BUDGET.mainThreadMs} ms`, ss.maxKey < BUDGET.mainThreadMs);
    add('site search: median keystroke, main thread', ms(ss.medianKey), '—', null);
    add('site search: "sprachkurs" finds', ss.found, '—', null);
  } else {
    add('site search: each keystroke, main thread', NA, `< ${BUDGET.mainThreadMs} ms`, null);
  }

  const w = results.workshop;
  if (w) {
    add(`Datenwerkstatt: 2,000-measure workbook (${kib(w.bytes)}), choosing to list of problems (median of ${RUNS})`, ms(w.checkMs), `< ${BUDGET.workshopMs} ms`, w.checkMs < BUDGET.workshopMs);
    add('Datenwerkstatt: longest main-thread task meanwhile', ms(w.longestTask), '—', null);
  } else add('Datenwerkstatt: 2,000-measure workbook', NA, `< ${BUDGET.workshopMs} ms`, null);
  for (const [name] of LIGHTHOUSE_RUN) {
    for (const preset of ['mobile', 'desktop']) {
      const r = results.lighthouse[`${name}-${preset}`];
      const budget = preset === 'mobile' ? `≥ ${BUDGET.lighthouseMobile}` : '—';
      const builtNote = name === 'explorer' && !results.explorerBuilt ? ' (page not built)' : '';
      if (!WITH_LIGHTHOUSE) add(`Lighthouse ${preset}: ${name}`, 'skipped (--no-lighthouse)', budget, null);
      else if (!r) add(`Lighthouse ${preset}: ${name}`, 'n/a (Lighthouse failed)', budget, null);
      else add(`Lighthouse ${preset}: ${name}${builtNote}`, `${r.score} [${r.scores.join(', ')}] (LCP ${ms(r.lcp)}, TBT ${ms(r.tbt)}, CLS ${r.cls.toFixed(3)})`,
        budget, preset === 'mobile' ? r.score >= BUDGET.lighthouseMobile : null);
    }
  }
  results.verdicts = rows.map(([measure, value, budget, result]) => ({ measure, value, budget, result }));

  const verdicts = table(['measure', 'value', 'budget', 'result'], rows);
  const sizeTable = table(['asset', 'raw', 'gzip -9', 'brotli 11', '.gz/.br beside it'],
    sizes.map(s => [s.file, kib(s.raw), kib(s.gzip), kib(s.brotli), s.gz || s.br ? `${s.gz ? '.gz' : ''}${s.br ? ' .br' : ''}`.trim() : 'none']));
  // Every page's Lighthouse run side by side: score of each run, the metrics of the median run,
  // and the metrics below a full score (where the points went).
  const weak = r => Object.entries(r.metricScores || {}).filter(([, s]) => s != null && s < 100)
    .sort((x, y) => x[1] - y[1]).map(([m, s]) => `${m} ${s}`).join(', ') || '—';
  const lhRows = WITH_LIGHTHOUSE ? LIGHTHOUSE_RUN.flatMap(([name, hash]) => ['mobile', 'desktop'].map(preset => {
    const r = results.lighthouse[`${name}-${preset}`];
    const budget = preset === 'mobile' ? (r ? (r.score >= BUDGET.lighthouseMobile ? 'pass' : 'FAIL') : '—') : '—';
    if (!r) return [name, hash, preset, 'n/a (Lighthouse failed)', '', '', '', '', '', '', budget];
    const opt = (x, f) => (x == null ? '—' : f(x));
    return [name, hash, preset, `${r.score} [${r.scores.join(', ')}]`, opt(r.fcp, ms), opt(r.si, ms), opt(r.lcp, ms), opt(r.tbt, ms), opt(r.cls, c => c.toFixed(3)), weak(r), budget];
  })) : [];
  const lhTable = table(['page', 'route', 'preset', 'score [runs]', 'FCP', 'SI', 'LCP', 'TBT', 'CLS', 'metric scores < 100', `mobile ≥ ${BUDGET.lighthouseMobile}`], lhRows);
  const firstView = table(['overview request', 'as served', 'encoding', 'brotli equivalent'],
    o.files.map(f => [f.file, kib(f.served), f.encoding, kib(f.brotli)]));
  const md = [
    '# Wegmarke benchmark', '',
    `${results.date} · ${results.machine} · Chromium ${spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^Chromium /, '')} · ${results.served}`, '',
    '## Budgets', '', verdicts, '',
    'Lighthouse runs with its default simulated throttling (mobile: slow 4G, 4× CPU slowdown) on this machine, which other builds may share: scores vary by a few points between runs. Brotli equivalent: the build\'s precompressed `.br` file for build assets, brotli quality 5 (what a server does on the fly) for config and data, plus the response headers as measured. Main-thread work: the sum of the renderer main thread\'s top-level tasks in a Chromium trace, per keystroke from one key press to the next.', '',
    ...(lhRows.length ? [`## Lighthouse, every page (median of ${RUNS})`, '', lhTable, ''] : []),
    ...(sideBySide.length ? ['## Side by side with Open SDG', '',
      `Open SDG 2.3.0's indicator page 1-1-1 with its Chart.js line chart (../shared/peer, every file it loads from one origin, gzip as its hosts serve it) against ours, \`${PAGES.indicator}\`, served by the same nginx in the same run; Chromium 1280×900, cold cache, a fresh context per load. Drawn: for Open SDG the first frame with a non-transparent pixel in its canvas, for Wegmarke the first frame with the chart's first view (its SVG) in the page.`, '',
      table(['', 'Open SDG', 'Wegmarke', 'ratio'], sideBySide), ''] : []),
    '## First view of the overview', '', firstView, '',
    '## First view of the indicator page (until its chart is drawn)', '', table(['indicator page request', 'as served', 'encoding', 'brotli equivalent'],
      ip.files.map(f => [f.file, kib(f.served), f.encoding, kib(f.brotli)])), '',
    '## Asset sizes', '', sizeTable, '',
    ...(results.explorer ? ['## Explorer keystrokes', '', table(['keystroke', 'main thread'], results.explorer.keys.map(k => [k.name.replace(/^wm-key-\d+-/, ''), ms(k.ms)])), ''] : []),
    ...(results.siteSearch ? ['## Site search keystrokes', '', table(['keystroke', 'main thread'], results.siteSearch.keys.map(k => [k.name.replace(/^wm-key-\d+-/, ''), ms(k.ms)])), ''] : []),
  ].join('\n');
  fs.writeFileSync(path.join(OUT, 'bench.md'), md + '\n');
  fs.writeFileSync(path.join(OUT, 'bench.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(verdicts);
  if (lhRows.length) console.log(`\n${lhTable}`);
  console.log(`\n${sizeTable}\n`);
  console.log(`written: bench-results/bench.md, bench-results/bench.json (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  fs.rmSync(scratch, { recursive: true, force: true });
}

main().catch(e => { console.error(e); process.exit(1); });
