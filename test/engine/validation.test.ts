// One test per validation rule of SPEC.md (§1.2, §3, §6, §7): the reason text AWS gives, and the
// token the problem points at.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { compilePattern, ProblemCode } from '../../src/engine';
import { rejection } from '../support/engine';

function rejects(pattern: string, reason: string, at?: string, code?: string): void {
  const problem = rejection(pattern);
  assert.equal(problem.reason, reason);
  if (at !== undefined) assert.equal(problem.at, at);
  if (code !== undefined) assert.equal(problem.code, code);
}

function accepts(pattern: string): void {
  const result = compilePattern(pattern);
  const errors = result.problems.filter((p) => p.severity === 'error');
  assert.deepEqual(errors.map((e) => e.reason), []);
  assert.ok(result.pattern);
}

test('§1.2 the pattern must be an object', () => {
  rejects('["not", "a", "dict"]', 'Filter is not an object', '["not", "a", "dict"]');
  rejects('"x"', 'Filter is not an object');
});

test('§1.2 a member value must be an object or an array', () => {
  rejects('{"int": 42}', '"int" must be an object or an array', '42',
    ProblemCode.valueNotObjectOrArray);
  rejects('{"detail": {"state": "on"}}', '"state" must be an object or an array', '"on"');
});

test('§1.2 empty arrays and empty objects', () => {
  rejects('{"resources": []}', 'Empty arrays are not allowed', '[]', ProblemCode.emptyArray);
  rejects('{"detail": {}}', 'Empty objects are not allowed', '{}', ProblemCode.emptyObject);
});

test('§1.2 match values: nested arrays, empty and two-key expressions', () => {
  rejects('{"a": [["x"]]}', 'Match value must be String, number, true, false, or null', '["x"]');
  rejects('{"a": [{}]}', 'Match expression name not found', '{}');
  rejects('{"x": [{"exists": true, "extraKey": "v"}]}',
    'Only one key allowed in match expression', '"extraKey"');
});

test('§1.2 operator names are case-sensitive', () => {
  rejects('{"a": [{"NUMERIC": ["=", 5]}]}', 'Unrecognized match type NUMERIC', '"NUMERIC"',
    ProblemCode.unknownOperator);
  rejects('{"a": [{"EXISTS": true}]}', 'Unrecognized match type EXISTS');
});

test('§1.2 duplicate keys are accepted with a warning on the earlier one', () => {
  const text = '{"a": ["x"], "a": ["y"]}';
  const result = compilePattern(text);
  assert.ok(result.pattern);
  const warning = result.problems.find((p) => p.code === ProblemCode.duplicateKey);
  assert.ok(warning);
  assert.equal(warning.offset, 1);
  assert.equal(result.pattern.branches[0]!.length, 1);
});

test('§3.2–3.4 prefix and suffix operands', () => {
  rejects('{"time": [{"prefix": 123}]}', 'prefix match pattern must be a string', '123');
  rejects('{"time": [{"prefix": ["2022"]}]}', 'prefix match pattern must be a string');
  rejects('{"f": [{"suffix": 123}]}', 'suffix match pattern must be a string');
  rejects('{"f": [{"prefix": {"equals-ignore-case": 1}}]}',
    'equals-ignore-case match pattern must be a string');
  rejects('{"f": [{"prefix": {"wildcard": "x"}}]}', 'Unsupported prefix pattern: wildcard');
  rejects('{"f": [{"suffix": {}}]}', 'Suffix expression name not found');
  accepts('{"f": [{"prefix": ""}, {"suffix": {"equals-ignore-case": ".PNG"}}]}');
});

test('§3.5 equals-ignore-case takes one string', () => {
  rejects('{"d": [{"equals-ignore-case": ["x"]}]}',
    'equals-ignore-case match pattern must be a string');
  rejects('{"d": [{"equals-ignore-case": {"prefix": "ec2"}}]}',
    'equals-ignore-case match pattern must be a string');
});

test('§3.6 anything-but operand shapes', () => {
  const wrap = (operand: string): string => `{"s": [{"anything-but": ${operand}}]}`;
  rejects(wrap('null'), 'Value of anything-but must be an array or single string/number value.');
  rejects(wrap('["stopped", null]'),
    'Inside anything but list, start|null|boolean is not supported.', 'null');
  rejects(wrap('["a", 1]'),
    'Inside anything but list, either all values are number or string, mixed type is not supported');
  rejects(wrap('{"prefix": 123}'), 'prefix/suffix match pattern must be a string');
  rejects(wrap('{"prefix": ""}'), 'Null prefix/suffix not allowed');
  rejects(wrap('{"suffix": [null, ".txt"]}'), 'prefix/suffix match pattern must be a string');
  rejects(wrap('{"prefix": {"equals-ignore-case": "f"}}'),
    'Value of anything-but must be an array or single string/number value.');
  rejects(wrap('{"equals-ignore-case": [123, 456]}'),
    'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.');
  rejects(wrap('{"wildcard": [123, "*/dir/*"]}'), 'wildcard match pattern must be a string');
  rejects(wrap('{"numeric": [">", 1]}'), 'Unsupported anything-but pattern: numeric');
  accepts(wrap('{"wildcard": ""}'));
  accepts(wrap('{"prefix": ["init", "stop"]}'));
  accepts(wrap('[100, 200]'));
});

test('§3.7 numeric grammar', () => {
  const wrap = (operand: string): string => `{"c": [{"numeric": ${operand}}]}`;
  rejects(wrap('10'), 'Value of numeric must be an array.', '10');
  rejects(wrap('[">", 0, ">", 0]'), 'Bad numeric range operator: >');
  rejects(wrap('[">", 0, "<"]'), 'Value of < must be numeric');
  rejects(wrap('["=", true]'), 'Value of equals must be numeric');
  rejects(wrap('["<", 10, ">", 1]'), 'Too many elements in numeric expression');
  rejects(wrap('[">", 1, "<", 30, false]'), 'Too many terms in numeric range expression');
  rejects(wrap('[">", 30, "<", 1]'), 'Bottom must be less than top');
  rejects(wrap('["==", 1]'), 'Unrecognized numeric range operator: ==');
  rejects(wrap('[5]'), 'Invalid member in numeric match: 5');
  rejects(wrap('["=", 2.0e422]'), 'Cannot compare number : 2.0e422');
  rejects(wrap('["<", 1E-325]'), 'Cannot compare number : 1E-325');
  accepts(wrap('[">=", 0, "<", 100]'));
});

test('§3.9 exists takes a boolean', () => {
  rejects('{"x": [{"exists": "true"}]}', 'exists match pattern must be either true or false.');
});

test('§3.10 cidr operands', () => {
  rejects('{"ip": [{"cidr": "bad-filter"}]}', "Malformed CIDR, one '/' required");
  rejects('{"ip": [{"cidr": "bad-/64filter"}]}', 'Malformed CIDR, mask bits must be an integer');
  rejects('{"ip": [{"cidr": "xx.11.xx/8"}]}', 'Nonstandard IP address: xx.11.xx');
  rejects('{"ip": [{"cidr": ["10.0.0.0/8"]}]}', 'prefix match pattern must be a string');
  accepts('{"ip": [{"cidr": "10.0.0.0/24"}, {"cidr": "2001:db8::/32"}]}');
});

test('§3.11 wildcard operands, escapes and complexity', () => {
  rejects('{"a": [{"wildcard": 123}]}', 'wildcard match pattern must be a string');
  rejects('{"EventBusArn": [{"wildcard": "arn:aws:events:us-east-1:**:event-bus/*"}]}',
    'Consecutive wildcard characters at pos 26');
  rejects('{"EventBusArn": [{"wildcard": "*:*:*:*:*:event-bus/*"}]}',
    'Rule is too complex - try using fewer wildcard characters or fewer repeating character ' +
      'sequences after a wildcard character', undefined, ProblemCode.wildcardTooComplex);
  accepts('{"a": [{"wildcard": "*/lib/*"}, {"wildcard": "a\\\\*b"}]}');
});

test('§3.12 $or shapes', () => {
  rejects('{"$or": {"a": ["x"]}}', 'It must be an Array followed with $or.');
  rejects('{"$or": [{"a": ["x"]}]}', 'There must have at least 2 Objects in $or relationship.');
  rejects('{"$or": [{"a": ["x"]}, "b"]}', 'Only JSON object is allowed in array of $or relationship.');
  rejects('{"$or": [{"a": ["x"]}, {}]}', 'Empty objects are not allowed');
  rejects('{"$or": [{"a": ["x"]}, {"numeric": ["x"]}]}',
    'numeric is Ruler reserved fieldName which cannot be used inside $or.');
  accepts('{"detail": {"$or": [{"a": ["x"]}, {"b": [{"exists": true}]}]}}');
});

test('§6 more than 1000 $or combinations are rejected without expanding them', () => {
  const group = JSON.stringify(Array.from({ length: 10 }, (_, i) => ({ [`k${i}`]: ['v'] })));
  const four = `{"a": {"$or": ${group}}, "b": {"$or": ${group}}, "c": {"$or": ${group}}, ` +
    `"d": {"$or": ${group}}}`;
  const problem = rejection(four);
  assert.equal(problem.code, ProblemCode.tooManyCombinations);
  assert.match(problem.reason, /10000 rule combinations/);
  const three = `{"a": {"$or": ${group}}, "b": {"$or": ${group}}, "c": {"$or": ${group}}}`;
  const accepted = compilePattern(three, { maxPatternSize: 4096 });
  assert.equal(accepted.pattern?.branches.length, 1000);
});

test('§6 pattern size: 2048 by default, configurable, counted without white space', () => {
  const values = JSON.stringify(Array.from({ length: 400 }, (_, i) => `v${i}`));
  const big = `{"a": ${values}}`;
  assert.ok(big.length > 2048 && big.length < 4096);
  assert.equal(rejection(big).code, ProblemCode.patternTooLarge);
  assert.ok(compilePattern(big, { maxPatternSize: 4096 }).pattern);
  const airy = `{"a": [${' '.repeat(3000)}"x"]}`;
  const result = compilePattern(airy);
  assert.ok(result.pattern, 'white space alone must not make a pattern too large');
  assert.ok(result.problems.some((p) => p.code === ProblemCode.patternSizeAsWritten));
});

test('§6 at most 256 fields per expanded rule', () => {
  const fields = (count: number): string =>
    JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, [1]])));
  const over = compilePattern(fields(257), { maxPatternSize: 4096 });
  assert.deepEqual(over.problems.map((p) => p.code), [ProblemCode.tooManyFields]);
  assert.ok(compilePattern(fields(256), { maxPatternSize: 4096 }).pattern);
});

test('§7 JSON syntax errors carry Jackson text and position', () => {
  const problem = rejection('{"a": [1,, 2]}');
  assert.equal(problem.code, ProblemCode.jsonSyntax);
  assert.equal(problem.at, ',');
});

test('reports every independent problem, the one AWS reports first', () => {
  const result = compilePattern('{"a": 1, "b": [], "c": [{"prefix": 2}]}');
  assert.deepEqual(result.problems.map((p) => p.code), [
    ProblemCode.valueNotObjectOrArray,
    ProblemCode.emptyArray,
    ProblemCode.invalidPrefix,
  ]);
});

test('§3.11 an anything-but wildcard list is scored as one pattern, as event-ruler does', () => {
  // Four values scored one by one would be 12 (rejected); as one list they score 9.
  const values = ['*:stack/alpha/*', '*:stack/beta/*', '*:stack/gamma/*', '*:stack/delta/*'];
  accepts(JSON.stringify({ arn: [{ 'anything-but': { wildcard: values } }] }));
  const separate = JSON.stringify({ arn: values.map((wildcard) => ({ wildcard })) });
  assert.equal(rejection(separate).code, ProblemCode.wildcardTooComplex);
});

test('§1.2 an empty pattern is refused (it would match everything)', () => {
  rejects('{}', 'Empty objects are not allowed', '{}', ProblemCode.emptyObject);
});

test('§3.12 reserved names are refused at any depth inside a $or branch', () => {
  rejects('{"detail": {"$or": [{"c": {"prefix": ["x"]}}, {"b": ["x"]}]}}',
    'prefix is Ruler reserved fieldName which cannot be used inside $or.', '"prefix"');
});

test('§3.7 operands a double cannot hold exactly are refused', () => {
  // (Java writes some subnormals longer than JavaScript does, e.g. 5e-324; those differ.)
  for (const raw of ['9007199254740993', '0.10000000000000001']) {
    rejects(`{"n": [{"numeric": [">", ${raw}]}]}`, `Cannot compare number : ${raw}`);
    rejects(`{"n": [{"anything-but": [${raw}]}]}`, `Cannot compare number : ${raw}`);
  }
  accepts('{"n": [{"numeric": [">", 0.1, "<", 9007199254740992]}]}');
});

test('§1.2 the same path dotted and nested: a warning on the one that loses', () => {
  const text = '{"detail": {"eventBody": {"x": ["a"]}, "eventBody.x": ["b"]}}';
  const result = compilePattern(text);
  assert.ok(result.pattern);
  const warning = result.problems.find((p) => p.code === ProblemCode.duplicateKey);
  assert.ok(warning);
  assert.equal(text.slice(warning.offset, warning.offset + warning.length), '"x"');
  assert.equal(result.pattern.branches[0]?.length, 1);
});
