import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  findTopic,
  findTopicForTopicName,
  listTopics,
  topicsForDetailType,
} from '../../src/genesys/catalog';
import {
  ID,
  TEXT,
  enumOf,
  field,
  fieldsToSchema,
  listOf,
  objectOf,
} from '../../src/genesys/fieldModel';
import { createAjv } from './helpers';

const PREFIX = 'v2.detail.events.conversation.{id}.';
const EXPECTED_SUFFIXES = [
  'acd.end',
  'acd.start',
  'acw',
  'attributes',
  'contact',
  'customer.end',
  'customer.start',
  'flow.end',
  'flow.outcome',
  'flow.start',
  'outbound',
  'user.end',
  'user.start',
  'voicemail.end',
  'voicemail.start',
  'wrapup',
];

function topic(suffix: string) {
  const found = findTopic(PREFIX + suffix);
  assert.ok(found, `topic ${suffix} missing`);
  return found;
}

describe('topic catalog', () => {
  test('lists exactly the 16 conversation detail-event topics', () => {
    const templates = listTopics().map((t) => t.template);
    assert.deepEqual([...templates].sort(), EXPECTED_SUFFIXES.map((s) => PREFIX + s).sort());
  });

  test('every topic carries its family facts', () => {
    for (const t of listTopics()) {
      assert.equal(t.family, 'conversation-detail-event');
      assert.equal(t.enumCase, 'UPPERCASE');
      assert.deepEqual(t.templateIdFields, ['conversationId']);
      assert.equal(t.schemaFileName, `${t.template.replace('{id}', 'ID')}.schema.json`);
      assert.ok(t.description.length > 10, `${t.template} needs a description`);
      assert.ok(t.idFields.includes('conversationId'));
      assert.ok(t.timeFields.some((f) => f.path === 'eventTime' && f.format === 'epoch-ms'));
    }
  });

  test('only wrapup lacks public evidence of EventBridge delivery', () => {
    const unknown = listTopics().filter((t) => !t.knownOnEventBridge).map((t) => t.template);
    assert.deepEqual(unknown, [PREFIX + 'wrapup']);
  });

  test('body schemas compile under strict Ajv', () => {
    const ajv = createAjv();
    for (const t of listTopics()) {
      assert.doesNotThrow(() => ajv.compile(t.bodySchema), t.template);
    }
  });

  test('enum values are UPPERCASE and complete', () => {
    for (const t of listTopics()) {
      for (const { path, values } of t.enumFields) {
        for (const value of values) {
          assert.match(value, /^[A-Z_]+$/, `${t.template} ${path} ${value}`);
        }
      }
    }
    const enumsOf = (suffix: string) =>
      new Map(topic(suffix).enumFields.map((f) => [f.path, f.values.length]));
    assert.deepEqual(
      enumsOf('acd.end'),
      new Map([
        ['disconnectType', 22],
        ['mediaType', 11],
        ['direction', 3],
        ['messageType', 10],
        ['acdOutcome', 4],
        ['usedRouting', 10],
      ]),
    );
    assert.equal(enumsOf('flow.start').get('flowType'), 19);
    assert.equal(enumsOf('flow.end').get('exitReason'), 11);
    assert.equal(enumsOf('flow.end').get('transferType'), 11);
    assert.equal(enumsOf('flow.outcome').get('flowOutcomeValue'), 3);
    assert.deepEqual(enumsOf('attributes'), new Map([['communications.mediaType', 11]]));
  });

  test('records id fields, including nested and array ones', () => {
    const acdEnd = topic('acd.end').idFields;
    for (const id of ['participantId', 'sessionId', 'queueId', 'divisionId', 'answeredUserId']) {
      assert.ok(acdEnd.includes(id), id);
    }
    assert.ok(acdEnd.includes('requestedRoutingSkillIds'));
    assert.ok(!acdEnd.includes('requestedRoutings'), 'routing methods are not ids');
    assert.ok(topic('attributes').idFields.includes('communications.id'));
    assert.ok(topic('customer.start').idFields.includes('journeyContext.sessionId'));
    assert.ok(topic('user.start').idFields.includes('userId'));
  });

  test('lists body fields by EventBridge path, marking array levels', () => {
    const byPath = new Map(topic('attributes').bodyFields.map((f) => [f.path, f]));
    assert.equal(byPath.get('communications.mediaType')?.insideArray, true);
    assert.equal(byPath.get('attributes')?.insideArray, false);
    const journey = topic('customer.start').bodyFields.find(
      (f) => f.path === 'journeyContext.actionId',
    );
    assert.equal(journey?.insideArray, false);
  });

  test('records epoch-ms time fields, including nested ones', () => {
    assert.deepEqual(topic('flow.outcome').timeFields, [
      { path: 'eventTime', format: 'epoch-ms' },
      { path: 'flowOutcomeStartTime', format: 'epoch-ms' },
      { path: 'flowOutcomeEndTime', format: 'epoch-ms' },
      { path: 'flowMilestones.milestoneTime', format: 'epoch-ms' },
    ]);
    assert.ok(topic('user.end').timeFields.some((f) => f.path === 'callbackScheduledTime'));
  });

  test('schemas reject lowercase enums and ISO-string times', () => {
    const validate = createAjv().compile(topic('customer.end').bodySchema);
    assert.equal(validate({ mediaType: 'VOICE', eventTime: 1649237504949 }), true);
    assert.equal(validate({ mediaType: 'voice' }), false);
    assert.equal(validate({ eventTime: '2022-04-06T09:31:44.949Z' }), false);
    assert.equal(validate({ conversationExternalContactIds: 'not-an-array' }), false);
  });

  test('names people guess but that do not exist are not found', () => {
    for (const guess of ['agent.start', 'contact.wrapup', 'attributes.updated', 'outbound.init']) {
      assert.equal(findTopic(PREFIX + guess), undefined, guess);
    }
  });
});

describe('field model', () => {
  test('maps semantic field types to JSON Schema for any family', () => {
    const schema = fieldsToSchema([
      field('eventTime', { kind: 'timestamp', format: 'iso-8601' }, 'ISO time, as audits use'),
      field('state', enumOf(['connected', 'disconnected']), 'lowercase enum'),
      field('tags', listOf(TEXT), 'labels'),
      field('owner', objectOf([field('id', ID, 'owner id')]), 'nested object'),
    ]);
    const validate = createAjv().compile(schema);
    const valid = {
      eventTime: '2026-03-21T01:09:55.225Z',
      state: 'connected',
      tags: ['a'],
      owner: { id: 'x' },
    };
    assert.equal(validate(valid), true);
    assert.equal(validate({ eventTime: 1774055395225 }), false);
    assert.equal(validate({ eventTime: '21/03/2026' }), false);
    assert.equal(validate({ state: 'CONNECTED' }), false);
    assert.equal(validate({ owner: { id: 7 } }), false);
  });
});

describe('topic selection', () => {
  test('a detail-type string selects by equality', () => {
    assert.deepEqual(
      topicsForDetailType(PREFIX + 'acd.end').map((t) => t.template),
      [PREFIX + 'acd.end'],
    );
    const concrete = 'v2.detail.events.conversation.2f7bf00a-0fc2-4d6a-9b56-92238191433e.acd.end';
    assert.deepEqual(topicsForDetailType(concrete), []);
  });

  test('a predicate selects every template it accepts', () => {
    const flows = topicsForDetailType((value) => value.startsWith(PREFIX + 'flow.'));
    assert.deepEqual(flows.map((t) => t.template).sort(), [
      PREFIX + 'flow.end',
      PREFIX + 'flow.outcome',
      PREFIX + 'flow.start',
    ]);
    assert.equal(topicsForDetailType(() => true).length, 16);
  });

  test('a concrete topicName resolves to its template', () => {
    const name = 'v2.detail.events.conversation.2f7bf00a-0fc2-4d6a-9b56-92238191433e.customer.end';
    assert.equal(findTopicForTopicName(name)?.template, PREFIX + 'customer.end');
    assert.equal(findTopicForTopicName('v2.detail.events.conversation.x.customer'), undefined);
    assert.equal(findTopicForTopicName('v2.detail.events.conversation..acw'), undefined);
  });
});
