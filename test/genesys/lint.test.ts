// Each Genesys lint on a minimal pattern that shows it, its quick fix, and silence on patterns
// that are right.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Finding, lintPattern, LintCode } from '../../src/genesys/lint';
import { DEFAULT_ORG, eventSourceName } from '../../src/genesys/envelope';
import { referenceFile } from '../support/paths';

const CUSTOMER_END = 'v2.detail.events.conversation.{id}.customer.end';
const ACD_END = 'v2.detail.events.conversation.{id}.acd.end';

function lint(pattern: unknown): Finding[] {
  const text = typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
  return [...lintPattern(text).findings];
}

function only(pattern: unknown, code: string): Finding {
  const findings = lint(pattern);
  assert.deepEqual(findings.map((f) => f.code), [code], JSON.stringify(findings, null, 2));
  return findings[0] as Finding;
}

/** Applies the first fix of a finding to the text. */
function applyFix(text: string, finding: Finding, index = 0): string {
  const fix = finding.fixes[index];
  assert.ok(fix, `no fix on ${finding.code}`);
  let result = text;
  for (const edit of [...fix.edits].sort((a, b) => b.offset - a.offset)) {
    result = result.slice(0, edit.offset) + edit.newText + result.slice(edit.offset + edit.length);
  }
  return result;
}

test('unknown field under detail: suggests detail.eventBody with a quick fix', () => {
  const text = JSON.stringify({ 'detail-type': [CUSTOMER_END], detail: { mediaType: ['VOICE'] } });
  const finding = only(text, LintCode.unknownField);
  assert.match(finding.message, /has detail\.mediaType, .*Did you mean detail\.eventBody\.mediaType\?/);
  assert.equal(text.slice(finding.offset, finding.offset + finding.length), '"mediaType"');
  const fixed = applyFix(text, finding);
  assert.deepEqual(JSON.parse(fixed).detail, { eventBody: { mediaType: ['VOICE'] } });
  assert.deepEqual(lint(fixed), []);
});

test('REST-style path detail.routing.queue.id → detail.eventBody.queueId', () => {
  const text = JSON.stringify({ 'detail-type': [ACD_END], detail: { routing: { queue: { id: ['q'] } } } });
  const finding = only(text, LintCode.unknownField);
  assert.match(finding.message, /Did you mean detail\.eventBody\.queueId\?/);
  const fixed = applyFix(text, finding);
  assert.deepEqual(lint(fixed), []);
});

test('the fix does not duplicate an existing eventBody key', () => {
  const text = JSON.stringify({
    'detail-type': [ACD_END],
    detail: { eventBody: { acdOutcome: ['ABANDON'] }, mediaType: ['VOICE'] },
  });
  const finding = only(text, LintCode.unknownField);
  const fixed = JSON.parse(applyFix(text, finding));
  assert.deepEqual(fixed.detail, {
    eventBody: { acdOutcome: ['ABANDON'] },
    'eventBody.mediaType': ['VOICE'],
  });
  assert.deepEqual(lint(JSON.stringify(fixed)), []);
});

test('enum case mismatch both ways, with the right value offered', () => {
  const text = JSON.stringify({
    'detail-type': [CUSTOMER_END],
    detail: { eventBody: { mediaType: ['voice'] } },
  });
  const finding = only(text, LintCode.enumMismatch);
  assert.match(finding.message, /Genesys sends "VOICE" .* not "voice"/);
  assert.equal(text.slice(finding.offset, finding.offset + finding.length), '"voice"');
  assert.deepEqual(lint(applyFix(text, finding)), []);
  const unknownValue = only({ 'detail-type': [CUSTOMER_END], detail: { eventBody: { mediaType: ['PHONE'] } } },
    LintCode.enumMismatch);
  assert.match(unknownValue.message, /"PHONE" is not a value Genesys sends/);
  assert.equal(unknownValue.fixes.length, 0);
});

test('type mismatches: number as string, numeric on a string, quoted boolean', () => {
  const text = JSON.stringify({
    'detail-type': [CUSTOMER_END],
    detail: { eventBody: { interactingDurationMs: ['60000'] } },
  });
  const asString = only(text, LintCode.typeMismatch);
  assert.match(asString.message, /is a number .* the string "60000" never equals it/);
  assert.equal(JSON.parse(applyFix(text, asString)).detail.eventBody.interactingDurationMs[0], 60000);
  const numeric = only({
    'detail-type': [CUSTOMER_END],
    detail: { eventBody: { conversationId: [{ numeric: ['>', 0] }] } },
  }, LintCode.typeMismatch);
  assert.match(numeric.message, /is a string .* numeric never matches a string/);
  const quoted = only({
    'detail-type': ['v2.detail.events.conversation.{id}.acd.start'],
    detail: { eventBody: { skillExpressionApplied: ['true'] } },
  }, LintCode.typeMismatch);
  assert.match(quoted.message, /is a boolean .* the string "true" never equals it/);
});

test('detail-type with a concrete id, and names that do not exist', () => {
  const text = JSON.stringify({
    'detail-type': ['v2.detail.events.conversation.2f7bf00a-0fc2-4d6a-9b56-92238191433e.customer.end'],
  });
  const concrete = only(text, LintCode.concreteIdInDetailType);
  assert.deepEqual(JSON.parse(applyFix(text, concrete))['detail-type'], [CUSTOMER_END]);
  const started = only({ 'detail-type': ['v2.detail.events.conversation.{id}.customer.started'] },
    LintCode.unknownTopic);
  assert.match(started.message, /Did you mean "v2\.detail\.events\.conversation\.\{id\}\.customer\.start"/);
  assert.equal(started.fixes.length, 1);
  const created = only({ source: [{ prefix: 'aws.partner/genesys.com' }], 'detail-type': ['conversation.created'] },
    LintCode.unknownTopic);
  assert.match(created.message, /No Genesys topic is named "conversation\.created"/);
});

test('sources Genesys never sends, with the prefix form and the org source offered', () => {
  const text = JSON.stringify({ source: ['genesys.cloud'], 'detail-type': [CUSTOMER_END] });
  const finding = only(text, LintCode.unknownSource);
  assert.deepEqual(JSON.parse(applyFix(text, finding)).source, [{ prefix: 'aws.partner/genesys.com' }]);
  const exact = only({ source: ['aws.partner/genesys.com'] }, LintCode.unknownSource);
  assert.match(exact.message, /never sends exactly "aws\.partner\/genesys\.com"/);
  const withOrg = lintPattern(text, { org: DEFAULT_ORG }).findings[0] as Finding;
  assert.equal(withOrg.fixes[0]?.edits[0]?.newText, JSON.stringify(eventSourceName(DEFAULT_ORG)));
});

test('satisfiability: an impossible condition is named; a specific id is not a mistake', () => {
  const never = only({
    'detail-type': [CUSTOMER_END],
    detail: { version: ['1'] },
  }, LintCode.neverMatches);
  assert.match(never.message, /detail\.version: expected "1", but Genesys always sends "2" there/);
  const prefix = only({
    'detail-type': [CUSTOMER_END],
    detail: { eventBody: { mediaType: [{ prefix: 'voi' }] } },
  }, LintCode.neverMatches);
  assert.match(prefix.message, /Genesys sends one of "UNKNOWN", "VOICE"/);
  assert.deepEqual(lint({
    source: ['aws.partner/genesys.com/cloud/cf6cb7d5-d0ea-45b5-b0cf-73ad5f5b8721/DA-VOICE-SB'],
    account: ['765425735388'],
    'detail-type': [ACD_END],
    detail: { eventBody: { queueId: ['6b1c2f4e-8d3a-4f5b-9c7e-2a1d0e9f8b7c'], acdOutcome: ['ABANDON'] } },
  }), []);
});

test('a satisfiable pattern gets a witness the engine confirms', () => {
  const text = JSON.stringify({
    source: [{ prefix: 'aws.partner/genesys.com' }],
    'detail-type': [ACD_END],
    detail: {
      eventBody: {
        queueId: ['6b1c2f4e-8d3a-4f5b-9c7e-2a1d0e9f8b7c'],
        acdOutcome: [{ 'anything-but': ['ANSWERED', 'UNKNOWN'] }],
        connectedDurationMs: [{ numeric: ['>', 100000, '<=', 100001] }],
        requestedRoutingSkillIds: [{ exists: false }],
      },
    },
  });
  const result = lintPattern(text);
  assert.deepEqual(result.findings, []);
  const witness = result.satisfiability?.witness;
  assert.ok(witness, 'no witness');
  const body = (witness.event.detail as { eventBody: Record<string, unknown> }).eventBody;
  assert.equal(body['queueId'], '6b1c2f4e-8d3a-4f5b-9c7e-2a1d0e9f8b7c');
  assert.equal(body['connectedDurationMs'], 100001);
  assert.ok(!['ANSWERED', 'UNKNOWN'].includes(body['acdOutcome'] as string));
  assert.equal('requestedRoutingSkillIds' in body, false);
});

test('patterns that are not about Genesys get no Genesys findings', () => {
  assert.deepEqual(lint({ source: ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'] }), []);
  assert.deepEqual(lint({ account: ['123456789012'] }), []);
});

test('template placeholders are unknown values, not mistakes', () => {
  assert.deepEqual(lint({
    account: ['<your AWS account number>'],
    'detail-type': ['v2.detail.events.conversation.{id}.voicemail.end'],
    'detail.eventBody.queueId': ['<the queue id>'],
  }), []);
  assert.deepEqual(lint({
    source: [{ prefix: 'aws.partner/genesys.com/cloud/${var.org_id}/${var.bus}' }],
  }), []);
});

test('quiet on the real-world patterns that are correct', (t) => {
  const folder = referenceFile('genesys', 'patterns');
  if (!folder) {
    t.skip('shared/reference/genesys/patterns not present');
    return;
  }
  for (const name of fs.readdirSync(folder).filter((n) => n.endsWith('.json') && !n.startsWith('_'))) {
    const findings = lint(fs.readFileSync(path.join(folder, name), 'utf8'));
    // CloudFormation intrinsics ({"Ref": …}) are resolved at deploy time: an info, no more.
    const unexpected = findings.filter(
      (f) => !(f.code === 'cloudformation-intrinsic' && f.severity === 'info'),
    );
    assert.deepEqual(unexpected, [], name);
  }
});

test('a bare value AWS rejects gets the one certain fix: wrap it in an array', () => {
  const text = '{"detail-type": "v2.detail.events.conversation.{id}.customer.end"}';
  const finding = only(text, 'value-not-object-or-array');
  assert.equal(finding.source, 'EventBridge');
  assert.deepEqual(lint(applyFix(text, finding)), []);
});

test('a CloudFormation intrinsic is an info, not an AWS error', () => {
  const finding = only({ account: [{ Ref: 'AWS::AccountId' }] }, 'cloudformation-intrinsic');
  assert.equal(finding.severity, 'info');
});

test('more template placeholders, the test-org source, and envelope fields always present', () => {
  assert.deepEqual(lint({ account: ['#{AWS::AccountId}'], 'detail-type': [ACD_END] }), []);
  assert.deepEqual(lint({ account: ['$(ACCOUNT)'], region: ['%REGION%'], 'detail-type': [ACD_END] }), []);
  assert.deepEqual(lint({
    source: ['aws.partner/genesys.com.test/cloud/32aa07aa-db1b-4987-abd0-9483601ec29d/test-bus'],
    'detail-type': [ACD_END],
  }), []);
  const never = only({ source: [{ exists: false }], 'detail-type': [ACD_END] }, LintCode.neverMatches);
  assert.match(never.message, /^No event Genesys sends .* source: expected \{"exists":false\}/);
});

test('Genesys-looking detail-types are judged even without a Genesys source', () => {
  only({ 'detail-type': ['conversation.created'] }, LintCode.unknownTopic);
  assert.deepEqual(lint({ 'detail-type': ['order.created'] }), []);
});
