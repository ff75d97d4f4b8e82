import type { TopicDefinition } from './topicModel';
import { agentStateTopic } from './topics/agentDetailEvents';
import { analyticsTopics } from './topics/analytics';
import { auditTopic } from './topics/audit';
import { conversationObjectTopics } from './topics/conversationObjects';
import { detailEventTopics } from './topics/detailEvents';
import { transcriptionTopic } from './topics/transcription';
import { userStatusTopics } from './topics/userStatus';

export type { EnumCase, EnumField, TimeField, TopicDefinition, TopicFamily } from './topicModel';
export {
  enumCaseOf,
  topicFromJsonSchema,
  type JsonSchemaTopicOptions,
} from './topics/jsonSchemaTopic';

/*
 * The topic data is plain TypeScript so bundlers inline it; nothing here reads files at run
 * time, which keeps the catalog working from a single bundled file started in any directory.
 * Further families are added by appending their definitions to this list.
 */
const bundled: readonly TopicDefinition[] = [
  ...detailEventTopics,
  agentStateTopic,
  ...conversationObjectTopics,
  transcriptionTopic,
  auditTopic,
  ...userStatusTopics,
  ...analyticsTopics,
];

interface Catalog {
  readonly topics: readonly TopicDefinition[];
  readonly byTemplate: ReadonlyMap<string, TopicDefinition>;
}

function indexCatalog(topics: readonly TopicDefinition[]): Catalog {
  const byTemplate = new Map<string, TopicDefinition>();
  for (const topic of topics) {
    // Two definitions of one detail-type would make lookups depend on list order.
    if (byTemplate.has(topic.template)) {
      throw new RangeError(`catalog lists ${topic.template} twice`);
    }
    byTemplate.set(topic.template, topic);
  }
  return { topics: Object.freeze([...topics]), byTemplate };
}

const bundledCatalog = indexCatalog(bundled);
let activeCatalog = bundledCatalog;

/**
 * Replaces the active catalog (e.g. with topics fetched from the user's org); undefined restores
 * the bundled one.
 */
export function setActiveCatalog(topics: readonly TopicDefinition[] | undefined): void {
  activeCatalog = topics === undefined ? bundledCatalog : indexCatalog(topics);
}

/** The topics shipped with the tool, whatever catalog is active. */
export function bundledTopics(): readonly TopicDefinition[] {
  return bundledCatalog.topics;
}

/** Topics of the active catalog (the bundled ones unless setActiveCatalog replaced them). */
export function listTopics(): readonly TopicDefinition[] {
  return activeCatalog.topics;
}

export function findTopic(template: string): TopicDefinition | undefined {
  return activeCatalog.byTemplate.get(template);
}

/**
 * Topics whose template a `detail-type` value selects; used to pick sample events for a pattern.
 * A string selects by equality, because EventBridge delivers the template itself (with the
 * literal `{id}`) as `detail-type`. A predicate lets a pattern matcher apply prefix, wildcard or
 * anything-but conditions to every template.
 */
export function topicsForDetailType(
  selector: string | ((detailType: string) => boolean),
): readonly TopicDefinition[] {
  if (typeof selector === 'string') {
    const topic = findTopic(selector);
    return topic === undefined ? [] : [topic];
  }
  return listTopics().filter((topic) => selector(topic.template));
}

/**
 * The topic of a concrete `detail.topicName` (real ids in place of `{id}`). Ids never contain
 * dots, so each `{id}` stands for exactly one dot-separated segment.
 */
export function findTopicForTopicName(topicName: string): TopicDefinition | undefined {
  const segments = topicName.split('.');
  return listTopics().find((topic) => {
    const templateSegments = topic.template.split('.');
    return (
      templateSegments.length === segments.length &&
      templateSegments.every(
        (expected, index) =>
          expected === segments[index] || (expected === '{id}' && segments[index] !== ''),
      )
    );
  });
}
