// axe-core (WCAG 2.2 AA and best practice) on every page, in all five languages at phone width and
// German and Arabic at desktop width: zero violations. What axe cannot check of WCAG 2.2 is in
// wcag22.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';
import { APP, A11Y_PAGES, audit } from './env.mjs';

export const PAGES = A11Y_PAGES;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

// Every language at phone width (where reflow problems show), German and Arabic also at desktop width.
const RUNS = [['de', 1280], ['de', 390], ['en', 390], ['tr', 390], ['ar', 390], ['ar', 1280], ['uk', 390]];
for (const [lang, width] of RUNS) {
  {
    const label = width < 600 ? 'phone' : 'desktop';
    test(`axe finds nothing on any page (${lang}, ${label})`, async () => {
      const { page } = await openPage(browser, { width, height: 900 });
      const found = {};
      for (const hash of PAGES) {
        await page.goto(`${APP}?lang=${lang}${hash}`);
        await page.locator('main h1').first().waitFor();
        if (hash === '#/aenderungen' || hash === '#/bericht') await page.getByTestId('changes-summary').waitFor();
        if (hash.includes('/indikator/')) await page.locator('[data-testid=chart] svg').waitFor();
        const v = await audit(page);
        if (v.length) found[hash] = v;
      }
      assert.deepEqual(found, {});
      await page.close();
    });
  }
}

test('reflow: no page scrolls sideways at 320 px (WCAG 1.4.10), in German and Arabic', async () => {
  const { page } = await openPage(browser, { width: 320, height: 640 });
  const wide = {};
  for (const lang of ['de', 'ar']) {
    for (const hash of PAGES) {
      await page.goto(`${APP}?lang=${lang}${hash}`);
      await page.locator('main h1').first().waitFor();
      const [sw, w] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      if (sw > w) wide[`${lang}${hash}`] = `${sw}px > ${w}px`;
    }
  }
  assert.deepEqual(wide, {});
  await page.close();
});

test('chart tooltips can be dismissed with Escape (WCAG 1.4.13)', async () => {
  const { page } = await openPage(browser);
  await page.goto(`${APP}#/indikator/I-alq-ausl`);
  await page.locator('[data-testid=chart] svg').waitFor();
  // Pointing at the chart starts the live ECharts instance (the first view has no tooltips).
  const box = await page.getByTestId('chart').boundingBox();
  await page.mouse.move(box.x + 2, box.y + 2);
  await page.waitForFunction(() => window.echarts && window.echarts.getInstanceByDom(document.querySelector('[data-testid=chart]')));
  // The tooltip (rich text, drawn by ECharts) is the only drawn text with a decimal number.
  const shown = () => {
    const inst = window.echarts.getInstanceByDom(document.querySelector('[data-testid=chart]'));
    return inst.getZr().storage.getDisplayList(true).some(el => !el.invisible && !el.ignore && el.style && /\d[.,]\d/.test(String(el.style.text || '')));
  };
  const tooltipShown = () => page.evaluate(shown);
  for (let x = 0.3; x < 0.8 && !(await tooltipShown()); x += 0.05) {
    await page.mouse.move(box.x + box.width * x, box.y + box.height * 0.4);
  }
  assert.equal(await tooltipShown(), true, 'hovering shows a tooltip');
  await page.keyboard.press('Escape');
  // Hidden on ECharts' next frame; waits for the condition, fails after the default timeout.
  await page.waitForFunction(() => {
    const inst = window.echarts.getInstanceByDom(document.querySelector('[data-testid=chart]'));
    return !inst.getZr().storage.getDisplayList(true).some(el => !el.invisible && !el.ignore && el.style && /\d[.,]\d/.test(String(el.style.text || '')));
  }, null, { timeout: 5000 });
  await page.close();
});
