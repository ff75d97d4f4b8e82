// Turns whatever the SDK rejected with into facts (status, headers, error code) and then into a
// GenesysOrgError whose message says what happened and what to do. The SDK rejects with three
// shapes: an extended response ({status, headers, body, error}) for API calls, an axios error
// ({response: {status, headers, data}}) for the token request, and an axios error without a
// response ({code}) when no HTTP answer came back. It also throws plain strings for missing
// arguments.

import { GenesysOrgError, redact } from './errors';
import { formatSeconds } from './timing';

export interface FailureFacts {
  /** HTTP status, when an HTTP answer came back. */
  readonly status?: number;
  readonly headers: Readonly<Record<string, unknown>>;
  /** Genesys' own error text from the body (`message`, or OAuth's `error_description`). */
  readonly detail?: string;
  /** Transport error code (ECONNREFUSED, ECONNABORTED, ...) when there was no HTTP answer. */
  readonly code?: string;
  /** Set when the failure is a timeout of the SDK's request timer. */
  readonly timedOut: boolean;
}

const MAX_DETAIL_LENGTH = 300;

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

function textField(
  record: Record<string, unknown> | undefined,
  ...keys: string[]
): string | undefined {
  for (const key of keys) {
    const value = record?.[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

function detailFromBody(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() === '' ? undefined : body.trim();
  const record = asRecord(body);
  const message = textField(record, 'message', 'error_description', 'description');
  const code = textField(record, 'code', 'error');
  if (message !== undefined && code !== undefined && code !== message) return `${code}: ${message}`;
  return message ?? code;
}

function lowerCaseKeys(headers: unknown): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const record = asRecord(headers);
  if (record === undefined) return result;
  // axios hands out an AxiosHeaders instance; its own enumerable keys are the header names.
  for (const [key, value] of Object.entries(record)) result[key.toLowerCase()] = value;
  return result;
}

export function failureFacts(raw: unknown): FailureFacts {
  const record = asRecord(raw);
  if (record === undefined) {
    // A thrown string: the SDK's argument check. It names a parameter, never a credential.
    return { headers: {}, detail: typeof raw === 'string' ? raw : undefined, timedOut: false };
  }
  const response = asRecord(record.response);
  if (typeof record.status === 'number' && 'body' in record) {
    return {
      status: record.status,
      headers: lowerCaseKeys(record.headers),
      detail: detailFromBody(record.body),
      timedOut: false,
    };
  }
  if (response !== undefined && typeof response.status === 'number') {
    return {
      status: response.status,
      headers: lowerCaseKeys(response.headers),
      detail: detailFromBody(response.data),
      timedOut: false,
    };
  }
  const code = typeof record.code === 'string' ? record.code : undefined;
  const message = typeof record.message === 'string' ? record.message : '';
  return {
    headers: {},
    code,
    // axios reports its own timer as ECONNABORTED ("timeout of N ms exceeded") or, with
    // clarified timeout errors, as ETIMEDOUT.
    timedOut: code === 'ETIMEDOUT' || (code === 'ECONNABORTED' && /timeout/i.test(message)),
  };
}

const NETWORK_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed',
  ENOTFOUND: 'the host name could not be resolved (check the region and the network)',
  EAI_AGAIN: 'the host name could not be resolved right now (check the network)',
  ENETUNREACH: 'the network is unreachable',
  EHOSTUNREACH: 'the host is unreachable',
  ENETDOWN: 'the network is down',
  ERR_NETWORK: 'the network failed',
  ERR_BAD_RESPONSE: 'the answer was not valid HTTP',
};

function networkReason(code: string | undefined): string {
  if (code === undefined) return 'no answer came back';
  if (NETWORK_REASONS[code]) return NETWORK_REASONS[code];
  if (/CERT|SSL|TLS|SELF_SIGNED/i.test(code)) {
    return `the TLS certificate was not accepted (${code})`;
  }
  return `the request failed (${code})`;
}

export interface FailureContext {
  /** What was being done, e.g. "GET /api/v2/routing/queues". */
  readonly what: string;
  /** Base URL the request went to, for network errors. */
  readonly baseUrl: string;
  readonly requestTimeoutMs: number;
  /** Every form of the credentials, removed from whatever text ends up in the message. */
  readonly secrets: readonly string[];
}

/** The final error for a failure that is not retried (429 and 401 are handled by the caller). */
export function errorFromFailure(facts: FailureFacts, context: FailureContext): GenesysOrgError {
  const clean = (text: string) => redact(text, context.secrets);
  const detail =
    facts.detail === undefined ? '' : ` (${clean(facts.detail).slice(0, MAX_DETAIL_LENGTH)})`;
  const status = facts.status;
  if (status === undefined) {
    if (facts.timedOut) {
      return new GenesysOrgError(
        'timeout',
        `Genesys Cloud did not answer ${context.what} within ` +
          `${formatSeconds(context.requestTimeoutMs)}.`,
      );
    }
    if (facts.code === undefined && facts.detail !== undefined) {
      return new GenesysOrgError('bad-response', clean(`Could not call ${context.what}${detail}.`));
    }
    return new GenesysOrgError(
      'network',
      clean(`Could not reach Genesys Cloud at ${context.baseUrl}: ${networkReason(facts.code)}.`),
    );
  }
  if (status === 401) {
    return new GenesysOrgError(
      'auth',
      `Genesys Cloud refused the access token for ${context.what}${detail}.`,
      status,
    );
  }
  if (status === 403) {
    return new GenesysOrgError(
      'forbidden',
      `The OAuth client may not call ${context.what}${detail}: give it a role with that ` +
        'permission.',
      status,
    );
  }
  if (status >= 500) {
    return new GenesysOrgError(
      'server',
      `Genesys Cloud failed on ${context.what} with HTTP ${status}${detail}.`,
      status,
    );
  }
  return new GenesysOrgError(
    'bad-response',
    `Genesys Cloud answered ${context.what} with HTTP ${status}${detail}.`,
    status,
  );
}
