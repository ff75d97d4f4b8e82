import { findTopic, findTopicForTopicName } from './catalog';
import {
  DEFAULT_ORGANIZATION_ID,
  buildEnvelope,
  type GenesysEvent,
  type GenesysOrg,
} from './envelope';
import { valuesAtPath } from './fieldModel';
import { createAgentStateBodyGenerator } from './generators/agentStateBody';
import {
  createConversationMetricBodyGenerator,
  createFlowAggregateBodyGenerator,
} from './generators/analyticsBody';
import { createAuditBodyGenerator } from './generators/auditBody';
import { createConversationObjectBodyGenerator } from './generators/conversationObjectBody';
import { EnumCoverage, type BodyGeneratorFactory } from './generators/bodyGenerator';
import { createDetailEventBodyGenerator } from './generators/detailEventBody';
import { createGenericBodyGenerator } from './generators/genericBody';
import { withOrgEntities, type OrgEntities } from './generators/orgPools';
import { createTranscriptionBodyGenerator } from './generators/transcriptionBody';
import { createUserStatusBodyGenerator } from './generators/userStatusBody';
import { SeededRandom, hashText } from './random';
import type { TopicDefinition, TopicFamily } from './topicModel';

export type { GenesysEvent } from './envelope';

export interface GenerateOptions {
  readonly count: number;
  /** Any number; it is reduced to 32 bits, so 1 and 2 ** 32 + 1 give the same events. */
  readonly seed: number;
  readonly org?: Partial<GenesysOrg>;
  /** The signed-in org's queues and users, used instead of invented ones. */
  readonly entities?: OrgEntities;
}

/** Families with a generator that knows how their fields relate; others get the generic one. */
const bodyGenerators: Readonly<Partial<Record<TopicFamily, BodyGeneratorFactory>>> = {
  'conversation-detail-event': createDetailEventBodyGenerator,
  'agent-detail-event': createAgentStateBodyGenerator,
  'conversation-object': createConversationObjectBodyGenerator,
  transcription: createTranscriptionBodyGenerator,
  audit: createAuditBodyGenerator,
  'user-status': createUserStatusBodyGenerator,
  'analytics-metric': createConversationMetricBodyGenerator,
  'analytics-aggregate': createFlowAggregateBodyGenerator,
};

// Fixed start of the simulated clock, so output does not depend on when it is generated.
const CLOCK_START_MS = Date.UTC(2025, 0, 6, 8, 0, 0);
const CLOCK_SPREAD_MS = 180 * 24 * 3600 * 1000;

/** Enough events that optional fields show up both present and absent. */
const MIN_SAMPLE_COUNT = 12;
/** Far above what coverage needs; reaching it means a value can never be generated. */
const MAX_SAMPLE_COUNT = 400;

class EventStream {
  private readonly random: SeededRandom;
  readonly coverage: EnumCoverage;
  private readonly buildBody: ReturnType<BodyGeneratorFactory>;
  private clock: number;

  constructor(
    private readonly topic: TopicDefinition,
    seed: number,
    private readonly org: Partial<GenesysOrg> | undefined,
  ) {
    const factory = bodyGenerators[topic.family] ?? createGenericBodyGenerator;
    const seed32 = seed >>> 0;
    // Mixing in the template keeps different topics of one seed from sharing conversation ids.
    this.random = new SeededRandom((seed32 ^ hashText(topic.template)) >>> 0);
    this.coverage = new EnumCoverage(topic.enumFields, this.random);
    this.buildBody = factory(seed32);
    this.clock = CLOCK_START_MS + this.random.integer(0, CLOCK_SPREAD_MS);
  }

  next(): GenesysEvent {
    this.clock += this.random.integer(2_000, 600_000);
    const { eventBody, topicIds, correlationSuffix } = this.buildBody({
      topic: this.topic,
      random: this.random,
      coverage: this.coverage,
      eventTime: this.clock,
      organizationId: this.org?.organizationId ?? DEFAULT_ORGANIZATION_ID,
    });
    this.topic.templateIdFields.forEach((path, index) => {
      // A topicName naming another entity than the body would teach wrong patterns.
      if (path !== undefined && !valuesAtPath(eventBody, path).includes(topicIds[index] ?? '')) {
        throw new Error(`${this.topic.template}: topic id ${index + 1} is not the body's ${path}`);
      }
    });
    // Genesys publishes shortly after the event; EventBridge accepts it a moment later.
    const publishedAt = this.clock + this.random.integer(15, 900);
    const deliveredAt = publishedAt + this.random.integer(0, 1_500);
    const eventId = [8, 4, 4, 4, 12].map((length) => this.random.hex(length)).join('-');
    return buildEnvelope({
      template: this.topic.template,
      ids: topicIds,
      eventBody,
      org: this.org,
      eventId,
      correlationId: this.random.uuid() + (correlationSuffix ?? ''),
      publishedAt,
      deliveredAt,
    });
  }
}

function requireTopic(template: string): TopicDefinition {
  const topic = findTopic(template);
  if (topic !== undefined) {
    return topic;
  }
  const byName = findTopicForTopicName(template);
  const hint = byName === undefined ? '' : ` (did you mean the template ${byName.template}?)`;
  throw new Error(`unknown topic template ${template}${hint}`);
}

/** `count` events of one topic; the same seed always gives byte-identical events. */
export function generateEvents(template: string, options: GenerateOptions): GenesysEvent[] {
  if (!Number.isInteger(options.count) || options.count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${options.count}`);
  }
  return withOrgEntities(options.entities, () => {
    const stream = new EventStream(requireTopic(template), options.seed, options.org);
    return Array.from({ length: options.count }, () => stream.next());
  });
}

/**
 * A varied sample set of one topic: together the events show every value of every enum field,
 * and optional fields are sometimes absent. Deterministic for a seed.
 */
export function generateSamples(
  template: string,
  seed: number,
  org?: Partial<GenesysOrg>,
): GenesysEvent[] {
  const stream = new EventStream(requireTopic(template), seed, org);
  const events: GenesysEvent[] = [];
  while (events.length < MIN_SAMPLE_COUNT || !stream.coverage.isComplete()) {
    if (events.length >= MAX_SAMPLE_COUNT) {
      throw new Error(`${template}: enum coverage not reached in ${MAX_SAMPLE_COUNT} events`);
    }
    events.push(stream.next());
  }
  return events;
}
