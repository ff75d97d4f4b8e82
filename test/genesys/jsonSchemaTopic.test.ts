import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import {
  bundledTopics,
  enumCaseOf,
  setActiveCatalog,
  topicFromJsonSchema,
  type TopicDefinition,
} from '../../src/genesys/catalog';
import { concreteTopicName } from '../../src/genesys/envelope';
import { eventBridgeEnvelopeSchema } from '../../src/genesys/envelopeSchema';
import { elementTypeOf } from '../../src/genesys/fieldModel';
import { generateSamples } from '../../src/genesys/generate';
import { REPO_ROOT, closedSchema, createAjv, valuesAtPath } from './helpers';

/** Published schemas shared next to the repository; absent on most machines and in CI. */
const SCHEMAS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'reference', 'genesys', 'schemas');

/** A body schema in the style Genesys publishes: nested $defs, enums, date-time formats. */
const QUEUE_MEMBER_SCHEMA = {
  type: 'object',
  properties: {
    queueId: { type: 'string' },
    member: { $ref: '#/$defs/Member' },
    joined: { type: 'boolean' },
    eventTime: { type: 'integer' },
    wrapupDurationMs: { type: 'integer' },
    ringCount: { type: 'integer' },
    score: { type: 'number' },
    modifiedDate: { type: 'string', format: 'date-time', description: 'When it changed.' },
    skillIds: { type: 'array', items: { type: 'string' } },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    counts: { type: 'object', additionalProperties: { type: 'integer' } },
  },
  $defs: {
    Member: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        routingStatus: { type: 'string', enum: ['OFF_QUEUE', 'IDLE', 'INTERACTING'] },
      },
    },
  },
};

const TEMPLATE = 'v2.example.queues.{id}.members';

function kinds(topic: TopicDefinition): Map<string, string> {
  return new Map(topic.bodyFields.map((f) => [f.path, elementTypeOf(f.type).kind]));
}

function withCatalog<T>(topics: readonly TopicDefinition[], run: () => T): T {
  try {
    setActiveCatalog(topics);
    return run();
  } finally {
    setActiveCatalog(undefined);
  }
}

describe('topicFromJsonSchema', () => {
  test('reads types, enums, time formats and ids from a published-style schema', () => {
    const topic = topicFromJsonSchema(TEMPLATE, QUEUE_MEMBER_SCHEMA, {
      description: 'Queue membership changed.',
      transports: ['Websocket', 'EventBridge'],
    });
    assert.equal(topic.template, TEMPLATE);
    assert.equal(topic.family, 'schema-derived');
    assert.equal(topic.description, 'Queue membership changed.');
    assert.equal(topic.knownOnEventBridge, true);
    assert.equal(topic.enumCase, 'UPPERCASE');
    assert.deepEqual(topic.templateIdFields, ['queueId']);
    assert.equal(topic.schemaFileName, 'v2.example.queues.ID.members.schema.json');
    assert.deepEqual(
      Object.fromEntries(kinds(topic)),
      {
        queueId: 'id',
        member: 'object',
        'member.id': 'id',
        'member.routingStatus': 'enum',
        joined: 'boolean',
        eventTime: 'timestamp',
        wrapupDurationMs: 'durationMs',
        ringCount: 'integer',
        score: 'number',
        modifiedDate: 'timestamp',
        skillIds: 'id',
        labels: 'stringMap',
        counts: 'map',
      },
    );
    assert.deepEqual(topic.timeFields, [
      { path: 'eventTime', format: 'epoch-ms' },
      { path: 'modifiedDate', format: 'iso-8601' },
    ]);
    assert.deepEqual(topic.idFields, ['queueId', 'member.id', 'skillIds']);
    assert.equal(topic.bodySchema.properties?.['modifiedDate']?.description, 'When it changed.');
  });

  test('its schema accepts what the published one accepts and compiles under strict Ajv', () => {
    const topic = topicFromJsonSchema(TEMPLATE, QUEUE_MEMBER_SCHEMA);
    const validate = createAjv().compile(topic.bodySchema);
    assert.equal(validate({ member: { routingStatus: 'IDLE' }, counts: { a: 1 } }), true);
    assert.equal(validate({ member: { routingStatus: 'idle' } }), false);
    assert.equal(validate({ modifiedDate: 1774055395225 }), false);
    assert.equal(validate({ counts: { a: 'x' } }), false);
  });

  test('copes with self references, allOf, nullable unions and missing types', () => {
    const schema = {
      properties: {
        error: { $ref: '#/$defs/Error' },
        owner: { allOf: [{ $ref: '#/$defs/Ref' }, { properties: { email: { type: 'string' } } }] },
        note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        either: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
        kind: { type: ['string', 'null'], enum: ['alpha', 'beta'] },
        data: { type: 'object' },
        list: { type: 'array' },
        broken: { $ref: '#/$defs/Missing' },
        remote: { $ref: 'https://example.com/schema.json' },
        odd: 'not a schema',
      },
      $defs: {
        Error: {
          type: 'object',
          properties: {
            code: { type: 'string' },
            errors: { type: 'array', items: { $ref: '#/$defs/Error' } },
          },
        },
        Ref: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
      },
    };
    const topic = topicFromJsonSchema('v2.example.things', schema);
    const found = kinds(topic);
    assert.equal(found.get('error.code'), 'text');
    assert.equal(found.get('error.errors'), 'object', 'the recursion stops at its JSON type');
    assert.equal(found.get('error.errors.code'), undefined);
    assert.equal(found.get('owner.id'), 'id');
    assert.equal(found.get('owner.email'), 'text');
    assert.equal(found.get('note'), 'text');
    assert.equal(found.get('either'), 'json');
    assert.equal(found.get('kind'), 'enum');
    assert.equal(found.get('data'), 'object');
    assert.equal(found.get('list'), 'json');
    assert.equal(found.get('broken'), 'json');
    assert.equal(found.get('remote'), 'json');
    assert.equal(found.has('odd'), false);
    assert.equal(topic.enumCase, 'lowercase');
    assert.deepEqual(topic.templateIdFields, []);
    assert.doesNotThrow(() => createAjv().compile(topic.bodySchema));
  });

  test('guesses where the body repeats each id of the template', () => {
    const audit = topicFromJsonSchema('v2.audits.entitytype.{id}.entityid.{id}', {
      properties: {
        entityType: { type: 'string', enum: ['Queue', 'UserPresence'] },
        entity: { properties: { id: { type: 'string' } } },
      },
    });
    assert.deepEqual(audit.templateIdFields, ['entityType', 'entity.id']);
    assert.equal(audit.enumCase, 'PascalCase');
    const presence = topicFromJsonSchema('v2.users.{id}.presence', {
      properties: { source: { type: 'string' } },
    });
    assert.deepEqual(presence.templateIdFields, [undefined]);
    const participants = topicFromJsonSchema('v2.routing.queues.{id}.things', {
      properties: {
        id: { type: 'string' },
        participants: { type: 'array', items: { properties: { queueId: { type: 'string' } } } },
      },
    });
    assert.deepEqual(participants.templateIdFields, ['participants.queueId']);
  });

  test('reads EventBridge eligibility from transports and falls back on a description', () => {
    const schema = { properties: {} };
    const of = (transports: string[]) =>
      topicFromJsonSchema(TEMPLATE, schema, { transports }).knownOnEventBridge;
    assert.equal(of(['Websocket']), false);
    assert.equal(of(['event_bridge']), true);
    assert.equal(of(['All']), true);
    assert.equal(topicFromJsonSchema(TEMPLATE, schema).knownOnEventBridge, false);
    assert.match(topicFromJsonSchema(TEMPLATE, schema, { description: ' ' }).description, /org/);
  });

  test('rejects unusable templates and schemas with a reason', () => {
    assert.throws(() => topicFromJsonSchema('v2..x', {}), /not a topic template/);
    assert.throws(() => topicFromJsonSchema(' v2.x', {}), /not a topic template/);
    assert.throws(() => topicFromJsonSchema('v2.{userId}.x', {}), /whole \{id\} segments/);
    assert.throws(() => topicFromJsonSchema(TEMPLATE, null), /not a JSON object/);
    assert.throws(() => topicFromJsonSchema(TEMPLATE, [1]), /not a JSON object/);
  });

  test('spells enum cases the way the values do', () => {
    assert.equal(enumCaseOf(['VOICE', 'SESSION_ENDED']), 'UPPERCASE');
    assert.equal(enumCaseOf(['transfer.forward', 'q850']), 'lowercase');
    assert.equal(enumCaseOf(['Update', 'OAuthClient']), 'PascalCase');
    assert.equal(enumCaseOf(['tHandle', 'Standard']), 'mixed');
    assert.equal(enumCaseOf([]), 'mixed');
  });
});

describe('samples of topics read from schemas', () => {
  test('validate against the schema they came from, with consistent topic names', () => {
    const topic = topicFromJsonSchema(TEMPLATE, QUEUE_MEMBER_SCHEMA);
    const ajv = new Ajv2020({ strict: false });
    const validatePublished = ajv.compile({ ...QUEUE_MEMBER_SCHEMA });
    const validateOwn = createAjv().compile(closedSchema(topic.bodySchema));
    const validateEnvelope = createAjv().compile(eventBridgeEnvelopeSchema);
    const events = withCatalog([topic], () => generateSamples(TEMPLATE, 5));
    assert.ok(events.length >= 12);
    const statuses = new Set(
      events.flatMap((e) => valuesAtPath(e.detail.eventBody, 'member.routingStatus')),
    );
    assert.deepEqual([...statuses].sort(), ['IDLE', 'INTERACTING', 'OFF_QUEUE']);
    let previous = 0;
    for (const event of events) {
      const body = event.detail.eventBody;
      assert.equal(validatePublished(body), true, JSON.stringify(validatePublished.errors));
      assert.equal(validateOwn(body), true, JSON.stringify(validateOwn.errors));
      assert.equal(validateEnvelope(event), true);
      assert.equal(event.detail.topicName, concreteTopicName(TEMPLATE, body['queueId'] as string));
      assert.ok((body['eventTime'] as number) > previous, 'event times increase');
      previous = body['eventTime'] as number;
    }
    assert.equal(
      JSON.stringify(withCatalog([topic], () => generateSamples(TEMPLATE, 5))),
      JSON.stringify(events),
    );
  });

  test('invent the ids only the topic name carries', () => {
    const topic = topicFromJsonSchema('v2.users.{id}.presence', {
      properties: { presenceDefinition: { properties: { systemPresence: { type: 'string' } } } },
    });
    const events = withCatalog([topic], () => generateSamples(topic.template, 1));
    for (const event of events) {
      assert.match(event.detail.topicName, /^v2\.users\.[0-9a-f-]{36}\.presence$/);
    }
  });
});

interface ReferenceSchema {
  readonly [key: string]: unknown;
}

function referenceSchemas(): Array<{ template: string; schema: ReferenceSchema }> {
  return readdirSync(SCHEMAS_DIR)
    .filter((name) => name.startsWith('v2.') && name.endsWith('.schema.json'))
    .map((name) => {
      const schema = JSON.parse(readFileSync(path.join(SCHEMAS_DIR, name), 'utf8'));
      return { template: String(schema['x-genesys-topic']), schema };
    });
}

/** Ajv for the published schemas: they carry vendor keywords and standard formats. */
function publishedAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  return ajv;
}

describe('published Genesys schemas', () => {
  test('every one converts, and its samples validate against it', (t) => {
    if (!existsSync(SCHEMAS_DIR)) {
      t.skip('reference schemas not present');
      return;
    }
    const ajv = publishedAjv();
    const references = referenceSchemas();
    const topics = references.map(({ template, schema }) => topicFromJsonSchema(template, schema));
    withCatalog(topics, () => {
      references.forEach(({ template, schema }) => {
        const validate = ajv.compile(schema);
        for (const event of generateSamples(template, 3)) {
          const valid = validate(event.detail.eventBody);
          assert.equal(valid, true, `${template}: ${JSON.stringify(validate.errors)}`);
        }
      });
    });
    t.diagnostic(`${references.length} published schemas converted and sampled`);
  });

  test('bundled samples validate against the published schema of their topic', (t) => {
    if (!existsSync(SCHEMAS_DIR)) {
      t.skip('reference schemas not present');
      return;
    }
    const ajv = publishedAjv();
    const published = new Map(referenceSchemas().map((r) => [r.template, r.schema]));
    for (const topic of bundledTopics()) {
      const schema = published.get(topic.template);
      assert.ok(schema, `${topic.template} has no published schema`);
      const validate = ajv.compile(schema);
      for (const event of generateSamples(topic.template, 2)) {
        const valid = validate(event.detail.eventBody);
        assert.equal(valid, true, `${topic.template}: ${JSON.stringify(validate.errors)}`);
      }
    }
  });

  test('bundled enums have the published values, path for path', (t) => {
    if (!existsSync(SCHEMAS_DIR)) {
      t.skip('reference schemas not present');
      return;
    }
    const published = new Map(referenceSchemas().map((r) => [r.template, r.schema]));
    for (const topic of bundledTopics()) {
      const converted = topicFromJsonSchema(topic.template, published.get(topic.template));
      const expected = new Map(converted.enumFields.map((f) => [f.path, [...f.values].sort()]));
      // The recursive error list and its rate-limit details are deliberately not authored.
      for (const key of [...expected.keys()]) {
        if (/errorInfo\.(errors|limit)/.test(key)) expected.delete(key);
      }
      const actual = new Map(topic.enumFields.map((f) => [f.path, [...f.values].sort()]));
      assert.deepEqual(actual, expected, topic.template);
    }
  });
});
