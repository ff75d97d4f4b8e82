import { JSON_SCHEMA_DIALECT, type JsonSchema } from './jsonSchema';

/*
 * Shapes of the EventBridge envelope around a Genesys notification, as real deliveries show it.
 * Kept free of imports with side effects so the schema build script can bundle it alone.
 */

export const HEX_EVENT_ID_PATTERN =
  '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
/** EventBridge writes `time` at whole seconds. */
export const SECOND_PRECISION_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$';
/** Genesys writes `detail.timestamp` with milliseconds. */
export const MILLISECOND_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$';
export const ACCOUNT_PATTERN = '^\\d{12}$';
export const REGION_PATTERN = '^[a-z]{2}(-[a-z]+)+-\\d$';
/** Letters, digits, `.`, `-` and `_`, at most 64, as the integration accepts for the suffix. */
export const EVENT_SOURCE_SUFFIX_PATTERN = '^[A-Za-z0-9._-]{1,64}$';
export const SOURCE_PATTERN =
  '^aws\\.partner/genesys\\.com/cloud/' +
  '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[A-Za-z0-9._-]{1,64}$';
/**
 * A topic template: dot-separated segments starting with v2. A segment that looks like a UUID is
 * refused because the real ids only ever appear in detail.topicName, never in detail-type.
 */
export const DETAIL_TYPE_PATTERN =
  '^(?!.*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-)v2(\\.([A-Za-z0-9_-]+|\\{id\\}))+$';

export const ENVELOPE_SCHEMA_FILE_NAME = 'eventbridge-envelope.schema.json';

export const eventBridgeEnvelopeSchema: JsonSchema = {
  $schema: JSON_SCHEMA_DIALECT,
  $id: `urn:genesys-eventbridge-patterns:schema:${ENVELOPE_SCHEMA_FILE_NAME}`,
  $comment: 'Generated from src/genesys by scripts/build-schemas.mjs; edit the source instead.',
  title: 'Genesys Cloud event on an Amazon EventBridge partner event bus',
  description:
    'The EventBridge envelope as delivered for Genesys Cloud notifications. The topic body ' +
    '(detail.eventBody) has its own schema per topic.',
  type: 'object',
  required: [
    'version',
    'id',
    'detail-type',
    'source',
    'account',
    'time',
    'region',
    'resources',
    'detail',
  ],
  properties: {
    version: { const: '0', description: 'EventBridge envelope version, the string "0".' },
    id: {
      type: 'string',
      pattern: HEX_EVENT_ID_PATTERN,
      description: 'EventBridge event id: UUID syntax, but not necessarily a version-4 UUID.',
    },
    'detail-type': {
      type: 'string',
      pattern: DETAIL_TYPE_PATTERN,
      description: 'Topic template with the literal text {id} in place of every id.',
      examples: ['v2.detail.events.conversation.{id}.customer.end'],
    },
    source: {
      type: 'string',
      pattern: SOURCE_PATTERN,
      description:
        'Partner event source, aws.partner/genesys.com/cloud/<organization id>/<suffix>; the ' +
        'same text names the partner event bus.',
    },
    account: { type: 'string', pattern: ACCOUNT_PATTERN, description: 'AWS account id.' },
    time: {
      type: 'string',
      pattern: SECOND_PRECISION_TIME_PATTERN,
      description: 'Time EventBridge accepted the event, ISO 8601 UTC at second precision.',
    },
    region: { type: 'string', pattern: REGION_PATTERN, description: 'AWS region, e.g. us-east-1.' },
    resources: { type: 'array', maxItems: 0, description: 'Always empty for Genesys events.' },
    detail: {
      type: 'object',
      required: ['topicName', 'version', 'eventBody', 'metadata', 'timestamp'],
      properties: {
        topicName: {
          type: 'string',
          pattern: '^v2\\.',
          description: 'The concrete topic: the template with the real ids filled in.',
        },
        version: { const: '2', description: 'Notification version, the string "2".' },
        eventBody: { type: 'object', description: 'Topic body; see the per-topic schemas.' },
        metadata: {
          type: 'object',
          required: ['CorrelationId'],
          properties: {
            CorrelationId: { type: 'string', description: 'Correlation id (capital C).' },
          },
        },
        timestamp: {
          type: 'string',
          pattern: MILLISECOND_TIME_PATTERN,
          description: 'When Genesys published the notification, ISO 8601 UTC with milliseconds.',
        },
      },
    },
  },
};
