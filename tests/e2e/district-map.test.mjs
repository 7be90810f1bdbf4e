// District maps: where config.json names the district boundaries, the indicator page draws its
// values by district as a choropleth above the table, the field page and the explorer their
// measures per district; every area of the boundary file is drawn, districts without data are
// hatched, the file's own note ("schematic") is shown. Every area is reached by Tab and named
// with district and value; on the field page and in the explorer the areas are links (the
// explorer's set its district filter). Without the key: the tables alone, and no request.
// Expected values come from the data files; axe finds nothing with the maps drawn.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { APP, DIST, audit, site, assertClean } from './env.mjs';

const read = f => JSON.parse(fs.readFileSync(path.join(DIST, f), 'utf8'));
const config = read('config.json');
const geo = read(path.join('data', config.district_boundaries));
const indicators = read('data/indicators.json').indicators;
const plan = read('data/plan.json');
const measures = read('data/measures.json').measures;
const districtName = id => {
  const d = plan.districts.find(x => x.id === id);
  return typeof d.name === 'string' ? d.name : d.name.de;
};
/** Measures per district id. */
const countsOf = list => Object.fromEntries(plan.districts.map(d =>
  [d.id, list.filter(m => (m.districts || []).includes(d.id)).length]));

/** Presses Tab until focus is on a map area (`data-area` = `id`, or any), at most `max` times. */
async function tabTo(page, id = null, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => document.activeElement?.closest('.map-area')?.dataset.area ?? null);
    if (at && (id == null || at === id)) return at;
  }
  throw new Error(`no map area ${id ?? ''} within ${max} presses of Tab`);
}

/** Each area's [district id, accessible name from its labelling title, link or not, tabindex]. */
const areasOf = map => map.locator('.map-area').evaluateAll(as => as.map(a => [
  a.dataset.area,
  document.getElementById(a.getAttribute('aria-labelledby'))?.textContent,
  a.localName === 'a' ? a.getAttribute('href') : null,
  a.getAttribute('tabindex')]));
const withValues = indicators.find(i => i.by_district && i.by_district.values.some(v => v.value == null));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('an indicator\'s values by district as a map: every area, no data hatched, the file\'s note', async () => {
  assert.ok(withValues, 'the example has an indicator with a district without data');
  const { page, log } = await openPage(browser);
  await page.goto(`${APP}#/indikator/${withValues.id}`);
  const map = page.getByTestId('district-map');
  await map.waitFor();
  const areas = await map.locator('path[data-district]').evaluateAll(ps => ps.map(p => [p.dataset.district, p.getAttribute('fill')]));
  assert.deepEqual(areas.map(([id]) => id), geo.features.map(f => f.properties.id));
  const value = id => withValues.by_district.values.find(v => v.district === id)?.value;
  for (const [id, fill] of areas) {
    if (value(id) == null) assert.equal(fill, 'url(#no-data)', id);
    else assert.match(fill, /^#[0-9a-f]{6}$/, id);
  }
  // The highest value gets the darkest step, the lowest the lightest.
  const known = withValues.by_district.values.filter(v => v.value != null);
  const max = known.reduce((a, b) => (b.value > a.value ? b : a));
  const min = known.reduce((a, b) => (b.value < a.value ? b : a));
  assert.equal(areas.find(([id]) => id === max.district)[1], '#440154');
  assert.equal(areas.find(([id]) => id === min.district)[1], '#fde725');
  assert.equal(await page.getByTestId('district-map-note').textContent(), geo.name);
  // A named group, not an image: an image's children are hidden, and these take focus.
  assert.equal(await map.locator('svg').getAttribute('role'), 'group');
  await assertClean(assert, page, log);
  await page.close();
});

test('an indicator page\'s areas are reached by Tab, named with district and value, with a visible focus, axe clean', async () => {
  const { page, log } = await openPage(browser);
  await page.goto(`${APP}?lang=de#/indikator/${withValues.id}`);
  const map = page.getByTestId('district-map');
  await map.waitFor();
  const areas = await areasOf(map);
  assert.equal(areas.length, geo.features.length);
  for (const [id, label, href, tabindex] of areas) {
    const v = withValues.by_district.values.find(x => x.district === id)?.value;
    assert.equal(href, null, 'not links');
    assert.equal(tabindex, '0', id);
    assert.ok(label.startsWith(`${districtName(id)}: `), label);
    if (v == null) assert.ok(label.endsWith(': keine Daten'), label);
    else assert.ok(!label.includes('keine Daten'), label);
    // The accessible name as the browser's own accessibility tree computes it.
    assert.equal(await map.getByRole('img', { name: label, exact: true }).count(), 1, label);
  }
  // Tab from the page's start reaches the first area, then the next.
  assert.equal(await tabTo(page, null, 100), areas[0][0]);
  // The focused area's ring: the map's own filter (black and white bands inside its edge).
  const ring = () => page.evaluate(() => getComputedStyle(document.activeElement.querySelector('path')).filter);
  assert.match(await ring(), /url\("?#map-focus"?\)/);
  assert.equal(await map.locator('filter#map-focus').count(), 1);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.area), areas[1][0]);
  // Only the focused area has it.
  assert.equal(await map.locator('path').evaluateAll(ps => ps.filter(p => getComputedStyle(p).filter !== 'none').length), 1);
  assert.deepEqual(await audit(page), []);
  await assertClean(assert, page, log);
  await page.close();
});

test('a field page maps its measures per district', async () => {
  const field = plan.fields[0];
  const { page, log } = await openPage(browser, { width: 390, height: 800 });
  await page.goto(`${APP}#/handlungsfeld/${field.id}`);
  const map = page.getByTestId('field-districts').getByTestId('district-map');
  await map.waitFor();
  assert.equal(await map.locator('path[data-district]').count(), geo.features.length);
  // The map fits the phone's width.
  const width = await map.locator('svg').evaluate(s => s.getBoundingClientRect().width);
  assert.ok(width <= 390, `${width} px`);
  // Each area leads to the explorer with this field's measures in that district.
  const goals = plan.goals.filter(g => g.field === field.id).map(g => g.id);
  const counts = countsOf(measures.filter(m => (m.goals || []).some(g => goals.includes(g))));
  for (const [id, label, href, tabindex] of await areasOf(map)) {
    assert.equal(href, `#/massnahmen?field=${field.id}&district=${id}`);
    assert.equal(tabindex, null, 'a link takes focus by itself');
    assert.equal(label, `${districtName(id)}: ${counts[id]}`);
  }
  // The legend names the counts the colours stand for: each shown count appears in exactly one
  // entry, and no entry is a bound no district has (e.g. „≥ 2“ twice for counts of 0 to 4).
  const legend = (await map.locator('.map-legend li').allTextContents()).slice(0, -1).map(t => t.trim());
  assert.equal(new Set(legend).size, legend.length, legend.join(' | '));
  for (const n of new Set(Object.values(counts))) {
    const holding = legend.filter(t => {
      const [lo, hi = lo] = t.split(' – ').map(Number);
      return lo <= n && n <= hi;
    });
    assert.equal(holding.length, 1, `${n} in ${legend.join(' | ')}`);
  }
  assert.deepEqual(await audit(page), []);
  await assertClean(assert, page, log);
  await page.close();
});

test('without district_boundaries in config.json: the tables alone, and no request for a map', async () => {
  const { district_boundaries: _, ...rest } = config;
  const { url } = site('no-map', { 'config.json': JSON.stringify(rest) });
  const { page, log } = await openPage(browser);
  const asked = [];
  page.on('request', r => { if (r.url().endsWith('.geojson')) asked.push(r.url()); });
  await page.goto(`${url}#/indikator/${withValues.id}`);
  await page.getByTestId('district-values-table').waitFor();
  assert.equal(await page.getByTestId('district-map').count(), 0);
  // The explorer's panel too, also after a filter changed.
  await page.goto(`${url}#/massnahmen`);
  await page.getByTestId('results').waitFor();
  await page.getByTestId('explorer-districts').locator('summary').click();
  await page.getByTestId('explorer-district-table').waitFor();
  await page.getByTestId('status-on_track').check();
  await page.waitForFunction(() => location.hash.includes('status=on_track'));
  assert.equal(await page.getByTestId('district-map').count(), 0);
  assert.deepEqual(asked, []);
  await assertClean(assert, page, log);
  await page.close();
});

test('the explorer maps the filtered measures per district above its table, and the map follows the filters', async () => {
  const { page, log } = await openPage(browser);
  const asked = [];
  page.on('request', r => { if (r.url().endsWith('.geojson')) asked.push(r.url()); });
  await page.goto(`${APP}?lang=de#/massnahmen?status=on_track`);
  await page.getByTestId('results').waitFor();
  // The boundary file is fetched when the panel opens, not for readers who never open it.
  assert.deepEqual(asked, []);
  const panel = page.getByTestId('explorer-districts');
  await panel.locator('summary').click();
  const map = panel.getByTestId('district-map');
  await map.waitFor();
  assert.equal(asked.length, 1);
  const [mapTop, tableTop] = await Promise.all([map, panel.getByTestId('explorer-district-table')]
    .map(l => l.evaluate(e => e.getBoundingClientRect().top)));
  assert.ok(mapTop < tableTop, 'the map above the table');
  const named = async () => Object.fromEntries((await areasOf(map)).map(([id, label]) => [id, label]));
  const expect = list => {
    const c = countsOf(list);
    return Object.fromEntries(geo.features.map(f => f.properties.id)
      .map(id => [id, `${districtName(id)}: ${c[id]}`]));
  };
  const onTrack = measures.filter(m => m.status === 'on_track');
  assert.deepEqual(await named(), expect(onTrack));
  // A link per area: the district filter set, the other filters kept.
  for (const [id, , href] of await areasOf(map)) assert.equal(href, `#/massnahmen?district=${id}&status=on_track`);

  // Another filter redraws the map.
  await page.getByTestId('status-delayed').check();
  const both = measures.filter(m => m.status === 'on_track' || m.status === 'delayed');
  await page.waitForFunction(n => document.querySelector('[data-testid=result-count]').textContent.startsWith(`${n} `), both.length);
  assert.deepEqual(await named(), expect(both));
  assert.deepEqual(await audit(page), []);
  // Closed, filtered, opened again: the map follows, without fetching the file again.
  await panel.locator('summary').click();
  await page.getByTestId('status-on_track').uncheck();
  const delayed = measures.filter(m => m.status === 'delayed');
  await page.waitForFunction(n => document.querySelector('[data-testid=result-count]').textContent.startsWith(`${n} `), delayed.length);
  await panel.locator('summary').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=explorer-districts]').open);
  // A closed panel keeps no counts: the table returns with the map's new values.
  await panel.getByTestId('explorer-district-table').waitFor();
  assert.deepEqual(await named(), expect(delayed));
  assert.equal(asked.length, 1);
  await assertClean(assert, page, log);
  await page.close();
});

test('a district on the explorer\'s map, chosen by keyboard, filters the explorer and the address says so', async () => {
  const { page, log } = await openPage(browser, { width: 390, height: 800 });
  await page.goto(`${APP}?lang=de#/massnahmen?status=on_track`);
  await page.getByTestId('results').waitFor();
  // Open the panel by keyboard too.
  await page.getByTestId('explorer-districts').locator('summary').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('district-map').waitFor();
  const onTrack = measures.filter(m => m.status === 'on_track');
  const counts = countsOf(onTrack);
  const target = plan.districts.map(d => d.id).filter(id => counts[id] > 0).at(-1);
  await tabTo(page, target, geo.features.length + 1);
  await page.keyboard.press('Enter');
  await page.waitForFunction(id => location.hash.includes(`district=${id}`), target);
  const hash = await page.evaluate(() => location.hash);
  assert.equal(hash, `#/massnahmen?district=${target}&status=on_track`);
  const chosen = onTrack.filter(m => m.districts?.includes(target));
  await page.waitForFunction(n => document.querySelector('[data-testid=result-count]').textContent.startsWith(`${n} `), chosen.length);
  // The select shows the filter, and focus stays on the district's area on the redrawn map.
  assert.equal(await page.getByTestId('district').inputValue(), target);
  await page.waitForFunction(id => document.activeElement?.dataset.area === id, target);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-labelledby') != null), true);
  await assertClean(assert, page, log);
  await page.close();
});
