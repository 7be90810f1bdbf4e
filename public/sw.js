// Wegmarke's service worker: after a first visit the dashboard opens, and shows the last data,
// without a network (docs/deploy.md, "Offline reading"). It handles only GET requests to its
// own origin inside its scope (the folder of index.html); it contacts no other host and keeps
// nothing but the dashboard's own files.
//
// - Build files named by their content hash (app-….js, part-….wasm, main-….css,
//   locales/en-….json, echarts-….min.js): cache first. A name never gets other content.
// - Everything else (index.html, config.json, the data, embed.js): network first, so an online
//   reader always gets the current app and data; the cached copy only when the network fails,
//   with the header `x-wegmarke-cached: <ISO time it was stored>`, which the app shows.
// - The shell (index.html, what it names, every WebAssembly part the app script names, the data
//   files index.html preloads) is cached at install and again whenever index.html changes, so
//   every page opens offline (with the district boundaries config.json names, for the maps);
//   hashed files the current index.html no longer needs are deleted.

const VERSION = 'wegmarke-offline-1';
/** Cache Storage is per origin, not per scope: two dashboards on one host keep apart. */
const CACHE = `${VERSION} ${self.registration.scope}`;
const CACHED_HEADER = 'x-wegmarke-cached';
/** `Vary: Accept-Encoding` (precompressed files) must not hide a stored copy. */
const ANY_VARY = { ignoreVary: true };
/** Trunk's and the build's content hashes (the same pattern as the nginx example's). */
const HASHED = /(-[0-9a-f]{8,16}(_bg)?(\.min)?\.(js|wasm|bin|css)|\/locales\/[a-z]+-[0-9a-f]{16}\.json)$/;

const scoped = url => url.origin === self.location.origin && url.href.startsWith(self.registration.scope);
const isHashed = url => HASHED.test(url.pathname);
/** A deep link's part with its chunks in one file (scripts/parts-pack.mjs): asked for only by a
 * page no worker controls, and left to the browser: the worker keeps the same files one by one. */
const isPack = url => /\/pack-\w+-[0-9a-f]{16}\.bin$/.test(url.pathname);
/** index.html, under whichever address the reader opened it. */
const isIndex = url => url.pathname === new URL(self.registration.scope).pathname ||
  url.href.split('?')[0] === new URL('index.html', self.registration.scope).href;
const indexKey = () => new URL('./', self.registration.scope).href;

self.addEventListener('install', event => {
  self.skipWaiting();
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const res = await fetch(indexKey(), { cache: 'no-cache', credentials: 'omit' });
    if (!res.ok) throw new Error(`index.html: HTTP ${res.status}`);
    await store(cache, indexKey(), res.clone());
    await syncShell(cache, await res.text());
  })());
});

self.addEventListener('activate', event => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.endsWith(` ${self.registration.scope}`) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', event => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (!scoped(url) || isPack(url)) return;
  if (isHashed(url)) event.respondWith(cacheFirst(event));
  else event.respondWith(networkFirst(event, url));
});

async function cacheFirst(event) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(event.request, ANY_VARY);
  if (hit) return hit;
  const res = await fetch(event.request);
  if (res.ok) event.waitUntil(cache.put(event.request, res.clone()));
  return res;
}

async function networkFirst(event, url) {
  const req = event.request;
  const navigation = req.mode === 'navigate';
  // A navigation to the dashboard (with any query) is index.html; the page is in the hash.
  const key = navigation && isIndex(url) ? indexKey() : req.url;
  const cache = await caches.open(CACHE);
  let res;
  try {
    // Revalidated even where the server sends no Cache-Control (a preload asks with the
    // default mode): a copy from the browser's HTTP cache could not say how old it is.
    res = await fetch(navigation ? req : new Request(req, { cache: 'no-cache' }));
  } catch (err) {
    const hit = await cache.match(key, ANY_VARY);
    if (hit) return hit;
    throw err;
  }
  // 404 is kept too: a missing config.json is normal and must stay "missing" offline. The
  // copies are taken now: the page reads the original.
  if (res.ok || res.status === 404) {
    const copy = res.clone();
    const fresh = key === indexKey() && res.ok;
    const text = fresh ? res.clone().text() : null;
    event.waitUntil((async () => {
      const before = fresh ? await cache.match(key, ANY_VARY) : null;
      await store(cache, key, copy);
      if (fresh) {
        const html = await text;
        if (!before || (await before.text()) !== html) await syncShell(cache, html);
      }
    })());
  }
  return res;
}

/** Keeps `res` under `key` with the time it was stored; the body is already decoded. */
async function store(cache, key, res) {
  const headers = new Headers(res.headers);
  headers.delete('content-encoding');
  headers.delete('content-length');
  headers.set(CACHED_HEADER, new Date().toISOString());
  const body = await res.arrayBuffer();
  await cache.put(key, new Response(body, { status: res.status, statusText: res.statusText, headers }));
}

/** The files index.html names: its scripts, styles, preloads, ECharts and the UI languages. */
function shellFiles(html) {
  const files = new Set();
  for (const m of html.matchAll(/\b(?:src|href)="(?:\.\/)?([^"#?:]+)"/g)) files.add(m[1]);
  for (const m of html.matchAll(/\.\/((?:locales\/)?[\w.-]+\.(?:js|json))\b/g)) files.add(m[1]);
  return files;
}

/** Caches what index.html (`html`) needs, with every WebAssembly file its app script names,
 * and deletes the hashed files it no longer needs. A file that cannot be had is left out: the
 * page that needs it is cached when it is first visited online. */
async function syncShell(cache, html) {
  const files = shellFiles(html);
  for (const f of [...files]) {
    if (!/^app-[0-9a-f]+\.js$/.test(f)) continue;
    const script = await fromCacheOrNetwork(cache, new URL(f, self.registration.scope).href);
    for (const m of (script || '').matchAll(/["'`]\.\/([\w.-]+\.wasm)["'`]/g)) files.add(m[1]);
  }
  const wanted = new Set([...files].map(f => new URL(f, self.registration.scope).href));
  await Promise.allSettled([...wanted].map(async href => {
    if (href === indexKey()) return;
    const hashed = isHashed(new URL(href));
    if (hashed && await cache.match(href, ANY_VARY)) return;
    // A hashed file the first view loaded comes from the browser's HTTP cache, without a request.
    const res = await fetch(href, { cache: hashed ? 'default' : 'no-cache', credentials: 'omit' });
    if (hashed && res.ok) await cache.put(href, res);
    else if (res.ok || res.status === 404) await store(cache, href, res);
  }));
  await syncBoundaries(cache);
  for (const req of await cache.keys()) {
    if (isHashed(new URL(req.url)) && !wanted.has(req.url)) await cache.delete(req);
  }
}

/** The district boundaries config.json names (`district_boundaries` in its data folder), so
 * that the maps open offline too; nothing when config.json names none. */
async function syncBoundaries(cache) {
  const stored = await cache.match(new URL('config.json', self.registration.scope).href, ANY_VARY);
  const config = stored ? await stored.json().catch(() => null) : null;
  if (!config || typeof config.district_boundaries !== 'string') return;
  const folder = typeof config.data === 'string' ? config.data : 'data/';
  const url = new URL(folder.replace(/\/?$/, '/') + config.district_boundaries, self.registration.scope);
  if (!scoped(url)) return;
  const res = await fetch(url.href, { cache: 'no-cache', credentials: 'omit' }).catch(() => null);
  if (res && (res.ok || res.status === 404)) await store(cache, url.href, res);
}

async function fromCacheOrNetwork(cache, href) {
  const hit = await cache.match(href, ANY_VARY);
  if (hit) return hit.text();
  const res = await fetch(href, { credentials: 'omit' }).catch(() => null);
  if (!res || !res.ok) return null;
  await cache.put(href, res.clone());
  return res.text();
}
