// The reader on a phone: a header of at most 120 px whose navigation and languages stay one
// keyboard step away, and everything visible at desktop width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';
import { APP, assertClean, ready } from './env.mjs';

const PHONE = { width: 390, height: 900 };
const NAV = ['#/', '#/massnahmen', '#/indikatoren', '#/akteure', '#/aenderungen', '#/methodik'];
const LANGS = ['de', 'en', 'tr', 'ar', 'uk'];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** The header's height in CSS pixels. */
const headerHeight = page => page.locator('.site-header').evaluate(h => h.getBoundingClientRect().height);

/** What has the keyboard focus: its kind and where it leads. */
const focused = page => page.evaluate(() => {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  return {
    tag: el.tagName, testid: el.dataset.testid || null, href: el.getAttribute('href'),
    hreflang: el.getAttribute('hreflang'), expanded: el.getAttribute('aria-expanded'),
    nav: !!el.closest('.main-nav'),
    // On screen: inside the viewport and not cut off by the row that scrolls.
    shown: el.checkVisibility() && r.left >= 0 && r.right <= innerWidth + 0.5 && r.width >= 24 && r.height >= 24,
  };
});

for (const lang of ['de', 'ar']) {
  test(`phone header (${lang}): at most 120 px high, every link and language reachable with Tab and Enter`, async () => {
    const { page, log } = await openPage(browser, PHONE);
    await page.goto(`${APP}?lang=${lang}#/`);
    await ready(page);
    const height = await headerHeight(page);
    console.log(`header height at 390 px (${lang}): ${height} px`);
    assert.ok(height <= 120, `header ${height} px high`);
    assert.equal(await page.locator('.lang-picker a').first().isVisible(), false, 'languages one step away');
    const [sw, w] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
    assert.ok(sw <= w, `the page scrolls sideways: ${sw} > ${w}`);

    // Tab through the header; Enter on the language button opens the list.
    const navSeen = new Set();
    const langSeen = new Set();
    for (let i = 0; i < 30 && navSeen.size < NAV.length; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f.testid === 'lang-toggle' && f.expanded === 'false') {
        assert.ok(f.shown, 'the language button is on screen and large enough');
        await page.keyboard.press('Enter');
        assert.equal(await page.getByTestId('lang-toggle').getAttribute('aria-expanded'), 'true');
        continue;
      }
      if (f.hreflang) {
        assert.ok(f.shown, `language ${f.hreflang} on screen when focused`);
        langSeen.add(f.hreflang);
      }
      if (f.nav) {
        assert.ok(f.shown, `link ${f.href} on screen when focused`);
        navSeen.add(f.href);
      }
    }
    assert.deepEqual([...langSeen].sort(), [...LANGS].sort());
    assert.deepEqual([...navSeen].sort(), [...NAV].sort());
    assert.equal(await page.locator('.lang-picker a').first().isVisible(), false, 'the list closes when focus leaves it');

    // Enter on the last link (scrolled into view) opens its page.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#/methodik');
    await page.locator('main h1').waitFor();

    // Escape closes the list and gives the focus back to the button; Enter on a language
    // switches to it.
    await page.getByTestId('lang-toggle').focus();
    await page.keyboard.press('Enter');
    const list = page.locator('#languages');
    await list.waitFor();
    const box = await list.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `the list is on screen: ${JSON.stringify(box)}`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    assert.equal(await list.isVisible(), false);
    assert.equal((await focused(page)).testid, 'lang-toggle');
    const other = lang === 'de' ? 'uk' : 'de';
    await page.keyboard.press('Enter');
    await page.locator(`#languages a[hreflang=${other}]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(l => document.documentElement.lang === l, other);
    await ready(page);
    assert.match(page.url(), /#\/methodik$/, 'the page stays the same');
    await assertClean(assert, page, log);
    await page.close();
  });
}

test('phone header: a page whose link is at the end of the row opens with that link in view', async () => {
  for (const lang of ['de', 'ar']) {
    const { page } = await openPage(browser, PHONE);
    await page.goto(`${APP}?lang=${lang}#/methodik`);
    await ready(page);
    const current = page.locator('.main-nav a[aria-current=page]');
    await page.waitForFunction(() => {
      const r = document.querySelector('.main-nav a[aria-current=page]').getBoundingClientRect();
      return r.left >= 0 && r.right <= innerWidth;
    }, null, { timeout: 5000 });
    assert.equal(await current.getAttribute('href'), '#/methodik');
    assert.equal(await page.evaluate(() => scrollX), 0, 'the page itself does not scroll');
    await page.close();
  }
});

test('desktop header: every link and every language visible without a click', async () => {
  for (const lang of ['de', 'ar']) {
    const { page, log } = await openPage(browser, { width: 1280, height: 900 });
    await page.goto(`${APP}?lang=${lang}#/`);
    await ready(page);
    console.log(`header height at 1280 px (${lang}): ${await headerHeight(page)} px`);
    assert.equal(await page.getByTestId('lang-toggle').isVisible(), false);
    const inView = loc => loc.evaluateAll(els => els.filter(el => {
      const r = el.getBoundingClientRect();
      return el.checkVisibility() && r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight;
    }).map(el => el.getAttribute('hreflang') || el.getAttribute('href')));
    assert.deepEqual((await inView(page.locator('.main-nav a'))).sort(), [...NAV].sort());
    assert.deepEqual((await inView(page.locator('.lang-picker a'))).sort(), [...LANGS].sort());
    assert.equal(await page.locator('.brand-tagline').isVisible(), true);
    await assertClean(assert, page, log);
    await page.close();
  }
});
