/**
 * Enum values of the analytics detail events (`v2.detail.events.conversation.{id}.*`), in the
 * UPPERCASE spelling these events carry. The REST analytics API spells several of them in lower
 * or mixed case, which is a common reason rules copied from API output never match.
 */

export const MEDIA_TYPES = [
  'UNKNOWN',
  'VOICE',
  'CHAT',
  'EMAIL',
  'CALLBACK',
  'COBROWSE',
  'VIDEO',
  'SCREENSHARE',
  'MESSAGE',
  'INTERNALMESSAGE',
  'SCREENMONITORING',
] as const;

export const DIRECTIONS = ['UNKNOWN', 'INBOUND', 'OUTBOUND'] as const;

export const MESSAGE_TYPES = [
  'UNKNOWN',
  'SMS',
  'TWITTER',
  'FACEBOOK',
  'LINE',
  'WHATSAPP',
  'WEBMESSAGING',
  'OPEN',
  'INSTAGRAM',
  'APPLE',
] as const;

export const DISCONNECT_TYPES = [
  'UNKNOWN',
  'ENDPOINT',
  'CLIENT',
  'SYSTEM',
  'TRANSFER',
  'ERROR',
  'PEER',
  'OTHER',
  'SPAM',
  'TIMEOUT',
  'TRANSPORT_FAILURE',
  'CONFERENCE_TRANSFER',
  'CONSULT_TRANSFER',
  'FORWARD_TRANSFER',
  'NO_ANSWER_TRANSFER',
  'NOT_AVAILABLE_TRANSFER',
  'UNCALLABLE',
  'DND_ENDPOINT',
  'DND_TRANSFER',
  'INACTIVITY',
  'SESSION_EXPIRED',
  'TAKEOVER',
] as const;

export const ACD_OUTCOMES = ['UNKNOWN', 'ABANDON', 'ANSWERED', 'FLOW_OUT'] as const;

export const ROUTING_METHODS = [
  'UNKNOWN',
  'MANUAL',
  'PREDICTIVE',
  'PREFERRED',
  'LAST',
  'BULLSEYE',
  'STANDARD',
  'OTHER',
  'CONDITIONAL',
  'VIP',
] as const;

export const FLOW_TYPES = [
  'UNKNOWN',
  'INBOUNDCALL',
  'OUTBOUNDCALL',
  'INQUEUECALL',
  'SECURECALL',
  'INBOUNDEMAIL',
  'SURVEYINVITE',
  'INBOUNDSHORTMESSAGE',
  'INBOUNDCHAT',
  'WORKFLOW',
  'BOT',
  'DIGITALBOT',
  'COMMONMODULE',
  'INQUEUEEMAIL',
  'INQUEUESHORTMESSAGE',
  'VOICE',
  'VOICEMAIL',
  'WORKITEM',
  'VOICESURVEY',
] as const;

export const FLOW_EXIT_REASONS = [
  'UNKNOWN',
  'DISCONNECT',
  'FLOW_DISCONNECT',
  'FLOW_ERROR_DISCONNECT',
  'TRANSFER',
  'SESSION_EXPIRE_DISCONNECT',
  'RECOGNITION_FAILURE_DISCONNECT',
  'RECOGNITION_FAILURE_EXIT',
  'USER_EXIT',
  'FLOW_EXIT',
  'FLOW_ERROR_EXIT',
] as const;

export const FLOW_TRANSFER_TYPES = [
  'UNKNOWN',
  'ACD',
  'USER',
  'NUMBER',
  'ACD_VOICEMAIL',
  'USER_VOICEMAIL',
  'GROUP_VOICEMAIL',
  'GROUP',
  'FLOW',
  'SECURE_FLOW',
  'RETURN_TO_AGENT',
] as const;

export const FLOW_OUTCOME_VALUES = ['UNKNOWN', 'SUCCESS', 'FAILURE'] as const;

/** What an agent is doing on an interaction, in `v2.detail.events.agent.{id}.state`. */
export const AGENT_STATES = [
  'UNKNOWN',
  'ALERT',
  'INTERACT',
  'WRAPUP',
  'BARGING',
  'CALLBACK',
  'COACHING',
  'CONTACTING',
  'CONVERTING',
  'DELAY',
  'DIALING',
  'HOLD',
  'IVR',
  'MONITORING',
  'PARKED',
  'SCHEDULED',
  'SHARING',
  'SYSTEM',
  'TRANSMITTING',
  'UPLOADING',
  'VOICEMAIL',
  'TERMINATED',
] as const;
