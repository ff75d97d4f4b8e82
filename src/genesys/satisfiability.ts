// Satisfiability instead of luck: can any event of the selected topics match the pattern at all?
// Each field test is checked against what the topic's schema lets that path hold (enum values,
// types, fixed envelope values, absence). A pattern is declared unsatisfiable only when every
// `$or` alternative fails for every topic for a reason the schemas prove; otherwise we try to
// build a *witness* — a schema-valid event that the engine confirms the pattern matches.

import {
  Branch,
  CompiledPattern,
  Condition,
  eventFromNode,
  FieldTest,
  holds,
  JsonScalar,
  matchEvent,
  parseJson,
} from '../engine';
import { BODY_PREFIX, FieldInfo, isListField, lookupField, ValueDomain } from './fields';
import { generateSamples, type GenesysEvent } from './generate';
import { hasPlaceholder } from './placeholders';
import type { TopicDefinition } from './topicModel';

type Primitive = string | number | boolean;

/** A value that satisfies a field test, `absent` for a test only absence satisfies. */
type Satisfaction =
  | { readonly kind: 'value'; readonly value: Primitive }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'impossible' };

export interface ImpossibleField {
  readonly field: FieldTest;
  readonly info: FieldInfo | undefined;
  readonly topic: TopicDefinition;
  readonly explanation: string;
}

export interface SatisfiabilityResult {
  readonly satisfiable: boolean;
  /** For an unsatisfiable pattern: the fields of the alternative and topic that came closest. */
  readonly impossible: readonly ImpossibleField[];
  /** A schema-valid event the pattern matches, when one could be built and confirmed. */
  readonly witness?: { readonly topic: TopicDefinition; readonly event: GenesysEvent };
}

export function analyzeSatisfiability(
  pattern: CompiledPattern,
  topics: readonly TopicDefinition[],
): SatisfiabilityResult {
  let closest: ImpossibleField[] | undefined;
  let satisfiable = false;
  for (const branch of pattern.branches) {
    for (const topic of topics) {
      const { assignments, impossible } = satisfyBranch(branch, topic);
      if (impossible.length > 0) {
        if (!closest || impossible.length < closest.length) closest = impossible;
        continue;
      }
      satisfiable = true;
      const event = buildWitness(pattern, topic, assignments);
      if (event) return { satisfiable: true, impossible: [], witness: { topic, event } };
    }
  }
  if (satisfiable || topics.length === 0) return { satisfiable: true, impossible: [] };
  return { satisfiable: false, impossible: closest ?? [] };
}

function satisfyBranch(
  branch: Branch,
  topic: TopicDefinition,
): { assignments: Map<string, Satisfaction>; impossible: ImpossibleField[] } {
  const assignments = new Map<string, Satisfaction>();
  const impossible: ImpossibleField[] = [];
  for (const field of branch) {
    const info = lookupField(topic, field.path);
    const result = satisfyField(field, info);
    if (result.kind === 'impossible') {
      impossible.push({ field, info, topic, explanation: explainImpossible(field, info, topic) });
    } else {
      assignments.set(field.path, result);
    }
  }
  return { assignments, impossible };
}

function satisfyField(field: FieldTest, info: FieldInfo | undefined): Satisfaction {
  let unknown = false;
  for (const condition of field.conditions) {
    // Envelope fields are on every event: absence is the one thing they never offer.
    const alwaysThere = info?.origin === 'envelope' && info.domain.kind !== 'empty-array';
    if (alwaysThere && condition.kind === 'exists' && !condition.value) continue;
    const result = info
      ? satisfyCondition(condition, info.domain)
      : condition.kind === 'exists' && !condition.value
        ? { kind: 'absent' as const }
        : { kind: 'impossible' as const };
    if (result.kind === 'value' || result.kind === 'absent') return result;
    if (result.kind === 'unknown') unknown = true;
  }
  return unknown ? { kind: 'unknown' } : { kind: 'impossible' };
}

function leaf(value: Primitive): JsonScalar {
  if (typeof value === 'string') return { type: 'string', value, offset: 0, length: 0 };
  if (typeof value === 'number') {
    return { type: 'number', value, raw: String(value), offset: 0, length: 0 };
  }
  return { type: 'boolean', value, offset: 0, length: 0 };
}

function firstHolding(condition: Condition, values: readonly Primitive[]): Satisfaction {
  const found = values.find((value) => holds(condition, leaf(value)));
  return found === undefined ? { kind: 'impossible' } : { kind: 'value', value: found };
}

function satisfyCondition(condition: Condition, domain: ValueDomain): Satisfaction {
  if (hasPlaceholder(condition.text)) return { kind: 'unknown' };
  if (condition.kind === 'exists') {
    // Every body field is optional, so both presence and absence are possible (but an object
    // or an always-empty array never holds a leaf).
    if (!condition.value) return { kind: 'absent' };
    if (domain.kind === 'object' || domain.kind === 'empty-array') return { kind: 'impossible' };
    return { kind: 'unknown' };
  }
  switch (domain.kind) {
    case 'enum':
      return firstHolding(condition, domain.values);
    case 'const':
      return firstHolding(condition, [domain.value]);
    case 'boolean':
      return firstHolding(condition, [true, false]);
    case 'object':
    case 'empty-array':
      return { kind: 'impossible' };
    case 'any':
      return { kind: 'unknown' };
    case 'integer':
    case 'number':
      return satisfyNumber(condition, domain.kind === 'integer', domain.example);
    case 'string': {
      const candidates = stringCandidates(condition, domain.example).filter(
        (candidate) => !domain.pattern || domain.pattern.test(candidate),
      );
      const found = firstHolding(condition, candidates);
      if (found.kind === 'value') return found;
      // Only a type mismatch or an exact value outside a fixed shape is proven impossible; for
      // other operators on shaped strings our candidates may just not have been clever enough.
      if (!isStringTest(condition)) return { kind: 'impossible' };
      return condition.kind === 'exact-string' || condition.kind === 'exactly' || !domain.pattern
        ? { kind: 'impossible' }
        : { kind: 'unknown' };
    }
  }
}

function isStringTest(condition: Condition): boolean {
  switch (condition.kind) {
    case 'exact-string':
    case 'exactly':
    case 'prefix':
    case 'suffix':
    case 'equals-ignore-case':
    case 'wildcard':
    case 'cidr':
      return true;
    case 'anything-but':
      return true; // every string passes numeric exclusions, and some string passes the others
    default:
      return false;
  }
}

/** Strings worth trying against a condition: its own operand, combined with a typical value. */
function stringCandidates(condition: Condition, example: string): string[] {
  switch (condition.kind) {
    case 'exact-string':
    case 'exactly':
      return [condition.value];
    case 'prefix':
      return [condition.value, condition.value + example, example, condition.value + 'x'];
    case 'suffix':
      return [condition.value, example + condition.value, example];
    case 'equals-ignore-case':
      return [condition.folded, condition.folded.toUpperCase()];
    case 'wildcard':
      return [condition.segments.join(''), condition.segments.join(example), example];
    case 'cidr':
      return [formatAddress(condition.range.network)];
    case 'anything-but':
      return [example, `${example}-other`, 'other'];
    default:
      return [];
  }
}

/** Dotted quad for 4 bytes, full colon-hex for 16: both parse back to the same address. */
function formatAddress(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  const groups: string[] = [];
  for (let i = 0; i < bytes.length; i += 2) {
    groups.push((((bytes[i] as number) << 8) | (bytes[i + 1] as number)).toString(16));
  }
  return groups.join(':');
}

function satisfyNumber(condition: Condition, integer: boolean, example: number): Satisfaction {
  switch (condition.kind) {
    case 'exact-number': {
      const value = condition.value;
      if (value === undefined || (integer && !Number.isInteger(value))) {
        return { kind: 'impossible' };
      }
      return { kind: 'value', value };
    }
    case 'numeric': {
      const candidates = numericCandidates(condition, integer, example);
      return firstHolding(condition, candidates);
    }
    case 'anything-but':
      // A number passes string exclusions; for numeric ones, some nearby number is not excluded.
      return firstHolding(condition, [example, example + 1, example + 2, 0, -1]);
    default:
      return { kind: 'impossible' };
  }
}

function numericCandidates(
  condition: Extract<Condition, { kind: 'numeric' }>,
  integer: boolean,
  example: number,
): number[] {
  const candidates = [example];
  const step = integer ? 1 : 0.5;
  for (const bound of [condition.lower, condition.upper]) {
    if (!bound) continue;
    const base = integer ? Math.round(bound.value) : bound.value;
    candidates.push(base - step, base, base + step);
    if (integer) candidates.push(Math.floor(bound.value), Math.ceil(bound.value));
  }
  if (condition.lower && condition.upper && !integer) {
    candidates.push((condition.lower.value + condition.upper.value) / 2);
  }
  return candidates.filter((value) => Number.isFinite(value));
}

function explainImpossible(
  field: FieldTest,
  info: FieldInfo | undefined,
  topic: TopicDefinition,
): string {
  const expected = field.conditions.map((c) => c.text).join(', ');
  const wanted = field.conditions.length > 1 ? `one of ${expected}` : expected;
  const head = `${field.path}: expected ${wanted}`;
  if (!info) return `${head}, but ${topic.template} events have no such field`;
  const onlyAbsence = field.conditions.every((c) => c.kind === 'exists' && !c.value);
  if (onlyAbsence) return `${head}, but every Genesys event has ${field.path}`;
  const domain = info.domain;
  switch (domain.kind) {
    case 'enum': {
      const shown = domain.values.slice(0, 8).map((v) => JSON.stringify(v)).join(', ');
      const more = domain.values.length > 8 ? ', …' : '';
      return `${head}, but Genesys sends one of ${shown}${more} there`;
    }
    case 'const':
      return `${head}, but Genesys always sends ${JSON.stringify(domain.value)} there`;
    case 'string':
      return field.conditions.some(isStringTest)
        ? `${head}, but Genesys sends values like ${JSON.stringify(domain.example)} there`
        : `${head}, but Genesys sends a string there (numeric and number tests never match it)`;
    case 'integer':
    case 'number':
      return field.conditions.some((c) => c.kind === 'numeric' || c.kind === 'exact-number')
        ? `${head}, but no ${domain.kind === 'integer' ? 'whole ' : ''}number Genesys sends ` +
            'there can satisfy it'
        : `${head}, but Genesys sends a number there (string tests never match it)`;
    case 'boolean':
      return `${head}, but Genesys sends true or false there`;
    case 'object':
      return `${head}, but ${field.path} is an object in Genesys events and tests only match ` +
        'leaf values: test one of its fields';
    case 'empty-array':
      return `${head}, but Genesys always sends ${field.path} as an empty array (no value)`;
    case 'any':
      return head;
  }
}

// --- Witnesses --------------------------------------------------------------------------------

type JsonObject = { [key: string]: unknown };

const WITNESS_BASES = 6;
/** Per topic definition, so a catalog swap (sign-in) never reuses another topic's samples. */
const basesByTopic = new WeakMap<TopicDefinition, readonly GenesysEvent[]>();

/** Samples never change for a seed: generate them once, not on every keystroke. */
function witnessBases(topic: TopicDefinition): readonly GenesysEvent[] {
  let bases = basesByTopic.get(topic);
  if (!bases) {
    bases = generateSamples(topic.template, 1).slice(0, WITNESS_BASES);
    basesByTopic.set(topic, bases);
  }
  return bases;
}

/** Takes generated samples as bases, sets the assigned values, keeps what the engine confirms. */
function buildWitness(
  pattern: CompiledPattern,
  topic: TopicDefinition,
  assignments: ReadonlyMap<string, Satisfaction>,
): GenesysEvent | undefined {
  const bases = witnessBases(topic);
  for (const base of bases) {
    const event = JSON.parse(JSON.stringify(base)) as JsonObject;
    for (const [path, satisfaction] of assignments) {
      if (satisfaction.kind === 'value') setPath(event, path, satisfaction.value, topic);
      else if (satisfaction.kind === 'absent') deletePath(event, path);
    }
    if (confirms(pattern, event)) return event as unknown as GenesysEvent;
  }
  return undefined;
}

function confirms(pattern: CompiledPattern, event: JsonObject): boolean {
  const parsed = parseJson(JSON.stringify(event));
  if (!parsed.ok) return false;
  const flat = eventFromNode(parsed.root);
  return flat.ok && matchEvent(pattern, flat.event).matched;
}

/** Splits a pattern path into the event's keys, using the schema to find list levels. */
function keySteps(path: string, topic: TopicDefinition): { key: string; list: boolean }[] {
  if (!path.startsWith(BODY_PREFIX)) {
    return path === 'detail-type'
      ? [{ key: path, list: false }]
      : path.split('.').map((key) => ({ key, list: false }));
  }
  const steps = [
    { key: 'detail', list: false },
    { key: 'eventBody', list: false },
  ];
  const rest = path.slice(BODY_PREFIX.length).split('.');
  let bodyPath = '';
  for (let i = 0; i < rest.length; i++) {
    const key = rest[i] as string;
    bodyPath = bodyPath === '' ? key : `${bodyPath}.${key}`;
    const known = topic.bodyFields.some((field) => field.path === bodyPath);
    if (!known && i > 0) {
      // Below a string map: the remaining segments are one customer-defined key.
      steps.push({ key: rest.slice(i).join('.'), list: false });
      break;
    }
    steps.push({ key, list: isListField(topic, bodyPath) });
  }
  return steps;
}

function setPath(event: JsonObject, path: string, value: Primitive, topic: TopicDefinition): void {
  const steps = keySteps(path, topic);
  let target: JsonObject = event;
  steps.forEach((step, index) => {
    const last = index === steps.length - 1;
    if (last) {
      target[step.key] = step.list ? [value] : value;
      return;
    }
    let next = target[step.key];
    if (step.list) {
      if (!Array.isArray(next) || next.length === 0 || typeof next[0] !== 'object') next = [{}];
      target[step.key] = next;
      target = (next as JsonObject[])[0] as JsonObject;
    } else {
      if (typeof next !== 'object' || next === null || Array.isArray(next)) next = {};
      target[step.key] = next;
      target = next as JsonObject;
    }
  });
}

function deletePath(value: unknown, path: string): void {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((element) => deletePath(element, path));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const object = value as JsonObject;
  // Try the whole remaining path as one key first: event keys may themselves contain dots.
  if (path in object) {
    delete object[path];
    return;
  }
  if (rest.length === 0) delete object[head];
  else deletePath(object[head], rest.join('.'));
}
