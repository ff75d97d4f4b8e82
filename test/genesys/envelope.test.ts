import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DEFAULT_ACCOUNT,
  DEFAULT_ORG,
  DEFAULT_REGION,
  buildEnvelope,
  concreteTopicName,
  eventSourceName,
} from '../../src/genesys/envelope';
import { eventBridgeEnvelopeSchema } from '../../src/genesys/envelopeSchema';
import { createAjv } from './helpers';

const TEMPLATE = 'v2.detail.events.conversation.{id}.customer.end';
const CONVERSATION = '2f7bf00a-0fc2-4d6a-9b56-92238191433e';
const HEX_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function sampleEnvelope() {
  return buildEnvelope({
    template: TEMPLATE,
    ids: CONVERSATION,
    eventBody: { eventTime: 1649237504949, conversationId: CONVERSATION, mediaType: 'CHAT' },
    eventId: 'd753deef-f7d5-3d28-c535-e7db3b7580ea',
    correlationId: '7272d362-23b2-4c14-9d40-dc7b7683153a',
    publishedAt: Date.UTC(2022, 3, 6, 9, 31, 45, 13),
    deliveredAt: Date.UTC(2022, 3, 6, 9, 31, 45, 987),
  });
}

describe('buildEnvelope', () => {
  test('uses the key order of real deliveries', () => {
    const event = sampleEnvelope();
    assert.deepEqual(Object.keys(event), [
      'version',
      'id',
      'detail-type',
      'source',
      'account',
      'time',
      'region',
      'resources',
      'detail',
    ]);
    assert.deepEqual(Object.keys(event.detail), [
      'topicName',
      'version',
      'eventBody',
      'metadata',
      'timestamp',
    ]);
  });

  test('fills every field the way Genesys and EventBridge do', () => {
    const event = sampleEnvelope();
    assert.equal(event.version, '0');
    assert.equal(event.id, 'd753deef-f7d5-3d28-c535-e7db3b7580ea');
    assert.equal(event['detail-type'], TEMPLATE);
    const { organizationId, eventSourceSuffix } = DEFAULT_ORG;
    assert.equal(
      event.source,
      `aws.partner/genesys.com/cloud/${organizationId}/${eventSourceSuffix}`,
    );
    assert.equal(event.account, '123456789012');
    assert.equal(event.time, '2022-04-06T09:31:45Z');
    assert.equal(event.region, 'us-east-1');
    assert.deepEqual(event.resources, []);
    assert.equal(
      event.detail.topicName,
      `v2.detail.events.conversation.${CONVERSATION}.customer.end`,
    );
    assert.equal(event.detail.version, '2');
    assert.deepEqual(event.detail.metadata, {
      CorrelationId: '7272d362-23b2-4c14-9d40-dc7b7683153a',
    });
    assert.equal(event.detail.timestamp, '2022-04-06T09:31:45.013Z');
  });

  test('default org values are obvious examples', () => {
    assert.equal(DEFAULT_ACCOUNT, '123456789012');
    assert.equal(DEFAULT_REGION, 'us-east-1');
    assert.equal(
      eventSourceName(),
      'aws.partner/genesys.com/cloud/00000000-0000-4000-8000-000000000000/example-events',
    );
  });

  test('validates against the envelope schema', () => {
    const validate = createAjv().compile(eventBridgeEnvelopeSchema);
    assert.equal(validate(sampleEnvelope()), true, JSON.stringify(validate.errors));
  });

  test('the envelope schema rejects the usual mistakes', () => {
    const validate = createAjv().compile(eventBridgeEnvelopeSchema);
    const broken: Array<[string, (event: ReturnType<typeof sampleEnvelope>) => void]> = [
      ['real id in detail-type', (e) => (e['detail-type'] = e.detail.topicName)],
      ['vendor prefix as source', (e) => (e.source = 'aws.partner/genesys.com')],
      ['short account', (e) => (e.account = '123456789')],
      ['milliseconds in time', (e) => (e.time = '2022-04-06T09:31:45.000Z')],
      ['numeric detail version', (e) => ((e.detail as { version: unknown }).version = 2)],
      ['lowercase metadata key', (e) => ((e.detail as { metadata: unknown }).metadata = {})],
      ['non-empty resources', (e) => e.resources.push('arn:aws:events:us-east-1:1:x')],
    ];
    for (const [label, breakIt] of broken) {
      const event = sampleEnvelope();
      breakIt(event);
      assert.equal(validate(event), false, label);
    }
  });

  test('org settings can be overridden and are checked', () => {
    const event = buildEnvelope({
      template: TEMPLATE,
      ids: [CONVERSATION],
      eventBody: {},
      org: { eventSourceSuffix: 'DA-VOICE-SB', account: '210987654321', region: 'eu-west-2' },
    });
    assert.match(event.source, /\/DA-VOICE-SB$/);
    assert.equal(event.account, '210987654321');
    assert.equal(event.region, 'eu-west-2');
    assert.throws(() => eventSourceName({ account: '12345' }), /account must be 12 digits/);
    assert.throws(() => eventSourceName({ eventSourceSuffix: 'has space' }), /eventSourceSuffix/);
    assert.throws(() => eventSourceName({ organizationId: 'acme' }), /organizationId/);
    assert.throws(() => eventSourceName({ region: 'US_EAST' }), /region/);
  });

  test('generates ids and times when not given', () => {
    const event = buildEnvelope({ template: TEMPLATE, ids: CONVERSATION, eventBody: {} });
    assert.match(event.id, HEX_ID);
    assert.match(event.detail.metadata.CorrelationId, HEX_ID);
    assert.match(event.time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.match(event.detail.timestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});

describe('concreteTopicName', () => {
  test('fills each {id} in order', () => {
    assert.equal(
      concreteTopicName(TEMPLATE, CONVERSATION),
      `v2.detail.events.conversation.${CONVERSATION}.customer.end`,
    );
    assert.equal(
      concreteTopicName('v2.audits.entitytype.{id}.entityid.{id}', ['UserPresence', 'abc-1']),
      'v2.audits.entitytype.UserPresence.entityid.abc-1',
    );
  });

  test('refuses ids that would change the topic shape', () => {
    assert.throws(() => concreteTopicName(TEMPLATE, []), /needs 1 id/);
    assert.throws(() => concreteTopicName(TEMPLATE, ['a', 'b']), /needs 1 id/);
    assert.throws(() => concreteTopicName(TEMPLATE, 'a.b'), /invalid topic id/);
    assert.throws(() => concreteTopicName(TEMPLATE, ''), /invalid topic id/);
  });
});
