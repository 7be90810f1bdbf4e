// Takes screenshots of a page at phone and desktop width: node scripts/screenshot.mjs URL OUT-PREFIX
import { launch } from '../tests/e2e/browser.mjs';

const [url, out = 'shot'] = process.argv.slice(2);
const context = await launch();
for (const [name, width] of [['390', 390], ['1280', 1280]]) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(url);
  await page.waitForSelector('main h1');
  await page.screenshot({ path: `${out}-${name}.png`, fullPage: true });
  console.log(`${out}-${name}.png`);
  await page.close();
}
await context.close();
