import type { FieldSpec } from '../fieldModel';
import type { SeededRandom } from '../random';
import { ANALYTICS_MEDIA_TYPES } from '../topics/analyticsEnums';
import { PARTICIPANT_PURPOSES } from '../topics/conversationObjectEnums';
import { withTopicIds, type BodyGeneratorFactory, type BodyRequest } from './bodyGenerator';
import { FieldWalker, byPath, omit, sometimes, type Override } from './fieldWalker';
import { orgPools, type OrgPools } from './orgPools';

/*
 * Analytics streams. A conversation metric is one measurement (tTalk, nOffered...) with the
 * dimensions of the session it was taken on; a flow aggregate is a set of interval statistics
 * of one flow. Dimensions a real metric would not carry are left out: free-text dimensions are
 * only written where their meaning is clear.
 */

interface MeasuredSession {
  readonly pools: OrgPools;
  readonly conversationId: string;
  readonly mediaType: string;
  readonly purpose: string;
  readonly queueId: string;
  readonly userId: string;
}

const PROVIDER_BY_MEDIA: Readonly<Record<string, string>> = {
  voice: 'Edge',
  callback: 'PureCloud Callback',
  chat: 'PureCloud Webchat v2',
  email: 'PureCloud Email',
  message: 'PureCloud Messaging',
};
const MESSAGE_CHANNELS = ['sms', 'whatsapp', 'webmessaging', 'open', 'facebook'];
const MEASURED_PURPOSES = ['agent', 'acd', 'customer', 'ivr'];
const MINUTE_MS = 60_000;

const phone = (random: SeededRandom): string => `tel:+1555555${random.digits(4)}`;
const routed = (session: MeasuredSession): boolean =>
  session.purpose === 'agent' || session.purpose === 'acd';
const messaging = (session: MeasuredSession): boolean =>
  session.mediaType === 'email' || session.mediaType === 'message';

/** Addresses of phone media are tel URIs, of e-mail addresses; other media have none. */
function address(session: MeasuredSession, random: SeededRandom): string | undefined {
  if (session.mediaType === 'voice' || session.mediaType === 'callback') return phone(random);
  return session.mediaType === 'email' ? `customer${random.digits(3)}@example.com` : undefined;
}

const METRIC_OVERRIDES: Readonly<Record<string, Override<MeasuredSession>>> = {
  metric: ({ choose, random }) => choose(() => random.pick(['tTalk', 'tHandle', 'nOffered'])),
  metricDate: ({ eventTime }) => new Date(eventTime).toISOString(),
  // t* metrics are milliseconds, n* counts (one per occurrence), o* observed quantities.
  value: ({ siblings, random }) => {
    const metric = siblings['metric'] as string;
    if (metric.startsWith('t')) return random.integer(1_000, 15 * MINUTE_MS);
    return metric.startsWith('n') ? 1 : random.integer(1, 20);
  },
  recordId: ({ random }) => random.uuid(),
  conversationId: ({ scope }) => scope.conversationId,
  sessionId: ({ random }) => random.uuid(),
  mediaType: ({ scope }) => scope.mediaType,
  purpose: ({ scope }) => scope.purpose,
  provider: ({ scope }) => PROVIDER_BY_MEDIA[scope.mediaType],
  direction: ({ choose, random }) => choose(() => (random.chance(0.8) ? 'inbound' : 'outbound')),
  originatingDirection: ({ siblings, choose }) => choose(() => siblings['direction'] as string),
  conversationInitiator: ({ choose, random, coverage }) =>
    coverage.pending('conversationInitiator').length > 0 || random.chance(0.3)
      ? choose(() => 'customer')
      : undefined,
  queueId: ({ scope }) => (routed(scope) ? scope.queueId : undefined),
  userId: ({ scope }) => (scope.purpose === 'agent' ? scope.userId : undefined),
  ani: ({ scope, random }) => (scope.mediaType === 'voice' ? phone(random) : undefined),
  dnis: ({ scope, random }) => (scope.mediaType === 'voice' ? phone(random) : undefined),
  addressFrom: ({ scope, random }) => address(scope, random),
  addressTo: ({ scope, random }) => address(scope, random),
  messageType: ({ scope, random }) =>
    scope.mediaType === 'message' ? random.pick(MESSAGE_CHANNELS) : undefined,
  deliveryStatus: ({ scope, choose }) => (messaging(scope) ? choose(() => 'Sent') : undefined),
  usedRouting: ({ scope, choose }) => (routed(scope) ? choose(() => 'Standard') : undefined),
  activeRouting: ({ scope, choose }) => (routed(scope) ? choose(() => 'Standard') : undefined),
  requestedRoutings: ({ scope, random }) =>
    routed(scope) ? sometimes(random, 0.5, () => ['Standard']) : undefined,
  requestedRoutingSkillIds: ({ scope, random }) =>
    routed(scope)
      ? sometimes(random, 0.4, () => random.subset(scope.pools.skills, 1, 2))
      : undefined,
  divisionIds: ({ scope, random }) => [random.pick(scope.pools.divisions)],
  wrapUpCode: ({ scope, siblings, random }) =>
    siblings['metric'] === 'tAcw' ? random.pick(scope.pools.wrapupCodes) : undefined,
  participantName: omit,
  remote: omit,
};

/** Text dimensions without an override would be placeholders; metrics rarely carry them. */
function metricResolver(path: string, spec: FieldSpec): Override<MeasuredSession> | undefined {
  return METRIC_OVERRIDES[path] ?? (spec.type.kind === 'text' ? omit : undefined);
}

function measuredSession(request: BodyRequest, pools: OrgPools): MeasuredSession {
  const { random, coverage } = request;
  // Delivery statuses exist only on e-mail and messages; lean towards them until all are seen.
  const steer = coverage.pending('deliveryStatus').length > 0 && random.chance(0.5);
  return {
    pools,
    conversationId: random.uuid(),
    mediaType: coverage.choose('mediaType', ANALYTICS_MEDIA_TYPES, () =>
      steer ? 'message' : random.pick(random.chance(0.5) ? ['voice'] : ANALYTICS_MEDIA_TYPES),
    ),
    purpose: coverage.choose('purpose', PARTICIPANT_PURPOSES, () => random.pick(MEASURED_PURPOSES)),
    queueId: random.pick(pools.queues),
    userId: random.pick(pools.users),
  };
}

export const createConversationMetricBodyGenerator: BodyGeneratorFactory = (seed) => {
  const pools = orgPools(seed);
  return (request) => {
    const session = measuredSession(request, pools);
    const walker = new FieldWalker<MeasuredSession>(request, {
      resolve: metricResolver,
      presence: 0.15,
    });
    const eventBody = walker.body(session);
    return withTopicIds(request.topic, eventBody);
  };
};

// ---- flow aggregates ------------------------------------------------------------------------

const INTERVAL_MS = 30 * MINUTE_MS;
/** Flow metrics of the analytics API; durations carry more statistics than counts. */
const FLOW_METRICS = ['nFlow', 'tFlow', 'nFlowOutcome', 'nFlowOutcomeFailed', 'tFlowOutcome'];

function flowStats(random: SeededRandom, metric: string): Record<string, number> {
  const count = random.integer(1, 40);
  if (metric.startsWith('n')) return { count };
  const min = random.integer(500, 20_000);
  const max = min + random.integer(0, 10 * MINUTE_MS);
  return { max, min, count, sum: Math.round(((min + max) / 2) * count) };
}

interface AggregatedFlow {
  readonly flowId: string;
}

const FLOW_OVERRIDES: Readonly<Record<string, Override<AggregatedFlow>>> = {
  group: ({ scope, random }) => ({
    flowId: scope.flowId,
    mediaType: random.pick(['voice', 'message', 'chat']),
  }),
  data: ({ scope, elements }) => elements([scope]),
  // Statistics of the half hour the event closes.
  'data.interval': ({ eventTime }) => {
    const end = Math.floor(eventTime / INTERVAL_MS) * INTERVAL_MS;
    const iso = (time: number): string => new Date(time).toISOString();
    return `${iso(end - INTERVAL_MS)}/${iso(end)}`;
  },
  'data.metrics': ({ random }) =>
    random.subset(FLOW_METRICS, 1, 3).map((metric) => ({
      metric,
      stats: flowStats(random, metric),
    })),
};

export const createFlowAggregateBodyGenerator: BodyGeneratorFactory = (seed) => {
  const pools = orgPools(seed);
  return (request) => {
    const flowId = request.random.pick(pools.flows);
    const walker = new FieldWalker<AggregatedFlow>(request, { resolve: byPath(FLOW_OVERRIDES) });
    const eventBody = walker.body({ flowId });
    return withTopicIds(request.topic, eventBody);
  };
};
