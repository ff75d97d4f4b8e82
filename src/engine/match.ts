// Matching a compiled pattern against a flattened event, and for a miss, saying why: which
// path, which of the pattern's alternatives, and which values the event had there.

import { Branch, CompiledPattern, Condition, Exclusion, FieldTest } from './pattern';
import { consistent, FlatEvent, Leaf } from './event';
import { JsonScalar, Span } from './json';
import { foldCase } from './operators/casefold';
import { comparableValue } from './operators/numbers';
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
/**
 * Bounds the search for array-consistent combinations on hostile events; past it the branch is
 * reported as not matching (a known, deliberate limit for pathological inputs).
 */
const MAX_CONSISTENCY_STEPS = 200_000;

/** The verdict alone: stops at the first failing field and builds no explanation. */
export function eventMatches(pattern: CompiledPattern, event: FlatEvent): boolean {
  return pattern.branches.some((branch) => evaluateBranch(branch, event, false).length === 0);
}

export function matchEvent(pattern: CompiledPattern, event: FlatEvent): MatchResult {
  let best: { index: number; failures: FieldFailure[] } | undefined;
  const branches = pattern.branches;
  for (let index = 0; index < branches.length; index++) {
    const failures = evaluateBranch(branches[index] as Branch, event, true);
    if (failures.length === 0) {
      return { matched: true, failures: [], branchIndex: index, branchCount: branches.length };
    }
    if (!best || failures.length < best.failures.length) best = { index, failures: [...failures] };
  }
  return {
    matched: false,
    failures: best?.failures ?? [],
    branchIndex: best?.index ?? 0,
    branchCount: branches.length,
  };
}

/**
 * A field of a branch still to be satisfied: by one of `candidates`, or, when the field allows
 * `exists: false`, by having no leaf that fits with the leaves chosen for the other fields.
 */
interface Slot {
  readonly field: FieldTest;
  readonly leaves: readonly Leaf[];
  readonly candidates: readonly Leaf[];
  readonly absenceAllowed: boolean;
}

/** Stands for "some field failed" when no explanation is wanted (never read beyond length). */
const FAILED_MARKER: readonly FieldFailure[] = Object.freeze([{
  path: '',
  keySpan: { offset: 0, length: 0 },
  expected: [],
  actual: [],
  actualSpans: [],
  reason: 'missing',
}]) as readonly FieldFailure[];

/** The failing fields of one branch (empty: it matches). Without `explain`, stops at the first. */
function evaluateBranch(
  branch: Branch,
  event: FlatEvent,
  explain: boolean,
): readonly FieldFailure[] {
  const failures: FieldFailure[] = [];
  const slots: Slot[] = [];
  for (const field of branch) {
    const leaves = event.leaves.get(field.path) ?? [];
    const candidates = leaves.filter((leaf) => field.conditions.some((c) => holds(c, leaf.node)));
    const absenceAllowed = field.conditions.some((c) => c.kind === 'exists' && !c.value);
    if (absenceAllowed && leaves.length === 0) continue;
    if (!absenceAllowed && candidates.length === 0) {
      if (!explain) return FAILED_MARKER;
      failures.push(failure(field, leaves, leaves.length === 0 ? 'missing' : 'no-value-matched'));
      continue;
    }
    slots.push({ field, leaves, candidates, absenceAllowed });
  }
  if (failures.length > 0 || slots.length === 0) return failures;
  if (slots.length === 1 && (slots[0] as Slot).candidates.length > 0) return failures;
  if (!consistentChoiceExists(slots)) {
    if (!explain) return FAILED_MARKER;
    // Blame a field that had to be absent if there is one: that is the usual surprise.
    const culprit = slots.find((slot) => slot.candidates.length === 0) ?? slots[slots.length - 1];
    const slot = culprit as Slot;
    const reason = slot.candidates.length === 0 ? 'present' : 'array-consistency';
    const shown = reason === 'present' ? slot.leaves : slot.candidates;
    failures.push(failure(slot.field, shown, reason));
  }
  return failures;
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

/** Explanations quote values; a huge one is cut so a message stays a message. */
const MAX_VALUE_TEXT = 200;

function scalarText(node: JsonScalar): string {
  const text = node.type === 'number' ? node.raw : JSON.stringify(node.value);
  return text.length > MAX_VALUE_TEXT
    ? `${text.slice(0, MAX_VALUE_TEXT)}… (${text.length} characters)`
    : text;
}

/**
 * Is there one leaf per slot (or, where allowed, none) such that no two chosen leaves come from
 * different elements of one array, and no field that is absent has a leaf fitting the choice?
 * This is event-ruler's array consistency; it also explains why `exists: false` next to another
 * field inside an array element only looks at that element.
 */
function consistentChoiceExists(slots: readonly Slot[]): boolean {
  // Most selective first keeps the search small; absence is decided once all leaves are chosen.
  const ordered = [...slots].sort(
    (a, b) => Number(a.candidates.length === 0) - Number(b.candidates.length === 0) ||
      a.candidates.length - b.candidates.length,
  );
  const chosen: Leaf[] = [];
  const absent: Slot[] = [];
  let steps = 0;
  const fits = (leaf: Leaf): boolean =>
    chosen.every((other) => consistent(other.trail, leaf.trail));
  const search = (depth: number): boolean => {
    if (++steps > MAX_CONSISTENCY_STEPS) return false;
    if (depth === ordered.length) {
      return absent.every((slot) => !slot.leaves.some(fits));
    }
    const slot = ordered[depth] as Slot;
    for (const leaf of slot.candidates) {
      if (!fits(leaf)) continue;
      chosen.push(leaf);
      const found = search(depth + 1);
      chosen.pop();
      if (found) return true;
      if (steps > MAX_CONSISTENCY_STEPS) return false;
    }
    if (slot.absenceAllowed) {
      absent.push(slot);
      const found = search(depth + 1);
      absent.pop();
      if (found) return true;
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
      return (
        node.raw === condition.raw ||
        (condition.value !== undefined && comparableValue(node.raw) === condition.value)
      );
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
      // A number a double cannot hold exactly is only ever compared as text.
      const value = comparableValue(node.raw);
      if (value === undefined) return false;
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
    const value = comparableValue(node.raw);
    return exclusion.numbers.some(
      (number) =>
        number.raw === node.raw || (number.value !== undefined && number.value === value),
    );
  }
  return false;
}

function ipKeyOf(text: string): string | undefined {
  const ip = parseIpAddress(text);
  return ip ? ipKey(ip) : undefined;
}
