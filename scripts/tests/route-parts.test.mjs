// partOf (scripts/route-parts.mjs) against every case in src/route-parts.json, the cases the
// native test checks Location::parse + Route::part against: both languages give one answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { decode, partOf } from '../route-parts.mjs';

const table = JSON.parse(fs.readFileSync(new URL('../../src/route-parts.json', import.meta.url), 'utf8'));

test('the table has routes and cases', () => {
  assert.ok(Array.isArray(table.routes) && table.routes.length > 0, 'src/route-parts.json: "routes" is empty');
  assert.ok(Object.keys(table.cases).length > 0, 'src/route-parts.json: "cases" is empty');
  for (const r of table.routes) {
    assert.equal(typeof r.path, 'string', `route ${JSON.stringify(r)}: path is not a string`);
    assert.ok(r.part === null || typeof r.part === 'string', `route ${JSON.stringify(r)}: part is neither null nor a name`);
  }
});

for (const [hash, part] of Object.entries(table.cases)) {
  test(`case ${JSON.stringify(hash)} needs part ${JSON.stringify(part)}`, () => {
    assert.equal(partOf(hash, table.routes), part);
  });
}

test('a segment is decoded like decode in src/route.rs', () => {
  assert.equal(decode('M%2F1'), 'M/1');
  assert.equal(decode('t%C3%BCrkisch+kurs'), 'türkisch kurs');
  assert.equal(decode('%'), '%');
  assert.equal(decode('%4'), '%4');
  assert.equal(decode('%zz'), '%zz');
  assert.equal(decode('%%41'), '%A');
  assert.equal(decode('%+5'), '\u0005'); // u8::from_str_radix accepts a leading '+'
  assert.equal(decode('%-5'), '%-5');
  assert.equal(decode('%ff'), '\uFFFD');
  assert.equal(decode('a%C3'), 'a\uFFFD');
  assert.equal(decode('%C3%'), '\uFFFD%');
  assert.equal(decode('ä%C3%A4'), 'ää');
});

test('the first matching route wins and a route matches whole paths only', () => {
  const routes = [{ path: 'a/*', part: 'one' }, { path: 'a/b', part: 'two' }, { path: '*', part: null }];
  assert.equal(partOf('#/a/b', routes), 'one');
  assert.equal(partOf('#/a', routes), null);
  assert.equal(partOf('#/a/b/c', routes), null);
  assert.equal(partOf('a/x?y=/z', routes), 'one');
});

test('no address throws', () => {
  for (const hash of ['%', '#/%E0%A4%A', '#/\uD800', '#?', '#/?/', '#' + '%'.repeat(1000), undefined, null]) {
    assert.doesNotThrow(() => partOf(hash, table.routes), `partOf(${JSON.stringify(hash)})`);
  }
});
