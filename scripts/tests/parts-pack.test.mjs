// scripts/parts-pack.mjs: a pack's files come out of it once each, byte for byte; anything else,
// and every file of a pack that fails or is cut short, comes from the network as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deferPack, fileName, offerPacks, packedFetch, startPack } from '../parts-pack.mjs';

const bytes = (...xs) => new Uint8Array(xs);
const read = async response => new Uint8Array(await response.arrayBuffer());

/** A stand-in for fetch: answers from `files` (name -> Uint8Array or HTTP status), counts calls. */
function server(files) {
  const asked = [];
  const fetchImpl = async url => {
    const name = fileName(url);
    asked.push(name);
    const body = files[name];
    if (body === undefined) throw new TypeError(`no route to ${name}`);
    if (typeof body === 'number') return new Response('', { status: body });
    return new Response(body, { headers: { 'content-type': 'application/octet-stream' } });
  };
  return { fetchImpl, asked };
}

test('a file name is the last path segment without query or fragment', () => {
  assert.equal(fileName(new URL('https://x.example/a/b/part-c-0123.wasm?x=1#y')), 'part-c-0123.wasm');
  assert.equal(fileName('./pack-pages-0123.bin'), 'pack-pages-0123.bin');
});

test("a pack's files come out of it, byte for byte, as wasm responses, with one request", async () => {
  const { fetchImpl, asked } = server({ 'pack-a-1.bin': bytes(1, 2, 3, 4, 5, 6) });
  startPack('./pack-a-1.bin', [['a1.wasm', 2], ['a0.wasm', 0], ['a2.wasm', 4]], fetchImpl);
  const [one, none, two] = await Promise.all(['a1.wasm', 'a0.wasm', 'a2.wasm']
    .map(f => packedFetch(new URL(`http://x.example/app/${f}`), fetchImpl)));
  assert.deepEqual(await read(one), bytes(1, 2));
  assert.deepEqual(await read(none), bytes());
  assert.deepEqual(await read(two), bytes(3, 4, 5, 6));
  assert.equal(one.headers.get('content-type'), 'application/wasm', 'instantiateStreaming needs the wasm type');
  assert.deepEqual(asked, ['pack-a-1.bin']);
});

test('a file is taken from the pack once; asked again, and any other file, it comes from the network', async () => {
  const { fetchImpl, asked } = server({ 'pack-b-1.bin': bytes(7, 8), 'b1.wasm': bytes(9), 'other.wasm': bytes(5) });
  startPack('./pack-b-1.bin', [['b1.wasm', 2]], fetchImpl);
  assert.deepEqual(await read(await packedFetch('./b1.wasm', fetchImpl)), bytes(7, 8));
  assert.deepEqual(await read(await packedFetch('./b1.wasm', fetchImpl)), bytes(9));
  assert.deepEqual(await read(await packedFetch('./other.wasm', fetchImpl)), bytes(5));
  assert.deepEqual(asked, ['pack-b-1.bin', 'b1.wasm', 'other.wasm']);
});

for (const [why, pack] of [['refused (HTTP 404)', 404], ['unreachable', undefined], ['cut short', bytes(1, 2)]]) {
  test(`a pack that is ${why}: its files come from the network, one by one`, async () => {
    const files = { 'c1.wasm': bytes(1, 2), 'c2.wasm': bytes(3) };
    if (pack !== undefined) files['pack-c-1.bin'] = pack;
    const { fetchImpl, asked } = server(files);
    startPack('./pack-c-1.bin', [['c1.wasm', 2], ['c2.wasm', 1]], fetchImpl);
    assert.deepEqual(await read(await packedFetch('./c1.wasm', fetchImpl)), bytes(1, 2));
    assert.deepEqual(await read(await packedFetch('./c2.wasm', fetchImpl)), bytes(3));
    assert.deepEqual(asked, ['pack-c-1.bin', 'c1.wasm', 'c2.wasm']);
  });
}

test('a deferred pack is fetched only when one of its files is first asked for, then once for all', async () => {
  const { fetchImpl, asked } = server({ 'pack-d-1.bin': bytes(1, 2, 3), 'elsewhere.wasm': bytes(4) });
  deferPack('./pack-d-1.bin', [['d1.wasm', 1], ['d2.wasm', 2]], fetchImpl);
  assert.deepEqual(await read(await packedFetch('./elsewhere.wasm', fetchImpl)), bytes(4));
  assert.deepEqual(asked, ['elsewhere.wasm'], 'a file outside the pack does not start it');
  const [two, one] = await Promise.all(['d2.wasm', 'd1.wasm'].map(f => packedFetch(`./${f}`, fetchImpl)));
  assert.deepEqual(await read(two), bytes(2, 3));
  assert.deepEqual(await read(one), bytes(1));
  assert.deepEqual(asked, ['elsewhere.wasm', 'pack-d-1.bin']);
});

test('a deferred pack that fails gives its files from the network, and is not asked for again', async () => {
  const { fetchImpl, asked } = server({ 'pack-e-1.bin': 503, 'e1.wasm': bytes(1), 'e2.wasm': bytes(2) });
  deferPack('./pack-e-1.bin', [['e1.wasm', 1], ['e2.wasm', 1]], fetchImpl);
  assert.deepEqual(await read(await packedFetch('./e1.wasm', fetchImpl)), bytes(1));
  assert.deepEqual(await read(await packedFetch('./e2.wasm', fetchImpl)), bytes(2));
  assert.deepEqual(await read(await packedFetch('./e1.wasm', fetchImpl)), bytes(1));
  assert.deepEqual(asked, ['pack-e-1.bin', 'e1.wasm', 'e2.wasm', 'e1.wasm']);
});

test("an offered pack comes in one request when the loader asks for its part's own file first", async () => {
  const { fetchImpl, asked } = server({ 'pack-f-1.bin': bytes(1, 2, 3, 4) });
  offerPacks([{ href: './pack-f-1.bin', files: [['split_f.wasm', 2], ['f-chunk.wasm', 2]] }]);
  const [own, chunk] = await Promise.all(['split_f.wasm', 'f-chunk.wasm'].map(f => packedFetch(`./${f}`, fetchImpl)));
  assert.deepEqual(await read(own), bytes(1, 2));
  assert.deepEqual(await read(chunk), bytes(3, 4));
  assert.deepEqual(asked, ['pack-f-1.bin']);
});

test('an offered pack whose files the loader mostly has already is not fetched: the rest comes file by file', async () => {
  const { fetchImpl, asked } = server({
    'pack-g-1.bin': bytes(1, 2, 3, 4, 5, 6), 'g-shared.wasm': bytes(1, 2, 3, 4, 5), 'split_g.wasm': bytes(6),
  });
  // A chunk of five of the pack's six bytes came with another part before.
  assert.deepEqual(await read(await packedFetch('./g-shared.wasm', fetchImpl)), bytes(1, 2, 3, 4, 5));
  offerPacks([{ href: './pack-g-1.bin', files: [['split_g.wasm', 1], ['g-shared.wasm', 5]] }]);
  assert.deepEqual(await read(await packedFetch('./split_g.wasm', fetchImpl)), bytes(6));
  assert.deepEqual(asked, ['g-shared.wasm', 'split_g.wasm']);
});

test('an offered pack is not fetched for a file that is not its first, nor twice', async () => {
  const { fetchImpl, asked } = server({ 'pack-h-1.bin': bytes(1, 2), 'h-chunk.wasm': bytes(2), 'split_h.wasm': bytes(1) });
  offerPacks([{ href: './pack-h-1.bin', files: [['split_h.wasm', 1], ['h-chunk.wasm', 1]] }]);
  assert.deepEqual(await read(await packedFetch('./h-chunk.wasm', fetchImpl)), bytes(2));
  assert.deepEqual(await read(await packedFetch('./split_h.wasm', fetchImpl)), bytes(1), 'half of it is here: file by file');
  assert.deepEqual(await read(await packedFetch('./split_h.wasm', fetchImpl)), bytes(1));
  assert.deepEqual(asked, ['h-chunk.wasm', 'split_h.wasm', 'split_h.wasm']);
});
