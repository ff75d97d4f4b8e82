// A fake Genesys Cloud API on 127.0.0.1 (random port) for the org client's tests, unit and
// in-VS-Code alike: client-credentials tokens that expire, the org, paged queues and users,
// available topics with schema and transports, integrations with their current config, and
// faults on demand (429 with Retry-After, 401, 500, slow or dropped responses). Every request is
// recorded. Only node:http, so it also runs inside the extension host.

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

export interface FakeTopic {
  readonly id: string;
  readonly description?: string;
  readonly schema?: unknown;
  readonly transports?: readonly string[];
  readonly visibility?: string;
}

export interface FakeIntegration {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly intendedState?: 'ENABLED' | 'DISABLED';
  readonly properties?: Record<string, unknown>;
}

export interface FakeGenesysOptions {
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** `expires_in` of issued tokens, in seconds; the fake also refuses them after that. */
  readonly tokenExpiresInSeconds?: number;
  readonly organization?: { readonly id: string; readonly name: string };
  readonly queueCount?: number;
  readonly userCount?: number;
  readonly topics?: readonly FakeTopic[];
  readonly integrations?: readonly FakeIntegration[];
}

export interface FakeFault {
  /** Path (without query) the fault applies to: exact string, or a pattern. */
  readonly path: string | RegExp;
  readonly method?: string;
  /** How many matching requests it affects; default 1. */
  readonly times?: number;
  /** Status to answer with instead of the real answer. */
  readonly status?: number;
  /** Retry-After header value for the faulty answer. */
  readonly retryAfter?: string;
  /** Delay before answering (the real answer, unless `status` is set). */
  readonly delayMs?: number;
  /** Close the connection without answering. */
  readonly dropConnection?: boolean;
  readonly body?: unknown;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<http.IncomingHttpHeaders>;
  readonly body: string;
  readonly at: number;
  /** Status the fake answered with; undefined while pending or when the connection dropped. */
  status?: number;
}

export interface FakeGenesysApi {
  readonly port: number;
  readonly baseUrl: string;
  /** What to pass as the SDK gateway / the extension's apiGateway setting. */
  readonly gateway: { readonly host: string; readonly protocol: 'http'; readonly port: number };
  readonly clientId: string;
  readonly clientSecret: string;
  readonly organization: { readonly id: string; readonly name: string };
  readonly requests: RecordedRequest[];
  /** Requests to one path (query ignored), optionally of one method. */
  requestsTo(path: string, method?: string): RecordedRequest[];
  addFault(fault: FakeFault): void;
  clearFaults(): void;
  /** Makes every token issued so far invalid, as an expiry or a revocation would. */
  revokeTokens(): void;
  setTokenExpiresIn(seconds: number): void;
  setTopics(topics: readonly FakeTopic[]): void;
  reset(): void;
  close(): Promise<void>;
}

export const FAKE_EVENTBRIDGE_TYPE = 'amazon-eventbridge-source';

const DEFAULT_ORGANIZATION = { id: '6f1d2a4e-0c1b-4b7e-9f3a-2d5c8e7a9b10', name: 'Fake Org Ltd' };

/** Body schemas written for the fake; shaped like published notification schemas. */
export function fakeTopicSchema(title: string, properties: Record<string, unknown>): unknown {
  return {
    id: `urn:jsonschema:fake:${title}`,
    type: 'object',
    title,
    properties,
  };
}

export const DEFAULT_FAKE_TOPICS: readonly FakeTopic[] = [
  {
    id: 'v2.detail.events.conversation.{id}.customer.start',
    description: 'Customer leg started (bundled topic; the bundled definition is kept)',
    transports: ['All'],
    schema: fakeTopicSchema('CustomerStart', {
      conversationId: { type: 'string' },
      mediaType: { type: 'string', enum: ['VOICE', 'CHAT'] },
    }),
  },
  {
    id: 'v2.fake.wallboards.{id}.tiles',
    description: 'Wallboard tile changed (exists only in the fake org)',
    transports: ['EventBridge', 'Websocket'],
    schema: fakeTopicSchema('WallboardTile', {
      id: { type: 'string' },
      label: { type: 'string' },
      value: { type: 'integer' },
      changedDate: { type: 'string', format: 'date-time' },
    }),
  },
  {
    id: 'v2.fake.presence.{id}.pings',
    description: 'Presence pings (WebSocket only in the fake org)',
    transports: ['Websocket'],
    schema: fakeTopicSchema('PresencePing', {
      userId: { type: 'string' },
      online: { type: 'boolean' },
    }),
  },
];

export const DEFAULT_FAKE_INTEGRATIONS: readonly FakeIntegration[] = [
  {
    id: 'a0b1c2d3-0000-4000-8000-00000000e001',
    name: 'Fake EventBridge',
    type: FAKE_EVENTBRIDGE_TYPE,
    intendedState: 'ENABLED',
    properties: {
      eventSourceSuffix: 'fake-suffix',
      awsAccountId: '210987654321',
      awsAccountRegion: 'eu-west-1',
      eventFilter: ['v2.fake.wallboards.{id}.tiles'],
    },
  },
  {
    id: 'a0b1c2d3-0000-4000-8000-00000000e002',
    name: 'Some other integration',
    type: 'purecloud-data-actions',
    intendedState: 'ENABLED',
    properties: {},
  },
];

interface Token {
  readonly expiresAt: number;
  revoked: boolean;
}

function entityNamed(kind: string, index: number) {
  const number = String(index + 1).padStart(4, '0');
  return { id: `${kind}-${number}-0000-4000-8000-000000000000`, name: `Fake ${kind} ${index + 1}` };
}

function send(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  headers: http.OutgoingHttpHeaders = {},
): void {
  if (response.destroyed || response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'inin-correlation-id': randomUUID(),
    ...headers,
  });
  response.end(text);
}

function genesysError(status: number, code: string, message: string) {
  return { message, code, status, contextId: randomUUID(), details: [], errors: [] };
}

function pageOf<T>(all: readonly T[], path: string, query: Record<string, string>) {
  const pageSize = Math.max(1, Number(query.pageSize ?? 25) || 25);
  const pageNumber = Math.max(1, Number(query.pageNumber ?? 1) || 1);
  const pageCount = Math.max(1, Math.ceil(all.length / pageSize));
  const uri = (n: number) => `${path}?pageSize=${pageSize}&pageNumber=${n}`;
  return {
    entities: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    pageSize,
    pageNumber,
    total: all.length,
    pageCount,
    firstUri: uri(1),
    selfUri: uri(pageNumber),
    lastUri: uri(pageCount),
    ...(pageNumber < pageCount ? { nextUri: uri(pageNumber + 1) } : {}),
    ...(pageNumber > 1 ? { previousUri: uri(pageNumber - 1) } : {}),
  };
}

export async function startFakeGenesysApi(
  options: FakeGenesysOptions = {},
): Promise<FakeGenesysApi> {
  const clientId = options.clientId ?? 'fake-client-id';
  const clientSecret = options.clientSecret ?? 'fake-client-secret';
  const organization = options.organization ?? DEFAULT_ORGANIZATION;
  let tokenExpiresIn = options.tokenExpiresInSeconds ?? 86_400;
  let topics = options.topics ?? DEFAULT_FAKE_TOPICS;
  const integrations = options.integrations ?? DEFAULT_FAKE_INTEGRATIONS;
  const queues = Array.from({ length: options.queueCount ?? 7 }, (_, i) => entityNamed('queue', i));
  const users = Array.from({ length: options.userCount ?? 5 }, (_, i) => entityNamed('user', i));
  const tokens = new Map<string, Token>();
  const faults: { fault: FakeFault; remaining: number }[] = [];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  function takeFault(method: string, path: string): FakeFault | undefined {
    const index = faults.findIndex(({ fault }) =>
      (fault.method === undefined || fault.method.toUpperCase() === method) &&
      (typeof fault.path === 'string' ? fault.path === path : fault.path.test(path)));
    if (index < 0) return undefined;
    const entry = faults[index];
    entry.remaining--;
    if (entry.remaining <= 0) faults.splice(index, 1);
    return entry.fault;
  }

  function issueToken(request: http.IncomingMessage, body: string, response: http.ServerResponse) {
    const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
    const grant = new URLSearchParams(body).get('grant_type');
    if (request.headers.authorization !== expected) {
      send(response, 401, {
        error: 'invalid_client',
        description: 'client not found',
        error_description: 'client not found',
      });
      return;
    }
    if (grant !== 'client_credentials') {
      send(response, 400, { error: 'unsupported_grant_type', description: 'grant not allowed' });
      return;
    }
    const token = `fake-token-${randomUUID()}`;
    tokens.set(token, { expiresAt: Date.now() + tokenExpiresIn * 1000, revoked: false });
    send(response, 200, { access_token: token, token_type: 'bearer', expires_in: tokenExpiresIn });
  }

  function authorized(request: http.IncomingMessage): boolean {
    const header = request.headers.authorization ?? '';
    const token = tokens.get(header.replace(/^Bearer\s+/i, ''));
    return token !== undefined && !token.revoked && Date.now() < token.expiresAt;
  }

  function answer(
    request: http.IncomingMessage,
    path: string,
    query: Record<string, string>,
    body: string,
    response: http.ServerResponse,
  ): void {
    const method = request.method ?? 'GET';
    if (method === 'POST' && path === '/oauth/token') {
      issueToken(request, body, response);
      return;
    }
    if (!path.startsWith('/api/v2/')) {
      send(response, 404, genesysError(404, 'not.found', `no route ${path}`));
      return;
    }
    if (!authorized(request)) {
      send(response, 401, genesysError(401, 'bad.credentials', 'Invalid login credentials.'));
      return;
    }
    if (method !== 'GET') {
      send(response, 405, genesysError(405, 'method.not.allowed', `${method} is not faked`));
      return;
    }
    if (path === '/api/v2/organizations/me') {
      send(response, 200, { ...organization, state: 'active', selfUri: path });
      return;
    }
    if (path === '/api/v2/routing/queues') {
      send(response, 200, pageOf(queues, path, query));
      return;
    }
    if (path === '/api/v2/users') {
      send(response, 200, pageOf(users, path, query));
      return;
    }
    if (path === '/api/v2/notifications/availabletopics') {
      const expand = new Set((query.expand ?? '').split(',').filter(Boolean));
      const entities = topics.map((topic) => ({
        id: topic.id,
        description: topic.description ?? '',
        visibility: topic.visibility ?? 'Public',
        ...(expand.has('schema') && topic.schema !== undefined ? { schema: topic.schema } : {}),
        ...(expand.has('transports') ? { transports: topic.transports ?? [] } : {}),
      }));
      send(response, 200, { entities });
      return;
    }
    if (path === '/api/v2/integrations') {
      const type = query.integrationType;
      const listed = integrations
        .filter((integration) => type === undefined || integration.type === type)
        .map((integration) => ({
          id: integration.id,
          name: integration.name,
          integrationType: { id: integration.type, name: integration.type },
          intendedState: integration.intendedState ?? 'ENABLED',
          selfUri: `${path}/${integration.id}`,
        }));
      send(response, 200, pageOf(listed, path, query));
      return;
    }
    const config = /^\/api\/v2\/integrations\/([^/]+)\/config\/current$/.exec(path);
    if (config) {
      const integration = integrations.find((candidate) => candidate.id === config[1]);
      if (integration === undefined) {
        send(response, 404, genesysError(404, 'not.found', 'integration not found'));
        return;
      }
      send(response, 200, {
        id: integration.id,
        name: integration.name,
        version: 1,
        properties: integration.properties ?? {},
        advanced: {},
        notes: '',
        credentials: {},
        selfUri: path,
      });
      return;
    }
    send(response, 404, genesysError(404, 'not.found', `no route ${path}`));
  }

  function faultyAnswer(fault: FakeFault, response: http.ServerResponse): void {
    const status = fault.status ?? 500;
    const headers = fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter };
    const defaults: Record<number, unknown> = {
      429: genesysError(429, 'too.many.requests.retry.after', 'Rate limit exceeded the maximum.'),
      401: genesysError(401, 'bad.credentials', 'Invalid login credentials.'),
      403: genesysError(403, 'missing.permissions', 'You are missing the required permission.'),
    };
    send(response, status, fault.body ?? defaults[status] ??
      genesysError(status, 'internal.server.error', 'The fake failed on purpose.'), headers);
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const method = (request.method ?? 'GET').toUpperCase();
      const record: RecordedRequest = {
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      requests.push(record);
      const originalWriteHead = response.writeHead.bind(response);
      response.writeHead = ((status: number, ...rest: unknown[]) => {
        record.status = status;
        return (originalWriteHead as (...args: unknown[]) => http.ServerResponse)(status, ...rest);
      }) as typeof response.writeHead;

      const fault = takeFault(method, url.pathname);
      const respond = () => {
        if (fault?.dropConnection) {
          request.socket.destroy();
        } else if (fault?.status !== undefined) {
          faultyAnswer(fault, response);
        } else {
          answer(request, url.pathname, record.query, record.body, response);
        }
      };
      if (fault?.delayMs) later(fault.delayMs, respond);
      else respond();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    gateway: { host: '127.0.0.1', protocol: 'http', port },
    clientId,
    clientSecret,
    organization,
    requests,
    requestsTo: (path, method) =>
      requests.filter((r) => r.path === path && (method === undefined || r.method === method)),
    addFault: (fault) => faults.push({ fault, remaining: fault.times ?? 1 }),
    clearFaults: () => {
      faults.length = 0;
    },
    revokeTokens: () => {
      for (const token of tokens.values()) token.revoked = true;
    },
    setTokenExpiresIn: (seconds) => {
      tokenExpiresIn = seconds;
    },
    setTopics: (next) => {
      topics = next;
    },
    reset: () => {
      faults.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
