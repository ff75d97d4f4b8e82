// The per-org catalog file: the available topics exactly as fetched, plus the org's envelope
// values, so a restart can offer the org's topics without signing in (and without the SDK).
// Raw topics rather than converted definitions are stored, so a newer converter reads old
// files. Nothing secret goes in: no credentials, no tokens, no user names.

import type { GenesysOrg } from '../envelope';
import type { OrgSnapshot } from './snapshot';
import type { AvailableTopicInfo, OrganizationInfo } from './types';

export const CATALOG_CACHE_VERSION = 1;

export interface CachedOrgCatalog {
  readonly version: typeof CATALOG_CACHE_VERSION;
  readonly organization: OrganizationInfo;
  readonly org: GenesysOrg;
  /** Name of the integration the envelope values came from, if any. */
  readonly integrationName?: string;
  readonly fetchedAt: number;
  readonly topics: readonly AvailableTopicInfo[];
}

/** Org ids are UUIDs; anything else is reduced to a safe file name all the same. */
export function catalogCacheFileName(organizationId: string): string {
  return `catalog-${organizationId.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
}

export function catalogCacheFromSnapshot(snapshot: OrgSnapshot): CachedOrgCatalog {
  return {
    version: CATALOG_CACHE_VERSION,
    organization: snapshot.organization,
    org: snapshot.org,
    ...(snapshot.integration ? { integrationName: snapshot.integration.name } : {}),
    fetchedAt: snapshot.fetchedAt,
    topics: snapshot.topics,
  };
}

export function serializeCatalogCache(cache: CachedOrgCatalog): string {
  return `${JSON.stringify(cache)}\n`;
}

const isString = (value: unknown): value is string => typeof value === 'string';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTopic(value: unknown): value is AvailableTopicInfo {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.description) &&
    Array.isArray(value.transports) &&
    value.transports.every(isString) &&
    typeof value.eventBridge === 'boolean'
  );
}

/** The cache in `text`, or undefined when it is unreadable or of another version. */
export function parseCatalogCache(text: string): CachedOrgCatalog | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || value.version !== CATALOG_CACHE_VERSION) return undefined;
  const { organization, org, topics, fetchedAt, integrationName } = value;
  if (!isRecord(organization) || !isString(organization.id) || !isString(organization.name)) {
    return undefined;
  }
  if (
    !isRecord(org) ||
    !isString(org.organizationId) ||
    !isString(org.eventSourceSuffix) ||
    !isString(org.account) ||
    !isString(org.region)
  ) {
    return undefined;
  }
  if (typeof fetchedAt !== 'number' || !Array.isArray(topics) || !topics.every(isTopic)) {
    return undefined;
  }
  return {
    version: CATALOG_CACHE_VERSION,
    organization: { id: organization.id, name: organization.name },
    org: {
      organizationId: org.organizationId,
      eventSourceSuffix: org.eventSourceSuffix,
      account: org.account,
      region: org.region,
    },
    ...(isString(integrationName) ? { integrationName } : {}),
    fetchedAt,
    topics,
  };
}
