import { EPOCH_MS, ID, enumOf, field, listOf } from '../fieldModel';
import { defineTopic, type TopicDefinition } from '../topicModel';
import { AGENT_STATES, DIRECTIONS, MEDIA_TYPES } from './detailEventEnums';

/**
 * The agent's side of the analytics detail events: UPPERCASE enums and epoch-ms times like the
 * conversation detail events, but keyed by the agent, and without an eventTime (the start of
 * the current state plays that part).
 */
export const agentStateTopic: TopicDefinition = defineTopic({
  template: 'v2.detail.events.agent.{id}.state',
  family: 'agent-detail-event',
  description: 'An agent entered a new state on an interaction (alerting, interacting...).',
  // Not among the topics public configurations select for EventBridge.
  knownOnEventBridge: false,
  enumCase: 'UPPERCASE',
  templateIdFields: ['userId'],
  fields: [
    field('conversationId', ID, 'Conversation the agent is working on.'),
    field('sessionId', ID, 'Media session of the agent on that conversation.'),
    field('sessionStart', EPOCH_MS, 'When the session started, epoch milliseconds.'),
    field('currentStateStart', EPOCH_MS, 'When the current state started, epoch milliseconds.'),
    field('currentState', enumOf(AGENT_STATES), 'What the agent is doing now.'),
    field('userId', ID, 'The agent; the same id appears in detail.topicName.'),
    field('originatingDirection', enumOf(DIRECTIONS), 'Direction the conversation started in.'),
    field('mediaType', enumOf(MEDIA_TYPES), 'Media of the session.'),
    field('queueId', ID, 'Queue the interaction came from, if routed.'),
    field('requestedLanguageId', ID, 'Language skill requested for routing.'),
    field('requestedSkillIds', listOf(ID), 'Skills requested for routing.'),
  ],
});
