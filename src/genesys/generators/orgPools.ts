import { SeededRandom } from '../random';

/**
 * Ids an organisation reuses across events, so patterns on queueId, userId etc. hit repeatedly
 * and the topics of one seed agree: the queue of a queue-conversation event is a queue that
 * acd.start events of the same seed enter. Named entities have a name at the same index.
 */
export interface OrgPools {
  readonly queues: readonly string[];
  /** Name of each queue, at the same index. */
  readonly queueNames: readonly string[];
  readonly users: readonly string[];
  readonly userNames: readonly string[];
  readonly divisions: readonly string[];
  readonly flows: readonly string[];
  readonly flowOutcomes: readonly string[];
  readonly milestones: readonly string[];
  readonly skills: readonly string[];
  readonly skillExpressions: readonly string[];
  readonly languages: readonly string[];
  readonly wrapupCodes: readonly string[];
  readonly campaigns: readonly string[];
  readonly contactLists: readonly string[];
  readonly externalContacts: readonly string[];
  readonly externalOrganizations: readonly string[];
  readonly actionMaps: readonly string[];
  readonly teams: readonly string[];
  readonly scripts: readonly string[];
  readonly speechAnalyticsPrograms: readonly string[];
  readonly agentAssistants: readonly string[];
  readonly oauthClients: readonly string[];
  /** One organisation presence definition per system presence, in SYSTEM_PRESENCES order. */
  readonly presenceDefinitions: readonly string[];
}

export const QUEUE_NAMES = ['Sales', 'Support', 'Billing', 'Retention'];
export const USER_NAMES = [
  'Alex Morgan',
  'Blair Kim',
  'Casey Patel',
  'Dana Novak',
  'Emery Walsh',
  'Finley Ortiz',
];
export const TEAM_NAMES = ['Tier 1', 'Tier 2', 'Escalations'];
export const SKILL_NAMES = ['Billing', 'Spanish', 'Technical', 'VIP', 'Returns'];
export const LANGUAGE_NAMES = ['English', 'Spanish', 'French'];
export const CUSTOMER_NAMES = [
  'Avery Quinn',
  'Jordan Lee',
  'Sam Rivera',
  'Morgan Blake',
  'Riley Chen',
];

/**
 * Primary presences as presence events spell them (the API's presence definitions spell them
 * `Available`, `On Queue`...; the notification uses the upper-case system names).
 */
export const SYSTEM_PRESENCES = [
  'AVAILABLE',
  'AWAY',
  'BUSY',
  'OFFLINE',
  'IDLE',
  'ON_QUEUE',
  'MEAL',
  'MEETING',
  'TRAINING',
  'BREAK',
];

/** Pools use their own stream so they depend on the seed only, not on the topic. */
const POOL_SEED_SALT = 0x5eed9a1e;

/** An entity of the signed-in org. */
export interface NamedId {
  readonly id: string;
  readonly name: string;
}

export interface OrgEntities {
  readonly queues: readonly NamedId[];
  readonly users: readonly NamedId[];
}

let orgEntities: OrgEntities | undefined;

/**
 * Runs `generate` with the org's real queues and users in place of the invented ones, so events
 * carry ids a pattern written for that org really uses. Scoped: the invented pools come back
 * afterwards, whatever happens.
 */
export function withOrgEntities<T>(entities: OrgEntities | undefined, generate: () => T): T {
  const previous = orgEntities;
  orgEntities = entities;
  try {
    return generate();
  } finally {
    orgEntities = previous;
  }
}

export function orgPools(seed: number): OrgPools {
  const random = new SeededRandom(seed ^ POOL_SEED_SALT);
  const ids = (count: number): string[] => Array.from({ length: count }, () => random.uuid());
  // Draw the invented ids even when the org's are used, so every later pool stays the same.
  const queues = ids(QUEUE_NAMES.length);
  const users = ids(USER_NAMES.length);
  const realQueues = orgEntities?.queues.length ? orgEntities.queues : undefined;
  const realUsers = orgEntities?.users.length ? orgEntities.users : undefined;
  // Append new pools at the end: the order of draws fixes every id of earlier pools.
  return {
    queues: realQueues?.map((q) => q.id) ?? queues,
    queueNames: realQueues?.map((q) => q.name) ?? QUEUE_NAMES,
    users: realUsers?.map((u) => u.id) ?? users,
    userNames: realUsers?.map((u) => u.name) ?? USER_NAMES,
    divisions: ids(2),
    flows: ids(4),
    flowOutcomes: ids(3),
    milestones: ids(6),
    skills: ids(SKILL_NAMES.length),
    skillExpressions: ids(2),
    languages: ids(LANGUAGE_NAMES.length),
    wrapupCodes: ids(5),
    campaigns: ids(2),
    contactLists: ids(2),
    externalContacts: ids(6),
    externalOrganizations: ids(3),
    actionMaps: ids(2),
    teams: ids(TEAM_NAMES.length),
    scripts: ids(2),
    speechAnalyticsPrograms: ids(2),
    agentAssistants: ids(2),
    oauthClients: ids(3),
    presenceDefinitions: ids(SYSTEM_PRESENCES.length),
  };
}

/** A pooled entity with its name, e.g. for `{ id, name }` references. */
export function pick(
  random: SeededRandom,
  ids: readonly string[],
  names: readonly string[],
): { id: string; name: string } {
  const index = random.integer(0, ids.length - 1);
  return { id: ids[index] as string, name: names[index] as string };
}
