// One test per matching rule of SPEC.md (§2, §3, §4).

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { compilePattern, explainMiss, matchEvent, parseEvent } from '../../src/engine';
import { envelope, matches } from '../support/engine';

test('§2.1 AND across fields, OR inside a list', () => {
  const pattern = { source: ['a', 'b'], 'detail-type': ['t'] };
  assert.equal(matches(pattern, { source: 'b', 'detail-type': 't' }), true);
  assert.equal(matches(pattern, { source: 'b', 'detail-type': 'u' }), false);
  assert.equal(matches({ k: [{ exists: true }, { prefix: 'IGNORED' }] }, { k: 'x' }), true);
});

test('§2.2 fields not in the pattern are ignored', () => {
  assert.equal(matches({ a: ['x'] }, { a: 'x', b: 'y' }), true);
});

test('§2.3 dotted keys and nesting are the same path, both ways', () => {
  assert.equal(matches({ 'state.status': ['on'] }, { state: { status: 'on' } }), true);
  assert.equal(matches({ state: { status: ['on'] } }, { 'state.status': 'on' }), true);
  assert.equal(matches({ state: { status: ['on'] } }, { state: { Status: 'on' } }), false);
});

test('§2.4 leaf tests never match objects', () => {
  assert.equal(matches({ a: ['x'] }, { a: { b: 'x' } }), false);
  assert.equal(matches({ a: { b: ['x'] } }, { a: 'x' }), false);
});

test('§2.5 arrays: any element; objects crushed; empty arrays hold nothing', () => {
  assert.equal(matches({ r: ['y'] }, { r: ['x', 'y'] }), true);
  assert.equal(matches({ a: { id: [{ exists: true }] } }, { a: [{ id: 1 }, { other: 2 }] }), true);
  assert.equal(matches({ a: [null] }, { a: [] }), false);
  assert.equal(matches({ a: [{ exists: true }] }, { a: [] }), false);
  assert.equal(matches({ a: [1] }, { a: [[0, [1]]] }), true);
});

test('§2.6 fields of one array element must match in the same element', () => {
  const event = {
    e: [
      { f: 'Anna', l: 'Smith' },
      { f: 'Peter', l: 'Jones' },
    ],
  };
  assert.equal(matches({ e: { f: ['Anna'], l: ['Jones'] } }, event), false);
  assert.equal(matches({ e: { f: ['Anna'], l: ['Smith'] } }, event), true);
  assert.equal(matches({ e: { f: ['Anna'] }, top: ['x'] }, { ...event, top: 'x' }), true);
});

test('§2.7 missing, null and empty string are different', () => {
  assert.equal(matches({ a: [null] }, { a: null }), true);
  assert.equal(matches({ a: [null] }, { a: 'null' }), false);
  assert.equal(matches({ a: [null] }, {}), false);
  assert.equal(matches({ a: [''] }, { a: '' }), true);
  assert.equal(matches({ a: [''] }, { a: null }), false);
});

test('§2.8 types are never coerced', () => {
  assert.equal(matches({ a: [{ prefix: '1' }] }, { a: 12 }), false);
  assert.equal(matches({ a: [true] }, { a: 'true' }), false);
  assert.equal(matches({ a: [{ numeric: ['>', 1] }] }, { a: '300' }), false);
  assert.equal(matches({ a: [{ numeric: ['>', 1] }] }, { a: null }), false);
  assert.equal(matches({ a: [{ wildcard: '*' }] }, { a: 5 }), false);
  assert.equal(matches({ a: ['5'] }, { a: 5 }), false);
});

test('§2.9 strings compare exactly; * and \\ in exact values are plain characters', () => {
  assert.equal(matches({ a: ['x '] }, { a: 'x' }), false);
  assert.equal(matches({ a: ['a*b\\c'] }, { a: 'a*b\\c' }), true);
  assert.equal(matches({ a: ['😀'] }, { a: '😀' }), true);
});

test('§3.1/§4 numbers compare by value, not spelling; huge integers only literally', () => {
  assert.equal(matches('{"a": [300]}', '{"a": 300.0}'), true);
  assert.equal(matches('{"a": [300]}', '{"a": 3.0e2}'), true);
  assert.equal(matches('{"a": [0]}', '{"a": -0.0}'), true);
  assert.equal(matches('{"a": [123456789012345678901]}', '{"a": 123456789012345678901}'), true);
  assert.equal(matches('{"a": [123456789012345678901]}', '{"a": 123456789012345678902}'), false);
});

test('§3.1 an exact IP string matches other spellings of the address', () => {
  const expanded = '2001:0db8:0000:0000:0000:0000:0000:0001';
  assert.equal(matches({ ip: ['2001:db8::1'] }, { ip: expanded }), true);
});

test('§3.2–3.5 prefix, suffix, equals-ignore-case', () => {
  assert.equal(matches({ a: [{ prefix: '' }] }, { a: 'anything' }), true);
  const prefixIgnoringCase = { a: [{ prefix: { 'equals-ignore-case': 'EventB' } }] };
  assert.equal(matches(prefixIgnoringCase, { a: 'EvEnTbridge' }), true);
  assert.equal(matches({ a: [{ suffix: '.PNG' }] }, { a: 'image.png' }), false);
  const suffixIgnoringCase = { a: [{ suffix: { 'equals-ignore-case': '.png' } }] };
  assert.equal(matches(suffixIgnoringCase, { a: 'image.PNG' }), true);
  assert.equal(matches({ a: [{ 'equals-ignore-case': '' }] }, { a: '' }), true);
  assert.equal(matches({ a: [{ 'equals-ignore-case': '' }] }, { a: 'x' }), false);
  assert.equal(matches({ a: [{ 'equals-ignore-case': 'straße' }] }, { a: 'STRASSE' }), true);
});

test('§3.6 anything-but: present, null passes, other types pass, per element', () => {
  const notX = { a: [{ 'anything-but': 'x' }] };
  assert.equal(matches(notX, {}), false);
  assert.equal(matches(notX, { a: null }), true);
  assert.equal(matches(notX, { a: 12 }), true);
  assert.equal(matches(notX, { a: 'x' }), false);
  assert.equal(matches(notX, { a: ['x', 'y'] }), true);
  assert.equal(matches(notX, { a: [] }), false);
  assert.equal(matches(notX, { a: { b: 'y' } }), false);
  assert.equal(matches('{"a": [{"anything-but": 300}]}', '{"a": 3.0e2}'), false);
  assert.equal(matches({ a: [{ 'anything-but': { prefix: 'init' } }] }, { a: 'initializing' }), false);
  assert.equal(matches({ a: [{ 'anything-but': { suffix: ['.a', '.b'] } }] }, { a: 'x.c' }), true);
  assert.equal(matches({ a: [{ 'anything-but': { 'equals-ignore-case': ['Stopped'] } }] }, { a: 'STOPPED' }), false);
  assert.equal(matches({ a: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, { a: 'x/lib/y' }), false);
  assert.equal(matches({ a: [{ 'anything-but': { wildcard: '' } }] }, { a: 'x' }), true);
});

test('§3.7/3.8 numeric ranges; a list of ranges is an OR', () => {
  const range = { n: [{ numeric: ['>', 0, '<=', 5] }] };
  assert.equal(matches(range, { n: 5 }), true);
  assert.equal(matches(range, { n: 0 }), false);
  assert.equal(matches('{"n": [{"numeric": [">", 100]}]}', '{"n": 101.0}'), true);
  assert.equal(matches('{"n": [{"numeric": ["=", 301.8]}]}', '{"n": 3.018e2}'), true);
  assert.equal(matches({ n: [{ numeric: ['>', 100] }, { 'anything-but': '101' }] }, { n: '42' }), true);
});

test('§3.9 exists: leaves only; false holds when missing, fails when any element has it', () => {
  assert.equal(matches({ a: [{ exists: true }] }, { a: null }), true);
  assert.equal(matches({ a: [{ exists: true }] }, { a: {} }), false);
  assert.equal(matches({ a: [{ exists: false }] }, {}), true);
  assert.equal(matches({ a: { b: [{ exists: false }] } }, { a: 'x' }), true);
  assert.equal(matches({ a: [{ exists: false }] }, { a: { b: 1 } }), true);
  assert.equal(matches({ a: { id: [{ exists: false }] } }, { a: [{ id: 1 }, { x: 2 }] }), false);
});

test('§3.10 cidr: inclusive, IPv6 spellings, invalid event text does not match', () => {
  const v4 = { ip: [{ cidr: '10.0.0.0/24' }] };
  assert.equal(matches(v4, { ip: '10.0.0.255' }), true);
  assert.equal(matches(v4, { ip: '10.0.1.0' }), false);
  assert.equal(matches(v4, { ip: '10.0.0.256' }), false);
  const v6 = { ip: [{ cidr: '2001:db8:1234:1a00::/64' }] };
  assert.equal(matches(v6, { ip: '2001:DB8:1234:1A00::9' }), true);
  assert.equal(matches(v6, { ip: '2001:0db8:1234:1a00:0000:0000:0000:0009' }), true);
});

test('§3.11 wildcard: whole string, escapes, only strings', () => {
  assert.equal(matches({ a: [{ wildcard: '*.png' }] }, { a: 'dir/x.png' }), true);
  assert.equal(matches({ a: [{ wildcard: '*.png' }] }, { a: 'dir/x.png.bak' }), false);
  assert.equal(matches({ a: [{ wildcard: '' }] }, { a: '' }), true);
  assert.equal(matches({ a: [{ wildcard: '' }] }, { a: 'x' }), false);
  assert.equal(matches({ a: [{ wildcard: 'a\\*b' }] }, { a: 'a*b' }), true);
  assert.equal(matches({ a: [{ wildcard: 'a\\*b' }] }, { a: 'axb' }), false);
});

test('§3.12 $or at any level, nested', () => {
  const pattern = {
    detail: { $or: [{ a: ['1'] }, { $or: [{ b: ['2'] }, { c: ['3'] }] }] },
  };
  assert.equal(matches(pattern, { detail: { c: '3' } }), true);
  assert.equal(matches(pattern, { detail: { d: '4' } }), false);
});

test('explains a miss: path, expected alternatives, values seen', () => {
  const compiled = compilePattern(JSON.stringify({ detail: { mediaType: ['voice'] } }));
  const event = parseEvent(JSON.stringify(envelope({ detail: { mediaType: 'VOICE' } })));
  assert.ok(compiled.pattern && event.ok);
  const result = matchEvent(compiled.pattern, event.event);
  assert.equal(result.matched, false);
  assert.deepEqual(result.failures.map((f) => [f.path, f.reason, f.actual]), [
    ['detail.mediaType', 'no-value-matched', ['"VOICE"']],
  ]);
  assert.equal(
    explainMiss(result),
    'No match: detail.mediaType: expected "voice", but the event has "VOICE"',
  );
});

test('explains the closest $or alternative', () => {
  const compiled = compilePattern(JSON.stringify({
    $or: [{ a: ['1'], b: ['2'] }, { c: ['3'] }],
  }));
  const event = parseEvent(JSON.stringify({ a: '1', b: '9' }), { requireEnvelope: false });
  assert.ok(compiled.pattern && event.ok);
  const result = matchEvent(compiled.pattern, event.event);
  assert.equal(result.branchIndex, 0);
  assert.deepEqual(result.failures.map((f) => f.path), ['b']);
});

test('events: non-objects and envelope-less objects are rejected like TestEventPattern', () => {
  for (const text of ['plain string', '["plain string"]', '{"testEvent": "value"}']) {
    const parsed = parseEvent(text);
    assert.ok(!parsed.ok);
    assert.equal(parsed.error, 'Parameter Event is not valid.');
  }
  assert.ok(parseEvent(JSON.stringify(envelope())).ok);
});

// Termination, not speed, is asserted here: the runner's timeout fails a search that never ends.
test('hostile array-consistency searches stay bounded', { timeout: 30_000 }, () => {
  const elements = Array.from({ length: 60 }, (_, i) => ({ x: 'v', y: 'v', z: i }));
  const pattern = { e: { x: ['v'], y: ['v'], z: [-1] } };
  assert.equal(matches(pattern, { e: elements }), false);
});

test('§3.1/§3.7 numbers a double cannot hold are compared only as text', () => {
  assert.equal(matches('{"n": [9007199254740993]}', '{"n": 9007199254740992}'), false);
  assert.equal(matches('{"n": [9007199254740993]}', '{"n": 9007199254740993}'), true);
  assert.equal(matches('{"n": [0.10000000000000001]}', '{"n": 0.1}'), false);
  assert.equal(matches('{"n": [{"numeric": [">", 0]}]}', '{"n": 9007199254740993}'), false);
  assert.equal(matches('{"n": [{"numeric": [">", 0]}]}', '{"n": 1e400}'), false);
  assert.equal(matches('{"n": [{"numeric": [">", 0]}]}', '{"n": 0.5}'), true);
});
