import {
  BOOLEAN,
  ID,
  INTEGER,
  ISO_TIME,
  NUMBER,
  STRING_MAP,
  TEXT,
  enumOf,
  field,
  listOf,
  mapOf,
  objectOf,
  type FieldSpec,
} from '../fieldModel';
import { defineTopic, type TopicDefinition } from '../topicModel';
import {
  ANALYTICS_DELIVERY_STATUSES,
  ANALYTICS_DISCONNECT_TYPES,
  ANALYTICS_MEDIA_TYPES,
  ANALYTICS_ROUTING_METHODS,
  ANALYTICS_ROUTING_RULE_TYPES,
  CONVERSATION_METRICS,
} from './analyticsEnums';
import { DIRECTIONS, FLAGGED_REASONS, PARTICIPANT_PURPOSES } from './conversationObjectEnums';

/*
 * Analytics streams: one metric of a conversation as it is computed, and interval aggregates of
 * a flow. Their values are spelled like the analytics REST API (lowercase media, PascalCase
 * routing), not like the UPPERCASE detail events.
 */

const ids = (name: string, description: string): FieldSpec => field(name, listOf(ID), description);
const text = (name: string, description: string): FieldSpec => field(name, TEXT, description);
const id = (name: string, description: string): FieldSpec => field(name, ID, description);

/** Dimensions of the metric: the session, participant and routing context it was measured in. */
const metricDimensions: readonly FieldSpec[] = [
  field('activeRouting', enumOf(ANALYTICS_ROUTING_METHODS), 'Routing method active now.'),
  ids('activeSkillIds', 'Skills active on the conversation.'),
  text('addressFrom', 'Address that started the action.'),
  text('addressTo', 'Address receiving the action.'),
  id('agentAssistantId', 'Agent assistant active on the conversation.'),
  field('agentBullseyeRing', INTEGER, 'Bullseye ring of the targeted agent.'),
  field('agentOwned', BOOLEAN, 'Whether the callback is owned by an agent.'),
  text('ani', 'Calling number.'),
  id('assignerId', 'User who assigned the conversation manually.'),
  field('authenticated', BOOLEAN, 'Whether the provider verified the customer.'),
  id('conversationId', 'Conversation; the same id appears in detail.topicName.'),
  field('conversationInitiator', enumOf(PARTICIPANT_PURPOSES), 'Purpose of who started it.'),
  text('convertedFrom', 'Media the session was converted from.'),
  text('convertedTo', 'Media the session was converted to.'),
  field('customerParticipation', BOOLEAN, 'Whether the customer sent a message.'),
  field('deliveryStatus', enumOf(ANALYTICS_DELIVERY_STATUSES), 'E-mail or SMS delivery state.'),
  field('destinationAddresses', listOf(TEXT), 'Targets of transfers or consults.'),
  field('direction', enumOf(DIRECTIONS), 'Direction of the communication.'),
  field('disconnectType', enumOf(ANALYTICS_DISCONNECT_TYPES), 'Why the session ended.'),
  ids('divisionIds', 'Divisions of the conversation.'),
  text('dnis', 'Called number.'),
  id('edgeId', 'Edge that handled the call.'),
  field('eligibleAgentCounts', listOf(INTEGER), 'Eligible agents per predictive attempt.'),
  text('errorCode', 'Code of the error that occurred.'),
  text('extendedDeliveryStatus', 'Provider-specific delivery status.'),
  id('externalContactId', 'External contact.'),
  field('externalMediaCount', INTEGER, 'Attachments on the external session.'),
  id('externalOrganizationId', 'External organization.'),
  text('externalTag', 'Tag set by an external system.'),
  field('firstQueue', BOOLEAN, 'Whether this is the first queue of the conversation.'),
  field('flaggedReason', enumOf(FLAGGED_REASONS), 'Why the conversation was flagged.'),
  text('flowInType', 'Kind of flow entry into ACD.'),
  text('flowOutType', 'Kind of flow exit measured by tFlowOut.'),
  id('groupId', 'Genesys group.'),
  text('interactionType', 'enterprise or contactCenter.'),
  id('journeyActionId', 'Journey action.'),
  id('journeyActionMapId', 'Action map that triggered the action.'),
  field('journeyActionMapVersion', INTEGER, 'Version of that action map.'),
  id('journeyCustomerId', 'Journey customer.'),
  text('journeyCustomerIdType', 'Kind of journey customer id, e.g. cookie.'),
  id('journeyCustomerSessionId', 'Journey session.'),
  text('journeyCustomerSessionIdType', 'Kind of journey session, e.g. web.'),
  ids('knowledgeBaseIds', 'Knowledge bases used.'),
  field('mediaCount', INTEGER, 'Attachments in this session.'),
  field('mediaType', enumOf(ANALYTICS_MEDIA_TYPES), 'Media of the session, lowercase.'),
  text('messageType', 'Messaging channel, lowercase: sms, facebook, whatsapp...'),
  field('originatingDirection', enumOf(DIRECTIONS), 'Direction the conversation started in.'),
  field('originatingSocialMediaPublic', BOOLEAN, 'Whether it began as a public social post.'),
  id('outboundCampaignId', 'Outbound campaign.'),
  id('outboundContactId', 'Contact of the campaign.'),
  id('outboundContactListId', 'Contact list of that contact.'),
  text('participantName', 'Name of the participant.'),
  id('peerId', 'Related session on the other leg.'),
  text('provider', 'Media provider.'),
  field('purpose', enumOf(PARTICIPANT_PURPOSES), 'Purpose of the participant.'),
  id('queueId', 'Queue.'),
  text('remote', 'Name, number or address of the remote party.'),
  ids('removedSkillIds', 'Skills removed by bullseye routing.'),
  id('requestedLanguageId', 'Language requested.'),
  ids('requestedRoutingSkillIds', 'Skills requested.'),
  field('requestedRoutings', listOf(TEXT), 'Routing methods requested, e.g. Standard.'),
  text('roomId', 'Chat room.'),
  field('routingPriority', INTEGER, 'Routing priority.'),
  field('routingRing', INTEGER, 'Ring of bullseye or preferred agent routing.'),
  text('routingRule', 'Routing rule applied.'),
  field('routingRuleType', enumOf(ANALYTICS_ROUTING_RULE_TYPES), 'Kind of routing rule.'),
  id('selectedAgentId', 'Agent selected by predictive routing.'),
  field('selectedAgentRank', INTEGER, 'Rank of that agent.'),
  field('selfServed', BOOLEAN, 'Whether only flows handled the conversation.'),
  text('sessionDnis', 'Number dialled for this session; differs from dnis after transfers.'),
  id('sessionId', 'Session.'),
  id('skillExpressionId', 'Skill expression requested.'),
  id('stationId', 'Phone (station).'),
  id('teamId', 'Team of the user.'),
  field('usedRouting', enumOf(ANALYTICS_ROUTING_METHODS), 'Routing method that delivered it.'),
  id('userId', 'User.'),
  field('videoPresent', BOOLEAN, 'Whether video was present.'),
  field('waitingInteractionCounts', listOf(INTEGER), 'Waiting interactions per attempt.'),
  id('wrapUpCode', 'Wrap-up code.'),
  field(
    'proposedAgents',
    listOf(
      objectOf([
        field('agentRank', INTEGER, 'Rank from predictive routing; lower is better.'),
        id('proposedAgentId', 'Proposed agent.'),
      ]),
    ),
    'Agents proposed by predictive routing.',
  ),
  field(
    'scoredAgents',
    listOf(
      objectOf([
        field('agentScore', INTEGER, 'Score, 0-100; higher is better.'),
        id('scoredAgentId', 'Scored agent.'),
      ]),
    ),
    'Agents scored for the conversation.',
  ),
];

export const conversationMetricsTopic: TopicDefinition = defineTopic({
  template: 'v2.analytics.conversation.{id}.metrics',
  family: 'analytics-metric',
  description: 'One analytics metric of a conversation (tHandle, nOffered...) with its context.',
  knownOnEventBridge: true,
  enumCase: 'mixed',
  templateIdFields: ['conversationId'],
  fields: [
    field('metric', enumOf(CONVERSATION_METRICS), 'Metric name.'),
    field('metricDate', ISO_TIME, 'When the metric was recorded, ISO-8601 string.'),
    field('value', INTEGER, 'Value: milliseconds for t* metrics, a count otherwise.'),
    id('recordId', 'Metric record.'),
    ...metricDimensions,
  ],
});

export const flowAggregatesTopic: TopicDefinition = defineTopic({
  template: 'v2.analytics.flow.{id}.aggregates',
  family: 'analytics-aggregate',
  description: 'Interval statistics of an Architect flow, grouped by dimensions such as flowId.',
  knownOnEventBridge: true,
  // No enum in the body; the group values follow the analytics API (lowercase media types).
  enumCase: 'mixed',
  templateIdFields: ['group.flowId'],
  fields: [
    field('group', STRING_MAP, 'Dimensions of the aggregate, name to value (flowId, mediaType).'),
    field(
      'data',
      listOf(
        objectOf([
          field('interval', TEXT, 'ISO-8601 interval start/end the statistics cover.'),
          field(
            'metrics',
            listOf(
              objectOf([
                field('metric', TEXT, 'Metric name, e.g. nFlow or tFlow.'),
                field('qualifier', TEXT, 'What the metric is further broken down by.'),
                field('stats', mapOf(NUMBER), 'Statistics by name: count, sum, min, max...'),
              ]),
            ),
            'Metrics of the interval.',
          ),
        ]),
      ),
      'Statistics per interval.',
    ),
  ],
});

export const analyticsTopics: readonly TopicDefinition[] = [
  conversationMetricsTopic,
  flowAggregatesTopic,
];
