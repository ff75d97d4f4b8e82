// What the extension needs from a live Genesys Cloud org, independent of the SDK that fetches it.
// Nothing here imports the SDK or vscode, so the main bundle can use these types for free.

import type { GenesysRegion } from './regions';

/** Where requests go instead of the region's hosts: a proxy, or a fake server in tests. */
export interface GenesysGateway {
  readonly host: string;
  readonly protocol?: 'http' | 'https';
  readonly port?: number;
}

export interface GenesysCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Messages from the client, already stripped of credentials. */
export interface OrgClientLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface GenesysOrgClientOptions {
  readonly credentials: GenesysCredentials;
  /** A key of the SDK's PureCloudRegionHosts, e.g. `eu_west_1`. Ignored when a gateway is set. */
  readonly region?: GenesysRegion;
  readonly gateway?: GenesysGateway;
  /** Limit for one HTTP request (the SDK's own timeout). */
  readonly requestTimeoutMs?: number;
  /** Limit for one operation, including its pages, retries and waits. */
  readonly operationDeadlineMs?: number;
  /** How often a 429 is retried before giving up. */
  readonly maxRateLimitRetries?: number;
  /** Longest Retry-After honoured; a longer demand fails at once instead of stalling the UI. */
  readonly maxRetryAfterMs?: number;
  /** Sign in again this long before the token's stated expiry. */
  readonly tokenRefreshMarginMs?: number;
  readonly pageSize?: number;
  /** Safety stop for servers whose paging never ends. */
  readonly maxPages?: number;
  readonly logger?: OrgClientLogger;
}

export interface OrganizationInfo {
  readonly id: string;
  readonly name: string;
}

export interface NamedEntity {
  readonly id: string;
  readonly name: string;
}

/** One entry of `notifications/availabletopics`, as fetched (the cache stores exactly this). */
export interface AvailableTopicInfo {
  /** Topic template with `{id}` segments, which is the EventBridge `detail-type`. */
  readonly id: string;
  readonly description: string;
  /** JSON Schema of the event body, as Genesys publishes it. */
  readonly schema: unknown;
  readonly transports: readonly string[];
  /** True when `transports` says the topic can be delivered to Amazon EventBridge. */
  readonly eventBridge: boolean;
}

/** An `amazon-eventbridge-source` integration and the envelope values it produces. */
export interface EventBridgeIntegrationInfo {
  readonly id: string;
  readonly name: string;
  readonly enabled: boolean;
  readonly eventSourceSuffix?: string;
  readonly account?: string;
  readonly region?: string;
}

export interface SignInResult {
  /** Epoch ms at which the access token expires. */
  readonly tokenExpiresAt: number;
}

/** The endpoints a client talks to, for log lines and messages (never holds credentials). */
export interface OrgClientTarget {
  readonly loginBaseUrl: string;
  readonly apiBaseUrl: string;
}

/**
 * The few Genesys Cloud calls the extension makes. Every method resolves or rejects with a
 * GenesysOrgError within the operation deadline; none of them rejects with a raw SDK value.
 */
export interface GenesysOrgClient {
  readonly target: OrgClientTarget;
  signIn(): Promise<SignInResult>;
  organization(): Promise<OrganizationInfo>;
  queues(): Promise<readonly NamedEntity[]>;
  users(): Promise<readonly NamedEntity[]>;
  availableTopics(): Promise<readonly AvailableTopicInfo[]>;
  eventBridgeIntegrations(): Promise<readonly EventBridgeIntegrationInfo[]>;
  /** Forgets the token and the secret and cancels whatever is in flight. */
  dispose(): void;
}

export type CreateGenesysOrgClient = (options: GenesysOrgClientOptions) => GenesysOrgClient;
