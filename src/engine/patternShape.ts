// Telling a pattern file from other JSON by its content, for files that follow no naming
// convention. A pattern is an object whose values are lists and objects; it names what events
// carry (`source`, `detail-type`, `detail`) or uses `$or`. An event, a package.json or a
// launch.json has plain values. A pattern with one mistake (a bare string) must still count.

import { JsonNode } from './json';

/** Keys that, at the top level, say "event pattern" (other envelope keys are too common). */
const PATTERN_KEYS = new Set(['source', 'detail-type', 'detail', '$or']);
const ENVELOPE_KEYS = new Set([...PATTERN_KEYS, 'account', 'region', 'resources', 'time', 'id']);

export function looksLikePattern(root: JsonNode): boolean {
  if (root.type !== 'object' || root.members.length === 0) return false;
  const scalars = root.members.filter((m) => m.value.type !== 'array' && m.value.type !== 'object');
  if (scalars.length > 1) return false;
  if (root.members.some((member) => PATTERN_KEYS.has(member.key))) return true;
  // `{"account": [...]}`-only patterns: every member a list of the envelope.
  return scalars.length === 0 && root.members.every((member) => ENVELOPE_KEYS.has(member.key));
}
