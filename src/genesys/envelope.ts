import { randomUUID } from 'node:crypto';
import {
  ACCOUNT_PATTERN,
  EVENT_SOURCE_SUFFIX_PATTERN,
  REGION_PATTERN,
} from './envelopeSchema';
import type { JsonObject } from './json';
import { countTemplateIds } from './topicModel';

/** What a Genesys EventBridge integration is configured with; it shapes every envelope. */
export interface GenesysOrg {
  readonly organizationId: string;
  /** "Event Source Suffix" of the integration; ends the partner event source name. */
  readonly eventSourceSuffix: string;
  /** 12-digit AWS account the partner event source was created in. */
  readonly account: string;
  readonly region: string;
}

// Obviously fictitious values, so samples work without any real account and never leak one.
export const DEFAULT_ORGANIZATION_ID = '00000000-0000-4000-8000-000000000000';
export const DEFAULT_EVENT_SOURCE_SUFFIX = 'example-events';
export const DEFAULT_ACCOUNT = '123456789012';
export const DEFAULT_REGION = 'us-east-1';

export const DEFAULT_ORG: GenesysOrg = Object.freeze({
  organizationId: DEFAULT_ORGANIZATION_ID,
  eventSourceSuffix: DEFAULT_EVENT_SOURCE_SUFFIX,
  account: DEFAULT_ACCOUNT,
  region: DEFAULT_REGION,
});

export const EVENT_SOURCE_PREFIX = 'aws.partner/genesys.com/cloud/';

const ORGANIZATION_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Type aliases rather than interfaces so events stay assignable to JsonObject. */
export type GenesysEventDetail<Body extends JsonObject = JsonObject> = {
  topicName: string;
  version: '2';
  eventBody: Body;
  metadata: { CorrelationId: string };
  timestamp: string;
};

export type GenesysEvent<Body extends JsonObject = JsonObject> = {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: GenesysEventDetail<Body>;
};

export interface EnvelopeOptions {
  /** Topic template with `{id}`; becomes `detail-type`. */
  readonly template: string;
  /** Real ids for the `{id}` segments, in order. */
  readonly ids: string | readonly string[];
  readonly eventBody: JsonObject;
  readonly org?: Partial<GenesysOrg>;
  /** EventBridge event id; random when absent. */
  readonly eventId?: string;
  /** `detail.metadata.CorrelationId`; random when absent. */
  readonly correlationId?: string;
  /** When Genesys published the notification (epoch ms, `detail.timestamp`); now when absent. */
  readonly publishedAt?: number;
  /** When EventBridge accepted it (epoch ms, envelope `time`); `publishedAt` when absent. */
  readonly deliveredAt?: number;
}

/** The partner event source name, which is also the `source` of every event and the bus name. */
export function eventSourceName(org: Partial<GenesysOrg> = {}): string {
  const resolved = resolveOrg(org);
  return `${EVENT_SOURCE_PREFIX}${resolved.organizationId}/${resolved.eventSourceSuffix}`;
}

/** Fills the `{id}` segments of a template, e.g. for `detail.topicName`. */
export function concreteTopicName(template: string, ids: string | readonly string[]): string {
  const values = typeof ids === 'string' ? [ids] : ids;
  const expected = countTemplateIds(template);
  if (values.length !== expected) {
    throw new RangeError(`${template} needs ${expected} id(s), got ${values.length}`);
  }
  for (const value of values) {
    // A dot would split the id into extra topic segments; an empty id would leave a gap.
    if (value === '' || value.includes('.')) {
      throw new RangeError(`invalid topic id ${JSON.stringify(value)}: empty or contains "."`);
    }
  }
  let next = 0;
  return template
    .split('.')
    .map((segment) => (segment === '{id}' ? (values[next++] as string) : segment))
    .join('.');
}

/** The event exactly as a Genesys integration delivers it to the partner event bus. */
export function buildEnvelope(options: EnvelopeOptions): GenesysEvent {
  const org = resolveOrg(options.org ?? {});
  const publishedAt = options.publishedAt ?? Date.now();
  const deliveredAt = options.deliveredAt ?? publishedAt;
  // Key order follows real captures, so generated samples read like the real thing.
  return {
    version: '0',
    id: options.eventId ?? randomUUID(),
    'detail-type': options.template,
    source: eventSourceName(org),
    account: org.account,
    time: toSecondPrecisionIso(deliveredAt),
    region: org.region,
    resources: [],
    detail: {
      topicName: concreteTopicName(options.template, options.ids),
      version: '2',
      eventBody: options.eventBody,
      metadata: { CorrelationId: options.correlationId ?? randomUUID() },
      timestamp: new Date(publishedAt).toISOString(),
    },
  };
}

function toSecondPrecisionIso(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function resolveOrg(overrides: Partial<GenesysOrg>): GenesysOrg {
  // Field by field, so an override explicitly set to undefined falls back to the default.
  const org: GenesysOrg = {
    organizationId: overrides.organizationId ?? DEFAULT_ORG.organizationId,
    eventSourceSuffix: overrides.eventSourceSuffix ?? DEFAULT_ORG.eventSourceSuffix,
    account: overrides.account ?? DEFAULT_ORG.account,
    region: overrides.region ?? DEFAULT_ORG.region,
  };
  const problems = [
    ORGANIZATION_ID_PATTERN.test(org.organizationId) ? '' : 'organizationId must be a UUID',
    new RegExp(EVENT_SOURCE_SUFFIX_PATTERN).test(org.eventSourceSuffix)
      ? ''
      : 'eventSourceSuffix must be 1-64 letters, digits, ".", "-" or "_"',
    new RegExp(ACCOUNT_PATTERN).test(org.account) ? '' : 'account must be 12 digits',
    new RegExp(REGION_PATTERN).test(org.region) ? '' : 'region must look like us-east-1',
  ].filter((problem) => problem !== '');
  if (problems.length > 0) {
    throw new RangeError(`invalid Genesys org settings: ${problems.join('; ')}`);
  }
  return org;
}
