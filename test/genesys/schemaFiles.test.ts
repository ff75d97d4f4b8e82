import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { renderSchemaFiles } from '../../src/genesys/schemaFiles';
import { REPO_ROOT, createAjv } from './helpers';

const SCHEMA_DIR = path.join(REPO_ROOT, 'schemas', 'genesys');
const HOW_TO_FIX = 'run node scripts/build-schemas.mjs and commit schemas/genesys';

test('committed schemas/genesys files are up to date with the catalog', () => {
  const expected = renderSchemaFiles();
  const committed = readdirSync(SCHEMA_DIR).filter((name) => name.endsWith('.schema.json'));
  assert.deepEqual(
    committed.sort(),
    expected.map((file) => file.fileName).sort(),
    `file set differs; ${HOW_TO_FIX}`,
  );
  for (const file of expected) {
    const text = readFileSync(path.join(SCHEMA_DIR, file.fileName), 'utf8');
    assert.equal(text, file.text, `${file.fileName} is stale; ${HOW_TO_FIX}`);
  }
});

test('committed schema files compile under strict Ajv and have unique ids', () => {
  const ajv = createAjv();
  for (const file of renderSchemaFiles()) {
    const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, file.fileName), 'utf8'));
    assert.doesNotThrow(() => ajv.addSchema(schema), file.fileName);
  }
  // The envelope and one body schema per bundled topic.
  assert.equal(renderSchemaFiles().length, 45);
});
