// The WCAG 2.2 AA criteria axe-core cannot check on its own, on every page of the accessibility
// tests, in German and Arabic (right to left), at phone and desktop width:
// - 2.4.11 Focus Not Obscured (Minimum): tabbing through the page, no focused element is entirely
//   hidden by other content (a sticky header, a banner) once the browser has scrolled it into view;
// - 2.5.8 Target Size (Minimum): every link, button and form control that is not inline text in a
//   sentence is at least 24 × 24 CSS px, or has the spacing the criterion asks for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';
import { APP, A11Y_PAGES } from './env.mjs';

const RUNS = [['de', 390], ['de', 1280], ['ar', 390], ['ar', 1280]];
// A page with more stops than this is taken as a focus trap (none has half as many).
const MAX_TABS = 600;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Opens a page and waits until what the accessibility tests wait for has been drawn. */
async function visit(page, lang, hash) {
  await page.goto(`${APP}?lang=${lang}${hash}`);
  await page.locator('main h1').first().waitFor();
  if (hash === '#/aenderungen' || hash === '#/bericht') await page.getByTestId('changes-summary').waitFor();
  if (hash.includes('/indikator/')) await page.locator('[data-testid=chart] svg').waitFor();
  // Sections far from the screen skip their layout (content-visibility: auto) and hold a size
  // estimate until they come near; measuring the targets inside them lays them out where the
  // estimate stood, over the footer: a state no reader sees (the browser draws a section at its
  // real size before it reaches the screen). Every section is laid out for the measurement.
  await page.evaluate(() => new Promise(resolve => {
    for (const el of document.querySelectorAll('*')) {
      if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible';
    }
    requestAnimationFrame(() => requestAnimationFrame(resolve));
  }));
}

/**
 * Installs `window.__wcag` in the page: a readable selector for an element, and the two checks.
 * Evaluated as a string so that the helpers share one scope in the page.
 */
const HELPERS = `window.__wcag = (() => {
  const TARGETS = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link]';

  /** A CSS selector a developer can search for, plus the element's text when it has some. */
  function describe(el) {
    const part = e => {
      if (e.dataset && e.dataset.testid) return '[data-testid=' + e.dataset.testid + ']';
      if (e.id) return '#' + CSS.escape(e.id);
      let s = e.localName + [...e.classList].map(c => '.' + CSS.escape(c)).join('');
      const same = e.parentElement ? [...e.parentElement.children].filter(c => c.localName === e.localName) : [];
      if (same.length > 1) s += ':nth-of-type(' + (same.indexOf(e) + 1) + ')';
      return s;
    };
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      parts.unshift(part(e));
      if ((e.dataset && e.dataset.testid) || e.id) break;
    }
    const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return parts.join(' > ') + (text ? ' "' + text + '"' : '');
  }

  const isBlock = e => !getComputedStyle(e).display.startsWith('inline');
  const blockOf = n => { let e = n.parentElement; while (e && !isBlock(e)) e = e.parentElement; return e; };

  /**
   * WCAG's inline exception: the target sits in a line of text (its block has words that are
   * not part of any target), so its size is set by the line height of the sentence.
   */
  function inSentence(el) {
    if (!getComputedStyle(el).display.startsWith('inline')) return false;
    const block = blockOf(el);
    if (!block) return false;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!/[\\p{L}\\p{N}]/u.test(n.data)) continue;
      if (blockOf(n) !== block || n.parentElement.closest(TARGETS)) continue;
      if (!n.parentElement.checkVisibility({ visibilityProperty: true }) || n.parentElement.closest('.visually-hidden')) continue;
      return true;
    }
    return false;
  }

  /** 2.5.8: the targets that are too small and too close, with what they are too close to. */
  function targetSize() {
    const targets = [];
    for (const el of document.querySelectorAll(TARGETS)) {
      if (el.disabled || el.closest('[inert], [aria-hidden=true]')) continue;
      // Not rendered (display: none, visibility: hidden, inside a closed <details>, whose content
      // still has a box), or parked off the page until focused (the skip link): not a target
      // anyone can point at.
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) continue;
      const box = { x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height };
      if (box.y + box.h <= 0 || box.x + box.w <= 0) continue;
      targets.push({ el, box, small: (box.w < 24 || box.h < 24) && !inSentence(el) });
    }
    const centre = b => [b.x + b.w / 2, b.y + b.h / 2];
    // Distance from a point to a rectangle (0 inside it).
    const toRect = ([px, py], b) => Math.hypot(Math.max(b.x - px, 0, px - (b.x + b.w)), Math.max(b.y - py, 0, py - (b.y + b.h)));
    const offenders = [];
    for (const t of targets) {
      if (!t.small) continue;
      const c = centre(t.box);
      // The spacing exception: a 24 px circle centred on the target's box intersects neither
      // another target nor the circle of another undersized target.
      const near = targets.find(o => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el)
        && (toRect(c, o.box) < 12 || (o.small && Math.hypot(c[0] - centre(o.box)[0], c[1] - centre(o.box)[1]) < 24)));
      if (near) {
        offenders.push(describe(t.el) + ' is ' + t.box.w.toFixed(1) + '×' + t.box.h.toFixed(1) + ' px, its 24 px circle meets ' + describe(near.el));
      }
    }
    return offenders;
  }

  /**
   * 2.4.11: whether the focused element can be seen at one of a few points of its box (its
   * centre and near its corners, on each line of a wrapped link), inside the viewport.
   */
  function focusShown() {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const seen = [];
    // A control hidden on purpose (a styled label stands in for it) is seen through its label.
    const own = el.getBoundingClientRect();
    const shownAs = own.width <= 1 && own.height <= 1 && el.labels && el.labels.length ? el.labels[0] : el;
    for (const r of shownAs.getClientRects()) {
      if (r.width === 0 && r.height === 0) continue;
      const dx = Math.min(4, r.width / 2), dy = Math.min(4, r.height / 2);
      const points = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + dx, r.top + dy], [r.right - dx, r.top + dy],
        [r.left + dx, r.bottom - dy], [r.right - dx, r.bottom - dy]];
      for (const [x, y] of points) {
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
        const hit = document.elementFromPoint(x, y);
        if (hit && (hit === el || el.contains(hit) || shownAs.contains(hit))) return { el: describe(el), shown: true };
        if (hit) seen.push(describe(hit));
      }
    }
    return { el: describe(el), shown: false, covers: [...new Set(seen)].slice(0, 2) };
  }

  return { targetSize, focusShown };
})();`;

for (const [lang, width] of RUNS) {
  const label = width < 600 ? 'phone' : 'desktop';

  test(`2.4.11 Focus Not Obscured: every focused element can be seen (${lang}, ${label})`, async t => {
    const { page } = await openPage(browser, { width, height: 800 });
    const hidden = {};
    let total = 0;
    for (const hash of A11Y_PAGES) {
      await visit(page, lang, hash);
      await page.evaluate(HELPERS);
      // From the top of the document, as a keyboard user arrives: the focus on a stop that is not
      // in the tab order, first in the body (a route change keeps the document and moves the focus).
      await page.evaluate(() => {
        const start = document.createElement('span');
        start.id = 'wcag-start';
        start.tabIndex = -1;
        document.body.prepend(start);
        start.focus();
        scrollTo(0, 0);
        window.__wcagSeen = new WeakMap();
      });
      const found = [];
      let stops = 0;
      let first = null;
      for (; stops < MAX_TABS; stops++) {
        await page.keyboard.press('Tab');
        const f = await page.evaluate(() => {
          const start = document.getElementById('wcag-start');
          if (start) start.remove();
          const r = window.__wcag.focusShown();
          // Identity of the focused element across calls, to notice the focus coming round again.
          if (r) { r.again = window.__wcagSeen.has(document.activeElement); window.__wcagSeen.set(document.activeElement, true); }
          return r;
        });
        if (!f || f.again) break;
        first = first || f.el;
        if (!f.shown) found.push(`${f.el} is covered by ${f.covers.join(', ') || 'nothing in view (off-screen)'}`);
      }
      assert.ok(stops < MAX_TABS, `${hash}: the focus never left the page after ${MAX_TABS} tabs`);
      assert.ok(first, `${hash}: nothing took the focus`);
      total += stops;
      if (found.length) hidden[hash] = found;
    }
    t.diagnostic(`${total} focus stops on ${A11Y_PAGES.length} pages`);
    assert.deepEqual(hidden, {});
    await page.close();
  });

  test(`2.5.8 Target Size (Minimum): targets are 24 px or spaced (${lang}, ${label})`, async () => {
    const { page } = await openPage(browser, { width, height: 800 });
    const small = {};
    for (const hash of A11Y_PAGES) {
      await visit(page, lang, hash);
      await page.evaluate(HELPERS);
      const found = await page.evaluate(() => window.__wcag.targetSize());
      if (found.length) small[hash] = found;
    }
    assert.deepEqual(small, {});
    await page.close();
  });
}

test('the target size check tells an undersized crowded target from a spaced or inline one', async () => {
  // The check itself, on a page of known cases: it must catch what it is for.
  const { page } = await openPage(browser, { width: 800, height: 600 });
  await visit(page, 'de', '#/');
  await page.evaluate(() => {
    // Built with the DOM and styled through the CSSOM: the page's CSP refuses style attributes.
    const el = (tag, props, style, ...children) => {
      const e = Object.assign(document.createElement(tag), props);
      Object.assign(e.style, style);
      e.append(...children);
      return e;
    };
    const square = (id, px) => el('a', { id, href: `#${id}` }, { display: 'block', width: `${px}px`, height: `${px}px` }, 'x');
    const box = el('div', { id: 'wcag-cases' }, { margin: '40px' },
      el('div', {}, { display: 'flex', gap: '2px' }, square('crowded-1', 16), square('crowded-2', 16)),
      el('div', {}, { display: 'flex', gap: '30px', marginTop: '40px' }, square('spaced-1', 16), square('spaced-2', 16)),
      el('p', {}, { marginTop: '40px' }, 'Ein Satz mit ', el('a', { id: 'inline-1', href: '#e' }, {}, 'einem'), ' und ',
        el('a', { id: 'inline-2', href: '#f' }, {}, 'zwei'), ' Links.'),
      el('div', {}, { display: 'flex', marginTop: '40px' }, el('button', { id: 'big' }, { width: '30px', height: '30px' }, '5'),
        el('button', { id: 'next-to-big' }, { width: '14px', height: '14px', padding: '0' }, '6')));
    document.querySelector('main').prepend(box);
  });
  await page.evaluate(HELPERS);
  const found = await page.evaluate(() => window.__wcag.targetSize());
  const who = found.map(f => f.split(' ')[0]).filter(s => /^#(crowded|spaced|inline|big|next-to-big)/.test(s)).sort();
  assert.deepEqual(who, ['#crowded-1', '#crowded-2', '#next-to-big'], found.join('\n'));
  await page.close();
});

test('the focus check notices an element hidden under a fixed header', async () => {
  const { page } = await openPage(browser, { width: 800, height: 600 });
  await visit(page, 'de', '#/');
  await page.evaluate(() => {
    const bar = document.createElement('div');
    bar.style.cssText = 'position:fixed;inset:0 0 auto 0;height:200px;background:#fff;z-index:100';
    document.body.append(bar);
    const a = document.createElement('a');
    a.href = '#x';
    a.id = 'under-bar';
    a.textContent = 'unter dem Balken';
    a.style.cssText = 'position:fixed;top:50px;left:20px';
    document.body.append(a);
    a.focus();
  });
  await page.evaluate(HELPERS);
  const f = await page.evaluate(() => window.__wcag.focusShown());
  assert.equal(f.shown, false);
  assert.match(f.el, /#under-bar/);
  await page.close();
});
