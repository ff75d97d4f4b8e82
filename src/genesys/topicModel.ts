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
 * family do not carry over to another. Only the detail-event family is authored so far.
 */
export type TopicFamily = 'conversation-detail-event' | (string & {});

/** Spelling convention of the enum values in a family (EventBridge matching is case-sensitive). */
export type EnumCase = 'UPPERCASE' | 'lowercase' | 'PascalCase';

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
  /** True when public configurations show the topic selected for EventBridge delivery. */
  readonly knownOnEventBridge: boolean;
  readonly enumCase: EnumCase;
  /** Authored field tree the schema and the field lists below were derived from. */
  readonly fields: readonly FieldSpec[];
  /** Every field at any depth, by EventBridge-style path, e.g. to check pattern paths. */
  readonly bodyFields: readonly BodyField[];
  /** Body field whose value fills each `{id}` of the template, in order. */
  readonly templateIdFields: readonly string[];
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
  readonly templateIdFields: readonly string[];
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

export function defineTopic(spec: TopicSpec): TopicDefinition {
  if (countTemplateIds(spec.template) !== spec.templateIdFields.length) {
    throw new Error(`${spec.template}: one template id field is needed per {id}`);
  }
  const flat = flattenFields(spec.fields);
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
