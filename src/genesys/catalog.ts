import { detailEventTopics } from './topics/detailEvents';
import type { TopicDefinition } from './topicModel';

export type { EnumCase, EnumField, TimeField, TopicDefinition, TopicFamily } from './topicModel';

/*
 * The topic data is plain TypeScript so bundlers inline it; nothing here reads files at run
 * time, which keeps the catalog working from a single bundled file started in any directory.
 * Further families are added by appending their definitions to this list.
 */
const allTopics: readonly TopicDefinition[] = Object.freeze([...detailEventTopics]);

const topicsByTemplate = new Map(allTopics.map((topic) => [topic.template, topic]));

export function listTopics(): readonly TopicDefinition[] {
  return allTopics;
}

export function findTopic(template: string): TopicDefinition | undefined {
  return topicsByTemplate.get(template);
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
  return allTopics.filter((topic) => selector(topic.template));
}

/**
 * The topic of a concrete `detail.topicName` (real ids in place of `{id}`). Ids never contain
 * dots, so each `{id}` stands for exactly one dot-separated segment.
 */
export function findTopicForTopicName(topicName: string): TopicDefinition | undefined {
  const segments = topicName.split('.');
  return allTopics.find((topic) => {
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
