// The reader on a phone: a header of at most 120 px whose navigation and languages stay one
// keyboard step away, everything visible at desktop width, and the explorer's results on the
// first screen with the filters behind one button that counts them.
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

test('explorer on a phone: the first result on the first screen, filters behind one button', async () => {
  for (const lang of ['de', 'ar']) {
    const { page, log } = await openPage(browser, PHONE);
    await page.goto(`${APP}?lang=${lang}#/massnahmen`);
    await ready(page);
    const first = page.getByTestId('measure-item').first();
    await first.waitFor();
    const box = await first.boundingBox();
    console.log(`first result at 390 × 900 (${lang}): top ${box.y} px`);
    assert.ok(box.y < 900 && box.y + box.height <= 900, `first result at ${box.y}–${box.y + box.height} px`);
    const toggle = page.getByTestId('filters-toggle');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.getByTestId('search').isVisible(), false);
    await assertClean(assert, page, log);
    await page.close();
  }
});

test('explorer on a phone: the button counts the filters in the address; the keyboard opens it', async () => {
  const { page, log } = await openPage(browser, PHONE);
  await page.goto(`${APP}#/massnahmen?status=delayed&q=kurs`);
  await ready(page);
  const toggle = page.getByTestId('filters-toggle');
  assert.match(await toggle.textContent(), /^\s*Filter \(2\)\s*$/);
  assert.equal(await toggle.getAttribute('aria-controls'), 'filters');

  for (let i = 0; i < 30 && (await focused(page)).testid !== 'filters-toggle'; i++) await page.keyboard.press('Tab');
  assert.equal((await focused(page)).testid, 'filters-toggle');
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.getByTestId('search').waitFor();
  assert.equal(await page.getByTestId('search').inputValue(), 'kurs');
  assert.equal(await page.getByTestId('status-delayed').isChecked(), true);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).testid, 'search', 'the filters follow the button');

  // A filter changed in the open panel keeps it open, counts, and goes into the address.
  await page.getByTestId('status-paused').check();
  await page.waitForFunction(() => location.hash.includes('status=paused'));
  assert.match(await toggle.textContent(), /Filter \(3\)/);
  assert.equal(await page.getByTestId('search').isVisible(), true);
  await page.getByTestId('reset').click();
  await page.waitForFunction(() => location.hash === '#/massnahmen');
  assert.match(await toggle.textContent(), /^\s*Filter\s*$/);

  // Space closes it again.
  await toggle.focus();
  await page.keyboard.press('Space');
  assert.equal(await page.getByTestId('search').isVisible(), false);
  await assertClean(assert, page, log);
  await page.close();

  // Wide screens: open from the start.
  const { page: wide } = await openPage(browser, { width: 1280, height: 900 });
  await wide.goto(`${APP}#/massnahmen`);
  await ready(wide);
  assert.equal(await wide.getByTestId('filters-toggle').getAttribute('aria-expanded'), 'true');
  assert.equal(await wide.getByTestId('search').isVisible(), true);
  await wide.close();
});

/** Each listed measure's status, title and progress boxes, in CSS pixels. */
const measureRows = page => page.getByTestId('measure-item').evaluateAll(items => items.map(li => {
  const box = el => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; };
  return {
    id: li.dataset.id, item: box(li), status: box(li.querySelector('.status')),
    title: box(li.querySelector('.measure-link')), progress: li.querySelector('.measure-progress') && box(li.querySelector('.measure-progress')),
  };
}));

for (const lang of ['de', 'ar']) {
  test(`measure lists on a phone (${lang}): every row the same shape, status above, progress beside the title at its end`, async () => {
    const { page, log } = await openPage(browser, PHONE);
    for (const hash of ['#/massnahmen', '#/handlungsfeld/sprache']) {
      await page.goto(`${APP}?lang=${lang}${hash}`);
      await ready(page);
      await page.getByTestId('measure-item').first().waitFor();
      const rows = await measureRows(page);
      assert.ok(rows.length >= 4, `${hash}: ${rows.length} measures`);
      const odd = rows.filter(r => {
        const above = r.status.bottom <= r.title.top + 0.5;
        const beside = !r.progress || (r.progress.top < r.title.bottom && r.progress.bottom > r.title.top);
        // At the row's end: the right edge in German, the left edge in Arabic.
        const atEnd = !r.progress || (lang === 'ar' ? Math.abs(r.progress.left - r.item.left) < 1 : Math.abs(r.progress.right - r.item.right) < 1);
        return !(above && beside && atEnd);
      });
      assert.deepEqual(odd.map(r => r.id), [], `${hash}: rows laid out differently`);
    }
    await assertClean(assert, page, log);
    await page.close();
  });
}
