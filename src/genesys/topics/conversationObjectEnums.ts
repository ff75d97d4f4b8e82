/**
 * Enum values of the conversation-object topics (`v2.routing.queues.{id}.conversations*`,
 * `v2.users.{id}.conversations*`). Unlike the analytics detail events they are lowercase, with
 * dots in disconnect types (`transfer.forward`), so a rule written with `FORWARD_TRANSFER` or
 * `INBOUND` from a detail-event rule never matches here.
 */

/** States of a media participant (the per-media topics), the union of all media. */
export const PARTICIPANT_STATES = [
  'alerting',
  'dialing',
  'contacting',
  'offering',
  'connected',
  'disconnected',
  'terminated',
  'converting',
  'uploading',
  'transmitting',
  'scheduled',
  'parked',
  'none',
] as const;

/** States each kind of communication can take, as the full conversation body lists them. */
export const CALL_STATES = [
  'alerting',
  'dialing',
  'contacting',
  'offering',
  'connected',
  'disconnected',
  'terminated',
  'uploading',
  'converting',
  'transmitting',
  'none',
] as const;

export const CALLBACK_STATES = [
  'alerting',
  'dialing',
  'contacting',
  'offering',
  'connected',
  'disconnected',
  'terminated',
  'scheduled',
  'uploading',
  'none',
] as const;

/** Chat, cobrowse, screen share, social expression and video sessions. */
export const SESSION_STATES = [
  'alerting',
  'dialing',
  'contacting',
  'offering',
  'connected',
  'disconnected',
  'terminated',
  'none',
] as const;

export const EMAIL_STATES = [
  'alerting',
  'connected',
  'disconnected',
  'none',
  'transmitting',
  'parked',
] as const;

export const MESSAGE_STATES = ['alerting', 'connected', 'disconnected', 'parked'] as const;
export const INTERNAL_MESSAGE_STATES = ['alerting', 'connected', 'disconnected'] as const;
export const SCREEN_MONITORING_STATES = ['none', 'connected', 'disconnected'] as const;

export const DIRECTIONS = ['inbound', 'outbound'] as const;

/** Disconnect types of a media participant and of messages, the widest list. */
export const PARTICIPANT_DISCONNECT_TYPES = [
  'endpoint',
  'endpoint.dnd',
  'client',
  'system',
  'timeout',
  'transfer',
  'transfer.conference',
  'transfer.consult',
  'transfer.forward',
  'transfer.noanswer',
  'transfer.notavailable',
  'transfer.dnd',
  'transport.failure',
  'error',
  'peer',
  'other',
  'spam',
  'uncallable',
  'inactivity',
  'session.expired',
  'takeover',
] as const;

const MESSAGING_ONLY_DISCONNECTS = new Set(['inactivity', 'session.expired', 'takeover']);
const DND_DISCONNECTS = new Set(['endpoint.dnd', 'transfer.dnd']);

/** Calls, callbacks, chats, cobrowse, screen share, social and video sessions. */
export const COMMUNICATION_DISCONNECT_TYPES = PARTICIPANT_DISCONNECT_TYPES.filter(
  (type) => !MESSAGING_ONLY_DISCONNECTS.has(type),
);

/** E-mail has no do-not-disturb variants. */
export const EMAIL_DISCONNECT_TYPES = COMMUNICATION_DISCONNECT_TYPES.filter(
  (type) => !DND_DISCONNECTS.has(type),
);

export const INTERNAL_MESSAGE_DISCONNECT_TYPES = ['client', 'system', 'peer', 'transfer'] as const;
export const SCREEN_MONITORING_DISCONNECT_TYPES = ['system'] as const;

export const RECORDING_STATES = ['none', 'active', 'paused'] as const;

/** `notApplicable` is camelCase even in this lowercase family. */
export const AFTER_CALL_WORK_STATES = [
  'unknown',
  'skipped',
  'pending',
  'complete',
  'notApplicable',
] as const;

export const MESSAGE_TYPES = [
  'unknown',
  'sms',
  'twitter',
  'facebook',
  'line',
  'viber',
  'wechat',
  'whatsapp',
  'telegram',
  'kakao',
  'webmessaging',
  'open',
  'instagram',
  'apple',
] as const;

/** Delivery states of one message; hyphenated, unlike the other values. */
export const MESSAGE_STATUSES = [
  'queued',
  'sent',
  'failed',
  'received',
  'delivery-success',
  'delivery-failed',
  'read',
  'removed',
  'published',
] as const;

export const SOCIAL_VISIBILITIES = ['private', 'public'] as const;

export const SCREEN_RECORDING_STATES = [
  'requested',
  'active',
  'paused',
  'stopped',
  'error',
  'timeout',
] as const;

/** PascalCase, the one exception to the family's lowercase. */
export const SCREEN_MONITORING_TYPES = ['Unknown', 'AgentLevel', 'ConversationLevel'] as const;

export const TRANSFER_STATES = [
  'pending',
  'active',
  'complete',
  'canceled',
  'failed',
  'timeout',
  'unknown',
] as const;

export const TRANSFER_TYPES = ['attended', 'unattended'] as const;
export const DISCONNECT_REASON_TYPES = ['q850', 'sip'] as const;
export const VOICEMAIL_UPLOAD_STATUSES = [
  'pending',
  'complete',
  'failed',
  'timeout',
  'none',
] as const;
export const FLAGGED_REASONS = ['general'] as const;

/**
 * Participant purposes seen in practice. The notification schema leaves `purpose` a free string;
 * these are the analytics model's values, which conversations use in the same spelling.
 */
export const PARTICIPANT_PURPOSES = [
  'acd',
  'agent',
  'api',
  'botflow',
  'campaign',
  'customer',
  'dialer',
  'external',
  'fax',
  'group',
  'inbound',
  'ivr',
  'manual',
  'outbound',
  'station',
  'user',
  'voicemail',
  'voicesurveyflow',
  'workflow',
] as const;
