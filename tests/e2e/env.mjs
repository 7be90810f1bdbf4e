// What run.mjs hands to each test file: the server's address, its web root and dist/.
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
