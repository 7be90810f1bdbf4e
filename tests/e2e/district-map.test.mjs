// District maps: where config.json names the district boundaries, the indicator page draws its
// values by district as a choropleth above the table, and the field page its measures per
// district; every area of the boundary file is drawn, districts without data are hatched, the
// file's own note ("schematic") is shown. Without the key: the tables alone, and no request.
// Expected values come from the data files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { APP, DIST, site, assertClean } from './env.mjs';

const read = f => JSON.parse(fs.readFileSync(path.join(DIST, f), 'utf8'));
const config = read('config.json');
const geo = read(path.join('data', config.district_boundaries));
const indicators = read('data/indicators.json').indicators;
const plan = read('data/plan.json');
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
  assert.equal(await map.locator('svg').getAttribute('role'), 'img');
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
  assert.deepEqual(asked, []);
  await assertClean(assert, page, log);
  await page.close();
});
