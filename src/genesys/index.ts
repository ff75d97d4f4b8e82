/** Genesys Cloud topic knowledge for EventBridge: catalog, envelope builder, sample generator. */
export * from './catalog';
export * from './envelope';
export * from './envelopeSchema';
export * from './fieldModel';
export { generateEvents, generateSamples, type GenerateOptions } from './generate';
export type { JsonObject, JsonPrimitive, JsonValue } from './json';
export type { JsonSchema } from './jsonSchema';
export { renderSchemaFiles, type SchemaFile } from './schemaFiles';
export * from './topics/detailEventEnums';
