import {
  ID,
  ISO_TIME,
  STRING_MAP,
  TEXT,
  enumOf,
  field,
  listOf,
  objectOf,
  type FieldSpec,
} from '../fieldModel';
import { defineTopic, type TopicDefinition } from '../topicModel';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, AUDIT_SERVICE_NAMES } from './auditEnums';

/*
 * One topic for every audited change in the org. Its two ids are the entity TYPE NAME and the
 * entity id (`v2.audits.entitytype.UserPresence.entityid.<uuid>`), so rules tell entities apart
 * by `detail.eventBody.entityType` and `action`, both PascalCase. Times are ISO-8601 strings.
 */

const entityRef = (what: string): FieldSpec[] => [
  field('id', ID, `${what} id; may be an empty string.`),
  field('name', TEXT, `${what} name.`),
  field('selfUri', TEXT, `API path of the ${what.toLowerCase()}.`),
];

export const auditTopic: TopicDefinition = defineTopic({
  template: 'v2.audits.entitytype.{id}.entityid.{id}',
  family: 'audit',
  description: 'An audited change to any entity: who did what (action) to which entity (type).',
  knownOnEventBridge: true,
  enumCase: 'PascalCase',
  templateIdFields: ['entityType', 'entity.id'],
  fields: [
    field('id', ID, 'Audit record.'),
    field('userId', ID, 'User who made the change.'),
    field('userHomeOrgId', ID, 'Home organisation of that user.'),
    field('username', objectOf(entityRef('User')), 'User who made the change, by reference.'),
    field('userDisplay', TEXT, 'Display name of the user.'),
    field(
      'clientId',
      objectOf([
        field('id', ID, 'OAuth client.'),
        field('selfUri', TEXT, 'API path of the client.'),
      ]),
      'OAuth client the change was made through; may be an empty object.',
    ),
    field('remoteIp', listOf(TEXT), 'IP addresses the request came from.'),
    field('serviceName', enumOf(AUDIT_SERVICE_NAMES), 'Service that wrote the record.'),
    field('level', TEXT, 'Level of the audit record.'),
    field('eventTime', ISO_TIME, 'When the change happened, ISO-8601 string.'),
    field(
      'message',
      objectOf([
        field('localizableMessageCode', TEXT, 'Code of the message text.'),
        field('message', TEXT, 'Message text.'),
        field('messageWithParams', TEXT, 'Message template with {placeholders}.'),
        field('messageParams', STRING_MAP, 'Values of the placeholders.'),
      ]),
      'Human-readable summary.',
    ),
    field('action', enumOf(AUDIT_ACTIONS), 'What was done.'),
    field('entityType', enumOf(AUDIT_ENTITY_TYPES), 'Kind of entity; first id of the topic.'),
    field('entity', objectOf(entityRef('Entity')), 'The entity; its id is the second topic id.'),
    field(
      'propertyChanges',
      listOf(
        objectOf([
          field('property', TEXT, 'Changed property, e.g. PRESENCE or scopes.'),
          field('oldValues', listOf(TEXT), 'Values before; absent on creation.'),
          field('newValues', listOf(TEXT), 'Values after; absent on deletion.'),
        ]),
      ),
      'What changed, property by property.',
    ),
    field('context', STRING_MAP, 'Extra context of the change, name to value.'),
  ],
});
