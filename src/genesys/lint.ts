// Findings for a pattern file: AWS's own rejections (from the engine) plus what only knowledge of
// Genesys events can tell — the pattern is valid, but does it select anything Genesys sends?
// Shared by the CLI's `check` and the editor's diagnostics.

import {
  Branch,
  CompiledPattern,
  compilePattern,
  Condition,
  holds,
  JsonNode,
  Problem,
  ProblemCode,
  Severity,
  Span,
} from '../engine';
import { findTopic, listTopics, TopicDefinition } from './catalog';
import type { GenesysOrg } from './envelope';
import { hasPlaceholder, isCloudFormationIntrinsic } from './placeholders';
import { analyzeSatisfiability, SatisfiabilityResult } from './satisfiability';
import { editDistance, Fix, schemaLint, SchemaFinding, SchemaLintCode } from './schemaLint';

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
  /** Quick fixes, offered only where the intended change is unambiguous. */
  readonly fixes: readonly Fix[];
}

export type { Fix, TextEdit } from './schemaLint';

export const LintCode = {
  neverMatches: 'never-matches',
  concreteIdInDetailType: 'concrete-id-in-detail-type',
  unknownTopic: 'unknown-topic',
  ...SchemaLintCode,
} as const;

export interface LintOptions {
  readonly maxPatternSize?: number;
  /** Decide from the schemas whether any Genesys event can match (default true). */
  readonly sampleCheck?: boolean;
  /** The signed-in org, whose exact source the source fix can offer. */
  readonly org?: GenesysOrg;
}

export interface LintResult {
  readonly findings: readonly Finding[];
  readonly pattern?: CompiledPattern;
  /** Catalog topics the pattern's `detail-type` lets through. */
  readonly topics: readonly TopicDefinition[];
  /** Present for valid patterns about Genesys: whether any event can match, and a witness. */
  readonly satisfiability?: SatisfiabilityResult;
}

export function lintPattern(text: string, options: LintOptions = {}): LintResult {
  const compiled = compilePattern(
    text,
    options.maxPatternSize === undefined ? {} : { maxPatternSize: options.maxPatternSize },
  );
  const findings: Finding[] = compiled.problems.map((problem) => fromProblem(problem, text));
  const pattern = compiled.pattern;
  if (!pattern || !compiled.root) return { findings, topics: [] };

  const selection = selectTopics(pattern);
  const genesysSource = mentionsGenesysSource(pattern);
  findings.push(...detailTypeFindings(pattern, genesysSource));
  if (!isAboutGenesys(pattern, selection)) {
    // A detail-type that selects nothing is reported above; a Genesys-looking source is still
    // worth checking against every topic.
    if (genesysSource) findings.push(...sourceOnlyFindings(text, compiled.root, pattern, options));
    return { findings, pattern, topics: selection.topics };
  }

  const schemaFindings = schemaLint({
    text,
    root: compiled.root,
    pattern,
    topics: selection.topics,
    ...(options.org ? { org: options.org } : {}),
  });
  findings.push(...schemaFindings.map(asFinding));
  if (options.sampleCheck === false) return { findings, pattern, topics: selection.topics };
  const satisfiability = analyzeSatisfiability(pattern, selection.topics);
  const flagged = new Set(schemaFindings.map((finding) => finding.field));
  const never = neverMatchesFinding(satisfiability, flagged);
  if (never) findings.push(never);
  return { findings, pattern, topics: selection.topics, satisfiability };
}

function sourceOnlyFindings(
  text: string,
  root: JsonNode,
  pattern: CompiledPattern,
  options: LintOptions,
): Finding[] {
  const org = options.org ? { org: options.org } : {};
  return schemaLint({ text, root, pattern, topics: listTopics(), ...org })
    .filter((finding) => finding.field.path === 'source')
    .map(asFinding);
}

function asFinding(finding: SchemaFinding): Finding {
  const { code, message, fixes, offset, length } = finding;
  const severity = 'warning';
  return { code, message, fixes, offset, length, severity, source: 'Genesys', related: [] };
}

const INTRINSIC = /^Unrecognized match type (Ref|Fn::\S+)$/;

function fromProblem(problem: Problem, text: string): Finding {
  const value = text.slice(problem.offset, problem.offset + problem.length);
  const intrinsic = INTRINSIC.exec(problem.reason);
  if (intrinsic && isCloudFormationIntrinsic(intrinsic[1] as string)) {
    // A template resolves it before AWS sees the pattern; raw, AWS would refuse it.
    return {
      code: 'cloudformation-intrinsic',
      severity: 'info',
      message: `${problem.reason}: a CloudFormation intrinsic, resolved when the stack deploys ` +
        '(sent as raw JSON, AWS refuses it). The rest of the pattern is not checked.',
      source: 'EventBridge',
      offset: problem.offset,
      length: problem.length,
      related: [],
      fixes: [],
    };
  }
  // The one rejection whose fix is certain: a bare value AWS wants as a one-element list.
  const fixes: Fix[] = problem.code === ProblemCode.valueNotObjectOrArray
    ? [{
        title: `Wrap in an array: [${value}]`,
        edits: [{ offset: problem.offset, length: problem.length, newText: `[${value}]` }],
      }]
    : [];
  return {
    code: problem.code,
    severity: problem.severity,
    message: problem.reason,
    source: 'EventBridge',
    offset: problem.offset,
    length: problem.length,
    related: [],
    fixes,
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
  return selection.byDetailType || mentionsGenesysSource(pattern);
}

function mentionsGenesysSource(pattern: CompiledPattern): boolean {
  return pattern.branches.some((branch) =>
    branch.some(
      (field) =>
        field.path === 'source' &&
        field.conditions.some((c) => c.text.toLowerCase().includes('genesys')),
    ),
  );
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * detail-type values that can never equal what Genesys sends there. Values that do not look like
 * Genesys topics are judged only when the source says the pattern is about Genesys.
 */
function detailTypeFindings(pattern: CompiledPattern, genesysSource: boolean): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<number>();
  for (const branch of pattern.branches) {
    const test = detailTypeTest(branch);
    if (!test) continue;
    for (const condition of test.conditions) {
      if (condition.kind !== 'exact-string' || seen.has(condition.span.offset)) continue;
      seen.add(condition.span.offset);
      if (!genesysSource && !looksLikeGenesysTopic(condition.value)) continue;
      if (hasPlaceholder(condition.value)) continue;
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
      fixes: [replaceValue(span, templated)],
    };
  }
  const nearest = nearestTopics(value, 3);
  const closest = nearest[0];
  if (!closest) return undefined;
  const typo = editDistance(value, closest.template) <= Math.max(3, Math.floor(value.length / 8));
  // Topics outside the bundled families may be real: only flag names in covered families, names
  // that are not Genesys topic names at all, and near misses of known ones.
  const covered = listTopics().some((topic) => sameFamilyPrefix(topic.template, value));
  if (!typo && !covered && value.startsWith('v2.')) return undefined;
  const suggestions = nearest.map((topic) => `"${topic.template}"`);
  return {
    code: LintCode.unknownTopic,
    severity: 'warning',
    source: 'Genesys',
    message:
      `No Genesys topic is named "${value}", so no event will carry it. ` +
      `Did you mean ${suggestions.join(' or ')}?`,
    ...span,
    related: [],
    fixes: typo ? [replaceValue(span, closest.template)] : [],
  };
}

/**
 * Whether a detail-type value reads as an attempt at a Genesys topic (`v2.…`, or dotted words
 * such as `conversation.created`), as opposed to an AWS one (`EC2 Instance State-change
 * Notification`) or an application's own (`order.created`).
 */
const GENESYS_TOPIC_WORDS = new Set([
  'conversation', 'conversations', 'customer', 'acd', 'agent', 'flow', 'voicemail', 'wrapup',
  'acw', 'routing', 'queue', 'queues', 'users', 'presence', 'transcription', 'audits',
]);

function looksLikeGenesysTopic(value: string): boolean {
  if (value.startsWith('v2.')) return true;
  if (!/^[A-Za-z0-9_.{}-]+$/.test(value)) return false;
  return value.split('.').some((word) => GENESYS_TOPIC_WORDS.has(word.toLowerCase()));
}

function replaceValue(span: Span, value: string): Fix {
  return { title: `Change to "${value}"`, edits: [{ ...span, newText: JSON.stringify(value) }] };
}

/** Same topic family: the template up to its first `{id}` is a prefix of the value. */
function sameFamilyPrefix(template: string, value: string): boolean {
  const head = template.split('{id}')[0] as string;
  return head.length > 3 && value.startsWith(head);
}

function nearestTopics(value: string, count: number): TopicDefinition[] {
  return [...listTopics()]
    .map((topic) => ({ topic, distance: editDistance(value, topic.template) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, count)
    .map((entry) => entry.topic);
}

/**
 * The unsatisfiable-pattern warning, unless every reason is already reported by a schema lint
 * (no need to say twice that `voice` is never sent).
 */
function neverMatchesFinding(
  result: SatisfiabilityResult,
  flagged: ReadonlySet<unknown>,
): Finding | undefined {
  if (result.satisfiable) return undefined;
  const fresh = result.impossible.filter((entry) => !flagged.has(entry.field));
  const [first] = fresh;
  if (!first) return undefined;
  return {
    code: LintCode.neverMatches,
    severity: 'warning',
    source: 'Genesys',
    message:
      `No event Genesys sends for ${first.topic.template} can match this pattern: ` +
      first.explanation,
    ...first.field.keySpan,
    related: fresh.map((entry) => ({ message: entry.explanation, ...entry.field.keySpan })),
    fixes: [],
  };
}
