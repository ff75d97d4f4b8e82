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
  objectOf,
  type FieldSpec,
} from '../fieldModel';
import { defineTopic, type TopicDefinition } from '../topicModel';
import {
  AFTER_CALL_WORK_STATES,
  CALLBACK_STATES,
  CALL_STATES,
  COMMUNICATION_DISCONNECT_TYPES,
  DIRECTIONS,
  DISCONNECT_REASON_TYPES,
  EMAIL_DISCONNECT_TYPES,
  EMAIL_STATES,
  FLAGGED_REASONS,
  INTERNAL_MESSAGE_DISCONNECT_TYPES,
  INTERNAL_MESSAGE_STATES,
  MESSAGE_STATES,
  MESSAGE_STATUSES,
  MESSAGE_TYPES,
  PARTICIPANT_DISCONNECT_TYPES,
  PARTICIPANT_STATES,
  RECORDING_STATES,
  SCREEN_MONITORING_DISCONNECT_TYPES,
  SCREEN_MONITORING_STATES,
  SCREEN_MONITORING_TYPES,
  SCREEN_RECORDING_STATES,
  SESSION_STATES,
  SOCIAL_VISIBILITIES,
  TRANSFER_STATES,
  TRANSFER_TYPES,
  VOICEMAIL_UPLOAD_STATUSES,
} from './conversationObjectEnums';

/*
 * Conversation-object topics: the whole conversation as Genesys holds it, published to the
 * queue (`v2.routing.queues.{id}.conversations*`) and to each user on it
 * (`v2.users.{id}.conversations*`). The queue and user variants share their bodies. Two shapes
 * exist: the full conversation (participants each with arrays per media: calls[], chats[]...)
 * and the per-media view (participants flattened to one media, with state and direction at
 * participant level). Times are ISO-8601 strings and enums lowercase.
 */

// ---- small references -----------------------------------------------------------------------

const idAndName = (what: string): FieldSpec[] => [
  field('id', ID, `${what} id.`),
  field('name', TEXT, `${what} name.`),
];

const entityRef = (what: string): FieldSpec[] => [
  field('id', ID, `${what} id.`),
  field('selfUri', TEXT, `API path of the ${what.toLowerCase()}.`),
];

const address = (what: string): FieldSpec =>
  field(
    what,
    objectOf([
      field('name', TEXT, 'Display name of the endpoint.'),
      field('nameRaw', TEXT, 'Name as received from the network.'),
      field('addressNormalized', TEXT, 'Address after normalisation, e.g. tel:+15555550100.'),
      field('addressRaw', TEXT, 'Address as received from the network.'),
      field('addressDisplayable', TEXT, 'Address as shown to users.'),
    ]),
    'Address and name of an endpoint of the communication.',
  );

const wrapupFields: readonly FieldSpec[] = [
  field('code', ID, 'Wrap-up code chosen by the agent.'),
  field('notes', TEXT, 'Free-text notes the agent entered.'),
  field('tags', listOf(TEXT), 'Tags the agent selected.'),
  field('durationSeconds', INTEGER, 'Time spent in after-call work, seconds.'),
  field('endTime', ISO_TIME, 'When wrap-up was finished.'),
];
const wrapup = field('wrapup', objectOf(wrapupFields), 'Wrap-up (disposition) data.');

const afterCallWork = field(
  'afterCallWork',
  objectOf([
    field('state', enumOf(AFTER_CALL_WORK_STATES), 'After-call work state.'),
    field('startTime', ISO_TIME, 'When after-call work started.'),
    field('endTime', ISO_TIME, 'When after-call work ended.'),
  ]),
  'After-call work of the communication.',
);

const afterCallWorkRequired = field(
  'afterCallWorkRequired',
  BOOLEAN,
  'Whether the agent must do after-call work (agent-requested ACW setting).',
);

const queueMediaSettings = field(
  'queueMediaSettings',
  objectOf([
    field('alertingTimeoutSeconds', INTEGER, 'How long an agent is alerted, seconds.'),
    field('autoAnswerAlertToneSeconds', NUMBER, 'Alert tone length with auto-answer, seconds.'),
    field('manualAnswerAlertToneSeconds', NUMBER, 'Alert tone length otherwise, seconds.'),
    field('enableAutoAnswer', BOOLEAN, 'Whether the queue auto-answers for agents.'),
  ]),
  'Queue settings for this media.',
);

const errorDetailsFields: readonly FieldSpec[] = [
  field('status', INTEGER, 'HTTP-style status of the error.'),
  field('code', TEXT, 'Error code.'),
  field('message', TEXT, 'Error message.'),
  field('messageWithParams', TEXT, 'Message template with {placeholders}.'),
  field('messageParams', STRING_MAP, 'Values of the placeholders.'),
  field('contextId', TEXT, 'Correlation id of the failing request.'),
  field('uri', TEXT, 'Resource the error is about.'),
];
const errorDetails = field('errorInfo', objectOf(errorDetailsFields), 'Error it reported.');

/*
 * The per-media views report errors as a full error body. It nests itself (errors[]) and carries
 * a rate-limit descriptor; a field tree cannot recurse and no rule filters on those, so only the
 * flat part is declared.
 */
const errorBody = field(
  'errorInfo',
  objectOf([
    field('message', TEXT, 'Error message.'),
    field('code', TEXT, 'Error code.'),
    field('status', INTEGER, 'HTTP-style status of the error.'),
    field('entityId', ID, 'Entity the error is about.'),
    field('entityName', TEXT, 'Name of that entity.'),
    field('messageWithParams', TEXT, 'Message template with {placeholders}.'),
    field('messageParams', STRING_MAP, 'Values of the placeholders.'),
    field('contextId', TEXT, 'Correlation id of the failing request.'),
    field(
      'details',
      listOf(
        objectOf([
          field('errorCode', TEXT, 'Detail error code.'),
          field('fieldName', TEXT, 'Field the detail is about.'),
          field('entityId', ID, 'Entity the detail is about.'),
          field('entityName', TEXT, 'Name of that entity.'),
        ]),
      ),
      'Details of the error.',
    ),
  ]),
  'Error reported for the participant.',
);

const journeyContext = field(
  'journeyContext',
  objectOf([
    field(
      'customer',
      objectOf([
        field('id', ID, 'Journey customer id.'),
        field('idType', TEXT, 'Kind of customer id, e.g. cookie.'),
      ]),
      'Customer as Predictive Engagement knows them.',
    ),
    field(
      'customerSession',
      objectOf([
        field('id', ID, 'Journey session id.'),
        field('type', TEXT, 'Kind of session, e.g. web.'),
      ]),
      'Journey session that led to the interaction.',
    ),
    field(
      'triggeringAction',
      objectOf([
        field('id', ID, 'Journey action id.'),
        field(
          'actionMap',
          objectOf([
            field('id', ID, 'Action map id.'),
            field('version', INTEGER, 'Action map version.'),
          ]),
          'Action map that triggered the action.',
        ),
      ]),
      'Journey action that started the interaction.',
    ),
  ]),
  'Predictive Engagement context of the interaction.',
);

const conversationRoutingData = field(
  'conversationRoutingData',
  objectOf([
    field('queue', objectOf(idAndName('Queue')), 'Queue the interaction was routed through.'),
    field('language', objectOf(idAndName('Language')), 'Language skill requested.'),
    field('priority', INTEGER, 'Routing priority.'),
    field('skills', listOf(objectOf(idAndName('Skill'))), 'Skills requested.'),
    field(
      'scoredAgents',
      listOf(
        objectOf([
          field('agent', objectOf(idAndName('Agent')), 'Agent that was scored.'),
          field('score', INTEGER, 'Score of the agent for this interaction, 0-100.'),
        ]),
      ),
      'Agents scored by predictive routing.',
    ),
  ]),
  'How the interaction was routed.',
);

const divisions = field(
  'divisions',
  listOf(
    objectOf([
      field('division', objectOf(entityRef('Division')), 'Division.'),
      field(
        'entities',
        listOf(
          objectOf([
            ...entityRef('Entity'),
            field('dateDivisionUpdated', ISO_TIME, 'When the entity moved into the division.'),
          ]),
        ),
        'Entities of the conversation in that division (queues, users...).',
      ),
    ]),
  ),
  'Divisions the conversation belongs to, for access control.',
);

const voicemail = field(
  'voicemail',
  objectOf([
    field('id', ID, 'Voicemail id.'),
    field('uploadStatus', enumOf(VOICEMAIL_UPLOAD_STATUSES), 'Upload state of the voicemail.'),
  ]),
  'Voicemail left instead of waiting for the callback.',
);

const dialerPreview = (name: string): FieldSpec =>
  field(
    name,
    objectOf([
      field('id', ID, 'Preview id.'),
      field('contactId', ID, 'Contact list row.'),
      field('contactListId', ID, 'Contact list.'),
      field('campaignId', ID, 'Outbound campaign.'),
      field(
        'phoneNumberColumns',
        listOf(
          objectOf([
            field('columnName', TEXT, 'Contact list column holding a number.'),
            field('type', TEXT, 'Kind of number, e.g. cell.'),
          ]),
        ),
        'Columns with numbers to dial.',
      ),
    ]),
    'Outbound (dialer) preview the callback comes from.',
  );

const dispositionTimer = (extra: readonly FieldSpec[]): FieldSpec[] => [
  field('timeoutMs', INTEGER, 'Timer length, milliseconds.'),
  ...extra,
  field('timerStartTime', NUMBER, 'When the timer started.'),
  field('timerEndTime', NUMBER, 'When the timer ended.'),
];

const disposition = field(
  'disposition',
  objectOf([
    field('name', TEXT, 'Call analysis result, e.g. disposition.classification.callable.person.'),
    field('analyzer', TEXT, 'Component that classified the call.'),
    field(
      'amdTimeout',
      objectOf(dispositionTimer([field('timerStartEvent', TEXT, 'What started the timer.')])),
      'Answering machine detection timer.',
    ),
    field('silentCallTimeout', objectOf(dispositionTimer([])), 'Silent call timer.'),
  ]),
  'Call analysis (dialer) result.',
);

const recordersState = field(
  'recordersState',
  objectOf([
    field('adhocState', TEXT, 'State of ad-hoc recording.'),
    field('customerExperienceState', TEXT, 'State of customer-experience recording.'),
    field('agentExperienceState', TEXT, 'State of agent-experience recording.'),
    field('snippetState', TEXT, 'State of snippet recording.'),
  ]),
  'State of each kind of recorder.',
);

/** The full body calls the transmission rate `baudRate`, the per-media view `dataRate`. */
const faxStatus = (rateName: string): FieldSpec =>
  field(
    'faxStatus',
    objectOf([
      field('direction', TEXT, 'Fax direction.'),
      field('expectedPages', INTEGER, 'Pages expected.'),
      field('activePage', INTEGER, 'Page being transmitted.'),
      field('linesTransmitted', INTEGER, 'Lines transmitted.'),
      field('bytesTransmitted', INTEGER, 'Bytes transmitted.'),
      field(rateName, INTEGER, 'Transmission rate.'),
      field('pageErrors', INTEGER, 'Pages with errors.'),
      field('lineErrors', INTEGER, 'Lines with errors.'),
    ]),
    'Progress of a fax call.',
  );

const messageMedia = field(
  'media',
  listOf(
    objectOf([
      field('url', TEXT, 'Where the attachment can be downloaded.'),
      field('mediaType', TEXT, 'MIME type of the attachment.'),
      field('contentLengthBytes', INTEGER, 'Size of the attachment, bytes.'),
      field('name', TEXT, 'File name.'),
      field('id', ID, 'Attachment id.'),
    ]),
  ),
  'Attachments (images, files) of the message.',
);

/** Details of one message; the full body names it by id, the per-media view by reference. */
const messageDetails = (identity: FieldSpec, errorInfo: FieldSpec): FieldSpec =>
  field(
    'messages',
    listOf(
      objectOf([
        identity,
        field('messageTime', ISO_TIME, 'When the message was sent or received.'),
        field('messageStatus', enumOf(MESSAGE_STATUSES), 'Delivery state of the message.'),
        field('messageSegmentCount', INTEGER, 'SMS segments the message took.'),
        messageMedia,
        errorInfo,
        field(
          'stickers',
          listOf(objectOf([field('url', TEXT, 'Sticker image.'), field('id', ID, 'Sticker.')])),
          'Stickers sent.',
        ),
        field(
          'messageMetadata',
          objectOf([
            field('type', TEXT, 'Kind of message, e.g. Text or Event.'),
            field(
              'events',
              listOf(
                objectOf([
                  field('eventType', TEXT, 'Kind of event, e.g. Typing.'),
                  field('subType', TEXT, 'Event detail.'),
                ]),
              ),
              'Events carried by the message.',
            ),
            field(
              'content',
              listOf(
                objectOf([
                  field('contentType', TEXT, 'Kind of content, e.g. Attachment.'),
                  field('subType', TEXT, 'Content detail.'),
                ]),
              ),
              'Structured content of the message.',
            ),
          ]),
          'What the message carries besides text.',
        ),
        field('socialVisibility', enumOf(SOCIAL_VISIBILITIES), 'Whether a social post is public.'),
      ]),
    ),
    'Messages of the communication.',
  );

// ---- fields shared by the communications of the full body -----------------------------------

const communicationId = field('id', ID, 'Communication id, unique across Genesys.');
const provider = field('provider', TEXT, 'Media provider, e.g. Edge or PureCloud Webchat v2.');
const scriptId = field('scriptId', ID, 'Agent script to show.');
const peerId = field('peerId', ID, 'Matching communication on the other leg.');
const held = field('held', BOOLEAN, 'Whether the communication is on hold.');
const startHoldTime = field('startHoldTime', ISO_TIME, 'When the current hold started.');
const connectedTime = field('connectedTime', ISO_TIME, 'When the communication connected.');
const disconnectedTime = field('disconnectedTime', ISO_TIME, 'When it disconnected.');
const direction = field('direction', enumOf(DIRECTIONS), 'Direction of the communication.');
const parking: readonly FieldSpec[] = [
  field('parkTime', ISO_TIME, 'When the interaction was parked.'),
  field('resumeTime', ISO_TIME, 'When a parked interaction resumes.'),
];
const agentAssistantId = field('agentAssistantId', ID, 'Agent assistant giving suggestions.');
const securePause = field('securePause', BOOLEAN, 'Whether recording is in secure pause.');
const recordingState = field('recordingState', enumOf(RECORDING_STATES), 'Call recording state.');

/*
 * Field order matters to the sample generator only: a state comes before the fields that depend
 * on it (disconnect type, times), and `held` before the hold start.
 */
const states = (values: readonly string[]): FieldSpec[] => [
  field('state', enumOf(values), 'Current state.'),
  field('initialState', enumOf(values), 'State it started in.'),
];

/** Identity and life cycle of a communication: states, times and why it ended. */
const lifecycle = (stateValues: readonly string[], disconnects: readonly string[]): FieldSpec[] => [
  communicationId,
  ...states(stateValues),
  field('disconnectType', enumOf(disconnects), 'Why it disconnected; absent until it does.'),
  connectedTime,
  disconnectedTime,
  provider,
  peerId,
];

const holding: readonly FieldSpec[] = [held, startHoldTime];

/** What every routed communication ends with. */
const routedTrailer: readonly FieldSpec[] = [
  scriptId,
  wrapup,
  afterCallWork,
  afterCallWorkRequired,
  queueMediaSettings,
];

const callDetails: readonly FieldSpec[] = [
  field('recording', BOOLEAN, 'Whether the call is being recorded.'),
  recordingState,
  recordersState,
  field('muted', BOOLEAN, 'Whether this side is muted.'),
  field('confined', BOOLEAN, 'Whether this side hears hold music.'),
  securePause,
  field('documentId', ID, 'Content-management document, for a fax.'),
  disposition,
  field('transferSource', TEXT, 'How the call reached the agent.'),
  field('bargedTime', ISO_TIME, 'When a supervisor barged in.'),
];

const callFields: readonly FieldSpec[] = [
  ...lifecycle(CALL_STATES, COMMUNICATION_DISCONNECT_TYPES),
  direction,
  ...holding,
  address('self'),
  address('other'),
  ...callDetails,
  errorDetails,
  field(
    'disconnectReasons',
    listOf(
      objectOf([
        field('type', enumOf(DISCONNECT_REASON_TYPES), 'Signalling the reason comes from.'),
        field('code', INTEGER, 'Q.850 cause or SIP status code.'),
        field('phrase', TEXT, 'Reason phrase.'),
      ]),
    ),
    'Network reasons for the disconnect.',
  ),
  faxStatus('baudRate'),
  field('uuiData', TEXT, 'User-to-user information of the SIP session.'),
  agentAssistantId,
  ...routedTrailer,
];

const callbackDetails: readonly FieldSpec[] = [
  voicemail,
  field('callbackNumbers', listOf(TEXT), 'Numbers to call back.'),
  field('callbackUserName', TEXT, 'Name of the person to call back.'),
  field('skipEnabled', BOOLEAN, 'Whether the agent may skip the callback.'),
  field('externalCampaign', BOOLEAN, 'Whether an external dialer places the call.'),
  field('timeoutSeconds', INTEGER, 'Seconds before the call is placed automatically; 0: never.'),
  field(
    'callbackScheduledTime',
    ISO_TIME,
    'When the callback is scheduled; absent for an immediate callback.',
  ),
  field('automatedCallbackConfigId', ID, 'Configuration that places the callback by itself.'),
];

const callbackFields: readonly FieldSpec[] = [
  ...lifecycle(CALLBACK_STATES, COMMUNICATION_DISCONNECT_TYPES),
  direction,
  ...holding,
  dialerPreview('dialerPreview'),
  ...callbackDetails,
  field('callerId', TEXT, 'Number shown to the person called, E.164.'),
  field('callerIdName', TEXT, 'Name shown to the person called.'),
  ...routedTrailer,
];

const chatDetails: readonly FieldSpec[] = [
  field('roomId', TEXT, 'Chat room of the session.'),
  field('avatarImageUrl', TEXT, 'Avatar shown for the participant.'),
];

const chatFields: readonly FieldSpec[] = [
  ...lifecycle(SESSION_STATES, COMMUNICATION_DISCONNECT_TYPES),
  ...holding,
  ...chatDetails,
  journeyContext,
  ...routedTrailer,
];

const cobrowseDetails: readonly FieldSpec[] = [
  field('cobrowseSessionId', ID, 'Co-browse session.'),
  field('cobrowseRole', TEXT, 'Role in the session, e.g. sharer or viewer.'),
  field('controlling', listOf(TEXT), 'Who controls the shared page.'),
  field('viewerUrl', TEXT, 'Link that joins the session as a viewer.'),
  field('providerEventTime', ISO_TIME, 'When the provider saw the event.'),
];

const cobrowseFields: readonly FieldSpec[] = [
  ...lifecycle(SESSION_STATES, COMMUNICATION_DISCONNECT_TYPES),
  address('self'),
  chatDetails[0] as FieldSpec,
  ...cobrowseDetails,
  ...routedTrailer,
];

const emailDetails: readonly FieldSpec[] = [
  field('subject', TEXT, 'Subject line.'),
  field('messagesSent', INTEGER, 'E-mails sent in the thread.'),
  field('autoGenerated', BOOLEAN, 'Whether the e-mail was sent by an auto-responder.'),
  field('messageId', TEXT, 'Message-ID header of the latest e-mail.'),
  field(
    'draftAttachments',
    listOf(
      objectOf([
        field('attachmentId', ID, 'Attachment.'),
        field('name', TEXT, 'File name.'),
        field('contentUri', TEXT, 'Download location.'),
        field('contentType', TEXT, 'MIME type.'),
        field('contentLength', INTEGER, 'Size, bytes.'),
      ]),
    ),
    'Attachments of the reply being drafted.',
  ),
  field('spam', BOOLEAN, 'Whether the e-mail was marked as spam.'),
];

const emailFields: readonly FieldSpec[] = [
  ...lifecycle(EMAIL_STATES, EMAIL_DISCONNECT_TYPES),
  direction,
  ...holding,
  ...emailDetails,
  errorDetails,
  ...routedTrailer,
  ...parking,
];

const messageType = field('type', enumOf(MESSAGE_TYPES), 'Messaging channel.');

const messagingDetails: readonly FieldSpec[] = [
  messageType,
  field('recipientCountry', TEXT, 'Country of the recipient, ISO 3166 code.'),
  field('recipientType', TEXT, 'Kind of recipient.'),
  field('engagementSource', TEXT, 'What started the engagement.'),
  field('byoSmsIntegrationId', ID, 'Bring-your-own SMS integration used.'),
];

const messageFields: readonly FieldSpec[] = [
  ...lifecycle(MESSAGE_STATES, PARTICIPANT_DISCONNECT_TYPES),
  direction,
  ...holding,
  address('toAddress'),
  address('fromAddress'),
  ...messagingDetails,
  messageDetails(field('messageId', ID, 'Message id.'), errorDetails),
  field('messagesTranscriptUri', TEXT, 'Where the transcript of the messages is.'),
  errorDetails,
  journeyContext,
  agentAssistantId,
  ...routedTrailer,
  ...parking,
];

const internalMessageFields: readonly FieldSpec[] = [
  ...lifecycle(INTERNAL_MESSAGE_STATES, INTERNAL_MESSAGE_DISCONNECT_TYPES),
  field('targetUserId', ID, 'User the message is for.'),
  field('sourceUserId', ID, 'User who sent it.'),
  address('toAddress'),
  address('fromAddress'),
  field(
    'messages',
    listOf(
      objectOf([
        field('messageId', ID, 'Message id.'),
        field('messageTime', ISO_TIME, 'When it was sent.'),
      ]),
    ),
    'Messages exchanged.',
  ),
];

const screenMonitoringFields: readonly FieldSpec[] = [
  // Monitoring has no other leg, so no peer.
  ...lifecycle(SCREEN_MONITORING_STATES, SCREEN_MONITORING_DISCONNECT_TYPES).filter(
    (spec) => spec !== peerId,
  ),
  field('targetUserId', ID, 'User whose screen is monitored.'),
  field('screenMonitoringId', ID, 'Monitoring of that user by this one.'),
  field('monitoringType', enumOf(SCREEN_MONITORING_TYPES), 'What is monitored.'),
  field('count', INTEGER, 'Monitoring sessions the target user is in.'),
];

const conferenceContext = field('context', TEXT, 'Conference room of the session.');
const peerCount = field('peerCount', INTEGER, 'Other participants in the session.');

const screenShareDetails: readonly FieldSpec[] = [
  conferenceContext,
  field('sharing', BOOLEAN, 'Whether this participant shares their screen.'),
  peerCount,
];

const screenShareFields: readonly FieldSpec[] = [
  ...lifecycle(SESSION_STATES, COMMUNICATION_DISCONNECT_TYPES),
  address('self'),
  ...screenShareDetails,
  ...routedTrailer,
];

const socialDetails: readonly FieldSpec[] = [
  field('socialMediaId', ID, 'Post or message on the social network.'),
  field('socialMediaHub', TEXT, 'Social network, e.g. twitter.'),
  field('socialUserName', TEXT, 'Handle of the social user.'),
  field('previewText', TEXT, 'Start of the post.'),
];

const socialExpressionFields: readonly FieldSpec[] = [
  ...lifecycle(SESSION_STATES, COMMUNICATION_DISCONNECT_TYPES),
  ...holding,
  ...socialDetails,
  field('recordingId', ID, 'Recording of the exchange.'),
  scriptId,
  wrapup,
  afterCallWork,
  afterCallWorkRequired,
];

const videoDetails: readonly FieldSpec[] = [
  conferenceContext,
  field('audioMuted', BOOLEAN, 'Whether outgoing audio is muted.'),
  field('videoMuted', BOOLEAN, 'Whether outgoing video is paused.'),
  field('sharingScreen', BOOLEAN, 'Whether the participant shares their screen.'),
  peerCount,
  field('msids', listOf(TEXT), 'Media stream ids.'),
];

const videoFields: readonly FieldSpec[] = [
  ...lifecycle(SESSION_STATES, COMMUNICATION_DISCONNECT_TYPES),
  address('self'),
  ...videoDetails,
  ...routedTrailer,
];

// ---- the full conversation body ------------------------------------------------------------

/** Participant arrays of the full body, one per kind of communication. */
export const COMMUNICATION_ARRAYS = {
  calls: callFields,
  callbacks: callbackFields,
  chats: chatFields,
  cobrowsesessions: cobrowseFields,
  emails: emailFields,
  messages: messageFields,
  internalMessages: internalMessageFields,
  screenMonitorings: screenMonitoringFields,
  screenshares: screenShareFields,
  socialExpressions: socialExpressionFields,
  videos: videoFields,
} as const satisfies Record<string, readonly FieldSpec[]>;

export type CommunicationArray = keyof typeof COMMUNICATION_ARRAYS;

const purpose = field(
  'purpose',
  TEXT,
  'Role of the participant, lowercase: customer, agent, acd, ivr, external, voicemail...',
);

/** Participant fields both shapes have, before the ones that differ. */
const participantIdentity: readonly FieldSpec[] = [
  field('id', ID, 'Participant id.'),
  purpose,
  field('name', TEXT, 'Display name: person, queue or flow.'),
  field('address', TEXT, 'Address of the participant (phone, e-mail...).'),
];

const participantTimes: readonly FieldSpec[] = [
  field('connectedTime', ISO_TIME, 'When the participant connected.'),
  field('endTime', ISO_TIME, 'When the participant left.'),
];

const participantWork: readonly FieldSpec[] = [
  field('wrapupRequired', BOOLEAN, 'Whether the agent must wrap up.'),
  field('wrapupPrompt', TEXT, 'Wrap-up prompt setting of the queue.'),
  field('wrapupTimeoutMs', INTEGER, 'Time allowed for wrap-up, milliseconds.'),
  wrapup,
  field('startAcwTime', ISO_TIME, 'When after-call work started.'),
  field('endAcwTime', ISO_TIME, 'When after-call work ended.'),
  conversationRoutingData,
  field('alertingTimeoutMs', INTEGER, 'How long an agent is alerted, milliseconds.'),
  field('mediaRoles', listOf(TEXT), 'Media roles of the participant.'),
  field('attributes', STRING_MAP, 'Participant data, name to value (strings only).'),
  field(
    'externalContactInitialDivisionId',
    ID,
    'Division the external contact was created in.',
  ),
];

const supervision: readonly FieldSpec[] = [
  field('monitoredParticipantId', ID, 'Participant a supervisor monitors.'),
  field('coachedParticipantId', ID, 'Participant a supervisor coaches.'),
  field('bargedParticipantId', ID, 'Participant a supervisor barged in on.'),
];

const fullParticipant = objectOf([
  ...participantIdentity,
  ...participantTimes,
  field('userId', ID, 'Genesys user of an agent or user participant.'),
  field('queueId', ID, 'Queue of an acd or agent participant.'),
  field('teamId', ID, 'Team of the agent.'),
  field('groupId', ID, 'Group the interaction was routed to.'),
  field('externalContactId', ID, 'External contact of a customer participant.'),
  field('externalOrganizationId', ID, 'External organization of the customer.'),
  field('consultParticipantId', ID, 'Participant consulted during a transfer.'),
  ...participantWork,
  field('wrapupExpected', BOOLEAN, 'Whether wrap-up is expected of the agent.'),
  ...supervision,
  field('screenMonitoredParticipantId', ID, 'Participant whose screen is monitored.'),
  field('screenRecordingState', enumOf(SCREEN_RECORDING_STATES), 'Screen recording state.'),
  field('flaggedReason', TEXT, 'Why the participant flagged the conversation.'),
  ...Object.entries(COMMUNICATION_ARRAYS).map(([name, fields]) =>
    field(name, listOf(objectOf(fields)), `The participant's ${name} communications.`),
  ),
  field(
    'workflow',
    objectOf([field('workflowId', ID, 'Workflow handling the interaction.')]),
    'Workflow of a workflow participant.',
  ),
]);

const conversationId = field('id', ID, 'Conversation id.');

const conversationTrailer: readonly FieldSpec[] = [
  field('address', TEXT, 'Address the conversation was started on.'),
  field('utilizationLabelId', ID, 'Utilization label applied.'),
  field('accessAttributes', listOf(TEXT), 'Access-control attributes.'),
  field('inactivityTimeout', ISO_TIME, 'When an idle messaging conversation ends.'),
  divisions,
];

const maxParticipants = field('maxParticipants', INTEGER, 'Most participants allowed at once.');

const fullConversationFields: readonly FieldSpec[] = [
  conversationId,
  maxParticipants,
  field('participants', listOf(fullParticipant), 'Participants, each with its communications.'),
  field(
    'recentTransfers',
    listOf(
      objectOf([
        field('id', ID, 'Transfer command.'),
        field('state', enumOf(TRANSFER_STATES), 'State of the transfer.'),
        field('dateIssued', ISO_TIME, 'When the transfer was requested.'),
        field('initiator', objectOf([field('userId', ID, 'User who transferred.')]), 'Initiator.'),
        field('modifiedBy', objectOf(entityRef('User')), 'Who last changed the transfer.'),
        field(
          'destination',
          objectOf([
            field('userId', ID, 'User transferred to.'),
            field('address', TEXT, 'Address transferred to.'),
          ]),
          'Transfer target.',
        ),
        field('transferType', enumOf(TRANSFER_TYPES), 'Attended (consult) or blind transfer.'),
      ]),
    ),
    'Recent transfer commands.',
  ),
  // A free string here; its values are those of the call recording state.
  field('recordingState', TEXT, 'Recording state of the conversation, e.g. active.'),
  field('externalTag', TEXT, 'Tag set by an external system.'),
  securePause,
  field('associatedConversation', objectOf(entityRef('Conversation')), 'Linked conversation.'),
  field(
    'consultationConversations',
    listOf(objectOf(entityRef('Conversation'))),
    'Consult conversations started from this one.',
  ),
  ...conversationTrailer,
];

// ---- the per-media view --------------------------------------------------------------------

const reference = (name: string, what: string): FieldSpec =>
  field(name, objectOf(idAndName(what)), `${what} of the participant.`);

/** Participant fields every per-media view has; the media adds its own after them. */
const mediaParticipantFields: readonly FieldSpec[] = [
  ...participantIdentity,
  field('state', enumOf(PARTICIPANT_STATES), 'Current state of the participant.'),
  field('initialState', enumOf(PARTICIPANT_STATES), 'State the participant started in.'),
  field('disconnectType', enumOf(PARTICIPANT_DISCONNECT_TYPES), 'Why it disconnected.'),
  field('startTime', ISO_TIME, 'When the participant was added.'),
  ...participantTimes,
  direction,
  ...holding,
  provider,
  field('peer', ID, 'Matching participant on the other leg.'),
  reference('user', 'User'),
  reference('queue', 'Queue'),
  reference('team', 'Team'),
  reference('script', 'Script'),
  reference('externalContact', 'External contact'),
  reference('externalOrganization', 'External organization'),
  ...participantWork,
  field('wrapupSkipped', BOOLEAN, 'Whether the agent skipped wrap-up.'),
  errorBody,
  // Unlike the full body, the per-media views leave this one a free string.
  field('screenRecordingState', TEXT, 'Screen recording state, e.g. active.'),
  field('flaggedReason', enumOf(FLAGGED_REASONS), 'Why the participant flagged it.'),
  journeyContext,
  ...parking,
  queueMediaSettings,
];

const callParticipantExtras: readonly FieldSpec[] = [
  field('ani', TEXT, 'Calling number, e.g. tel:+15555550100.'),
  field('dnis', TEXT, 'Called number.'),
  ...callDetails,
  reference('group', 'Group'),
  ...supervision,
  field('consultParticipantId', ID, 'Participant consulted during a transfer.'),
  faxStatus('dataRate'),
];

const messageParticipantExtras: readonly FieldSpec[] = [
  ...messagingDetails,
  messageDetails(
    field('message', objectOf(idAndName('Message')), 'The message.'),
    field('errorInfo', objectOf(errorDetailsFields), 'Delivery error of the message.'),
  ),
  supervision[0] as FieldSpec,
];

/** Suffix of each per-media topic and the participant fields its media adds. */
const MEDIA_VIEW_EXTRAS: Readonly<Record<string, readonly FieldSpec[]>> = {
  calls: callParticipantExtras,
  callbacks: [dialerPreview('outboundPreview'), ...callbackDetails],
  chats: chatDetails,
  cobrowseSessions: cobrowseDetails,
  emails: emailDetails,
  messages: messageParticipantExtras,
  screenshares: screenShareDetails,
  socialexpressions: socialDetails,
  videos: videoDetails,
};

function mediaViewFields(suffix: string, extras: readonly FieldSpec[]): FieldSpec[] {
  // Only the call view reports recording and size at conversation level.
  const callOnly = suffix === 'calls' ? [recordingState, securePause, maxParticipants] : [];
  return [
    conversationId,
    field('name', TEXT, 'Name of the conversation.'),
    field(
      'participants',
      listOf(objectOf([...mediaParticipantFields, ...extras])),
      'Participants on this media.',
    ),
    field('otherMediaUris', listOf(TEXT), 'API paths of the same conversation on other media.'),
    ...callOnly,
    ...conversationTrailer,
  ];
}

// ---- topics --------------------------------------------------------------------------------

/** How a conversation-object topic presents the conversation, for the sample generator. */
export interface ConversationView {
  readonly owner: 'queue' | 'user';
  readonly shape: 'full' | 'media';
  /** The media the topic is about; undefined for the all-media `conversations` topics. */
  readonly media: CommunicationArray | undefined;
}

/** Per-media topic suffix to the full body's array of that media. */
export const MEDIA_OF_SUFFIX: Readonly<Record<string, CommunicationArray>> = {
  calls: 'calls',
  callbacks: 'callbacks',
  chats: 'chats',
  cobrowseSessions: 'cobrowsesessions',
  emails: 'emails',
  messages: 'messages',
  screenshares: 'screenshares',
  socialexpressions: 'socialExpressions',
  videos: 'videos',
};

/*
 * Genesys maps the queue topics for social expressions and videos to the full conversation
 * body, while the user topics of the same media get the per-media view.
 */
const QUEUE_FULL_BODY_SUFFIXES = new Set(['socialexpressions', 'videos']);

const OWNERS = {
  queue: {
    prefix: 'v2.routing.queues.{id}.conversations',
    idFields: { full: 'participants.queueId', media: 'participants.queue.id' },
    whose: 'a queue',
  },
  user: {
    prefix: 'v2.users.{id}.conversations',
    idFields: { full: 'participants.userId', media: 'participants.user.id' },
    whose: 'a user',
  },
} as const;

type Owner = keyof typeof OWNERS;

/** The view of a conversation-object template, or undefined for any other template. */
export function conversationViewOf(template: string): ConversationView | undefined {
  for (const owner of Object.keys(OWNERS) as Owner[]) {
    const { prefix } = OWNERS[owner];
    if (template === prefix) {
      return { owner, shape: 'full', media: undefined };
    }
    const suffix = template.startsWith(`${prefix}.`) ? template.slice(prefix.length + 1) : '';
    const media = MEDIA_OF_SUFFIX[suffix];
    if (media !== undefined) {
      const full = owner === 'queue' && QUEUE_FULL_BODY_SUFFIXES.has(suffix);
      return { owner, shape: full ? 'full' : 'media', media };
    }
  }
  return undefined;
}

function conversationTopic(owner: Owner, suffix: string | undefined): TopicDefinition {
  const { prefix, idFields, whose } = OWNERS[owner];
  const template = suffix === undefined ? prefix : `${prefix}.${suffix}`;
  const view = conversationViewOf(template) as ConversationView;
  const about = suffix === undefined ? 'any conversation' : `a conversation's ${suffix}`;
  return defineTopic({
    template,
    family: 'conversation-object',
    description:
      `Any change to ${about} of ${whose}, published as the whole conversation object ` +
      (view.shape === 'full'
        ? '(participants with their communications).'
        : '(participants of that media).'),
    // No public configuration selects these topics for EventBridge; eligibility is unconfirmed.
    knownOnEventBridge: false,
    enumCase: 'lowercase',
    templateIdFields: [idFields[view.shape]],
    fields:
      view.shape === 'full'
        ? fullConversationFields
        : mediaViewFields(suffix as string, MEDIA_VIEW_EXTRAS[suffix as string] ?? []),
  });
}

const SUFFIXES = [undefined, ...Object.keys(MEDIA_OF_SUFFIX)];

export const conversationObjectTopics: readonly TopicDefinition[] = (['queue', 'user'] as const)
  .flatMap((owner) => SUFFIXES.map((suffix) => conversationTopic(owner, suffix)));
