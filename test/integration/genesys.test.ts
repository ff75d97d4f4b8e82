// The live-org feature inside a real VS Code extension host, against the fake Genesys API that
// this file starts on 127.0.0.1. The apiGateway setting points the extension at it before any
// sign-in, so no request can go to a real Genesys host (the e2e runner also has no network).
//
// What it checks: the SDK bundle is not loaded before sign-in; sign-in with arguments skips the
// prompts and fills the status bar and the org store; refreshCatalog applies the org's topics
// and caches them; the secret is in no setting, no log file and no cache file; sign-out clears
// it. The session is read through the extension's internal describeSession command.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  DEFAULT_FAKE_TOPICS,
  fakeTopicSchema,
  startFakeGenesysApi,
  type FakeGenesysApi,
} from '../fakes/genesysApi';

const EXTENSION_ID = 'genesys-eventbridge-tools.genesys-eventbridge-patterns';
const SECTION = 'genesysEventBridge';
const DESCRIBE = 'genesysEventBridge.genesys.describeSession';
const CLIENT_ID = 'integration-test-client';
const SECRET = 'Integration-S3cret-4c1d9e-do-not-log';
const ORG_ONLY_TOPIC = 'v2.fake.wallboards.{id}.tiles';
const ADDED_LATER_TOPIC = 'v2.fake.campaigns.{id}.progress';

/** The parts of the extension's session snapshot these tests read. */
interface SessionDescription {
  signedIn: boolean;
  hasStoredSecret: boolean;
  sdkLoaded: boolean;
  statusBar: { visible: boolean; text: string; tooltip: string };
  currentOrg?: {
    organizationId: string;
    name: string;
    eventSourceSuffix: string;
    account: string;
    region: string;
    live: boolean;
    queues: number;
    users: number;
  };
  catalog: { source: 'bundled' | 'org'; templates: string[] };
  logDirectory: string;
  catalogDirectory: string;
}

interface SessionSummary {
  organizationId: string;
  organizationName: string;
  eventSource: string;
  queues: number;
  users: number;
  orgTopics: number;
  catalogTopics: number;
}

const leakForms = [
  SECRET,
  Buffer.from(SECRET).toString('base64'),
  Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64'),
];

function describeSession(): Thenable<SessionDescription> {
  return vscode.commands.executeCommand<SessionDescription>(DESCRIBE);
}

/** Modules of the SDK in this extension host's module cache (shared by every extension). */
function loadedSdkModules(): string[] {
  return Object.keys(require.cache).filter((file) =>
    file.endsWith(`${path.sep}genesys-sdk.js`) || file.includes('purecloud-platform-client-v2'));
}

function filesUnder(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  return (fs.readdirSync(directory, { recursive: true }) as string[])
    .map((name) => path.join(directory, name))
    .filter((file) => fs.statSync(file).isFile());
}

function assertNoLeak(text: string, where: string): void {
  for (const form of leakForms) {
    assert.ok(!text.includes(form), `${where} contains a form of the client secret`);
  }
}

async function waitFor<T>(what: string, probe: () => T | undefined, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Genesys live org (fake API on 127.0.0.1)', function () {
  this.timeout(60_000);
  let fake: FakeGenesysApi;

  before(async () => {
    fake = await startFakeGenesysApi({ clientId: CLIENT_ID, clientSecret: SECRET });
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this host`);
    await extension.activate();
    await vscode.workspace
      .getConfiguration(SECTION)
      .update('genesys.apiGateway', fake.gateway, vscode.ConfigurationTarget.Global);
    assert.deepEqual(
      vscode.workspace.getConfiguration(SECTION).get('genesys.apiGateway'),
      fake.gateway,
      'the gateway setting must be in effect before any sign-in',
    );
  });

  after(async () => {
    await vscode.commands.executeCommand('genesysEventBridge.signOut');
    await vscode.workspace
      .getConfiguration(SECTION)
      .update('genesys.apiGateway', undefined, vscode.ConfigurationTarget.Global);
    await fake?.close();
  });

  it('has not loaded the Genesys SDK before anyone signs in', async () => {
    assert.deepEqual(loadedSdkModules(), []);
    const session = await describeSession();
    assert.strictEqual(session.sdkLoaded, false);
    assert.strictEqual(session.signedIn, false);
    assert.strictEqual(session.statusBar.visible, false, 'no status bar item while signed out');
    assert.strictEqual(session.catalog.source, 'bundled');
    assert.ok(!session.catalog.templates.includes(ORG_ONLY_TOPIC));
  });

  it('a wrong secret fails cleanly and stores nothing', async () => {
    const summary = await vscode.commands.executeCommand('genesysEventBridge.signIn', {
      clientId: CLIENT_ID,
      clientSecret: 'not-the-secret',
      region: 'us_east_1',
    });
    assert.strictEqual(summary, undefined);
    const session = await describeSession();
    assert.strictEqual(session.hasStoredSecret, false);
    assert.strictEqual(session.signedIn, false);
    assert.strictEqual(fake.requestsTo('/oauth/token').at(-1)?.status, 401);
    fake.reset();
  });

  it('signs in with arguments that skip the prompts, through the gateway', async () => {
    const summary = await vscode.commands.executeCommand<SessionSummary>(
      'genesysEventBridge.signIn',
      { clientId: CLIENT_ID, clientSecret: SECRET, region: 'us_east_1' },
    );
    assert.ok(summary, 'signIn must resolve with a summary');
    assert.strictEqual(summary.organizationId, fake.organization.id);
    assert.strictEqual(summary.organizationName, fake.organization.name);
    assert.strictEqual(
      summary.eventSource,
      `aws.partner/genesys.com/cloud/${fake.organization.id}/fake-suffix`,
    );
    assert.strictEqual(summary.queues, 7);
    assert.strictEqual(summary.users, 5);
    assert.strictEqual(fake.requestsTo('/oauth/token', 'POST').length, 1, 'signed in at the fake');

    const session = await describeSession();
    assert.strictEqual(session.signedIn, true);
    assert.strictEqual(session.sdkLoaded, true);
    assert.strictEqual(session.hasStoredSecret, true);
    assert.ok(loadedSdkModules().some((file) => file.endsWith('genesys-sdk.js')));
    assert.strictEqual(session.statusBar.visible, true);
    assert.ok(session.statusBar.text.includes(fake.organization.name),
      `status bar text: ${session.statusBar.text}`);
    assert.deepStrictEqual(session.currentOrg, {
      organizationId: fake.organization.id,
      name: fake.organization.name,
      eventSourceSuffix: 'fake-suffix',
      account: '210987654321',
      region: 'eu-west-1',
      integration: 'Fake EventBridge',
      live: true,
      queues: 7,
      users: 5,
    });
    assert.strictEqual(session.catalog.source, 'org');
    assert.ok(session.catalog.templates.includes(ORG_ONLY_TOPIC));
  });

  it('refreshCatalog applies topics the org offers now, and caches them', async () => {
    fake.setTopics([
      ...DEFAULT_FAKE_TOPICS,
      {
        id: ADDED_LATER_TOPIC,
        description: 'Campaign progress (added to the fake org after sign-in)',
        transports: ['EventBridge'],
        schema: fakeTopicSchema('CampaignProgress', {
          campaignId: { type: 'string' },
          percentComplete: { type: 'number' },
        }),
      },
    ]);
    const before = await describeSession();
    assert.ok(!before.catalog.templates.includes(ADDED_LATER_TOPIC));
    const summary = await vscode.commands.executeCommand<SessionSummary>(
      'genesysEventBridge.refreshCatalog');
    assert.ok(summary, 'refreshCatalog must resolve with a summary');
    assert.strictEqual(summary.orgTopics, 4);
    const after = await describeSession();
    assert.ok(after.catalog.templates.includes(ADDED_LATER_TOPIC));
    assert.strictEqual(fake.requestsTo('/oauth/token').length, 1, 'the token was reused');

    const cacheFiles = filesUnder(after.catalogDirectory);
    assert.strictEqual(cacheFiles.length, 1, `cache files: ${cacheFiles.join(', ')}`);
    const cached = fs.readFileSync(cacheFiles[0], 'utf8');
    assert.ok(cached.includes(ADDED_LATER_TOPIC));
    assert.ok(cached.includes(fake.organization.id));
    assertNoLeak(cached, cacheFiles[0]);
  });

  it('keeps the secret out of every setting and out of the log file', async () => {
    const config = vscode.workspace.getConfiguration(SECTION);
    for (const key of ['genesys.clientId', 'genesys.region', 'genesys.apiGateway']) {
      assertNoLeak(JSON.stringify(config.inspect(key) ?? {}), `setting ${SECTION}.${key}`);
    }
    assertNoLeak(JSON.stringify(vscode.workspace.getConfiguration()), 'the settings');

    const { logDirectory } = await describeSession();
    // The log channel writes its file asynchronously: wait until the sign-in lines are there.
    const logText = await waitFor('the sign-in lines in the log file', () => {
      const text = filesUnder(logDirectory).map((file) => fs.readFileSync(file, 'utf8')).join('\n');
      return /Genesys: signed in to org/.test(text) && /Genesys: refreshed org/.test(text)
        ? text : undefined;
    });
    assert.match(logText, /did not accept the client credentials/, 'the failed attempt is logged');
    assert.ok(logText.includes(CLIENT_ID), 'the client id may be logged');
    assertNoLeak(logText, `the log under ${logDirectory}`);
  });

  it('signOut deletes the secret and returns to the bundled catalog', async () => {
    const signedOut = await vscode.commands.executeCommand<boolean>('genesysEventBridge.signOut');
    assert.strictEqual(signedOut, true);
    const session = await describeSession();
    assert.strictEqual(session.hasStoredSecret, false);
    assert.strictEqual(session.signedIn, false);
    assert.strictEqual(session.currentOrg, undefined);
    assert.strictEqual(session.statusBar.visible, false);
    assert.strictEqual(session.catalog.source, 'bundled');
    assert.ok(!session.catalog.templates.includes(ORG_ONLY_TOPIC));

    // Without credentials a refresh asks to sign in instead of calling anyone.
    const requestsBefore = fake.requests.length;
    const refreshed = await vscode.commands.executeCommand('genesysEventBridge.refreshCatalog');
    assert.strictEqual(refreshed, undefined);
    assert.strictEqual(fake.requests.length, requestsBefore);
  });
});
