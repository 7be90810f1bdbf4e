import { startServer, makeSite } from '../tests/e2e/server.mjs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
const server = await startServer();
makeSite(server.root, 'app', '/work/main/dist');
const [hash, ...extra] = process.argv.slice(2);
const r = spawnSync(process.execPath, ['tools/node_modules/lighthouse/cli/index.js', `${server.url}/app/${hash}`, '--only-categories=performance', '--output=json', '--output-path=/tmp/lh.json', '--quiet',
  `--chrome-flags=--headless=new --no-sandbox --disable-gpu --user-data-dir=${fs.mkdtempSync('/tmp/lhu-')}`, ...extra], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } });
const l = JSON.parse(fs.readFileSync('/tmp/lh.json'));
const a = id => Math.round(l.audits[id].numericValue);
console.log(hash, extra.join(' '), 'score', Math.round(l.categories.performance.score * 100), 'FCP', a('first-contentful-paint'), 'LCP', a('largest-contentful-paint'), 'TBT', a('total-blocking-time'), 'requests', l.audits['network-requests'].details.items.length);
await server.stop();
