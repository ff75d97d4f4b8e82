// The fallback workload, for a clone without ../shared/bench: events of all 16 conversation
// detail topics from our own generator, and rule sets of each operator family written against
// values those events really carry, so that rules match some events and the matcher has to look
// past the first field. It is not the workload the project is judged on, and says so.

import { generateEvents, listTopics } from '../src/genesys';
import type { RuleSet, Workload } from './workload';
import { FAMILY_ORDER } from './workload';

/**
 * Roughly the topic mix of a contact centre's day (as in the shared workload): every
 * conversation starts and ends, most reach a queue and an agent, few leave a voicemail.
 */
const TOPIC_WEIGHTS: Readonly<Record<string, number>> = {
  'acd.start': 20,
  'acd.end': 20,
  'customer.start': 20,
  'customer.end': 20,
  'user.start': 16,
  'user.end': 16,
  acw: 16,
  wrapup: 16,
  'flow.start': 15,
  'flow.end': 15,
  'flow.outcome': 12,
  attributes: 6,
  contact: 4,
  outbound: 1,
  'voicemail.start': 1,
  'voicemail.end': 1,
};

const SIZES = [1, 100, 1000];
/** Sample events kept per topic to draw rule values from. */
const SAMPLES_PER_TOPIC = 200;
/** EventBridge's numeric operands must lie within ±5e9, so epoch times are not usable. */
const NUMERIC_LIMIT = 5e9;

interface Field {
  readonly keys: readonly string[];
  readonly value: string | number | boolean | null;
  readonly inArray: boolean;
}

interface Topic {
  readonly template: string;
  /** Scalar fields of each sample event's body. */
  readonly samples: readonly (readonly Field[])[];
  /** Every body path seen in the topic, for exists rules. */
  readonly paths: readonly (readonly string[])[];
}

export function ownWorkload(events: number, seed: string, why: string): Workload {
  const numericSeed = Number.parseInt(seed, 10) || 1;
  const templates = listTopics()
    .filter((topic) => topic.family === 'conversation-detail-event')
    .map((topic) => topic.template);
  const weights = templates.map((t) => TOPIC_WEIGHTS[t.split('{id}.')[1] ?? ''] ?? 5);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const all: { time: string; id: string; text: string }[] = [];
  const topics: Topic[] = [];
  let assigned = 0;
  templates.forEach((template, i) => {
    const count = i === templates.length - 1
      ? events - assigned
      : Math.round((events * (weights[i] as number)) / totalWeight);
    assigned += count;
    const generated = generateEvents(template, { count: Math.max(count, 0), seed: numericSeed });
    for (const event of generated) {
      all.push({ time: event.time, id: event.id, text: JSON.stringify(event) });
    }
    const samples = generated
      .slice(0, SAMPLES_PER_TOPIC)
      .map((event) => scalarFields(event.detail.eventBody, [], false));
    const paths = new Map<string, readonly string[]>();
    for (const sample of samples) for (const f of sample) paths.set(f.keys.join('\u0000'), f.keys);
    topics.push({ template, samples, paths: [...paths.values()] });
  });
  // Interleave topics the way a bus sees them: in delivery-time order.
  all.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : 1));
  const lines = all.map((event) => event.text);
  const ruleSets: RuleSet[] = [];
  for (const family of FAMILY_ORDER) {
    const rules = ruleSet(family, topics, numericSeed, SIZES[SIZES.length - 1] as number);
    for (const size of SIZES) {
      ruleSets.push({ family, size, label: `${family}-${size}`, rules: rules.slice(0, size) });
    }
  }
  return {
    kind: 'own',
    description: [
      `workload: our own generator (src/genesys generateEvents, ${templates.length} topics, ` +
        `seed ${numericSeed}) and rule sets from bench/ownWorkload.ts`,
      `  because ${why}; RULER-BASELINE.md describes another workload`,
    ],
    lines,
    bytes: lines.reduce((sum, line) => sum + Buffer.byteLength(line, 'utf8') + 1, 0),
    ruleSets,
    notComparable: 'the workload is our own, not the shared one the baseline was measured on',
    dispose: () => {
      // Nothing was written to disk.
    },
  };
}

function scalarFields(value: unknown, keys: string[], inArray: boolean): Field[] {
  if (Array.isArray(value)) return value.flatMap((item) => scalarFields(item, keys, true));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) =>
      scalarFields(inner, [...keys, key], inArray),
    );
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return [{ keys, value, inArray }];
  }
  return value === null ? [{ keys, value, inArray }] : [];
}

// ---------------------------------------------------------------- rules

type Random = () => number;

/** mulberry32: tiny, seedable and good enough to pick rule values. */
function random(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: Random, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(rng() * items.length)];
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

type Pattern = Record<string, unknown>;

function detailType(topic: Topic): Pattern {
  return { 'detail-type': [topic.template] };
}

/** Adds `condition` at the body path `keys`, creating the nested objects on the way. */
function withField(pattern: Pattern, keys: readonly string[], conditions: unknown[]): Pattern {
  const path = ['detail', 'eventBody', ...keys];
  let node = pattern;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === undefined || typeof next !== 'object' || Array.isArray(next)) node[key] = {};
    node = node[key] as Pattern;
  }
  node[path[path.length - 1] as string] = conditions;
  return pattern;
}

type Maker = (rng: Random, topics: readonly Topic[]) => Pattern | undefined;

/** A sample event of a random topic and one of its fields that passes `accept`. */
function sampleField(
  rng: Random,
  topics: readonly Topic[],
  accept: (field: Field) => boolean,
): { topic: Topic; field: Field; sample: readonly Field[] } | undefined {
  for (let attempt = 0; attempt < 20; attempt++) {
    const topic = pick(rng, topics);
    const sample = topic && pick(rng, topic.samples);
    const field = sample && pick(rng, sample.filter(accept));
    if (topic && sample && field) return { topic, field, sample };
  }
  return undefined;
}

const isString = (f: Field): boolean => typeof f.value === 'string' && f.value.length > 1;
const isPlainString = (f: Field): boolean => isString(f) && !/[*\\]/.test(f.value as string);
const isSmallNumber = (f: Field): boolean =>
  typeof f.value === 'number' && Math.abs(f.value) <= NUMERIC_LIMIT;

function stringRule(condition: (value: string, rng: Random) => unknown): Maker {
  return (rng, topics) => {
    const found = sampleField(rng, topics, isPlainString);
    if (!found) return undefined;
    const value = condition(found.field.value as string, rng);
    return withField(detailType(found.topic), found.field.keys, [value]);
  };
}

const makers: Readonly<Record<string, Maker>> = {
  exact: (rng, topics) => {
    const found = sampleField(rng, topics, isString);
    if (!found) return undefined;
    const rule = withField(detailType(found.topic), found.field.keys, [found.field.value]);
    // A second field from the same event, as rules on one queue and channel are written.
    const second = pick(rng, found.sample.filter((f) => isString(f) && f !== found.field));
    if (second && rng() < 0.5) withField(rule, second.keys, [second.value]);
    return rule;
  },
  prefix: stringRule((value, rng) => ({
    prefix: value.slice(0, 1 + Math.floor(rng() * (value.length - 1))),
  })),
  suffix: stringRule((value, rng) => ({
    suffix: value.slice(-1 - Math.floor(rng() * (value.length - 1))),
  })),
  'equals-ignore-case': stringRule((value) => ({
    'equals-ignore-case': [...value]
      .map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()))
      .join(''),
  })),
  'anything-but': (rng, topics) => {
    const found = sampleField(rng, topics, isString);
    if (!found) return undefined;
    const others = found.topic.samples
      .flatMap((s) => s.filter((f) => f.keys.join('.') === found.field.keys.join('.')))
      .map((f) => f.value)
      .filter((v): v is string => typeof v === 'string');
    const excluded = [...new Set([found.field.value as string, pick(rng, others) ?? ''])];
    return withField(detailType(found.topic), found.field.keys, [
      { 'anything-but': excluded.filter((v) => v !== '') },
    ]);
  },
  numeric: (rng, topics) => {
    const found = sampleField(rng, topics, isSmallNumber);
    if (!found) return undefined;
    const value = found.field.value as number;
    const bound = Math.round(value * (0.5 + rng()));
    // A range needs lower < upper, which halving and doubling give only for positive values.
    const choice = value > 0 ? rng() : 0;
    const condition = choice < 0.4
      ? { numeric: ['>', bound] }
      : choice < 0.7
        ? { numeric: ['<=', bound] }
        : { numeric: ['>=', Math.round(value / 2), '<', Math.round(value * 2) + 1] };
    return withField(detailType(found.topic), found.field.keys, [condition]);
  },
  exists: (rng, topics) => {
    const topic = pick(rng, topics);
    const keys = topic && pick(rng, topic.paths);
    if (!topic || !keys) return undefined;
    return withField(detailType(topic), keys, [{ exists: rng() < 0.7 }]);
  },
  wildcard: stringRule((value, rng) => {
    const cut = 1 + Math.floor(rng() * (value.length - 1));
    const resume = cut + Math.floor(rng() * (value.length - cut));
    return { wildcard: `${value.slice(0, cut)}*${value.slice(resume)}` };
  }),
  or: (rng, topics) => {
    const found = sampleField(rng, topics, isString);
    if (!found) return undefined;
    const other = pick(rng, found.sample.filter((f) => f !== found.field && f.value !== null));
    if (!other) return undefined;
    const alternative = isSmallNumber(other)
      ? [{ numeric: ['>', Math.round((other.value as number) / 2)] }]
      : [other.value];
    return {
      ...detailType(found.topic),
      $or: [
        withField({}, found.field.keys, [found.field.value]),
        withField({}, other.keys, alternative),
      ],
    };
  },
  arrays: (rng, topics) => {
    const found = sampleField(rng, topics, (f) => f.inArray && f.value !== null);
    if (!found) return undefined;
    return withField(detailType(found.topic), found.field.keys, [found.field.value]);
  },
};

const SINGLE_FAMILIES = Object.keys(makers).sort();

function ruleSet(
  family: string,
  topics: readonly Topic[],
  seed: number,
  size: number,
): [string, string][] {
  const rng = random(seed ^ hash(family));
  const make: Maker = family === 'mixed'
    ? (r, t) => makers[pick(r, SINGLE_FAMILIES) as string]?.(r, t)
    : (makers[family] as Maker);
  const seen = new Set<string>();
  const rules: [string, string][] = [];
  // Distinct rules only; a bigger set starts with the smaller one, as in the shared workload.
  for (let attempt = 0; attempt < 100 * size && rules.length < size; attempt++) {
    const pattern = make(rng, topics);
    if (!pattern) continue;
    const text = JSON.stringify(pattern);
    if (seen.has(text)) continue;
    seen.add(text);
    rules.push([`${family}-${String(rules.length).padStart(4, '0')}`, text]);
  }
  return rules;
}
