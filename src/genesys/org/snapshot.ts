// Everything the extension reads from an org in one pass: who the org is, how its EventBridge
// integration shapes envelopes, its queues and users, and its available topics. Only the org
// and its topics are required; the rest needs permissions an OAuth client may lack, so a 403
// there becomes a warning instead of a failed sign-in.

import {
  DEFAULT_ACCOUNT,
  DEFAULT_EVENT_SOURCE_SUFFIX,
  DEFAULT_REGION,
  type GenesysOrg,
} from '../envelope';
import { isGenesysOrgError } from './errors';
import type {
  AvailableTopicInfo,
  EventBridgeIntegrationInfo,
  GenesysOrgClient,
  NamedEntity,
  OrganizationInfo,
} from './types';

export interface OrgSnapshot {
  readonly organization: OrganizationInfo;
  /** Envelope values: the real org id, and the integration's suffix, account and region. */
  readonly org: GenesysOrg;
  /** The integration `org` was taken from; undefined when the org has none we could read. */
  readonly integration: EventBridgeIntegrationInfo | undefined;
  readonly queues: readonly NamedEntity[];
  readonly users: readonly NamedEntity[];
  readonly topics: readonly AvailableTopicInfo[];
  /** Parts that could not be read, each a sentence for the log and the summary message. */
  readonly warnings: readonly string[];
  readonly fetchedAt: number;
}

export type SnapshotStep = 'organization' | 'topics' | 'queues' | 'users' |
  'EventBridge integration';

/** The integration whose values events carry: an enabled one with a suffix, if any. */
export function pickIntegration(
  integrations: readonly EventBridgeIntegrationInfo[],
): EventBridgeIntegrationInfo | undefined {
  const configured = integrations.filter((i) => i.eventSourceSuffix !== undefined);
  return configured.find((i) => i.enabled) ?? configured[0];
}

export function envelopeOrg(
  organizationId: string,
  integration: EventBridgeIntegrationInfo | undefined,
): GenesysOrg {
  return {
    organizationId,
    eventSourceSuffix: integration?.eventSourceSuffix ?? DEFAULT_EVENT_SOURCE_SUFFIX,
    account: integration?.account ?? DEFAULT_ACCOUNT,
    region: integration?.region ?? DEFAULT_REGION,
  };
}

async function optional<T>(
  what: string,
  fetch: () => Promise<T>,
  fallback: T,
  warnings: string[],
): Promise<T> {
  try {
    return await fetch();
  } catch (error) {
    // Missing permissions or an endpoint the org does not offer: carry on without this part.
    if (isGenesysOrgError(error) && (error.kind === 'forbidden' || error.kind === 'bad-response')) {
      warnings.push(`${what} could not be read: ${error.message}`);
      return fallback;
    }
    throw error;
  }
}

export async function fetchOrgSnapshot(
  client: GenesysOrgClient,
  onStep: (step: SnapshotStep) => void = () => undefined,
): Promise<OrgSnapshot> {
  // No explicit sign-in: the client signs in on its first request, or reuses its token.
  const warnings: string[] = [];
  onStep('organization');
  const organization = await client.organization();
  onStep('topics');
  const topics = await client.availableTopics();
  onStep('queues');
  const queues = await optional('Queues', () => client.queues(), [], warnings);
  onStep('users');
  const users = await optional('Users', () => client.users(), [], warnings);
  onStep('EventBridge integration');
  const integrations = await optional(
    'The EventBridge integration',
    () => client.eventBridgeIntegrations(),
    [],
    warnings,
  );
  const integration = pickIntegration(integrations);
  return {
    organization,
    org: envelopeOrg(organization.id, integration),
    integration,
    queues,
    users,
    topics,
    warnings,
    fetchedAt: Date.now(),
  };
}
