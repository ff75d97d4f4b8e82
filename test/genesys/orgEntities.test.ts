// Signed in, generated events use the org's real queues and users instead of invented ones.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { generateEvents } from '../../src/genesys/generate';

const entities = {
  queues: [{ id: '11111111-1111-4111-8111-111111111111', name: 'Real Queue' }],
  users: [{ id: '22222222-2222-4222-8222-222222222222', name: 'Real Agent' }],
};

test('acd events enter the org queue; the invented pools come back afterwards', () => {
  const template = 'v2.detail.events.conversation.{id}.acd.start';
  const withOrg = generateEvents(template, { count: 20, seed: 3, entities });
  const queueIds = new Set(withOrg.map((e) => (e.detail.eventBody as { queueId?: string }).queueId));
  queueIds.delete(undefined);
  assert.deepEqual([...queueIds], [entities.queues[0]!.id]);
  const without = generateEvents(template, { count: 20, seed: 3 });
  const invented = without.map((e) => (e.detail.eventBody as { queueId?: string }).queueId);
  assert.ok(!invented.includes(entities.queues[0]!.id));
});

test('conversation objects carry the org queue and user names', () => {
  const events = generateEvents('v2.routing.queues.{id}.conversations', { count: 10, seed: 1, entities });
  const text = JSON.stringify(events);
  assert.match(text, /Real Queue|Real Agent/);
  assert.doesNotMatch(text, /"name":"(Sales|Support|Billing|Retention)"/);
});
