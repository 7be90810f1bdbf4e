// A real static web server for the browser tests: nginx from Debian on 127.0.0.1, with no
// fallback to index.html (like a city's web server) and the recommended security headers,
// including the strict Content-Security-Policy. Sites are folders under one root: the release
// build under a sub-path, and copies of it with broken data files.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
  "frame-ancestors *; report-uri /csp-report";

/** The headers every response gets (docs/deploy.md recommends the same set). */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** Build assets with a content hash in their name never change: cached for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html, config.json and the data: revalidated on every use, so new data shows at once. */
export const REVALIDATE = 'no-cache';

const headers = cache => Object.entries({ ...SECURITY_HEADERS, 'Cache-Control': cache })
  .map(([k, v]) => `add_header ${k} "${v}" always;`).join('\n      ');

/** Debian's libnginx-mod-http-brotli-static: serves the build's .br files when installed. */
export const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
/** Debian's libnginx-mod-http-brotli-filter: compresses the data files on the fly. */
export const BROTLI_FILTER_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so';

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

/**
 * Starts nginx serving `root`; returns { url, root, stop }. `locations`: more location blocks
 * for the server (the benchmark's reference site, compressed as its hosts would).
 */
export async function startServer({ locations = '' } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegmarke-nginx-'));
  const root = path.join(dir, 'www');
  fs.mkdirSync(root);
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  // Brotli like in production where Debian's module is installed (the benchmark's numbers then
  // are what readers get); otherwise gzip only.
  const brotli = fs.existsSync(BROTLI_MODULE);
  const brotliFilter = fs.existsSync(BROTLI_FILTER_MODULE);
  const conf = `
${brotli ? `load_module ${BROTLI_MODULE};` : ''}
${brotliFilter ? `load_module ${BROTLI_FILTER_MODULE};` : ''}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
${process.getuid && process.getuid() === 0 ? 'user root;' : ''}
events { worker_connections 256; }
http {
  types { text/html html; application/javascript js mjs; text/css css; application/json json;
          application/wasm wasm; image/svg+xml svg; image/png png; text/csv csv;
          application/atom+xml atom; text/calendar ics; application/ld+json jsonld;
          application/geo+json geojson; }
  default_type application/octet-stream;
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  gzip_static on;
  ${brotli ? 'brotli_static on;' : ''}
  # The data has no precompressed files (docs/deploy.md): compressed on the fly, as recommended.
  gzip on; gzip_types application/json text/csv application/atom+xml text/calendar application/ld+json application/geo+json;
  ${brotliFilter ? 'brotli on; brotli_types application/json text/csv application/atom+xml text/calendar application/ld+json application/geo+json;' : ''}
  server {
    listen 127.0.0.1:${port};
    root ${root};
    # Trunk's hashes are 64-bit hex without leading zeros (8-16 digits). add_header in a
    # location replaces the server's, so each location lists the whole set.
    location ~ "(-[0-9a-f]{8,16}(_bg)?(\\.min)?\\.(js|wasm|bin|css)|/locales/[a-z]+-[0-9a-f]{16}\\.json)$" {
      ${headers(IMMUTABLE)}
    }
    location / {
      ${headers(REVALIDATE)}
    }
    location = /csp-report { return 204; }
    ${locations}
    location /slow/ {
      limit_rate 2k;
      ${headers(REVALIDATE)}
    }
  }
}`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const proc = spawn('/usr/sbin/nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  // Wait until nginx answers (a condition, not a fixed sleep).
  for (let i = 0; i < 200; i++) {
    try { const r = await fetch(url + '/'); if (r.status) break; } catch { /* not yet */ }
    await new Promise(r => setTimeout(r, 25));
  }
  return {
    url, root, dir, brotli,
    stop: () => new Promise(resolve => { proc.once('exit', resolve); proc.kill('SIGQUIT'); }),
  };
}

/**
 * Publishes the build at `root/<prefix>/`, with `files` (path -> string or Buffer) replacing or
 * adding files, e.g. {'data/plan.json': '{'}. Unchanged files are hard links to dist/'s files
 * (copies across file systems): a site keeps serving the build it was made from even when dist/
 * is rebuilt during the run, which symlinks would not. Replaced files are unlinked first, so a
 * test never writes into dist/.
 */
export function makeSite(root, prefix, dist, files = {}) {
  const target = path.join(root, prefix);
  const link = (src, dst) => {
    for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
      const s = path.join(src, entry.name), d = path.join(dst, entry.name);
      if (entry.isDirectory()) { fs.mkdirSync(d, { recursive: true }); link(s, d); }
      else {
        try { fs.linkSync(s, d); } catch { fs.copyFileSync(s, d); }
      }
    }
  };
  fs.mkdirSync(target, { recursive: true });
  link(path.resolve(dist), target);
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(target, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.rmSync(p, { force: true });
    if (content !== null) fs.writeFileSync(p, content);
  }
  return target;
}

export function nginxAvailable() {
  try { execFileSync('/usr/sbin/nginx', ['-v'], { stdio: 'ignore' }); return true; } catch { return false; }
}
