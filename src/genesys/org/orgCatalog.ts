// From an org's available topics to the catalog the editor features use. Runs in the extension
// bundle (not the SDK one), so setActiveCatalog changes the catalog those features read.

import { bundledTopics, setActiveCatalog, topicFromJsonSchema } from '../catalog';
import type { TopicDefinition } from '../topicModel';
import type { AvailableTopicInfo } from './types';

export interface OrgCatalog {
  /** The catalog to activate: the bundled topics plus the ones only the org knows. */
  readonly topics: readonly TopicDefinition[];
  /** Org topics that were added (not already bundled). */
  readonly added: number;
  /** Org topics that also ship with the tool; the bundled definition is kept for those. */
  readonly alreadyBundled: number;
  /** Org topics that offer an EventBridge transport. */
  readonly onEventBridge: number;
  /** Topics whose schema could not be converted, with the reason, for the log. */
  readonly skipped: readonly { readonly template: string; readonly reason: string }[];
}

/**
 * Bundled definitions win over converted ones for the same template: they were authored with
 * the enum values and time formats that a published schema usually leaves out.
 */
export function buildOrgCatalog(available: readonly AvailableTopicInfo[]): OrgCatalog {
  const bundled = bundledTopics();
  const bundledTemplates = new Set(bundled.map((topic) => topic.template));
  const added: TopicDefinition[] = [];
  const skipped: { template: string; reason: string }[] = [];
  let alreadyBundled = 0;
  const seen = new Set<string>();
  for (const topic of available) {
    if (seen.has(topic.id)) continue;
    seen.add(topic.id);
    if (bundledTemplates.has(topic.id)) {
      alreadyBundled++;
      continue;
    }
    if (topic.schema === undefined || topic.schema === null) {
      skipped.push({ template: topic.id, reason: 'no schema' });
      continue;
    }
    try {
      added.push(
        topicFromJsonSchema(topic.id, topic.schema, {
          description: topic.description,
          transports: topic.transports,
        }),
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      skipped.push({ template: topic.id, reason });
    }
  }
  return {
    topics: [...bundled, ...added],
    added: added.length,
    alreadyBundled,
    onEventBridge: available.filter((topic) => topic.eventBridge).length,
    skipped,
  };
}

/** Activates the org's catalog; returns what was applied, for the summary and the log. */
export function applyOrgCatalog(available: readonly AvailableTopicInfo[]): OrgCatalog {
  const catalog = buildOrgCatalog(available);
  setActiveCatalog(catalog.topics);
  return catalog;
}

/** Back to the topics that ship with the tool (signed out, or no cache). */
export function restoreBundledCatalog(): void {
  setActiveCatalog(undefined);
}
