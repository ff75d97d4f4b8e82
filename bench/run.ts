// `npm run bench`: how fast the engine matches Genesys events, as ratios against baselines
// measured in the same run (JSON.parse of the same texts, and the 1-rule row of each family).
// Absolute events/s depend on the machine and are printed only to make the ratios checkable;
// event-ruler's figures from RULER-BASELINE.md are shown beside them, labelled as what they are:
// another engine, measured in another run. Nothing here asserts a speed: the exit status is 1
// only when the engine fails (throws, rejects a workload event or rule, or disagrees with
// itself) or the bench cannot run at all, never because of a number.
//
// Settings (environment):
//   BENCH_EVENTS     events to generate (default 20000; the baseline used 200000)
//   BENCH_SEED       workload seed (default 1, the baseline's)
//   BENCH_TOTAL_S    time budget of all rows together, in seconds (default 150)
//   BENCH_ROW_MAX_S  most any one rule-set row may take, in seconds (default 10)
//   BENCH_ONLY       comma-separated families or rule sets, e.g. `exact,wildcard-1000`
//   BENCH_VERIFY=1   after timing a row that was cut short, match every event once, untimed,
//                    so that its matches and digest cover the whole workload
//   BENCH_KEEP=1     keep the generated workload; BENCH_WORKLOAD_DIR=<dir> reuses one
//   BENCH_WORKLOAD=own  use our own generator even when ../shared/bench is there

import { createHash } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import {
  CompiledPattern,
  compilePattern,
  eventFromNode,
  FlatEvent,
  eventMatches,
  parseEvent,
  parseJson,
} from '../src/engine';
import { count, micros, rate, ratio, table } from './format';
import { measure, Measurement, now, spread } from './measure';
import { readRulerBaseline, RulerBaseline } from './rulerBaseline';
import { loadWorkload, RuleSet, Workload } from './workload';

/** The engine failed; anything else that goes wrong is reported the same way, with exit 1. */
class EngineError extends Error {}

interface Settings {
  readonly events: number;
  readonly seed: string;
  readonly totalMs: number;
  readonly rowMaxMs: number;
  readonly only: readonly string[];
  readonly verify: boolean;
  readonly keep: boolean;
}

function settingsFromEnv(env: NodeJS.ProcessEnv): Settings {
  const positive = (name: string, fallback: number): number => {
    const value = Number(env[name]);
    return env[name] !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    events: Math.floor(positive('BENCH_EVENTS', 20_000)),
    seed: env.BENCH_SEED ?? '1',
    totalMs: positive('BENCH_TOTAL_S', 150) * 1e3,
    rowMaxMs: positive('BENCH_ROW_MAX_S', 10) * 1e3,
    only: (env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''),
    verify: env.BENCH_VERIFY === '1',
    keep: env.BENCH_KEEP === '1',
  };
}

/** Each same-run baseline gets this long; they are cheap and only need a stable median. */
const BASELINE_BUDGET_MS = 2_000;
/** The bench compares with what AWS accepts; 4096 is the largest pattern-size quota. */
const MAX_PATTERN_SIZE = 4096;

interface Verdicts {
  /** Matching rule indices of all events of the last pass, event after event. */
  readonly rules: number[];
  /** For the j-th event of the pass, the end of its entries in `rules`. */
  ends: Int32Array;
}

interface Prepared {
  readonly set: RuleSet;
  readonly patterns: readonly CompiledPattern[];
  readonly buildMs: number;
  parseAndMatch?: Measurement;
}

interface Row {
  readonly set: RuleSet;
  readonly buildMs: number;
  readonly parseAndMatch: Measurement;
  readonly flat: Measurement;
  /** Matches over the events `covered` (all of them when the row was not cut, or verified). */
  readonly matches: number;
  readonly eventsMatched: number;
  readonly covered: number;
  readonly sha256?: string;
  readonly notes: readonly string[];
}

function main(): number {
  const settings = settingsFromEnv(process.env);
  const repoRoot = resolve(__dirname, '..', '..');
  const started = now();
  const problems: string[] = [];

  console.log('# Engine benchmark (npm run bench)');
  console.log('');
  const cpu = cpus();
  console.log(
    `node ${process.version} ${process.execArgv.join(' ')}, ${cpu.length} × ` +
      `${cpu[0]?.model ?? 'unknown CPU'}, load average ${loadText()} at start`,
  );
  console.log(
    `budget: ${settings.totalMs / 1e3} s for all rows, at most ${settings.rowMaxMs / 1e3} s ` +
      'a row; warm-up, then the median of 3 timed passes per mode',
  );

  let workload: Workload | undefined;
  const cleanUp = (): void => {
    workload?.dispose();
    workload = undefined;
  };
  process.once('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });
  try {
    workload = loadWorkload({
      repoRoot,
      events: settings.events,
      seed: settings.seed,
      keep: settings.keep,
      ...(process.env.BENCH_WORKLOAD ? { source: process.env.BENCH_WORKLOAD } : {}),
      ...(process.env.BENCH_WORKLOAD_DIR ? { dir: process.env.BENCH_WORKLOAD_DIR } : {}),
    });
    for (const line of workload.description) console.log(line);
    const lines = workload.lines;
    console.log(
      `  ${count(lines.length)} events, ${(workload.bytes / 1e6).toFixed(1)} MB ` +
        `(${Math.round(workload.bytes / Math.max(lines.length, 1))} B/event), ` +
        `${workload.ruleSets.length} rule sets`,
    );
    if (lines.length === 0) throw new Error('the workload has no events');
    const rulerPath = resolve(repoRoot, '..', 'shared', 'bench', 'RULER-BASELINE.md');
    const ruler = readRulerBaseline(rulerPath);

    const prepared: Prepared[] = [];
    for (const set of workload.ruleSets.filter((s) => selected(s, settings.only))) {
      const built = build(set);
      if (built.rejected.length > 0) {
        problems.push(
          `${set.label}: ${built.rejected.length} rule(s) rejected, row skipped: ` +
            built.rejected[0],
        );
      } else {
        prepared.push({ set, ...built });
      }
    }
    const halfway = started + settings.totalMs / 2;
    const budget = (deadline: number, left: number): number =>
      Math.min(settings.rowMaxMs / 2, Math.max((deadline - now()) / left, 500));

    // Phase 1, text in. Only the event texts are in the heap, as for a consumer reading a
    // stream: holding every event pre-flattened as well makes V8's GC, and so parsing, several
    // times slower (seen at 5,000 events), which would be the bench's cost, not the engine's.
    const baselines = runTextBaselines(lines);
    prepared.forEach((p, i) => {
      p.parseAndMatch = measureText(p, lines, budget(halfway, prepared.length - i));
    });

    // Phase 2, events parsed and flattened beforehand, as event-ruler's tree mode has them.
    const flats = preflatten(lines);
    baselines.push(runFlattenBaseline(flats));
    printBaselines(baselines, ruler);
    const deadline = started + settings.totalMs;
    const rows = prepared.map((p, i) =>
      flatRow(p, flats, budget(deadline, prepared.length - i), settings.verify, problems),
    );
    const jsonParse = baselines[0]?.measurement.median ?? 0;
    printRows(rows, jsonParse);
    printRulerComparison(rows, ruler, workload);
    printNotes(rows, workload, settings);
  } catch (e) {
    cleanUp();
    const message = e instanceof Error ? e.stack ?? e.message : String(e);
    console.error(`bench: ${e instanceof EngineError ? 'engine error' : 'error'}: ${message}`);
    return 1;
  }
  cleanUp();
  console.log('');
  console.log(
    `total ${((now() - started) / 1e3).toFixed(0)} s, load average ${loadText()} at the end`,
  );
  if (problems.length > 0) {
    console.error(`bench: engine errors:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  return 0;
}

/** Other work on the machine shows here first; the bench cannot tell it from the engine. */
function loadText(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
}

function selected(set: RuleSet, only: readonly string[]): boolean {
  return only.length === 0 || only.includes(set.family) || only.includes(set.label);
}

/** Every event parsed and flattened once, before the flat-match passes. */
function preflatten(lines: readonly string[]): FlatEvent[] {
  const start = now();
  const flats = lines.map((line, i) => {
    const event = parseEvent(line);
    if (!event.ok) throw new EngineError(`event ${i}: ${event.error} (${event.detail})`);
    return event.event;
  });
  const heapMb = process.memoryUsage().heapUsed / 1e6;
  console.log(
    `  flat mode: all events parsed and flattened beforehand in ${seconds(now() - start)} s; ` +
      `JS heap ${heapMb.toFixed(0)} MB while the flat passes run`,
  );
  return flats;
}

function seconds(ms: number): string {
  return (ms / 1e3).toFixed(1);
}

function progress(text: string): void {
  process.stderr.write(`  ${text}\n`);
}

interface Baseline {
  readonly name: string;
  readonly what: string;
  readonly measurement: Measurement;
}

const BASELINE_OPTIONS = { budgetMs: BASELINE_BUDGET_MS };

/** Times a pass that accepts every event, and checks that it did. */
function baseline(total: number, pass: (indices: Int32Array) => number): Measurement {
  gc();
  const measurement = measure(total, pass, BASELINE_OPTIONS);
  for (const done of measurement.matches) {
    if (done !== measurement.timedEvents) {
      const timed = measurement.timedEvents;
      throw new EngineError(`a baseline pass accepted ${done} of ${timed} events`);
    }
  }
  return measurement;
}

function runTextBaselines(lines: readonly string[]): Baseline[] {
  const total = lines.length;
  // Each pass returns a count the caller checks, so the parse cannot be optimised away.
  const jsonParse = (indices: Int32Array): number => {
    let objects = 0;
    for (const i of indices) if (JSON.parse(lines[i] as string) !== null) objects++;
    return objects;
  };
  const ownParse = (indices: Int32Array): number => {
    let ok = 0;
    for (const i of indices) if (parseJson(lines[i] as string).ok) ok++;
    return ok;
  };
  const parseAndFlatten = (indices: Int32Array): number => {
    let ok = 0;
    for (const i of indices) if (parseEvent(lines[i] as string).ok) ok++;
    return ok;
  };
  return [
    {
      name: 'JSON.parse(text)',
      what: 'V8 builds plain objects: the denominator of every × JSON.parse below',
      measurement: baseline(total, jsonParse),
    },
    {
      name: 'parseJson(text)',
      what: 'our parser: nodes with offsets and raw number text',
      measurement: baseline(total, ownParse),
    },
    {
      name: 'parseEvent(text)',
      what: 'parse + envelope check + flatten: what p+m pays with 0 rules',
      measurement: baseline(total, parseAndFlatten),
    },
  ];
}

function runFlattenBaseline(flats: readonly FlatEvent[]): Baseline {
  const flattenOnly = (indices: Int32Array): number => {
    let ok = 0;
    for (const i of indices) if (eventFromNode((flats[i] as FlatEvent).root).ok) ok++;
    return ok;
  };
  return {
    name: 'eventFromNode(tree)',
    what: 'flatten only, on trees parsed beforehand (measured with them in the heap)',
    measurement: baseline(flats.length, flattenOnly),
  };
}

function printBaselines(baselines: readonly Baseline[], ruler: RulerBaseline | undefined): void {
  const jsonParse = baselines[0]?.measurement.median ?? 0;
  console.log('');
  console.log('## Same-run baselines (no rules)');
  console.log('');
  const rows = baselines.map((b) => [
    b.name,
    timedCell(b.measurement),
    `${rate(b.measurement.median)} (${rate(b.measurement.min)}–${rate(b.measurement.max)})`,
    micros(1 / b.measurement.median),
    ratio(b.measurement.median / jsonParse),
    b.what,
  ]);
  console.log(
    table(
      ['baseline', 'events timed', 'ev/s median (min–max)', 'µs/event', '× JSON.parse', 'what'],
      rows,
      ['left', 'right', 'right', 'right', 'right', 'left'],
    ),
  );
  if (ruler && (ruler.tokenScan !== undefined || ruler.readTree !== undefined)) {
    console.log('');
    console.log(
      'From another run, another engine (RULER-BASELINE.md, "JSON parsing alone", Jackson on ' +
        `the JVM): token scan ${rate(ruler.tokenScan ?? NaN)} ev/s, readTree ` +
        `${rate(ruler.readTree ?? NaN)} ev/s; our JSON.parse / readTree = ` +
        `${ratio(jsonParse / (ruler.readTree ?? NaN))} (two runs, two runtimes).`,
    );
  }
}

/**
 * Both modes record which rules matched each event in every pass, so that all passes cost the
 * same and the last one's answers can be digested without another pass.
 */
function matcher(
  patterns: readonly CompiledPattern[],
): (verdicts: Verdicts, j: number, event: FlatEvent) => number {
  return (verdicts, j, event) => {
    let matched = 0;
    for (let r = 0; r < patterns.length; r++) {
      if (eventMatches(patterns[r] as CompiledPattern, event)) {
        verdicts.rules.push(r);
        matched++;
      }
    }
    verdicts.ends[j] = verdicts.rules.length;
    return matched;
  };
}

function measureText(p: Prepared, lines: readonly string[], budgetMs: number): Measurement {
  const start = now();
  const record = matcher(p.patterns);
  const verdicts: Verdicts = { rules: [], ends: new Int32Array(0) };
  const pass = (indices: Int32Array): number => {
    reset(verdicts, indices.length);
    let matches = 0;
    for (let j = 0; j < indices.length; j++) {
      const i = indices[j] as number;
      const parsed = parseEvent(lines[i] as string);
      if (!parsed.ok) throw new EngineError(`event ${i}: ${parsed.error} (${parsed.detail})`);
      matches += record(verdicts, j, parsed.event);
    }
    return matches;
  };
  gc();
  const measurement = measure(lines.length, pass, { budgetMs });
  progress(`p+m  ${p.set.label}: ${seconds(now() - start)} s of ${seconds(budgetMs)}`);
  return measurement;
}

function flatRow(
  p: Prepared,
  flats: readonly FlatEvent[],
  budgetMs: number,
  verify: boolean,
  problems: string[],
): Row {
  const start = now();
  const set = p.set;
  const parseAndMatch = p.parseAndMatch as Measurement;
  const record = matcher(p.patterns);
  const verdicts: Verdicts = { rules: [], ends: new Int32Array(0) };
  const pass = (indices: Int32Array): number => {
    reset(verdicts, indices.length);
    let matches = 0;
    for (let j = 0; j < indices.length; j++) {
      matches += record(verdicts, j, flats[indices[j] as number] as FlatEvent);
    }
    return matches;
  };
  gc();
  const flat = measure(flats.length, pass, { budgetMs });
  const notes: string[] = [];
  for (const [mode, m] of [['p+m', parseAndMatch], ['flat', flat]] as const) {
    if (new Set(m.matches).size > 1) {
      const found = m.matches.join(', ');
      problems.push(`${set.label}: ${mode} passes found different matches: ${found}`);
    }
    if (m.shortened) notes.push(`${mode}: ${m.shortened}`);
  }
  // On the same events, text in and pre-flattened must give the same answers.
  if (
    parseAndMatch.indices.length === flat.indices.length &&
    parseAndMatch.matches[0] !== flat.matches[0]
  ) {
    problems.push(
      `${set.label}: p+m found ${parseAndMatch.matches[0]} matches and flat ` +
        `${flat.matches[0]} on the same events`,
    );
  }
  const total = flats.length;
  let indices = flat.indices;
  if (indices.length < total && verify) {
    const verifyStart = now();
    indices = spread(total, total);
    pass(indices);
    notes.push(`verified on all events, untimed, in ${((now() - verifyStart) / 1e3).toFixed(1)} s`);
  }
  const covered = indices.length;
  let eventsMatched = 0;
  let begin = 0;
  for (let j = 0; j < covered; j++) {
    const end = verdicts.ends[j] as number;
    if (end > begin) eventsMatched++;
    begin = end;
  }
  const row = {
    set,
    buildMs: p.buildMs,
    parseAndMatch,
    flat,
    matches: verdicts.rules.length,
    eventsMatched,
    covered,
    notes,
  };
  progress(`flat ${set.label}: ${seconds(now() - start)} s of ${seconds(budgetMs)}`);
  if (covered < total) return row;
  const names = set.rules.map(([name]) => name);
  return { ...row, sha256: digest(verdicts, indices, names) };
}

function reset(verdicts: Verdicts, events: number): void {
  verdicts.rules.length = 0;
  if (verdicts.ends.length !== events) verdicts.ends = new Int32Array(events);
}

/** RULER-BASELINE.md's digest: `<line index>\t<sorted rule names joined by ",">\n` per event. */
function digest(verdicts: Verdicts, indices: Int32Array, names: readonly string[]): string {
  const hash = createHash('sha256');
  let begin = 0;
  for (let j = 0; j < indices.length; j++) {
    const end = verdicts.ends[j] as number;
    if (end > begin) {
      const matched = verdicts.rules.slice(begin, end).map((r) => names[r] as string).sort();
      hash.update(`${indices[j]}\t${matched.join(',')}\n`, 'utf8');
    }
    begin = end;
  }
  return hash.digest('hex');
}

function build(set: RuleSet): { patterns: CompiledPattern[]; buildMs: number; rejected: string[] } {
  // The median of three builds, as the baseline's build ms is; compiling is cheap next to matching.
  const times: number[] = [];
  let patterns: CompiledPattern[] = [];
  const rejected: string[] = [];
  for (let round = 0; round < 3; round++) {
    const start = now();
    patterns = [];
    for (const [name, text] of set.rules) {
      const result = compilePattern(text, { maxPatternSize: MAX_PATTERN_SIZE });
      if (result.pattern) patterns.push(result.pattern);
      else if (round === 0) {
        const first = result.problems.find((p) => p.severity === 'error');
        rejected.push(`${name}: ${first?.reason ?? 'rejected'}`);
      }
    }
    times.push(now() - start);
  }
  times.sort((a, b) => a - b);
  return { patterns, buildMs: times[1] as number, rejected };
}

function gc(): void {
  // With --expose-gc (as `npm run bench` passes it) each mode starts without the garbage of the
  // previous one, which would otherwise be collected, and billed, in the middle of its passes.
  (globalThis as { gc?: () => void }).gc?.();
}

function timedCell(m: Measurement): string {
  return m.timedEvents === m.totalEvents
    ? count(m.timedEvents)
    : `${count(m.timedEvents)} (cut)`;
}

function familyName(family: string): string {
  return family === 'or' ? '$or' : family;
}

function printRows(rows: readonly Row[], jsonParse: number): void {
  const oneRule = new Map<string, Row>();
  for (const row of rows) if (row.set.size === 1) oneRule.set(row.set.family, row);
  console.log('');
  console.log('## Rule sets: same-run figures');
  console.log('');
  console.log(
    'p+m = parse + match (event text in: parseEvent, then eventMatches per rule); flat = ' +
      'eventMatches on events parsed and flattened beforehand. Ratios are of medians from this ' +
      'run: × JSON.parse against the JSON.parse baseline, × 1 rule against the same family and ' +
      'mode with 1 rule. µs/check = flat time per event ÷ rules. "(cut)": the timed passes ran ' +
      'on an evenly spread sample to stay in the row budget, and matches count that sample.',
  );
  console.log('');
  const body = rows.map((row) => {
    const one = oneRule.get(row.set.family);
    const pm = row.parseAndMatch.median;
    const fl = row.flat.median;
    return [
      familyName(row.set.family),
      String(row.set.size),
      row.buildMs.toFixed(1),
      timedCell(row.parseAndMatch),
      rate(pm),
      ratio(pm / jsonParse),
      ratio(one ? pm / one.parseAndMatch.median : undefined),
      timedCell(row.flat),
      rate(fl),
      ratio(fl / jsonParse),
      ratio(one ? fl / one.flat.median : undefined),
      micros(1 / fl / row.set.size),
      count(row.matches),
      count(row.eventsMatched),
      row.covered === row.flat.totalEvents ? 'all' : count(row.covered),
    ];
  });
  console.log(
    table(
      [
        'family',
        'rules',
        'build ms',
        'p+m events',
        'p+m ev/s',
        '× JSON.parse',
        '× 1 rule',
        'flat events',
        'flat ev/s',
        '× JSON.parse',
        '× 1 rule',
        'µs/check',
        'matches',
        'events matched',
        'over events',
      ],
      body,
      ['left', ...Array<'right'>(14).fill('right')],
    ),
  );
}

function printRulerComparison(
  rows: readonly Row[],
  ruler: RulerBaseline | undefined,
  workload: Workload,
): void {
  console.log('');
  console.log('## Beside event-ruler (from another run, another engine: informational only)');
  console.log('');
  if (!ruler) {
    console.log('RULER-BASELINE.md not found beside the clone: nothing to show.');
    return;
  }
  console.log(
    `Figures from ${ruler.path}: event-ruler 2.0.1 on the JVM, on its own run of the shared ` +
      'workload (200,000 events). "ours / ruler" divides our median from this run by that ' +
      'figure; it mixes two runs and two runtimes, so only the same-run ratios above are ' +
      'measurements. The ruler\'s tree mode includes flattening and ours (flat) does not. ' +
      '"× 1 rule" puts each engine\'s own scaling side by side, each taken within its own run.' +
      (workload.kind === 'own' ? ' This run used our own workload: other events and rules.' : ''),
  );
  console.log('');
  const oneRule = new Map<string, Row>();
  for (const row of rows) if (row.set.size === 1) oneRule.set(row.set.family, row);
  const body = rows.map((row) => {
    const theirs = ruler.rows.get(row.set.label);
    const theirOne = ruler.rows.get(`${row.set.family}-1`);
    const ours = oneRule.get(row.set.family);
    const pm = theirs?.parseAndMatch?.median;
    const tree = theirs?.parsedTree?.median;
    const theirOnePm = theirOne?.parseAndMatch?.median;
    const theirScaling = pm && theirOnePm ? pm / theirOnePm : undefined;
    const ourScaling = ours ? row.parseAndMatch.median / ours.parseAndMatch.median : undefined;
    return [
      familyName(row.set.family),
      String(row.set.size),
      rate(pm ?? NaN),
      ratio(pm ? row.parseAndMatch.median / pm : undefined),
      rate(tree ?? NaN),
      ratio(tree ? row.flat.median / tree : undefined),
      `${ratio(ourScaling)} / ${ratio(theirScaling)}`,
      theirs?.matches === undefined ? '–' : count(theirs.matches),
      agreement(row, ruler, workload),
    ];
  });
  console.log(
    table(
      [
        'family',
        'rules',
        'ruler p+m ev/s',
        'ours / ruler',
        'ruler tree ev/s',
        'ours flat / ruler tree',
        '× 1 rule p+m: ours / ruler',
        'ruler matches',
        'same answers?',
      ],
      body,
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
  );
}

function agreement(row: Row, ruler: RulerBaseline, workload: Workload): string {
  if (workload.notComparable) return 'n/a (other workload)';
  if (row.covered !== row.flat.totalEvents) return 'not checked (row cut; BENCH_VERIFY=1)';
  const theirs = ruler.digests.get(row.set.label);
  const counts = ruler.rows.get(row.set.label)?.matches ?? theirs?.matches;
  const parts: string[] = [];
  if (counts !== undefined) {
    parts.push(counts === row.matches ? 'matches same' : `matches DIFFER (${count(row.matches)})`);
  }
  if (theirs && row.sha256) {
    parts.push(theirs.sha256 === row.sha256 ? 'digest same' : 'digest DIFFERS');
  }
  return parts.length > 0 ? parts.join(', ') : 'no baseline figure';
}

function printNotes(rows: readonly Row[], workload: Workload, settings: Settings): void {
  console.log('');
  console.log('## Notes');
  console.log('');
  if (workload.notComparable) console.log(`* Answers not compared: ${workload.notComparable}.`);
  const cut = rows.filter((row) => row.parseAndMatch.timedEvents < row.parseAndMatch.totalEvents ||
    row.flat.timedEvents < row.flat.totalEvents);
  if (cut.length > 0) {
    console.log(
      `* ${cut.length} of ${rows.length} rows were cut to a sample to stay within their budget ` +
        `(${cut.map((row) => row.set.label).join(', ')}). Raise BENCH_TOTAL_S or ` +
        'BENCH_ROW_MAX_S to time more events.',
    );
  }
  for (const row of rows) for (const note of row.notes) console.log(`* ${row.set.label}: ${note}`);
  // Where the time goes, from this run's own figures: the engine has no shared machine, so
  // every rule is a separate eventMatches call and the cost per event grows with the rule count.
  const bySize = new Map<number, number[]>();
  for (const row of rows) {
    const list = bySize.get(row.set.size) ?? [];
    list.push(1e6 / row.flat.median / row.set.size);
    bySize.set(row.set.size, list);
  }
  const perCheck = [...bySize.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([size, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return `${size} rule${size === 1 ? '' : 's'}: ${micros((sorted[0] ?? 0) / 1e6)}–` +
        `${micros((sorted[sorted.length - 1] ?? 0) / 1e6)} µs per (event, rule)`;
    });
  if (perCheck.length > 0) {
    console.log(
      '* Where the time goes: rules are matched one by one (one eventMatches per rule per event; ' +
        'no shared automaton, no skipping of fields no rule names), so flat time per event is ' +
        `about rules × a per-rule cost: ${perCheck.join('; ')}. With text in, parseEvent adds ` +
        'the parse + flatten cost of the baseline table to every event.',
    );
  }
  console.log(
    '* The flat passes run with every event flattened in the heap (its size is printed at the ' +
      'top). V8\'s minor GCs slow down as that heap grows (7–44 ms each instead of about 1 ms ' +
      'with 200,000 events held, seen with --trace-gc), and eventMatches still allocates per ' +
      'call, so flat figures fall as BENCH_EVENTS grows: that is GC, not matching. The p+m ' +
      'passes run first, before anything is flattened, and do not pay for it.',
  );
  if (!settings.verify && !workload.notComparable) {
    console.log('* BENCH_VERIFY=1 matches every event of cut rows once more, untimed, to compare.');
  }
}

process.exitCode = main();
