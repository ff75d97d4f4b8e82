import { AGENT_STATES, DIRECTIONS, MEDIA_TYPES } from '../topics/detailEventEnums';
import { withTopicIds, type BodyGeneratorFactory } from './bodyGenerator';
import { FieldWalker, byPath, sometimes, type Override } from './fieldWalker';
import { orgPools, type OrgPools } from './orgPools';

/** One agent on one interaction; the fields of the event are read off it. */
interface AgentSession {
  readonly pools: OrgPools;
  readonly userId: string;
  readonly conversationId: string;
  readonly sessionId: string;
  readonly sessionAgeMs: number;
  /** Undefined for interactions that did not come through a queue (direct calls). */
  readonly queueId: string | undefined;
}

/** States agents spend most time in; the rest show up through enum coverage. */
const COMMON_STATES = ['INTERACT', 'ALERT', 'WRAPUP', 'HOLD', 'DIALING'];

const OVERRIDES: Readonly<Record<string, Override<AgentSession>>> = {
  conversationId: ({ scope }) => scope.conversationId,
  sessionId: ({ scope }) => scope.sessionId,
  sessionStart: ({ scope, eventTime }) => eventTime - scope.sessionAgeMs,
  currentStateStart: ({ eventTime }) => eventTime,
  currentState: ({ choose, random }) =>
    choose(() => random.pick(random.chance(0.8) ? COMMON_STATES : AGENT_STATES)),
  userId: ({ scope }) => scope.userId,
  originatingDirection: ({ choose, random }) =>
    choose(() => (random.chance(0.8) ? 'INBOUND' : random.pick(DIRECTIONS))),
  mediaType: ({ choose, random }) =>
    choose(() => (random.chance(0.5) ? 'VOICE' : random.pick(MEDIA_TYPES))),
  queueId: ({ scope }) => scope.queueId,
  requestedLanguageId: ({ scope, random }) =>
    scope.queueId === undefined
      ? undefined
      : sometimes(random, 0.3, () => random.pick(scope.pools.languages)),
  requestedSkillIds: ({ scope, random }) =>
    scope.queueId === undefined
      ? undefined
      : sometimes(random, 0.5, () => random.subset(scope.pools.skills, 1, 3)),
};

export const createAgentStateBodyGenerator: BodyGeneratorFactory = (seed) => {
  const pools = orgPools(seed);
  return (request) => {
    const { random } = request;
    const session: AgentSession = {
      pools,
      userId: random.pick(pools.users),
      conversationId: random.uuid(),
      sessionId: random.uuid(),
      sessionAgeMs: random.integer(5_000, 20 * 60_000),
      queueId: random.chance(0.8) ? random.pick(pools.queues) : undefined,
    };
    const walker = new FieldWalker<AgentSession>(request, { resolve: byPath(OVERRIDES) });
    const eventBody = walker.body(session);
    return withTopicIds(request.topic, eventBody);
  };
};
