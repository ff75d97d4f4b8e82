import {
  elementTypeOf,
  fieldsToSchema,
  flattenFields,
  type BodyField,
  type FieldSpec,
  type TimeFormat,
} from './fieldModel';
import { JSON_SCHEMA_DIALECT, type JsonSchema } from './jsonSchema';

/**
 * Topic families differ in enum case, time format and body shape, so rules written for one
 * family do not carry over to another. Each family has its own sample generator; a family
 * without one (e.g. topics read from an org's published schemas) gets the generic generator.
 */
export type TopicFamily =
  | 'conversation-detail-event'
  | 'agent-detail-event'
  | 'conversation-object'
  | 'transcription'
  | 'audit'
  | 'user-status'
  | 'analytics-metric'
  | 'analytics-aggregate'
  | 'schema-derived'
  | (string & {});

/**
 * Spelling convention of the enum values in a family (EventBridge matching is case-sensitive).
 * `mixed`: the spelling differs from field to field (analytics metrics), or nothing tells.
 */
export type EnumCase = 'UPPERCASE' | 'lowercase' | 'PascalCase' | 'mixed';

export interface TimeField {
  readonly path: string;
  readonly format: TimeFormat;
}

export interface EnumField {
  readonly path: string;
  readonly values: readonly string[];
}

export interface TopicDefinition {
  /** Topic name with `{id}` for every id segment; this is the EventBridge `detail-type`. */
  readonly template: string;
  readonly family: TopicFamily;
  readonly description: string;
  /** JSON Schema of `detail.eventBody`. */
  readonly bodySchema: JsonSchema;
  /**
   * True when there is evidence the topic reaches EventBridge: public configurations selecting it
   * for bundled topics, the org's own `transports` list for topics read from an org.
   */
  readonly knownOnEventBridge: boolean;
  readonly enumCase: EnumCase;
  /** Authored field tree the schema and the field lists below were derived from. */
  readonly fields: readonly FieldSpec[];
  /** Every field at any depth, by EventBridge-style path, e.g. to check pattern paths. */
  readonly bodyFields: readonly BodyField[];
  /**
   * Body path (EventBridge style) of the value that fills each `{id}` of the template, in order;
   * undefined when only detail.topicName carries that id (presence bodies omit the user id).
   * A path through an array means some element holds it, e.g. the queue's participant.
   */
  readonly templateIdFields: readonly (string | undefined)[];
  /** Paths (EventBridge style, dot-joined) of body fields that hold entity ids. */
  readonly idFields: readonly string[];
  readonly timeFields: readonly TimeField[];
  readonly enumFields: readonly EnumField[];
  /** File name of the emitted body schema under schemas/genesys/. */
  readonly schemaFileName: string;
}

export interface TopicSpec {
  readonly template: string;
  readonly family: TopicFamily;
  readonly description: string;
  readonly knownOnEventBridge: boolean;
  readonly enumCase: EnumCase;
  readonly templateIdFields: readonly (string | undefined)[];
  readonly fields: readonly FieldSpec[];
}

const TEMPLATE_ID = '{id}';

export function countTemplateIds(template: string): number {
  return template.split('.').filter((segment) => segment === TEMPLATE_ID).length;
}

/** `{id}` is not portable in file names, so it is written `ID` there. */
export function schemaFileNameFor(template: string): string {
  return `${template.replaceAll(TEMPLATE_ID, 'ID')}.schema.json`;
}

/** A declared field, or a key below a string-to-string map (aggregate groups are such maps). */
function isBodyPath(fields: readonly BodyField[], path: string): boolean {
  return fields.some(
    (field) =>
      field.path === path ||
      (elementTypeOf(field.type).kind === 'stringMap' && path.startsWith(`${field.path}.`)),
  );
}

export function defineTopic(spec: TopicSpec): TopicDefinition {
  if (countTemplateIds(spec.template) !== spec.templateIdFields.length) {
    throw new Error(`${spec.template}: one template id field is needed per {id}`);
  }
  const flat = flattenFields(spec.fields);
  for (const path of spec.templateIdFields) {
    if (path !== undefined && !isBodyPath(flat, path)) {
      throw new Error(`${spec.template}: template id field ${path} is not in the body`);
    }
  }
  const fileName = schemaFileNameFor(spec.template);
  const bodySchema: JsonSchema = {
    $schema: JSON_SCHEMA_DIALECT,
    $id: `urn:genesys-eventbridge-patterns:schema:${fileName}`,
    $comment: 'Generated from src/genesys by scripts/build-schemas.mjs; edit the source instead.',
    title: `eventBody of ${spec.template}`,
    description: spec.description,
    ...fieldsToSchema(spec.fields),
  };
  return {
    template: spec.template,
    family: spec.family,
    description: spec.description,
    bodySchema,
    knownOnEventBridge: spec.knownOnEventBridge,
    enumCase: spec.enumCase,
    fields: spec.fields,
    bodyFields: flat,
    templateIdFields: spec.templateIdFields,
    idFields: flat.filter((f) => elementTypeOf(f.type).kind === 'id').map((f) => f.path),
    timeFields: flat.flatMap((f) => {
      const type = elementTypeOf(f.type);
      return type.kind === 'timestamp' ? [{ path: f.path, format: type.format }] : [];
    }),
    enumFields: flat.flatMap((f) => {
      const type = elementTypeOf(f.type);
      return type.kind === 'enum' ? [{ path: f.path, values: type.values }] : [];
    }),
    schemaFileName: fileName,
  };
}
