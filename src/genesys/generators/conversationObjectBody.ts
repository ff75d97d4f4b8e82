import { elementTypeOf, type FieldSpec } from '../fieldModel';
import type { JsonObject, JsonValue } from '../json';
import type { SeededRandom } from '../random';
import {
  AFTER_CALL_WORK_STATES,
  DISCONNECT_REASON_TYPES,
  MESSAGE_STATUSES,
  SOCIAL_VISIBILITIES,
  TRANSFER_STATES,
  TRANSFER_TYPES,
  VOICEMAIL_UPLOAD_STATUSES,
} from '../topics/conversationObjectEnums';
import {
  COMMUNICATION_ARRAYS,
  conversationViewOf,
  type CommunicationArray,
  type ConversationView,
} from '../topics/conversationObjects';
import {
  withTopicIds,
  type BodyGeneratorFactory,
  type BodyRequest,
  type EnumCoverage,
} from './bodyGenerator';
import { FieldWalker, omit, sometimes, type Override, type Slot } from './fieldWalker';
import {
  CUSTOMER_NAMES,
  SKILL_NAMES,
  TEAM_NAMES,
  orgPools,
  pick,
  type OrgPools,
} from './orgPools';

/*
 * Conversation objects for the queue and user conversation topics, both shapes. Each event
 * snapshots one conversation at some stage: a customer with an IVR and an ACD (queue) leg, and
 * an agent who is alerted, talking or wrapping up. Every communication's state, times and
 * disconnect type follow its participant's stage; enum coverage then adds the rarer states.
 */

type Role = 'customer' | 'ivr' | 'acd' | 'agent';
/** Where a participant is in the conversation when the event is published. */
type Phase = 'waiting' | 'active' | 'done';
type Stage = 'queued' | 'connected' | 'ended';

interface Party {
  readonly role: Role;
  readonly participantId: string;
  readonly name: string;
  /** Phone number, e-mail address or handle; undefined for flows and queues on digital media. */
  readonly address: string | undefined;
  readonly userId: string | undefined;
  readonly queueId: string | undefined;
  readonly phase: Phase;
  readonly joinedAt: number;
  readonly leftAt: number | undefined;
  readonly externalContactId: string | undefined;
}

interface Plan {
  readonly pools: OrgPools;
  readonly view: ConversationView;
  readonly conversationId: string;
  /** The conversation's media; the first is the one every participant has. */
  readonly media: readonly CommunicationArray[];
  readonly direction: 'inbound' | 'outbound';
  readonly queue: { readonly id: string; readonly name: string };
  readonly agent: { readonly id: string; readonly name: string };
  readonly orgAddress: string | undefined;
  readonly customerAddress: string | undefined;
  readonly parties: readonly Party[];
}

interface Scope {
  readonly plan: Plan;
  readonly party?: Party;
  readonly media?: CommunicationArray;
}

const MINUTE_MS = 60_000;
const iso = (epochMs: number): string => new Date(epochMs).toISOString();
const phone = (random: SeededRandom): string => `tel:+1555555${random.digits(4)}`;

/** Media every participant can be on; the others join a conversation on another media. */
const PRIMARY_MEDIA: readonly CommunicationArray[] = [
  'calls',
  'callbacks',
  'chats',
  'emails',
  'messages',
  'socialExpressions',
  'videos',
  'cobrowsesessions',
  'screenshares',
];
/** A supervisor watching the agent's screen or an internal chat sit on the agent only. */
const AGENT_ONLY_MEDIA = new Set<CommunicationArray>(['internalMessages', 'screenMonitorings']);
const PHONE_MEDIA = new Set<CommunicationArray>(['calls', 'callbacks']);

// Providers other than Edge and the web chat one are illustrative names, not captured values.
const PROVIDER_BY_MEDIA: Readonly<Record<CommunicationArray, string>> = {
  calls: 'Edge',
  callbacks: 'PureCloud Callback',
  chats: 'PureCloud Webchat v2',
  cobrowsesessions: 'PureCloud Cobrowse',
  emails: 'PureCloud Email',
  messages: 'PureCloud Messaging',
  internalMessages: 'PureCloud Internal Messaging',
  screenMonitorings: 'PureCloud Screen Monitoring',
  screenshares: 'PureCloud Screen Share',
  socialExpressions: 'PureCloud Social',
  videos: 'PureCloud Video',
};

const EMAIL_SUBJECTS = ['Order status', 'Billing question', 'Change of address', 'Cancel plan'];
const POST_PREVIEWS = ['Is anyone there to help?', 'My parcel is late again', 'Great service!'];
const WRAPUP_NOTES = ['Resolved on first contact', 'Customer will call back', 'Escalated'];
const MESSAGING_CHANNELS = ['webmessaging', 'sms', 'whatsapp', 'open', 'facebook'];
const SOCIAL_CHANNELS = new Set(['twitter', 'facebook', 'instagram', 'line']);
const ENDED_STATES = new Set(['disconnected', 'terminated']);
/** States before anyone answered: no connected time yet. */
const UNANSWERED_STATES = new Set(['alerting', 'dialing', 'contacting', 'offering', 'scheduled']);

// ---- planning -------------------------------------------------------------------------------

function chooseMedia(random: SeededRandom, coverage: EnumCoverage, view: ConversationView) {
  const pendingOf = (media: CommunicationArray): number =>
    coverage.pendingUnder(`participants.${media}`);
  const mostPending = (candidates: readonly CommunicationArray[]) =>
    [...candidates].sort((a, b) => pendingOf(b) - pendingOf(a))[0] as CommunicationArray;
  let primary = view.media;
  if (primary === undefined) {
    // Calls dominate; once their values are shown, steer to the media still missing some.
    const natural = random.chance(0.5) ? 'calls' : random.pick(PRIMARY_MEDIA);
    const steer = pendingOf(natural) === 0 && random.chance(0.7);
    primary = steer ? mostPending(PRIMARY_MEDIA) : natural;
  }
  if (view.shape === 'media') {
    return [primary];
  }
  // Other media join sometimes (a screen share during a call); more often while some of their
  // values are unseen, so topics about one media still show every array of the full body.
  const others = (Object.keys(COMMUNICATION_ARRAYS) as CommunicationArray[]).filter(
    (media) => media !== primary,
  );
  const pending = others.filter((media) => pendingOf(media) > 0);
  if (pending.length > 0 && random.chance(0.7)) {
    return [primary, ...random.subset(pending, 1, 3)];
  }
  return random.chance(0.1) ? [primary, random.pick(others)] : [primary];
}

function customerAddress(random: SeededRandom, media: CommunicationArray): string | undefined {
  if (PHONE_MEDIA.has(media)) return phone(random);
  if (media === 'emails') return `customer${random.digits(3)}@example.com`;
  return media === 'messages' ? phone(random) : undefined;
}

function planConversation(request: BodyRequest, pools: OrgPools, view: ConversationView): Plan {
  const { random, coverage, eventTime } = request;
  const media = chooseMedia(random, coverage, view);
  const primary = media[0] as CommunicationArray;
  const queue = pick(random, pools.queues, pools.queueNames);
  const agent = pick(random, pools.users, pools.userNames);
  const direction = primary === 'calls' && random.chance(0.2) ? 'outbound' : 'inbound';
  const stage = random.pick<Stage>(['queued', 'connected', 'ended']);
  const startedAt = eventTime - random.integer(30_000, 20 * MINUTE_MS);
  const answeredAt = startedAt + random.integer(5_000, 5 * MINUTE_MS);
  const talkMs = random.integer(30_000, 15 * MINUTE_MS);
  const endedAt = Math.min(eventTime - 1_000, answeredAt + talkMs);
  const ended = stage === 'ended';
  const address = customerAddress(random, primary);
  const orgAddress = PHONE_MEDIA.has(primary) ? phone(random) : undefined;
  const party = (role: Role, fields: Partial<Party>): Party => ({
    role,
    participantId: random.uuid(),
    name: '',
    address: undefined,
    userId: undefined,
    queueId: undefined,
    phase: ended ? 'done' : 'active',
    joinedAt: startedAt,
    leftAt: ended ? endedAt : undefined,
    externalContactId: undefined,
    ...fields,
  });
  const customer = party('customer', {
    name: random.pick(CUSTOMER_NAMES),
    address,
    externalContactId: sometimes(random, 0.4, () => random.pick(pools.externalContacts)),
  });
  const parties: Party[] = [customer];
  if (primary === 'calls' && direction === 'inbound') {
    const leftAt = startedAt + random.integer(5_000, 60_000);
    parties.push(party('ivr', { name: 'Main IVR', address: orgAddress, phase: 'done', leftAt }));
  }
  parties.push(
    party('acd', {
      name: queue.name,
      queueId: queue.id,
      phase: stage === 'queued' ? 'active' : 'done',
      joinedAt: startedAt + 1_000,
      leftAt: stage === 'queued' ? undefined : answeredAt,
    }),
  );
  // A user hears of a queued conversation once alerted; the queue before anyone is.
  if (stage !== 'queued' || view.owner === 'user') {
    parties.push(
      party('agent', {
        name: agent.name,
        userId: agent.id,
        queueId: queue.id,
        phase: stage === 'queued' ? 'waiting' : ended ? 'done' : 'active',
        joinedAt: answeredAt,
      }),
    );
  }
  return {
    pools,
    view,
    conversationId: random.uuid(),
    media,
    direction,
    queue,
    agent,
    orgAddress,
    customerAddress: address,
    parties,
  };
}

// ---- values shared by both shapes ----------------------------------------------------------

/** The enum path of a field below the slot's own path. */
const below = (slot: Slot<Scope>, name: string): string => `${slot.path}.${name}`;

function partyOf(slot: Slot<Scope>): Party {
  const { party } = slot.scope;
  if (party === undefined) {
    throw new Error(`${slot.path} filled outside a participant`);
  }
  return party;
}

/** The override for participants in one of the roles; the others leave the field out. */
function only(roles: readonly Role[], make: Override<Scope>): Override<Scope> {
  return (slot) => (roles.includes(partyOf(slot).role) ? make(slot) : undefined);
}

/** True while some value under the path is unseen, otherwise in about `probability`. */
function wanted(slot: Slot<Scope>, path: string, probability: number): boolean {
  return slot.coverage.pendingUnder(path) > 0 || slot.random.chance(probability);
}

function mediaOf(slot: Slot<Scope>): CommunicationArray {
  return slot.scope.media ?? (slot.scope.plan.media[0] as CommunicationArray);
}

function enumValuesOf(slot: Slot<Scope>): readonly string[] {
  const type = elementTypeOf(slot.spec.type);
  return type.kind === 'enum' ? type.values : [];
}

const stateOf = (slot: Slot<Scope>): string => slot.siblings['state'] as string;
const ended = (slot: Slot<Scope>): boolean => ENDED_STATES.has(stateOf(slot));

/** The first of the preferred states this kind of communication has. */
function firstDeclared(slot: Slot<Scope>, preferred: readonly string[]): string {
  const values = enumValuesOf(slot);
  return preferred.find((state) => values.includes(state)) ?? (values[0] as string);
}

function naturalState(slot: Slot<Scope>): string {
  const party = partyOf(slot);
  // Ended communications carry the disconnect types; favour them while some are unseen.
  const disconnectPath = slot.path.replace(/state$/, 'disconnectType');
  if (slot.coverage.pendingUnder(disconnectPath) > 0 && slot.random.chance(0.35)) {
    return 'disconnected';
  }
  if (party.phase === 'done') {
    const ending = slot.random.chance(0.8) ? ['disconnected'] : ['terminated', 'disconnected'];
    return firstDeclared(slot, ending);
  }
  if (party.phase === 'active') return 'connected';
  const outbound = slot.scope.plan.direction === 'outbound';
  return firstDeclared(slot, outbound ? ['dialing', 'contacting', 'alerting'] : ['alerting']);
}

function naturalInitialState(slot: Slot<Scope>): string {
  if (partyOf(slot).role !== 'agent') return 'connected';
  const outbound = slot.scope.plan.direction === 'outbound';
  return firstDeclared(slot, outbound ? ['dialing', 'alerting'] : ['alerting']);
}

const NATURAL_DISCONNECT: Readonly<Record<Role, string>> = {
  customer: 'endpoint',
  ivr: 'transfer',
  acd: 'transfer',
  agent: 'client',
};

interface Endpoint {
  readonly name: string;
  readonly address: string | undefined;
}

const customerEnd = (plan: Plan): Endpoint => ({
  name: plan.parties[0]?.name ?? '',
  address: plan.customerAddress,
});
const orgEnd = (plan: Plan): Endpoint => ({ name: plan.queue.name, address: plan.orgAddress });

/** Who started the conversation and who it was for. */
function ends(plan: Plan): { from: Endpoint; to: Endpoint } {
  return plan.direction === 'inbound'
    ? { from: customerEnd(plan), to: orgEnd(plan) }
    : { from: orgEnd(plan), to: customerEnd(plan) };
}

function addressObject({ name, address }: Endpoint): JsonObject | undefined {
  if (address === undefined) return undefined;
  const displayable = address.replace(/^tel:/, '');
  return { name, addressNormalized: address, addressRaw: address, addressDisplayable: displayable };
}

function wrapupOf(slot: Slot<Scope>): JsonValue | undefined {
  if (partyOf(slot).phase !== 'done') return undefined;
  const { random, scope } = slot;
  const wrapup: JsonObject = { code: random.pick(scope.plan.pools.wrapupCodes) };
  if (random.chance(0.4)) {
    wrapup['notes'] = random.pick(WRAPUP_NOTES);
  }
  wrapup['durationSeconds'] = random.integer(5, 180);
  wrapup['endTime'] = iso(slot.eventTime - random.integer(0, 5_000));
  return wrapup;
}

function afterCallWorkOf(slot: Slot<Scope>): JsonValue | undefined {
  const party = partyOf(slot);
  const path = below(slot, 'state');
  if (party.phase !== 'done' && slot.coverage.pendingUnder(path) === 0) return undefined;
  const state = slot.coverage.choose(path, AFTER_CALL_WORK_STATES, () => 'complete');
  const work: JsonObject = { state, startTime: iso((party.leftAt ?? slot.eventTime) - 1_000) };
  if (state === 'complete') {
    work['endTime'] = iso(slot.eventTime - 500);
  }
  return work;
}

function routingDataOf(slot: Slot<Scope>): JsonValue {
  const { random, scope } = slot;
  const data: JsonObject = { queue: { ...scope.plan.queue }, priority: random.integer(0, 5) };
  if (random.chance(0.4)) {
    data['skills'] = random.subset(SKILL_NAMES, 1, 2).map((name) => ({
      id: scope.plan.pools.skills[SKILL_NAMES.indexOf(name)] as string,
      name,
    }));
  }
  return data;
}

function messageDetailsOf(slot: Slot<Scope>): JsonValue {
  const { random, coverage, eventTime, scope } = slot;
  const party = partyOf(slot);
  const channel = slot.siblings['type'] as string | undefined;
  const social = channel !== undefined && SOCIAL_CHANNELS.has(channel);
  // The full body names a message by id, the per-media view by reference.
  const identity = scope.plan.view.shape === 'full' ? 'messageId' : 'message';
  const count = random.integer(1, 3);
  const visibilityPath = below(slot, 'socialVisibility');
  return Array.from({ length: count }, (_, index): JsonObject => {
    const id = random.uuid();
    const details: JsonObject = {
      [identity]: identity === 'messageId' ? id : { id },
      messageTime: iso(eventTime - (count - index) * random.integer(2_000, 30_000)),
      messageStatus: coverage.choose(below(slot, 'messageStatus'), MESSAGE_STATUSES, () =>
        party.role === 'customer' ? 'received' : random.pick(['sent', 'delivery-success', 'read']),
      ),
    };
    if (channel === 'sms') {
      details['messageSegmentCount'] = random.integer(1, 3);
    }
    // Only posts on social networks are public or private.
    if (social || coverage.pending(visibilityPath).length > 0) {
      details['socialVisibility'] = coverage.choose(visibilityPath, SOCIAL_VISIBILITIES, () =>
        'private',
      );
    }
    return details;
  });
}

/** A callback slot on the quarter hour, up to half a day ahead. */
function callbackSlot(slot: Slot<Scope>): string {
  const quarter = 15 * MINUTE_MS;
  const next = Math.ceil(slot.eventTime / quarter) * quarter;
  return iso(next + quarter * slot.random.integer(0, 48));
}

function journeyContextOf(slot: Slot<Scope>): JsonValue | undefined {
  const { random, scope } = slot;
  return sometimes(random, 0.3, () => ({
    customer: { id: random.uuid(), idType: 'cookie' },
    customerSession: { id: random.uuid(), type: 'web' },
    triggeringAction: {
      id: random.uuid(),
      actionMap: { id: random.pick(scope.plan.pools.actionMaps), version: random.integer(1, 5) },
    },
  }));
}

/** Overrides of a communication's fields (the participant itself in the per-media view). */
const COMMUNICATION: Readonly<Record<string, Override<Scope>>> = {
  id: ({ random }) => random.uuid(),
  state: (slot) => slot.choose(() => naturalState(slot)),
  initialState: (slot) => slot.choose(() => naturalInitialState(slot)),
  disconnectType: (slot) =>
    ended(slot)
      ? slot.choose(() => firstDeclared(slot, [NATURAL_DISCONNECT[partyOf(slot).role], 'system']))
      : undefined,
  connectedTime: (slot) =>
    UNANSWERED_STATES.has(stateOf(slot)) || stateOf(slot) === 'none'
      ? undefined
      : iso(partyOf(slot).joinedAt + slot.random.integer(0, 800)),
  disconnectedTime: (slot) =>
    ended(slot)
      ? iso(partyOf(slot).leftAt ?? slot.eventTime - slot.random.integer(500, 5_000))
      : undefined,
  provider: (slot) => PROVIDER_BY_MEDIA[mediaOf(slot)],
  direction: (slot) => slot.choose(() => slot.scope.plan.direction),
  held: (slot) => (stateOf(slot) === 'connected' ? slot.random.chance(0.1) : undefined),
  startHoldTime: ({ siblings, eventTime, random }) =>
    siblings['held'] === true ? iso(eventTime - random.integer(1_000, 90_000)) : undefined,
  scriptId: only(['agent'], ({ random, scope }) =>
    sometimes(random, 0.5, () => random.pick(scope.plan.pools.scripts)),
  ),
  wrapup: only(['agent'], wrapupOf),
  afterCallWork: only(['agent'], afterCallWorkOf),
  afterCallWorkRequired: only(['agent'], ({ random }) => random.chance(0.3)),
  queueMediaSettings: only(['agent'], ({ random }) => ({
    alertingTimeoutSeconds: 5 * random.integer(2, 6),
    enableAutoAnswer: random.chance(0.2),
  })),
  agentAssistantId: only(['agent'], ({ random, scope }) =>
    sometimes(random, 0.2, () => random.pick(scope.plan.pools.agentAssistants)),
  ),
  self: (slot) => {
    const { name, address } = partyOf(slot);
    return addressObject({ name, address: address ?? slot.scope.plan.orgAddress });
  },
  other: (slot) => {
    const { plan } = slot.scope;
    return addressObject(partyOf(slot).role === 'customer' ? orgEnd(plan) : customerEnd(plan));
  },
  fromAddress: ({ scope }) => addressObject(ends(scope.plan).from),
  toAddress: ({ scope }) => addressObject(ends(scope.plan).to),
  recordingState: (slot) =>
    slot.choose(() => (slot.siblings['recording'] === false ? 'none' : 'active')),
  disconnectReasons: (slot) => {
    const path = below(slot, 'type');
    if (!ended(slot) && slot.coverage.pendingUnder(path) === 0) return undefined;
    const type = slot.coverage.choose(path, DISCONNECT_REASON_TYPES, () => 'q850');
    // Q.850 cause 16 is a normal hang-up; SIP reports the BYE it answered.
    return [
      type === 'q850'
        ? { type, code: 16, phrase: 'Normal call clearing' }
        : { type, code: 200, phrase: 'OK' },
    ];
  },
  callbackNumbers: ({ scope }) =>
    scope.plan.customerAddress === undefined ? undefined : [scope.plan.customerAddress],
  callbackUserName: ({ scope }) => customerEnd(scope.plan).name,
  callbackScheduledTime: (slot) => sometimes(slot.random, 0.4, () => callbackSlot(slot)),
  timeoutSeconds: ({ random }) => sometimes(random, 0.3, () => random.pick([0, 30, 60])),
  externalCampaign: () => false,
  voicemail: only(['customer'], (slot) => {
    const path = below(slot, 'uploadStatus');
    if (!wanted(slot, path, 0.2)) return undefined;
    const uploadStatus = slot.coverage.choose(path, VOICEMAIL_UPLOAD_STATUSES, () => 'complete');
    return { id: slot.random.uuid(), uploadStatus };
  }),
  callerId: ({ scope }) => scope.plan.orgAddress?.replace(/^tel:/, ''),
  callerIdName: () => 'Example Co',
  journeyContext: only(['customer'], journeyContextOf),
  cobrowseSessionId: ({ random }) => random.uuid(),
  cobrowseRole: (slot) => (partyOf(slot).role === 'customer' ? 'sharer' : 'viewer'),
  providerEventTime: ({ eventTime }) => iso(eventTime - 200),
  subject: ({ random }) => random.pick(EMAIL_SUBJECTS),
  messagesSent: ({ random }) => random.integer(1, 4),
  autoGenerated: ({ random }) => random.chance(0.05),
  messageId: ({ random }) => `<${random.hex(16)}@mail.example.com>`,
  spam: () => false,
  parkTime: (slot) => (stateOf(slot) === 'parked' ? iso(slot.eventTime - MINUTE_MS) : undefined),
  resumeTime: (slot) =>
    stateOf(slot) === 'parked' ? iso(slot.eventTime + 60 * MINUTE_MS) : undefined,
  type: (slot) => slot.choose(() => slot.random.pick(MESSAGING_CHANNELS)),
  recipientCountry: ({ siblings }) => (siblings['type'] === 'sms' ? 'US' : undefined),
  messages: (slot) =>
    mediaOf(slot) === 'internalMessages'
      ? [{ messageId: slot.random.uuid(), messageTime: iso(slot.eventTime - 5_000) }]
      : messageDetailsOf(slot),
  targetUserId: ({ scope }) => scope.plan.agent.id,
  sourceUserId: ({ scope, random }) => random.pick(scope.plan.pools.users),
  screenMonitoringId: ({ random }) => random.uuid(),
  monitoringType: (slot) => slot.choose(() => 'AgentLevel'),
  count: () => 1,
  sharing: (slot) => partyOf(slot).role === 'customer',
  peerCount: ({ random }) => random.integer(1, 2),
  socialMediaId: ({ random }) => random.uuid(),
  socialMediaHub: ({ random }) => random.pick(['twitter', 'facebook']),
  socialUserName: ({ random }) => `@customer${random.digits(3)}`,
  previewText: ({ random }) => random.pick(POST_PREVIEWS),
  // References to other legs, documents and configurations nobody could resolve.
  peerId: omit,
  documentId: omit,
  bargedTime: omit,
  automatedCallbackConfigId: omit,
  byoSmsIntegrationId: omit,
  recordingId: omit,
};

/** One participant array of the full body: present when the conversation has that media. */
function communicationsOf(media: CommunicationArray): Override<Scope> {
  return (slot) => {
    const onIt = slot.scope.plan.media.includes(media);
    if (!onIt || (AGENT_ONLY_MEDIA.has(media) && partyOf(slot).role !== 'agent')) return undefined;
    return slot.elements([{ ...slot.scope, media }]);
  };
}

const leftAtOf = (slot: Slot<Scope>): number | undefined => partyOf(slot).leftAt;

/** Participant fields of the full body, and of the per-media view where both have them. */
const PARTICIPANT: Readonly<Record<string, Override<Scope>>> = {
  id: (slot) => partyOf(slot).participantId,
  purpose: (slot) => partyOf(slot).role,
  name: (slot) => partyOf(slot).name,
  address: (slot) => partyOf(slot).address,
  connectedTime: (slot) =>
    partyOf(slot).phase === 'waiting' ? undefined : iso(partyOf(slot).joinedAt),
  endTime: (slot) => {
    const leftAt = leftAtOf(slot);
    return leftAt === undefined ? undefined : iso(leftAt);
  },
  userId: (slot) => partyOf(slot).userId,
  queueId: (slot) => partyOf(slot).queueId,
  teamId: only(['agent'], ({ random, scope }) => random.pick(scope.plan.pools.teams)),
  externalContactId: (slot) => partyOf(slot).externalContactId,
  externalOrganizationId: (slot) =>
    partyOf(slot).externalContactId === undefined
      ? undefined
      : sometimes(slot.random, 0.5, () =>
          slot.random.pick(slot.scope.plan.pools.externalOrganizations),
        ),
  wrapupRequired: only(['agent'], ({ random }) => random.chance(0.7)),
  wrapupExpected: only(['agent'], ({ random }) => random.chance(0.7)),
  wrapupTimeoutMs: only(['agent'], ({ random }) => 30_000 * random.integer(1, 4)),
  wrapup: only(['agent'], wrapupOf),
  startAcwTime: only(['agent'], (slot) => {
    const leftAt = leftAtOf(slot);
    return leftAt === undefined ? undefined : iso(leftAt);
  }),
  endAcwTime: only(['agent'], (slot) =>
    leftAtOf(slot) === undefined ? undefined : iso(slot.eventTime - slot.random.integer(0, 5_000)),
  ),
  conversationRoutingData: only(['acd', 'agent'], routingDataOf),
  alertingTimeoutMs: only(['agent'], ({ random }) => 5_000 * random.integer(2, 6)),
  attributes: only(['customer'], ({ random }) =>
    sometimes(random, 0.4, () => ({ accountNumber: random.digits(8) })),
  ),
  screenRecordingState: only(['agent'], (slot) =>
    wanted(slot, slot.path, 0.2) ? slot.choose(() => 'active') : undefined,
  ),
  ...Object.fromEntries(
    (Object.keys(COMMUNICATION_ARRAYS) as CommunicationArray[]).map((media) => [
      media,
      communicationsOf(media),
    ]),
  ),
  // Links to other participants (consults, supervisors) would need a second conversation.
  groupId: omit,
  consultParticipantId: omit,
  externalContactInitialDivisionId: omit,
  monitoredParticipantId: omit,
  coachedParticipantId: omit,
  bargedParticipantId: omit,
  screenMonitoredParticipantId: omit,
};

/** Participant fields only the per-media view has: references instead of bare ids. */
const MEDIA_PARTICIPANT: Readonly<Record<string, Override<Scope>>> = {
  id: (slot) => partyOf(slot).participantId,
  startTime: (slot) => iso(partyOf(slot).joinedAt - slot.random.integer(500, 10_000)),
  // Here the participant is the communication: it ended when its state says so.
  endTime: COMMUNICATION['disconnectedTime'] as Override<Scope>,
  user: only(['agent'], ({ scope }) => ({ ...scope.plan.agent })),
  queue: only(['acd', 'agent'], ({ scope }) => ({ ...scope.plan.queue })),
  team: only(['agent'], ({ random, scope }) => pick(random, scope.plan.pools.teams, TEAM_NAMES)),
  externalContact: (slot) => {
    const { externalContactId, name } = partyOf(slot);
    return externalContactId === undefined ? undefined : { id: externalContactId, name };
  },
  ani: ({ scope }) => ends(scope.plan).from.address,
  dnis: ({ scope }) => ends(scope.plan).to.address,
  wrapupSkipped: only(['agent'], () => false),
  flaggedReason: (slot) =>
    wanted(slot, slot.path, 0.05) ? slot.choose(() => 'general') : undefined,
  peer: omit,
  // A free string in this view, unlike the full body's enum.
  screenRecordingState: omit,
};

const ROOT: Readonly<Record<string, Override<Scope>>> = {
  id: ({ scope }) => scope.plan.conversationId,
  participants: ({ scope, elements }) =>
    elements(scope.plan.parties.map((party) => ({ plan: scope.plan, party }))),
  recentTransfers: (slot) => {
    if (!wanted(slot, slot.path, 0.15)) return undefined;
    const { plan } = slot.scope;
    return [
      {
        id: slot.random.uuid(),
        state: slot.coverage.choose(below(slot, 'state'), TRANSFER_STATES, () => 'complete'),
        dateIssued: iso(slot.eventTime - slot.random.integer(5_000, 120_000)),
        initiator: { userId: plan.agent.id },
        destination: { userId: slot.random.pick(plan.pools.users) },
        transferType: slot.coverage.choose(below(slot, 'transferType'), TRANSFER_TYPES, () =>
          'unattended',
        ),
      },
    ];
  },
  // An enum in the call view, a free string with the same values in the full body.
  recordingState: (slot) => {
    if (!PHONE_MEDIA.has(slot.scope.plan.media[0] as CommunicationArray)) return undefined;
    return elementTypeOf(slot.spec.type).kind === 'enum' ? slot.choose(() => 'active') : 'active';
  },
  address: ({ scope }) => scope.plan.orgAddress,
  securePause: ({ scope, random }) =>
    PHONE_MEDIA.has(scope.plan.media[0] as CommunicationArray) ? random.chance(0.05) : undefined,
  divisions: ({ scope, random }) =>
    sometimes(random, 0.6, () => {
      const division = random.pick(scope.plan.pools.divisions);
      const queueId = scope.plan.queue.id;
      return [
        {
          division: { id: division, selfUri: `/api/v2/authorization/divisions/${division}` },
          entities: [{ id: queueId, selfUri: `/api/v2/routing/queues/${queueId}` }],
        },
      ];
    }),
  maxParticipants: omit,
  utilizationLabelId: omit,
  inactivityTimeout: omit,
};

/** Fields without an override whose values would be placeholders: free text and objects. */
function unfillable(spec: FieldSpec): boolean {
  const kind = elementTypeOf(spec.type).kind;
  return kind === 'text' || kind === 'object' || kind === 'stringMap' || kind === 'json';
}

function resolverFor(view: ConversationView) {
  return (path: string, spec: FieldSpec): Override<Scope> | undefined => {
    const depth = path.split('.').length;
    const inParticipants = path.startsWith('participants.');
    let override: Override<Scope> | undefined;
    if (depth === 1) {
      override = ROOT[spec.name];
    } else if (inParticipants && depth === 2) {
      override =
        view.shape === 'full'
          ? PARTICIPANT[spec.name]
          : (MEDIA_PARTICIPANT[spec.name] ?? COMMUNICATION[spec.name] ?? PARTICIPANT[spec.name]);
    } else if (inParticipants && depth === 3 && view.shape === 'full') {
      override = COMMUNICATION[spec.name];
    }
    return override ?? (unfillable(spec) ? omit : undefined);
  };
}

export const createConversationObjectBodyGenerator: BodyGeneratorFactory = (seed) => {
  const pools = orgPools(seed);
  return (request) => {
    const view = conversationViewOf(request.topic.template);
    if (view === undefined) {
      throw new Error(`${request.topic.template} is not a conversation-object topic`);
    }
    const plan = planConversation(request, pools, view);
    const walker = new FieldWalker<Scope>(request, { resolve: resolverFor(view) });
    return withTopicIds(request.topic, walker.body({ plan }));
  };
};
