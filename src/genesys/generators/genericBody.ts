import { withTopicIds, type BodyGeneratorFactory } from './bodyGenerator';
import { FieldWalker } from './fieldWalker';

/**
 * Bodies from the field tree alone, for topics no family generator knows (an org's own topics).
 * Values follow the declared types, time formats and enums; the ids of the template are kept.
 */
export const createGenericBodyGenerator: BodyGeneratorFactory = () => (request) => {
  const eventBody = new FieldWalker<undefined>(request).body(undefined);
  // Ids the body does not carry can be anything, as long as topicName has one.
  const topicOnly = request.topic.templateIdFields.includes(undefined);
  return withTopicIds(request.topic, eventBody, topicOnly ? request.random.uuid() : undefined);
};
