import {
  BOOLEAN,
  DURATION_MS,
  EPOCH_MS,
  ID,
  INTEGER,
  STRING_MAP,
  TEXT,
  enumOf,
  field,
  listOf,
  objectOf,
  type FieldSpec,
} from '../fieldModel';
import { defineTopic, type TopicDefinition } from '../topicModel';
import {
  ACD_OUTCOMES,
  DIRECTIONS,
  DISCONNECT_TYPES,
  FLOW_EXIT_REASONS,
  FLOW_OUTCOME_VALUES,
  FLOW_TRANSFER_TYPES,
  FLOW_TYPES,
  MEDIA_TYPES,
  MESSAGE_TYPES,
  ROUTING_METHODS,
} from './detailEventEnums';

/*
 * The 16 analytics detail-event topics of a conversation. Their bodies share most fields, so they
 * are assembled from the groups below; each topic lists only what distinguishes it.
 */

const eventTime = field('eventTime', EPOCH_MS, 'When the event happened, epoch milliseconds.');
const conversationId = field(
  'conversationId',
  ID,
  'Conversation id; the same id appears in detail.topicName.',
);
const participantId = field('participantId', ID, 'Participant the event belongs to.');
const sessionId = field('sessionId', ID, 'Media session (communication) of the participant.');
const divisionId = field('divisionId', ID, 'Division the conversation or queue belongs to.');
const queueId = field('queueId', ID, 'ACD queue involved.');
const userId = field('userId', ID, 'Genesys user (agent) involved.');
const disconnectType = field(
  'disconnectType',
  enumOf(DISCONNECT_TYPES),
  'Why the session ended.',
);
const utilizationLabel = field(
  'utilizationLabel',
  TEXT,
  'Utilization label applied to the interaction for agent capacity.',
);

const conversationKeys: readonly FieldSpec[] = [eventTime, conversationId, participantId];

const mediaBasics: readonly FieldSpec[] = [
  field('mediaType', enumOf(MEDIA_TYPES), 'Media of the session.'),
  field('provider', TEXT, 'Media provider, e.g. Edge for telephony.'),
  field('direction', enumOf(DIRECTIONS), 'Direction of the interaction.'),
  field('ani', TEXT, 'Calling address, e.g. tel:+15555550100.'),
  field('dnis', TEXT, 'Called address, e.g. tel:+15555550199.'),
];

const addressing: readonly FieldSpec[] = [
  field('addressTo', TEXT, 'Destination address (phone, e-mail or messaging address).'),
  field('addressFrom', TEXT, 'Origin address (phone, e-mail or messaging address).'),
];

const callbackDetails: readonly FieldSpec[] = [
  field('callbackUserName', TEXT, 'Name of the person asking to be called back.'),
  field('callbackNumbers', listOf(TEXT), 'Numbers offered for the callback.'),
  field('callbackScheduledTime', EPOCH_MS, 'When the callback is scheduled, epoch milliseconds.'),
];

const subjectAndMessageType: readonly FieldSpec[] = [
  field('subject', TEXT, 'Subject line (e-mail) or topic of the interaction.'),
  field('messageType', enumOf(MESSAGE_TYPES), 'Messaging channel; only for MESSAGE media.'),
];

/** Present on every call-like topic: identity, media, addressing, callback and subject fields. */
const commonCallFields: readonly FieldSpec[] = [
  ...conversationKeys,
  sessionId,
  ...mediaBasics,
  ...addressing,
  ...callbackDetails,
  ...subjectAndMessageType,
];

/** Same as the common fields but without the callback group, as flow and outbound events are. */
const callFieldsWithoutCallback: readonly FieldSpec[] = [
  ...conversationKeys,
  sessionId,
  ...mediaBasics,
  ...addressing,
  ...subjectAndMessageType,
];

/** Voicemail events carry the basic media fields only. */
const voicemailSessionFields: readonly FieldSpec[] = [
  ...conversationKeys,
  sessionId,
  ...mediaBasics,
];

const externalContact: readonly FieldSpec[] = [
  field('externalOrganizationId', ID, 'External organization linked to the customer.'),
  field('externalContactId', ID, 'External contact linked to the customer.'),
];

const externalLinks: readonly FieldSpec[] = [
  field(
    'conversationExternalContactIds',
    listOf(ID),
    'External contacts linked to the conversation; may be an empty array.',
  ),
  field(
    'conversationExternalOrganizationIds',
    listOf(ID),
    'External organizations linked to the conversation.',
  ),
];

const trailer: readonly FieldSpec[] = [...externalLinks, utilizationLabel];

const flowIdentity: readonly FieldSpec[] = [
  field('flowType', enumOf(FLOW_TYPES), 'Kind of Architect flow.'),
  field('flowId', ID, 'Architect flow.'),
  divisionId,
  field('flowVersion', TEXT, 'Published flow version as a string, e.g. "7.0".'),
];

const wrapup: readonly FieldSpec[] = [
  field('wrapupCode', ID, 'Wrap-up code chosen for the interaction.'),
  field('wrapupNotes', TEXT, 'Free-text wrap-up notes.'),
  field('wrapupDurationMs', DURATION_MS, 'Time spent in wrap-up, milliseconds.'),
];

const journeyContext = field(
  'journeyContext',
  objectOf([
    field('sessionId', ID, 'Journey (web or app) session that led to the conversation.'),
    field('sessionIdType', TEXT, 'Kind of journey session, e.g. web.'),
    field('actionId', ID, 'Journey action that started the conversation.'),
    field('actionMapId', ID, 'Action map that triggered the action.'),
  ]),
  'Predictive Engagement context, when the customer came from a tracked journey.',
);

/** End events report why the session ended right after the session id. */
function withDisconnectType(fields: readonly FieldSpec[]): FieldSpec[] {
  const afterSession = fields.indexOf(sessionId) + 1;
  return [...fields.slice(0, afterSession), disconnectType, ...fields.slice(afterSession)];
}

interface DetailTopicSpec {
  readonly suffix: string;
  readonly description: string;
  readonly knownOnEventBridge: boolean;
  readonly fields: readonly FieldSpec[];
}

const detailTopicSpecs: readonly DetailTopicSpec[] = [
  {
    suffix: 'acd.start',
    description: 'An interaction entered an ACD queue.',
    knownOnEventBridge: true,
    fields: [
      ...commonCallFields,
      queueId,
      divisionId,
      field('routingPriority', INTEGER, 'Routing priority of the interaction in the queue.'),
      field('requestedRoutingSkillIds', listOf(ID), 'Skills requested for routing.'),
      field('skillExpressionApplied', BOOLEAN, 'Whether a skill expression was used.'),
      ...trailer,
    ],
  },
  {
    suffix: 'acd.end',
    description: 'An interaction left an ACD queue: answered, abandoned or routed out by a flow.',
    knownOnEventBridge: true,
    fields: [
      ...withDisconnectType(commonCallFields),
      queueId,
      divisionId,
      field('acdOutcome', enumOf(ACD_OUTCOMES), 'How the queue segment ended.'),
      field('answeredUserId', ID, 'Agent who answered; only when the outcome is ANSWERED.'),
      field('requestedRoutings', listOf(TEXT), 'Routing methods requested, e.g. STANDARD.'),
      field('usedRouting', enumOf(ROUTING_METHODS), 'Routing method that delivered it.'),
      field('requestedRoutingSkillIds', listOf(ID), 'Skills requested for routing.'),
      field('requestedSkillExpressionIds', listOf(ID), 'Skill expressions requested for routing.'),
      field('requestedLanguageId', ID, 'Language skill requested for routing.'),
      field('requestedRoutingUserIds', listOf(ID), 'Agents requested for preferred routing.'),
      field('routingPriority', INTEGER, 'Routing priority of the interaction in the queue.'),
      field('connectedDurationMs', DURATION_MS, 'Time spent in the queue, milliseconds.'),
      ...trailer,
      // The published acd.end schema leaves this one unconstrained, unlike the flow events.
      field('flowType', TEXT, 'Kind of flow involved, in the spelling of flow events.'),
    ],
  },
  {
    suffix: 'acw',
    description: 'An agent finished after-call work for an interaction.',
    knownOnEventBridge: true,
    fields: [...commonCallFields, userId, queueId, ...wrapup, ...trailer],
  },
  {
    suffix: 'attributes',
    description: 'Participant data (custom attributes) of a conversation changed.',
    knownOnEventBridge: true,
    fields: [
      ...conversationKeys,
      field('attributes', STRING_MAP, 'Participant attributes, name to value (strings only).'),
      ...externalLinks,
      field(
        'communications',
        listOf(
          objectOf([
            field('id', ID, 'Communication (session) id.'),
            field('mediaType', enumOf(MEDIA_TYPES), 'Media of the communication.'),
          ]),
        ),
        'Communications of the participant; a pattern matches if any element matches.',
      ),
    ],
  },
  {
    suffix: 'contact',
    description: 'The external contact associated with a conversation was set or changed.',
    knownOnEventBridge: true,
    fields: [
      ...commonCallFields,
      ...externalContact,
      ...externalLinks,
      divisionId,
      utilizationLabel,
    ],
  },
  {
    suffix: 'customer.end',
    description: 'A customer participant session ended.',
    knownOnEventBridge: true,
    fields: [
      ...withDisconnectType(commonCallFields),
      ...externalContact,
      field('interactingDurationMs', DURATION_MS, 'Time the customer interacted, milliseconds.'),
      ...externalLinks,
      divisionId,
      utilizationLabel,
    ],
  },
  {
    suffix: 'customer.start',
    description: 'A customer participant session started.',
    knownOnEventBridge: true,
    fields: [
      ...commonCallFields,
      ...externalContact,
      ...externalLinks,
      journeyContext,
      divisionId,
      utilizationLabel,
    ],
  },
  {
    suffix: 'flow.end',
    description: 'An Architect flow session (IVR, bot, in-queue flow...) ended.',
    knownOnEventBridge: true,
    fields: [
      ...withDisconnectType(callFieldsWithoutCallback),
      ...flowIdentity,
      field('connectedDurationMs', DURATION_MS, 'Time spent in the flow, milliseconds.'),
      field('exitReason', enumOf(FLOW_EXIT_REASONS), 'How the flow was left.'),
      field('transferType', enumOf(FLOW_TRANSFER_TYPES), 'Transfer target kind, for TRANSFER.'),
      ...trailer,
    ],
  },
  {
    suffix: 'flow.outcome',
    description: 'A flow outcome was reached (or failed) inside an Architect flow.',
    knownOnEventBridge: true,
    fields: [
      ...callFieldsWithoutCallback,
      ...flowIdentity,
      field('flowOutcomeId', ID, 'Flow outcome definition.'),
      field('flowOutcomeStartTime', EPOCH_MS, 'When the outcome was started, epoch milliseconds.'),
      field('flowOutcomeEndTime', EPOCH_MS, 'When the outcome was settled, epoch milliseconds.'),
      field('flowOutcomeValue', enumOf(FLOW_OUTCOME_VALUES), 'Result of the outcome.'),
      field(
        'flowMilestones',
        listOf(
          objectOf([
            field('milestoneId', ID, 'Milestone definition.'),
            field('milestoneTime', EPOCH_MS, 'When the milestone was passed, epoch milliseconds.'),
          ]),
        ),
        'Milestones passed on the way to the outcome.',
      ),
      ...trailer,
    ],
  },
  {
    suffix: 'flow.start',
    description: 'An Architect flow session (IVR, bot, in-queue flow...) started.',
    knownOnEventBridge: true,
    fields: [...callFieldsWithoutCallback, ...flowIdentity, ...trailer],
  },
  {
    suffix: 'outbound',
    description: 'An outbound campaign (dialer) interaction was initiated.',
    knownOnEventBridge: true,
    fields: [
      ...callFieldsWithoutCallback,
      field('outboundCampaignId', ID, 'Outbound campaign.'),
      divisionId,
      field('outboundContactListId', ID, 'Contact list the dialled contact comes from.'),
      field('outboundContactId', ID, 'Contact (row) of the contact list.'),
      ...trailer,
    ],
  },
  {
    suffix: 'user.end',
    description: 'An agent (user) session of an interaction ended.',
    knownOnEventBridge: true,
    fields: [
      ...withDisconnectType(commonCallFields),
      userId,
      divisionId,
      queueId,
      field('interactingDurationMs', DURATION_MS, 'Time the agent was interacting, milliseconds.'),
      field('heldDurationMs', DURATION_MS, 'Time on hold, milliseconds.'),
      field('alertingDurationMs', DURATION_MS, 'Time the agent was alerted, milliseconds.'),
      field('contactingDurationMs', DURATION_MS, 'Time spent contacting, milliseconds.'),
      field('dialingDurationMs', DURATION_MS, 'Time spent dialling, milliseconds.'),
      field('callbackDurationMs', DURATION_MS, 'Time spent on the callback, milliseconds.'),
      ...trailer,
    ],
  },
  {
    suffix: 'user.start',
    description: 'An agent (user) session of an interaction started.',
    knownOnEventBridge: true,
    fields: [...commonCallFields, userId, divisionId, queueId, ...trailer],
  },
  {
    suffix: 'voicemail.end',
    description: 'A voicemail session (leaving a message for a user or queue) ended.',
    knownOnEventBridge: true,
    fields: [
      ...withDisconnectType(voicemailSessionFields),
      userId,
      queueId,
      divisionId,
      field('voicemailDurationMs', DURATION_MS, 'Length of the voicemail session, milliseconds.'),
      ...trailer,
    ],
  },
  {
    suffix: 'voicemail.start',
    description: 'A voicemail session (leaving a message for a user or queue) started.',
    knownOnEventBridge: true,
    fields: [...voicemailSessionFields, userId, queueId, divisionId, ...trailer],
  },
  {
    suffix: 'wrapup',
    description: 'A wrap-up code was recorded for an interaction.',
    // No public configuration selects this topic for EventBridge; eligibility is unconfirmed.
    knownOnEventBridge: false,
    fields: [...commonCallFields, queueId, ...wrapup, ...trailer],
  },
];

export const DETAIL_EVENT_TEMPLATE_PREFIX = 'v2.detail.events.conversation.{id}.';

export const detailEventTopics: readonly TopicDefinition[] = detailTopicSpecs.map((spec) =>
  defineTopic({
    template: DETAIL_EVENT_TEMPLATE_PREFIX + spec.suffix,
    family: 'conversation-detail-event',
    description: spec.description,
    knownOnEventBridge: spec.knownOnEventBridge,
    enumCase: 'UPPERCASE',
    templateIdFields: ['conversationId'],
    fields: spec.fields,
  }),
);
