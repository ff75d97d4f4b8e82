// Telling a pattern file from other JSON by its content, for files that do not follow a naming
// convention. A pattern names envelope fields with arrays or objects as values; an event names
// them with strings. A pattern with a mistake (a bare string value) must still be recognised.

import { JsonNode } from './json';

const ENVELOPE_KEYS = new Set([
  'source',
  'detail-type',
  'detail',
  'account',
  'region',
  'resources',
  'time',
  'id',
  'version',
  '$or',
]);

export function looksLikePattern(root: JsonNode): boolean {
  if (root.type !== 'object' || root.members.length === 0) return false;
  let envelopeKeys = 0;
  let scalarEnvelopeValues = 0;
  for (const member of root.members) {
    if (!ENVELOPE_KEYS.has(member.key)) continue;
    envelopeKeys++;
    const type = member.value.type;
    if (type !== 'array' && type !== 'object') scalarEnvelopeValues++;
  }
  // Events carry several envelope fields as plain strings; a pattern at most a stray one.
  return envelopeKeys > 0 && scalarEnvelopeValues < 2;
}
