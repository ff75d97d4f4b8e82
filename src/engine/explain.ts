// Human-readable explanations of a miss, shared by the CLI, the diagnostics and the inspector.

import { FieldFailure, MatchResult } from './match';

export function describeFailure(failure: FieldFailure): string {
  const expected = failure.expected.join(', ');
  const wanted = failure.expected.length > 1 ? `one of ${expected}` : expected;
  switch (failure.reason) {
    case 'missing':
      return `${failure.path}: expected ${wanted}, but the event has no value there`;
    case 'present':
      return `${failure.path}: expected the field to be absent, but the event has ` +
        failure.actual.join(', ');
    case 'array-consistency':
      return `${failure.path}: values match ${wanted}, but not in the same array element as ` +
        'the other fields (EventBridge matches fields of one array element together)';
    case 'no-value-matched':
      return `${failure.path}: expected ${wanted}, but the event has ${failure.actual.join(', ')}`;
  }
}

export function explainMiss(result: MatchResult): string {
  if (result.matched) return 'matched';
  const lines = result.failures.map(describeFailure);
  const branch =
    result.branchCount > 1
      ? ` (closest of ${result.branchCount} $or alternatives: #${result.branchIndex + 1})`
      : '';
  return `No match${branch}: ${lines.join('; ')}`;
}
