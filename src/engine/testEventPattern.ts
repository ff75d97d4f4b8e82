// The local equivalent of the TestEventPattern API: a pattern and an event in, AWS's verdict out,
// plus what AWS does not give: where a rejection is and why a valid event did not match.

import { eventFromNode, EventOptions } from './event';
import { explainMiss } from './explain';
import { lineAndColumn, parseJson } from './json';
import { matchEvent, MatchResult } from './match';
import { CompiledPattern, compilePattern, PatternOptions, PatternResult } from './pattern';
import { INVALID_EVENT_MESSAGE } from './problems';

/** TestEventPattern's own limit on the EventPattern parameter. */
export const TEST_EVENT_PATTERN_MAX_SIZE = 4096;

export interface TestEventPatternResult {
  readonly pattern: PatternResult;
  readonly match?: MatchResult;
  /** TestEventPattern's message when the event itself is rejected. */
  readonly eventError?: string;
  readonly eventErrorDetail?: string;
}

export function testEventPattern(
  patternText: string,
  eventText: string,
  options: PatternOptions & EventOptions = {},
): TestEventPatternResult {
  const pattern = compilePattern(patternText, {
    maxPatternSize: options.maxPatternSize ?? TEST_EVENT_PATTERN_MAX_SIZE,
  });
  return { pattern, ...testCompiled(pattern.pattern, eventText, options) };
}

/** Evaluates an event against an already compiled pattern (undefined: the pattern was invalid). */
export function testCompiled(
  pattern: CompiledPattern | undefined,
  eventText: string,
  options: EventOptions = {},
): Omit<TestEventPatternResult, 'pattern'> {
  const parsed = parseJson(eventText);
  if (!parsed.ok) {
    const at = lineAndColumn(eventText, parsed.error.offset);
    return {
      eventError: INVALID_EVENT_MESSAGE,
      eventErrorDetail: `${parsed.error.reason} (line ${at.line}, column ${at.column})`,
    };
  }
  if (parsed.trailing) {
    // A file of several events read as one: the rest would be silently ignored.
    const at = lineAndColumn(eventText, parsed.trailing.offset);
    return {
      eventError: INVALID_EVENT_MESSAGE,
      eventErrorDetail: `more than one JSON value (line ${at.line}, column ${at.column}); ` +
        'put one event per line in a .jsonl file',
    };
  }
  const event = eventFromNode(parsed.root, options);
  if (!event.ok) return { eventError: event.error, eventErrorDetail: event.detail };
  if (!pattern) return {};
  return { match: matchEvent(pattern, event.event) };
}

export { explainMiss };
