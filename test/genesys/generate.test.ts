import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ValidateFunction } from 'ajv';
import { findTopic, listTopics } from '../../src/genesys/catalog';
import { concreteTopicName, type GenesysEvent } from '../../src/genesys/envelope';
import { eventBridgeEnvelopeSchema } from '../../src/genesys/envelopeSchema';
import { generateEvents, generateSamples } from '../../src/genesys/generate';
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
    for (const { template, event } of allSamples()) {
      const body = event.detail.eventBody;
      assert.equal(event['detail-type'], template);
      assert.equal(typeof body['conversationId'], 'string');
      const expected = concreteTopicName(template, body['conversationId'] as string);
      assert.equal(event.detail.topicName, expected);
    }
  });

  test('use lowercase UUIDs for every id field', () => {
    for (const { template, event } of allSamples()) {
      const topic = findTopic(template);
      assert.ok(topic);
      for (const idPath of topic.idFields) {
        for (const value of valuesAtPath(event.detail.eventBody, idPath)) {
          assert.match(String(value), UUID_PATTERN, `${template} ${idPath}`);
        }
      }
      assert.match(event.detail.metadata.CorrelationId, UUID_PATTERN);
    }
  });

  test('have epoch-ms times consistent with the envelope', () => {
    for (const t of listTopics()) {
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
    for (const { template, event } of allSamples()) {
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
    for (const t of listTopics()) {
      const bodies = SEEDS.flatMap((seed) => samples(t.template, seed)).map(
        (e) => e.detail.eventBody,
      );
      const counts = t.fields.map((f) => bodies.filter((body) => f.name in body).length);
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
