// EventBridge compares numbers by value (pattern `300` matches event `300.0` and `3.0e2`), but only
// numbers a double can hold: event-ruler rejects numeric operands that overflow or underflow
// (`Cannot compare number : 2.0e422`), and an exact-match number too large to be an exact double
// (a 21-digit account number) keeps only its literal, spelling-for-spelling match.

/** Largest integer below which every integer is exactly representable as a double (2^53). */
const MAX_EXACT_INTEGER = 2 ** 53;

/** The double a JSON number denotes, or undefined when a double cannot stand for it. */
export function comparableValue(raw: string): number | undefined {
  const value = Number(raw);
  if (!Number.isFinite(value)) return undefined;
  // Underflow: a non-zero literal that rounds to zero would compare equal to 0.
  if (value === 0 && /[1-9]/.test(mantissaDigits(raw))) return undefined;
  return value;
}

/**
 * The value to use for by-value equality of an exact-match number, or undefined when only the
 * literal text may match (integers beyond 2^53 round, so two different account numbers could
 * otherwise compare equal).
 */
export function exactMatchValue(raw: string): number | undefined {
  const value = comparableValue(raw);
  if (value === undefined) return undefined;
  if (Number.isInteger(value) && Math.abs(value) > MAX_EXACT_INTEGER && isIntegerLiteral(raw)) {
    return undefined;
  }
  return value;
}

function mantissaDigits(raw: string): string {
  const exponent = raw.search(/[eE]/);
  return exponent === -1 ? raw : raw.slice(0, exponent);
}

function isIntegerLiteral(raw: string): boolean {
  return /^-?\d+$/.test(raw);
}
