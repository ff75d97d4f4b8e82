// What values a path can hold in the events of one topic: the envelope Genesys sends around
// every notification plus the topic's body fields. Paths are joined with dots and skip array
// levels, the way EventBridge addresses them, so a pattern path can be looked up directly.

import { concreteTopicName, DEFAULT_ORG, eventSourceName } from './envelope';
import {
  ACCOUNT_PATTERN,
  HEX_EVENT_ID_PATTERN,
  MILLISECOND_TIME_PATTERN,
  REGION_PATTERN,
  SECOND_PRECISION_TIME_PATTERN,
  SOURCE_PATTERN,
} from './envelopeSchema';
import { elementTypeOf, type FieldType } from './fieldModel';
import type { TopicDefinition } from './topicModel';

export type ValueDomain =
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'const'; readonly value: string }
  | { readonly kind: 'string'; readonly pattern?: RegExp; readonly example: string }
  | { readonly kind: 'integer'; readonly example: number }
  | { readonly kind: 'number'; readonly example: number }
  | { readonly kind: 'boolean' }
  /** An object: EventBridge leaf tests never match it. */
  | { readonly kind: 'object' }
  /** `resources`: Genesys always sends an empty array, which holds no value at all. */
  | { readonly kind: 'empty-array' }
  /** A type this module does not model; anything may be there. */
  | { readonly kind: 'any' };

export interface FieldInfo {
  readonly path: string;
  readonly domain: ValueDomain;
  /** Some level on the path is an array (values are then matched element by element). */
  readonly insideArray: boolean;
  /** Where the value sits: 'envelope' fields exist on every topic. */
  readonly origin: 'envelope' | 'body';
}

export const BODY_PREFIX = 'detail.eventBody.';

const EXAMPLE_UUID = '2f7bf00a-0fc2-4d6a-9b56-92238191433e';

function envelopeFields(topic: TopicDefinition): FieldInfo[] {
  const ids = topic.templateIdFields.map(() => EXAMPLE_UUID);
  const topicNamePattern = new RegExp(
    '^' + topic.template.split('{id}').map(escapeRegExp).join('[^.]+') + '$',
  );
  const string = (pattern: string, example: string): ValueDomain => ({
    kind: 'string',
    pattern: new RegExp(pattern),
    example,
  });
  const entries: [string, ValueDomain][] = [
    ['version', { kind: 'const', value: '0' }],
    ['id', string(HEX_EVENT_ID_PATTERN, EXAMPLE_UUID)],
    ['detail-type', { kind: 'const', value: topic.template }],
    // Genesys' own test orgs send a `genesys.com.test` variant; allow any such suffix.
    ['source', string(SOURCE_PATTERN.replace('genesys\\.com/', 'genesys\\.com(\\.[a-z]+)?/'),
      eventSourceName(DEFAULT_ORG))],
    ['account', string(ACCOUNT_PATTERN, DEFAULT_ORG.account)],
    ['time', string(SECOND_PRECISION_TIME_PATTERN, '2026-01-05T08:00:00Z')],
    ['region', string(REGION_PATTERN, DEFAULT_ORG.region)],
    ['resources', { kind: 'empty-array' }],
    ['detail', { kind: 'object' }],
    ['detail.topicName', {
      kind: 'string',
      pattern: topicNamePattern,
      example: concreteTopicName(topic.template, ids),
    }],
    ['detail.version', { kind: 'const', value: '2' }],
    ['detail.eventBody', { kind: 'object' }],
    ['detail.metadata', { kind: 'object' }],
    ['detail.metadata.CorrelationId', { kind: 'string', example: EXAMPLE_UUID }],
    ['detail.timestamp', string(MILLISECOND_TIME_PATTERN, '2026-01-05T08:00:00.123Z')],
  ];
  return entries.map(([path, domain]) =>
    ({ path, domain, insideArray: false, origin: 'envelope' }));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function domainOf(type: FieldType): ValueDomain {
  const element = elementTypeOf(type);
  switch (element.kind) {
    case 'enum':
      return { kind: 'enum', values: element.values };
    case 'text':
      return { kind: 'string', example: 'example' };
    case 'id':
      return { kind: 'string', example: EXAMPLE_UUID };
    case 'timestamp':
      return element.format === 'epoch-ms'
        ? { kind: 'integer', example: 1767600000000 }
        : { kind: 'string', example: '2026-01-05T08:00:00.000Z' };
    case 'durationMs':
    case 'integer':
      return { kind: 'integer', example: 1000 };
    case 'boolean':
      return { kind: 'boolean' };
    case 'object':
    case 'stringMap':
      return { kind: 'object' };
    default:
      return numberOrAny(element);
  }
}

/** Kinds added to the field model later (floating-point numbers, free JSON) degrade gracefully. */
function numberOrAny(type: { readonly kind: string }): ValueDomain {
  return type.kind === 'number' ? { kind: 'number', example: 0.5 } : { kind: 'any' };
}

const fieldCache = new WeakMap<TopicDefinition, Map<string, FieldInfo>>();

/** Every addressable path of a topic's events. */
export function topicFields(topic: TopicDefinition): ReadonlyMap<string, FieldInfo> {
  let fields = fieldCache.get(topic);
  if (!fields) {
    fields = new Map();
    for (const info of envelopeFields(topic)) fields.set(info.path, info);
    for (const body of topic.bodyFields) {
      const path = BODY_PREFIX + body.path;
      fields.set(path, {
        path,
        domain: domainOf(body.type),
        insideArray: body.insideArray,
        origin: 'body',
      });
    }
    fieldCache.set(topic, fields);
  }
  return fields;
}

/**
 * The field at a pattern path, or undefined when the topic's events never carry it. Keys below a
 * string-to-string map (participant attributes) are the customer's own, so any key is a string.
 */
export function lookupField(topic: TopicDefinition, path: string): FieldInfo | undefined {
  const fields = topicFields(topic);
  const direct = fields.get(path);
  if (direct) return direct;
  for (const body of topic.bodyFields) {
    if (elementTypeOf(body.type).kind !== 'stringMap') continue;
    const mapPath = BODY_PREFIX + body.path + '.';
    if (path.startsWith(mapPath) && path.length > mapPath.length) {
      return {
        path,
        domain: { kind: 'string', example: 'example' },
        insideArray: body.insideArray,
        origin: 'body',
      };
    }
  }
  return undefined;
}

/** The body field list type at a body path, to rebuild nesting (lists vs objects) in witnesses. */
export function isListField(topic: TopicDefinition, bodyPath: string): boolean {
  const field = topic.bodyFields.find((candidate) => candidate.path === bodyPath);
  return field !== undefined && field.type.kind === 'list';
}
