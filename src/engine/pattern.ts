// Pattern compilation: JSON text → validated per-path tests, with `$or` expanded into
// alternatives. The checks, their order and their reason texts follow what AWS does (SPEC §1.2,
// §3, §6, §7): AWS reports only the first rejection; we report that one first and keep going, so
// an editor can show every independent problem at once.

import { JsonArray, JsonMember, JsonNode, JsonObject, parseJson, Span } from './json';
import { Problem, ProblemCode } from './problems';
import { foldCase } from './operators/casefold';
import { comparableValue } from './operators/numbers';
import {
  CidrRange,
  ipKey,
  parseCidr,
  parseIpAddress,
} from './operators/cidr';
import {
  MAX_WILDCARD_COMPLEXITY,
  parseWildcard,
  wildcardComplexity,
  WildcardOperand,
} from './operators/wildcard';

export interface NumericBound {
  readonly value: number;
  readonly inclusive: boolean;
}

interface ConditionBase {
  /** The condition as written in the pattern, for explanations. */
  readonly text: string;
  readonly span: Span;
}

export type Condition = ConditionBase &
  (
    | { readonly kind: 'exact-string'; readonly value: string; readonly ipKey?: string }
    | { readonly kind: 'exact-number'; readonly raw: string; readonly value?: number }
    | { readonly kind: 'exact-literal'; readonly value: boolean | null }
    | { readonly kind: 'exactly'; readonly value: string }
    | { readonly kind: 'prefix' | 'suffix'; readonly value: string; readonly ignoreCase: boolean }
    | { readonly kind: 'equals-ignore-case'; readonly folded: string }
    | { readonly kind: 'numeric'; readonly lower?: NumericBound; readonly upper?: NumericBound }
    | { readonly kind: 'exists'; readonly value: boolean }
    | { readonly kind: 'cidr'; readonly range: CidrRange }
    | { readonly kind: 'wildcard'; readonly operand: string; readonly segments: string[] }
    | { readonly kind: 'anything-but'; readonly exclusion: Exclusion }
  );

/** What an anything-but excludes. A value passes when it is not excluded (SPEC §3.6). */
export type Exclusion =
  | {
      readonly form: 'values';
      readonly strings: ReadonlySet<string>;
      readonly numbers: readonly { raw: string; value?: number }[];
    }
  | { readonly form: 'prefix' | 'suffix'; readonly values: readonly string[] }
  | { readonly form: 'equals-ignore-case'; readonly folded: readonly string[] }
  | {
      readonly form: 'wildcard';
      readonly operands: readonly string[];
      readonly segments: readonly string[][];
    };

/** One leaf list of the pattern: the path it tests and the alternatives, any of which may hold. */
export interface FieldTest {
  /** Keys joined with dots; EventBridge treats dotted keys and nesting as the same path. */
  readonly path: string;
  readonly keySpan: Span;
  readonly listSpan: Span;
  readonly conditions: readonly Condition[];
}

/** One alternative after `$or` expansion: every field test must hold. */
export type Branch = readonly FieldTest[];

export interface CompiledPattern {
  readonly branches: readonly Branch[];
}

export interface PatternOptions {
  /** PutRule's "Event pattern size" quota: 2048 by default, adjustable up to 4096. */
  readonly maxPatternSize?: number;
}

export const DEFAULT_MAX_PATTERN_SIZE = 2048;
export const MAX_OR_COMBINATIONS = 1000;
export const MAX_FIELDS_PER_RULE = 256;

export interface PatternResult {
  /** Present when AWS would accept the pattern. */
  readonly pattern?: CompiledPattern;
  /** Errors first in the order AWS checks them, then warnings. */
  readonly problems: readonly Problem[];
  readonly root?: JsonNode;
}

const OPERATORS = new Set([
  'prefix',
  'suffix',
  'equals-ignore-case',
  'anything-but',
  'numeric',
  'exists',
  'cidr',
  'wildcard',
  'exactly',
]);

/** Field names event-ruler refuses directly inside a `$or` branch. */
const RESERVED_IN_OR = new Set([
  ...OPERATORS,
  '=',
  '<',
  '<=',
  '>',
  '>=',
  'regex',
  'not-wildcard',
  'not-equals-ignore-case',
  'date-after',
  'date-on-or-after',
  'date-before',
  'date-on-or-before',
  'in-date-range',
  'ip-address-in-range',
  'ip-address-not-in-range',
]);

/** A compiled object before `$or` expansion: its own leaves, nested objects and `$or` groups. */
interface Shape {
  readonly leaves: FieldTest[];
  readonly nested: Shape[];
  readonly ors: Shape[][];
}

export function compilePattern(text: string, options: PatternOptions = {}): PatternResult {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { reason, offset, length } = parsed.error;
    return { problems: [error(ProblemCode.jsonSyntax, reason, { offset, length })] };
  }
  const compiler = new Compiler(text);
  const root = parsed.root;
  if (parsed.trailing) {
    compiler.warn(
      ProblemCode.trailingContent,
      'Text after the end of the pattern: AWS reads the first JSON value and ignores the rest',
      parsed.trailing,
    );
  }
  if (root.type !== 'object') {
    compiler.fail(ProblemCode.filterNotObject, 'Filter is not an object', root);
    return compiler.result(undefined, root);
  }
  if (root.members.length === 0) {
    // A pattern with no test at all would match every event; the ruler refuses it.
    compiler.fail(ProblemCode.emptyObject, 'Empty objects are not allowed', root);
    return compiler.result(undefined, root);
  }
  const shape = compiler.compileObject(root, '', false);
  compiler.checkSize(root, options.maxPatternSize ?? DEFAULT_MAX_PATTERN_SIZE);
  if (compiler.hasErrors()) return compiler.result(undefined, root);

  const combinations = countCombinations(shape);
  if (combinations > MAX_OR_COMBINATIONS) {
    const orSpan = firstOrSpan(root) ?? root;
    compiler.fail(
      ProblemCode.tooManyCombinations,
      `The $or expressions expand to ${formatCount(combinations)} rule combinations; ` +
        `EventBridge allows at most ${MAX_OR_COMBINATIONS}`,
      orSpan,
    );
    return compiler.result(undefined, root);
  }
  const expanded = expand(shape);
  compiler.warnSamePath(expanded);
  const branches = expanded.map(lastOccurrenceWins);
  compiler.checkBranches(branches);
  if (compiler.hasErrors()) return compiler.result(undefined, root);
  return compiler.result({ branches }, root);
}

function error(code: ProblemCode, reason: string, span: Span): Problem {
  return { code, severity: 'error', reason, offset: span.offset, length: span.length };
}

class Compiler {
  private readonly errors: Problem[] = [];
  private readonly warnings: Problem[] = [];

  constructor(private readonly text: string) {}

  fail(code: ProblemCode, reason: string, span: Span): void {
    this.errors.push(error(code, reason, span));
  }

  warn(code: ProblemCode, reason: string, span: Span): void {
    const { offset, length } = span;
    this.warnings.push({ code, severity: 'warning', reason, offset, length });
  }

  hasErrors(): boolean {
    return this.errors.length > 0;
  }

  result(pattern: CompiledPattern | undefined, root: JsonNode): PatternResult {
    const problems = [...this.errors, ...this.warnings];
    return pattern ? { pattern, problems, root } : { problems, root };
  }

  private source(span: Span): string {
    return this.text.slice(span.offset, span.offset + span.length);
  }

  compileObject(object: JsonObject, prefix: string, inOrBranch: boolean): Shape {
    const shape: Shape = { leaves: [], nested: [], ors: [] };
    this.warnDuplicates(object.members);
    for (const member of object.members) {
      if (member.key === '$or') {
        const branches = this.compileOr(member, prefix);
        if (branches) shape.ors.push(branches);
        continue;
      }
      if (inOrBranch && RESERVED_IN_OR.has(member.key)) {
        this.fail(
          ProblemCode.invalidOr,
          `${member.key} is Ruler reserved fieldName which cannot be used inside $or.`,
          member.keySpan,
        );
        continue;
      }
      const path = prefix === '' ? member.key : `${prefix}.${member.key}`;
      const value = member.value;
      if (value.type === 'object') {
        if (value.members.length === 0) {
          this.fail(ProblemCode.emptyObject, 'Empty objects are not allowed', value);
        } else {
          // The ruler refuses reserved names at every depth below a `$or` branch.
          shape.nested.push(this.compileObject(value, path, inOrBranch));
        }
      } else if (value.type === 'array') {
        const conditions = this.compileList(value);
        if (conditions) {
          shape.leaves.push({ path, keySpan: member.keySpan, listSpan: spanOf(value), conditions });
        }
      } else {
        this.fail(
          ProblemCode.valueNotObjectOrArray,
          `"${member.key}" must be an object or an array`,
          value,
        );
      }
    }
    return shape;
  }

  /**
   * One path written twice in different ways (`"a.b"` and `"a": {"b": …}`): as with duplicate
   * keys, EventBridge keeps only the later one. Same-object duplicates are reported already.
   */
  warnSamePath(branches: readonly FieldTest[][]): void {
    const reported = new Set<number>();
    for (const branch of branches) {
      const byPath = new Map<string, FieldTest>();
      for (const test of branch) {
        const other = byPath.get(test.path);
        byPath.set(test.path, test);
        if (!other || this.sameObjectDuplicate(other, test)) continue;
        const [earlier] = [other, test].sort((a, b) => a.keySpan.offset - b.keySpan.offset);
        if (!earlier || reported.has(earlier.keySpan.offset)) continue;
        reported.add(earlier.keySpan.offset);
        this.warn(
          ProblemCode.duplicateKey,
          `${test.path} is written twice (dotted and nested); EventBridge keeps only the last`,
          earlier.keySpan,
        );
      }
    }
  }

  private sameObjectDuplicate(a: FieldTest, b: FieldTest): boolean {
    const key = this.source(a.keySpan);
    return key === this.source(b.keySpan) && !key.includes('.');
  }

  private warnDuplicates(members: readonly JsonMember[]): void {
    const lastIndex = new Map<string, number>();
    members.forEach((member, index) => lastIndex.set(member.key, index));
    members.forEach((member, index) => {
      if (lastIndex.get(member.key) !== index) {
        this.warn(
          ProblemCode.duplicateKey,
          `Duplicate key "${member.key}": EventBridge silently keeps only the last one`,
          member.keySpan,
        );
      }
    });
  }

  private compileOr(member: JsonMember, prefix: string): Shape[] | undefined {
    const value = member.value;
    if (value.type !== 'array') {
      this.fail(ProblemCode.invalidOr, 'It must be an Array followed with $or.', value);
      return undefined;
    }
    if (value.items.length < 2) {
      this.fail(
        ProblemCode.invalidOr,
        'There must have at least 2 Objects in $or relationship.',
        value,
      );
      return undefined;
    }
    const branches: Shape[] = [];
    for (const item of value.items) {
      if (item.type !== 'object') {
        this.fail(
          ProblemCode.invalidOr,
          'Only JSON object is allowed in array of $or relationship.',
          item,
        );
      } else if (item.members.length === 0) {
        this.fail(ProblemCode.emptyObject, 'Empty objects are not allowed', item);
      } else {
        branches.push(this.compileObject(item, prefix, true));
      }
    }
    return branches;
  }

  private compileList(list: JsonArray): Condition[] | undefined {
    if (list.items.length === 0) {
      this.fail(ProblemCode.emptyArray, 'Empty arrays are not allowed', list);
      return undefined;
    }
    const conditions: Condition[] = [];
    const errorsBefore = this.errors.length;
    for (const item of list.items) {
      const condition = this.compileMatchValue(item);
      if (condition) conditions.push(condition);
    }
    return this.errors.length === errorsBefore ? conditions : undefined;
  }

  private compileMatchValue(item: JsonNode): Condition | undefined {
    const base = { text: this.source(item), span: spanOf(item) };
    switch (item.type) {
      case 'string': {
        // A string that reads as an IP address also matches other spellings of that address.
        const ip = parseIpAddress(item.value);
        return ip
          ? { ...base, kind: 'exact-string', value: item.value, ipKey: ipKey(ip) }
          : { ...base, kind: 'exact-string', value: item.value };
      }
      case 'number':
        return { ...base, kind: 'exact-number', raw: item.raw, value: comparableValue(item.raw) };
      case 'boolean':
      case 'null':
        return { ...base, kind: 'exact-literal', value: item.value };
      case 'array':
        this.fail(
          ProblemCode.invalidMatchValue,
          'Match value must be String, number, true, false, or null',
          item,
        );
        return undefined;
      case 'object':
        return this.compileExpression(item, base);
    }
  }

  /** A one-key operator object such as `{"prefix": "x"}`. */
  private compileExpression(expression: JsonObject, base: ConditionBase): Condition | undefined {
    const [first, second] = expression.members;
    if (!first) {
      this.fail(ProblemCode.invalidMatchExpression, 'Match expression name not found', expression);
      return undefined;
    }
    const condition = this.compileOperator(first, base);
    if (condition && second) {
      this.fail(
        ProblemCode.invalidMatchExpression,
        'Only one key allowed in match expression',
        second.keySpan,
      );
      return undefined;
    }
    return condition;
  }

  private compileOperator(operator: JsonMember, base: ConditionBase): Condition | undefined {
    const operand = operator.value;
    switch (operator.key) {
      case 'prefix':
      case 'suffix':
        return this.compileAffix(operator.key, operand, base);
      case 'equals-ignore-case':
        if (operand.type !== 'string') {
          return this.reject(
            ProblemCode.invalidEqualsIgnoreCase,
            'equals-ignore-case match pattern must be a string',
            operand,
          );
        }
        return { ...base, kind: 'equals-ignore-case', folded: foldCase(operand.value) };
      case 'exactly':
        if (operand.type !== 'string') {
          return this.reject(
            ProblemCode.invalidExactly,
            'exactly match pattern must be a string',
            operand,
          );
        }
        return { ...base, kind: 'exactly', value: operand.value };
      case 'exists':
        if (operand.type !== 'boolean') {
          return this.reject(
            ProblemCode.invalidExists,
            'exists match pattern must be either true or false.',
            operand,
          );
        }
        return { ...base, kind: 'exists', value: operand.value };
      case 'cidr':
        return this.compileCidr(operand, base);
      case 'wildcard':
        return this.compileWildcard(operand, base);
      case 'numeric':
        return this.compileNumeric(operand, base);
      case 'anything-but':
        return this.compileAnythingBut(operand, base);
      default:
        return this.reject(
          ProblemCode.unknownOperator,
          `Unrecognized match type ${operator.key}`,
          operator.keySpan,
        );
    }
  }

  private reject(code: ProblemCode, reason: string, span: Span): undefined {
    this.fail(code, reason, span);
    return undefined;
  }

  private compileAffix(
    kind: 'prefix' | 'suffix',
    operand: JsonNode,
    base: ConditionBase,
  ): Condition | undefined {
    const code = kind === 'prefix' ? ProblemCode.invalidPrefix : ProblemCode.invalidSuffix;
    if (operand.type === 'string') {
      return { ...base, kind, value: operand.value, ignoreCase: false };
    }
    if (operand.type !== 'object') {
      return this.reject(code, `${kind} match pattern must be a string`, operand);
    }
    const [inner, extra] = operand.members;
    if (!inner) {
      const name = kind === 'prefix' ? 'Prefix' : 'Suffix';
      return this.reject(code, `${name} expression name not found`, operand);
    }
    if (inner.key !== 'equals-ignore-case') {
      return this.reject(code, `Unsupported ${kind} pattern: ${inner.key}`, inner.keySpan);
    }
    if (inner.value.type !== 'string') {
      return this.reject(
        ProblemCode.invalidEqualsIgnoreCase,
        'equals-ignore-case match pattern must be a string',
        inner.value,
      );
    }
    if (extra) {
      return this.reject(
        ProblemCode.invalidMatchExpression,
        'Only one key allowed in match expression',
        extra.keySpan,
      );
    }
    return { ...base, kind, value: foldCase(inner.value.value), ignoreCase: true };
  }

  private compileCidr(operand: JsonNode, base: ConditionBase): Condition | undefined {
    if (operand.type !== 'string') {
      // AWS really does say "prefix" here.
      return this.reject(ProblemCode.invalidCidr, 'prefix match pattern must be a string', operand);
    }
    const parsed = parseCidr(operand.value);
    if (!parsed.ok) return this.reject(ProblemCode.invalidCidr, parsed.reason, operand);
    return { ...base, kind: 'cidr', range: parsed.range };
  }

  private compileWildcard(operand: JsonNode, base: ConditionBase): Condition | undefined {
    if (operand.type !== 'string') {
      return this.reject(
        ProblemCode.invalidWildcard,
        'wildcard match pattern must be a string',
        operand,
      );
    }
    const parsed = parseWildcard(operand.value);
    if (!parsed.ok) return this.reject(ProblemCode.invalidWildcard, parsed.reason, operand);
    return { ...base, kind: 'wildcard', operand: operand.value, segments: parsed.segments };
  }

  private compileNumeric(operand: JsonNode, base: ConditionBase): Condition | undefined {
    const code = ProblemCode.invalidNumeric;
    if (operand.type !== 'array') {
      return this.reject(code, 'Value of numeric must be an array.', operand);
    }
    const items = operand.items;
    const readTerm = (index: number): { op: string; value: number } | undefined => {
      const opNode = items[index] as JsonNode;
      if (opNode.type !== 'string') {
        return this.reject(code, `Invalid member in numeric match: ${this.source(opNode)}`, opNode);
      }
      const op = opNode.value;
      if (!['=', '<', '<=', '>', '>='].includes(op)) {
        return this.reject(code, `Unrecognized numeric range operator: ${op}`, opNode);
      }
      const valueNode = items[index + 1];
      const label = op === '=' ? 'equals' : op;
      if (!valueNode || valueNode.type !== 'number') {
        return this.reject(code, `Value of ${label} must be numeric`, valueNode ?? opNode);
      }
      const value = comparableValue(valueNode.raw);
      if (value === undefined) {
        return this.reject(code, `Cannot compare number : ${valueNode.raw}`, valueNode);
      }
      return { op, value };
    };
    if (items.length === 0) {
      // Not recorded on AWS; the ruler fails on the closing bracket.
      return this.reject(code, 'Invalid member in numeric match: ]', operand);
    }
    const first = readTerm(0);
    if (!first) return undefined;
    const bound = (op: string, value: number): NumericBound => ({
      value,
      inclusive: op.endsWith('=') ,
    });
    if (first.op === '=' || first.op.startsWith('<')) {
      if (items.length > 2) {
        return this.reject(code, 'Too many elements in numeric expression', items[2] as JsonNode);
      }
      if (first.op === '=') {
        const exact = { value: first.value, inclusive: true };
        return { ...base, kind: 'numeric', lower: exact, upper: exact };
      }
      return { ...base, kind: 'numeric', upper: bound(first.op, first.value) };
    }
    const lower = bound(first.op, first.value);
    if (items.length === 2) return { ...base, kind: 'numeric', lower };
    const secondOp = items[2] as JsonNode;
    if (secondOp.type === 'string' && !['<', '<='].includes(secondOp.value)) {
      return this.reject(code, `Bad numeric range operator: ${secondOp.value}`, secondOp);
    }
    const second = readTerm(2);
    if (!second) return undefined;
    if (items.length > 4) {
      return this.reject(
        code,
        'Too many terms in numeric range expression',
        items[4] as JsonNode,
      );
    }
    if (!(lower.value < second.value)) {
      return this.reject(code, 'Bottom must be less than top', operand);
    }
    return { ...base, kind: 'numeric', lower, upper: bound(second.op, second.value) };
  }

  private compileAnythingBut(operand: JsonNode, base: ConditionBase): Condition | undefined {
    const code = ProblemCode.invalidAnythingBut;
    const make = (exclusion: Exclusion): Condition =>
      ({ ...base, kind: 'anything-but', exclusion });
    switch (operand.type) {
      case 'string':
        return make({ form: 'values', strings: new Set([operand.value]), numbers: [] });
      case 'number': {
        if (comparableValue(operand.raw) === undefined) {
          return this.reject(code, `Cannot compare number : ${operand.raw}`, operand);
        }
        const number = { raw: operand.raw, value: comparableValue(operand.raw) };
        return make({ form: 'values', strings: new Set(), numbers: [number] });
      }
      case 'null':
        return this.reject(
          code,
          'Value of anything-but must be an array or single string/number value.',
          operand,
        );
      case 'boolean':
        return this.reject(
          code,
          'Inside anything-but list, start|null|boolean is not supported.',
          operand,
        );
      case 'array':
        return this.compileAnythingButList(operand, make);
      case 'object':
        return this.compileAnythingButExpression(operand, make);
    }
  }

  private compileAnythingButList(
    list: JsonArray,
    make: (exclusion: Exclusion) => Condition,
  ): Condition | undefined {
    const code = ProblemCode.invalidAnythingBut;
    const strings = new Set<string>();
    const numbers: { raw: string; value?: number }[] = [];
    for (const item of list.items) {
      if (item.type === 'string') {
        strings.add(item.value);
      } else if (item.type === 'number') {
        const value = comparableValue(item.raw);
        if (value === undefined) {
          return this.reject(code, `Cannot compare number : ${item.raw}`, item);
        }
        numbers.push({ raw: item.raw, value });
      } else {
        return this.reject(
          code,
          'Inside anything but list, start|null|boolean is not supported.',
          item,
        );
      }
    }
    if (list.items.length === 0 || (strings.size > 0 && numbers.length > 0)) {
      return this.reject(
        code,
        'Inside anything but list, either all values are number or string, ' +
          'mixed type is not supported',
        list,
      );
    }
    return make({ form: 'values', strings, numbers });
  }

  private compileAnythingButExpression(
    expression: JsonObject,
    make: (exclusion: Exclusion) => Condition,
  ): Condition | undefined {
    const code = ProblemCode.invalidAnythingBut;
    const [inner, extra] = expression.members;
    if (!inner) {
      return this.reject(code, 'Anything-But expression name not found', expression);
    }
    let condition: Condition | undefined;
    switch (inner.key) {
      case 'prefix':
      case 'suffix': {
        const values = this.anythingButAffixes(inner.value);
        if (values) condition = make({ form: inner.key, values });
        break;
      }
      case 'equals-ignore-case': {
        const values = this.stringOperands(
          inner.value,
          'Inside anything-but/equals-ignore-case list, ' +
            'number|start|null|boolean is not supported.',
          ProblemCode.invalidAnythingBut,
        );
        if (values) condition = make({ form: 'equals-ignore-case', folded: values.map(foldCase) });
        break;
      }
      case 'wildcard': {
        const operands = this.stringOperands(
          inner.value,
          'wildcard match pattern must be a string',
          ProblemCode.invalidWildcard,
        );
        if (!operands) break;
        const segments: string[][] = [];
        for (const operand of operands) {
          const parsed = parseWildcard(operand);
          if (!parsed.ok) {
            return this.reject(ProblemCode.invalidWildcard, parsed.reason, inner.value);
          }
          segments.push(parsed.segments);
        }
        condition = make({ form: 'wildcard', operands, segments });
        break;
      }
      default:
        return this.reject(code, `Unsupported anything-but pattern: ${inner.key}`, inner.keySpan);
    }
    if (condition && extra) {
      return this.reject(
        ProblemCode.invalidMatchExpression,
        'Only one key allowed in match expression',
        extra.keySpan,
      );
    }
    return condition;
  }

  /** anything-but prefix/suffix: one non-empty string or a list of them. */
  private anythingButAffixes(operand: JsonNode): string[] | undefined {
    const code = ProblemCode.invalidAnythingBut;
    if (operand.type === 'object') {
      return this.reject(
        code,
        'Value of anything-but must be an array or single string/number value.',
        operand,
      );
    }
    const items = operand.type === 'array' ? operand.items : [operand];
    const values: string[] = [];
    for (const item of items) {
      if (item.type !== 'string') {
        return this.reject(code, 'prefix/suffix match pattern must be a string', item);
      }
      if (item.value === '') {
        return this.reject(code, 'Null prefix/suffix not allowed', item);
      }
      values.push(item.value);
    }
    if (values.length === 0) {
      return this.reject(code, 'prefix/suffix match pattern must be a string', operand);
    }
    return values;
  }

  /** One string or a non-empty list of strings, else `reason`. */
  private stringOperands(
    operand: JsonNode,
    reason: string,
    code: ProblemCode,
  ): string[] | undefined {
    const items = operand.type === 'array' ? operand.items : [operand];
    const values: string[] = [];
    for (const item of items) {
      if (item.type !== 'string') return this.reject(code, reason, item);
      values.push(item.value);
    }
    if (values.length === 0) return this.reject(code, reason, operand);
    return values;
  }

  /**
   * PutRule counts the pattern as sent. Tools such as Terraform's jsonencode send it minified,
   * `aws events put-rule --event-pattern file://…` sends the file as written; the minified size
   * is what AWS rejects for certain, the size as written is worth a warning.
   */
  checkSize(root: JsonNode, limit: number): void {
    const asWritten = this.source(root).length;
    const minified = minifiedLength(this.source(root));
    if (minified > limit) {
      this.fail(
        ProblemCode.patternTooLarge,
        `Event pattern is ${minified} characters even without white space; the limit is ` +
          `${limit} (the "Event pattern size" quota: 2048 by default, adjustable up to 4096)`,
        { offset: root.offset, length: 1 },
      );
    } else if (asWritten > limit) {
      this.warn(
        ProblemCode.patternSizeAsWritten,
        `Event pattern is ${asWritten} characters as written (${minified} minified); sent as ` +
          `written it exceeds the ${limit}-character limit`,
        { offset: root.offset, length: 1 },
      );
    }
  }

  /**
   * Limits per expanded rule. Known gap: event-ruler sometimes scores one field's wildcards of
   * several `$or` branches together (when they reach the field through the same preceding
   * fields); we score each branch alone, which can accept a pattern AWS finds too complex.
   */
  checkBranches(branches: readonly Branch[]): void {
    let reportedComplexity = false;
    let reportedFields = false;
    for (const branch of branches) {
      if (!reportedFields && branch.length > MAX_FIELDS_PER_RULE) {
        reportedFields = true;
        const culprit = branch[MAX_FIELDS_PER_RULE] as FieldTest;
        this.fail(
          ProblemCode.tooManyFields,
          `Size of rule exceeds max value of ${MAX_FIELDS_PER_RULE}`,
          culprit.keySpan,
        );
      }
      for (const field of branch) {
        if (reportedComplexity) break;
        const wildcards = wildcardOperands(field.conditions);
        if (wildcards.length === 0) continue;
        if (wildcardComplexity(wildcards) > MAX_WILDCARD_COMPLEXITY) {
          reportedComplexity = true;
          this.fail(
            ProblemCode.wildcardTooComplex,
            'Rule is too complex - try using fewer wildcard characters or fewer repeating ' +
              'character sequences after a wildcard character',
            field.listSpan,
          );
        }
      }
    }
  }
}

function spanOf(node: Span): Span {
  return { offset: node.offset, length: node.length };
}

/** A field's wildcard operands as event-ruler scores them: an anything-but list is one pattern. */
function wildcardOperands(conditions: readonly Condition[]): WildcardOperand[] {
  const operands: WildcardOperand[] = [];
  for (const condition of conditions) {
    if (condition.kind === 'wildcard') {
      operands.push({ kind: 'wildcard', values: [condition.operand] });
    }
    if (condition.kind === 'anything-but' && condition.exclusion.form === 'wildcard') {
      operands.push({ kind: 'anything-but-wildcard', values: condition.exclusion.operands });
    }
  }
  return operands;
}

function minifiedLength(source: string): number {
  let length = 0;
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (inString) {
      length++;
      if (c === '\\') {
        length++;
        i++;
      } else if (c === '"') {
        inString = false;
      }
    } else if (c === '"') {
      inString = true;
      length++;
    } else if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') {
      length++;
    }
  }
  return length;
}

/** Number of alternatives `$or` expansion would produce, computed without expanding. */
function countCombinations(shape: Shape): number {
  let count = 1;
  for (const nested of shape.nested) count *= countCombinations(nested);
  for (const group of shape.ors) {
    let alternatives = 0;
    for (const branch of group) alternatives += countCombinations(branch);
    count *= alternatives;
  }
  return count;
}

function expand(shape: Shape): FieldTest[][] {
  let alternatives: FieldTest[][] = [shape.leaves.slice()];
  const cross = (options: FieldTest[][]): void => {
    const next: FieldTest[][] = [];
    for (const left of alternatives) {
      for (const right of options) next.push([...left, ...right]);
    }
    alternatives = next;
  };
  for (const nested of shape.nested) cross(expand(nested));
  for (const group of shape.ors) cross(group.flatMap(expand));
  return alternatives;
}

/** Duplicate keys, and one path written both dotted and nested: the later one wins. */
function lastOccurrenceWins(tests: FieldTest[]): Branch {
  const byPath = new Map<string, FieldTest>();
  for (const test of tests) {
    const previous = byPath.get(test.path);
    if (!previous || previous.keySpan.offset < test.keySpan.offset) byPath.set(test.path, test);
  }
  return tests.filter((test) => byPath.get(test.path) === test);
}

function firstOrSpan(node: JsonNode): Span | undefined {
  if (node.type !== 'object') return undefined;
  for (const member of node.members) {
    if (member.key === '$or') return member.keySpan;
    const inner = firstOrSpan(member.value);
    if (inner) return inner;
  }
  return undefined;
}

function formatCount(count: number): string {
  return count > 1e15 ? 'more than 10^15' : String(count);
}
