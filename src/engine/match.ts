// Matching a compiled pattern against a flattened event, and for a miss, saying why: which
// path, which of the pattern's alternatives, and which values the event had there.

import { Branch, CompiledPattern, Condition, Exclusion, FieldTest } from './pattern';
import { consistent, FlatEvent, Leaf } from './event';
import { JsonScalar, Span } from './json';
import { foldCase } from './operators/casefold';
import { cidrContains, ipKey, parseIpAddress } from './operators/cidr';
import { matchWildcard } from './operators/wildcard';

export interface FieldFailure {
  readonly path: string;
  /** Where the failing key is in the pattern text. */
  readonly keySpan: Span;
  /** The alternatives of the leaf list, as written. */
  readonly expected: readonly string[];
  /** Values the event has at the path, as JSON text (a few at most); empty when missing. */
  readonly actual: readonly string[];
  /** Where those values are in the event text. */
  readonly actualSpans: readonly Span[];
  readonly reason: 'missing' | 'no-value-matched' | 'present' | 'array-consistency';
}

export interface MatchResult {
  readonly matched: boolean;
  /** For a miss: the failures of the alternative that came closest (fewest failing fields). */
  readonly failures: readonly FieldFailure[];
  /** Index of that alternative among the pattern's expanded `$or` branches. */
  readonly branchIndex: number;
  readonly branchCount: number;
}

const MAX_VALUES_SHOWN = 5;
/** Bounds the search for array-consistent combinations on hostile events. */
const MAX_CONSISTENCY_STEPS = 200_000;

export function matchEvent(pattern: CompiledPattern, event: FlatEvent): MatchResult {
  let best: { index: number; failures: FieldFailure[] } | undefined;
  const branches = pattern.branches;
  for (let index = 0; index < branches.length; index++) {
    const failures = evaluateBranch(branches[index] as Branch, event);
    if (failures.length === 0) {
      return { matched: true, failures: [], branchIndex: index, branchCount: branches.length };
    }
    if (!best || failures.length < best.failures.length) best = { index, failures };
  }
  return {
    matched: false,
    failures: best?.failures ?? [],
    branchIndex: best?.index ?? 0,
    branchCount: branches.length,
  };
}

function evaluateBranch(branch: Branch, event: FlatEvent): FieldFailure[] {
  const failures: FieldFailure[] = [];
  // Fields satisfied by particular leaves; their leaves must also be mutually consistent.
  const constrained: { field: FieldTest; candidates: Leaf[] }[] = [];
  for (const field of branch) {
    const leaves = event.leaves.get(field.path) ?? [];
    const candidates = leaves.filter((leaf) => field.conditions.some((c) => holds(c, leaf.node)));
    // `exists: false` is a statement about the whole event, not about one array element.
    const vacuous =
      leaves.length === 0 &&
      field.conditions.some((c) => c.kind === 'exists' && c.value === false);
    if (vacuous) continue;
    if (candidates.length === 0) {
      failures.push(failure(field, leaves, missingReason(field, leaves)));
      continue;
    }
    constrained.push({ field, candidates });
  }
  if (failures.length > 0 || constrained.length < 2) return failures;
  if (!consistentChoiceExists(constrained.map((entry) => entry.candidates))) {
    const culprit = constrained[constrained.length - 1] as (typeof constrained)[number];
    failures.push(failure(culprit.field, culprit.candidates, 'array-consistency'));
  }
  return failures;
}

function missingReason(field: FieldTest, leaves: readonly Leaf[]): FieldFailure['reason'] {
  if (leaves.length === 0) return 'missing';
  const onlyExistsFalse = field.conditions.every((c) => c.kind === 'exists' && !c.value);
  return onlyExistsFalse ? 'present' : 'no-value-matched';
}

function failure(
  field: FieldTest,
  leaves: readonly Leaf[],
  reason: FieldFailure['reason'],
): FieldFailure {
  const shown = leaves.slice(0, MAX_VALUES_SHOWN);
  return {
    path: field.path,
    keySpan: field.keySpan,
    expected: field.conditions.map((c) => c.text),
    actual: shown.map((leaf) => scalarText(leaf.node)),
    actualSpans: shown.map((leaf) => ({ offset: leaf.node.offset, length: leaf.node.length })),
    reason,
  };
}

function scalarText(node: JsonScalar): string {
  return node.type === 'number' ? node.raw : JSON.stringify(node.value);
}

/** Is there one candidate per field such that no two come from different array elements? */
function consistentChoiceExists(candidateLists: Leaf[][]): boolean {
  // Most selective field first keeps the search small.
  const lists = [...candidateLists].sort((a, b) => a.length - b.length);
  const chosen: Leaf[] = [];
  let steps = 0;
  const search = (depth: number): boolean => {
    if (depth === lists.length) return true;
    for (const leaf of lists[depth] as Leaf[]) {
      if (++steps > MAX_CONSISTENCY_STEPS) return false;
      if (chosen.every((other) => consistent(other.trail, leaf.trail))) {
        chosen.push(leaf);
        if (search(depth + 1)) return true;
        chosen.pop();
      }
    }
    return false;
  };
  return search(0);
}

/** Does one event leaf satisfy one pattern alternative? No type is ever coerced (SPEC §2.8). */
export function holds(condition: Condition, node: JsonScalar): boolean {
  switch (condition.kind) {
    case 'exact-string':
      if (node.type !== 'string') return false;
      if (node.value === condition.value) return true;
      return condition.ipKey !== undefined && ipKeyOf(node.value) === condition.ipKey;
    case 'exact-number':
      if (node.type !== 'number') return false;
      return node.raw === condition.raw || (condition.value !== undefined && node.value === condition.value);
    case 'exact-literal':
      return (node.type === 'boolean' || node.type === 'null') && node.value === condition.value;
    case 'exactly':
      return node.type === 'string' && node.value === condition.value;
    case 'prefix':
    case 'suffix': {
      if (node.type !== 'string') return false;
      const value = condition.ignoreCase ? foldCase(node.value) : node.value;
      return condition.kind === 'prefix'
        ? value.startsWith(condition.value)
        : value.endsWith(condition.value);
    }
    case 'equals-ignore-case':
      return node.type === 'string' && foldCase(node.value) === condition.folded;
    case 'numeric': {
      if (node.type !== 'number') return false;
      const { lower, upper } = condition;
      const value = node.value;
      if (lower && (lower.inclusive ? value < lower.value : value <= lower.value)) return false;
      if (upper && (upper.inclusive ? value > upper.value : value >= upper.value)) return false;
      return true;
    }
    case 'exists':
      // Reaching here means the path has a leaf; JSON null counts as present.
      return condition.value;
    case 'cidr': {
      if (node.type !== 'string') return false;
      const ip = parseIpAddress(node.value);
      return ip !== undefined && cidrContains(condition.range, ip);
    }
    case 'wildcard':
      return node.type === 'string' && matchWildcard(condition.segments, node.value);
    case 'anything-but':
      return !excluded(condition.exclusion, node);
  }
}

/**
 * anything-but excludes only values of the kind it names: JSON null, and a number tested against
 * string exclusions (or a string against numeric ones), pass every form (AWS-recorded).
 */
function excluded(exclusion: Exclusion, node: JsonScalar): boolean {
  if (node.type === 'string') {
    const value = node.value;
    switch (exclusion.form) {
      case 'values':
        return exclusion.strings.has(value);
      case 'prefix':
        return exclusion.values.some((prefix) => value.startsWith(prefix));
      case 'suffix':
        return exclusion.values.some((suffix) => value.endsWith(suffix));
      case 'equals-ignore-case': {
        const folded = foldCase(value);
        return exclusion.folded.includes(folded);
      }
      case 'wildcard':
        return exclusion.segments.some((segments) => matchWildcard(segments, value));
    }
  }
  if (node.type === 'number' && exclusion.form === 'values') {
    return exclusion.numbers.some(
      (number) =>
        number.raw === node.raw || (number.value !== undefined && number.value === node.value),
    );
  }
  return false;
}

function ipKeyOf(text: string): string | undefined {
  const ip = parseIpAddress(text);
  return ip ? ipKey(ip) : undefined;
}
