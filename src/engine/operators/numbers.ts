// EventBridge compares numbers by value (pattern `300` matches event `300.0` and `3.0e2`), but
// only numbers a double holds exactly. event-ruler keeps a number for comparison when the
// double nearest to its text, written back in shortest form, is the same decimal value; a
// number that fails this (2.0e422, 1E-325, 9007199254740993, 0.10000000000000001) is rejected
// as a numeric operand (`Cannot compare number : …`) and, in exact lists and in events, keeps
// only its literal, spelling-for-spelling match. AWS's own behaviour here is not recorded.

/** The double a JSON number denotes, or undefined when a double cannot stand for it exactly. */
export function comparableValue(raw: string): number | undefined {
  const value = Number(raw);
  if (!Number.isFinite(value)) return undefined;
  return sameDecimal(raw, String(value)) ? value : undefined;
}

interface Decimal {
  readonly negative: boolean;
  /** Significant digits without leading or trailing zeros ('' for zero). */
  readonly digits: string;
  /** Value = 0.digits × 10^exponent. */
  readonly exponent: number;
}

function toDecimal(text: string): Decimal {
  const match = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) return { negative: false, digits: 'NaN', exponent: 0 };
  const [, sign, whole = '', fraction = '', exponentText = '0'] = match;
  let digits = whole + fraction;
  let exponent = whole.length + Number(exponentText);
  const leading = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(leading).replace(/0+$/, '');
  exponent -= leading;
  // Zero has one spelling: -0 and 0 are the same number to the ruler.
  if (digits === '') return { negative: false, digits: '', exponent: 0 };
  return { negative: sign === '-', digits, exponent };
}

function sameDecimal(a: string, b: string): boolean {
  const x = toDecimal(a);
  const y = toDecimal(b);
  return x.negative === y.negative && x.digits === y.digits && x.exponent === y.exponent;
}
