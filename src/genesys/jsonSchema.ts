/**
 * The subset of JSON Schema (draft 2020-12) that this project writes. Only standard keywords are
 * allowed so the schemas compile under Ajv's strict mode without custom vocabularies.
 */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $comment?: string;
  title?: string;
  description?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  maxItems?: number;
  enum?: readonly string[];
  const?: string;
  pattern?: string;
  examples?: readonly string[];
}

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
