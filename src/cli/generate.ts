// `gebp generate` and `gebp topics`: sample events from the bundled Genesys catalog.

import { listTopics, findTopic } from '../genesys/catalog';
import { generateEvents } from '../genesys/generate';
import type { Output } from './main';

export function runGenerate(
  template: string,
  options: { count: number; seed: number },
  output: Output,
): number {
  if (!findTopic(template)) {
    output.err(`gebp: unknown topic ${template}; \`gebp topics\` lists the known ones ` +
      '(detail-type templates keep the literal {id})');
    return 2;
  }
  const events = generateEvents(template, { count: options.count, seed: options.seed });
  if (events.length === 1) {
    output.out(JSON.stringify(events[0], null, 2));
  } else {
    for (const event of events) output.out(JSON.stringify(event));
  }
  return 0;
}

export function runTopics(output: Output): number {
  for (const topic of listTopics()) {
    output.out(`${topic.template}\t${topic.description}`);
  }
  return 0;
}
