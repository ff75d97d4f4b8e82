import { Span } from './json';

/**
 * One code per check. Errors are rejections AWS itself makes (PutRule / TestEventPattern answer
 * `InvalidEventPatternException`); warnings are ours: AWS accepts the pattern, but it is likely
 * not what the author meant.
 */
export const ProblemCode = {
  jsonSyntax: 'json-syntax',
  filterNotObject: 'filter-not-object',
  valueNotObjectOrArray: 'value-not-object-or-array',
  emptyArray: 'empty-array',
  emptyObject: 'empty-object',
  invalidMatchValue: 'invalid-match-value',
  unknownOperator: 'unknown-operator',
  invalidMatchExpression: 'invalid-match-expression',
  invalidPrefix: 'invalid-prefix',
  invalidSuffix: 'invalid-suffix',
  invalidEqualsIgnoreCase: 'invalid-equals-ignore-case',
  invalidAnythingBut: 'invalid-anything-but',
  invalidNumeric: 'invalid-numeric',
  invalidExists: 'invalid-exists',
  invalidCidr: 'invalid-cidr',
  invalidWildcard: 'invalid-wildcard',
  invalidExactly: 'invalid-exactly',
  invalidOr: 'invalid-or',
  patternTooLarge: 'pattern-too-large',
  tooManyCombinations: 'too-many-combinations',
  wildcardTooComplex: 'wildcard-too-complex',
  tooManyFields: 'too-many-fields',
  // Warnings: accepted by AWS.
  trailingContent: 'trailing-content',
  duplicateKey: 'duplicate-key',
  patternSizeAsWritten: 'pattern-size-as-written',
} as const;

export type ProblemCode = (typeof ProblemCode)[keyof typeof ProblemCode];

export type Severity = 'error' | 'warning' | 'info';

export interface Problem extends Span {
  readonly code: ProblemCode | string;
  readonly severity: Severity;
  /** For errors: AWS's reason text word for word (what follows `Reason: ` in its message). */
  readonly reason: string;
}

/** The message AWS wraps every pattern rejection in. */
export function awsMessage(reason: string): string {
  return `Event pattern is not valid. Reason: ${reason}`;
}

/** TestEventPattern's answer for an event that is not a JSON object with the envelope. */
export const INVALID_EVENT_MESSAGE = 'Parameter Event is not valid.';
