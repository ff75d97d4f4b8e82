// Timing one mode of one row: a warm-up, then three timed passes, all inside a time budget.
// When passes over every event would not fit the budget, the passes run over an evenly spread
// sample of the events instead, and the result says so: a bench that silently takes an hour
// gets skipped, while a shorter honest one gets run.

/**
 * One pass over the events at `indices`. It returns the number of (event, rule) matches, so
 * that the work cannot be optimised away and the passes can be checked against each other.
 */
export type Pass = (indices: Int32Array) => number;

export interface Measurement {
  /** Events per second of each timed pass, in the order they ran. */
  readonly rates: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Events each timed pass covered, and the size of the workload they were drawn from. */
  readonly timedEvents: number;
  readonly totalEvents: number;
  /** The evenly spread sample the timed passes ran over (all events when not cut). */
  readonly indices: Int32Array;
  /** (event, rule) matches found by each timed pass. */
  readonly matches: readonly number[];
  /** Why fewer than three timed passes ran, if they did. */
  readonly shortened?: string;
}

export interface MeasureOptions {
  readonly budgetMs: number;
  readonly passes?: number;
  /** Share of the budget the warm-up may use; it also estimates the speed of the mode. */
  readonly warmupShare?: number;
  /** A sample is never smaller than this, even if that overruns the budget. */
  readonly minEvents?: number;
}

/** Events per warm-up chunk: small enough that the deadline is checked often. */
const WARMUP_CHUNK = 256;

export function measure(totalEvents: number, pass: Pass, options: MeasureOptions): Measurement {
  const passes = options.passes ?? 3;
  const budgetMs = options.budgetMs;
  const warmupMs = budgetMs * (options.warmupShare ?? 0.2);
  const minEvents = Math.min(totalEvents, options.minEvents ?? 200);

  // Warm-up chunks interleave across the whole workload (chunk c holds events c, c + s, c + 2s…)
  // because the events are in time order: a prefix would be mostly conversation starts.
  const stride = Math.max(1, Math.ceil(totalEvents / WARMUP_CHUNK));
  const warmupStart = now();
  let warmed = 0;
  for (let chunk = 0; chunk < stride; chunk++) {
    const indices = interleaved(totalEvents, stride, chunk);
    pass(indices);
    warmed += indices.length;
    if (now() - warmupStart >= warmupMs) break;
  }
  const warmupElapsed = now() - warmupStart;
  const estimatedRate = warmed / Math.max(warmupElapsed, 1e-3) * 1e3;

  // Size the timed passes to what is left of the budget; 0.9 leaves room for an unlucky pass.
  const leftMs = Math.max(budgetMs - warmupElapsed, 0);
  const fit = Math.floor((estimatedRate * leftMs * 0.9) / 1e3 / passes);
  const timedEvents = Math.max(minEvents, Math.min(totalEvents, fit));
  const indices = spread(totalEvents, timedEvents);
  const plannedMs = (timedEvents / estimatedRate) * 1e3;

  const rates: number[] = [];
  const matches: number[] = [];
  let shortened: string | undefined;
  const passesStart = now();
  for (let i = 0; i < passes; i++) {
    const start = now();
    matches.push(pass(indices));
    const elapsed = now() - start;
    rates.push((indices.length / Math.max(elapsed, 1e-3)) * 1e3);
    // A pass far slower than the warm-up predicted (GC, a noisy neighbour) must not turn a
    // 4-second row into a minute: stop with what has been measured and say so.
    const spent = warmupElapsed + (now() - passesStart);
    if (i < passes - 1 && spent + elapsed > budgetMs * 1.5) {
      shortened = `${i + 1} of ${passes} timed passes: a pass took ${elapsed.toFixed(0)} ms ` +
        `where the warm-up predicted ${plannedMs.toFixed(0)} ms`;
      break;
    }
  }
  const sorted = [...rates].sort((a, b) => a - b);
  const measurement = {
    rates,
    median: median(sorted),
    min: sorted[0] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
    timedEvents: indices.length,
    totalEvents,
    indices,
    matches,
  };
  return shortened ? { ...measurement, shortened } : measurement;
}

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Milliseconds from a monotonic clock. */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** `count` indices out of `total`, evenly spread, in increasing order (all of them if equal). */
export function spread(total: number, count: number): Int32Array {
  const indices = new Int32Array(count);
  for (let i = 0; i < count; i++) indices[i] = Math.floor((i * total) / count);
  return indices;
}

function interleaved(total: number, stride: number, offset: number): Int32Array {
  const length = offset < total ? Math.ceil((total - offset) / stride) : 0;
  const indices = new Int32Array(length);
  for (let i = 0; i < length; i++) indices[i] = offset + i * stride;
  return indices;
}
