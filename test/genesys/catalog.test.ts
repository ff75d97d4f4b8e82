import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  bundledTopics,
  findTopic,
  findTopicForTopicName,
  listTopics,
  setActiveCatalog,
  topicsForDetailType,
  type TopicDefinition,
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

const MEDIA_SUFFIXES = [
  'callbacks',
  'calls',
  'chats',
  'cobrowseSessions',
  'emails',
  'messages',
  'screenshares',
  'socialexpressions',
  'videos',
];
const QUEUE_CONVERSATIONS = 'v2.routing.queues.{id}.conversations';
const USER_CONVERSATIONS = 'v2.users.{id}.conversations';
const AUDIT = 'v2.audits.entitytype.{id}.entityid.{id}';
const TRANSCRIPTION = 'v2.conversations.{id}.transcription';

const CONVERSATION_OBJECTS = [QUEUE_CONVERSATIONS, USER_CONVERSATIONS].flatMap((prefix) => [
  prefix,
  ...MEDIA_SUFFIXES.map((suffix) => `${prefix}.${suffix}`),
]);

const OTHER_TEMPLATES = [
  'v2.detail.events.agent.{id}.state',
  ...CONVERSATION_OBJECTS,
  TRANSCRIPTION,
  AUDIT,
  'v2.users.{id}.presence',
  'v2.users.{id}.routingStatus',
  'v2.users.{id}.activity',
  'v2.analytics.conversation.{id}.metrics',
  'v2.analytics.flow.{id}.aggregates',
];

function topic(suffix: string) {
  return bundled(PREFIX + suffix);
}

function bundled(template: string): TopicDefinition {
  const found = findTopic(template);
  assert.ok(found, `topic ${template} missing`);
  return found;
}

function detailTopics(): TopicDefinition[] {
  return listTopics().filter((t) => t.family === 'conversation-detail-event');
}

describe('topic catalog', () => {
  test('lists the 16 conversation detail-event topics and the other families', () => {
    const templates = listTopics().map((t) => t.template);
    const expected = [...EXPECTED_SUFFIXES.map((s) => PREFIX + s), ...OTHER_TEMPLATES];
    assert.deepEqual([...templates].sort(), expected.sort());
    assert.equal(listTopics().length, 44);
    assert.deepEqual(
      detailTopics().map((t) => t.template).sort(),
      EXPECTED_SUFFIXES.map((s) => PREFIX + s).sort(),
    );
  });

  test('every detail-event topic carries its family facts', () => {
    for (const t of detailTopics()) {
      assert.equal(t.family, 'conversation-detail-event');
      assert.equal(t.enumCase, 'UPPERCASE');
      assert.deepEqual(t.templateIdFields, ['conversationId']);
      assert.equal(t.schemaFileName, `${t.template.replace('{id}', 'ID')}.schema.json`);
      assert.ok(t.description.length > 10, `${t.template} needs a description`);
      assert.ok(t.idFields.includes('conversationId'));
      assert.ok(t.timeFields.some((f) => f.path === 'eventTime' && f.format === 'epoch-ms'));
    }
  });

  test('only topics without public EventBridge evidence are marked unknown', () => {
    const unknown = listTopics().filter((t) => !t.knownOnEventBridge).map((t) => t.template);
    assert.equal(CONVERSATION_OBJECTS.length, 20);
    assert.deepEqual(
      unknown.sort(),
      [PREFIX + 'wrapup', 'v2.detail.events.agent.{id}.state', ...CONVERSATION_OBJECTS].sort(),
    );
  });

  test('body schemas compile under strict Ajv', () => {
    const ajv = createAjv();
    for (const t of listTopics()) {
      assert.doesNotThrow(() => ajv.compile(t.bodySchema), t.template);
    }
  });

  test('enum values are UPPERCASE and complete', () => {
    for (const t of detailTopics()) {
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
    assert.equal(topicsForDetailType(() => true).length, 44);
  });

  test('a concrete topicName resolves to its template', () => {
    const name = 'v2.detail.events.conversation.2f7bf00a-0fc2-4d6a-9b56-92238191433e.customer.end';
    assert.equal(findTopicForTopicName(name)?.template, PREFIX + 'customer.end');
    assert.equal(findTopicForTopicName('v2.detail.events.conversation.x.customer'), undefined);
    assert.equal(findTopicForTopicName('v2.detail.events.conversation..acw'), undefined);
  });
});

/** Enum values allowed outside a family's convention, as Genesys publishes them. */
const CASE_EXCEPTIONS = new Set(['notApplicable', 'Unknown', 'AgentLevel', 'ConversationLevel']);

const CASE_PATTERNS: Readonly<Record<string, RegExp>> = {
  UPPERCASE: /^[A-Z][A-Z_]*$/,
  // Lowercase words joined by dots or hyphens: transfer.forward, delivery-success, q850.
  lowercase: /^[a-z][a-z0-9.-]*$/,
  // Acronyms stay capitals: OAuthClient, DNCList, IVR.
  PascalCase: /^[A-Z][A-Za-z0-9]*$/,
};

describe('topic families', () => {
  test('each family has one enum case, time format and id layout', () => {
    const expected: Record<string, { enumCase: string; eventTime?: string; ids: number }> = {
      'conversation-detail-event': { enumCase: 'UPPERCASE', eventTime: 'epoch-ms', ids: 1 },
      'agent-detail-event': { enumCase: 'UPPERCASE', ids: 1 },
      'conversation-object': { enumCase: 'lowercase', ids: 1 },
      transcription: { enumCase: 'UPPERCASE', eventTime: 'iso-8601', ids: 1 },
      audit: { enumCase: 'PascalCase', eventTime: 'iso-8601', ids: 2 },
      'user-status': { enumCase: 'UPPERCASE', ids: 1 },
      'analytics-metric': { enumCase: 'mixed', ids: 1 },
      'analytics-aggregate': { enumCase: 'mixed', ids: 1 },
    };
    for (const t of listTopics()) {
      const facts = expected[t.family];
      assert.ok(facts, `${t.template}: unexpected family ${t.family}`);
      assert.equal(t.enumCase, facts.enumCase, t.template);
      assert.equal(t.templateIdFields.length, facts.ids, t.template);
      const eventTime = t.timeFields.find((f) => f.path === 'eventTime');
      assert.equal(eventTime?.format, facts.eventTime, `${t.template} eventTime`);
    }
  });

  test('enum values follow the family case, with the published exceptions', () => {
    for (const t of listTopics()) {
      const pattern = CASE_PATTERNS[t.enumCase];
      if (pattern === undefined) continue;
      for (const { path, values } of t.enumFields) {
        for (const value of values) {
          if (CASE_EXCEPTIONS.has(value)) continue;
          assert.match(value, pattern, `${t.template} ${path}`);
        }
      }
    }
  });

  test('conversation objects use lowercase dotted values where detail events use UPPERCASE', () => {
    const calls = bundled(`${QUEUE_CONVERSATIONS}.calls`);
    const enumsOf = new Map(calls.enumFields.map((f) => [f.path, f.values]));
    assert.ok(enumsOf.get('participants.disconnectType')?.includes('transfer.forward'));
    assert.ok(enumsOf.get('participants.state')?.includes('connected'));
    assert.deepEqual(enumsOf.get('participants.direction'), ['inbound', 'outbound']);
    assert.equal(enumsOf.get('participants.state')?.length, 13);
    const full = new Map(bundled(QUEUE_CONVERSATIONS).enumFields.map((f) => [f.path, f.values]));
    assert.equal(full.get('participants.calls.state')?.length, 11);
    assert.equal(full.get('participants.messages.disconnectType')?.length, 21);
    assert.equal(full.get('participants.emails.disconnectType')?.length, 16);
    assert.equal(full.get('participants.messages.type')?.length, 14);
    assert.ok(full.has('recentTransfers.state'));
  });

  test('conversation-object times are ISO strings; participants carry purpose and media', () => {
    for (const template of CONVERSATION_OBJECTS) {
      const t = bundled(template);
      assert.ok(t.timeFields.length > 0, template);
      assert.ok(t.timeFields.every((f) => f.format === 'iso-8601'), template);
      const paths = new Set(t.bodyFields.map((f) => f.path));
      assert.ok(paths.has('participants.purpose'), template);
      assert.equal(t.bodyFields.find((f) => f.path === 'participants.id')?.insideArray, true);
    }
    const full = new Set(bundled(USER_CONVERSATIONS).bodyFields.map((f) => f.path));
    assert.ok(full.has('participants.calls.state') && full.has('participants.chats.state'));
  });

  test('queue topics for social and video use the full body, user topics the media view', () => {
    const paths = (template: string) => new Set(bundled(template).bodyFields.map((f) => f.path));
    for (const media of ['socialexpressions', 'videos']) {
      assert.ok(paths(`${QUEUE_CONVERSATIONS}.${media}`).has('participants.calls.state'), media);
      assert.ok(paths(`${USER_CONVERSATIONS}.${media}`).has('participants.state'), media);
    }
    assert.deepEqual(bundled(`${QUEUE_CONVERSATIONS}.calls`).templateIdFields, [
      'participants.queue.id',
    ]);
    assert.deepEqual(bundled(USER_CONVERSATIONS).templateIdFields, ['participants.userId']);
  });

  test('transcription mixes an ISO event time with epoch-ms session times', () => {
    const t = bundled(TRANSCRIPTION);
    const formats = new Map(t.timeFields.map((f) => [f.path, f.format]));
    assert.equal(formats.get('eventTime'), 'iso-8601');
    assert.equal(formats.get('sessionStartTimeMs'), 'epoch-ms');
    assert.equal(formats.get('transcriptionStartTimeMs'), 'epoch-ms');
    const enums = new Map(t.enumFields.map((f) => [f.path, f.values]));
    assert.deepEqual(enums.get('transcripts.channel'), ['UNKNOWN', 'INTERNAL', 'EXTERNAL', 'BOTH']);
    assert.deepEqual(enums.get('status.status'), ['UNKNOWN', 'SESSION_ONGOING', 'SESSION_ENDED']);
    const validate = createAjv().compile(t.bodySchema);
    assert.equal(validate({ eventTime: '2026-03-21T01:12:01.938Z', sessionStartTimeMs: 1 }), true);
    assert.equal(validate({ eventTime: 1774055521938 }), false);
  });

  test('the audit topic names the entity type first and keeps PascalCase', () => {
    const t = bundled(AUDIT);
    assert.deepEqual(t.templateIdFields, ['entityType', 'entity.id']);
    const enums = new Map(t.enumFields.map((f) => [f.path, f.values]));
    assert.equal(enums.get('serviceName')?.length, 56);
    assert.equal(enums.get('action')?.length, 134);
    assert.equal(enums.get('entityType')?.length, 264);
    assert.ok(enums.get('entityType')?.includes('UserPresence'));
    assert.ok(enums.get('action')?.includes('Delete') && !enums.get('action')?.includes('DELETE'));
    const name = 'v2.audits.entitytype.UserPresence.entityid.278522be-1683-4877-8257-4164a177be89';
    assert.equal(findTopicForTopicName(name), t);
  });

  test('user status and analytics topics keep their own spellings', () => {
    const routing = bundled('v2.users.{id}.routingStatus').enumFields;
    assert.deepEqual(routing.find((f) => f.path === 'routingStatus.status')?.values, [
      'OFF_QUEUE',
      'IDLE',
      'INTERACTING',
      'NOT_RESPONDING',
      'COMMUNICATING',
    ]);
    assert.deepEqual(bundled('v2.users.{id}.presence').templateIdFields, [undefined]);
    const metrics = new Map(
      bundled('v2.analytics.conversation.{id}.metrics').enumFields.map((f) => [f.path, f.values]),
    );
    assert.equal(metrics.get('metric')?.length, 69);
    assert.ok(metrics.get('usedRouting')?.includes('Standard'));
    assert.ok(metrics.get('disconnectType')?.includes('consultTransfer'));
    assert.ok(metrics.get('mediaType')?.includes('voice'));
    assert.deepEqual(bundled('v2.analytics.flow.{id}.aggregates').templateIdFields, [
      'group.flowId',
    ]);
  });
});

describe('active catalog', () => {
  const extra: TopicDefinition = {
    ...bundled(TRANSCRIPTION),
    template: 'v2.example.things.{id}',
    schemaFileName: 'v2.example.things.ID.schema.json',
  };

  test('replaces what listTopics and findTopic read, and restores the bundled one', () => {
    try {
      setActiveCatalog([extra]);
      assert.deepEqual(listTopics(), [extra]);
      assert.equal(findTopic('v2.example.things.{id}'), extra);
      assert.equal(findTopic(TRANSCRIPTION), undefined);
      assert.equal(findTopicForTopicName('v2.example.things.x1'), extra);
      assert.deepEqual(topicsForDetailType(() => true), [extra]);
      assert.equal(bundledTopics().length, 44, 'bundled topics stay available');
    } finally {
      setActiveCatalog(undefined);
    }
    assert.equal(listTopics(), bundledTopics());
    assert.ok(findTopic(TRANSCRIPTION));
  });

  test('keeps its own copy of the list and rejects duplicate templates', () => {
    const topics = [...bundledTopics(), extra];
    try {
      setActiveCatalog(topics);
      topics.pop();
      assert.equal(listTopics().length, 45);
      assert.throws(() => setActiveCatalog([extra, extra]), /twice/);
      assert.equal(listTopics().length, 45, 'a rejected catalog leaves the active one in place');
    } finally {
      setActiveCatalog(undefined);
    }
  });
});
