/**
 * Enum values of the analytics conversation metrics topic, which spells each field its own way:
 * camelCase metric names (tHandle, nOffered), lowercase media types, camelCase disconnect types
 * (`consultTransfer`, unlike `CONSULT_TRANSFER` in detail events and `transfer.consult` in
 * conversation objects) and PascalCase routing methods (`Standard`, unlike `STANDARD`).
 */

/** Metric names: t* durations (ms), n* counts, o* observations. */
export const CONVERSATION_METRICS = [
  'nBlindTransferred',
  'nBotInteractions',
  'nCallbackAttempts',
  'nCallbackScheduled',
  'nCfcOffered',
  'nCobrowseSessions',
  'nConnected',
  'nConsult',
  'nConsultTransferred',
  'nConversations',
  'nError',
  'nOffered',
  'nOutbound',
  'nOutboundAbandoned',
  'nOutboundAttempted',
  'nOutboundConnected',
  'nOverSla',
  'nTakeover',
  'nTransferred',
  'oAudioMessageCount',
  'oExternalAudioMessageCount',
  'oExternalMediaCount',
  'oMediaCount',
  'oMessageCount',
  'oMessageSegmentCount',
  'oMessageTurn',
  'oSkillExpressionApplications',
  'tAbandon',
  'tAcd',
  'tActiveCallback',
  'tActiveCallbackComplete',
  'tAcw',
  'tAgentResponseTime',
  'tAgentVideoConnected',
  'tAlert',
  'tAnswered',
  'tAverageAgentResponseTime',
  'tAverageCustomerResponseTime',
  'tBarging',
  'tCfcAbandon',
  'tCfcAcd',
  'tCfcAnswered',
  'tCfcFlowOut',
  'tCoaching',
  'tCoachingComplete',
  'tConnected',
  'tContacting',
  'tDialing',
  'tFirstConnect',
  'tFirstDial',
  'tFirstEngagement',
  'tFirstResponse',
  'tFlowOut',
  'tHandle',
  'tHeld',
  'tHeldComplete',
  'tIvr',
  'tMonitoring',
  'tMonitoringComplete',
  'tNotResponding',
  'tPark',
  'tParkComplete',
  'tScreenMonitoring',
  'tSnippetRecord',
  'tTalk',
  'tTalkComplete',
  'tTransmitting',
  'tUserResponseTime',
  'tVoicemail',
] as const;

/** Routing methods, PascalCase. */
export const ANALYTICS_ROUTING_METHODS = [
  'Bullseye',
  'Conditional',
  'Direct',
  'Last',
  'Manual',
  'Predictive',
  'Preferred',
  'Standard',
  'Vip',
] as const;

/** Kinds of routing rule. */
export const ANALYTICS_ROUTING_RULE_TYPES = [
  'Bullseye',
  'Conditional',
  'Predictive',
  'Preferred',
] as const;

/** Delivery states of e-mail and SMS, PascalCase. */
export const ANALYTICS_DELIVERY_STATUSES = [
  'DeliveryFailed',
  'DeliveryPushed',
  'DeliverySuccess',
  'Failed',
  'Published',
  'Queued',
  'Read',
  'Received',
  'Sent',
] as const;

/** Disconnect types, camelCase. */
export const ANALYTICS_DISCONNECT_TYPES = [
  'client',
  'conferenceTransfer',
  'consultTransfer',
  'endpoint',
  'endpointDnd',
  'error',
  'forwardTransfer',
  'inactivity',
  'noAnswerTransfer',
  'notAvailableTransfer',
  'other',
  'peer',
  'sessionExpired',
  'spam',
  'system',
  'takeover',
  'timeout',
  'transfer',
  'transferDnd',
  'transportFailure',
  'uncallable',
] as const;

/** Media types, lowercase. */
export const ANALYTICS_MEDIA_TYPES = [
  'callback',
  'chat',
  'cobrowse',
  'email',
  'internalmessage',
  'message',
  'screenmonitoring',
  'screenshare',
  'unknown',
  'video',
  'voice',
] as const;
