// Small builders so engine tests show only what matters.

import * as assert from 'node:assert/strict';
import { compilePattern, matchEvent, parseEvent, Problem } from '../../src/engine';

/** A minimal event with the envelope TestEventPattern insists on, plus `extra` fields. */
export function envelope(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: '0',
    id: '00000000-0000-0000-0000-000000000001',
    'detail-type': 'test',
    source: 'test.source',
    account: '123456789012',
    time: '2026-01-01T00:00:00Z',
    region: 'us-east-1',
    resources: [],
    ...extra,
  };
}

/** Verdict of a pattern (object or JSON text) against an event (object or JSON text). */
export function matches(pattern: unknown, event: unknown): boolean {
  const patternText = typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
  const eventText = typeof event === 'string' ? event : JSON.stringify(event);
  const compiled = compilePattern(patternText, { maxPatternSize: 4096 });
  const firstError = compiled.problems.find((p) => p.severity === 'error');
  assert.equal(firstError, undefined, `pattern rejected: ${firstError?.reason}`);
  const parsed = parseEvent(eventText, { requireEnvelope: false });
  assert.ok(parsed.ok, 'event rejected');
  return matchEvent(compiled.pattern!, parsed.event).matched;
}

/** The first error for a pattern text, with the text it points at. */
export function rejection(patternText: string): Problem & { at: string } {
  const result = compilePattern(patternText);
  const first = result.problems.find((p) => p.severity === 'error');
  assert.ok(first, `expected a rejection for ${patternText}`);
  return { ...first, at: patternText.slice(first.offset, first.offset + first.length) };
}
