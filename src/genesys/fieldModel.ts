import type { JsonValue } from './json';
import type { JsonSchema } from './jsonSchema';

/**
 * How topic bodies are authored: a tree of named fields with a semantic type. The semantic type
 * says more than JSON Schema can (an id is a string, but tools want to know it is an id), so the
 * catalog derives both the body JSON Schema and the id/time/enum field lists from one definition.
 */

/** epoch-ms: integer milliseconds since 1970 (detail events); iso-8601: string (audits, etc.). */
export type TimeFormat = 'epoch-ms' | 'iso-8601';

export type FieldType =
  | { readonly kind: 'text' }
  /** An entity reference; normally a lowercase UUID, but sanitised samples carry other strings. */
  | { readonly kind: 'id' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'timestamp'; readonly format: TimeFormat }
  | { readonly kind: 'durationMs' }
  | { readonly kind: 'integer' }
  /** A JSON number that may have a fraction, e.g. a transcription confidence. */
  | { readonly kind: 'number' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'list'; readonly items: FieldType }
  | { readonly kind: 'object'; readonly fields: readonly FieldSpec[] }
  /** An object used as a string-to-string dictionary, e.g. participant attributes. */
  | { readonly kind: 'stringMap' }
  /** A dictionary whose values are not strings, e.g. aggregate statistics by name. */
  | { readonly kind: 'map'; readonly values: FieldType }
  /** Any JSON value: what a published schema leaves unconstrained. */
  | { readonly kind: 'json' };

export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  readonly description: string;
}

export const TEXT: FieldType = { kind: 'text' };
export const ID: FieldType = { kind: 'id' };
export const EPOCH_MS: FieldType = { kind: 'timestamp', format: 'epoch-ms' };
export const ISO_TIME: FieldType = { kind: 'timestamp', format: 'iso-8601' };
export const DURATION_MS: FieldType = { kind: 'durationMs' };
export const INTEGER: FieldType = { kind: 'integer' };
export const NUMBER: FieldType = { kind: 'number' };
export const BOOLEAN: FieldType = { kind: 'boolean' };
export const STRING_MAP: FieldType = { kind: 'stringMap' };
export const ANY_JSON: FieldType = { kind: 'json' };

export function field(name: string, type: FieldType, description: string): FieldSpec {
  return { name, type, description };
}

export function enumOf(values: readonly string[]): FieldType {
  return { kind: 'enum', values };
}

export function listOf(items: FieldType): FieldType {
  return { kind: 'list', items };
}

export function objectOf(fields: readonly FieldSpec[]): FieldType {
  return { kind: 'object', fields };
}

export function mapOf(values: FieldType): FieldType {
  return { kind: 'map', values };
}

const ISO_8601_UTC_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$';

function typeToSchema(type: FieldType, description?: string): JsonSchema {
  // Schemas read from an org often have no descriptions; an empty one would only add noise.
  const annotated = (schema: JsonSchema): JsonSchema =>
    description === undefined || description === '' ? schema : { description, ...schema };
  switch (type.kind) {
    case 'text':
    case 'id':
      return annotated({ type: 'string' });
    case 'enum':
      return annotated({ type: 'string', enum: type.values });
    case 'timestamp':
      return type.format === 'epoch-ms'
        ? annotated({ type: 'integer' })
        : annotated({ type: 'string', pattern: ISO_8601_UTC_PATTERN });
    case 'durationMs':
    case 'integer':
      return annotated({ type: 'integer' });
    case 'number':
      return annotated({ type: 'number' });
    case 'boolean':
      return annotated({ type: 'boolean' });
    case 'list':
      return annotated({ type: 'array', items: typeToSchema(type.items) });
    case 'object':
      return annotated(fieldsToSchema(type.fields));
    case 'stringMap':
      return annotated({ type: 'object', additionalProperties: { type: 'string' } });
    case 'map':
      return annotated({ type: 'object', additionalProperties: typeToSchema(type.values) });
    case 'json':
      return annotated({});
  }
}

/**
 * Object schema for a field list. Every property stays optional and extra properties stay
 * allowed: Genesys marks no body field as required and adds fields over time.
 */
export function fieldsToSchema(fields: readonly FieldSpec[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const spec of fields) {
    properties[spec.name] = typeToSchema(spec.type, spec.description);
  }
  return { type: 'object', properties };
}

/** A field anywhere in the body, addressed the way EventBridge patterns address it. */
export interface BodyField {
  /** Dot-joined path inside `eventBody`; array levels are transparent, as in EventBridge. */
  readonly path: string;
  readonly type: FieldType;
  /** True when some level on the path is an array, so a pattern matches any element. */
  readonly insideArray: boolean;
}

/** Every field of the tree, parents before children, in authored order. */
export function flattenFields(fields: readonly FieldSpec[]): BodyField[] {
  const result: BodyField[] = [];
  const visit = (specs: readonly FieldSpec[], prefix: string, insideArray: boolean): void => {
    for (const spec of specs) {
      const path = prefix + spec.name;
      let elementType = spec.type;
      let inArray = insideArray;
      while (elementType.kind === 'list') {
        elementType = elementType.items;
        inArray = true;
      }
      result.push({ path, type: spec.type, insideArray: inArray });
      if (elementType.kind === 'object') {
        visit(elementType.fields, `${path}.`, inArray);
      }
    }
  };
  visit(fields, '', false);
  return result;
}

/** The type of a single value at the path: lists are unwrapped to their element type. */
export function elementTypeOf(type: FieldType): FieldType {
  return type.kind === 'list' ? elementTypeOf(type.items) : type;
}

/** Every value at a dot-joined body path, looking through arrays the way EventBridge does. */
export function valuesAtPath(value: JsonValue, path: string): JsonValue[] {
  const flatten = (items: readonly JsonValue[]): JsonValue[] =>
    items.flatMap((item) => (Array.isArray(item) ? flatten(item) : [item]));
  let current: JsonValue[] = [value];
  for (const key of path.split('.')) {
    current = flatten(current).flatMap((item) =>
      item !== null && typeof item === 'object' && !Array.isArray(item) && key in item
        ? [item[key] as JsonValue]
        : [],
    );
  }
  return flatten(current);
}
