// Takes screenshots of a page at phone and desktop width:
//   node scripts/screenshot.mjs URL OUT-PREFIX [FILE …]
// With a search in the address (#/?q=… or #/suche?q=…), after its results have arrived.
// With files, they are chosen in the Datenwerkstatt (URL …#/datenwerkstatt) before the shot.
import { launch } from '../tests/e2e/browser.mjs';

const [url, out = 'shot', ...files] = process.argv.slice(2);
const context = await launch();
for (const [name, width] of [['390', 390], ['1280', 1280]]) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(url);
  await page.waitForSelector('main h1');
  // A search in the address: its results.
  if (/#\/(suche)?\?(.*&)?q=/.test(url)) await page.waitForFunction(() => document.querySelector('[data-testid=search-count]')?.textContent);
  if (files.length) {
    await page.getByTestId('workshop-input').setInputFiles(files);
    await page.getByTestId('workshop-summary').waitFor();
  }
  await page.screenshot({ path: `${out}-${name}.png`, fullPage: true });
  console.log(`${out}-${name}.png`);
  await page.close();
}
await context.close();
