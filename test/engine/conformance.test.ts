// Every recorded case of the shared corpus, through the engine. AWS-recorded cases must all
// agree; cases from event-ruler's own tests and the docs are held to the same standard.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { compilePattern, eventMatches, parseEvent, testEventPattern } from '../../src/engine';
import { CASES_FILE, loadCases, needsEnvelope, REASON_PREFIX } from '../support/corpus';

const cases = loadCases();

test('corpus is present', (t) => {
  if (!CASES_FILE) {
    t.skip('shared/reference/eventbridge/cases.jsonl not found beside the clone: ' +
      'conformance cases skipped (CI has them)');
    return;
  }
  assert.ok(cases.length > 200, `only ${cases.length} cases read`);
});

for (const c of cases) {
  test(`${c.aws_verified ? 'aws' : 'ref'} ${c.id}`, () => {
    const result = testEventPattern(c.pattern_json, c.event_json, {
      requireEnvelope: needsEnvelope(c),
    });
    const firstError = result.pattern.problems.find((p) => p.severity === 'error');
    if (c.expected === 'invalid' && c.error_code === 'ValidationException') {
      assert.equal(result.eventError, c.error);
      return;
    }
    if (c.expected === 'invalid') {
      assert.ok(firstError, 'pattern accepted but AWS rejected it');
      assert.equal(REASON_PREFIX + firstError.reason, c.error);
      return;
    }
    assert.equal(firstError, undefined, `pattern rejected: ${firstError?.reason}`);
    assert.equal(result.eventError, undefined, `event rejected: ${result.eventErrorDetail}`);
    assert.equal(result.match?.matched, c.expected === 'match');
    // The verdict-only fast path must agree with the explaining one.
    const compiled = compilePattern(c.pattern_json, { maxPatternSize: 4096 }).pattern;
    const event = parseEvent(c.event_json, { requireEnvelope: needsEnvelope(c) });
    assert.ok(compiled && event.ok);
    assert.equal(eventMatches(compiled, event.event), c.expected === 'match');
  });
}
