// The `wildcard` operator (and the operand of `anything-but: {wildcard}`): parsing with
// event-ruler's error texts, linear-time matching, and event-ruler's complexity score.
//
// Pure leaf module: Node built-ins only, no vscode.

export type WildcardParse = { ok: true; segments: string[] } | { ok: false; reason: string };

/**
 * Rejected when the score is above this. Evidence (SPEC §3.11): AWS accepted patterns scoring
 * 1-9 (two `*\/datasync/*.<ext>` = 8, four `*.<ext>` = 8, three `*:stack/<name>/*` = 9) and
 * rejected 11 (`*:*:*:*:*:event-bus/*`), 12 (four `*:stack/<name>/*`) and 16 (four
 * datasync). So the limit is 9 or 10. event-ruler's README, describing a per-rule check,
 * suggests a limit of 10 together with at most 30 wildcard rules, which is exactly
 * EventBridge's quota of 30 wildcard rules per bus; we take 10.
 */
export const MAX_WILDCARD_COMPLEXITY = 10;

/**
 * Default ceiling for wildcardComplexity: the first score that is rejected. That answers
 * "too complex?" exactly and at once; pass a larger cap to report how far over a rule is.
 */
export const DEFAULT_COMPLEXITY_CAP = MAX_WILDCARD_COMPLEXITY + 1;

const ASTERISK = 0x2a;
const BACKSLASH = 0x5c;
const QUOTE = 0x22;
/** Symbol for an unescaped `*` in a tokenized pattern; bytes are 0..255. */
const STAR = -1;

type Tokens =
  | { ok: true; segments: string[]; symbols: number[] }
  | { ok: false; reason: string };

/**
 * Walks the operand the way event-ruler's WildcardParser walks its UTF-8 bytes. The ruler parses
 * the value wrapped in JSON quotes, so with `quoted` every reported position is one more than the
 * byte offset inside the operand (AWS: `arn:aws:events:us-east-1:**:...` -> pos 26, the first
 * star being byte 25 of the operand). A trailing backslash is then followed by the closing
 * quote, which is why it is an invalid escape rather than an end-of-input case.
 */
function tokenize(text: string, quoted: boolean): Tokens {
  const symbols: number[] = quoted ? [QUOTE] : [];
  const segments: string[] = [];
  let literal = '';
  for (let k = 0; k < text.length; k++) {
    const unit = text.charCodeAt(k);
    if (unit === ASTERISK) {
      if (text.charCodeAt(k + 1) === ASTERISK) {
        return { ok: false, reason: `Consecutive wildcard characters at pos ${symbols.length}` };
      }
      symbols.push(STAR);
      segments.push(literal);
      literal = '';
    } else if (unit === BACKSLASH) {
      const next = text.charCodeAt(k + 1);
      if (next !== ASTERISK && next !== BACKSLASH) {
        return { ok: false, reason: `Invalid escape character at pos ${symbols.length}` };
      }
      symbols.push(next);
      literal += text[k + 1];
      k++;
    } else {
      const end = pushUtf8(text, k, symbols);
      literal += text.slice(k, end + 1);
      k = end;
    }
  }
  segments.push(literal);
  if (quoted) symbols.push(QUOTE);
  return { ok: true, segments, symbols };
}

/**
 * Appends the UTF-8 bytes of the code point starting at unit `k` and returns the index of its
 * last unit. Java's String.getBytes turns a lone surrogate into `?`, so we do the same: it keeps
 * positions and machine shapes identical to the ruler's for such (rare) strings.
 */
function pushUtf8(text: string, k: number, out: number[]): number {
  const unit = text.charCodeAt(k);
  if (unit < 0x80) {
    out.push(unit);
  } else if (unit < 0x800) {
    out.push(0xc0 | (unit >> 6), 0x80 | (unit & 0x3f));
  } else if (unit >= 0xd800 && unit <= 0xdbff) {
    const low = text.charCodeAt(k + 1);
    if (low >= 0xdc00 && low <= 0xdfff) {
      const cp = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
      out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f),
        0x80 | (cp & 0x3f));
      return k + 1;
    }
    out.push(0x3f);
  } else if (unit >= 0xdc00 && unit <= 0xdfff) {
    out.push(0x3f);
  } else {
    out.push(0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f));
  }
  return k;
}

/**
 * Parses a wildcard operand (already JSON-unescaped). `*` = any run of chars; `\*` literal star,
 * `\\` literal backslash. Errors are event-ruler's, with its byte positions (see tokenize).
 */
export function parseWildcard(pattern: string): WildcardParse {
  const tokens = tokenize(pattern, true);
  return tokens.ok ? { ok: true, segments: tokens.segments } : tokens;
}

/**
 * segments = literal pieces between stars (length = stars + 1). Linear-ish in the value length:
 * after pinning the first and last piece, each middle piece is taken at its leftmost occurrence,
 * which is always safe for star-only globs (a later occurrence never leaves more room).
 */
export function matchWildcard(segments: readonly string[], value: string): boolean {
  const first = segments[0] ?? '';
  if (segments.length <= 1) return value === first;
  const last = segments[segments.length - 1];
  if (value.length < first.length + last.length) return false;
  if (!value.startsWith(first) || !value.endsWith(last)) return false;
  let from = first.length;
  const limit = value.length - last.length;
  for (let s = 1; s < segments.length - 1; s++) {
    const piece = segments[s];
    if (piece === '') continue;
    const at = value.indexOf(piece, from);
    if (at < 0 || at + piece.length > limit) return false;
    from = at + piece.length;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Complexity: event-ruler's MachineComplexityEvaluator applied to the ByteMachine that holds one
// field's patterns. The score depends on the exact shape of the ruler's automaton (which states
// it shares between patterns, where it duplicates them), so we build that same shape and walk it
// the same way. Only wildcard-type patterns are modelled: measured against event-ruler 2.0.1 on
// 3,600 random rules, adding exact, prefix, suffix, equals-ignore-case, anything-but, numeric,
// cidr or exists patterns to the same field never changed the score.

/** One operand that takes part in the score. */
export interface WildcardOperand {
  /**
   * 'wildcard' for `{"wildcard": v}`; 'anything-but-wildcard' for
   * `{"anything-but": {"wildcard": v | [v, ...]}}`. An anything-but list is ONE ruler pattern, so
   * `["a*aaa", "aa*aa"]` scores lower (6) than the same two values as separate operands (7).
   */
  readonly kind: 'wildcard' | 'anything-but-wildcard';
  readonly values: readonly string[];
}

/** A bare string is shorthand for a plain `{"wildcard": s}` operand. */
export type WildcardComplexityInput = string | WildcardOperand;

export interface ComplexityOptions {
  /** Stop and return this as soon as the score reaches it (the ruler's maxComplexity). */
  readonly cap?: number;
  /**
   * true (default): operands as EventBridge hands them to the ruler, wrapped in JSON quotes.
   * false: values used verbatim, as event-ruler's own unit tests feed its ByteMachine.
   */
  readonly quoted?: boolean;
  /** Work allowed before giving up and returning `cap` (see WALK_BUDGET). */
  readonly budget?: number;
}

/**
 * The score for the wildcard and anything-but-wildcard operands of one field path in one rule,
 * in pattern order. This is what lands in one ruler ByteMachine when the rule has no `$or`
 * branches that reach the field (see wildcardComplexityOfBranches). Duplicates count the way
 * they do in the ruler: a repeated pattern can add a duplicate branch. Returns min(score, cap).
 * Work is bounded: a walk that would visit more than a fixed budget of edges reports `cap`.
 * Throws if an operand does not parse; validate with parseWildcard first.
 */
export function wildcardComplexity(
  patterns: readonly WildcardComplexityInput[],
  options: ComplexityOptions = {},
): number {
  return wildcardComplexityOfBranches([patterns], options);
}

/**
 * Like wildcardComplexity for several expanded `$or` branches (sub-rules) whose operands land in
 * the same ByteMachine, i.e. they reach the field through the same preceding fields and
 * patterns. Each inner list is one branch's operands for the field, in order. Branches matter
 * apart from plain concatenation only in rare duplicate cases: each branch starts the ruler's
 * chain of next-states afresh, which changes which matches compare equal.
 */
export function wildcardComplexityOfBranches(
  branches: readonly (readonly WildcardComplexityInput[])[],
  options: ComplexityOptions = {},
): number {
  const cap = options.cap ?? DEFAULT_COMPLEXITY_CAP;
  const quoted = options.quoted ?? true;
  const machine = new ByteMachine();
  for (const branch of branches) {
    // The ruler threads one next-state through a field's patterns, starting from none.
    let nameState: number | undefined;
    for (const item of branch) {
      const operand: WildcardOperand =
        typeof item === 'string' ? { kind: 'wildcard', values: [item] } : item;
      if (operand.kind === 'wildcard' && operand.values.length !== 1) {
        throw new TypeError('a wildcard operand has exactly one value');
      }
      // Pattern identity is the ruler's Patterns.equals: type plus value (or value set).
      const key = operand.kind === 'wildcard'
        ? `w\u0000${operand.values[0]}`
        : `a\u0000${[...new Set(operand.values)].sort().join('\u0000')}`;
      const values = operand.kind === 'wildcard'
        ? operand.values
        : javaHashSetOrder(operand.values.map((v) => (quoted ? `"${v}"` : v)))
          .map((v) => (quoted ? v.slice(1, -1) : v));
      for (const value of values) {
        const tokens = tokenize(value, quoted);
        if (!tokens.ok) throw new Error(tokens.reason);
        nameState = machine.add(key, tokens.symbols, nameState);
      }
    }
  }
  return machine.evaluate(cap, options.budget ?? WALK_BUDGET);
}

/**
 * The order in which Java iterates a fresh HashSet<String> filled with `values` (duplicates
 * dropped). The ruler keeps anything-but operand lists in such a set, so this is the order in
 * which it adds them to its machine and in which it reports the first bad one. Tree bins (more
 * than 8 colliding hashes in a table of 64+) are not modelled.
 */
export function javaHashSetOrder(values: readonly string[]): string[] {
  let capacity = 16;
  let table: string[][] = Array.from({ length: capacity }, () => []);
  // Growing keeps each bin's order and splits it between two bins, which is the same as
  // re-inserting everything in iteration order.
  const rebuild = (size: number, order: string[]): void => {
    table = Array.from({ length: size }, () => []);
    for (const v of order) table[spreadHash(v) & (size - 1)].push(v);
  };
  const present = new Set<string>();
  for (const value of values) {
    if (present.has(value)) continue;
    present.add(value);
    const bin = table[spreadHash(value) & (capacity - 1)];
    bin.push(value);
    // A bin reaching 9 entries makes HashMap grow instead of treeifying while small.
    if (bin.length >= 9 && capacity < 64) {
      capacity *= 2;
      rebuild(capacity, table.flat());
    }
    if (present.size > capacity * 0.75) {
      capacity *= 2;
      rebuild(capacity, table.flat());
    }
  }
  return table.flat();
}

/** java.lang.String.hashCode followed by HashMap's spreading of the high bits. */
function spreadHash(text: string): number {
  let h = 0;
  for (let k = 0; k < text.length; k++) h = (Math.imul(31, h) + text.charCodeAt(k)) | 0;
  return h ^ (h >>> 16);
}

// --- the automaton --------------------------------------------------------------------------

let nextEdgeId = 0;

/** A state of the byte NFA. It doubles as the transition "move to this state". */
class State {
  readonly kind = 'state' as const;
  readonly id = nextEdgeId++;
  /** Edges taken on every byte (from `*`). */
  readonly anyByte = new Set<Edge>();
  /** Edges taken on one byte, in addition to anyByte. */
  readonly perByte = new Map<number, Set<Edge>>();
  constructor(public indeterminate: boolean) {}
}

/** A transition that both completes a pattern and moves to a state. */
class Composite {
  readonly kind = 'composite' as const;
  readonly id = nextEdgeId++;
  constructor(readonly next: State, readonly match: Match) {}
}

/**
 * A transition that completes a pattern and leads on to the ruler's next name state. Ruler
 * matches compare equal when both agree, so there is one object per (pattern, name state).
 */
class Match {
  readonly kind = 'match' as const;
  readonly id = nextEdgeId++;
  constructor(readonly pattern: number, readonly nameState: number) {}
}

type Edge = State | Composite | Match;

function nextOf(edge: Edge): State | undefined {
  if (edge.kind === 'state') return edge;
  return edge.kind === 'composite' ? edge.next : undefined;
}

function matchOf(edge: Edge): Match | undefined {
  if (edge.kind === 'match') return edge;
  return edge.kind === 'composite' ? edge.match : undefined;
}

/** What every byte leads to: the intersection of all 256 edge sets. */
function anyByteEdges(state: State): Edge[] {
  if (state.perByte.size < 256) return [...state.anyByte];
  let common: Edge[] | undefined;
  for (const edges of state.perByte.values()) {
    const all = new Set([...state.anyByte, ...edges]);
    common = common === undefined ? [...all] : common.filter((e) => all.has(e));
  }
  return common ?? [];
}

function edgesOnByte(state: State, byte: number): Edge[] {
  const extra = state.perByte.get(byte);
  if (extra === undefined) return [...state.anyByte];
  return [...new Set([...state.anyByte, ...extra])];
}

function edgesOn(state: State, symbol: number): Edge[] {
  return symbol === STAR ? anyByteEdges(state) : edgesOnByte(state, symbol);
}

/** The state a (possibly compound) transition moves to, preferring one with a fixed prefix,
 * since only those can be shared by a later pattern. */
function preferredNext(edges: readonly Edge[]): State | undefined {
  if (edges.length === 1) return nextOf(edges[0]);
  let fallback: State | undefined;
  for (const edge of edges) {
    const next = nextOf(edge);
    if (next === undefined) continue;
    if (!next.indeterminate) return next;
    fallback ??= next;
  }
  return fallback;
}

function addOnByte(state: State, byte: number, edge: Edge): void {
  let set = state.perByte.get(byte);
  if (set === undefined) {
    set = new Set();
    state.perByte.set(byte, set);
  }
  set.add(edge);
}

/**
 * Whether event-ruler would see two paths out of `state` that meet again when adding the
 * character starting at symbols[i]; sharing the next state is then unsafe. Besides a `*` edge
 * out of the state, the ruler also assumes it for any character with distinct upper and lower
 * case (equals-ignore-case paths), even in a machine that has no such pattern.
 */
function pathsMayConverge(state: State, symbols: readonly number[], i: number): boolean {
  const b = symbols[i];
  if (b === STAR) return false;
  // Inside a multi-byte character every step is a single transition.
  if (b >= 0x80 && b <= 0xbf) return false;
  const any = anyByteEdges(state);
  if (any.length > 0 && !(any.length === 1 && any[0] === state)) return true;
  return hasCaseVariants(symbols, i);
}

/** Decodes the character at symbols[i] as the ruler does (1, 2 or else 3 bytes) and reports
 * whether its lower- and upper-case forms differ. */
function hasCaseVariants(symbols: readonly number[], i: number): boolean {
  const lead = symbols[i];
  const width = lead <= 0x7f ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : 3;
  const bytes: number[] = [];
  for (let k = i; k < i + width && k < symbols.length && symbols[k] !== STAR; k++) {
    bytes.push(symbols[k]);
  }
  const ch = new TextDecoder().decode(Uint8Array.from(bytes)).charAt(0);
  return ch !== '' && ch.toLowerCase() !== ch.toUpperCase();
}

/**
 * Work budget for evaluate (edges handled while scoring and expanding sets): about 0.3 s.
 * Below the default cap nothing comes near it. With a large cap, rules far over the limit
 * (dozens of independent `*` states) would otherwise take exponential time, in the ruler too:
 * event-ruler needs about 10 s, uncapped, for some 8-operand rules scoring in the thirties.
 */
const WALK_BUDGET = 2_000_000;

class ByteMachine {
  private readonly start = new State(false);
  /** A pattern that is just `*` (only possible unquoted) matches at the start state. */
  private startMatch = false;
  private readonly patternIds = new Map<string, number>();
  private readonly matches = new Map<string, Match>();
  private nameStates = 0;

  private matchFor(pattern: number, nameState: number): Match {
    const key = `${pattern}/${nameState}`;
    let match = this.matches.get(key);
    if (match === undefined) {
      match = new Match(pattern, nameState);
      this.matches.set(key, match);
    }
    return match;
  }

  /**
   * Adds one value of a pattern, mirroring the ruler's addMatchValue. `nameState` is the
   * candidate next state (undefined: a new one); returns the one the pattern's match leads to.
   */
  add(key: string, symbols: readonly number[], nameState: number | undefined): number {
    let pattern = this.patternIds.get(key);
    if (pattern === undefined) {
      pattern = this.patternIds.size;
      this.patternIds.set(key, pattern);
    }
    const candidate = nameState ?? this.nameStates++;
    const n = symbols.length;
    // Only an unquoted "" can get here empty; the ruler fails on it too.
    if (n === 0) throw new Error('empty wildcard pattern');
    if (n === 1 && symbols[0] === STAR) {
      this.startMatch = true;
      return candidate;
    }
    // Follow existing states as long as they can be shared.
    let state = this.start;
    let prev: State | undefined;
    let i = 0;
    for (; i < n - 1; i++) {
      const edges = edgesOn(state, symbols[i]);
      if (edges.length === 0) break;
      let reuse: State | undefined;
      for (const edge of edges) {
        const next = nextOf(edge);
        if (next !== undefined && this.canShare(state, next, symbols, i)) {
          reuse = next;
          break;
        }
      }
      if (reuse === undefined) break;
      prev = state;
      state = reuse;
    }
    return this.addTail(state, prev, symbols, i, this.matchFor(pattern, candidate));
  }

  private canShare(state: State, next: State, symbols: readonly number[], i: number): boolean {
    if (next === state) return false;
    const n = symbols.length;
    if (!next.indeterminate) return !(i === n - 2 && symbols[n - 1] === STAR);
    return !pathsMayConverge(state, symbols, i);
  }

  /** The ruler's addEndOfMatch, minus the shortcut handling that only exact patterns use. */
  private addTail(
    state: State, prev: State | undefined, symbols: readonly number[], from: number, match: Match,
  ): number {
    const n = symbols.length;
    let j = from;
    // Step through determinate states; a bare match in the way gets a state behind it.
    for (; j < n - 1; j++) {
      if (j === n - 2 && symbols[j + 1] === STAR) break;
      const edges = edgesOn(state, symbols[j]);
      if (edges.length === 0) break;
      const next = preferredNext(edges);
      if (next !== undefined) {
        if (next.indeterminate) break;
        prev = state;
        state = next;
      } else {
        const fresh = new State(state.indeterminate);
        const old = edges[0] as Match;
        const set = state.perByte.get(symbols[j]);
        set?.delete(old);
        addOnByte(state, symbols[j], new Composite(fresh, old));
        prev = state;
        state = fresh;
      }
    }
    // Build new states for the rest.
    for (; j < n - 1; j++) {
      const next = this.findOrMakeNext(state, prev, symbols, j, match);
      prev = state;
      state = next;
    }
    return this.insertMatch(symbols, n - 1, state, match, prev);
  }

  private findOrMakeNext(
    state: State, prev: State | undefined, symbols: readonly number[], j: number, match: Match,
  ): State {
    const n = symbols.length;
    const symbol = symbols[j];
    const existing = preferredNext(edgesOn(state, symbol));
    if (existing !== undefined && !existing.indeterminate &&
        !(j === n - 2 && symbols[j + 1] === STAR)) {
      return existing;
    }
    const next = new State(state.indeterminate);
    if (symbol === STAR) {
      // `*` gets its own self-looping state so other patterns through `state` are unaffected.
      next.anyByte.add(next);
      next.indeterminate = true;
      state.anyByte.add(next);
      return next;
    }
    let edge: Edge = next;
    if (symbols[n - 1] === STAR && j === n - 2) {
      // Trailing `*`: the step into it already completes the pattern.
      edge = new Composite(next, match);
      next.indeterminate = true;
    }
    addOnByte(state, symbol, edge);
    // The `*` before this character may also match the empty string.
    if (prev !== undefined && symbols[j - 1] === STAR) addOnByte(prev, symbol, edge);
    return next;
  }

  private insertMatch(
    symbols: readonly number[], idx: number, state: State, match: Match, prev: State | undefined,
  ): number {
    const symbol = symbols[idx];
    // The same pattern already ends here (whatever its next state): reuse it.
    for (const edge of edgesOn(state, symbol)) {
      const found = matchOf(edge);
      if (found !== undefined && found.pattern === match.pattern) return found.nameState;
    }
    if (symbol === STAR) {
      // Trailing `*`: loop on a copy of the composite that entered this state, so the entering
      // step and the looping step count as two live prefixes.
      const entry = prev === undefined ? undefined
        : edgesOn(prev, symbols[idx - 1]).find((e) => nextOf(e) === state);
      if (entry === undefined || entry.kind !== 'composite') {
        throw new Error('unexpected machine shape for a trailing wildcard');
      }
      state.anyByte.add(new Composite(entry.next, entry.match));
      state.indeterminate = true;
      return match.nameState;
    }
    addOnByte(state, symbol, match);
    // As in findOrMakeNext: the `*` before the last character may match nothing.
    if (prev !== undefined && idx === symbols.length - 1 && symbols[idx - 1] === STAR) {
      addOnByte(prev, symbol, match);
    }
    return match.nameState;
  }

  /**
   * The ruler's evaluate(): breadth-first over the sets of edges that one input prefix can have
   * taken together; a set scores the patterns reachable from each edge in it, plus those behind
   * the `*` edges of the states it reaches (an input that matches `foo` also sits in `foo*`).
   */
  evaluate(cap: number, budgetLimit: number): number {
    const bonus = this.startMatch ? 1 : 0;
    const reach = new Reachability();
    const seen = new Set<string>();
    // Sets with the same live states have the same successors: expand each only once.
    const expanded = new Set<string>();
    const queue: Edge[][] = [];
    let budget = budgetLimit;
    const expand = (states: State[]): void => {
      const key = idKey(states);
      if (expanded.has(key)) return;
      expanded.add(key);
      for (const t of states) budget -= t.perByte.size + t.anyByte.size + 1;
      for (const { edges, key: setKey } of successorSets(states)) {
        budget -= edges.length;
        if (!seen.has(setKey)) {
          seen.add(setKey);
          queue.push(edges);
        }
      }
    };
    expand([this.start]);
    let best = 0;
    for (let q = 0; q < queue.length; q++) {
      // Out of budget: call it too complex rather than hang (the ruler itself would hang).
      if (budget < 0) return cap + bonus;
      const edges = queue[q];
      let size = 0;
      const members = new Set(edges);
      const targets = new Set<State>();
      for (const edge of edges) {
        size += reach.count(edge);
        const next = nextOf(edge);
        if (next === undefined) continue;
        targets.add(next);
        for (const loop of anyByteEdges(next)) {
          if (!members.has(loop)) size += reach.count(loop);
        }
      }
      budget -= edges.length;
      if (size >= cap) return cap + bonus;
      if (size > best) best = size;
      if (targets.size > 0) expand([...targets]);
    }
    return best + bonus;
  }
}

function idKey(items: readonly { readonly id: number }[]): string {
  const ids = new Int32Array(items.length);
  for (let k = 0; k < items.length; k++) ids[k] = items[k].id;
  return ids.sort().join(',');
}

/**
 * For a set of simultaneously live states: the distinct non-empty edge sets, one per byte that
 * some state names explicitly, plus one for all the other bytes.
 */
function successorSets(states: readonly State[]): { edges: Edge[]; key: string }[] {
  const base = new Set<Edge>();
  const bytes = new Set<number>();
  for (const s of states) {
    for (const e of s.anyByte) base.add(e);
    for (const b of s.perByte.keys()) bytes.add(b);
  }
  const baseEdges = [...base];
  const out: { edges: Edge[]; key: string }[] = [];
  for (const b of bytes) {
    const extra = new Set<Edge>();
    for (const s of states) {
      for (const e of s.perByte.get(b) ?? []) if (!base.has(e)) extra.add(e);
    }
    const edges = extra.size === 0 ? baseEdges : baseEdges.concat([...extra]);
    if (edges.length > 0) out.push({ edges, key: idKey(edges) });
  }
  // Every byte not named explicitly behaves alike.
  if (bytes.size < 256 && baseEdges.length > 0) {
    out.push({ edges: baseEdges, key: idKey(baseEdges) });
  }
  return out;
}

/** Patterns reachable from each edge, memoized (the ruler's matches-accessible map). */
class Reachability {
  private readonly memo = new Map<Edge, ReadonlySet<number>>();
  private readonly children = new Map<State, Edge[]>();

  count(edge: Edge): number {
    return this.of(edge).size;
  }

  private childrenOf(edge: Edge): Edge[] {
    const state = nextOf(edge);
    if (state === undefined) return [];
    let out = this.children.get(state);
    if (out === undefined) {
      const all = new Set<Edge>(state.anyByte);
      for (const set of state.perByte.values()) for (const e of set) all.add(e);
      out = [...all];
      this.children.set(state, out);
    }
    return out;
  }

  private of(root: Edge): ReadonlySet<number> {
    const done = this.memo.get(root);
    if (done !== undefined) return done;
    // Iterative post-order: patterns can be thousands of bytes long. The only cycles are
    // self-loops, whose own contribution is already in the set being built.
    const open = new Set<Edge>();
    const stack: Edge[] = [root];
    while (stack.length > 0) {
      const edge = stack[stack.length - 1];
      if (this.memo.has(edge)) {
        stack.pop();
        continue;
      }
      const children = this.childrenOf(edge);
      if (!open.has(edge)) {
        open.add(edge);
        for (const child of children) {
          if (!this.memo.has(child) && !open.has(child)) stack.push(child);
        }
        continue;
      }
      this.memo.set(edge, this.union(matchOf(edge), children));
      open.delete(edge);
      stack.pop();
    }
    return this.memo.get(root) ?? new Set();
  }

  /** Copy-on-write union: along a chain every state reaches the same patterns, so most
   * states can share their successor's set instead of allocating one. */
  private union(own: Match | undefined, children: readonly Edge[]): ReadonlySet<number> {
    let result: ReadonlySet<number> | undefined;
    let owned: Set<number> | undefined;
    const add = (p: number): void => {
      if (result?.has(p)) return;
      owned ??= new Set(result);
      owned.add(p);
      result = owned;
    };
    for (const child of children) {
      const set = this.memo.get(child);
      if (set === undefined || set === result) continue;
      if (result === undefined) result = set;
      else for (const p of set) add(p);
    }
    if (own !== undefined) add(own.pattern);
    return result ?? new Set();
  }
}
