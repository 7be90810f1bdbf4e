// Runs the browser tests: starts nginx on 127.0.0.1 with the release build (dist/) published
// under a sub-path, runs every *.test.mjs with node's test runner, stops nginx.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, makeSite } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.env.DIST || path.resolve(here, '../../dist'));
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error('dist/index.html missing: run `trunk build --release` first');
  process.exit(1);
}
const server = await startServer();
makeSite(server.root, 'integration/monitor', dist);
const only = process.argv.slice(2);
const files = (only.length ? only : fs.readdirSync(here).filter(f => f.endsWith('.test.mjs')).sort())
  .map(f => path.join(here, path.basename(f)));
const code = await new Promise(resolve => {
  const child = spawn(process.execPath, ['--test', '--test-concurrency=1', ...files], {
    stdio: 'inherit',
    env: { ...process.env, WEGMARKE_URL: server.url, WEGMARKE_ROOT: server.root, WEGMARKE_DIST: dist },
  });
  child.on('exit', c => resolve(c ?? 1));
});
await server.stop();
process.exit(code);
