// Findings for a pattern file: AWS's own rejections (from the engine) plus what only knowledge of
// Genesys events can tell — the pattern is valid, but does it select anything Genesys sends?
// Shared by the CLI's `check` and the editor's diagnostics.

import {
  Branch,
  CompiledPattern,
  compilePattern,
  Condition,
  describeFailure,
  eventFromNode,
  FieldFailure,
  FlatEvent,
  holds,
  matchEvent,
  parseJson,
  Problem,
  Severity,
  Span,
} from '../engine';
import { findTopic, listTopics, TopicDefinition } from './catalog';
import { EVENT_SOURCE_PREFIX } from './envelope';
import { generateSamples } from './generate';

export type FindingSource = 'EventBridge' | 'Genesys';

export interface RelatedFinding extends Span {
  readonly message: string;
}

export interface Finding extends Span {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly source: FindingSource;
  readonly related: readonly RelatedFinding[];
}

export const LintCode = {
  noSampleMatch: 'no-sample-match',
  concreteIdInDetailType: 'concrete-id-in-detail-type',
  unknownTopic: 'unknown-topic',
} as const;

export interface LintOptions {
  readonly maxPatternSize?: number;
  /** Check valid patterns against generated Genesys samples (default true). */
  readonly sampleCheck?: boolean;
}

export interface LintResult {
  readonly findings: readonly Finding[];
  readonly pattern?: CompiledPattern;
  /** Catalog topics the pattern's `detail-type` lets through. */
  readonly topics: readonly TopicDefinition[];
}

const SAMPLE_SEED = 1;

export function lintPattern(text: string, options: LintOptions = {}): LintResult {
  const compiled = compilePattern(
    text,
    options.maxPatternSize === undefined ? {} : { maxPatternSize: options.maxPatternSize },
  );
  const findings: Finding[] = compiled.problems.map(fromProblem);
  const pattern = compiled.pattern;
  if (!pattern) return { findings, topics: [] };

  const selection = selectTopics(pattern);
  findings.push(...detailTypeFindings(pattern));
  if ((options.sampleCheck ?? true) && isAboutGenesys(pattern, selection)) {
    const miss = closestSampleMiss(pattern, selection.topics);
    if (miss) findings.push(miss);
  }
  return { findings, pattern, topics: selection.topics };
}

function fromProblem(problem: Problem): Finding {
  return {
    code: problem.code,
    severity: problem.severity,
    message: problem.reason,
    source: 'EventBridge',
    offset: problem.offset,
    length: problem.length,
    related: [],
  };
}

interface TopicSelection {
  readonly topics: readonly TopicDefinition[];
  /** True when some alternative constrains detail-type at all. */
  readonly byDetailType: boolean;
}

function detailTypeTest(branch: Branch) {
  return branch.find((field) => field.path === 'detail-type');
}

/** Topics whose template passes the detail-type test of at least one `$or` alternative. */
function selectTopics(pattern: CompiledPattern): TopicSelection {
  const selected = new Set<TopicDefinition>();
  let byDetailType = false;
  for (const branch of pattern.branches) {
    const test = detailTypeTest(branch);
    if (test) byDetailType = true;
    for (const topic of listTopics()) {
      if (!test || test.conditions.some((c) => holdsOnString(c, topic.template))) {
        selected.add(topic);
      }
    }
  }
  return { topics: [...selected], byDetailType };
}

function holdsOnString(condition: Condition, value: string): boolean {
  return holds(condition, { type: 'string', value, offset: 0, length: 0 });
}

/** Only patterns that point at Genesys get Genesys findings; others are not ours to judge. */
function isAboutGenesys(pattern: CompiledPattern, selection: TopicSelection): boolean {
  if (selection.topics.length === 0) return false;
  if (selection.byDetailType) return true;
  return pattern.branches.some((branch) =>
    branch.some(
      (field) =>
        field.path === 'source' && field.conditions.some((c) => c.text.includes('genesys')),
    ),
  );
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const DETAIL_EVENT_PREFIX = 'v2.detail.events.conversation.';

/** detail-type values that can never equal what Genesys sends there. */
function detailTypeFindings(pattern: CompiledPattern): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<number>();
  for (const branch of pattern.branches) {
    const test = detailTypeTest(branch);
    if (!test) continue;
    for (const condition of test.conditions) {
      if (condition.kind !== 'exact-string' || seen.has(condition.span.offset)) continue;
      seen.add(condition.span.offset);
      const finding = checkDetailTypeValue(condition.value, condition.span);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

function checkDetailTypeValue(value: string, span: Span): Finding | undefined {
  if (findTopic(value)) return undefined;
  const templated = value.replace(UUID, '{id}');
  if (templated !== value && findTopic(templated)) {
    return {
      code: LintCode.concreteIdInDetailType,
      severity: 'warning',
      source: 'Genesys',
      message:
        `Genesys puts the topic template in detail-type, with a literal {id}: ` +
        `"${templated}". This value names one conversation and never matches; match the id in ` +
        'detail.eventBody.conversationId or detail.topicName instead.',
      ...span,
      related: [],
    };
  }
  if (!value.startsWith(DETAIL_EVENT_PREFIX)) return undefined;
  const suggestions = nearestTopics(value, 3).map((topic) => `"${topic.template}"`);
  return {
    code: LintCode.unknownTopic,
    severity: 'warning',
    source: 'Genesys',
    message:
      `No Genesys topic is named "${value}", so no event will carry it. ` +
      `Did you mean ${suggestions.join(' or ')}?`,
    ...span,
    related: [],
  };
}

function nearestTopics(value: string, count: number): TopicDefinition[] {
  return [...listTopics()]
    .map((topic) => ({ topic, distance: editDistance(value, topic.template) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, count)
    .map((entry) => entry.topic);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * Fields whose values belong to one org, account, conversation or moment. Samples cannot know
 * them, so a pattern is not blamed for testing them: a rule on one queue id is not wrong just
 * because our samples were generated with other ids.
 */
const DEPLOYMENT_SPECIFIC_PATHS = new Set([
  'id',
  'account',
  'region',
  'time',
  'resources',
  'detail.topicName',
  'detail.timestamp',
  'detail.metadata.CorrelationId',
]);

function isDeploymentSpecific(
  path: string,
  conditions: readonly Condition[],
  topics: readonly TopicDefinition[],
): boolean {
  if (DEPLOYMENT_SPECIFIC_PATHS.has(path)) return true;
  if (path === 'source') {
    // The exact source carries the org id and suffix; `genesys.cloud` is just wrong.
    return conditions.every(
      (c) =>
        (c.kind === 'exact-string' || (c.kind === 'prefix' && !c.ignoreCase)) &&
        c.value.startsWith(EVENT_SOURCE_PREFIX) &&
        c.value.length > EVENT_SOURCE_PREFIX.length,
    );
  }
  const bodyPrefix = 'detail.eventBody.';
  if (!path.startsWith(bodyPrefix)) return false;
  const bodyPath = path.slice(bodyPrefix.length);
  return topics.some(
    (topic) =>
      topic.idFields.includes(bodyPath) || topic.timeFields.some((time) => time.path === bodyPath),
  );
}

function relaxed(pattern: CompiledPattern, topics: readonly TopicDefinition[]): CompiledPattern {
  return {
    branches: pattern.branches.map((branch) =>
      branch.filter((field) => !isDeploymentSpecific(field.path, field.conditions, topics)),
    ),
  };
}

const sampleCache = new Map<string, FlatEvent[]>();

/** Generated samples of a topic, flattened once and kept: they never change for a seed. */
export function flatSamples(topic: TopicDefinition): FlatEvent[] {
  let samples = sampleCache.get(topic.template);
  if (!samples) {
    samples = [];
    for (const event of generateSamples(topic.template, SAMPLE_SEED)) {
      const parsed = parseJson(JSON.stringify(event));
      if (!parsed.ok) continue;
      const flat = eventFromNode(parsed.root);
      if (flat.ok) samples.push(flat.event);
    }
    sampleCache.set(topic.template, samples);
  }
  return samples;
}

function closestSampleMiss(
  pattern: CompiledPattern,
  topics: readonly TopicDefinition[],
): Finding | undefined {
  const candidate = relaxed(pattern, topics);
  let closest: { failures: readonly FieldFailure[]; topic: TopicDefinition } | undefined;
  let sampleCount = 0;
  for (const topic of topics) {
    for (const sample of flatSamples(topic)) {
      sampleCount++;
      const result = matchEvent(candidate, sample);
      if (result.matched) return undefined;
      if (!closest || result.failures.length < closest.failures.length) {
        closest = { failures: result.failures, topic };
      }
    }
  }
  if (!closest || closest.failures.length === 0) return undefined;
  const [first] = closest.failures as [FieldFailure];
  const scope =
    topics.length === 1
      ? `${(topics[0] as TopicDefinition).template}. Closest miss`
      : `the ${topics.length} topics it selects. Closest miss (${closest.topic.template})`;
  return {
    code: LintCode.noSampleMatch,
    severity: 'warning',
    source: 'Genesys',
    message:
      `The pattern is valid but matches none of the ${sampleCount} sample Genesys events of ` +
      `${scope}: ${describeFailure(first)}`,
    ...first.keySpan,
    related: closest.failures.map((failure) => ({
      message: describeFailure(failure),
      ...failure.keySpan,
    })),
  };
}
