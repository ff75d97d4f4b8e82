import { bundledTopics } from './catalog';
import { ENVELOPE_SCHEMA_FILE_NAME, eventBridgeEnvelopeSchema } from './envelopeSchema';

/** One file of schemas/genesys/, exactly as it is committed. */
export interface SchemaFile {
  readonly fileName: string;
  readonly text: string;
}

/**
 * The committed JSON Schemas, rendered from the catalog. The build script writes them and a test
 * compares them, so the files can never silently drift from the TypeScript definitions.
 */
export function renderSchemaFiles(): SchemaFile[] {
  const render = (schema: unknown): string => `${JSON.stringify(schema, null, 2)}\n`;
  return [
    { fileName: ENVELOPE_SCHEMA_FILE_NAME, text: render(eventBridgeEnvelopeSchema) },
    ...bundledTopics().map((topic) => ({
      fileName: topic.schemaFileName,
      text: render(topic.bodySchema),
    })),
  ];
}
