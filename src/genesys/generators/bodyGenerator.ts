import { valuesAtPath } from '../fieldModel';
import type { JsonObject } from '../json';
import type { SeededRandom } from '../random';
import type { EnumField, TopicDefinition } from '../topicModel';

/**
 * Remembers which enum values a stream of events has not shown yet, so generated sample sets
 * exercise every value a pattern might test for. Paths the topic does not declare as enums are
 * not tracked: choosing a value for them is plain random.
 */
export class EnumCoverage {
  private readonly missing = new Map<string, string[]>();

  constructor(
    enumFields: readonly EnumField[],
    private readonly random: SeededRandom,
  ) {
    for (const { path, values } of enumFields) {
      this.missing.set(path, [...values]);
    }
  }

  pending(path: string): readonly string[] {
    return this.missing.get(path) ?? [];
  }

  isComplete(): boolean {
    return [...this.missing.values()].every((values) => values.length === 0);
  }

  /** How many values of the enums at or below the path are unseen; used to steer choices. */
  pendingUnder(path: string): number {
    let count = 0;
    for (const [enumPath, values] of this.missing) {
      if (enumPath === path || enumPath.startsWith(`${path}.`)) {
        count += values.length;
      }
    }
    return count;
  }

  /** Records a value that was written into an event. */
  record(path: string, value: string): string {
    const values = this.missing.get(path);
    const index = values?.indexOf(value) ?? -1;
    if (values !== undefined && index >= 0) {
      values.splice(index, 1);
    }
    return value;
  }

  /**
   * The natural choice when it is still unseen or nothing among the candidates is; otherwise a
   * random unseen candidate. Natural first keeps the first events of a stream typical (VOICE,
   * INBOUND...) while rarer values still show up soon. The caller must write the result into
   * the event, since it counts as seen.
   */
  choose(path: string, candidates: readonly string[], natural: () => string): string {
    const preferred = natural();
    const unseen = this.pending(path).filter((value) => candidates.includes(value));
    const value =
      unseen.length === 0 || unseen.includes(preferred) ? preferred : this.random.pick(unseen);
    return this.record(path, value);
  }
}

export interface BodyRequest {
  readonly topic: TopicDefinition;
  readonly random: SeededRandom;
  readonly coverage: EnumCoverage;
  /** Epoch ms the body's event time must use; the stream keeps times increasing. */
  readonly eventTime: number;
  /** Genesys org of the envelope, for bodies that repeat it. */
  readonly organizationId: string;
}

export interface GeneratedBody {
  readonly eventBody: JsonObject;
  /** Real ids for the `{id}` segments of the template, in order. */
  readonly topicIds: readonly string[];
  /** Appended to `detail.metadata.CorrelationId`; audit events carry `-archival`. */
  readonly correlationSuffix?: string;
}

/**
 * Creates the body builder of one topic family for one event stream. The seed lets a family
 * derive shared pools (queues, users...) that stay the same across the topics of one seed.
 */
export type BodyGeneratorFactory = (seed: number) => (request: BodyRequest) => GeneratedBody;

/**
 * The body with the ids it carries at the topic's template id paths (the first value where a
 * path runs through an array); `topicOnlyId` fills the ids only detail.topicName carries.
 */
export function withTopicIds(
  topic: TopicDefinition,
  eventBody: JsonObject,
  topicOnlyId?: string,
): GeneratedBody {
  const topicIds = topic.templateIdFields.map((path) => {
    const [value] = path === undefined ? [topicOnlyId] : valuesAtPath(eventBody, path);
    if (typeof value !== 'string') {
      throw new Error(`${topic.template}: no id for ${path ?? 'the topic name'}`);
    }
    return value;
  });
  return { eventBody, topicIds };
}
