import { chromium } from 'playwright-core';
import { startServer, makeSite } from '../tests/e2e/server.mjs';
const server = await startServer();
makeSite(server.root, 'app', process.env.DIST || '/work/main/dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'], headless: true });
const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
const page = await context.newPage();
for (const h of process.argv.slice(2)) {
  await page.goto(`${server.url}/app/${h}`);
  await page.locator('main h1').first().waitFor({ state: 'attached', timeout: 30000 });
  await page.waitForLoadState('networkidle');
  const r = await page.evaluate(() => ({ n: document.querySelectorAll('*').length, h: document.documentElement.scrollHeight, secs: [...document.querySelectorAll('main > * > *, main > *')].slice(0, 30).map(e => `${e.tagName.toLowerCase()}.${e.className}`.slice(0, 40) + ':' + e.querySelectorAll('*').length + '@' + Math.round(e.getBoundingClientRect().top)) }));
  console.log(h, r.n, 'elements, height', r.h); console.log(r.secs.join('\n'));
}
await browser.close(); await server.stop();
