// A whole org read through the real SDK from the fake, and its topics turned into the active
// catalog: org-only topics are added, bundled ones keep their authored definitions.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { bundledTopics, findTopic, listTopics } from '../../../src/genesys/catalog';
import { eventSourceName } from '../../../src/genesys/envelope';
import {
  applyOrgCatalog,
  buildOrgCatalog,
  restoreBundledCatalog,
} from '../../../src/genesys/org/orgCatalog';
import { fetchOrgSnapshot } from '../../../src/genesys/org/snapshot';
import { startFakeGenesysApi, type FakeGenesysApi } from '../../fakes/genesysApi';
import { clientFor } from './helpers';

const ORG_ONLY = 'v2.fake.wallboards.{id}.tiles';
const WEBSOCKET_ONLY = 'v2.fake.presence.{id}.pings';
const BUNDLED = 'v2.detail.events.conversation.{id}.customer.start';

describe('org snapshot and catalog', () => {
  let fake: FakeGenesysApi;
  before(async () => {
    fake = await startFakeGenesysApi();
  });
  after(() => fake.close());
  afterEach(() => {
    fake.reset();
    restoreBundledCatalog();
  });

  test('reads org, topics, queues, users and the integration in one pass', async () => {
    const client = clientFor(fake);
    const steps: string[] = [];
    const snapshot = await fetchOrgSnapshot(client, (step) => steps.push(step));
    client.dispose();
    assert.deepEqual(steps, ['organization', 'topics', 'queues', 'users',
      'EventBridge integration']);
    assert.deepEqual(snapshot.organization, fake.organization);
    assert.equal(snapshot.queues.length, 7);
    assert.equal(snapshot.users.length, 5);
    assert.equal(snapshot.topics.length, 3);
    assert.equal(snapshot.integration?.name, 'Fake EventBridge');
    assert.deepEqual(snapshot.warnings, []);
    assert.equal(
      eventSourceName(snapshot.org),
      `aws.partner/genesys.com/cloud/${fake.organization.id}/fake-suffix`,
    );
    assert.equal(snapshot.org.account, '210987654321');
    assert.equal(snapshot.org.region, 'eu-west-1');
  });

  test('a missing permission for users becomes a warning, not a failure', async () => {
    const client = clientFor(fake);
    fake.addFault({ path: '/api/v2/users', status: 403 });
    const snapshot = await fetchOrgSnapshot(client);
    client.dispose();
    assert.deepEqual(snapshot.users, []);
    assert.equal(snapshot.warnings.length, 1);
    assert.match(snapshot.warnings[0], /^Users could not be read: The OAuth client may not call/);
  });

  test('a failing org call fails the snapshot', async () => {
    const client = clientFor(fake);
    fake.addFault({ path: '/api/v2/organizations/me', status: 503 });
    await assert.rejects(fetchOrgSnapshot(client), /HTTP 503/);
    client.dispose();
  });

  test('org topics are converted and added; bundled definitions are kept', async () => {
    const client = clientFor(fake);
    const topics = await client.availableTopics();
    client.dispose();
    const catalog = buildOrgCatalog(topics);
    assert.equal(catalog.added, 2);
    assert.equal(catalog.alreadyBundled, 1);
    assert.equal(catalog.onEventBridge, 2);
    assert.deepEqual(catalog.skipped, []);
    assert.equal(catalog.topics.length, bundledTopics().length + 2);
    const bundled = bundledTopics().find((t) => t.template === BUNDLED);
    assert.equal(catalog.topics.find((t) => t.template === BUNDLED), bundled);
    const wallboard = catalog.topics.find((t) => t.template === ORG_ONLY);
    assert.ok(wallboard, 'the org-only topic is in the catalog');
    assert.equal(wallboard.knownOnEventBridge, true);
    assert.ok(wallboard.bodyFields.some((field) => field.path === 'label'));
    const presence = catalog.topics.find((t) => t.template === WEBSOCKET_ONLY);
    assert.equal(presence?.knownOnEventBridge, false);
  });

  test('applying makes the org topics visible to the catalog; restoring hides them', async () => {
    const client = clientFor(fake);
    const topics = await client.availableTopics();
    client.dispose();
    assert.equal(findTopic(ORG_ONLY), undefined);
    applyOrgCatalog(topics);
    assert.equal(findTopic(ORG_ONLY)?.template, ORG_ONLY);
    assert.equal(listTopics().length, bundledTopics().length + 2);
    restoreBundledCatalog();
    assert.equal(findTopic(ORG_ONLY), undefined);
  });

  test('topics without a schema are skipped with a reason', () => {
    const catalog = buildOrgCatalog([
      { id: 'v2.no.schema.{id}', description: '', schema: undefined, transports: [],
        eventBridge: false },
    ]);
    assert.equal(catalog.added, 0);
    assert.deepEqual(catalog.skipped, [{ template: 'v2.no.schema.{id}', reason: 'no schema' }]);
  });
});
