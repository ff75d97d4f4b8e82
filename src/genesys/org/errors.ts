// The one error type the org client rejects with, and the redaction every message goes through.
// Raw SDK rejections carry the request's headers (the Basic header is base64 of id:secret), so
// they are translated here and never passed on, not even as `cause`.

export type GenesysOrgErrorKind =
  /** Credentials refused, or a token refused even right after signing in again. */
  | 'auth'
  /** Signed in, but the OAuth client lacks a permission for this call. */
  | 'forbidden'
  /** 429 after every allowed retry, or a Retry-After longer than we are willing to wait. */
  | 'rate-limited'
  /** No answer within the request timeout or the operation deadline. */
  | 'timeout'
  /** No HTTP answer at all: refused, reset, unknown host, no route. */
  | 'network'
  /** 5xx from Genesys. */
  | 'server'
  /** Any other HTTP status, or a body we could not make sense of. */
  | 'bad-response'
  /** Missing or invalid settings, detected before any request. */
  | 'config'
  /** The client was disposed (signed out, or the user cancelled) while this was running. */
  | 'cancelled';

const RETRYABLE_KINDS: ReadonlySet<GenesysOrgErrorKind> = new Set([
  'rate-limited',
  'timeout',
  'network',
  'server',
]);

export class GenesysOrgError extends Error {
  override readonly name = 'GenesysOrgError';
  /** True when running the same operation again later may succeed unchanged. */
  readonly retryable: boolean;

  constructor(
    readonly kind: GenesysOrgErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.retryable = RETRYABLE_KINDS.has(kind);
  }
}

/**
 * Works across bundles: the SDK bundle and the extension bundle each carry their own copy of
 * this class, so `instanceof` would fail for errors thrown on the other side.
 */
export function isGenesysOrgError(value: unknown): value is GenesysOrgError {
  return (
    value instanceof Error &&
    value.name === 'GenesysOrgError' &&
    typeof (value as Partial<GenesysOrgError>).kind === 'string'
  );
}

const REDACTED = '[redacted]';

// Authorization header values in any text that slipped through (an echoed request, a stack).
const AUTH_HEADER_VALUE = /\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{8,}/gi;

/** Every spelling of the secret that could reach a text: plain, and inside the Basic header. */
export function secretForms(credentials: { clientId: string; clientSecret: string }): string[] {
  const { clientId, clientSecret } = credentials;
  if (clientSecret === '') return [];
  const forms = [
    clientSecret,
    encodeURIComponent(clientSecret),
    Buffer.from(clientSecret).toString('base64'),
    Buffer.from(`${clientId}:${clientSecret}`).toString('base64'),
  ];
  // Shorter forms first would leave the tail of longer ones behind, so replace longest first.
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/** Removes the given secrets and anything that looks like an Authorization value. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length > 0) result = result.split(secret).join(REDACTED);
  }
  return result.replace(AUTH_HEADER_VALUE, `$1 ${REDACTED}`);
}
