// gebp — the pattern engine in a terminal, for CI:
//   gebp check PATHS...                 diagnostics, eslint-style; exit 1 on errors
//   gebp test [--json] PATTERN EVENT... TestEventPattern, locally, with explanations
//   gebp generate TOPIC [--count N] [--seed S]
//   gebp topics

import { LineIndex } from '../engine/json';
import { testCompiled, TEST_EVENT_PATTERN_MAX_SIZE } from '../engine/testEventPattern';
import { compilePattern } from '../engine/pattern';
import { explainMiss } from '../engine/explain';
import { collectJsonFiles, InputError, readEvents, readText } from './files';
import { runCheck } from './check';
import { runGenerate, runTopics } from './generate';

const USAGE = `Usage: gebp <command> [options]

Commands:
  check PATHS...             Report problems in pattern files (folders are searched)
      --json                 Machine-readable output
      --max-pattern-size N   PutRule's pattern size quota (default 2048, at most 4096)
      --exit-zero            Exit 0 even when errors are found
  test PATTERN EVENT...      Test events (.json, or .jsonl with one event per line)
      --json                 Machine-readable output (stable shape)
      --no-envelope          Accept events without the EventBridge envelope
                             (exit 1 when the pattern or an event is invalid; with --json
                             the verdicts are in the output and the exit code is 0)
  generate TOPIC             Print a sample Genesys event as it arrives on EventBridge
      --count N              Number of events (JSON Lines when N > 1)
      --seed S               Seed for reproducible samples (default 1)
  topics                     List the Genesys topics the catalog knows

Exit codes: 0 success, 1 problems found (check) or invalid input (test), 2 usage error.`;

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

class UsageError extends Error {}

interface ParsedArgs {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['--max-pattern-size', '--count', '--seed']);

function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = arg.split('=', 2) as [string, string | undefined];
      if (VALUE_FLAGS.has(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(`${name} needs a value`);
        flags.set(name, value);
      } else {
        flags.set(name, true);
      }
    } else {
      positional.push(arg);
    }
  }
  return { positional, flags };
}

function allowOnly(args: ParsedArgs, allowed: readonly string[]): void {
  for (const name of args.flags.keys()) {
    if (!allowed.includes(name)) throw new UsageError(`unknown option ${name}`);
  }
}

export function integerFlag(
  args: ParsedArgs,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = args.flags.get(name);
  if (raw === undefined) return fallback;
  const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${name} takes a whole number from ${min} to ${max}`);
  }
  return value;
}

export function main(argv: readonly string[], output: Output): number {
  try {
    const [command, ...rest] = argv;
    const args = parseArgs(rest);
    switch (command) {
      case 'check':
        allowOnly(args, ['--json', '--max-pattern-size', '--exit-zero']);
        if (args.positional.length === 0) throw new UsageError('check needs at least one path');
        return runCheck(collectJsonFiles(args.positional, (note) => output.err(note)), {
          json: args.flags.has('--json'),
          exitZero: args.flags.has('--exit-zero'),
          maxPatternSize: integerFlag(args, '--max-pattern-size', 2048, 1, 4096),
        }, output);
      case 'test':
        allowOnly(args, ['--json', '--no-envelope']);
        return runTest(args, output);
      case 'generate':
        allowOnly(args, ['--count', '--seed']);
        if (args.positional.length !== 1) throw new UsageError('generate needs one TOPIC');
        return runGenerate(args.positional[0] as string, {
          count: integerFlag(args, '--count', 1, 1, 100_000),
          seed: integerFlag(args, '--seed', 1, 0, 2 ** 32 - 1),
        }, output);
      case 'topics':
        allowOnly(args, []);
        return runTopics(output);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        output.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      output.err(`gebp: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof InputError) {
      output.err(`gebp: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

interface EventVerdict {
  valid: boolean;
  error: string | null;
  matched: boolean | null;
  explanation: string | null;
}

function runTest(args: ParsedArgs, output: Output): number {
  const [patternFile, ...eventFiles] = args.positional;
  if (patternFile === undefined || eventFiles.length === 0) {
    throw new UsageError('test needs a PATTERN file and at least one EVENT file');
  }
  const patternText = readText(patternFile);
  const result = compilePattern(patternText, { maxPatternSize: TEST_EVENT_PATTERN_MAX_SIZE });
  const lines = new LineIndex(patternText);
  const errors = result.problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => ({ reason: problem.reason, ...lines.locate(problem.offset) }));
  const requireEnvelope = !args.flags.has('--no-envelope');
  const labels: string[] = [];
  const events: EventVerdict[] = [];
  for (const file of eventFiles) {
    for (const input of readEvents(file)) {
      labels.push(input.label);
      const outcome = testCompiled(result.pattern, input.text, { requireEnvelope });
      if (outcome.eventError !== undefined) {
        events.push({
          valid: false,
          error: outcome.eventError,
          matched: null,
          explanation: outcome.eventErrorDetail ?? null,
        });
      } else if (outcome.match) {
        events.push({
          valid: true,
          error: null,
          matched: outcome.match.matched,
          explanation: outcome.match.matched ? null : explainMiss(outcome.match),
        });
      } else {
        // The event is fine but the pattern is not: there is no verdict to give.
        events.push({ valid: true, error: null, matched: null, explanation: null });
      }
    }
  }
  const patternValid = errors.length === 0;
  if (args.flags.has('--json')) {
    const report = { pattern: { valid: patternValid, errors }, events };
    output.out(JSON.stringify(report, null, 2));
    return 0;
  }
  for (const e of errors) {
    output.out(`${patternFile}:${e.line}:${e.column}: error: Event pattern is not valid. ` +
      `Reason: ${e.reason}`);
  }
  events.forEach((verdict, index) => {
    const label = labels[index] as string;
    if (!verdict.valid) {
      output.out(`${label}: invalid event: ${verdict.error} (${verdict.explanation})`);
    } else if (verdict.matched !== null) {
      output.out(`${label}: ${verdict.matched ? 'match' : verdict.explanation}`);
    }
  });
  return patternValid && events.every((verdict) => verdict.valid) ? 0 : 1;
}

if (require.main === module) {
  // `gebp check … | head` closes the pipe early; that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const code = main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text + '\n'),
    err: (text) => process.stderr.write(text + '\n'),
  });
  process.exitCode = code;
}
