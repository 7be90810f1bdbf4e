// Which WebAssembly part a location hash needs, by the table in src/route-parts.json. Bundled
// into app-<hash>.js by scripts/postbuild.py, so that a deep link asks for its part beside the
// main module; the same rule as Location::parse in src/route.rs, checked against the table's
// "cases" by scripts/tests/route-parts.test.mjs (and by a native test on the Rust side).
// No dependencies, and nothing here throws: it runs before the app, on any address.

/**
 * Percent-decodes one path segment like `decode` in src/route.rs: `+` becomes a space, an
 * escape that is not two hexadecimal digits stays as it is, and bytes that are not UTF-8
 * become U+FFFD.
 * @param {string} segment
 * @returns {string}
 */
export function decode(segment) {
  const bytes = new TextEncoder().encode(segment);
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x25 /* % */) {
      const hex = String.fromCharCode(bytes[i + 1] ?? 0x20, bytes[i + 2] ?? 0x20);
      // Rust's u8::from_str_radix also takes a leading '+' ("%+5" is byte 5): mirrored, so
      // both sides give the same segment for any address.
      if (i + 2 < bytes.length && /^\+?[0-9A-Fa-f]+$/.test(hex)) {
        out.push(parseInt(hex, 16));
        i += 2;
      } else {
        out.push(b);
      }
    } else if (b === 0x2b /* + */) {
      out.push(0x20);
    } else {
      out.push(b);
    }
  }
  return new TextDecoder().decode(new Uint8Array(out));
}

/**
 * The path segments of a location hash: without a leading `#`, cut at the first `?`, split
 * on `/`, empty segments dropped, each percent-decoded.
 * @param {string} hash e.g. `#/massnahme/M-1.2?x=y`
 * @returns {string[]}
 */
export function segments(hash) {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = h.indexOf('?');
  return (q < 0 ? h : h.slice(0, q)).split('/').filter(s => s !== '').map(decode);
}

/**
 * The part a page needs: the `part` of the first route whose path matches the hash segment
 * by segment (`*` is any one segment), or null (the overview, a page that does not exist).
 * @param {string} hash
 * @param {{ path: string, part: string | null }[]} routes
 * @returns {string | null}
 */
export function partOf(hash, routes) {
  const have = segments(String(hash ?? ''));
  for (const { path, part } of routes) {
    const want = path.split('/').filter(s => s !== '');
    if (want.length === have.length && want.every((w, i) => w === '*' || w === have[i])) {
      return part ?? null;
    }
  }
  return null;
}
