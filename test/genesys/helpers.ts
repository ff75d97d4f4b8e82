import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { JsonSchema } from '../../src/genesys/jsonSchema';

/** Tests run from out/test/genesys, three levels below the repository root. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Strict Ajv: any keyword or type mistake in our schemas fails compilation instead of passing. */
export function createAjv(): Ajv2020 {
  return new Ajv2020({ allErrors: true, strict: true });
}

/**
 * The published schemas allow undeclared fields (Genesys adds some over time). For our own
 * generated events a stray field would be a generator bug, so tests close every object.
 */
export function closedSchema(schema: JsonSchema): JsonSchema {
  const closed: JsonSchema = { ...schema };
  if (schema.properties !== undefined) {
    closed.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([name, child]) => [name, closedSchema(child)]),
    );
    closed.additionalProperties = false;
  }
  if (schema.items !== undefined) {
    closed.items = closedSchema(schema.items);
  }
  return closed;
}

/** Every value at a dot-joined path, looking through arrays the way EventBridge does. */
export { valuesAtPath } from '../../src/genesys/fieldModel';
