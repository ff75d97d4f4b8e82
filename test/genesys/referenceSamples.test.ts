import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { ValidateFunction } from 'ajv';
import { findTopic, findTopicForTopicName } from '../../src/genesys/catalog';
import { eventBridgeEnvelopeSchema } from '../../src/genesys/envelopeSchema';
import { REPO_ROOT, closedSchema, createAjv } from './helpers';

/** Research material shared next to the repository; absent on most machines and in CI. */
const SAMPLES_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'reference', 'genesys', 'samples');

interface CapturedEvent {
  'detail-type': string;
  detail: { topicName: string; eventBody: unknown };
}

test('captured Genesys events of catalog topics validate against the catalog schemas', (t) => {
  if (!existsSync(SAMPLES_DIR)) {
    t.skip('reference samples not present');
    return;
  }
  const ajv = createAjv();
  const validateEnvelope = ajv.compile(eventBridgeEnvelopeSchema);
  const bodyValidators = new Map<string, ValidateFunction>();
  const files = readdirSync(SAMPLES_DIR).filter((name) => /^[^_].*\.json$/.test(name));
  let checked = 0;
  for (const file of files) {
    const event = JSON.parse(readFileSync(path.join(SAMPLES_DIR, file), 'utf8')) as CapturedEvent;
    const topic = findTopic(event['detail-type']);
    if (topic === undefined) {
      continue;
    }
    checked++;
    // Closed objects: every field of a real event must be one the catalog declares.
    let validateBody = bodyValidators.get(topic.template);
    if (validateBody === undefined) {
      validateBody = ajv.compile(closedSchema(topic.bodySchema));
      bodyValidators.set(topic.template, validateBody);
    }
    assert.equal(
      validateBody(event.detail.eventBody),
      true,
      `${file}: ${JSON.stringify(validateBody.errors)}`,
    );
    assert.equal(findTopicForTopicName(event.detail.topicName), topic, file);
    // Fixtures written by hand deviate from real deliveries (ms in time, test source, fake
    // ids); report them rather than fail, since the envelope schema describes real deliveries.
    if (!validateEnvelope(event)) {
      const where = (validateEnvelope.errors ?? []).map((e) => e.instancePath || '/').join(', ');
      t.diagnostic(`${file}: envelope differs from real deliveries at ${where}`);
    }
  }
  assert.ok(checked > 0, `no sample in ${SAMPLES_DIR} has a catalog topic as detail-type`);
  t.diagnostic(`${checked} reference samples checked`);
});
