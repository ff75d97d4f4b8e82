import type { JsonObject } from '../json';
import type { SeededRandom } from '../random';
import { AUDIT_ENTITY_TYPES, AUDIT_SERVICE_NAMES } from '../topics/auditEnums';
import { withTopicIds, type BodyGeneratorFactory } from './bodyGenerator';
import { FieldWalker, byPath, omit, sometimes, type Override } from './fieldWalker';
import { orgPools, type OrgPools } from './orgPools';

/*
 * Audit records: someone changed some entity. The entity type picks the service that owns it
 * where that is plain from the names (queues belong to Routing, flows to Architect...); other
 * entities get any service, so every service name still shows up in a sample set.
 */

const SERVICE_OF_ENTITY: Readonly<Record<string, string>> = {
  UserPresence: 'Presence',
  OAuthClient: 'PeoplePermissions',
  Role: 'PeoplePermissions',
  Queue: 'Routing',
  WrapupCode: 'Routing',
  RoutingSkill: 'Routing',
  RoutingLanguage: 'Routing',
  Flow: 'Architect',
  Prompt: 'Architect',
  FlowOutcome: 'Architect',
  FlowMilestone: 'Architect',
  Campaign: 'Outbound',
  ContactList: 'Outbound',
  DNCList: 'Outbound',
  Trigger: 'Triggers',
  Webhook: 'Webhooks',
  Integration: 'Integrations',
  Edge: 'Telephony',
  Trunk: 'Telephony',
  Site: 'Telephony',
  KnowledgeBase: 'Knowledge',
  KnowledgeDocument: 'Knowledge',
  Contact: 'ExternalContacts',
  ExternalOrg: 'ExternalContacts',
  EvaluationForm: 'Quality',
  BusinessUnit: 'WorkforceManagement',
  ManagementUnit: 'WorkforceManagement',
};

/** What rules usually watch; the other entity types come from enum coverage. */
const COMMON_ENTITY_TYPES = ['UserPresence', 'Queue', 'OAuthClient', 'Flow', 'Role', 'WrapupCode'];
const COMMON_ACTIONS = ['Update', 'Update', 'Create', 'Delete'];

/** Presence changes are audited with the labels users see, not the system names. */
const PRESENCE_LABELS = ['Available', 'Away', 'Break', 'Busy', 'Meal', 'Meeting', 'On Queue'];
const CHANGED_PROPERTIES = ['name', 'description', 'enabled', 'state'];

interface AuditedChange {
  readonly pools: OrgPools;
  readonly organizationId: string;
  readonly actorId: string;
  readonly entityType: string;
}

/** The entity changed, with a name where the org pools have one. */
function entityOf(change: AuditedChange, random: SeededRandom): JsonObject {
  const { pools, entityType } = change;
  if (entityType === 'UserPresence') {
    // People change their own presence: the entity is the acting user.
    const name = pools.userNames[pools.users.indexOf(change.actorId)] as string;
    return { id: change.actorId, name };
  }
  if (entityType === 'Queue') {
    const index = random.integer(0, pools.queues.length - 1);
    return { id: pools.queues[index] as string, name: pools.queueNames[index] as string };
  }
  const poolOf: Readonly<Record<string, readonly string[]>> = {
    OAuthClient: pools.oauthClients,
    Flow: pools.flows,
    WrapupCode: pools.wrapupCodes,
    RoutingSkill: pools.skills,
  };
  const pool = poolOf[entityType];
  return { id: pool === undefined ? random.uuid() : random.pick(pool) };
}

function propertyChanges(change: AuditedChange, action: string, random: SeededRandom) {
  if (change.entityType === 'UserPresence') {
    const labels = random.subset(PRESENCE_LABELS, 2, 2);
    const [oldLabel, newLabel] = random.chance(0.5) ? labels : labels.reverse();
    return [
      { property: 'PRESENCE', oldValues: [oldLabel as string], newValues: [newLabel as string] },
    ];
  }
  return random.subset(CHANGED_PROPERTIES, 1, 2).map((property) => {
    const before = { oldValues: [`${property} ${random.digits(2)}`] };
    const after = { newValues: [`${property} ${random.digits(2)}`] };
    if (action === 'Create') return { property, ...after };
    if (action === 'Delete') return { property, ...before };
    return { property, ...before, ...after };
  });
}

const OVERRIDES: Readonly<Record<string, Override<AuditedChange>>> = {
  id: ({ random }) => random.uuid(),
  userId: ({ scope }) => scope.actorId,
  userHomeOrgId: ({ scope }) => scope.organizationId,
  // Both published samples carry an empty reference here.
  username: () => ({ id: '' }),
  userDisplay: omit,
  // Changes made in the UI carry an empty client; API changes name the OAuth client.
  clientId: ({ scope, random }): JsonObject =>
    random.chance(0.5) ? {} : { id: random.pick(scope.pools.oauthClients) },
  remoteIp: ({ random }) =>
    sometimes(random, 0.4, () => [`203.0.113.${random.integer(1, 254)}`]),
  serviceName: ({ scope, choose, coverage, random }) => {
    const owner = SERVICE_OF_ENTITY[scope.entityType];
    return owner === undefined
      ? choose(() => random.pick(AUDIT_SERVICE_NAMES))
      : coverage.record('serviceName', owner);
  },
  level: omit,
  // Audit times are whole seconds.
  eventTime: ({ eventTime }) => new Date(Math.floor(eventTime / 1000) * 1000).toISOString(),
  message: omit,
  action: ({ scope, choose, random }) =>
    choose(() => (scope.entityType === 'UserPresence' ? 'Update' : random.pick(COMMON_ACTIONS))),
  entityType: ({ scope }) => scope.entityType,
  entity: ({ scope, random }) => entityOf(scope, random),
  propertyChanges: ({ scope, siblings, random }) =>
    propertyChanges(scope, siblings['action'] as string, random),
  context: omit,
};

export const createAuditBodyGenerator: BodyGeneratorFactory = (seed) => {
  const pools = orgPools(seed);
  return (request) => {
    const { random, coverage } = request;
    const change: AuditedChange = {
      pools,
      organizationId: request.organizationId,
      actorId: random.pick(pools.users),
      // Chosen first: the service, entity and changes all depend on it.
      entityType: coverage.choose('entityType', AUDIT_ENTITY_TYPES, () =>
        random.pick(COMMON_ENTITY_TYPES),
      ),
    };
    const walker = new FieldWalker<AuditedChange>(request, { resolve: byPath(OVERRIDES) });
    const eventBody = walker.body(change);
    // Audit notifications are relayed from the audit archive.
    return { ...withTopicIds(request.topic, eventBody), correlationSuffix: '-archival' };
  };
};
