// The SDK-free parts of the org feature: Retry-After, redaction, failure classification (also
// for network conditions the tests cannot produce on 127.0.0.1), transports, the cache file
// format, the region list, and the choice of integration for the envelope.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import {
  catalogCacheFileName,
  parseCatalogCache,
  serializeCatalogCache,
  type CachedOrgCatalog,
} from '../../../src/genesys/org/catalogCache';
import {
  GenesysOrgError,
  isGenesysOrgError,
  redact,
  secretForms,
} from '../../../src/genesys/org/errors';
import { errorFromFailure, failureFacts } from '../../../src/genesys/org/failures';
import {
  GENESYS_REGION_HOSTS,
  GENESYS_REGIONS,
  isGenesysRegion,
} from '../../../src/genesys/org/regions';
import { sdkRegionHosts } from '../../../src/genesys/org/sdk';
import { envelopeOrg, pickIntegration } from '../../../src/genesys/org/snapshot';
import { Deadline, parseRetryAfter, sleep } from '../../../src/genesys/org/timing';
import { offersEventBridge } from '../../../src/genesys/org/transports';
import { REPO_ROOT } from '../../support/paths';

const CONTEXT = {
  what: 'GET /api/v2/users',
  baseUrl: 'https://api.example.test',
  requestTimeoutMs: 15_000,
  secrets: secretForms({ clientId: 'id', clientSecret: 'hunter2-secret' }),
};

describe('Retry-After and waiting', () => {
  test('reads delta-seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('3', now), 3_000);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
    assert.equal(parseRetryAfter(['2'], now), 2_000);
    assert.equal(parseRetryAfter(1.5, now), 1_500);
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now), 5_000);
    assert.equal(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now), 0, 'a past date: now');
    for (const unreadable of [undefined, '', 'soon', -1, null, {}]) {
      assert.equal(parseRetryAfter(unreadable, now), undefined, String(unreadable));
    }
  });

  test('a sleep ends early, as cancelled, when its signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(sleep(5_000, controller.signal), (error: unknown) =>
      isGenesysOrgError(error) && error.kind === 'cancelled');
    assert.ok(Date.now() - started < 1_000);
  });

  test('a deadline rejects slow work with a timeout naming the operation', async () => {
    const deadline = new Deadline(50, 'reading queues');
    const never = new Promise<never>(() => undefined);
    await assert.rejects(deadline.race(never, new AbortController().signal), (error: unknown) =>
      isGenesysOrgError(error) && error.kind === 'timeout' &&
      error.message === 'Genesys Cloud did not finish reading queues within 0.1 s.');
  });
});

describe('redaction', () => {
  test('removes the secret in every spelling and any Authorization value', () => {
    const forms = secretForms({ clientId: 'my-client', clientSecret: 'p@ss/word+1' });
    const basic = Buffer.from('my-client:p@ss/word+1').toString('base64');
    const text = `secret p@ss/word+1, encoded ${encodeURIComponent('p@ss/word+1')}, ` +
      `header Basic ${basic}, bearer Bearer abcdefghijklmnop, raw ${basic}`;
    const clean = redact(text, forms);
    assert.ok(!clean.includes('p@ss/word+1'));
    assert.ok(!clean.includes(basic));
    assert.ok(!clean.includes('abcdefghijklmnop'));
    assert.match(clean, /Basic \[redacted\]/);
    assert.match(clean, /Bearer \[redacted\]/);
  });

  test('an empty secret redacts nothing but Authorization values', () => {
    assert.deepEqual(secretForms({ clientId: 'x', clientSecret: '' }), []);
    assert.equal(redact('nothing to hide', []), 'nothing to hide');
  });

  test('errors are recognised across bundles by name and kind', () => {
    const error = new GenesysOrgError('timeout', 'slow');
    assert.equal(isGenesysOrgError(error), true);
    const lookalike = Object.assign(new Error('x'), { name: 'GenesysOrgError', kind: 'network' });
    assert.equal(isGenesysOrgError(lookalike), true, 'another copy of the class counts');
    assert.equal(isGenesysOrgError(new Error('plain')), false);
    assert.equal(isGenesysOrgError({ name: 'GenesysOrgError', kind: 'x' }), false);
  });
});

describe('failure classification', () => {
  const transport = (code: string, message = `${code} something`) =>
    errorFromFailure(failureFacts(Object.assign(new Error(message), { code })), CONTEXT);

  test('network conditions get a reason, not the raw error text', () => {
    const cases: [string, RegExp][] = [
      ['ENOTFOUND', /host name could not be resolved \(check the region and the network\)/],
      ['EAI_AGAIN', /could not be resolved right now/],
      ['ECONNREFUSED', /the connection was refused/],
      ['ECONNRESET', /the connection was reset/],
      ['ENETUNREACH', /the network is unreachable/],
      ['CERT_HAS_EXPIRED', /TLS certificate was not accepted \(CERT_HAS_EXPIRED\)/],
      ['SELF_SIGNED_CERT_IN_CHAIN', /TLS certificate was not accepted/],
      ['EWEIRD', /the request failed \(EWEIRD\)/],
    ];
    for (const [code, expected] of cases) {
      const error = transport(code);
      assert.equal(error.kind, 'network', code);
      assert.equal(error.retryable, true);
      assert.match(error.message,
        /^Could not reach Genesys Cloud at https:\/\/api\.example\.test: /);
      assert.match(error.message, expected, code);
    }
  });

  test("axios' own timer is a timeout, in both spellings", () => {
    for (const [code, message] of [
      ['ECONNABORTED', 'timeout of 15000ms exceeded'],
      ['ETIMEDOUT', 'timeout of 15000ms exceeded'],
    ]) {
      const error = transport(code, message);
      assert.equal(error.kind, 'timeout');
      assert.equal(error.message, 'Genesys Cloud did not answer GET /api/v2/users within 15 s.');
    }
  });

  test('extended responses and axios responses give the same facts', () => {
    const extended = failureFacts({
      status: 503,
      headers: { 'Retry-After': '4' },
      body: { message: 'down', code: 'service.unavailable' },
    });
    const axiosLike = failureFacts({
      response: { status: 503, headers: { 'retry-after': '4' }, data: { message: 'down',
        code: 'service.unavailable' } },
    });
    for (const facts of [extended, axiosLike]) {
      assert.equal(facts.status, 503);
      assert.equal(facts.headers['retry-after'], '4');
      assert.equal(facts.detail, 'service.unavailable: down');
    }
    const error = errorFromFailure(extended, CONTEXT);
    assert.equal(error.kind, 'server');
    assert.equal(error.message,
      'Genesys Cloud failed on GET /api/v2/users with HTTP 503 (service.unavailable: down).');
  });

  test("a thrown string (the SDK's argument check) is a bad request, not a crash", () => {
    const error = errorFromFailure(failureFacts('Missing the required parameter "x"'), CONTEXT);
    assert.equal(error.kind, 'bad-response');
    assert.match(error.message, /Missing the required parameter/);
  });

  test('response details are redacted and shortened', () => {
    const error = errorFromFailure(
      failureFacts({
        status: 400,
        headers: {},
        body: { message: `echo hunter2-secret ${'x'.repeat(500)}` },
      }),
      CONTEXT,
    );
    assert.ok(!error.message.includes('hunter2-secret'));
    assert.ok(error.message.length < 420, `${error.message.length} characters`);
  });
});

describe('EventBridge transports', () => {
  test('"All" and any EventBridge spelling count; WebSocket alone does not', () => {
    assert.equal(offersEventBridge(['All']), true);
    assert.equal(offersEventBridge(['EventBridge']), true);
    assert.equal(offersEventBridge(['websocket', 'AWS_EVENT_BRIDGE']), true);
    assert.equal(offersEventBridge(['Websocket']), false);
    assert.equal(offersEventBridge([]), false);
  });
});

describe('catalog cache file', () => {
  const cache: CachedOrgCatalog = {
    version: 1,
    organization: { id: 'org-1', name: 'Org One' },
    org: { organizationId: 'org-1', eventSourceSuffix: 's', account: '123456789012',
      region: 'eu-west-1' },
    integrationName: 'EB',
    fetchedAt: 1_700_000_000_000,
    topics: [{ id: 'v2.a.{id}.b', description: 'd', schema: { type: 'object' },
      transports: ['All'], eventBridge: true }],
  };

  test('round-trips and rejects anything else', () => {
    assert.deepEqual(parseCatalogCache(serializeCatalogCache(cache)), cache);
    assert.equal(parseCatalogCache('not json'), undefined);
    assert.equal(parseCatalogCache(JSON.stringify({ ...cache, version: 2 })), undefined);
    assert.equal(parseCatalogCache(JSON.stringify({ ...cache, topics: [{ id: 3 }] })), undefined);
    assert.equal(parseCatalogCache(JSON.stringify({ ...cache, org: {} })), undefined);
  });

  test('file names are safe whatever the org id', () => {
    assert.equal(catalogCacheFileName('6f1d2a4e-0c1b'), 'catalog-6f1d2a4e-0c1b.json');
    assert.equal(catalogCacheFileName('../../etc'), 'catalog-.._.._etc.json');
  });

  test('holds no credentials or user data', () => {
    const text = serializeCatalogCache(cache);
    assert.doesNotMatch(text, /secret|token|users|queues/i);
  });
});

describe('regions', () => {
  test("regions.ts equals the installed SDK's PureCloudRegionHosts", () => {
    assert.deepEqual({ ...GENESYS_REGION_HOSTS }, { ...sdkRegionHosts() });
    assert.ok(isGenesysRegion('eu_west_1'));
    assert.ok(!isGenesysRegion('toString'), 'no prototype keys');
  });

  test("the region setting's enum lists exactly those regions", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const setting =
      manifest.contributes.configuration.properties['genesysEventBridge.genesys.region'];
    assert.deepEqual(setting.enum, ['', ...GENESYS_REGIONS]);
    assert.equal(setting.enumDescriptions.length, setting.enum.length);
    assert.equal(setting.default, '', 'no region is assumed: the user must choose one');
  });
});

describe('envelope values from the integration', () => {
  const base = { name: 'x', enabled: true };
  test('prefers an enabled integration with a suffix', () => {
    const chosen = pickIntegration([
      { ...base, id: '1', enabled: false, eventSourceSuffix: 'old' },
      { ...base, id: '2' },
      { ...base, id: '3', eventSourceSuffix: 'live', account: '111122223333', region: 'us-west-2' },
    ]);
    assert.equal(chosen?.id, '3');
    assert.deepEqual(envelopeOrg('org', chosen), {
      organizationId: 'org', eventSourceSuffix: 'live', account: '111122223333',
      region: 'us-west-2',
    });
  });

  test('without one, the real org id and the example values', () => {
    assert.equal(pickIntegration([]), undefined);
    const org = envelopeOrg('org', undefined);
    assert.equal(org.organizationId, 'org');
    assert.equal(org.eventSourceSuffix, 'example-events');
  });
});
