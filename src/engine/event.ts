// Events, flattened once into path → leaf values. Paths join keys with dots (so an event key
// `"a.b"` and nesting `{"a":{"b":…}}` are the same path), arrays contribute every element to the
// same path, and every leaf remembers which element of which array it came from, so that
// matching can insist that fields inside one array element are matched by the same element.

import { JsonNode, JsonScalar, parseJson, Span } from './json';
import { INVALID_EVENT_MESSAGE } from './problems';

/** (array id, element index) for each array between the root and a leaf, outermost first. */
export type ArrayTrail = readonly (readonly [arrayId: number, index: number])[];

export interface Leaf {
  readonly node: JsonScalar;
  readonly trail: ArrayTrail;
}

export interface FlatEvent {
  readonly root: JsonNode;
  /** Leaf values per dotted path. Paths that hold only objects or empty arrays are absent. */
  readonly leaves: ReadonlyMap<string, readonly Leaf[]>;
}

/**
 * Envelope fields that every event AWS evaluated carried. TestEventPattern rejected an object
 * with none of them; it did not insist on `resources` (SPEC §1.1). Which subset AWS enforces
 * exactly is not recorded, so we require the ones present in every accepted case.
 */
export const REQUIRED_ENVELOPE_FIELDS = [
  'id',
  'account',
  'source',
  'time',
  'region',
  'detail-type',
] as const;

export type EventParseResult =
  | { readonly ok: true; readonly event: FlatEvent }
  | { readonly ok: false; readonly error: string; readonly detail: string; readonly span?: Span };

export interface EventOptions {
  /** Require the envelope as TestEventPattern does; off for bare documents (event-ruler tests). */
  readonly requireEnvelope?: boolean;
}

export function parseEvent(text: string, options: EventOptions = {}): EventParseResult {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    return {
      ok: false,
      error: INVALID_EVENT_MESSAGE,
      detail: parsed.error.reason,
      span: parsed.error,
    };
  }
  return eventFromNode(parsed.root, options);
}

export function eventFromNode(root: JsonNode, options: EventOptions = {}): EventParseResult {
  if (root.type !== 'object') {
    return {
      ok: false,
      error: INVALID_EVENT_MESSAGE,
      detail: `the event must be a JSON object, not ${root.type === 'array' ? 'an' : 'a'} ` +
        root.type,
      span: root,
    };
  }
  if (options.requireEnvelope ?? true) {
    const present = new Set(root.members.map((member) => member.key));
    const missing = REQUIRED_ENVELOPE_FIELDS.filter((field) => !present.has(field));
    if (missing.length > 0) {
      return {
        ok: false,
        error: INVALID_EVENT_MESSAGE,
        detail: `the event lacks the envelope field${missing.length > 1 ? 's' : ''} ` +
          missing.join(', '),
        span: root,
      };
    }
  }
  return { ok: true, event: { root, leaves: flatten(root) } };
}

function flatten(root: JsonNode): Map<string, Leaf[]> {
  const leaves = new Map<string, Leaf[]>();
  let nextArrayId = 0;
  // An explicit stack keeps deep documents from exhausting the call stack.
  const stack: { node: JsonNode; path: string; trail: ArrayTrail }[] = [
    { node: root, path: '', trail: [] },
  ];
  while (stack.length > 0) {
    const { node, path, trail } = stack.pop() as (typeof stack)[number];
    switch (node.type) {
      case 'object':
        for (let i = node.members.length - 1; i >= 0; i--) {
          const member = node.members[i] as (typeof node.members)[number];
          const childPath = path === '' ? member.key : `${path}.${member.key}`;
          stack.push({ node: member.value, path: childPath, trail });
        }
        break;
      case 'array': {
        const arrayId = nextArrayId++;
        for (let i = node.items.length - 1; i >= 0; i--) {
          stack.push({ node: node.items[i] as JsonNode, path, trail: [...trail, [arrayId, i]] });
        }
        break;
      }
      default: {
        const list = leaves.get(path);
        const leaf = { node, trail };
        if (list) list.push(leaf);
        else leaves.set(path, [leaf]);
      }
    }
  }
  return leaves;
}

/** Two leaves can be matched together unless they come from different elements of one array. */
export function consistent(a: ArrayTrail, b: ArrayTrail): boolean {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const [arrayA, indexA] = a[i] as readonly [number, number];
    const [arrayB, indexB] = b[i] as readonly [number, number];
    if (arrayA !== arrayB) return true;
    if (indexA !== indexB) return false;
  }
  return true;
}
