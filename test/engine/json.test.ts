import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lineAndColumn, parseJson } from '../../src/engine/json';

function syntaxError(text: string): { reason: string; at: string } {
  const result = parseJson(text);
  assert.ok(!result.ok, `expected a syntax error for ${text}`);
  const { reason, offset, length } = result.error;
  return { reason, at: text.slice(offset, offset + length) };
}

test('keeps offsets and the raw text of numbers', () => {
  const text = '{"a": [300.0, 3.0e2, -0]}';
  const result = parseJson(text);
  assert.ok(result.ok && result.root.type === 'object');
  const list = result.root.members[0]!.value;
  assert.ok(list.type === 'array');
  assert.deepEqual(list.items.map((n) => (n.type === 'number' ? n.raw : '')), ['300.0', '3.0e2', '-0']);
  assert.equal(text.slice(list.offset, list.offset + list.length), '[300.0, 3.0e2, -0]');
});

test('keeps duplicate keys in order', () => {
  const result = parseJson('{"a": 1, "a": 2}');
  assert.ok(result.ok && result.root.type === 'object');
  assert.deepEqual(result.root.members.map((m) => m.key), ['a', 'a']);
});

test('words syntax errors as Jackson does (AWS-recorded texts)', () => {
  assert.deepEqual(syntaxError('this is valid json but not a dict'), {
    reason: "Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or " +
      "token 'null', 'true' or 'false')",
    at: 'this',
  });
  assert.deepEqual(syntaxError("{'bad': 'quotation'}"), {
    reason: "Unexpected character (''' (code 39)): was expecting double-quote to start field name",
    at: "'",
  });
  assert.equal(syntaxError('{"not": closed mark"').reason.startsWith("Unrecognized token 'closed'"), true);
});

test('reports the other syntax errors at the offending character', () => {
  assert.equal(syntaxError('{"a" 1}').reason,
    "Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value");
  assert.equal(syntaxError('{"a": [1 2]}').at, '2');
  assert.match(syntaxError('{"a": [1,]}').reason, /expected a valid value/);
  assert.match(syntaxError('{"a": 1,}').reason, /double-quote to start field name/);
  assert.match(syntaxError('{"a": 01}').reason, /Leading zeroes not allowed/);
  assert.match(syntaxError('{"a": "x\ny"}').reason, /Illegal unquoted character \(\(CTRL-CHAR, code 10\)\)/);
  assert.match(syntaxError('{"a": "\\q"}').reason, /Unrecognized character escape 'q'/);
  assert.match(syntaxError('// c\n{}').reason, /maybe a \(non-standard\) comment/);
  assert.match(syntaxError('{"a": [').reason, /Unexpected end-of-input/);
  assert.match(syntaxError('').reason, /No content/);
});

test('bounds nesting instead of overflowing the stack', () => {
  const deep = '['.repeat(10_000) + ']'.repeat(10_000);
  assert.match(syntaxError(deep).reason, /nesting depth \(1001\) exceeds the maximum allowed \(1000/);
  assert.ok(parseJson('['.repeat(1000) + ']'.repeat(1000)).ok);
});

test('keeps __proto__ as an ordinary key', () => {
  const result = parseJson('{"__proto__": {"polluted": [1]}}');
  assert.ok(result.ok && result.root.type === 'object');
  assert.equal(result.root.members[0]!.key, '__proto__');
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

test('reports trailing content without failing', () => {
  const result = parseJson('{} x');
  assert.ok(result.ok);
  assert.deepEqual(result.trailing, { offset: 3, length: 1 });
});

test('lineAndColumn is 1-based and handles CRLF', () => {
  assert.deepEqual(lineAndColumn('a\r\nbc', 4), { line: 2, column: 2 });
  assert.deepEqual(lineAndColumn('abc', 0), { line: 1, column: 1 });
});
