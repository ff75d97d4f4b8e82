// The `cidr` operator and IP-address recognition, following event-ruler's CIDR class (which runs
// Java's InetAddress on text that passed its own two regexes) and the way its byte machine
// matches the resulting hex-digit ranges.
//
// Pure leaf module: Node built-ins only, no vscode.

export interface IpAddress {
  version: 4 | 6;
  bytes: Uint8Array;
}

export interface CidrRange {
  version: 4 | 6;
  /** The address with host bits cleared (the ruler tolerates them being set in the rule). */
  network: Uint8Array;
  maskBits: number;
}

export type CidrParse = { ok: true; range: CidrRange } | { ok: false; reason: string };

// The ruler only hands text to InetAddress when it matches one of these (whole string), so
// that nothing resembling a host name triggers a DNS lookup.
const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;

type AddressParse = { ok: true; ip: IpAddress } | { ok: false; reason: string };

/**
 * Text -> address the way the ruler's ipToBytes does it: `Nonstandard IP address` when the text
 * has neither shape (so `::ffff:1.2.3.4`, zone ids and brackets are out), `Invalid IP address`
 * when it has a shape but Java rejects it. Java returns IPv4-mapped IPv6 (`::ffff:a00:1`) as the
 * IPv4 address, and so do we.
 */
function parseAddress(text: string): AddressParse {
  let bytes: Uint8Array | undefined;
  if (IPV4_SHAPE.test(text)) {
    bytes = parseV4(text);
  } else if (IPV6_SHAPE.test(text)) {
    bytes = parseV6(text);
    if (bytes !== undefined && isV4Mapped(bytes)) bytes = bytes.slice(12);
  } else {
    return { ok: false, reason: `Nonstandard IP address: ${text}` };
  }
  if (bytes === undefined) return { ok: false, reason: `Invalid IP address: ${text}` };
  return { ok: true, ip: { version: bytes.length === 4 ? 4 : 6, bytes } };
}

/**
 * Java's numeric IPv4 literal: at most 15 characters, four decimal parts of value <= 255;
 * leading zeros are decimal, not octal (`010.0.0.1` is 10.0.0.1 on the JDK 17 we checked).
 * Java would next try DNS for such text; we treat that as failure, which is what any resolver
 * says for an all-numeric name.
 */
function parseV4(text: string): Uint8Array | undefined {
  if (text.length > 15) return undefined;
  const parts = text.split('.');
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const value = Number(parts[i]);
    if (value > 255) return undefined;
    bytes[i] = value;
  }
  return bytes;
}

/**
 * Java's IPv6 literal parser, restricted to what IPV6_SHAPE lets through (hex digits and colons
 * only). Quirks kept: a group may have more than four digits if its value fits in 16 bits
 * (`00001::`), `::` may stand for a single zero group, and `::` cannot be added to eight groups.
 */
function parseV6(text: string): Uint8Array | undefined {
  if (text.length < 2) return undefined;
  const out = new Uint8Array(16);
  let i = 0;
  if (text[0] === ':') {
    if (text[1] !== ':') return undefined;
    i = 1;
  }
  let j = 0;
  let gap = -1;
  let value = 0;
  let sawDigit = false;
  while (i < text.length) {
    const ch = text[i++];
    if (ch !== ':') {
      value = (value << 4) | parseInt(ch, 16);
      if (value > 0xffff) return undefined;
      sawDigit = true;
      continue;
    }
    if (!sawDigit) {
      if (gap !== -1) return undefined;
      gap = j;
      continue;
    }
    if (i === text.length || j + 2 > 16) return undefined;
    out[j++] = value >> 8;
    out[j++] = value & 0xff;
    sawDigit = false;
    value = 0;
  }
  if (sawDigit) {
    if (j + 2 > 16) return undefined;
    out[j++] = value >> 8;
    out[j++] = value & 0xff;
  }
  if (gap !== -1) {
    if (j === 16) return undefined;
    const tail = j - gap;
    out.copyWithin(16 - tail, gap, j);
    out.fill(0, gap, 16 - tail);
    j = 16;
  }
  return j === 16 ? out : undefined;
}

function isV4Mapped(bytes: Uint8Array): boolean {
  for (let k = 0; k < 10; k++) if (bytes[k] !== 0) return false;
  return bytes[10] === 0xff && bytes[11] === 0xff;
}

/**
 * Lenient parse for EVENT values, as the ruler tries every string value of a field that has an
 * IP pattern: IPv4 dotted quad; IPv6 expanded, zero-padded, compressed, any case. undefined if
 * the text is not an address (including surrounding white space or a trailing dot).
 */
export function parseIpAddress(text: string): IpAddress | undefined {
  const parsed = parseAddress(text);
  return parsed.ok ? parsed.ip : undefined;
}

/**
 * Java's Integer.parseInt: optional sign, then decimal digits of any script in the Basic
 * Multilingual Plane (Character.digit accepts `٣` or `３`), within 32-bit range.
 */
function parseJavaInt(text: string): number | undefined {
  let k = 0;
  let negative = false;
  if (text[0] === '+' || text[0] === '-') {
    negative = text[0] === '-';
    k = 1;
  }
  if (k >= text.length) return undefined;
  let value = 0;
  for (; k < text.length; k++) {
    const digit = decimalDigit(text.charCodeAt(k));
    if (digit === undefined) return undefined;
    value = value * 10 + digit;
    if (value > 2147483648) return undefined;
  }
  if (!negative && value > 2147483647) return undefined;
  return negative ? -value : value;
}

const DECIMAL = /^\p{Nd}$/u;

/** Value of a BMP decimal digit (Unicode Nd comes in runs of ten starting at zero). */
function decimalDigit(unit: number): number | undefined {
  if (unit >= 0x30 && unit <= 0x39) return unit - 0x30;
  if (unit >= 0xd800 && unit <= 0xdfff) return undefined;
  if (!DECIMAL.test(String.fromCharCode(unit))) return undefined;
  let first = unit;
  while (first > 0 && DECIMAL.test(String.fromCharCode(first - 1))) first--;
  return (unit - first) % 10;
}

/**
 * Rule-side parse with the ruler's messages, in its order: the slash (Java's split, which
 * drops trailing empty pieces, so `10.0.0.0/8/` is accepted and `10.0.0.0/` is not), the mask
 * as a Java int, its sign, the address, then the per-version mask limit (`/32` and `/128` are
 * rejected). Host bits set in the address are tolerated and cleared.
 */
export function parseCidr(text: string): CidrParse {
  const pieces = text.split('/');
  while (pieces.length > 0 && pieces[pieces.length - 1] === '') pieces.pop();
  if (pieces.length !== 2) return { ok: false, reason: "Malformed CIDR, one '/' required" };
  const maskBits = parseJavaInt(pieces[1]);
  if (maskBits === undefined) {
    return { ok: false, reason: 'Malformed CIDR, mask bits must be an integer' };
  }
  if (maskBits < 0) return { ok: false, reason: 'Malformed CIDR, mask bits must not be negative' };
  const address = parseAddress(pieces[0]);
  if (!address.ok) return address;
  const { version, bytes } = address.ip;
  if (version === 4 && maskBits > 31) return { ok: false, reason: 'IPv4 mask bits must be < 32' };
  if (version === 6 && maskBits > 127) {
    return { ok: false, reason: 'IPv6 mask bits must be < 128' };
  }
  const network = bytes.map((b, k) => b & maskByte(k, maskBits));
  return { ok: true, range: { version, network, maskBits } };
}

/** The mask's bits within byte k of the address. */
function maskByte(k: number, maskBits: number): number {
  const bits = Math.max(0, Math.min(8, maskBits - 8 * k));
  return (0xff00 >> bits) & 0xff;
}

function nibbles(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (const b of bytes) out.push(b >> 4, b & 0xf);
  return out;
}

/**
 * Whether the ruler's range automaton for [bottom, top] (hex digits, inclusive unless open)
 * matches `value`. The automaton reports a match as soon as the digits read so far settle the
 * question, and never checks that the value has the same length. For same-length text that is
 * plain bottom <= value <= top; across versions it means an IPv6 value is judged by its first
 * four bytes against an IPv4 range, and an IPv4 value matches an IPv6 range only if its eight
 * digits already settle it.
 */
function rangeMatches(
  bottom: readonly number[], top: readonly number[], value: readonly number[],
  openBottom: boolean, openTop: boolean,
): boolean {
  const last = bottom.length - 1;
  let fork = 0;
  while (fork < last && bottom[fork] === top[fork]) fork++;
  for (let k = 0; k < fork; k++) if (k >= value.length || value[k] !== bottom[k]) return false;
  if (fork >= value.length) return false;
  const d = value[fork];
  if (d > bottom[fork] && d < top[fork]) return true;
  if (fork === last) {
    return (d === bottom[fork] && !openBottom) || (d === top[fork] && !openTop);
  }
  // Walk the edge of the range: below the top digits nothing can exceed the top, and the same
  // holds in mirror image on the bottom edge.
  const onBottom = d === bottom[fork];
  if (!onBottom && d !== top[fork]) return false;
  const edge = onBottom ? bottom : top;
  for (let k = fork + 1; k < last; k++) {
    if (k >= value.length) return false;
    const v = value[k];
    if (onBottom ? v > edge[k] : v < edge[k]) return true;
    if (v !== edge[k]) return false;
  }
  if (last >= value.length) return false;
  const v = value[last];
  if (v === edge[last]) return !(onBottom ? openBottom : openTop);
  return onBottom ? v > edge[last] : v < edge[last];
}

/**
 * Inclusive containment. Matches the ruler, including across versions (see rangeMatches):
 * `a00::` is inside 10.0.0.0/8, and 10.0.0.1 is inside a00::/8. That cross-version behaviour is
 * event-ruler's and has not been recorded on AWS.
 */
export function cidrContains(range: CidrRange, value: IpAddress): boolean {
  const bottom = nibbles(range.network);
  const topBytes = range.network.map((b, k) => b | (~maskByte(k, range.maskBits) & 0xff));
  return rangeMatches(bottom, nibbles(topBytes), nibbles(value.bytes), false, false);
}

/**
 * For exact string values that parse as an IP (SPEC 3.1): the ruler's canonical text, upper-case
 * hex of the 4 or 16 bytes, so "2001:db8::1" equals "2001:0db8:0:0:0:0:0:0001".
 */
export function ipKey(ip: IpAddress): string {
  let out = '';
  for (const b of ip.bytes) out += b.toString(16).toUpperCase().padStart(2, '0');
  return out;
}

/**
 * The ruler compiles an exact string that is an IP into a one-address range (not a string
 * match), so this is the full test for such a pattern value. Same version: equal addresses.
 * Across versions it inherits the automaton's prefix behaviour: IPv4 pattern 10.0.0.1 matches
 * an IPv6 value whose first four bytes are 0a00:0001; an IPv6 pattern never matches IPv4.
 */
export function ipExactMatch(pattern: IpAddress, value: IpAddress): boolean {
  const digits = nibbles(pattern.bytes);
  const last = digits.length - 1;
  const bottom = digits.slice();
  const top = digits.slice();
  // The ruler widens the last digit into an interval open on one side.
  if (digits[last] === 0xf) {
    bottom[last] = 0xe;
    return rangeMatches(bottom, top, nibbles(value.bytes), true, false);
  }
  top[last] = digits[last] + 1;
  return rangeMatches(bottom, top, nibbles(value.bytes), false, true);
}
