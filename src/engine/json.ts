// A strict JSON parser that keeps what EventBridge cares about and JSON.parse throws away: the
// offset of every node (for squiggles), the raw text of numbers (300 vs 300.0), duplicate keys
// (AWS keeps the last one silently), and syntax errors worded the way AWS words them. AWS parses
// patterns with Jackson, so the error texts below follow Jackson's, including its quirks.

export interface Span {
  /** UTF-16 offset of the first character of the node in the source text. */
  readonly offset: number;
  readonly length: number;
}

export interface JsonMember {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: JsonNode;
}

export interface JsonObject extends Span {
  readonly type: 'object';
  readonly members: JsonMember[];
}

export interface JsonArray extends Span {
  readonly type: 'array';
  readonly items: JsonNode[];
}

export interface JsonString extends Span {
  readonly type: 'string';
  readonly value: string;
}

export interface JsonNumber extends Span {
  readonly type: 'number';
  /** The number exactly as written, e.g. `300.0` or `3.0e2`. */
  readonly raw: string;
  readonly value: number;
}

export interface JsonBoolean extends Span {
  readonly type: 'boolean';
  readonly value: boolean;
}

export interface JsonNull extends Span {
  readonly type: 'null';
  readonly value: null;
}

export type JsonScalar = JsonString | JsonNumber | JsonBoolean | JsonNull;
export type JsonNode = JsonObject | JsonArray | JsonScalar;

export interface JsonSyntaxError extends Span {
  readonly reason: string;
}

export type JsonParseResult =
  | { readonly ok: true; readonly root: JsonNode; readonly trailing?: Span }
  | { readonly ok: false; readonly error: JsonSyntaxError };

export interface JsonParseOptions {
  /** Jackson's default StreamReadConstraints allow 1000 levels of nesting. */
  readonly maxDepth?: number;
}

export const DEFAULT_MAX_DEPTH = 1000;

const VALUE_EXPECTED =
  "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

class SyntaxFailure extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
    readonly length: number,
  ) {
    super(reason);
  }
}

/** Parses `text` as one JSON value. Never throws for bad input; deep nesting is bounded. */
export function parseJson(text: string, options: JsonParseOptions = {}): JsonParseResult {
  const parser = new Parser(text, options.maxDepth ?? DEFAULT_MAX_DEPTH);
  try {
    parser.skipWhitespace();
    if (parser.atEnd()) {
      throw new SyntaxFailure('No content to map due to end-of-input', 0, 0);
    }
    const root = parser.parseValue(0);
    parser.skipWhitespace();
    if (!parser.atEnd()) {
      // Jackson stops after the first value and does not complain about what follows; we report
      // it separately so callers can warn without claiming AWS would reject it.
      const offset = parser.position;
      return { ok: true, root, trailing: { offset, length: text.length - offset } };
    }
    return { ok: true, root };
  } catch (e) {
    if (e instanceof SyntaxFailure) {
      return { ok: false, error: { reason: e.reason, offset: e.offset, length: e.length } };
    }
    throw e;
  }
}

function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 32) {
    return `(CTRL-CHAR, code ${code})`;
  }
  return `('${ch}' (code ${code}))`;
}

function isIdentifierPart(ch: string): boolean {
  return /[\p{L}\p{N}_$]/u.test(ch);
}

class Parser {
  position = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  skipWhitespace(): void {
    const text = this.text;
    let i = this.position;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        i++;
      } else {
        break;
      }
    }
    this.position = i;
  }

  private unexpected(expectation: string): never {
    const ch = this.charAt(this.position);
    if (ch === '/' || ch === '#') {
      throw new SyntaxFailure(
        `Unexpected character ${describeChar(ch)}: maybe a (non-standard) comment? ` +
          "(not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)",
        this.position,
        1,
      );
    }
    throw new SyntaxFailure(
      `Unexpected character ${describeChar(ch)}: ${expectation}`,
      this.position,
      ch.length,
    );
  }

  private charAt(index: number): string {
    const code = this.text.codePointAt(index);
    return code === undefined ? '' : String.fromCodePoint(code);
  }

  private endOfInput(what: string, start: number): never {
    throw new SyntaxFailure(`Unexpected end-of-input: ${what}`, start, this.position - start);
  }

  parseValue(depth: number): JsonNode {
    const text = this.text;
    const start = this.position;
    const ch = text[start];
    switch (ch) {
      case '{':
        return this.parseObject(depth + 1);
      case '[':
        return this.parseArray(depth + 1);
      case '"':
        return this.stringNode(start);
      case '-':
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9':
        return this.parseNumber();
      default:
        if (ch !== undefined && isIdentifierPart(ch)) {
          return this.parseKeyword();
        }
        if (ch === undefined) {
          this.endOfInput(`expected a value ${VALUE_EXPECTED}`, start);
        }
        return this.unexpected(`expected a valid value ${VALUE_EXPECTED}`);
    }
  }

  private stringNode(start: number): JsonString {
    const value = this.parseString();
    return { type: 'string', value, offset: start, length: this.position - start };
  }

  private checkDepth(depth: number, start: number): void {
    if (depth > this.maxDepth) {
      throw new SyntaxFailure(
        `Document nesting depth (${depth}) exceeds the maximum allowed (${this.maxDepth}, from ` +
          '`StreamReadConstraints.getMaxNestingDepth()`)',
        start,
        1,
      );
    }
  }

  private parseObject(depth: number): JsonObject {
    const start = this.position;
    this.checkDepth(depth, start);
    this.position++; // {
    const members: JsonMember[] = [];
    this.skipWhitespace();
    if (this.text[this.position] === '}') {
      this.position++;
      return { type: 'object', members, offset: start, length: this.position - start };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.atEnd()) {
        this.endOfInput('expected close marker for Object', start);
      }
      if (this.text[this.position] !== '"') {
        this.unexpected('was expecting double-quote to start field name');
      }
      const keyStart = this.position;
      const key = this.parseString();
      const keySpan = { offset: keyStart, length: this.position - keyStart };
      this.skipWhitespace();
      if (this.atEnd()) {
        this.endOfInput('expected close marker for Object', start);
      }
      if (this.text[this.position] !== ':') {
        this.unexpected('was expecting a colon to separate field name and value');
      }
      this.position++;
      this.skipWhitespace();
      if (this.atEnd()) {
        this.endOfInput(`expected a value ${VALUE_EXPECTED}`, start);
      }
      const value = this.parseValue(depth);
      members.push({ key, keySpan, value });
      this.skipWhitespace();
      const next = this.text[this.position];
      if (next === ',') {
        this.position++;
        continue;
      }
      if (next === '}') {
        this.position++;
        return { type: 'object', members, offset: start, length: this.position - start };
      }
      if (next === undefined) {
        this.endOfInput('expected close marker for Object', start);
      }
      this.unexpected('was expecting comma to separate Object entries');
    }
  }

  private parseArray(depth: number): JsonArray {
    const start = this.position;
    this.checkDepth(depth, start);
    this.position++; // [
    const items: JsonNode[] = [];
    this.skipWhitespace();
    if (this.text[this.position] === ']') {
      this.position++;
      return { type: 'array', items, offset: start, length: this.position - start };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.atEnd()) {
        this.endOfInput('expected close marker for Array', start);
      }
      items.push(this.parseValue(depth));
      this.skipWhitespace();
      const next = this.text[this.position];
      if (next === ',') {
        this.position++;
        continue;
      }
      if (next === ']') {
        this.position++;
        return { type: 'array', items, offset: start, length: this.position - start };
      }
      if (next === undefined) {
        this.endOfInput('expected close marker for Array', start);
      }
      this.unexpected('was expecting comma to separate Array entries');
    }
  }

  /** Reads a string literal starting at the opening quote and returns its unescaped value. */
  private parseString(): string {
    const text = this.text;
    const start = this.position;
    let i = start + 1;
    let chunkStart = i;
    let value = '';
    for (;;) {
      if (i >= text.length) {
        this.position = i;
        this.endOfInput('was expecting closing quote for a string value', start);
      }
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        value += text.slice(chunkStart, i);
        this.position = i + 1;
        return value;
      }
      if (c < 0x20) {
        throw new SyntaxFailure(
          `Illegal unquoted character (${describeChar(text[i] ?? '')}): has to be ` +
            'escaped using backslash to be included in string value',
          i,
          1,
        );
      }
      if (c === 0x5c) {
        value += text.slice(chunkStart, i);
        i = this.readEscape(i, (decoded) => {
          value += decoded;
        });
        chunkStart = i;
        continue;
      }
      i++;
    }
  }

  /** Decodes the escape at `i` (the backslash); returns the index after it. */
  private readEscape(i: number, emit: (decoded: string) => void): number {
    const text = this.text;
    const kind = text[i + 1];
    if (kind === undefined) {
      this.position = i + 1;
      this.endOfInput('was expecting closing quote for a string value', i);
    }
    const simple: Record<string, string> = {
      '"': '"',
      '\\': '\\',
      '/': '/',
      b: '\b',
      f: '\f',
      n: '\n',
      r: '\r',
      t: '\t',
    };
    if (kind in simple) {
      emit(simple[kind] as string);
      return i + 2;
    }
    if (kind === 'u') {
      for (let k = i + 2; k < i + 6; k++) {
        const h = text[k];
        if (h === undefined) {
          this.position = k;
          this.endOfInput('was expecting closing quote for a string value', i);
        }
        if (!/[0-9a-fA-F]/.test(h)) {
          throw new SyntaxFailure(
            `Unexpected character ${describeChar(h)}: expected a hex-digit for character ` +
              'escape sequence',
            k,
            1,
          );
        }
      }
      emit(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)));
      return i + 6;
    }
    const ch = this.charAt(i + 1);
    throw new SyntaxFailure(
      `Unrecognized character escape ${describeChar(ch).slice(1, -1)}`,
      i,
      1 + ch.length,
    );
  }

  private parseNumber(): JsonNumber {
    const text = this.text;
    const start = this.position;
    let i = start;
    const digitsFrom = (from: number): number => {
      let k = from;
      while (k < text.length && text.charCodeAt(k) >= 0x30 && text.charCodeAt(k) <= 0x39) k++;
      return k;
    };
    const fail = (at: number, detail: string): never => {
      const ch = text[at];
      if (ch === undefined) {
        this.position = at;
        this.endOfInput(`in a Number value`, start);
      }
      throw new SyntaxFailure(
        `Unexpected character ${describeChar(ch)} in numeric value: ${detail}`,
        at,
        1,
      );
    };
    if (text[i] === '-') {
      i++;
      if (digitsFrom(i) === i) {
        fail(i, 'expected digit (0-9) to follow minus sign, for valid numeric value');
      }
    }
    if (text[i] === '0' && digitsFrom(i + 1) > i + 1) {
      throw new SyntaxFailure('Invalid numeric value: Leading zeroes not allowed', start, 1);
    }
    i = digitsFrom(i);
    if (text[i] === '.') {
      const fractionEnd = digitsFrom(i + 1);
      if (fractionEnd === i + 1) {
        fail(i + 1, 'Decimal point not followed by a digit');
      }
      i = fractionEnd;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      const exponentEnd = digitsFrom(i);
      if (exponentEnd === i) {
        fail(i, 'Exponent indicator not followed by a digit');
      }
      i = exponentEnd;
    }
    const raw = text.slice(start, i);
    this.position = i;
    return { type: 'number', raw, value: Number(raw), offset: start, length: i - start };
  }

  private parseKeyword(): JsonNode {
    const text = this.text;
    const start = this.position;
    let end = start;
    while (end < text.length && isIdentifierPart(text[end] as string)) end++;
    const word = text.slice(start, end);
    const span = { offset: start, length: end - start };
    this.position = end;
    if (word === 'true' || word === 'false') {
      return { type: 'boolean', value: word === 'true', ...span };
    }
    if (word === 'null') {
      return { type: 'null', value: null, ...span };
    }
    throw new SyntaxFailure(
      `Unrecognized token '${word}': was expecting ${VALUE_EXPECTED}`,
      start,
      end - start,
    );
  }
}

/**
 * 1-based lines and columns of UTF-16 offsets, counting \n, \r\n and \r as line breaks. Built
 * once per text, so locating thousands of findings stays linear.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) this.starts.push(i + 1);
    }
  }

  locate(offset: number): { line: number; column: number } {
    const target = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] as number) <= target) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: target - (this.starts[low] as number) + 1 };
  }
}

/** One-off lookup; use a LineIndex for many offsets in one text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  return new LineIndex(text).locate(offset);
}

/** Plain JavaScript value of a node (numbers as JS numbers; raw text is lost here on purpose). */
export function toPlainValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      // A null-prototype object keeps keys such as `__proto__` as ordinary data.
      const result: Record<string, unknown> = Object.create(null);
      for (const member of node.members) result[member.key] = toPlainValue(member.value);
      return result;
    }
    case 'array':
      return node.items.map(toPlainValue);
    default:
      return node.value;
  }
}
