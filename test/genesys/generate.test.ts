import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ValidateFunction } from 'ajv';
import { findTopic, listTopics, type TopicDefinition } from '../../src/genesys/catalog';
import { concreteTopicName, type GenesysEvent } from '../../src/genesys/envelope';
import type { JsonObject, JsonValue } from '../../src/genesys/json';
import { eventBridgeEnvelopeSchema } from '../../src/genesys/envelopeSchema';
import { generateEvents, generateSamples } from '../../src/genesys/generate';
import { orgPools } from '../../src/genesys/generators/orgPools';
import { UUID_PATTERN, closedSchema, createAjv, valuesAtPath } from './helpers';

const SEEDS = [1, 7, 2024, 0xdeadbeef];
const PREFIX = 'v2.detail.events.conversation.{id}.';
const TEL_URI = /^tel:\+1555\d{7}$/;

const ajv = createAjv();
const validateEnvelope = ajv.compile(eventBridgeEnvelopeSchema);
const bodyValidators = new Map<string, ValidateFunction>(
  listTopics().map((t) => [t.template, ajv.compile(closedSchema(t.bodySchema))]),
);

const samplesCache = new Map<string, GenesysEvent[]>();
function samples(template: string, seed: number): GenesysEvent[] {
  const key = `${template}#${seed}`;
  let events = samplesCache.get(key);
  if (events === undefined) {
    events = generateSamples(template, seed);
    samplesCache.set(key, events);
  }
  return events;
}

const AUDIT = 'v2.audits.entitytype.{id}.entityid.{id}';
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DAY_MS = 24 * 3600 * 1000;

function detailTopics(): TopicDefinition[] {
  return listTopics().filter((t) => t.family === 'conversation-detail-event');
}

function byFamily(family: string): TopicDefinition[] {
  return listTopics().filter((t) => t.family === family);
}

/** The ids in a concrete topic name, in template order. */
function topicIds(template: string, topicName: string): string[] {
  const names = topicName.split('.');
  return template.split('.').flatMap((segment, index) =>
    segment === '{id}' ? [names[index] as string] : [],
  );
}

function allSamples(): Array<{ template: string; seed: number; event: GenesysEvent }> {
  return listTopics().flatMap((t) =>
    SEEDS.flatMap((seed) =>
      samples(t.template, seed).map((event) => ({ template: t.template, seed, event })),
    ),
  );
}

describe('generated events', () => {
  test('validate against their topic schema (closed) and the envelope schema', () => {
    for (const { template, seed, event } of allSamples()) {
      const label = `${template} seed ${seed}`;
      assert.equal(
        validateEnvelope(event),
        true,
        `${label}: ${JSON.stringify(validateEnvelope.errors)}`,
      );
      const validateBody = bodyValidators.get(template);
      assert.ok(validateBody);
      assert.equal(
        validateBody(event.detail.eventBody),
        true,
        `${label}: ${JSON.stringify(validateBody.errors)}`,
      );
    }
  });

  test('show every enum value of every enum field in each sample set', () => {
    for (const t of listTopics()) {
      for (const seed of SEEDS) {
        const bodies = samples(t.template, seed).map((e) => e.detail.eventBody);
        for (const { path, values } of t.enumFields) {
          const seen = new Set(bodies.flatMap((body) => valuesAtPath(body, path)));
          const missing = values.filter((value) => !seen.has(value));
          assert.deepEqual(missing, [], `${t.template} seed ${seed} ${path}`);
        }
      }
    }
  });

  test('are byte-identical for the same seed and differ between seeds', () => {
    for (const t of listTopics()) {
      const first = JSON.stringify(generateSamples(t.template, 99));
      assert.equal(JSON.stringify(generateSamples(t.template, 99)), first, t.template);
      assert.notEqual(JSON.stringify(generateSamples(t.template, 100)), first, t.template);
      assert.equal(
        JSON.stringify(generateEvents(t.template, { count: 5, seed: 99 })),
        JSON.stringify(generateEvents(t.template, { count: 5, seed: 99 })),
      );
    }
  });

  test('keep topicName, detail-type and conversationId consistent', () => {
    for (const t of detailTopics()) {
      for (const event of samples(t.template, 1)) {
        const body = event.detail.eventBody;
        assert.equal(event['detail-type'], t.template);
        assert.equal(typeof body['conversationId'], 'string');
        const expected = concreteTopicName(t.template, body['conversationId'] as string);
        assert.equal(event.detail.topicName, expected);
      }
    }
  });

  test('put the ids of detail.topicName where the topic says the body carries them', () => {
    for (const { template, event } of allSamples()) {
      const topic = findTopic(template);
      assert.ok(topic);
      const ids = topicIds(template, event.detail.topicName);
      assert.equal(event.detail.topicName, concreteTopicName(template, ids));
      topic.templateIdFields.forEach((path, index) => {
        if (path === undefined) return;
        const values = valuesAtPath(event.detail.eventBody, path);
        assert.ok(values.includes(ids[index] as string), `${template} ${path}`);
      });
    }
  });

  test('name the audited entity type first in the topic name', () => {
    const types = new Set<string>();
    for (const event of samples(AUDIT, 1)) {
      const body = event.detail.eventBody;
      const entity = body['entity'] as Record<string, unknown>;
      const expected = `v2.audits.entitytype.${body['entityType']}.entityid.${entity['id']}`;
      assert.equal(event.detail.topicName, expected);
      assert.match(event.detail.metadata.CorrelationId, /^[0-9a-f-]{36}-archival$/);
      types.add(String(body['entityType']));
    }
    assert.ok(types.has('UserPresence'));
  });

  test('use lowercase UUIDs for every id field', () => {
    for (const { template, event } of allSamples()) {
      const topic = findTopic(template);
      assert.ok(topic);
      for (const idPath of topic.idFields) {
        // Published audit samples carry an empty user reference.
        if (template === AUDIT && idPath === 'username.id') continue;
        for (const value of valuesAtPath(event.detail.eventBody, idPath)) {
          assert.match(String(value), UUID_PATTERN, `${template} ${idPath}`);
        }
      }
      const correlation = event.detail.metadata.CorrelationId.replace(/-archival$/, '');
      assert.match(correlation, UUID_PATTERN);
    }
  });

  test('write every time field in its declared format, near the publish time', () => {
    for (const { template, event } of allSamples()) {
      const topic = findTopic(template);
      assert.ok(topic);
      const published = Date.parse(event.detail.timestamp);
      for (const { path, format } of topic.timeFields) {
        for (const value of valuesAtPath(event.detail.eventBody, path)) {
          const label = `${template} ${path}`;
          if (format === 'epoch-ms') {
            assert.ok(Number.isInteger(value), label);
          } else {
            assert.match(String(value), ISO_TIME, label);
          }
          const time = format === 'epoch-ms' ? (value as number) : Date.parse(String(value));
          // Callbacks are scheduled up to half a day ahead; everything else lies behind.
          assert.ok(Math.abs(time - published) < 2 * DAY_MS, label);
        }
      }
    }
  });

  test('keep ISO event times in order and before publication', () => {
    for (const t of listTopics().filter((topic) =>
      topic.timeFields.some((f) => f.path === 'eventTime' && f.format === 'iso-8601'),
    )) {
      let previous = 0;
      for (const event of samples(t.template, 7)) {
        const eventTime = Date.parse(String(event.detail.eventBody['eventTime']));
        assert.ok(eventTime >= previous, t.template);
        previous = eventTime;
        const delay = Date.parse(event.detail.timestamp) - eventTime;
        assert.ok(delay >= 0 && delay < 5_000, t.template);
      }
    }
  });

  test('have epoch-ms times consistent with the envelope', () => {
    for (const t of detailTopics()) {
      const events = samples(t.template, 7);
      let previous = 0;
      for (const event of events) {
        const eventTime = event.detail.eventBody['eventTime'] as number;
        assert.ok(Number.isInteger(eventTime) && eventTime > previous, t.template);
        previous = eventTime;
        const published = Date.parse(event.detail.timestamp);
        assert.ok(published - eventTime >= 0 && published - eventTime < 5_000, t.template);
        const delivered = Date.parse(event.time);
        assert.ok(delivered >= Math.floor(published / 1000) * 1000, t.template);
        assert.ok(delivered - published < 5_000, t.template);
        for (const { path } of t.timeFields) {
          for (const value of valuesAtPath(event.detail.eventBody, path)) {
            assert.ok(Number.isInteger(value), `${t.template} ${path}`);
            // Callbacks may be scheduled a day or so ahead; everything else is in the past.
            assert.ok(Math.abs((value as number) - eventTime) < 2 * 24 * 3600 * 1000, path);
          }
        }
      }
    }
  });

  test('keep media-specific fields to their media', () => {
    const detail = new Set(detailTopics().map((t) => t.template));
    for (const { template, event } of allSamples().filter((s) => detail.has(s.template))) {
      const body = event.detail.eventBody;
      const media = body['mediaType'];
      const label = `${template} ${media}`;
      for (const name of ['ani', 'dnis']) {
        if (body[name] !== undefined) {
          assert.match(String(body[name]), TEL_URI, label);
          assert.ok(media === 'VOICE' || media === 'CALLBACK', label);
        }
      }
      if (findTopic(template)?.fields.some((f) => f.name === 'messageType')) {
        assert.equal('messageType' in body, media === 'MESSAGE', label);
      }
      if (body['subject'] !== undefined) assert.equal(media, 'EMAIL', label);
      if (body['callbackNumbers'] !== undefined) assert.equal(media, 'CALLBACK', label);
    }
  });

  test('leave optional fields out some of the time', () => {
    // Fixed-shape records: every field is always sent (the routing status error only when the
    // status is unknown, which samples do not fake).
    const fixedShape = new Set([
      'v2.analytics.flow.{id}.aggregates',
      'v2.users.{id}.routingStatus',
    ]);
    for (const t of listTopics().filter((topic) => !fixedShape.has(topic.template))) {
      const bodies = SEEDS.flatMap((seed) => samples(t.template, seed)).map(
        (e) => e.detail.eventBody,
      );
      const counts = t.bodyFields.map(
        (f) => bodies.filter((body) => valuesAtPath(body, f.path).length > 0).length,
      );
      const sometimes = counts.filter((count) => count > 0 && count < bodies.length);
      assert.ok(sometimes.length >= 2, `${t.template}: optional fields always or never present`);
    }
    const starts = samples(PREFIX + 'customer.start', 1).map((e) => e.detail.eventBody);
    assert.ok(starts.some((body) => 'externalContactId' in body));
    assert.ok(starts.some((body) => !('externalContactId' in body)));
  });

  test('tie dependent fields together', () => {
    for (const seed of SEEDS) {
      for (const event of samples(PREFIX + 'acd.end', seed)) {
        const body = event.detail.eventBody;
        assert.equal('answeredUserId' in body, body['acdOutcome'] === 'ANSWERED');
      }
      for (const event of samples(PREFIX + 'flow.end', seed)) {
        const body = event.detail.eventBody;
        assert.equal('transferType' in body, body['exitReason'] === 'TRANSFER');
      }
      for (const event of samples(PREFIX + 'flow.outcome', seed)) {
        const body = event.detail.eventBody;
        const start = body['flowOutcomeStartTime'] as number;
        const end = body['flowOutcomeEndTime'] as number;
        assert.ok(start <= end && end <= (body['eventTime'] as number));
        const times = valuesAtPath(body, 'flowMilestones.milestoneTime') as number[];
        assert.deepEqual(times, [...times].sort((a, b) => a - b));
        assert.ok(times.every((time) => time >= start && time <= end));
      }
      for (const event of samples(PREFIX + 'attributes', seed)) {
        const attributes = event.detail.eventBody['attributes'] as Record<string, unknown>;
        assert.ok(Object.values(attributes).every((value) => typeof value === 'string'));
      }
    }
  });

  test('share queue and user ids across the topics of one seed', () => {
    const queuesOf = (suffix: string) =>
      new Set(
        samples(PREFIX + suffix, 1).flatMap((e) => valuesAtPath(e.detail.eventBody, 'queueId')),
      );
    const acdQueues = queuesOf('acd.start');
    assert.ok([...queuesOf('acd.end')].every((queue) => acdQueues.has(queue)));
  });
});

type Json = JsonObject;

/** Every object at a body path (looking through arrays), e.g. each participant. */
function objectsAt(body: JsonValue, path: string): Json[] {
  return valuesAtPath(body, path).filter(
    (v): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v),
  );
}

describe('generated events of the other families', () => {
  test('end conversation-object communications consistently with their state', () => {
    const ended = new Set(['disconnected', 'terminated']);
    const unanswered = new Set(['alerting', 'dialing', 'contacting', 'offering', 'scheduled']);
    for (const t of byFamily('conversation-object')) {
      const full = t.bodyFields.some((f) => f.path === 'participants.calls.state');
      const arrays = full
        ? t.bodyFields
            .filter((f) => /^participants\.[A-Za-z]+\.state$/.test(f.path))
            .map((f) => f.path.replace(/\.state$/, ''))
        : ['participants'];
      // A per-media participant is its communication; it ends with an endTime.
      const endField = full ? 'disconnectedTime' : 'endTime';
      for (const seed of SEEDS) {
        for (const event of samples(t.template, seed)) {
          const participants = objectsAt(event.detail.eventBody, 'participants');
          const purposes = participants.map((participant) => participant['purpose']);
          assert.ok(purposes.includes('customer') && purposes.includes('acd'), t.template);
          for (const communication of arrays.flatMap((path) =>
            objectsAt(event.detail.eventBody, path),
          )) {
            const state = String(communication['state']);
            const label = `${t.template} ${state}`;
            assert.equal('disconnectType' in communication, ended.has(state), label);
            assert.equal(endField in communication, ended.has(state), label);
            if (unanswered.has(state)) assert.ok(!('connectedTime' in communication), label);
            if (communication['held'] !== true) assert.ok(!('startHoldTime' in communication));
          }
        }
      }
    }
  });

  test('route queue conversations through their queue and user ones to their agent', () => {
    const pools = orgPools(1);
    for (const t of byFamily('conversation-object')) {
      for (const event of samples(t.template, 1)) {
        const [ownerId] = topicIds(t.template, event.detail.topicName);
        const pool = t.template.startsWith('v2.routing.queues.') ? pools.queues : pools.users;
        assert.ok(pool.includes(ownerId as string), t.template);
        const agents = objectsAt(event.detail.eventBody, 'participants').filter(
          (participant) => participant['purpose'] === 'agent',
        );
        assert.ok(agents.length <= 1, t.template);
      }
    }
  });

  test('send no transcripts once a transcription session has ended', () => {
    const statuses = new Set<string>();
    for (const seed of SEEDS) {
      for (const event of samples('v2.conversations.{id}.transcription', seed)) {
        const body = event.detail.eventBody;
        const status = String((body['status'] as Json)['status']);
        statuses.add(status);
        if (status === 'SESSION_ENDED') assert.ok(!('transcripts' in body));
        const start = body['sessionStartTimeMs'] as number;
        assert.ok((body['transcriptionStartTimeMs'] as number) <= start);
        for (const word of objectsAt(body, 'transcripts.alternatives.words')) {
          assert.ok((word['confidence'] as number) >= 0 && (word['confidence'] as number) <= 1);
        }
      }
    }
    assert.ok(statuses.has('SESSION_ONGOING') && statuses.has('SESSION_ENDED'));
  });

  test('agree on presence and routing status in activity events', () => {
    for (const event of samples('v2.users.{id}.activity', 1)) {
      const body = event.detail.eventBody;
      const status = (body['routingStatus'] as Json)['status'];
      const presence = valuesAtPath(body, 'presence.presenceDefinition.systemPresence')[0];
      assert.equal(presence === 'ON_QUEUE', status !== 'OFF_QUEUE', String(status));
      assert.equal(body['id'], topicIds('v2.users.{id}.activity', event.detail.topicName)[0]);
    }
  });

  test('start agent states after their session and keep analytics values by kind', () => {
    for (const event of samples('v2.detail.events.agent.{id}.state', 1)) {
      const body = event.detail.eventBody;
      assert.ok((body['sessionStart'] as number) <= (body['currentStateStart'] as number));
    }
    for (const event of samples('v2.analytics.conversation.{id}.metrics', 1)) {
      const body = event.detail.eventBody;
      if (String(body['metric']).startsWith('n')) assert.equal(body['value'], 1);
    }
    for (const event of samples('v2.analytics.flow.{id}.aggregates', 1)) {
      const [flowId] = topicIds('v2.analytics.flow.{id}.aggregates', event.detail.topicName);
      assert.equal((event.detail.eventBody['group'] as Json)['flowId'], flowId);
      assert.ok(orgPools(1).flows.includes(flowId as string));
    }
  });
});

describe('generateEvents options', () => {
  test('returns the requested count and honours the org', () => {
    const events = generateEvents(PREFIX + 'user.end', {
      count: 3,
      seed: 5,
      org: { eventSourceSuffix: 'my-suffix', account: '000011112222' },
    });
    assert.equal(events.length, 3);
    for (const event of events) {
      assert.match(event.source, /^aws\.partner\/genesys\.com\/cloud\/[0-9a-f-]{36}\/my-suffix$/);
      assert.equal(event.account, '000011112222');
    }
    assert.deepEqual(generateEvents(PREFIX + 'user.end', { count: 0, seed: 5 }), []);
  });

  test('starts like the sample set of the same seed', () => {
    const template = PREFIX + 'acw';
    assert.deepEqual(
      generateEvents(template, { count: 4, seed: 3 }),
      samples(template, 3).slice(0, 4),
    );
  });

  test('rejects bad input with a useful message', () => {
    assert.throws(() => generateEvents(PREFIX + 'acw', { count: -1, seed: 1 }), /count/);
    assert.throws(() => generateEvents(PREFIX + 'acw', { count: 1.5, seed: 1 }), /count/);
    assert.throws(() => generateSamples(PREFIX + 'agent.start', 1), /unknown topic template/);
    const concrete = 'v2.detail.events.conversation.2f7bf00a-0fc2-4d6a-9b56-92238191433e.acw';
    assert.throws(
      () => generateSamples(concrete, 1),
      /did you mean the template v2\.detail\.events\.conversation\.\{id\}\.acw/,
    );
  });
});
