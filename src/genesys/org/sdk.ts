// GenesysOrgClient on top of the Genesys Cloud JavaScript SDK. This file is its own esbuild
// entry (dist/genesys-sdk.js): the SDK is 2 MB minified and takes ~100 ms to load, so the
// extension requires it only when someone signs in (see loader.ts). Nothing of vscode here.
//
// The SDK neither retries nor re-logs in for client credentials; both are done here, inside an
// overall deadline per operation so a caller never waits open-ended.

import * as path from 'node:path';
import { GenesysOrgError, isGenesysOrgError, redact, secretForms } from './errors';
import { errorFromFailure, failureFacts, type FailureFacts } from './failures';
import { GENESYS_REGION_HOSTS } from './regions';
import type {
  SdkApiClient,
  SdkAvailableTopic,
  SdkExtendedResponse,
  SdkModule,
  SdkPageListing,
} from './sdkTypes';
import { Deadline, formatSeconds, parseRetryAfter, sleep } from './timing';
import { offersEventBridge } from './transports';
import type {
  AvailableTopicInfo,
  EventBridgeIntegrationInfo,
  GenesysOrgClient,
  GenesysOrgClientOptions,
  NamedEntity,
  OrgClientLogger,
  OrgClientTarget,
  OrganizationInfo,
  SignInResult,
} from './types';

/*
 * A path below this very file: it can never exist (a file has no children), so whatever the SDK
 * looks for there is absent, whoever creates what in the user's home or temp folder.
 */
const NOWHERE = path.join(__filename, 'no-genesys-sdk-config');

/**
 * Runs `construct` with the home folder pointing nowhere. Constructing an ApiClient (which
 * loading the SDK also does once) reads ~/.genesyscloudjavascript/config and applies it at once:
 * a [gateway] there would redirect our requests, a [logging] section would open a log file or
 * print to the console. Resetting afterwards cannot undo a file already opened, so the SDK must
 * not find the file in the first place. Synchronous, so nothing else runs while HOME is changed.
 */
function withoutUserConfig<T>(construct: () => T): T {
  const saved = { HOME: process.env.HOME, USERPROFILE: process.env.USERPROFILE };
  process.env.HOME = NOWHERE;
  process.env.USERPROFILE = NOWHERE;
  try {
    return construct();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

// Loading this module is what loads the SDK. A plain require keeps the SDK's 2.6 MB of type
// declarations out of the compile; sdkTypes.ts describes the part we use.
const sdk = withoutUserConfig(() => require('purecloud-platform-client-v2') as SdkModule);
const sdkPackage = require('purecloud-platform-client-v2/package.json') as { version: string };

export const SDK_VERSION: string = sdkPackage.version;

/** The SDK's region table, for the test that keeps regions.ts in step with it. */
export function sdkRegionHosts(): Readonly<Record<string, string>> {
  return sdk.PureCloudRegionHosts;
}

export const EVENTBRIDGE_INTEGRATION_TYPE = 'amazon-eventbridge-source';

const DEFAULTS = {
  requestTimeoutMs: 15_000,
  // Generous: one operation may be 200 pages of users; the UI can cancel sooner.
  operationDeadlineMs: 120_000,
  maxRateLimitRetries: 3,
  maxRetryAfterMs: 30_000,
  tokenRefreshMarginMs: 60_000,
  pageSize: 100,
  maxPages: 200,
} as const;

/** Back-off when a 429 comes without a readable Retry-After: 1 s, 2 s, 4 s, ... */
const FALLBACK_BACKOFF_MS = 1_000;

const SILENT_LOGGER: OrgClientLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/**
 * Second line of defence after withoutUserConfig: point the SDK's config path at a file that
 * cannot exist (it re-reads it on changes), stop its file watcher, and reset everything a
 * config file could have set.
 */
function isolateFromUserConfig(apiClient: SdkApiClient): void {
  const configuration = apiClient.config;
  configuration.setConfigPath(NOWHERE);
  configuration.live_reload_config = false;
  configuration.config = undefined;
  configuration.host = undefined;
  configuration.refresh_access_token = false;
  const logger = configuration.logger;
  logger.log_level = 'none';
  logger.log_to_console = false;
  logger.log_file_path = undefined;
  logger.log_request_body = false;
  logger.log_response_body = false;
  logger.setLogger();
  apiClient.setGateway(undefined);
  apiClient.setPersistSettings(false);
}

// The SDK's own singleton is never used for requests, but it watches its config path too.
isolateFromUserConfig(sdk.ApiClient);

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function namedEntity(value: { id?: string; name?: string }): NamedEntity | undefined {
  const id = text(value.id);
  return id === undefined ? undefined : { id, name: text(value.name) ?? id };
}

type ClientSettings = Required<
  Omit<GenesysOrgClientOptions, 'credentials' | 'region' | 'gateway' | 'logger'>
>;

class SdkOrgClient implements GenesysOrgClient {
  readonly target: OrgClientTarget;
  private readonly apiClient: SdkApiClient;
  private readonly abort = new AbortController();
  private readonly settings: ClientSettings;
  private readonly clientId: string;
  /** A closure rather than a field, so inspecting or serialising the client never shows it. */
  private readSecret: () => string;
  private tokenExpiresAt: number | undefined;
  private pendingLogin: Promise<SignInResult> | undefined;
  private readonly log: OrgClientLogger;

  constructor(options: GenesysOrgClientOptions) {
    const { credentials } = options;
    if (text(credentials.clientId) === undefined || credentials.clientSecret === '') {
      throw new GenesysOrgError('config', 'A client id and a client secret are required.');
    }
    this.clientId = credentials.clientId.trim();
    const secret = credentials.clientSecret;
    this.readSecret = () => secret;
    this.settings = {
      requestTimeoutMs: options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
      operationDeadlineMs: options.operationDeadlineMs ?? DEFAULTS.operationDeadlineMs,
      maxRateLimitRetries: options.maxRateLimitRetries ?? DEFAULTS.maxRateLimitRetries,
      maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs,
      tokenRefreshMarginMs: options.tokenRefreshMarginMs ?? DEFAULTS.tokenRefreshMarginMs,
      pageSize: options.pageSize ?? DEFAULTS.pageSize,
      maxPages: options.maxPages ?? DEFAULTS.maxPages,
    };
    const sink = options.logger ?? SILENT_LOGGER;
    const clean = (message: string) => redact(message, this.secrets());
    this.log = {
      debug: (message) => sink.debug(clean(message)),
      info: (message) => sink.info(clean(message)),
      warn: (message) => sink.warn(clean(message)),
      error: (message) => sink.error(clean(message)),
    };

    this.apiClient = withoutUserConfig(() => new sdk.ApiClientClass());
    isolateFromUserConfig(this.apiClient);
    // Read by the SDK when it creates its HTTP client, i.e. on the first request.
    this.apiClient.timeout = this.settings.requestTimeoutMs;
    this.apiClient.setReturnExtendedResponses(true);
    if (options.gateway !== undefined) {
      const { host, protocol = 'https', port } = options.gateway;
      if (text(host) === undefined) {
        throw new GenesysOrgError('config', 'The Genesys API gateway needs a host.');
      }
      this.apiClient.setGateway({
        host,
        protocol,
        port: port ?? -1,
        path_params_login: '',
        path_params_api: '',
      });
    } else {
      // Never fall back to the SDK's default region: a missing region is a settings problem.
      const region = options.region;
      const host = region === undefined ? undefined : sdk.PureCloudRegionHosts[region];
      if (host === undefined) {
        throw new GenesysOrgError(
          'config',
          `Unknown Genesys Cloud region "${String(region)}"; expected one of ` +
            `${Object.keys(GENESYS_REGION_HOSTS).join(', ')}.`,
        );
      }
      this.apiClient.setEnvironment(host);
    }
    const configuration = this.apiClient.config;
    this.target = {
      loginBaseUrl: configuration.getConfUrl('login', configuration.authUrl),
      apiBaseUrl: configuration.getConfUrl('api', configuration.basePath),
    };
  }

  private secrets(): string[] {
    const token = this.apiClient?.authData.accessToken;
    return [
      ...secretForms({ clientId: this.clientId, clientSecret: this.readSecret() }),
      ...(token ? [token] : []),
    ];
  }

  signIn(): Promise<SignInResult> {
    const deadline = new Deadline(this.settings.operationDeadlineMs, 'signing in');
    return this.requestToken(deadline);
  }

  async organization(): Promise<OrganizationInfo> {
    const what = 'GET /api/v2/organizations/me';
    const deadline = new Deadline(this.settings.operationDeadlineMs, what);
    const api = new sdk.OrganizationApi(this.apiClient);
    const body = await this.call(what, deadline, () => api.getOrganizationsMe());
    const id = text(body?.id);
    if (id === undefined) {
      throw new GenesysOrgError('bad-response', `Genesys Cloud answered ${what} without an id.`);
    }
    return { id, name: text(body.name) ?? id };
  }

  async queues(): Promise<readonly NamedEntity[]> {
    const api = new sdk.RoutingApi(this.apiClient);
    const queues = await this.allPages('GET /api/v2/routing/queues', (pageNumber, pageSize) =>
      api.getRoutingQueues({ pageNumber, pageSize }),
    );
    return queues.flatMap((queue) => namedEntity(queue) ?? []);
  }

  async users(): Promise<readonly NamedEntity[]> {
    const api = new sdk.UsersApi(this.apiClient);
    const users = await this.allPages('GET /api/v2/users', (pageNumber, pageSize) =>
      api.getUsers({ pageNumber, pageSize }),
    );
    return users.flatMap((user) => namedEntity(user) ?? []);
  }

  async availableTopics(): Promise<readonly AvailableTopicInfo[]> {
    const what = 'GET /api/v2/notifications/availabletopics';
    const deadline = new Deadline(this.settings.operationDeadlineMs, what);
    const api = new sdk.NotificationsApi(this.apiClient);
    const body = await this.call(what, deadline, () =>
      api.getNotificationsAvailabletopics({
        expand: ['schema', 'transports'],
        includePreview: false,
      }),
    );
    const entities: readonly SdkAvailableTopic[] | undefined = body?.entities;
    if (!Array.isArray(entities)) {
      throw new GenesysOrgError('bad-response', `Genesys Cloud answered ${what} without a list.`);
    }
    const seen = new Set<string>();
    const topics: AvailableTopicInfo[] = [];
    for (const entity of entities) {
      const id = text(entity?.id);
      if (id === undefined || seen.has(id)) continue;
      seen.add(id);
      const listed: readonly unknown[] = Array.isArray(entity.transports) ? entity.transports : [];
      const transports = listed.filter((t): t is string => typeof t === 'string');
      topics.push({
        id,
        description: text(entity.description) ?? '',
        schema: entity.schema,
        transports,
        eventBridge: offersEventBridge(transports),
      });
    }
    return topics;
  }

  async eventBridgeIntegrations(): Promise<readonly EventBridgeIntegrationInfo[]> {
    const api = new sdk.IntegrationsApi(this.apiClient);
    const listed = await this.allPages('GET /api/v2/integrations', (pageNumber, pageSize) =>
      api.getIntegrations({ pageNumber, pageSize, integrationType: EVENTBRIDGE_INTEGRATION_TYPE }),
    );
    // The type filter is a query parameter a server may ignore, so check the type here too.
    const eventBridge = listed.filter(
      (integration) => integration.integrationType?.id === EVENTBRIDGE_INTEGRATION_TYPE,
    );
    const result: EventBridgeIntegrationInfo[] = [];
    for (const integration of eventBridge) {
      const id = text(integration.id);
      if (id === undefined) continue;
      const what = `GET /api/v2/integrations/${id}/config/current`;
      const deadline = new Deadline(this.settings.operationDeadlineMs, what);
      const config = await this.call(what, deadline, () => api.getIntegrationConfigCurrent(id));
      const properties = config?.properties ?? {};
      result.push({
        id,
        name: text(integration.name) ?? id,
        enabled: integration.intendedState === 'ENABLED',
        eventSourceSuffix: text(properties.eventSourceSuffix),
        account: text(properties.awsAccountId),
        region: text(properties.awsAccountRegion),
      });
    }
    return result;
  }

  dispose(): void {
    this.abort.abort();
    this.readSecret = () => '';
    this.tokenExpiresAt = undefined;
    this.apiClient.setAccessToken(undefined);
  }

  private async allPages<Entity>(
    what: string,
    fetchPage: (pageNumber: number, pageSize: number) => Promise<
      SdkExtendedResponse<SdkPageListing<Entity>>
    >,
  ): Promise<Entity[]> {
    const deadline = new Deadline(this.settings.operationDeadlineMs, what);
    const { pageSize, maxPages } = this.settings;
    const items: Entity[] = [];
    for (let pageNumber = 1; ; pageNumber++) {
      if (pageNumber > maxPages) {
        this.log.warn(`${what}: stopped after ${maxPages} pages of ${pageSize}`);
        break;
      }
      const listing = await this.call(`${what} (page ${pageNumber})`, deadline, () =>
        fetchPage(pageNumber, pageSize),
      );
      if (!Array.isArray(listing?.entities)) {
        throw new GenesysOrgError(
          'bad-response',
          `Genesys Cloud answered ${what} (page ${pageNumber}) without a list.`,
        );
      }
      items.push(...listing.entities);
      const lastPage =
        listing.entities.length === 0 ||
        (typeof listing.pageCount === 'number'
          ? pageNumber >= listing.pageCount
          : !listing.nextUri);
      if (lastPage) break;
    }
    return items;
  }

  /** Signs in once at a time; concurrent callers share the same token request. */
  private requestToken(deadline: Deadline): Promise<SignInResult> {
    this.pendingLogin ??= this.loginWithRetries(deadline).finally(() => {
      this.pendingLogin = undefined;
    });
    return this.pendingLogin;
  }

  private async loginWithRetries(deadline: Deadline): Promise<SignInResult> {
    const what = 'POST /oauth/token';
    for (let rateLimitRetries = 0; ; rateLimitRetries++) {
      try {
        const started = Date.now();
        const auth = await deadline.race(
          invoke(() =>
            this.apiClient.loginClientCredentialsGrant(this.clientId, this.readSecret()),
          ),
          this.abort.signal,
        );
        const expiresAt = auth.tokenExpiryTime;
        if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt) || !auth.accessToken) {
          throw new GenesysOrgError(
            'bad-response',
            `Genesys Cloud answered ${what} without a token.`,
          );
        }
        this.tokenExpiresAt = expiresAt;
        const validFor = formatSeconds(expiresAt - Date.now());
        this.log.info(
          `signed in as OAuth client ${this.clientId} at ${this.target.loginBaseUrl} ` +
            `(${Date.now() - started} ms; token valid for ${validFor})`,
        );
        return { tokenExpiresAt: expiresAt };
      } catch (raw) {
        if (isGenesysOrgError(raw)) throw raw;
        const facts = failureFacts(raw);
        if (facts.status === 429) {
          await this.waitForRateLimit(what, facts, rateLimitRetries, deadline);
          continue;
        }
        if (facts.status === 400 || facts.status === 401) {
          throw new GenesysOrgError(
            'auth',
            redact(
              `Genesys Cloud did not accept the client credentials (HTTP ${facts.status}` +
                `${facts.detail ? `, ${facts.detail.slice(0, 200)}` : ''}). Check the client id ` +
                'and secret, that the OAuth client uses the Client Credentials grant, and ' +
                'the region.',
              this.secrets(),
            ),
            facts.status,
          );
        }
        throw errorFromFailure(facts, this.failureContext(what, this.target.loginBaseUrl));
      }
    }
  }

  /**
   * One API request with everything around it: a token that is valid now, Retry-After on 429,
   * one silent new sign-in on 401 (client-credential tokens cannot be refreshed otherwise).
   */
  private async call<Body>(
    what: string,
    deadline: Deadline,
    send: () => Promise<SdkExtendedResponse<Body>>,
  ): Promise<Body> {
    let signedInAgain = false;
    for (let rateLimitRetries = 0; ; ) {
      if (this.tokenNeedsRenewal()) await this.requestToken(deadline);
      try {
        const started = Date.now();
        const response = await deadline.race(invoke(send), this.abort.signal);
        this.log.debug(`${what}: HTTP ${response.status} in ${Date.now() - started} ms`);
        return response.body;
      } catch (raw) {
        if (isGenesysOrgError(raw)) throw raw;
        const facts = failureFacts(raw);
        if (facts.status === 429) {
          await this.waitForRateLimit(what, facts, rateLimitRetries, deadline);
          rateLimitRetries++;
          continue;
        }
        if (facts.status === 401 && !signedInAgain) {
          signedInAgain = true;
          this.log.info(`${what}: the access token was refused (HTTP 401); signing in again`);
          this.tokenExpiresAt = undefined;
          continue;
        }
        if (facts.status === 401) {
          throw new GenesysOrgError(
            'auth',
            `Genesys Cloud refused ${what} even right after signing in again (HTTP 401). ` +
              'Check that the OAuth client is active and belongs to this org.',
            401,
          );
        }
        throw errorFromFailure(facts, this.failureContext(what, this.target.apiBaseUrl));
      }
    }
  }

  private tokenNeedsRenewal(): boolean {
    return (
      this.tokenExpiresAt === undefined ||
      Date.now() >= this.tokenExpiresAt - this.settings.tokenRefreshMarginMs
    );
  }

  private async waitForRateLimit(
    what: string,
    facts: FailureFacts,
    retriesSoFar: number,
    deadline: Deadline,
  ): Promise<void> {
    const { maxRateLimitRetries, maxRetryAfterMs } = this.settings;
    if (retriesSoFar >= maxRateLimitRetries) {
      throw new GenesysOrgError(
        'rate-limited',
        `Genesys Cloud is rate-limiting ${what} (HTTP 429 Too Many Requests) and still was ` +
          `after ${maxRateLimitRetries} ${maxRateLimitRetries === 1 ? 'retry' : 'retries'}; ` +
          'try again in a minute.',
        429,
      );
    }
    const asked = parseRetryAfter(facts.headers['retry-after']);
    const waitMs = asked ?? FALLBACK_BACKOFF_MS * 2 ** retriesSoFar;
    if (waitMs > maxRetryAfterMs || waitMs >= deadline.remainingMs()) {
      throw new GenesysOrgError(
        'rate-limited',
        `Genesys Cloud is rate-limiting ${what} (HTTP 429) and asks to wait ` +
          `${formatSeconds(waitMs)}, longer than this request may take; try again later.`,
        429,
      );
    }
    this.log.warn(
      `${what}: HTTP 429, retrying in ${formatSeconds(waitMs)} ` +
        `(${asked === undefined ? 'no Retry-After' : 'Retry-After'}; ` +
        `retry ${retriesSoFar + 1} of ${maxRateLimitRetries})`,
    );
    await sleep(waitMs, this.abort.signal);
  }

  private failureContext(what: string, baseUrl: string) {
    return {
      what,
      baseUrl,
      requestTimeoutMs: this.settings.requestTimeoutMs,
      secrets: this.secrets(),
    };
  }
}

/** Calls `send` so that a synchronous throw (the SDK throws strings) becomes a rejection. */
function invoke<T>(send: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve) => resolve(send()));
}

export function createSdkOrgClient(options: GenesysOrgClientOptions): GenesysOrgClient {
  return new SdkOrgClient(options);
}
