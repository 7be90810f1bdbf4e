// Debian's Chromium driven by playwright-core (never a downloaded browser), with a fresh profile.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * A browser with a fresh profile. Service workers are blocked unless `serviceWorkers: 'allow'`
 * (offline.test.mjs): a worker answers the page's requests itself, so `page.route`, which the
 * other tests use to break files, would not see them.
 */
export async function launch({ serviceWorkers = 'block' } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wegmarke-chromium-'));
  process.env.TMPDIR = tmp;
  const context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    executablePath: '/usr/bin/chromium', args: FLAGS, headless: true, serviceWorkers,
  });
  return context;
}

/**
 * Opens a page that records everything a test must fail on: console errors, uncaught
 * exceptions, CSP violations, and requests to any host but the test server.
 */
export async function openPage(context, { width = 1280, height = 900 } = {}) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  const log = { errors: [], csp: [], foreign: [], requests: [] };
  page.on('console', m => { if (m.type() === 'error') log.errors.push(m.text()); });
  page.on('pageerror', e => log.errors.push(String(e)));
  page.on('request', r => {
    const u = new URL(r.url());
    log.requests.push(r.url());
    if (u.protocol !== 'data:' && u.hostname !== '127.0.0.1') log.foreign.push(r.url());
    if (u.pathname === '/csp-report') log.csp.push(r.postData());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', e => {
      (window.__csp = window.__csp || []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { page, log };
}
