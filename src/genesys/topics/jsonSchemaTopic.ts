import {
  ANY_JSON,
  BOOLEAN,
  DURATION_MS,
  EPOCH_MS,
  ID,
  INTEGER,
  ISO_TIME,
  NUMBER,
  STRING_MAP,
  TEXT,
  elementTypeOf,
  enumOf,
  field,
  flattenFields,
  listOf,
  mapOf,
  objectOf,
  type FieldSpec,
  type FieldType,
} from '../fieldModel';
import { defineTopic, type EnumCase, type TopicDefinition } from '../topicModel';

/*
 * Catalog entries from the JSON Schemas Genesys publishes for its topics
 * (`GET /api/v2/notifications/availabletopics?expand=schema`), so an org's own topics can be
 * checked and sampled like the bundled ones. Those schemas carry names, types, enums and
 * date-time formats but not what a string means, so ids and epoch-ms integers are recognised by
 * their names (`queueId`, `eventTime`). Anything unexpected degrades to "any JSON" instead of
 * failing: a schema the tool cannot read fully is still worth its field names.
 */

export interface JsonSchemaTopicOptions {
  readonly description?: string;
  /** The topic's `transports` as the org lists them (`expand=transports`). */
  readonly transports?: readonly string[];
}

type Schema = Readonly<Record<string, unknown>>;

/** Deeper than any published topic body; beyond it a recursive schema is cut off. */
const MAX_DEPTH = 12;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Resolves local references (`#`, `#/$defs/X`, `#/definitions/X`); others stay unresolved. */
class SchemaReader {
  constructor(private readonly root: Schema) {}

  private resolve(schema: Schema, seen: ReadonlySet<string>): [Schema, ReadonlySet<string>] {
    const ref = schema['$ref'];
    if (typeof ref !== 'string') return [schema, seen];
    const target = ref === '#' ? this.root : this.pointer(ref);
    if (target === undefined) return [{}, seen];
    // A type that contains itself (an error with nested errors) stops at its bare JSON type.
    if (seen.has(ref)) return [{ type: typeOf(target) }, seen];
    return this.resolve(target, new Set([...seen, ref]));
  }

  private pointer(ref: string): Schema | undefined {
    if (!ref.startsWith('#/')) return undefined;
    let node: unknown = this.root;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      node = isSchema(node) ? node[key] : undefined;
    }
    return isSchema(node) ? node : undefined;
  }

  fields(schema: Schema, depth = 0, seen: ReadonlySet<string> = new Set()): FieldSpec[] {
    const [resolved, refs] = this.resolve(schema, seen);
    const properties = this.properties(resolved, refs);
    return Object.entries(properties).flatMap(([name, child]) =>
      isSchema(child) ? [this.field(name, child, depth, refs)] : [],
    );
  }

  /** Own properties plus those of `allOf` parts, which published schemas use for inheritance. */
  private properties(schema: Schema, seen: ReadonlySet<string>): Record<string, unknown> {
    const own = isSchema(schema['properties']) ? schema['properties'] : {};
    const parts = Array.isArray(schema['allOf']) ? schema['allOf'].filter(isSchema) : [];
    const inherited = parts.map((part) => this.properties(...this.resolve(part, seen)));
    return Object.assign({}, ...inherited, own);
  }

  private field(name: string, schema: Schema, depth: number, seen: ReadonlySet<string>) {
    const [resolved] = this.resolve(schema, seen);
    const description =
      typeof schema['description'] === 'string'
        ? schema['description']
        : typeof resolved['description'] === 'string'
          ? resolved['description']
          : '';
    return field(name, this.type(name, schema, depth, seen), description);
  }

  private type(name: string, schema: Schema, depth: number, seen: ReadonlySet<string>): FieldType {
    if (depth >= MAX_DEPTH) return ANY_JSON;
    const [resolved, refs] = this.resolve(schema, seen);
    const single = this.singleAlternative(resolved);
    if (single !== undefined) return this.type(name, single, depth, refs);
    switch (typeOf(resolved)) {
      case 'string':
        return stringType(name, resolved);
      case 'integer':
        return integerType(name);
      case 'number':
        return NUMBER;
      case 'boolean':
        return BOOLEAN;
      case 'array': {
        const items = resolved['items'];
        return listOf(isSchema(items) ? this.type(name, items, depth + 1, refs) : ANY_JSON);
      }
      case 'object':
        return this.objectType(name, resolved, depth, refs);
      default:
        return ANY_JSON;
    }
  }

  /** `anyOf`/`oneOf` with one non-null branch is that branch; real unions stay any JSON. */
  private singleAlternative(schema: Schema): Schema | undefined {
    const branches = [schema['anyOf'], schema['oneOf']].find(Array.isArray);
    if (branches === undefined) return undefined;
    const meaningful = branches.filter((branch) => isSchema(branch) && branch['type'] !== 'null');
    return meaningful.length === 1 ? (meaningful[0] as Schema) : {};
  }

  private objectType(name: string, schema: Schema, depth: number, seen: ReadonlySet<string>) {
    const fields = this.fields(schema, depth + 1, seen);
    const values = schema['additionalProperties'];
    if (fields.length === 0 && isSchema(values) && Object.keys(values).length > 0) {
      const valueType = this.type(name, values, depth + 1, seen);
      return valueType.kind === 'text' ? STRING_MAP : mapOf(valueType);
    }
    // Without properties this is a free-form object; it still must be an object.
    return objectOf(fields);
  }
}

/** The JSON type, tolerating `["string", "null"]` and a missing type on object schemas. */
function typeOf(schema: Schema): string | undefined {
  const declared = schema['type'];
  const types = Array.isArray(declared) ? declared.filter((type) => type !== 'null') : [declared];
  if (types.length === 1 && typeof types[0] === 'string') return types[0];
  if (isSchema(schema['properties']) || Array.isArray(schema['allOf'])) return 'object';
  if (Array.isArray(schema['enum'])) return 'string';
  return undefined;
}

function isIdName(name: string): boolean {
  return name === 'id' || /[a-z0-9]Ids?$/.test(name);
}

function stringType(name: string, schema: Schema): FieldType {
  const values = schema['enum'];
  if (Array.isArray(values) && values.length > 0 && values.every((v) => typeof v === 'string')) {
    return enumOf(values as string[]);
  }
  if (schema['format'] === 'date-time') return ISO_TIME;
  return isIdName(name) ? ID : TEXT;
}

/**
 * Genesys marks epoch-ms integers only by name (eventTime, sessionStartTimeMs) and durations by
 * their `Ms` suffix (connectedDurationMs, offsetMs).
 */
function integerType(name: string): FieldType {
  if (/(Time|Date|Timestamp)(Ms)?$|^(time|date|timestamp)$/.test(name)) return EPOCH_MS;
  return name.endsWith('Ms') ? DURATION_MS : INTEGER;
}

/** The spelling all enum values share, or `mixed` (also when the body has no enum). */
export function enumCaseOf(values: readonly string[]): EnumCase {
  const letters = values.filter((value) => /[A-Za-z]/.test(value));
  if (letters.length === 0) return 'mixed';
  if (letters.every((value) => value === value.toUpperCase())) return 'UPPERCASE';
  if (letters.every((value) => value === value.toLowerCase())) return 'lowercase';
  return letters.every((value) => /^[A-Z]/.test(value)) ? 'PascalCase' : 'mixed';
}

/**
 * Body paths that carry each `{id}`, guessed from the segment before it: `queues.{id}` is held
 * by `queueId` or `queue.id`, `entitytype.{id}` by `entityType`. Undefined when nothing fits;
 * the id then lives only in detail.topicName.
 */
function guessTemplateIds(template: string, fields: readonly FieldSpec[]): (string | undefined)[] {
  const kinds = new Set(['id', 'text', 'enum']);
  // Fields outside arrays first: a conversation's own id beats its participants' ids.
  const flat = flattenFields(fields)
    .filter((entry) => kinds.has(elementTypeOf(entry.type).kind))
    .sort((a, b) => Number(a.insideArray) - Number(b.insideArray));
  const segments = template.split('.');
  return segments.flatMap((segment, index) => {
    if (segment !== '{id}') return [];
    const hint = (segments[index - 1] ?? '').toLowerCase().replace(/s$/, '');
    const base = hint.replace(/id$/, '');
    const candidates = [`${hint}id`, `${hint}.id`, hint, `${base}id`, `${base}.id`];
    // The body's own field first, then one of its elements' (a participant's queueId).
    const matches = (entry: { path: string }, nested: boolean) => {
      const lower = entry.path.toLowerCase();
      return candidates.some((name) => (nested ? lower.endsWith(`.${name}`) : lower === name));
    };
    const match =
      flat.find((entry) => matches(entry, false)) ?? flat.find((entry) => matches(entry, true));
    return [match?.path];
  });
}

function checkTemplate(template: string): void {
  const segments = template.split('.');
  if (template.trim() !== template || segments.some((segment) => segment === '')) {
    throw new Error(`not a topic template: ${JSON.stringify(template)}`);
  }
  if (segments.some((segment) => segment.includes('{') && segment !== '{id}')) {
    throw new Error(`${template}: only whole {id} segments are supported`);
  }
}

/** Same reading as the org client: Genesys does not publish the transport names. */
function offersEventBridge(transports: readonly string[]): boolean {
  return transports.some((transport) => {
    const normalized = transport.toLowerCase().replace(/[^a-z]/g, '');
    return normalized === 'all' || normalized.includes('eventbridge');
  });
}

/**
 * A catalog entry from a topic template and the JSON Schema of its body. Throws only when the
 * template is unusable or the schema is not an object schema at all.
 */
export function topicFromJsonSchema(
  template: string,
  schema: unknown,
  options: JsonSchemaTopicOptions = {},
): TopicDefinition {
  checkTemplate(template);
  if (!isSchema(schema)) {
    throw new Error(`${template}: the schema is not a JSON object`);
  }
  const fields = new SchemaReader(schema).fields(schema);
  const enumValues = flattenFields(fields).flatMap((entry) => {
    const type = elementTypeOf(entry.type);
    return type.kind === 'enum' ? type.values : [];
  });
  const description = options.description?.trim();
  return defineTopic({
    template,
    family: 'schema-derived',
    description:
      description === undefined || description === ''
        ? `${template}, as published by the org.`
        : description,
    knownOnEventBridge: offersEventBridge(options.transports ?? []),
    enumCase: enumCaseOf(enumValues),
    templateIdFields: guessTemplateIds(template, fields),
    fields,
  });
}
