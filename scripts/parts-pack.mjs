// One request for a deep link's WebAssembly part and all its chunks. scripts/postbuild.py writes
// each part with the chunks it needs, end to end, as pack-<part>-<hash>.bin, and bundles this
// file into app-<hash>.js twice over: the early fetch calls startPack for the part the address
// needs, and wasm-split's loader asks packedFetch instead of fetch for every part file.
// A file the pack holds is cut out of it; any other file, or one whose pack failed, is
// fetched on its own as before. Compressed as one, the pack is also smaller than its files.
// A part that a page asks for only after its first screen (an indicator's chart) has a pack
// too, deferred: it is fetched when the loader first asks for one of its files. Pages opened
// later from inside the app use the packs as well (offerPacks): when the loader asks for a
// part's own file and at most a quarter of its pack has been fetched already, the pack comes
// in one request instead of its files one by one.
// No dependencies; nothing here throws.

/** File name -> Promise of its bytes, for the files of a started pack not yet taken. */
const waiting = new Map();

/** File name -> the function that starts its deferred pack (deferPack), until started. */
const deferred = new Map();

/** A part's own file name -> its pack, offered to the loader's later loads (offerPacks). */
const offered = new Map();

/** Every file packedFetch was asked for. */
const served = new Set();

/** The bytes of a pack's files together. */
const size = files => files.reduce((sum, [, length]) => sum + length, 0);

/** The last path segment of a URL or path, without query or fragment. */
export function fileName(url) {
  return String(url).split(/[?#]/)[0].split('/').pop();
}

/**
 * Fetches a pack and makes its files available to packedFetch.
 * @param {string} href the pack, e.g. `./pack-pages-0123456789abcdef.bin`
 * @param {[string, number][]} files each file in the pack, in order, with its length in bytes
 * @param {typeof fetch} fetchImpl
 * @param {Set<string>} skip files not to hand out (the loader has them already)
 */
export function startPack(href, files, fetchImpl = globalThis.fetch, skip = new Set()) {
  const total = size(files);
  const body = Promise.resolve()
    .then(() => fetchImpl(href))
    .then(response => {
      if (!response.ok) throw new Error(`${href}: HTTP ${response.status}`);
      return response.arrayBuffer();
    })
    .then(buffer => {
      if (buffer.byteLength !== total) throw new Error(`${href}: ${buffer.byteLength} bytes, not ${total}`);
      return buffer;
    });
  let offset = 0;
  for (const [name, length] of files) {
    const start = offset;
    offset += length;
    if (skip.has(name)) continue;
    const bytes = body.then(buffer => buffer.slice(start, start + length));
    bytes.catch(() => {});
    waiting.set(name, bytes);
  }
}

/**
 * Makes a pack available without fetching it yet: the first packedFetch of one of its files
 * starts it (startPack), and the others are then taken from it as well.
 * @param {string} href the pack, e.g. `./pack-chart-0123456789abcdef.bin`
 * @param {[string, number][]} files each file in the pack, in order, with its length in bytes
 * @param {typeof fetch} fetchImpl
 */
export function deferPack(href, files, fetchImpl = globalThis.fetch) {
  const start = () => {
    for (const [name] of files) deferred.delete(name);
    startPack(href, files, fetchImpl);
  };
  for (const [name] of files) deferred.set(name, start);
}

/**
 * Offers packs for the loader's later loads: each pack is keyed by its first file, the part's
 * own (write_packs in scripts/postbuild.py puts it first).
 * @param {{ href: string, files: [string, number][] }[]} packs
 */
export function offerPacks(packs) {
  for (const pack of packs) offered.set(pack.files[0]?.[0], pack);
}

/**
 * Starts the offered pack whose first file is `name`, once, unless its files are under way
 * already or more than a quarter of its bytes has been fetched before (then the loader's
 * file-by-file requests for what it still lacks cost less than the pack).
 */
function offer(name, fetchImpl) {
  const pack = offered.get(name);
  if (!pack) return;
  offered.delete(name);
  if (pack.files.some(([f]) => waiting.has(f) || deferred.has(f) || f === name && served.has(f))) return;
  const had = size(pack.files.filter(([f]) => served.has(f)));
  if (had * 4 > size(pack.files)) return;
  startPack(pack.href, pack.files, fetchImpl, served);
}

/**
 * `fetch` for wasm-split's loader: a file of a started pack comes out of the pack (once), as a
 * response that WebAssembly.instantiateStreaming takes; any other file, and a file whose pack
 * could not be had, from the network.
 * @param {URL | string} url
 * @param {typeof fetch} fetchImpl
 * @returns {Promise<Response>}
 */
export function packedFetch(url, fetchImpl = globalThis.fetch) {
  const name = fileName(url);
  deferred.get(name)?.();
  offer(name, fetchImpl);
  served.add(name);
  const bytes = waiting.get(name);
  if (!bytes) return fetchImpl(url);
  waiting.delete(name);
  return bytes.then(
    b => new Response(b, { headers: { 'content-type': 'application/wasm' } }),
    () => fetchImpl(url),
  );
}
