// The SDK-backed org client, driven through the real Genesys SDK against the fake API on
// 127.0.0.1 (setGateway): sign-in, paging, topics, integrations, and every failure path.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { inspect } from 'node:util';
import { after, afterEach, before, describe, test } from 'node:test';
import { isGenesysOrgError, type GenesysOrgError } from '../../../src/genesys/org/errors';
import { createSdkOrgClient } from '../../../src/genesys/org/sdk';
import {
  FAKE_EVENTBRIDGE_TYPE,
  startFakeGenesysApi,
  type FakeGenesysApi,
} from '../../fakes/genesysApi';
import {
  clientFor,
  leakForms,
  recordingLogger,
  rejection,
  TEST_SECRET,
} from './helpers';

function asOrgError(error: Error): GenesysOrgError {
  assert.ok(isGenesysOrgError(error), `expected a GenesysOrgError, got ${inspect(error)}`);
  return error;
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('SDK org client against the fake Genesys API', () => {
  let fake: FakeGenesysApi;

  before(async () => {
    fake = await startFakeGenesysApi({ queueCount: 7, userCount: 5 });
  });
  after(() => fake.close());
  afterEach(() => {
    fake.reset();
    fake.setTokenExpiresIn(86_400);
  });

  test('signs in with client credentials: one token request with a Basic header', async () => {
    const client = clientFor(fake);
    const before = Date.now();
    const { tokenExpiresAt } = await client.signIn();
    const tokenRequests = fake.requestsTo('/oauth/token', 'POST');
    assert.equal(tokenRequests.length, 1);
    const expected = Buffer.from(`${fake.clientId}:${fake.clientSecret}`).toString('base64');
    assert.equal(tokenRequests[0].headers.authorization, `Basic ${expected}`);
    assert.equal(tokenRequests[0].body, 'grant_type=client_credentials');
    assert.ok(tokenExpiresAt > before + 86_000_000, 'expiry comes from expires_in');
    assert.equal(client.target.apiBaseUrl, fake.baseUrl);
    assert.equal(client.target.loginBaseUrl, fake.baseUrl);
    client.dispose();
  });

  test('reads the org from /api/v2/organizations/me, signing in on first use', async () => {
    const client = clientFor(fake);
    const org = await client.organization();
    assert.deepEqual(org, fake.organization);
    assert.deepEqual(
      fake.requests.map((r) => `${r.method} ${r.path}`),
      ['POST /oauth/token', 'GET /api/v2/organizations/me'],
    );
    assert.match(String(fake.requests[1].headers.authorization), /^Bearer fake-token-/);
    client.dispose();
  });

  test('fetches every page of queues and users', async () => {
    const client = clientFor(fake, { pageSize: 3 });
    const queues = await client.queues();
    const users = await client.users();
    assert.equal(queues.length, 7);
    assert.equal(new Set(queues.map((q) => q.id)).size, 7);
    assert.equal(queues[6].name, 'Fake queue 7');
    assert.equal(users.length, 5);
    const queuePages = fake.requestsTo('/api/v2/routing/queues').map((r) => r.query);
    assert.deepEqual(queuePages, [
      { pageNumber: '1', pageSize: '3' },
      { pageNumber: '2', pageSize: '3' },
      { pageNumber: '3', pageSize: '3' },
    ]);
    assert.equal(fake.requestsTo('/api/v2/users').length, 2);
    client.dispose();
  });

  test('stops at maxPages even when the server claims more pages', async () => {
    const logger = recordingLogger();
    const client = clientFor(fake, { pageSize: 1, maxPages: 2, logger });
    const queues = await client.queues();
    assert.equal(queues.length, 2);
    assert.match(logger.text(), /stopped after 2 pages/);
    client.dispose();
  });

  test('asks for topics with expand=schema,transports and marks EventBridge ones', async () => {
    const client = clientFor(fake);
    const topics = await client.availableTopics();
    const [request] = fake.requestsTo('/api/v2/notifications/availabletopics');
    assert.equal(request.query.expand, 'schema,transports');
    assert.equal(request.query.includePreview, 'false');
    const byId = new Map(topics.map((t) => [t.id, t]));
    assert.equal(byId.get('v2.fake.wallboards.{id}.tiles')?.eventBridge, true);
    assert.equal(byId.get('v2.detail.events.conversation.{id}.customer.start')?.eventBridge, true);
    assert.equal(byId.get('v2.fake.presence.{id}.pings')?.eventBridge, false);
    assert.deepEqual(byId.get('v2.fake.presence.{id}.pings')?.transports, ['Websocket']);
    const schema = byId.get('v2.fake.wallboards.{id}.tiles')?.schema as { properties: object };
    assert.ok('label' in schema.properties, 'the schema comes through as published');
    client.dispose();
  });

  test('reads the EventBridge integration: suffix, account and region', async () => {
    const client = clientFor(fake);
    const integrations = await client.eventBridgeIntegrations();
    assert.deepEqual(integrations, [
      {
        id: 'a0b1c2d3-0000-4000-8000-00000000e001',
        name: 'Fake EventBridge',
        enabled: true,
        eventSourceSuffix: 'fake-suffix',
        account: '210987654321',
        region: 'eu-west-1',
      },
    ]);
    assert.equal(fake.requestsTo('/api/v2/integrations')[0].query.integrationType,
      FAKE_EVENTBRIDGE_TYPE);
    assert.equal(
      fake.requestsTo('/api/v2/integrations/a0b1c2d3-0000-4000-8000-00000000e001/config/current')
        .length,
      1,
    );
    client.dispose();
  });

  test('honours Retry-After on 429 and then succeeds', async () => {
    const logger = recordingLogger();
    const client = clientFor(fake, { logger });
    await client.signIn();
    fake.addFault({ path: '/api/v2/organizations/me', status: 429, retryAfter: '1', times: 1 });
    const org = await client.organization();
    assert.deepEqual(org, fake.organization);
    const calls = fake.requestsTo('/api/v2/organizations/me');
    assert.deepEqual(calls.map((r) => r.status), [429, 200]);
    const waited = calls[1].at - calls[0].at;
    assert.ok(waited >= 900, `waited ${waited} ms for Retry-After: 1`);
    assert.match(logger.text(), /warn: .*HTTP 429, retrying in 1 s \(Retry-After; retry 1 of 3\)/);
    client.dispose();
  });

  test('retries a rate-limited token request too', async () => {
    const client = clientFor(fake);
    fake.addFault({ path: '/oauth/token', status: 429, retryAfter: '0', times: 2 });
    await client.signIn();
    assert.deepEqual(fake.requestsTo('/oauth/token').map((r) => r.status), [429, 429, 200]);
    client.dispose();
  });

  test('gives up after the allowed 429 retries with a clear message', async () => {
    const client = clientFor(fake, { maxRateLimitRetries: 2 });
    await client.signIn();
    fake.addFault({ path: '/api/v2/routing/queues', status: 429, retryAfter: '0', times: 10 });
    const error = asOrgError(await rejection(client.queues()));
    assert.equal(error.kind, 'rate-limited');
    assert.equal(error.retryable, true);
    assert.equal(error.status, 429);
    assert.match(error.message, /rate-limiting GET \/api\/v2\/routing\/queues \(page 1\)/);
    assert.match(error.message, /after 2 retries; try again in a minute/);
    assert.equal(fake.requestsTo('/api/v2/routing/queues').length, 3, 'one try + 2 retries');
    client.dispose();
  });

  test('refuses to wait for a Retry-After beyond its limit', async () => {
    const client = clientFor(fake, { maxRetryAfterMs: 5_000 });
    await client.signIn();
    fake.addFault({ path: '/api/v2/users', status: 429, retryAfter: '120' });
    const started = Date.now();
    const error = asOrgError(await rejection(client.users()));
    assert.equal(error.kind, 'rate-limited');
    assert.match(error.message, /asks to wait 120 s/);
    assert.ok(Date.now() - started < 1_000, 'fails at once instead of waiting');
    client.dispose();
  });

  test('falls back to its own back-off when a 429 has no Retry-After', async () => {
    const logger = recordingLogger();
    const client = clientFor(fake, { logger });
    await client.signIn();
    fake.addFault({ path: '/api/v2/organizations/me', status: 429 });
    await client.organization();
    assert.match(logger.text(), /retrying in 1 s \(no Retry-After/);
    client.dispose();
  });

  test('a refused token (401) leads to one silent new sign-in, then success', async () => {
    const logger = recordingLogger();
    const client = clientFor(fake, { logger });
    await client.signIn();
    fake.revokeTokens();
    const org = await client.organization();
    assert.deepEqual(org, fake.organization);
    assert.deepEqual(
      fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`),
      [
        'POST /oauth/token 200',
        'GET /api/v2/organizations/me 401',
        'POST /oauth/token 200',
        'GET /api/v2/organizations/me 200',
      ],
    );
    assert.match(logger.text(), /refused \(HTTP 401\); signing in again/);
    client.dispose();
  });

  test('a token that expired on the server is replaced after its 401', async () => {
    fake.setTokenExpiresIn(1);
    // A negative margin plays a client clock running behind: the client still trusts the
    // token when the fake already refuses it, so the refusal (not the clock) drives the re-login.
    const client = clientFor(fake, { tokenRefreshMarginMs: -60_000 });
    await client.signIn();
    fake.setTokenExpiresIn(86_400);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const org = await client.organization();
    assert.deepEqual(org, fake.organization);
    assert.deepEqual(
      fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`),
      [
        'POST /oauth/token 200',
        'GET /api/v2/organizations/me 401',
        'POST /oauth/token 200',
        'GET /api/v2/organizations/me 200',
      ],
    );
    client.dispose();
  });

  test('renews a token ahead of its expiry without waiting for a 401', async () => {
    fake.setTokenExpiresIn(30);
    const client = clientFor(fake, { tokenRefreshMarginMs: 60_000 });
    await client.signIn();
    await client.organization();
    assert.deepEqual(
      fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`),
      ['POST /oauth/token 200', 'POST /oauth/token 200', 'GET /api/v2/organizations/me 200'],
    );
    client.dispose();
  });

  test('a 401 that persists after signing in again ends with a clear message', async () => {
    const client = clientFor(fake);
    await client.signIn();
    fake.addFault({ path: '/api/v2/routing/queues', status: 401, times: 5 });
    const error = asOrgError(await rejection(client.queues()));
    assert.equal(error.kind, 'auth');
    assert.match(error.message, /even right after signing in again \(HTTP 401\)/);
    assert.equal(fake.requestsTo('/oauth/token').length, 2, 'exactly one silent re-login');
    assert.equal(fake.requestsTo('/api/v2/routing/queues').length, 2);
    client.dispose();
  });

  test('wrong credentials: a clear message, no retry', async () => {
    const client = createSdkOrgClient({
      credentials: { clientId: fake.clientId, clientSecret: TEST_SECRET },
      gateway: fake.gateway,
    });
    const error = asOrgError(await rejection(client.signIn()));
    assert.equal(error.kind, 'auth');
    assert.equal(error.retryable, false);
    assert.match(error.message, /did not accept the client credentials \(HTTP 401, /);
    assert.match(error.message, /invalid_client/);
    assert.equal(fake.requestsTo('/oauth/token').length, 1);
    client.dispose();
  });

  test('a 500 becomes a retryable server error naming the call', async () => {
    const client = clientFor(fake);
    await client.signIn();
    fake.addFault({ path: '/api/v2/notifications/availabletopics', status: 500 });
    const error = asOrgError(await rejection(client.availableTopics()));
    assert.equal(error.kind, 'server');
    assert.equal(error.retryable, true);
    assert.match(error.message,
      /failed on GET \/api\/v2\/notifications\/availabletopics with HTTP 500/);
    client.dispose();
  });

  test('a 403 says which call lacks a permission', async () => {
    const client = clientFor(fake);
    await client.signIn();
    fake.addFault({ path: '/api/v2/users', status: 403 });
    const error = asOrgError(await rejection(client.users()));
    assert.equal(error.kind, 'forbidden');
    assert.match(error.message, /may not call GET \/api\/v2\/users \(page 1\)/);
    client.dispose();
  });

  test('a slow answer hits the request timeout and says so', async () => {
    const client = clientFor(fake, { requestTimeoutMs: 300 });
    await client.signIn();
    fake.addFault({ path: '/api/v2/organizations/me', delayMs: 3_000 });
    const started = Date.now();
    const error = asOrgError(await rejection(client.organization()));
    const elapsed = Date.now() - started;
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /did not answer GET \/api\/v2\/organizations\/me within 0\.3 s/);
    assert.ok(elapsed < 2_000, `gave up after ${elapsed} ms`);
    client.dispose();
  });

  test('the operation deadline bounds retries and waits as a whole', async () => {
    const client = clientFor(fake, { operationDeadlineMs: 1_500, requestTimeoutMs: 5_000 });
    await client.signIn();
    fake.addFault({ path: '/api/v2/organizations/me', delayMs: 4_000 });
    const started = Date.now();
    const error = asOrgError(await rejection(client.organization()));
    const elapsed = Date.now() - started;
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /did not finish GET \/api\/v2\/organizations\/me within 1\.5 s/);
    assert.ok(elapsed >= 1_400 && elapsed < 2_500, `deadline hit after ${elapsed} ms`);
    client.dispose();
  });

  test('a refused connection is a clear network error, quickly', async () => {
    const port = await closedPort();
    const client = createSdkOrgClient({
      credentials: { clientId: 'someone', clientSecret: TEST_SECRET },
      gateway: { host: '127.0.0.1', protocol: 'http', port },
      requestTimeoutMs: 2_000,
    });
    const started = Date.now();
    const error = asOrgError(await rejection(client.signIn()));
    assert.equal(error.kind, 'network');
    assert.equal(error.retryable, true);
    assert.equal(
      error.message,
      `Could not reach Genesys Cloud at http://127.0.0.1:${port}: the connection was refused.`,
    );
    assert.ok(Date.now() - started < 2_000);
    client.dispose();
  });

  test('a dropped connection is a network error too', async () => {
    const client = clientFor(fake);
    await client.signIn();
    fake.addFault({ path: '/api/v2/organizations/me', dropConnection: true });
    const error = asOrgError(await rejection(client.organization()));
    assert.equal(error.kind, 'network');
    assert.match(error.message, /the connection was reset|the connection was closed|no answer/);
    client.dispose();
  });

  test('dispose cancels a running operation at once', async () => {
    const client = clientFor(fake, { requestTimeoutMs: 5_000 });
    await client.signIn();
    fake.addFault({ path: '/api/v2/organizations/me', delayMs: 3_000 });
    const pending = rejection(client.organization());
    setTimeout(() => client.dispose(), 100);
    const started = Date.now();
    const error = asOrgError(await pending);
    assert.equal(error.kind, 'cancelled');
    assert.ok(Date.now() - started < 1_000);
  });

  test('a region names the SDK host; a missing or unknown region is refused up front', () => {
    const client = createSdkOrgClient({
      credentials: { clientId: 'id', clientSecret: TEST_SECRET },
      region: 'eu_west_1',
    });
    // Only the target is inspected: this client never sends a request.
    assert.equal(client.target.apiBaseUrl, 'https://api.mypurecloud.ie');
    assert.equal(client.target.loginBaseUrl, 'https://login.mypurecloud.ie');
    client.dispose();
    for (const region of [undefined, 'mars_north_1']) {
      assert.throws(
        () =>
          createSdkOrgClient({
            credentials: { clientId: 'id', clientSecret: TEST_SECRET },
            region: region as never,
          }),
        (error: unknown) =>
          isGenesysOrgError(error) && error.kind === 'config' && /Unknown Genesys Cloud region/
            .test(error.message),
      );
    }
  });

  test('the secret appears in no error message, inspection or log line', async () => {
    const clientId = fake.clientId;
    const forms = leakForms(clientId, TEST_SECRET);
    const logger = recordingLogger();
    const texts: string[] = [];
    const collect = (error: Error) => {
      texts.push(error.message, String(error), inspect(error, { depth: 10 }),
        JSON.stringify(error), error.stack ?? '');
    };
    const consoleLines: string[] = [];
    const originalWrite = process.stdout.write.bind(process.stdout);
    const originalErrorWrite = process.stderr.write.bind(process.stderr);
    const capture = (chunk: unknown) => {
      consoleLines.push(String(chunk));
      return true;
    };
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    try {
      // Wrong secret: refused sign-in.
      const wrong = createSdkOrgClient({
        credentials: { clientId, clientSecret: TEST_SECRET },
        gateway: fake.gateway,
        logger,
      });
      collect(await rejection(wrong.signIn()));
      texts.push(inspect(wrong, { depth: 10, showHidden: true }), JSON.stringify(wrong.target));
      wrong.dispose();

      // Right secret in a fake that expects it, through every failure path.
      const strict = await startFakeGenesysApi({ clientId, clientSecret: TEST_SECRET });
      try {
        const client = createSdkOrgClient({
          credentials: { clientId, clientSecret: TEST_SECRET },
          gateway: strict.gateway,
          requestTimeoutMs: 300,
          maxRateLimitRetries: 1,
          logger,
        });
        await client.signIn();
        texts.push(inspect(client, { depth: 10, showHidden: true }));
        strict.addFault({ path: '/oauth/token', status: 500 });
        strict.revokeTokens();
        collect(await rejection(client.organization()));
        strict.addFault({ path: '/api/v2/users', status: 429, retryAfter: '0', times: 5 });
        collect(await rejection(client.users()));
        strict.addFault({ path: '/api/v2/routing/queues', delayMs: 1_000 });
        collect(await rejection(client.queues()));
        strict.addFault({ path: '/api/v2/routing/queues', status: 401, times: 3 });
        collect(await rejection(client.queues()));
        strict.addFault({
          path: '/api/v2/organizations/me',
          status: 400,
          // A server that echoes the request's credentials back in its error text.
          body: { message: `bad request from ${TEST_SECRET} / Basic ${forms[2]}`, code: 'bad' },
        });
        collect(await rejection(client.organization()));
        client.dispose();
      } finally {
        await strict.close();
      }
      const port = await closedPort();
      const refused = createSdkOrgClient({
        credentials: { clientId, clientSecret: TEST_SECRET },
        gateway: { host: '127.0.0.1', protocol: 'http', port },
        logger,
      });
      collect(await rejection(refused.signIn()));
      refused.dispose();
    } finally {
      process.stdout.write = originalWrite;
      process.stderr.write = originalErrorWrite;
    }
    assert.ok(texts.length >= 20, 'every scenario produced its texts');
    assert.ok(logger.lines.length > 3, 'the logger was used');
    const everything = [...texts, ...logger.lines, ...consoleLines].join('\n');
    for (const form of forms) {
      assert.ok(!everything.includes(form), `found a form of the secret: ${form}`);
    }
    assert.ok(everything.includes('[redacted]'), 'the echoed secret was redacted, not dropped');
  });

  test('ignores a developer config in ~/.genesyscloudjavascript (gateway, logging)', async () => {
    const decoy = await startFakeGenesysApi();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'gebp-home-'));
    const sdkLog = path.join(home, 'sdk.log');
    fs.mkdirSync(path.join(home, '.genesyscloudjavascript'));
    fs.writeFileSync(
      path.join(home, '.genesyscloudjavascript', 'config'),
      [
        '[logging]',
        'log_level = trace',
        'log_to_console = true',
        `log_file_path = ${sdkLog}`,
        'log_request_body = true',
        '[gateway]',
        'host = 127.0.0.1',
        'protocol = http',
        `port = ${decoy.port}`,
        '',
      ].join('\n'),
    );
    const originalHome = process.env.HOME;
    const consoleLines: string[] = [];
    const originalWrite = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: unknown) => {
      consoleLines.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      process.env.HOME = home;
      assert.equal(os.homedir(), home);
      const client = clientFor(fake);
      await client.organization();
      client.dispose();
    } finally {
      process.env.HOME = originalHome;
      process.stdout.write = originalWrite;
      await decoy.close();
    }
    assert.equal(decoy.requests.length, 0, 'the config file gateway was not used');
    assert.equal(fake.requestsTo('/api/v2/organizations/me').length, 1);
    assert.equal(fs.existsSync(sdkLog), false, 'no SDK log file was written');
    assert.deepEqual(consoleLines.filter((l) => /oauth|organizations/i.test(l)), []);
    fs.rmSync(home, { recursive: true, force: true });
  });
});
