// The chart's tooltip for everyone: beside the chart, a period chosen with the keyboard and the
// values of every series in it (with flags, baseline and target), announced when they change,
// the same values the data table holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { APP, DIST, assertClean } from './env.mjs';

const ID = 'I-alq-ausl';
const indicator = JSON.parse(fs.readFileSync(path.join(DIST, 'data', 'indicators.json'), 'utf8'))
  .indicators.find(i => i.id === ID);
/** Periods with at least one value, in order (what the reader can step through, and more). */
const withValues = [...new Set(indicator.series.flatMap(s => s.observations.filter(o => o.value != null).map(o => o.period)))].sort();

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** The data table's row for a period label: its cells' texts. */
const tableRow = (page, label) => page.locator('[data-testid=data-table] tbody tr').evaluateAll(
  (rows, label) => rows.map(r => [...r.cells].map(c => c.textContent.trim())).find(r => r[0] === label), label);

test('the values of a period are reachable by keyboard beside the chart, announced, and match the table', async () => {
  const { page, log } = await openPage(browser, { width: 390, height: 900 });
  await page.goto(`${APP}#/indikator/${ID}`);
  const select = page.getByTestId('chart-period');
  await select.waitFor();
  const status = page.getByTestId('chart-period-values');
  assert.equal(await status.getAttribute('role'), 'status');
  // At first the latest period with a value.
  const latest = withValues[withValues.length - 1];
  assert.equal(await select.evaluate(s => s.selectedOptions[0].textContent), latest);
  const check = async label => {
    const text = await status.innerText();
    assert.ok(text.startsWith(label), `${text} starts with ${label}`);
    const row = await tableRow(page, label);
    assert.ok(row, `the table has ${label}`);
    // Every series' value in the table row is said, in the same order.
    let at = 0;
    for (const cell of row.slice(1)) {
      const value = cell.split(' ')[0].replace(/\s+$/, '');
      const found = text.indexOf(value, at);
      assert.ok(found >= 0, `${value} (${label}) in "${text}"`);
      at = found + value.length;
    }
  };
  await check(latest);
  // Arrow keys step back through the periods; each step is announced.
  await select.focus();
  await page.keyboard.press('ArrowUp');
  const previous = withValues[withValues.length - 2];
  await page.waitForFunction(p => document.querySelector('[data-testid=chart-period-values]').innerText.startsWith(p), previous);
  await check(previous);
  // The baseline's period says the baseline.
  await select.selectOption({ label: indicator.baseline.period });
  await page.waitForFunction(p => document.querySelector('[data-testid=chart-period-values]').innerText.startsWith(p), indicator.baseline.period);
  assert.match(await status.innerText(), /Ausgangswert/);
  const box = await select.boundingBox();
  assert.ok(box.width >= 24 && box.height >= 24, JSON.stringify(box));
  await assertClean(assert, page, log);
  await page.close();
});

test('in a right-to-left page the chart\'s texts do not run into each other', async () => {
  const { page, log } = await openPage(browser, { width: 1280, height: 900 });
  await page.goto(`${APP}?lang=ar#/indikator/${ID}`);
  await page.locator('[data-testid=chart] svg text').first().waitFor();
  // No text of the drawing (axis labels, legend) runs into another text or into a marker or
  // legend icon (small shapes), allowing a pixel of touch.
  const overlaps = await page.locator('[data-testid=chart] svg').first().evaluate(svg => {
    const box = e => e.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim())
      .map(t => ({ name: t.textContent.trim(), r: box(t) }));
    const icons = [...svg.querySelectorAll('path')].map(p => ({ name: 'shape', r: box(p) }))
      .filter(({ r }) => r.width > 0 && r.width < 30 && r.height > 0 && r.height < 30);
    const hit = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
      && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    const out = [];
    texts.forEach((a, i) => {
      for (const b of [...texts.slice(i + 1), ...icons]) if (hit(a.r, b.r)) out.push(`${a.name} × ${b.name}`);
    });
    return { count: texts.length, out };
  });
  assert.ok(overlaps.count > 5, `texts in the chart: ${overlaps.count}`);
  assert.deepEqual(overlaps.out, []);
  await assertClean(assert, page, log);
  await page.close();
});

test('the live chart takes the first view\'s place without a jump: same points, same size', async () => {
  for (const [width, lang] of [[390, 'de'], [1280, 'de'], [1280, 'ar']]) {
    const { page, log } = await openPage(browser, { width, height: 900 });
    await page.goto(`${APP}?lang=${lang}#/indikator/${ID}`);
    const chart = page.getByTestId('chart');
    await chart.locator('svg circle').first().waitFor();
    // The first view's points of the first series: its circles, minus the legend's icon (the
    // icons sit below the plot).
    const drawn = await chart.locator('svg').evaluate(svg => {
      const size = [Number(svg.getAttribute('width')), Number(svg.getAttribute('height'))];
      const points = [...svg.querySelectorAll('circle')].map(c => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]);
      return { size, points };
    });
    const box = await chart.boundingBox();
    assert.deepEqual(drawn.size, [Math.round(box.width), Math.round(box.height)], 'drawn at the chart\'s size');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => window.echarts && window.echarts.getInstanceByDom(document.querySelector('[data-testid=chart]')));
    // Where ECharts puts each value of the first series.
    const live = await page.evaluate(() => {
      const inst = window.echarts.getInstanceByDom(document.querySelector('[data-testid=chart]'));
      const data = inst.getOption().series[0].data;
      return data.map((d, i) => {
        const v = d && typeof d === 'object' ? d.value : d;
        return v == null ? null : inst.convertToPixel({ seriesIndex: 0 }, [i, v]);
      }).filter(Boolean);
    });
    assert.ok(live.length >= 5, 'the series has values');
    for (const [x, y] of live) {
      const near = drawn.points.some(([cx, cy]) => Math.abs(cx - x) <= 3 && Math.abs(cy - y) <= 3);
      assert.ok(near, `${width} ${lang}: ECharts draws a value at ${x.toFixed(1)},${y.toFixed(1)}; the first view had none within 3 px`);
    }
    await assertClean(assert, page, log);
    await page.close();
  }
});
