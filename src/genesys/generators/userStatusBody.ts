import type { SeededRandom } from '../random';
import { ROUTING_STATUSES } from '../topics/userStatus';
import { withTopicIds, type BodyGeneratorFactory } from './bodyGenerator';
import { FieldWalker, byPath, omit, sometimes, type Override } from './fieldWalker';
import { SYSTEM_PRESENCES, orgPools, type OrgPools } from './orgPools';

/*
 * Presence, routing status and activity of one user. An agent on queue has a routing status
 * other than OFF_QUEUE and the ON_QUEUE presence; everyone else is OFF_QUEUE with some other
 * presence. The activity body carries both, so the routing status is decided first.
 */

interface UserState {
  readonly pools: OrgPools;
  readonly userId: string;
  /** Set by the routing status when the body has one, so the presence agrees with it. */
  onQueue: boolean;
}

const OFF_QUEUE_PRESENCES = SYSTEM_PRESENCES.filter((presence) => presence !== 'ON_QUEUE');
const ON_QUEUE_STATUSES = ROUTING_STATUSES.filter((status) => status !== 'OFF_QUEUE');
const STATUS_MESSAGES = ['Back in 10', 'Working from home', 'In training until 3pm'];

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

/** A presence definition of the organisation; each system presence has its own. */
function definition(state: UserState, presence: string): { id: string; systemPresence: string } {
  const id = state.pools.presenceDefinitions[SYSTEM_PRESENCES.indexOf(presence)] as string;
  return { id, systemPresence: presence };
}

function currentDefinition(state: UserState, random: SeededRandom) {
  return definition(state, state.onQueue ? 'ON_QUEUE' : random.pick(OFF_QUEUE_PRESENCES));
}

const OVERRIDES: Readonly<Record<string, Override<UserState>>> = {
  id: ({ scope }) => scope.userId,
  // What the events are about; never left out.
  routingStatus: ({ generate }) => generate(),
  presence: ({ generate }) => generate(),
  'routingStatus.status': ({ scope, choose, random }) => {
    const status = choose(() =>
      random.chance(0.4) ? 'OFF_QUEUE' : random.pick(ON_QUEUE_STATUSES),
    );
    scope.onQueue = status !== 'OFF_QUEUE';
    return status;
  },
  // The state started a little before the event that reports it.
  'routingStatus.startTime': ({ eventTime, random }) => iso(eventTime - random.integer(0, 2_000)),
  // Only sent when the status could not be read; not worth faking.
  errorInfo: omit,
  source: () => 'PURECLOUD',
  presenceDefinition: ({ scope, random }) => currentDefinition(scope, random),
  primary: ({ random }) => random.chance(0.95),
  message: ({ random }) => (random.chance(0.8) ? '' : random.pick(STATUS_MESSAGES)),
  modifiedDate: ({ eventTime }) => iso(eventTime),
  futurePresenceDefinition: ({ scope, random }) =>
    sometimes(random, 0.1, () => definition(scope, random.pick(OFF_QUEUE_PRESENCES))),
  'presence.presenceDefinition': ({ scope, random }) => currentDefinition(scope, random),
  'presence.presenceMessage': ({ random }) =>
    sometimes(random, 0.3, () => random.pick(STATUS_MESSAGES)),
  'presence.modifiedDate': ({ eventTime, random }) =>
    iso(eventTime - random.integer(0, 3_600_000)),
  'outOfOffice.active': ({ scope, random }) => !scope.onQueue && random.chance(0.1),
  activeQueueIds: ({ scope, random }) => random.subset(scope.pools.queues, 1, 3),
};

export const createUserStatusBodyGenerator: BodyGeneratorFactory = (seed) => {
  const pools = orgPools(seed);
  return (request) => {
    const { random } = request;
    const state: UserState = {
      pools,
      userId: random.pick(pools.users),
      onQueue: random.chance(0.4),
    };
    const walker = new FieldWalker<UserState>(request, { resolve: byPath(OVERRIDES) });
    const eventBody = walker.body(state);
    // Presence bodies do not name their user; the topic name does.
    return withTopicIds(request.topic, eventBody, state.userId);
  };
};
