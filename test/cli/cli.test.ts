// The bundled CLI (dist/cli.js), run as users and CI run it.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, REPO_ROOT } from '../support/paths';
import { CASES_FILE, loadCases, needsEnvelope, REASON_PREFIX } from '../support/corpus';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], timeoutMs = 60_000): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gebp-cli-'));
function write(name: string, content: string): string {
  const file = path.join(scratch, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

const EVENT = JSON.stringify({
  version: '0',
  id: 'e1',
  'detail-type': 'v2.detail.events.conversation.{id}.customer.end',
  source: 'aws.partner/genesys.com/cloud/00000000-0000-4000-8000-000000000000/x',
  account: '123456789012',
  time: '2026-01-01T00:00:00Z',
  region: 'us-east-1',
  resources: [],
  detail: { eventBody: { mediaType: 'VOICE' } },
});

test('the bundle exists (npm run build)', () => {
  assert.ok(fs.existsSync(CLI), `${CLI} missing`);
});

test('every AWS-recorded corpus case through `test --json`', (t) => {
  if (!CASES_FILE) {
    t.skip('shared/reference/eventbridge/cases.jsonl not present: skipped');
    return;
  }
  const cases = loadCases().filter((c) => c.aws_verified);
  const mismatches: string[] = [];
  for (const c of cases) {
    const patternFile = write(`cases/${c.id}.pattern.json`, c.pattern_json);
    const eventFile = write(`cases/${c.id}.event.json`, c.event_json);
    const args = ['test', '--json', patternFile, eventFile];
    if (!needsEnvelope(c)) args.push('--no-envelope');
    const run = cli(args);
    assert.equal(run.status, 0, `${c.id}: exit ${run.status} ${run.stderr}`);
    const report = JSON.parse(run.stdout);
    const [verdict] = report.events;
    let ok: boolean;
    if (c.expected === 'invalid' && c.error_code === 'ValidationException') {
      ok = verdict.valid === false && verdict.error === c.error;
    } else if (c.expected === 'invalid') {
      ok = report.pattern.valid === false &&
        REASON_PREFIX + report.pattern.errors[0].reason === c.error &&
        Number.isInteger(report.pattern.errors[0].line) &&
        Number.isInteger(report.pattern.errors[0].column);
    } else {
      ok = report.pattern.valid === true && verdict.valid === true &&
        verdict.matched === (c.expected === 'match');
    }
    if (!ok) mismatches.push(`${c.id}: ${run.stdout}`);
  }
  assert.deepEqual(mismatches, []);
  assert.ok(cases.length >= 180, `only ${cases.length} AWS cases`);
});

test('test --json: the stable shape, explanations for misses', () => {
  const pattern = write('voice.json', '{"detail": {"eventBody": {"mediaType": ["voice"]}}}');
  const events = write('events.jsonl', `${EVENT}\n\nnot json\n`);
  const run = cli(['test', '--json', pattern, events]);
  assert.equal(run.status, 0);
  const report = JSON.parse(run.stdout);
  assert.deepEqual(Object.keys(report), ['pattern', 'events']);
  assert.deepEqual(report.pattern, { valid: true, errors: [] });
  assert.equal(report.events.length, 2);
  assert.deepEqual(Object.keys(report.events[0]), ['valid', 'error', 'matched', 'explanation']);
  assert.equal(report.events[0].matched, false);
  assert.match(report.events[0].explanation,
    /detail\.eventBody\.mediaType: expected "voice", but the event has "VOICE"/);
  assert.equal(report.events[1].valid, false);
  assert.equal(report.events[1].error, 'Parameter Event is not valid.');
});

test('test: an invalid pattern reports the reason with line and column', () => {
  const pattern = write('bad.json', '{\n  "detail-type": "x"\n}');
  const event = write('e.json', EVENT);
  const run = cli(['test', '--json', pattern, event]);
  const report = JSON.parse(run.stdout);
  assert.deepEqual(report.pattern.errors, [
    { reason: '"detail-type" must be an object or an array', line: 2, column: 18 },
  ]);
  const human = cli(['test', pattern, event]);
  assert.equal(human.status, 1);
  assert.match(human.stdout,
    /bad\.json:2:18: error: Event pattern is not valid\. Reason: "detail-type"/);
});

test('check: eslint-style lines, exit 1 on errors, folders searched', () => {
  const run = cli(['check', 'examples']);
  assert.equal(run.status, 1);
  const lines = run.stdout.trim().split('\n');
  for (const line of lines) {
    assert.match(line, /^examples\/.+\.json:\d+:\d+: (error|warning|info): .+ \[[a-z-]+\]$/);
  }
  assert.ok(lines.some((l) => l.includes('rejected-bare-string.json:3:18: error: ' +
    '"detail-type" must be an object or an array [value-not-object-or-array]')));
  assert.ok(lines.some((l) => l.includes('mistake-lowercase-media-type.json') &&
    l.includes('Genesys sends "VOICE" in detail.eventBody.mediaType, not "voice"') &&
    l.includes('[enum-mismatch]')));
  assert.ok(!lines.some((l) => l.includes('voice-calls-ended-by-customer.json')));
  assert.ok(!lines.some((l) => l.includes('abandoned-in-queue.json')),
    'a queue id is not a mistake');
  assert.equal(cli(['check', '--exit-zero', 'examples']).status, 0);
});

test('check --json lists findings per file', () => {
  const run = cli(['check', '--json', 'examples/eventpatterns/rejected-numeric-range.json']);
  const report = JSON.parse(run.stdout);
  assert.equal(report.errors, 1);
  assert.equal(report.files[0].findings[0].message, 'Bad numeric range operator: >');
  assert.equal(report.files[0].findings[0].code, 'invalid-numeric');
});

test('bad input: clear messages, bounded time, no crash', () => {
  const malformed = write('malformed.json', '{"source": [');
  let run = cli(['check', malformed]);
  assert.equal(run.status, 1);
  assert.match(run.stdout,
    /malformed\.json:1:12: error: Unexpected end-of-input: expected close marker for Array/);

  const huge = write('huge.eventpattern.json',
    `{"a": [${Array.from({ length: 500_000 }, (_, i) => `"v${i}"`).join(',')}]}`);
  assert.ok(fs.statSync(huge).size > 4_000_000);
  run = cli(['check', huge]);
  assert.equal(run.status, 1);
  assert.match(run.stdout,
    /error: Event pattern is \d+ characters .* the limit is 2048 .*\[pattern-too-large\]/);

  const deep = write('deep.json', '{"a":'.repeat(10_000) + '[1]' + '}'.repeat(10_000));
  run = cli(['check', deep]);
  assert.equal(run.status, 1);
  assert.match(run.stdout, /nesting depth \(1001\) exceeds the maximum allowed \(1000/);

  const proto = write('proto.json',
    '{"__proto__": {"polluted": ["x"]}, "detail": {"constructor": ["y"]}}');
  run = cli(['test', '--json', proto, write('proto-event.json', EVENT)]);
  assert.equal(run.status, 0);
  assert.equal(JSON.parse(run.stdout).events[0].matched, false);

  const evil = write('evil.json',
    JSON.stringify({ a: [{ wildcard: '*a*a*a*a*a*a*a*a*a*a*a*a*b' }] }));
  const evilEvent = write('evil-event.json', JSON.stringify({
    ...JSON.parse(EVENT), a: 'a'.repeat(100_000),
  }));
  run = cli(['test', '--json', evil, evilEvent]);
  assert.equal(run.status, 0);
  const report = JSON.parse(run.stdout);
  assert.ok(report.pattern.valid === false || report.events[0].matched === false);

  run = cli(['check', path.join(scratch, 'absent.json')]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /absent\.json: no such file/);
  assert.equal(cli(['nonsense']).status, 2);
  assert.equal(cli(['check', '--max-pattern-size', '9999', 'examples']).status, 2);
});

test('generate and topics', () => {
  const topics = cli(['topics']);
  assert.equal(topics.status, 0);
  assert.equal(topics.stdout.trim().split('\n').length, 44);
  const run = cli(['generate', 'v2.detail.events.conversation.{id}.acd.end', '--seed', '7']);
  assert.equal(run.status, 0);
  const event = JSON.parse(run.stdout);
  assert.equal(event['detail-type'], 'v2.detail.events.conversation.{id}.acd.end');
  assert.match(event.source, /^aws\.partner\/genesys\.com\/cloud\/[0-9a-f-]{36}\/.+/);
  assert.equal(event.detail.topicName,
    `v2.detail.events.conversation.${event.detail.eventBody.conversationId}.acd.end`);
  const again = cli(['generate', 'v2.detail.events.conversation.{id}.acd.end', '--seed', '7']);
  assert.equal(run.stdout, again.stdout);
  const many = cli(['generate', 'v2.detail.events.conversation.{id}.acw', '--count', '5']);
  assert.equal(many.stdout.trim().split('\n').length, 5);
  const unknown = cli(['generate', 'conversation.created']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown topic/);
});

test('a reader that closes the pipe early is not an error', () => {
  const run = spawnSync('bash', ['-c',
    `"${process.execPath}" "${CLI}" generate 'v2.users.{id}.presence' --count 100000 | head -1`], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(run.status, 0);
  assert.equal(run.stderr, '');
  assert.match(run.stdout, /^\{"version":"0"/);
});

test('explanations cut huge values', () => {
  const pattern = write('huge-value.json', '{"detail": {"a": [{"numeric": ["=", 1]}]}}');
  const event = write('huge-event.json', JSON.stringify({
    ...JSON.parse(EVENT), detail: { a: 'x'.repeat(1_000_000) },
  }));
  const run = cli(['test', '--json', pattern, event]);
  const explanation: string = JSON.parse(run.stdout).events[0].explanation;
  assert.ok(explanation.length < 1000, `explanation of ${explanation.length} characters`);
  assert.match(explanation, /\(1000002 characters\)/);
});
