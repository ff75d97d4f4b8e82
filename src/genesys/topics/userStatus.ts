import {
  BOOLEAN,
  ID,
  INTEGER,
  ISO_TIME,
  TEXT,
  enumOf,
  field,
  listOf,
  objectOf,
  type FieldSpec,
} from '../fieldModel';
import { defineTopic, type TopicDefinition } from '../topicModel';

/*
 * A user's presence and routing status. Times are ISO-8601 strings. The routing status is an
 * UPPERCASE enum; the system presence is a free string in the published schema, sent in the
 * same UPPERCASE style (AVAILABLE, ON_QUEUE...), while the API and audits spell presence names
 * as labels (Available, Break).
 */

/** Routing status of an agent: whether ACD may offer interactions. */
export const ROUTING_STATUSES = [
  'OFF_QUEUE',
  'IDLE',
  'INTERACTING',
  'NOT_RESPONDING',
  'COMMUNICATING',
] as const;

const presenceDefinition = (name: string, description: string): FieldSpec =>
  field(
    name,
    objectOf([
      field('id', ID, 'Presence definition of the organisation (primary or secondary status).'),
      field('systemPresence', TEXT, 'Primary presence it belongs to, e.g. AVAILABLE or ON_QUEUE.'),
    ]),
    description,
  );

const routingStatus = field(
  'routingStatus',
  objectOf([
    field('status', enumOf(ROUTING_STATUSES), 'Routing state of the agent.'),
    field('startTime', ISO_TIME, 'When the agent entered this state.'),
  ]),
  'Routing status of the agent.',
);

const userId = field('id', ID, 'The user; the same id appears in detail.topicName.');

export const presenceTopic: TopicDefinition = defineTopic({
  template: 'v2.users.{id}.presence',
  family: 'user-status',
  description: 'A user changed presence (Available, Away, On Queue, a secondary status...).',
  knownOnEventBridge: true,
  enumCase: 'UPPERCASE',
  // The body does not repeat the user id; only detail.topicName names the user.
  templateIdFields: [undefined],
  fields: [
    field('source', TEXT, 'Who set the presence, e.g. PURECLOUD for Genesys Cloud itself.'),
    presenceDefinition('presenceDefinition', 'The new presence.'),
    field('primary', BOOLEAN, 'Whether this source is the primary presence source.'),
    field('message', TEXT, 'Custom status message; often an empty string.'),
    field('modifiedDate', ISO_TIME, 'When the presence changed.'),
    presenceDefinition('futurePresenceDefinition', 'Presence scheduled to follow.'),
  ],
});

export const routingStatusTopic: TopicDefinition = defineTopic({
  template: 'v2.users.{id}.routingStatus',
  family: 'user-status',
  description: 'An agent\'s routing status changed (OFF_QUEUE, IDLE, INTERACTING...).',
  knownOnEventBridge: true,
  enumCase: 'UPPERCASE',
  templateIdFields: ['id'],
  fields: [
    userId,
    routingStatus,
    field(
      'errorInfo',
      objectOf([
        field('errorCode', TEXT, 'Error code, e.g. CONFIG_USER_NOT_FOUND.'),
        field('status', INTEGER, 'HTTP status of the error.'),
        field('correlationId', TEXT, 'Correlation id of the failing request.'),
        field('userMessage', TEXT, 'Message for people.'),
        field('userParamsMessage', TEXT, 'Message template with {placeholders}.'),
        field(
          'userParams',
          listOf(
            objectOf([
              field('key', TEXT, 'Placeholder name.'),
              field('value', TEXT, 'Placeholder value.'),
            ]),
          ),
          'Values of the placeholders.',
        ),
      ]),
      'Why the routing status could not be determined, when it could not.',
    ),
  ],
});

export const activityTopic: TopicDefinition = defineTopic({
  template: 'v2.users.{id}.activity',
  family: 'user-status',
  description: 'An agent\'s activity changed: routing status, presence, out of office, queues.',
  knownOnEventBridge: true,
  enumCase: 'UPPERCASE',
  templateIdFields: ['id'],
  fields: [
    userId,
    routingStatus,
    field(
      'presence',
      objectOf([
        presenceDefinition('presenceDefinition', 'The current presence.'),
        field('presenceMessage', TEXT, 'Custom status message.'),
        field('modifiedDate', ISO_TIME, 'When the presence changed.'),
      ]),
      'Presence of the agent.',
    ),
    field(
      'outOfOffice',
      objectOf([
        field('active', BOOLEAN, 'Whether the user is out of office.'),
        field('modifiedDate', ISO_TIME, 'When that changed.'),
      ]),
      'Out-of-office state.',
    ),
    field('activeQueueIds', listOf(ID), 'Queues the agent is active on.'),
    field('dateActiveQueuesChanged', ISO_TIME, 'When the active queues last changed.'),
  ],
});

export const userStatusTopics: readonly TopicDefinition[] = [
  presenceTopic,
  routingStatusTopic,
  activityTopic,
];
