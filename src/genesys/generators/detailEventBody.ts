import type { JsonObject, JsonValue } from '../json';
import type { SeededRandom } from '../random';
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
} from '../topics/detailEventEnums';
import { DETAIL_EVENT_TEMPLATE_PREFIX } from '../topics/detailEvents';
import {
  withTopicIds,
  type BodyGeneratorFactory,
  type BodyRequest,
  type EnumCoverage,
} from './bodyGenerator';
import { CUSTOMER_NAMES, orgPools, type OrgPools } from './orgPools';

/*
 * Bodies for `v2.detail.events.conversation.{id}.*`. Each event gets a small scenario first
 * (media, direction, addresses, involved queue/agent) so that fields agree with each other, then
 * every declared field is filled from it by name. Values aim to be plausible, not exhaustive.
 */

// Providers other than Edge and the web chat one are illustrative names, not captured values.
const PROVIDER_BY_MEDIA: Readonly<Record<string, string>> = {
  VOICE: 'Edge',
  CALLBACK: 'PureCloud Callback',
  CHAT: 'PureCloud Webchat v2',
  EMAIL: 'PureCloud Email',
  MESSAGE: 'PureCloud Messaging',
  COBROWSE: 'PureCloud Cobrowse',
  VIDEO: 'PureCloud Video',
  SCREENSHARE: 'PureCloud Screen Share',
  INTERNALMESSAGE: 'PureCloud Internal Messaging',
  SCREENMONITORING: 'PureCloud Screen Monitoring',
};

/** Flow types tied to one media; the others (workflows, bots, common modules...) fit any. */
const MEDIA_OF_FLOW_TYPE: Readonly<Record<string, string>> = {
  INBOUNDCALL: 'VOICE',
  OUTBOUNDCALL: 'VOICE',
  INQUEUECALL: 'VOICE',
  SECURECALL: 'VOICE',
  VOICE: 'VOICE',
  VOICEMAIL: 'VOICE',
  VOICESURVEY: 'VOICE',
  INBOUNDEMAIL: 'EMAIL',
  INQUEUEEMAIL: 'EMAIL',
  INBOUNDSHORTMESSAGE: 'MESSAGE',
  INQUEUESHORTMESSAGE: 'MESSAGE',
  DIGITALBOT: 'MESSAGE',
  INBOUNDCHAT: 'CHAT',
};

function flowTypesFor(mediaType: string): string[] {
  return FLOW_TYPES.filter((flowType) => {
    const media = MEDIA_OF_FLOW_TYPE[flowType];
    return media === undefined || media === mediaType;
  });
}

const PHONE_MEDIA = new Set(['VOICE', 'CALLBACK']);
const PHONE_MESSAGE_TYPES = new Set(['SMS', 'WHATSAPP']);
const EMAIL_SUBJECTS = ['Order status', 'Billing question', 'Change of address', 'Cancel plan'];
const WRAPUP_NOTES = ['Resolved on first contact', 'Customer will call back', 'Escalated'];
const UTILIZATION_LABELS = ['standard', 'priority', 'overflow'];
const COMMON_DISCONNECT_TYPES = ['ENDPOINT', 'CLIENT', 'PEER'];
const ROUTINGS_REQUESTED = ROUTING_METHODS.filter((method) => method !== 'UNKNOWN');
const ATTRIBUTE_MAKERS: ReadonlyArray<(random: SeededRandom) => readonly [string, string]> = [
  (random) => ['customerTier', random.pick(['gold', 'silver', 'bronze'])],
  (random) => ['accountNumber', random.digits(8)],
  (random) => ['preferredLanguage', random.pick(['en-US', 'es-US', 'fr-CA'])],
  (random) => ['intent', random.pick(['billing', 'support', 'sales'])],
  (random) => ['orderId', `A${random.digits(6)}`],
  (random) => ['surveyOptIn', random.pick(['true', 'false'])],
];

const MINUTE_MS = 60_000;
const QUARTER_HOUR_MS = 15 * MINUTE_MS;

interface Addresses {
  readonly from: string;
  readonly to: string;
}

interface Scenario {
  readonly random: SeededRandom;
  readonly coverage: EnumCoverage;
  readonly pools: OrgPools;
  /** Template suffix, e.g. `acd.end`, for the few fields whose presence depends on the topic. */
  readonly topicSuffix: string;
  readonly eventTime: number;
  readonly conversationId: string;
  readonly participantId: string;
  readonly sessionId: string;
  readonly mediaType: string;
  readonly messageType: string | undefined;
  readonly direction: string;
  readonly customerPhone: string;
  readonly phones: Addresses | undefined;
  readonly addresses: Addresses | undefined;
  readonly queueId: string;
  readonly userId: string;
  readonly divisionId: string;
  readonly externalContactId: string | undefined;
  readonly externalOrganizationId: string | undefined;
  /** Voicemail is left either for an agent or for a queue. */
  readonly voicemailFor: 'user' | 'queue';
}

function phoneNumber(random: SeededRandom): string {
  return `tel:+1555555${random.digits(4)}`;
}

function chooseMediaType(random: SeededRandom, coverage: EnumCoverage): string {
  const typical = (): string => (random.chance(0.5) ? 'VOICE' : random.pick(MEDIA_TYPES));
  const natural = (): string => {
    if (coverage.pending('mediaType').length > 0) {
      return typical();
    }
    // Every media type was shown; steer towards media that unlock still-unseen values.
    if (coverage.pending('messageType').length > 0) {
      return 'MESSAGE';
    }
    const tiedFlowType = coverage.pending('flowType').find((type) => MEDIA_OF_FLOW_TYPE[type]);
    return tiedFlowType === undefined ? typical() : (MEDIA_OF_FLOW_TYPE[tiedFlowType] as string);
  };
  return coverage.choose('mediaType', MEDIA_TYPES, natural);
}

function chooseDirection(
  random: SeededRandom,
  coverage: EnumCoverage,
  topicSuffix: string,
): string {
  const natural = (): string => {
    if (topicSuffix === 'outbound') {
      return 'OUTBOUND';
    }
    return random.chance(0.8) ? 'INBOUND' : random.pick(DIRECTIONS);
  };
  return coverage.choose('direction', DIRECTIONS, natural);
}

function planAddresses(
  random: SeededRandom,
  mediaType: string,
  messageType: string | undefined,
  customerPhone: string,
  customerFirst: boolean,
): { phones: Addresses | undefined; addresses: Addresses | undefined } {
  const orgPhone = phoneNumber(random);
  const ordered = (customer: string, org: string): Addresses =>
    customerFirst ? { from: customer, to: org } : { from: org, to: customer };
  if (PHONE_MEDIA.has(mediaType)) {
    const phones = ordered(customerPhone, orgPhone);
    return { phones, addresses: random.chance(0.5) ? phones : undefined };
  }
  if (mediaType === 'EMAIL') {
    const customerEmail = `customer${random.digits(3)}@example.com`;
    return { phones: undefined, addresses: ordered(customerEmail, 'support@example.com') };
  }
  if (messageType !== undefined && PHONE_MESSAGE_TYPES.has(messageType)) {
    return { phones: undefined, addresses: ordered(customerPhone, orgPhone) };
  }
  return { phones: undefined, addresses: undefined };
}

function planScenario(request: BodyRequest, pools: OrgPools): Scenario {
  const { random, coverage, topic } = request;
  const suffix = topic.template.slice(DETAIL_EVENT_TEMPLATE_PREFIX.length);
  const mediaType = chooseMediaType(random, coverage);
  const messageType =
    mediaType === 'MESSAGE'
      ? coverage.choose('messageType', MESSAGE_TYPES, () => random.pick(MESSAGE_TYPES))
      : undefined;
  const direction = chooseDirection(random, coverage, suffix);
  const customerPhone = phoneNumber(random);
  const { phones, addresses } = planAddresses(
    random,
    mediaType,
    messageType,
    customerPhone,
    direction !== 'OUTBOUND',
  );
  const externalContactId = random.chance(0.5) ? random.pick(pools.externalContacts) : undefined;
  const externalOrganizationId =
    externalContactId !== undefined && random.chance(0.6)
      ? random.pick(pools.externalOrganizations)
      : undefined;
  return {
    random,
    coverage,
    pools,
    topicSuffix: suffix,
    eventTime: request.eventTime,
    conversationId: random.uuid(),
    participantId: random.uuid(),
    sessionId: random.uuid(),
    mediaType,
    messageType,
    direction,
    customerPhone,
    phones,
    addresses,
    queueId: random.pick(pools.queues),
    userId: random.pick(pools.users),
    divisionId: random.pick(pools.divisions),
    externalContactId,
    externalOrganizationId,
    voicemailFor: random.chance(0.5) ? 'user' : 'queue',
  };
}

/** Returns the value to write, or undefined to leave the field out of this event. */
type Filler = (scenario: Scenario, body: JsonObject) => JsonValue | undefined;

/** Present while values are still unseen, otherwise with the given probability. */
function optionalEnum(
  scenario: Scenario,
  path: string,
  values: readonly string[],
  probability: number,
  natural: () => string = () => scenario.random.pick(values),
): string | undefined {
  const present = scenario.coverage.pending(path).length > 0 || scenario.random.chance(probability);
  return present ? scenario.coverage.choose(path, values, natural) : undefined;
}

function sometimes<T extends JsonValue>(
  scenario: Scenario,
  probability: number,
  make: () => T,
): T | undefined {
  return scenario.random.chance(probability) ? make() : undefined;
}

function duration(scenario: Scenario, minMs: number, maxMs: number): number {
  return scenario.random.integer(minMs, maxMs);
}

const QUEUE_PRESENCE: Readonly<Record<string, number>> = {
  'acd.start': 1,
  'acd.end': 1,
  wrapup: 0.9,
};

const FILLERS: Readonly<Record<string, Filler>> = {
  eventTime: (s) => s.eventTime,
  conversationId: (s) => s.conversationId,
  participantId: (s) => s.participantId,
  sessionId: (s) => s.sessionId,
  mediaType: (s) => s.mediaType,
  provider: (s) => PROVIDER_BY_MEDIA[s.mediaType],
  direction: (s) => s.direction,
  ani: (s) => s.phones?.from,
  dnis: (s) => s.phones?.to,
  addressFrom: (s) => s.addresses?.from,
  addressTo: (s) => s.addresses?.to,
  callbackUserName: (s) => (s.mediaType === 'CALLBACK' ? s.random.pick(CUSTOMER_NAMES) : undefined),
  callbackNumbers: (s) =>
    s.mediaType === 'CALLBACK'
      ? [s.customerPhone, ...(s.random.chance(0.3) ? [phoneNumber(s.random)] : [])]
      : undefined,
  callbackScheduledTime: (s) =>
    s.mediaType === 'CALLBACK' && s.random.chance(0.5)
      ? Math.ceil(s.eventTime / QUARTER_HOUR_MS) * QUARTER_HOUR_MS +
        s.random.integer(0, 96) * QUARTER_HOUR_MS
      : undefined,
  subject: (s) => (s.mediaType === 'EMAIL' ? s.random.pick(EMAIL_SUBJECTS) : undefined),
  messageType: (s) => s.messageType,
  externalOrganizationId: (s) => s.externalOrganizationId,
  externalContactId: (s) => s.externalContactId,
  conversationExternalContactIds: (s) =>
    s.externalContactId !== undefined ? [s.externalContactId] : sometimes(s, 0.3, () => []),
  conversationExternalOrganizationIds: (s) =>
    s.externalOrganizationId !== undefined ? [s.externalOrganizationId] : undefined,
  journeyContext: (s) =>
    sometimes(s, 0.3, () => ({
      sessionId: s.random.uuid(),
      sessionIdType: 'web',
      actionId: s.random.uuid(),
      actionMapId: s.random.pick(s.pools.actionMaps),
    })),
  divisionId: (s) => sometimes(s, 0.9, () => s.divisionId),
  utilizationLabel: (s) => sometimes(s, 0.15, () => s.random.pick(UTILIZATION_LABELS)),
  queueId: (s) => {
    if (s.topicSuffix.startsWith('voicemail.')) {
      return s.voicemailFor === 'queue' ? s.queueId : undefined;
    }
    return sometimes(s, QUEUE_PRESENCE[s.topicSuffix] ?? 0.75, () => s.queueId);
  },
  userId: (s) =>
    !s.topicSuffix.startsWith('voicemail.') || s.voicemailFor === 'user' ? s.userId : undefined,
  disconnectType: (s) =>
    optionalEnum(s, 'disconnectType', DISCONNECT_TYPES, 0.9, () =>
      s.random.pick(s.random.chance(0.6) ? COMMON_DISCONNECT_TYPES : DISCONNECT_TYPES),
    ),
  interactingDurationMs: (s) => duration(s, 5_000, 30 * MINUTE_MS),
  heldDurationMs: (s) =>
    s.mediaType === 'VOICE'
      ? sometimes(s, 0.3, () => duration(s, 5_000, 5 * MINUTE_MS))
      : undefined,
  alertingDurationMs: (s) => sometimes(s, 0.85, () => duration(s, 1_000, 30_000)),
  contactingDurationMs: (s) =>
    s.direction === 'OUTBOUND' ? sometimes(s, 0.5, () => duration(s, 1_000, 20_000)) : undefined,
  dialingDurationMs: (s) =>
    s.direction === 'OUTBOUND' && PHONE_MEDIA.has(s.mediaType)
      ? sometimes(s, 0.6, () => duration(s, 2_000, 40_000))
      : undefined,
  callbackDurationMs: (s) =>
    s.mediaType === 'CALLBACK' ? duration(s, 10_000, 10 * MINUTE_MS) : undefined,
  acdOutcome: (s) =>
    s.coverage.choose('acdOutcome', ACD_OUTCOMES, () =>
      s.random.chance(0.7) ? 'ANSWERED' : s.random.pick(ACD_OUTCOMES),
    ),
  answeredUserId: (s, body) => (body['acdOutcome'] === 'ANSWERED' ? s.userId : undefined),
  requestedRoutings: (s) => sometimes(s, 0.6, () => s.random.subset(ROUTINGS_REQUESTED, 1, 2)),
  usedRouting: (s) =>
    optionalEnum(s, 'usedRouting', ROUTING_METHODS, 0.8, () =>
      s.random.chance(0.6) ? 'STANDARD' : s.random.pick(ROUTING_METHODS),
    ),
  requestedRoutingSkillIds: (s) => sometimes(s, 0.5, () => s.random.subset(s.pools.skills, 1, 3)),
  requestedSkillExpressionIds: (s) =>
    sometimes(s, 0.15, () => [s.random.pick(s.pools.skillExpressions)]),
  requestedLanguageId: (s) => sometimes(s, 0.3, () => s.random.pick(s.pools.languages)),
  requestedRoutingUserIds: (s) => sometimes(s, 0.15, () => s.random.subset(s.pools.users, 1, 2)),
  routingPriority: (s) => sometimes(s, 0.5, () => s.random.integer(0, 10)),
  skillExpressionApplied: (s) => sometimes(s, 0.3, () => s.random.chance(0.5)),
  connectedDurationMs: (s) =>
    s.topicSuffix === 'flow.end'
      ? duration(s, 1_000, 10 * MINUTE_MS)
      : sometimes(s, 0.8, () => duration(s, 1_000, 15 * MINUTE_MS)),
  // Only flow events declare flowType as an enum; on acd.end coverage does not track it.
  flowType: (s) => {
    const candidates = flowTypesFor(s.mediaType);
    const natural = (): string => s.random.pick(candidates);
    return s.topicSuffix.startsWith('flow.')
      ? s.coverage.choose('flowType', candidates, natural)
      : sometimes(s, 0.4, natural);
  },
  flowId: (s) => s.random.pick(s.pools.flows),
  flowVersion: (s) => `${s.random.integer(1, 40)}.0`,
  exitReason: (s) =>
    s.coverage.choose('exitReason', FLOW_EXIT_REASONS, () => {
      // Only a transfer exit carries a transferType, so favour it while some are unseen.
      const steer =
        s.coverage.pending('exitReason').length === 0 &&
        s.coverage.pending('transferType').length > 0;
      return steer || s.random.chance(0.3) ? 'TRANSFER' : s.random.pick(FLOW_EXIT_REASONS);
    }),
  transferType: (s, body) =>
    body['exitReason'] === 'TRANSFER'
      ? s.coverage.choose('transferType', FLOW_TRANSFER_TYPES, () =>
          s.random.pick(FLOW_TRANSFER_TYPES),
        )
      : undefined,
  flowOutcomeId: (s) => s.random.pick(s.pools.flowOutcomes),
  flowOutcomeStartTime: (s) => s.eventTime - s.random.integer(1_000, 2 * MINUTE_MS),
  flowOutcomeEndTime: (s, body) => {
    const start = body['flowOutcomeStartTime'] as number;
    return s.random.integer(start, s.eventTime);
  },
  flowOutcomeValue: (s) =>
    s.coverage.choose('flowOutcomeValue', FLOW_OUTCOME_VALUES, () =>
      s.random.chance(0.7) ? 'SUCCESS' : s.random.pick(FLOW_OUTCOME_VALUES),
    ),
  flowMilestones: (s, body) => {
    const start = body['flowOutcomeStartTime'] as number;
    const end = body['flowOutcomeEndTime'] as number;
    return sometimes(s, 0.7, () =>
      s.random
        .subset(s.pools.milestones, 1, 4)
        .map((milestoneId) => ({ milestoneId, milestoneTime: s.random.integer(start, end) }))
        .sort((a, b) => a.milestoneTime - b.milestoneTime),
    );
  },
  outboundCampaignId: (s) => s.random.pick(s.pools.campaigns),
  outboundContactListId: (s) => s.random.pick(s.pools.contactLists),
  outboundContactId: (s) => s.random.uuid(),
  wrapupCode: (s) => sometimes(s, 0.85, () => s.random.pick(s.pools.wrapupCodes)),
  wrapupNotes: (s) => sometimes(s, 0.35, () => s.random.pick(WRAPUP_NOTES)),
  wrapupDurationMs: (s) => sometimes(s, 0.9, () => duration(s, 2_000, 5 * MINUTE_MS)),
  voicemailDurationMs: (s) => duration(s, 3_000, 3 * MINUTE_MS),
  attributes: (s) =>
    Object.fromEntries(s.random.subset(ATTRIBUTE_MAKERS, 1, 4).map((make) => make(s.random))),
  communications: (s) =>
    Array.from({ length: s.random.integer(1, 3) }, (_, index) => ({
      // The participant's own session is its first communication.
      id: index === 0 ? s.sessionId : s.random.uuid(),
      mediaType: s.coverage.choose('communications.mediaType', MEDIA_TYPES, () =>
        s.random.chance(0.6) ? 'VOICE' : s.random.pick(MEDIA_TYPES),
      ),
    })),
};

function buildBody(request: BodyRequest, pools: OrgPools): JsonObject {
  const scenario = planScenario(request, pools);
  const body: JsonObject = {};
  for (const spec of request.topic.fields) {
    const fill = FILLERS[spec.name];
    if (fill === undefined) {
      throw new Error(`no value generator for ${request.topic.template} field ${spec.name}`);
    }
    const value = fill(scenario, body);
    if (value !== undefined) {
      body[spec.name] = value;
    }
  }
  return body;
}

export const createDetailEventBodyGenerator: BodyGeneratorFactory = (seed) => {
  const pools = orgPools(seed);
  return (request) => {
    return withTopicIds(request.topic, buildBody(request, pools));
  };
};
