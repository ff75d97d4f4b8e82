// Lint that knows the Genesys schemas: paths no selected topic has, values outside a field's
// enum (above all a case mismatch), tests of the wrong type, and sources Genesys never sends.
// AWS accepts all of these and the rule silently never fires.

import {
  Branch,
  CompiledPattern,
  Condition,
  FieldTest,
  JsonMember,
  JsonNode,
  JsonObject,
  Span,
} from '../engine';
import { EVENT_SOURCE_PREFIX, eventSourceName, type GenesysOrg } from './envelope';
import { BODY_PREFIX, lookupField, topicFields, ValueDomain } from './fields';
import { hasPlaceholder } from './placeholders';
import type { TopicDefinition } from './topicModel';

export interface TextEdit extends Span {
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface SchemaFinding extends Span {
  readonly code: string;
  readonly message: string;
  readonly fixes: readonly Fix[];
  /** The field test the finding is about, so later checks do not report it twice. */
  readonly field: FieldTest;
}

export const SchemaLintCode = {
  unknownField: 'unknown-field',
  enumMismatch: 'enum-mismatch',
  typeMismatch: 'type-mismatch',
  unknownSource: 'source-never-sent',
} as const;

export interface SchemaLintContext {
  readonly text: string;
  readonly root: JsonNode;
  readonly pattern: CompiledPattern;
  readonly topics: readonly TopicDefinition[];
  /** The signed-in org, to offer its exact source. */
  readonly org?: GenesysOrg;
}

/** Every field test of the pattern once, however many `$or` alternatives repeat it. */
function distinctFields(branches: readonly Branch[]): FieldTest[] {
  const seen = new Map<number, FieldTest>();
  for (const branch of branches) {
    for (const field of branch) seen.set(field.keySpan.offset * 1e6 + field.listSpan.offset, field);
  }
  return [...seen.values()];
}

export function schemaLint(context: SchemaLintContext): SchemaFinding[] {
  const findings: SchemaFinding[] = [];
  for (const field of distinctFields(context.pattern.branches)) {
    if (field.path === 'source') {
      findings.push(...sourceFindings(field, context));
      continue;
    }
    const infos = context.topics
      .map((topic) => lookupField(topic, field.path))
      .filter((info) => info !== undefined);
    if (infos.length === 0) {
      findings.push(unknownField(field, context));
      continue;
    }
    for (const condition of field.conditions) {
      if (hasPlaceholder(condition.text)) continue;
      const finding = valueFinding(field, condition, infos.map((info) => info.domain));
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

// --- unknown paths -----------------------------------------------------------------------------

function unknownField(field: FieldTest, context: SchemaLintContext): SchemaFinding {
  const known = new Set<string>();
  for (const topic of context.topics) for (const path of topicFields(topic).keys()) known.add(path);
  const suggestions = suggestPaths(field.path, known);
  const scope = context.topics.length === 1
    ? (context.topics[0] as TopicDefinition).template
    : `the ${context.topics.length} selected topics`;
  let message = `No event of ${scope} has ${field.path}, so this test never matches`;
  if (field.conditions.every((c) => c.kind === 'exists' && !c.value)) {
    message = `No event of ${scope} has ${field.path}: this exists:false test always holds`;
  }
  const fixes: Fix[] = [];
  if (suggestions.length === 1) {
    const [intended] = suggestions as [string];
    message += `. Did you mean ${intended}?`;
    const fix = moveFieldFix(field, intended, context);
    if (fix) fixes.push(fix);
  } else if (suggestions.length > 1) {
    message += `. Did you mean ${suggestions.slice(0, 3).join(' or ')}?`;
  } else if (field.path.startsWith('detail.') && !field.path.startsWith(BODY_PREFIX)) {
    message += '. Topic fields are under detail.eventBody';
  }
  return { code: SchemaLintCode.unknownField, message, fixes, field, ...field.keySpan };
}

/** Likely intended paths, best first; only unambiguous ones become quick fixes. */
export function suggestPaths(path: string, known: ReadonlySet<string>): string[] {
  // The classic: topic fields written directly under detail.
  if (path.startsWith('detail.') && !path.startsWith(BODY_PREFIX)) {
    const moved = BODY_PREFIX + path.slice('detail.'.length);
    if (known.has(moved)) return [moved];
    // REST-API shapes such as detail.routing.queue.id: the event flattens them (queueId).
    const segments = path.slice('detail.'.length).split('.');
    for (let take = segments.length; take >= 2; take--) {
      const camel = camelJoin(segments.slice(segments.length - take));
      if (known.has(BODY_PREFIX + camel)) return [BODY_PREFIX + camel];
    }
  }
  const lower = path.toLowerCase();
  const caseOnly = [...known].filter((candidate) => candidate.toLowerCase() === lower);
  if (caseOnly.length > 0) return caseOnly;
  const last = path.split('.').pop() as string;
  const sameLeaf = [...known].filter((candidate) => {
    const leaf = candidate.split('.').pop() as string;
    return leaf.toLowerCase() === last.toLowerCase() && candidate.startsWith(BODY_PREFIX);
  });
  if (sameLeaf.length > 0) return sameLeaf;
  return [...known]
    .map((candidate) => ({ candidate, distance: editDistance(path, candidate) }))
    .filter((entry) => entry.distance <= 2)
    .sort((a, b) => a.distance - b.distance)
    .map((entry) => entry.candidate);
}

function camelJoin(segments: readonly string[]): string {
  return segments
    .map((segment, index) => (index === 0 ? segment : segment[0]?.toUpperCase() + segment.slice(1)))
    .join('');
}

/**
 * Rewrites the pattern so the test addresses `intended`: `"mediaType": […]` inside `detail`
 * becomes `"eventBody": {"mediaType": […]}`, and `"routing": {"queue": {"id": […]}}` becomes
 * `"eventBody": {"queueId": […]}`. It replaces the highest member that holds nothing but this
 * test and sits where the intended path can start. A dotted key stays dotted.
 */
function moveFieldFix(
  field: FieldTest,
  intended: string,
  context: SchemaLintContext,
): Fix | undefined {
  const text = context.text;
  const chain = memberChain(context.root, field.keySpan.offset, '');
  if (!chain) return undefined;
  const listText = text.slice(field.listSpan.offset, field.listSpan.offset + field.listSpan.length);
  for (let depth = chain.length - 1; depth >= 0; depth--) {
    const link = chain[depth] as ChainLink;
    const soleBelow = chain.slice(depth + 1).every((below) => below.object.members.length === 1);
    if (!soleBelow) break;
    const prefix = link.objectPath === '' ? '' : link.objectPath + '.';
    if (!intended.startsWith(prefix)) continue;
    const relative = intended.slice(prefix.length);
    // Nesting under a key the object already has would create a duplicate key, and AWS keeps
    // only the last one: write the path as one dotted key instead, which EventBridge reads alike.
    const head = relative.split('.')[0];
    const dotted = link.member.key.includes('.') ||
      link.object.members.some((member) => member !== link.member && member.key === head);
    const start = link.member.keySpan.offset;
    const end = link.member.value.offset + link.member.value.length;
    return {
      title: `Change to ${intended}`,
      edits: [{
        offset: start,
        length: end - start,
        newText: nestedMember(relative.split('.'), listText, dotted),
      }],
    };
  }
  return undefined;
}

interface ChainLink {
  readonly object: JsonObject;
  readonly member: JsonMember;
  /** Path of the object holding the member. */
  readonly objectPath: string;
}

/** The members from the root down to the key at `keyOffset` (`$or` branches add no key). */
function memberChain(node: JsonNode, keyOffset: number, path: string): ChainLink[] | undefined {
  if (node.type === 'array') {
    for (const item of node.items) {
      const found = memberChain(item, keyOffset, path);
      if (found) return found;
    }
    return undefined;
  }
  if (node.type !== 'object') return undefined;
  for (const member of node.members) {
    const link = { object: node, member, objectPath: path };
    if (member.keySpan.offset === keyOffset) return [link];
    const isOr = member.key === '$or';
    const childPath = isOr ? path : path === '' ? member.key : `${path}.${member.key}`;
    const below = memberChain(member.value, keyOffset, childPath);
    if (below) return isOr ? below : [link, ...below];
  }
  return undefined;
}

function nestedMember(segments: readonly string[], listText: string, dotted: boolean): string {
  if (dotted || segments.length === 1) return `${JSON.stringify(segments.join('.'))}: ${listText}`;
  const [head, ...rest] = segments as [string, ...string[]];
  return `${JSON.stringify(head)}: { ${nestedMember(rest, listText, false)} }`;
}

// --- values ------------------------------------------------------------------------------------

function valueFinding(
  field: FieldTest,
  condition: Condition,
  domains: readonly ValueDomain[],
): SchemaFinding | undefined {
  const make = (code: string, message: string, fixes: Fix[] = []): SchemaFinding => ({
    code,
    message,
    fixes,
    field,
    offset: condition.span.offset,
    length: condition.span.length,
  });
  const replace = (title: string, newText: string): Fix => ({
    title,
    edits: [{ ...condition.span, newText }],
  });
  const kinds = new Set(domains.map((domain) => domain.kind));
  const only = (kind: ValueDomain['kind']): boolean => kinds.size === 1 && kinds.has(kind);

  if (only('enum')) {
    const values = new Set(domains.flatMap((d) => (d.kind === 'enum' ? d.values : [])));
    const literal = condition.kind === 'exact-string' ? condition.value : undefined;
    if (literal !== undefined && !values.has(literal)) {
      const sameLetters = [...values].find((v) => v.toLowerCase() === literal.toLowerCase());
      if (sameLetters !== undefined) {
        return make(
          SchemaLintCode.enumMismatch,
          `Genesys sends "${sameLetters}" in ${field.path}, not "${literal}": matching is ` +
            'case-sensitive',
          [replace(`Change to "${sameLetters}"`, JSON.stringify(sameLetters))],
        );
      }
      const shown = [...values].slice(0, 10).map((v) => `"${v}"`).join(', ');
      return make(
        SchemaLintCode.enumMismatch,
        `"${literal}" is not a value Genesys sends in ${field.path} (${shown}` +
          `${values.size > 10 ? ', …' : ''})`,
      );
    }
  }
  const stringField = [...kinds].every((k) => k === 'enum' || k === 'string' || k === 'const');
  const numberField = [...kinds].every((k) => k === 'integer' || k === 'number');
  if (stringField && condition.kind === 'numeric') {
    return make(SchemaLintCode.typeMismatch,
      `${field.path} is a string in Genesys events; numeric never matches a string`);
  }
  if (stringField && condition.kind === 'exact-number') {
    return make(SchemaLintCode.typeMismatch,
      `${field.path} is a string in Genesys events; the number ${condition.raw} never equals it`,
      [replace(`Quote as "${condition.raw}"`, JSON.stringify(condition.raw))]);
  }
  if (numberField && condition.kind === 'exact-string') {
    const fixes = /^-?\d+(\.\d+)?$/.test(condition.value)
      ? [replace(`Change to the number ${condition.value}`, condition.value)]
      : [];
    return make(SchemaLintCode.typeMismatch,
      `${field.path} is a number in Genesys events; the string "${condition.value}" never ` +
        'equals it', fixes);
  }
  if (numberField && isStringOperator(condition)) {
    return make(SchemaLintCode.typeMismatch,
      `${field.path} is a number in Genesys events; ${condition.kind} only matches strings`);
  }
  if (only('boolean') && condition.kind === 'exact-string' &&
    (condition.value === 'true' || condition.value === 'false')) {
    return make(SchemaLintCode.typeMismatch,
      `${field.path} is a boolean in Genesys events; the string "${condition.value}" never ` +
        'equals it', [replace(`Change to ${condition.value}`, condition.value)]);
  }
  return undefined;
}

function isStringOperator(condition: Condition): boolean {
  return ['prefix', 'suffix', 'equals-ignore-case', 'wildcard', 'cidr', 'exactly'].includes(
    condition.kind,
  );
}

// --- source -------------------------------------------------------------------------------------

const SOURCE_SHAPE =
  /^aws\.partner\/genesys\.com(\.[a-z]+)?\/cloud\/[0-9a-f-]{36}\/[A-Za-z0-9._-]{1,64}$/;
const SOURCE_ROOT = 'aws.partner/genesys.com';

function sourceFindings(field: FieldTest, context: SchemaLintContext): SchemaFinding[] {
  const findings: SchemaFinding[] = [];
  for (const condition of field.conditions) {
    if (hasPlaceholder(condition.text)) continue;
    let never: string | undefined;
    if (condition.kind === 'exact-string' && !SOURCE_SHAPE.test(condition.value)) {
      never = condition.value === SOURCE_ROOT
        ? `Genesys never sends exactly "${SOURCE_ROOT}": the source is ` +
          `${SOURCE_ROOT}/cloud/<org id>/<suffix>`
        : `Genesys never sends the source "${condition.value}": it sends ` +
          `${SOURCE_ROOT}/cloud/<org id>/<suffix>`;
    } else if (
      condition.kind === 'prefix' &&
      !condition.ignoreCase &&
      !EVENT_SOURCE_PREFIX.startsWith(condition.value) &&
      !condition.value.startsWith(EVENT_SOURCE_PREFIX)
    ) {
      never = `No Genesys source starts with "${condition.value}": sources start with ` +
        `${EVENT_SOURCE_PREFIX}`;
    }
    if (never === undefined) continue;
    const fixes: Fix[] = [
      {
        title: `Match any Genesys org: {"prefix": "${SOURCE_ROOT}"}`,
        edits: [{ ...condition.span, newText: `{ "prefix": "${SOURCE_ROOT}" }` }],
      },
    ];
    if (context.org) {
      const exact = eventSourceName(context.org);
      fixes.unshift({
        title: `Match your org's source "${exact}"`,
        edits: [{ ...condition.span, newText: JSON.stringify(exact) }],
      });
    }
    findings.push({
      code: SchemaLintCode.unknownSource,
      message: never,
      fixes,
      field,
      offset: condition.span.offset,
      length: condition.span.length,
    });
  }
  return findings;
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(
        Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1),
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
