// Where the events and rule sets come from. The project is judged on the shared workload
// (../shared/bench/gen_workload.py), so it is preferred; without it the bench still runs, on
// events from our own generator and rule sets written here, and says which one it used.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseJson } from '../src/engine';
import { ownWorkload } from './ownWorkload';

export interface RuleSet {
  /** As in the rule file names (`or`, not `$or`), as the baseline's digest table names it. */
  readonly family: string;
  readonly size: number;
  /** `<family>-<size>`, as in the file name and the baseline's digest table. */
  readonly label: string;
  /** Rule name and pattern text, in file order. */
  readonly rules: readonly (readonly [name: string, pattern: string])[];
}

export interface Workload {
  /** `shared`: gen_workload.py's, as RULER-BASELINE.md was measured on; `own`: the fallback. */
  readonly kind: 'shared' | 'own';
  /** Lines for the report header: what was generated, how, and where. */
  readonly description: readonly string[];
  readonly lines: readonly string[];
  readonly bytes: number;
  readonly ruleSets: readonly RuleSet[];
  /**
   * Why RULER-BASELINE.md's matches and digests do not apply to this workload; undefined when
   * they do (the shared generator, seed 1, 200,000 events).
   */
  readonly notComparable?: string;
  /** Removes the scratch directory, unless BENCH_KEEP=1 asked to keep it. */
  dispose(): void;
}

/** The order of RULER-BASELINE.md's table, so the two reports read side by side. */
export const FAMILY_ORDER = [
  'exact',
  'prefix',
  'suffix',
  'equals-ignore-case',
  'anything-but',
  'numeric',
  'exists',
  'wildcard',
  'or',
  'arrays',
  'mixed',
];

export const BASELINE_EVENTS = 200_000;
const BASELINE_SEED = '1';

export interface WorkloadOptions {
  readonly repoRoot: string;
  readonly events: number;
  readonly seed: string;
  readonly keep: boolean;
  /** 'own' forces our own generator even when the shared one is there. */
  readonly source?: string;
  /** A workload generated earlier (BENCH_KEEP=1) to reuse instead of generating one. */
  readonly dir?: string;
}

export function loadWorkload(options: WorkloadOptions): Workload {
  const sharedBench = resolve(options.repoRoot, '..', 'shared', 'bench');
  const script = join(sharedBench, 'gen_workload.py');
  if (options.dir) {
    const description = [`workload: reused from ${options.dir}`];
    return readSharedWorkload(resolve(options.dir), description, () => {
      // A directory the caller handed in is theirs to keep.
    });
  }
  if (options.source === 'own') {
    return ownWorkload(options.events, options.seed, 'BENCH_WORKLOAD=own');
  }
  if (!existsSync(script)) {
    return ownWorkload(options.events, options.seed, `${script} not found`);
  }
  const schemas = resolve(sharedBench, '..', 'reference', 'genesys', 'schemas');
  if (!existsSync(schemas)) {
    return ownWorkload(options.events, options.seed, `${schemas} (its --schemas) not found`);
  }
  return generateSharedWorkload(script, schemas, options);
}

function generateSharedWorkload(
  script: string,
  schemas: string,
  options: WorkloadOptions,
): Workload {
  // Older or newer copies of the script may lack --events; then it writes its default 200,000.
  const help = spawnSync('python3', [script, '--help'], { encoding: 'utf8' });
  if (help.error || help.status !== 0) {
    const why =
      help.error?.message ?? help.stderr.trim().split('\n').pop() ?? `status ${help.status}`;
    return ownWorkload(options.events, options.seed, `python3 ${script} --help failed: ${why}`);
  }
  const eventsFlag = help.stdout.includes('--events');
  const dir = mkdtempSync(join(tmpdir(), 'gebp-bench-'));
  const dispose = (): void => {
    if (options.keep) console.log(`workload kept in ${dir} (BENCH_WORKLOAD_DIR=${dir} reuses it)`);
    else rmSync(dir, { recursive: true, force: true });
  };
  const args = [script, '--schemas', schemas, '--out', dir, '--seed', options.seed];
  if (eventsFlag) args.push('--events', String(options.events));
  const started = Date.now();
  const run = spawnSync('python3', args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (run.error || run.status !== 0) {
    dispose();
    const why = run.error?.message ?? run.stderr.trim().split('\n').slice(-3).join(' / ');
    return ownWorkload(options.events, options.seed, `gen_workload.py failed: ${why}`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const description = [
    `workload: shared generator ${script}`,
    `  python3 gen_workload.py ${args.slice(1).join(' ')}  (${seconds} s)`,
  ];
  if (!eventsFlag) description.push('  (this gen_workload.py has no --events: default count used)');
  try {
    return readSharedWorkload(dir, description, dispose);
  } catch (e) {
    dispose();
    throw e;
  }
}

interface Manifest {
  readonly seed?: string;
  readonly events?: number;
}

function readSharedWorkload(dir: string, description: string[], dispose: () => void): Workload {
  const text = readFileSync(join(dir, 'events.jsonl'), 'utf8');
  const lines = text.split('\n').filter((line) => line.length > 0);
  const manifestPath = join(dir, 'manifest.json');
  const manifest: Manifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest)
    : {};
  const ruleSets = readdirSync(join(dir, 'rules'))
    .map((file) => /^(.+)-(\d+)\.json$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => {
      const file = join(dir, 'rules', m[0]);
      return {
        family: m[1] as string,
        size: Number(m[2]),
        label: `${m[1]}-${m[2]}`,
        rules: readRuleFile(file),
      };
    })
    .sort(byFamilyThenSize);
  const seed = manifest.seed ?? '?';
  let notComparable: string | undefined;
  if (seed !== BASELINE_SEED || lines.length !== BASELINE_EVENTS) {
    notComparable =
      `RULER-BASELINE.md's matches and digests are for seed ${BASELINE_SEED} with ` +
      `${BASELINE_EVENTS.toLocaleString('en-US')} events; this workload has seed ${seed} and ` +
      `${lines.length.toLocaleString('en-US')} events (a smaller --events gives other events, ` +
      'not a prefix), so answers are not compared. BENCH_EVENTS=200000 compares them';
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  const result = { kind: 'shared' as const, description, lines, bytes, ruleSets, dispose };
  return notComparable ? { ...result, notComparable } : result;
}

/**
 * The pattern texts exactly as written in the file (`{name: pattern}`), sliced out with our own
 * parser's offsets, so numbers keep their spelling as event-ruler's addRule saw it.
 */
function readRuleFile(file: string): [string, string][] {
  const text = readFileSync(file, 'utf8');
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(`${file}: parseJson rejected it: ${parsed.error.reason}`);
  if (parsed.root.type !== 'object') throw new Error(`${file}: not a JSON object`);
  return parsed.root.members.map((member) => [
    member.key,
    text.slice(member.value.offset, member.value.offset + member.value.length),
  ]);
}

export function byFamilyThenSize(a: RuleSet, b: RuleSet): number {
  const rank = (family: string): number => {
    const index = FAMILY_ORDER.indexOf(family);
    return index < 0 ? FAMILY_ORDER.length : index;
  };
  return rank(a.family) - rank(b.family) || a.family.localeCompare(b.family) || a.size - b.size;
}
