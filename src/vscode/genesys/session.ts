// Signing in to an org, refreshing its catalog and signing out. The SDK is loaded on the first
// sign-in or refresh, never at start-up; a cached catalog is applied at start-up without it.
//
// Operations run one after another (sign-out does not wait: it cancels what is in flight). The
// secret reaches only the org client and SecretStorage; every text that leaves this file is
// redacted against it anyway, because error texts can quote requests.

import * as vscode from 'vscode';
import { listTopics } from '../../genesys/catalog';
import { eventSourceName } from '../../genesys/envelope';
import { catalogCacheFromSnapshot, type CachedOrgCatalog } from '../../genesys/org/catalogCache';
import { GenesysOrgError, isGenesysOrgError, redact, secretForms } from '../../genesys/org/errors';
import { isSdkLoaded, loadGenesysSdk, sdkLoadMilliseconds } from '../../genesys/org/loader';
import {
  applyOrgCatalog,
  restoreBundledCatalog,
  type OrgCatalog,
} from '../../genesys/org/orgCatalog';
import { isGenesysRegion, type GenesysRegion } from '../../genesys/org/regions';
import { fetchOrgSnapshot, type OrgSnapshot } from '../../genesys/org/snapshot';
import type {
  GenesysCredentials,
  GenesysGateway,
  GenesysOrgClient,
  OrgClientLogger,
} from '../../genesys/org/types';
import { log } from '../log';
import { SECTION } from '../settings';
import type { CatalogFiles } from './catalogFiles';
import { SIGN_IN_COMMAND } from './commandIds';
import type { CredentialStore } from './credentials';
import { currentOrg, setCurrentOrg } from './orgStore';
import { pickRegion, promptClientId, promptClientSecret } from './prompts';
import {
  GENESYS_SETTINGS_SECTION,
  GenesysSettingKey,
  readGenesysSettings,
  rememberSetting,
} from './settings';
import type { GenesysStatusBar, StatusBarState } from './statusBar';

/** Arguments of the sign-in command that skip its prompts (automation and tests). */
export interface SignInArguments {
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly region?: string;
}

/** What the sign-in and refresh commands resolve with; never holds credentials. */
export interface GenesysSessionSummary {
  readonly organizationId: string;
  readonly organizationName: string;
  /** The partner event source name, i.e. the `source` of the org's events. */
  readonly eventSource: string;
  readonly integration: string | undefined;
  readonly queues: number;
  readonly users: number;
  /** Topics the org lists, and how many of them offer EventBridge. */
  readonly orgTopics: number;
  readonly orgTopicsOnEventBridge: number;
  /** Topics in the active catalog after applying the org's. */
  readonly catalogTopics: number;
  readonly warnings: readonly string[];
}

export interface GenesysSessionDescription {
  readonly signedIn: boolean;
  readonly hasStoredSecret: boolean;
  readonly sdkLoaded: boolean;
  readonly sdkLoadMs: number | undefined;
  readonly statusBar: StatusBarState;
  readonly currentOrg:
    | {
        readonly organizationId: string;
        readonly name: string;
        readonly eventSourceSuffix: string;
        readonly account: string;
        readonly region: string;
        readonly integration: string | undefined;
        readonly live: boolean;
        readonly queues: number;
        readonly users: number;
      }
    | undefined;
  readonly catalog: { readonly source: 'bundled' | 'org'; readonly templates: readonly string[] };
  readonly logDirectory: string;
  readonly catalogDirectory: string;
}

interface Target {
  readonly region?: GenesysRegion;
  readonly gateway?: GenesysGateway;
}

/** Remembered in globalState: whose cache to apply at start-up, and where it was signed in. */
interface LastOrg {
  readonly organizationId: string;
  readonly name: string;
  /** Region of that sign-in, so a refresh can sign in again without asking (no gateways). */
  readonly region?: GenesysRegion;
}

/** globalState key of the org whose cached catalog is applied at start-up. */
const LAST_ORG_KEY = 'genesys.lastOrg';

const RETRY = 'Retry';
const SIGN_IN = 'Sign In';
const OPEN_SETTINGS = 'Open Settings';
const SHOW_LOG = 'Show Log';

function parseSignInArguments(value: unknown): SignInArguments {
  if (typeof value !== 'object' || value === null) return {};
  const record = value as Record<string, unknown>;
  const pick = (key: string) => (typeof record[key] === 'string' ? record[key] : undefined);
  return { clientId: pick('clientId'), clientSecret: pick('clientSecret'), region: pick('region') };
}

function describeTarget(target: Target): string {
  if (target.gateway) {
    const { protocol = 'https', host, port } = target.gateway;
    return `gateway ${protocol}://${host}${port === undefined ? '' : `:${port}`}`;
  }
  return `region ${target.region ?? '?'}`;
}

export class GenesysSession implements vscode.Disposable {
  private client: GenesysOrgClient | undefined;
  /** Where the live client points and as whom, to notice settings that move it elsewhere. */
  private clientTarget: Target = {};
  private clientId: string | undefined;
  /** The client of a sign-in in progress, so signing out can cancel it. */
  private connecting: GenesysOrgClient | undefined;
  /** Every spelling of the secret in use, removed from whatever we log or show. */
  private redactions: string[] = [];
  private catalogSource: 'bundled' | 'org' = 'bundled';
  private queue: Promise<unknown> = Promise.resolve();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly statusBar: GenesysStatusBar,
    private readonly credentials: CredentialStore,
    private readonly files: CatalogFiles,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        // Remembering the values just used also fires this, so compare before dropping.
        if (event.affectsConfiguration(GENESYS_SETTINGS_SECTION) && this.settingsMoved()) {
          this.dropClient('the Genesys settings changed');
        }
      }),
    );
  }

  signIn(argument?: unknown): Promise<GenesysSessionSummary | undefined> {
    return this.serially(() => this.signInNow(parseSignInArguments(argument)));
  }

  refreshCatalog(): Promise<GenesysSessionSummary | undefined> {
    return this.serially(() => this.refreshNow());
  }

  signOut(): Promise<boolean> {
    // Cancel at once rather than after whatever is queued.
    this.connecting?.dispose();
    this.client?.dispose();
    return this.serially(() => this.signOutNow());
  }

  /** Applies the last org's cached catalog, if any; never loads the SDK. */
  restoreFromCache(): Promise<void> {
    return this.serially(() => this.restoreNow());
  }

  async describe(): Promise<GenesysSessionDescription> {
    const current = currentOrg();
    return {
      signedIn: this.client !== undefined,
      hasStoredSecret: (await this.credentials.read()) !== undefined,
      sdkLoaded: isSdkLoaded(),
      sdkLoadMs: sdkLoadMilliseconds(),
      statusBar: this.statusBar.state(),
      currentOrg: current && {
        organizationId: current.org.organizationId,
        name: current.name,
        eventSourceSuffix: current.org.eventSourceSuffix,
        account: current.org.account,
        region: current.org.region,
        integration: current.integration?.name,
        live: current.live,
        queues: current.queues.length,
        users: current.users.length,
      },
      catalog: { source: this.catalogSource, templates: listTopics().map((t) => t.template) },
      logDirectory: this.context.logUri.fsPath,
      catalogDirectory: this.files.directory.fsPath,
    };
  }

  dispose(): void {
    this.connecting?.dispose();
    this.client?.dispose();
    this.client = undefined;
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private serially<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async signInNow(args: SignInArguments): Promise<GenesysSessionSummary | undefined> {
    const settings = readGenesysSettings();
    if (settings.problems.length > 0) {
      this.reportFailure(
        'Genesys sign-in',
        new GenesysOrgError('config', settings.problems.join(' ')),
        () => this.signIn(),
      );
      return undefined;
    }
    const givenClientId = args.clientId?.trim() || settings.clientId;
    const typedClientId = givenClientId === undefined ? await promptClientId() : undefined;
    const clientId = givenClientId ?? typedClientId;
    if (clientId === undefined) return undefined;

    // With a gateway the region names no host, so it is neither needed nor asked for.
    let region: GenesysRegion | undefined;
    let pickedRegion = false;
    const requestedRegion = args.region ?? settings.region;
    if (requestedRegion !== undefined && !isGenesysRegion(requestedRegion)) {
      this.reportFailure(
        'Genesys sign-in',
        new GenesysOrgError('config', `"${requestedRegion}" is not a Genesys Cloud region.`),
        () => this.signIn(),
      );
      return undefined;
    }
    if (settings.gateway === undefined) {
      region = requestedRegion ?? (await pickRegion());
      if (region === undefined) return undefined;
      pickedRegion = requestedRegion === undefined;
    }

    const stored = await this.credentials.read();
    const storedSecret = stored?.clientId === clientId ? stored.clientSecret : undefined;
    let clientSecret = args.clientSecret;
    if (clientSecret === undefined) {
      const typed = await promptClientSecret(clientId, storedSecret !== undefined);
      if (typed === undefined) return undefined;
      clientSecret = typed === '' ? storedSecret : typed;
    }
    if (!clientSecret) return undefined;

    const target: Target = settings.gateway ? { gateway: settings.gateway } : { region };
    const summary = await this.connect({ clientId, clientSecret }, target, 'Genesys sign-in', () =>
      this.signIn(args),
    );
    if (summary !== undefined) {
      // Only what worked is remembered, and only the non-secret parts.
      if (typedClientId !== undefined) await rememberSetting(GenesysSettingKey.clientId, clientId);
      if (pickedRegion && region) await rememberSetting(GenesysSettingKey.region, region);
    }
    return summary;
  }

  private async refreshNow(): Promise<GenesysSessionSummary | undefined> {
    const client = this.client;
    if (client !== undefined) {
      try {
        const snapshot = await this.withProgress(
          'Refreshing the Genesys Cloud catalog',
          client,
          (report) => fetchOrgSnapshot(client, (step) => report(`Reading ${step}…`)),
        );
        return await this.adopt(snapshot, 'Refreshed');
      } catch (error) {
        if (isGenesysOrgError(error) && error.kind === 'cancelled') this.dropClient('cancelled');
        this.reportFailure('Genesys catalog refresh', error, () => this.refreshCatalog());
        return undefined;
      }
    }
    // Not signed in during this session: sign in silently with what is stored, if complete.
    const stored = await this.credentials.read();
    const settings = readGenesysSettings();
    const sameClient = settings.clientId === undefined || settings.clientId === stored?.clientId;
    const region = settings.region ?? this.context.globalState.get<LastOrg>(LAST_ORG_KEY)?.region;
    const target: Target | undefined = settings.gateway
      ? { gateway: settings.gateway }
      : region
        ? { region }
        : undefined;
    const complete = stored !== undefined && sameClient && target !== undefined;
    if (complete && settings.problems.length === 0) {
      return this.connect(stored, target, 'Genesys catalog refresh', () =>
        this.refreshCatalog(),
      );
    }
    void vscode.window
      .showInformationMessage('Sign in to a Genesys Cloud org to fetch its topics.', SIGN_IN)
      .then((choice) => {
        if (choice === SIGN_IN) void vscode.commands.executeCommand(SIGN_IN_COMMAND);
      });
    return undefined;
  }

  private async signOutNow(): Promise<boolean> {
    this.client?.dispose();
    this.client = undefined;
    this.redactions = [];
    await this.credentials.clear();
    await this.context.globalState.update(LAST_ORG_KEY, undefined);
    restoreBundledCatalog();
    this.catalogSource = 'bundled';
    setCurrentOrg(undefined);
    this.statusBar.hide();
    log().info('Genesys: signed out; the stored secret was deleted, the bundled catalog is active');
    void vscode.window.showInformationMessage('Signed out of Genesys Cloud.');
    return true;
  }

  private async restoreNow(): Promise<void> {
    try {
      await this.restoreCachedCatalog();
    } catch (error) {
      // A broken cache must not break activation; the bundled catalog simply stays.
      log().warn(`Genesys: could not apply the cached catalog: ${String(error)}`);
    }
  }

  private async restoreCachedCatalog(): Promise<void> {
    const last = this.context.globalState.get<LastOrg>(LAST_ORG_KEY);
    if (last === undefined || this.catalogSource === 'org') return;
    const cache = await this.files.read(last.organizationId);
    if (cache === undefined) {
      log().info(`Genesys: no cached catalog for org ${last.name}; the bundled catalog stays`);
      return;
    }
    const catalog = applyOrgCatalog(cache.topics);
    this.catalogSource = 'org';
    setCurrentOrg({
      org: cache.org,
      name: cache.organization.name,
      integration: undefined,
      queues: [],
      users: [],
      live: false,
      fetchedAt: cache.fetchedAt,
    });
    this.statusBar.showCached(cache.organization.name, this.cachedDetails(cache, catalog));
    log().info(
      `Genesys: applied the cached catalog of org ${cache.organization.name} ` +
        `(${cache.topics.length} topics, fetched ${new Date(cache.fetchedAt).toISOString()})`,
    );
  }

  /** Loads the SDK (first time only), signs in and reads the org; adopts it on success. */
  private async connect(
    credentials: GenesysCredentials,
    target: Target,
    operation: string,
    retry: () => Promise<unknown>,
  ): Promise<GenesysSessionSummary | undefined> {
    const redactions = secretForms(credentials);
    let client: GenesysOrgClient;
    try {
      client = this.createClient(credentials, target, redactions);
    } catch (error) {
      this.reportFailure(operation, error, retry, redactions);
      return undefined;
    }
    this.connecting = client;
    log().info(`Genesys: signing in as ${credentials.clientId} via ${describeTarget(target)}`);
    try {
      const snapshot = await this.withProgress(
        'Signing in to Genesys Cloud',
        client,
        async (report) => {
          report('Signing in…');
          await client.signIn();
          return fetchOrgSnapshot(client, (step) => report(`Reading ${step}…`));
        },
      );
      this.client?.dispose();
      this.client = client;
      this.clientTarget = target;
      this.clientId = credentials.clientId;
      this.redactions = redactions;
      await this.credentials.store(credentials);
      return await this.adopt(snapshot, 'Signed in to');
    } catch (error) {
      client.dispose();
      this.reportFailure(operation, error, retry, redactions);
      return undefined;
    } finally {
      if (this.connecting === client) this.connecting = undefined;
    }
  }

  private createClient(
    credentials: GenesysCredentials,
    target: Target,
    redactions: readonly string[],
  ): GenesysOrgClient {
    const bundle = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'genesys-sdk.js');
    const firstLoad = !isSdkLoaded();
    const sdk = loadGenesysSdk(bundle.fsPath);
    if (firstLoad) {
      log().info(`Genesys: SDK ${sdk.SDK_VERSION} loaded in ${sdkLoadMilliseconds()} ms`);
    }
    const clean = (message: string) => redact(message, redactions);
    const logger: OrgClientLogger = {
      debug: (message) => log().debug(`Genesys: ${clean(message)}`),
      info: (message) => log().info(`Genesys: ${clean(message)}`),
      warn: (message) => log().warn(`Genesys: ${clean(message)}`),
      error: (message) => log().error(`Genesys: ${clean(message)}`),
    };
    return sdk.createSdkOrgClient({ credentials, ...target, logger });
  }

  private withProgress<T>(
    title: string,
    client: GenesysOrgClient,
    work: (report: (message: string) => void) => Promise<T>,
  ): Promise<T> {
    return Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title, cancellable: true },
        async (progress, token) => {
          // Cancelling disposes the client, which aborts its requests and waits at once.
          const cancel = token.onCancellationRequested(() => client.dispose());
          try {
            return await work((message) => progress.report({ message }));
          } finally {
            cancel.dispose();
          }
        },
      ),
    );
  }

  /** Makes a fetched org the current one: catalog, cache, store, status bar, summary. */
  private async adopt(snapshot: OrgSnapshot, verb: string): Promise<GenesysSessionSummary> {
    const catalog = applyOrgCatalog(snapshot.topics);
    this.catalogSource = 'org';
    const name = snapshot.organization.name;
    try {
      const file = await this.files.write(catalogCacheFromSnapshot(snapshot));
      log().debug(`Genesys: cached the catalog of org ${name} in ${file.fsPath}`);
    } catch (error) {
      log().warn(`Genesys: could not cache the catalog of org ${name}: ${String(error)}`);
    }
    const last: LastOrg = {
      organizationId: snapshot.organization.id,
      name,
      ...(this.clientTarget.region ? { region: this.clientTarget.region } : {}),
    };
    await this.context.globalState.update(LAST_ORG_KEY, last);
    setCurrentOrg({
      org: snapshot.org,
      name,
      integration: snapshot.integration,
      queues: snapshot.queues,
      users: snapshot.users,
      live: true,
      fetchedAt: snapshot.fetchedAt,
    });
    const summary: GenesysSessionSummary = {
      organizationId: snapshot.organization.id,
      organizationName: name,
      eventSource: eventSourceName(snapshot.org),
      integration: snapshot.integration?.name,
      queues: snapshot.queues.length,
      users: snapshot.users.length,
      orgTopics: snapshot.topics.length,
      orgTopicsOnEventBridge: catalog.onEventBridge,
      catalogTopics: catalog.topics.length,
      warnings: snapshot.warnings,
    };
    const counts =
      `${summary.orgTopics} topics (${summary.orgTopicsOnEventBridge} on EventBridge), ` +
      `${summary.queues} queues, ${summary.users} users`;
    this.statusBar.showLive(
      name,
      `${counts}\nEvent source: ${summary.eventSource}\nVia ${describeTarget(this.clientTarget)}`,
    );
    log().info(
      `Genesys: ${verb.toLowerCase()} org ${name} (${summary.organizationId}): ${counts}; ` +
        `catalog now has ${summary.catalogTopics} topics; event source ${summary.eventSource}` +
        (snapshot.integration ? '' : ' (no EventBridge integration found: default values)'),
    );
    for (const warning of snapshot.warnings) log().warn(`Genesys: ${this.clean(warning)}`);
    for (const skipped of catalog.skipped) {
      log().debug(`Genesys: topic ${skipped.template} left out: ${skipped.reason}`);
    }
    const note = snapshot.warnings.length > 0 ? ' Some parts could not be read; see the log.' : '';
    void vscode.window
      .showInformationMessage(`${verb} Genesys Cloud org ${name}: ${counts}.${note}`,
        ...(note ? [SHOW_LOG] : []))
      .then((choice) => {
        if (choice === SHOW_LOG) log().show();
      });
    return summary;
  }

  private cachedDetails(cache: CachedOrgCatalog, catalog: OrgCatalog): string {
    return (
      `${cache.topics.length} topics cached ${new Date(cache.fetchedAt).toLocaleString()} ` +
      `(catalog: ${catalog.topics.length})\nEvent source: ${eventSourceName(cache.org)}`
    );
  }

  /** True when the settings now name another client id, region or gateway than the live one. */
  private settingsMoved(): boolean {
    if (this.client === undefined) return false;
    const settings = readGenesysSettings();
    if (settings.clientId !== undefined && settings.clientId !== this.clientId) return true;
    const inUse = this.clientTarget;
    if (settings.gateway !== undefined || inUse.gateway !== undefined) {
      return JSON.stringify(settings.gateway ?? null) !== JSON.stringify(inUse.gateway ?? null);
    }
    return settings.region !== undefined && settings.region !== inUse.region;
  }

  /** Forgets the live client (it may point elsewhere now); the org's catalog stays active. */
  private dropClient(reason: string): void {
    if (this.client === undefined) return;
    this.client.dispose();
    this.client = undefined;
    const current = currentOrg();
    if (current !== undefined) {
      setCurrentOrg({ ...current, live: false });
      this.statusBar.showCached(current.name, `Signed out of this session (${reason}).`);
    }
    log().info(`Genesys: session closed (${reason}); the next refresh signs in again`);
  }

  private clean(text: string, extra: readonly string[] = []): string {
    return redact(text, [...extra, ...this.redactions]);
  }

  private reportFailure(
    operation: string,
    error: unknown,
    retry: () => Promise<unknown>,
    redactions: readonly string[] = [],
  ): void {
    if (isGenesysOrgError(error) && error.kind === 'cancelled') {
      log().info(`${operation} cancelled`);
      return;
    }
    const detail = isGenesysOrgError(error)
      ? error.message
      : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    const message = this.clean(`${operation} failed: ${detail}`, redactions);
    // Operation names start with "Genesys", so the line needs no prefix of its own.
    log().error(`${message}${isGenesysOrgError(error) ? ` [${error.kind}]` : ''}`);
    const actions: string[] = [];
    if (!isGenesysOrgError(error) || error.retryable) actions.push(RETRY);
    if (isGenesysOrgError(error) && error.kind === 'auth') actions.push(SIGN_IN);
    if (isGenesysOrgError(error) && error.kind === 'config') actions.push(OPEN_SETTINGS);
    actions.push(SHOW_LOG);
    // Not awaited: the command settles now, whether or not anyone clicks.
    void vscode.window.showErrorMessage(message, ...actions).then((choice) => {
      if (choice === RETRY) void retry();
      else if (choice === SIGN_IN) void vscode.commands.executeCommand(SIGN_IN_COMMAND);
      else if (choice === OPEN_SETTINGS) {
        void vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.genesys`);
      } else if (choice === SHOW_LOG) log().show();
    });
  }
}
