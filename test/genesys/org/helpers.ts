// Shared by the org client tests: a recording logger and a client on the fake's gateway.

import { createSdkOrgClient } from '../../../src/genesys/org/sdk';
import type {
  GenesysOrgClient,
  GenesysOrgClientOptions,
  OrgClientLogger,
} from '../../../src/genesys/org/types';
import type { FakeGenesysApi } from '../../fakes/genesysApi';

/** Distinctive, so a leak in any text is found by a plain substring search. */
export const TEST_SECRET = 'Sup3r-S3cret-Value-7f3a9c';

export interface RecordingLogger extends OrgClientLogger {
  readonly lines: string[];
  text(): string;
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  const record = (level: string) => (message: string) => {
    lines.push(`${level}: ${message}`);
  };
  return {
    lines,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    text: () => lines.join('\n'),
  };
}

/** A client of the real SDK aimed at the fake; never at a real Genesys host. */
export function clientFor(
  fake: FakeGenesysApi,
  overrides: Partial<GenesysOrgClientOptions> = {},
): GenesysOrgClient {
  return createSdkOrgClient({
    credentials: { clientId: fake.clientId, clientSecret: fake.clientSecret },
    gateway: fake.gateway,
    requestTimeoutMs: 2_000,
    operationDeadlineMs: 10_000,
    pageSize: 3,
    ...overrides,
  });
}

/** Every spelling of a secret that would count as a leak. */
export function leakForms(clientId: string, secret: string): string[] {
  return [
    secret,
    Buffer.from(secret).toString('base64'),
    Buffer.from(`${clientId}:${secret}`).toString('base64'),
  ];
}

export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected a rejection');
}
