import { elementTypeOf, type FieldSpec, type FieldType } from '../fieldModel';
import type { JsonObject, JsonValue } from '../json';
import type { SeededRandom } from '../random';
import type { BodyRequest, EnumCoverage } from './bodyGenerator';
import { CUSTOMER_NAMES } from './orgPools';

/*
 * Fills a body by walking the topic's field tree: every field gets a value of its declared type
 * unless an override for its path decides otherwise. Families override the fields whose values
 * must agree with each other (states and their times, the topic's own ids) and leave the rest to
 * the walk; topics read from an org's schemas use the walk alone.
 */

/** One field about to be filled, as an override sees it. */
export interface Slot<Scope> {
  /** EventBridge-style path: dot-joined, array levels transparent. */
  readonly path: string;
  readonly spec: FieldSpec;
  /** The object being filled; fields authored before this one are already in it. */
  readonly siblings: JsonObject;
  /** What the family attached to the enclosing list element (a participant, a session...). */
  readonly scope: Scope;
  readonly random: SeededRandom;
  readonly coverage: EnumCoverage;
  readonly eventTime: number;
  /** The walk's own value for the field, always present. */
  generate(): JsonValue;
  /** For a list field: one element per scope, each filled under that scope. */
  elements(scopes: readonly Scope[]): JsonValue[];
  /** For an enum field: the natural value, or an unseen one while some are (EnumCoverage). */
  choose(natural: () => string): string;
}

/** Returns the value to write, or undefined to leave the field out of the event. */
export type Override<Scope> = (slot: Slot<Scope>) => JsonValue | undefined;

/** Finds the override of a field, if the family has one. */
export type OverrideResolver<Scope> = (
  path: string,
  spec: FieldSpec,
) => Override<Scope> | undefined;

/** Overrides looked up by the field's full path. */
export function byPath<Scope>(
  overrides: Readonly<Record<string, Override<Scope>>>,
): OverrideResolver<Scope> {
  return (path) => overrides[path];
}

/** For fields a family leaves out: free text nobody could fill plausibly, rare error details. */
export const omit = (): undefined => undefined;

/** The value `make` gives, in about `probability` of the events. */
export function sometimes<T extends JsonValue>(
  random: SeededRandom,
  probability: number,
  make: () => T,
): T | undefined {
  return random.chance(probability) ? make() : undefined;
}

export interface WalkOptions<Scope> {
  readonly resolve?: OverrideResolver<Scope>;
  /** How often the walk includes an optional field once its enums are all shown. */
  readonly presence?: number;
}

const DEFAULT_PRESENCE = 0.6;
const MINUTE_MS = 60_000;

const MAP_KEYS = ['region', 'segment', 'priority', 'language', 'channel', 'tier'];

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** A plausible string for a free-text field, guessed from its name. */
function textForName(name: string, random: SeededRandom): string {
  const lower = name.toLowerCase();
  if (lower.endsWith('uri') || lower.endsWith('url')) {
    return `https://example.com/${kebab(name)}/${random.hex(8)}`;
  }
  if (lower.includes('email')) {
    return `user${random.digits(3)}@example.com`;
  }
  if (lower === 'ani' || lower === 'dnis' || lower.includes('phone') || lower.includes('number')) {
    return `tel:+1555555${random.digits(4)}`;
  }
  if (lower.endsWith('name')) {
    return random.pick(CUSTOMER_NAMES);
  }
  if (lower.includes('language') || lower.includes('dialect') || lower.includes('locale')) {
    return random.pick(['en-US', 'es-US', 'fr-CA']);
  }
  return `${kebab(name)}-${random.digits(3)}`;
}

export class FieldWalker<Scope> {
  private readonly presence: number;
  /** Paths that must be present: the template ids and the event time. */
  private readonly required: ReadonlySet<string>;

  constructor(
    private readonly request: BodyRequest,
    private readonly options: WalkOptions<Scope> = {},
  ) {
    this.presence = options.presence ?? DEFAULT_PRESENCE;
    this.required = requiredPaths(request);
  }

  /** The body of the topic, filled under the given top-level scope. */
  body(scope: Scope): JsonObject {
    return this.object(this.request.topic.fields, '', scope);
  }

  private object(fields: readonly FieldSpec[], prefix: string, scope: Scope): JsonObject {
    const result: JsonObject = {};
    for (const spec of fields) {
      const value = this.field(spec, prefix + spec.name, result, scope);
      if (value !== undefined) {
        result[spec.name] = value;
      }
    }
    return result;
  }

  private field(
    spec: FieldSpec,
    path: string,
    siblings: JsonObject,
    scope: Scope,
  ): JsonValue | undefined {
    const { random, coverage, eventTime } = this.request;
    const generate = (): JsonValue => this.value(spec.type, spec.name, path, scope);
    const override = this.options.resolve?.(path, spec);
    if (override === undefined) {
      // Optional fields show up while their enums have unseen values, then now and then.
      const present =
        this.required.has(path) || coverage.pendingUnder(path) > 0 || random.chance(this.presence);
      return present ? generate() : undefined;
    }
    return override({
      path,
      spec,
      siblings,
      scope,
      random,
      coverage,
      eventTime,
      generate,
      elements: (scopes) => scopes.map((each) => this.element(spec.type, spec.name, path, each)),
      choose: (natural) => {
        const values = enumValues(spec.type, path);
        return coverage.choose(path, values, () => declared(natural(), values, path));
      },
    });
  }

  private element(type: FieldType, name: string, path: string, scope: Scope): JsonValue {
    if (type.kind !== 'list') {
      throw new Error(`${path} is not a list`);
    }
    return this.value(type.items, name, path, scope);
  }

  /** A value of the type; `name` guides free text, `path` keys enum coverage. */
  private value(type: FieldType, name: string, path: string, scope: Scope): JsonValue {
    const { random, coverage, eventTime } = this.request;
    switch (type.kind) {
      case 'text':
        return textForName(name, random);
      case 'id':
        return random.uuid();
      case 'enum':
        return coverage.choose(path, type.values, () => random.pick(type.values));
      case 'timestamp': {
        // The event's own time is the stream clock, so events stay in order.
        const time =
          name === 'eventTime' ? eventTime : eventTime - random.integer(0, 10 * MINUTE_MS);
        return type.format === 'epoch-ms' ? time : new Date(time).toISOString();
      }
      case 'durationMs':
        return random.integer(1_000, 10 * MINUTE_MS);
      case 'integer':
        return random.integer(0, 100);
      case 'number':
        return Math.round(random.next() * 1000) / 1000;
      case 'boolean':
        return random.chance(0.5);
      case 'list': {
        // Empty lists occur, but not where an id or an unseen enum value has to go.
        const needed = this.required.has(path) || coverage.pendingUnder(path) > 0;
        const count = random.integer(needed ? 1 : 0, 3);
        return Array.from({ length: count }, () => this.value(type.items, name, path, scope));
      }
      case 'object':
        return this.object(type.fields, `${path}.`, scope);
      case 'stringMap':
      case 'map':
        return Object.fromEntries(
          random.subset(MAP_KEYS, 1, 3).map((key) => {
            const valueType = type.kind === 'map' ? type.values : { kind: 'text' as const };
            return [key, this.value(valueType, key, `${path}.${key}`, scope)];
          }),
        );
      case 'json':
        return textForName(name, random);
    }
  }
}

/** A family's natural choice must be a value of the enum, or the event would be invalid. */
function declared(value: string, values: readonly string[], path: string): string {
  if (!values.includes(value)) {
    throw new Error(`${path}: ${value} is not one of its enum values`);
  }
  return value;
}

function enumValues(type: FieldType, path: string): readonly string[] {
  const element = elementTypeOf(type);
  if (element.kind !== 'enum') {
    throw new Error(`${path} is not an enum`);
  }
  return element.values;
}

/**
 * Template id paths and every path above them (an id cannot sit in an absent object), and the
 * event's own time, which real events always carry.
 */
function requiredPaths(request: BodyRequest): Set<string> {
  const paths = new Set<string>(['eventTime']);
  for (const path of request.topic.templateIdFields) {
    const segments = path === undefined ? [] : path.split('.');
    segments.forEach((_, index) => paths.add(segments.slice(0, index + 1).join('.')));
  }
  return paths;
}
