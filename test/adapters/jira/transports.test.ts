/**
 * The two transports: Forge `requestJira` (through the real `route` tag, with a stand-in for the
 * Forge call) and plain fetch (with a stand-in for fetch). Both must send the same method, path,
 * query, headers and JSON body, and hand back status, lower-cased headers and the body text.
 */
import type { APIResponse, RequestInit as ForgeRequestInit, Route } from '@forge/api';
import { createFetchTransport, buildRequestUrl } from '../../../src/adapters/jira/fetch-transport';
import { createForgeTransport, toForgeRoute } from '../../../src/adapters/jira/forge-transport';
import { createJiraClient } from '../../../src/adapters/jira/jira-client';
import { jiraPath, type JiraRequest } from '../../../src/adapters/jira/jira-transport';
import { fixtureText } from './fake-transport';

function forgeResponse(status: number, body: string, headers: Record<string, string>): APIResponse {
  return {
    status,
    ok: status >= 200 && status < 300,
    statusText: '',
    headers: {
      append: () => undefined,
      delete: () => undefined,
      get: (name: string) => headers[name] ?? null,
      has: (name: string) => name in headers,
      set: () => undefined,
      forEach: (callback: (value: string, key: string) => void) => {
        for (const [key, value] of Object.entries(headers)) callback(value, key);
      },
    },
    text: () => Promise.resolve(body),
    json: () => Promise.resolve(JSON.parse(body) as unknown),
    arrayBuffer: () => Promise.resolve(new ArrayBuffer(0)),
  };
}

const PUT_PROPERTY: JiraRequest = {
  method: 'PUT',
  path: jiraPath`/rest/api/3/issue/${'SD-42'}/properties/${'contract-clock'}`,
  body: { state: 'running' },
};

const GET_ISSUE: JiraRequest = {
  method: 'GET',
  path: jiraPath`/rest/api/3/issue/${'SD-42'}`,
  query: { fields: 'status,priority', properties: 'contract-clock' },
};

describe('forge transport', () => {
  it('builds the route from the template so Forge escapes path and query', () => {
    expect(toForgeRoute(GET_ISSUE).value).toBe(
      '/rest/api/3/issue/SD-42?fields=status%2Cpriority&properties=contract-clock',
    );
    expect(toForgeRoute(PUT_PROPERTY).value).toBe('/rest/api/3/issue/SD-42/properties/contract-clock');
  });

  it('sends method, JSON body and headers through requestJira and reads the answer', async () => {
    const seen: { route: string; init: ForgeRequestInit | undefined }[] = [];
    const transport = createForgeTransport({ actor: 'app' }, (route: Route, init?: ForgeRequestInit) => {
      seen.push({ route: route.value, init });
      return Promise.resolve(forgeResponse(201, '', { 'X-ARequestId': 'abc' }));
    });

    const response = await transport(PUT_PROPERTY);

    expect(seen).toEqual([
      {
        route: '/rest/api/3/issue/SD-42/properties/contract-clock',
        init: {
          method: 'PUT',
          headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
          body: '{"state":"running"}',
        },
      },
    ]);
    expect(response).toEqual({ status: 201, headers: { 'x-arequestid': 'abc' }, body: '' });
  });

  it('sends no body nor Content-Type on a GET', async () => {
    const inits: (ForgeRequestInit | undefined)[] = [];
    const transport = createForgeTransport({ actor: 'user' }, (_route, init) => {
      inits.push(init);
      return Promise.resolve(forgeResponse(200, '{}', {}));
    });
    await transport(GET_ISSUE);
    expect(inits).toEqual([{ method: 'GET', headers: { Accept: 'application/json' } }]);
  });

  it('drives the whole client: a 429 from requestJira is retried and the answer parsed', async () => {
    const answers = [
      forgeResponse(429, '', { 'Retry-After': '1' }),
      forgeResponse(200, fixtureText('myself.json'), { 'content-type': 'application/json' }),
    ];
    const routes: string[] = [];
    const transport = createForgeTransport({ actor: 'user' }, (route) => {
      routes.push(route.value);
      const answer = answers.shift();
      return answer === undefined ? Promise.reject(new Error('no more answers')) : Promise.resolve(answer);
    });
    const waits: number[] = [];
    const jira = createJiraClient({
      installation: () => ({ appId: 'a', environmentId: 'e', environmentType: 'DEVELOPMENT' }),
      transport,
      retry: {
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
        random: () => 0,
      },
    });

    expect((await jira.getMyself()).locale).toBe('nl_NL');
    expect(routes).toEqual(['/rest/api/3/myself', '/rest/api/3/myself']);
    expect(waits).toEqual([1_000]);
  });
});

describe('fetch transport', () => {
  it.each([
    ['plain base', 'http://127.0.0.1:4000', 'http://127.0.0.1:4000/rest/api/3/issue/SD-42?fields=status%2Cpriority&properties=contract-clock'],
    ['base with path and slash', 'http://127.0.0.1:4000/jira/', 'http://127.0.0.1:4000/jira/rest/api/3/issue/SD-42?fields=status%2Cpriority&properties=contract-clock'],
  ])('joins the URL (%s)', (_case, base, expected) => {
    expect(buildRequestUrl(base, GET_ISSUE)).toBe(expected);
  });

  it('sends Basic auth, JSON body and extra headers, and reads status, headers and body', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const fakeFetch: typeof fetch = (input, init) => {
      seen.push({ url: input instanceof Request ? input.url : input.toString(), init });
      return Promise.resolve(new Response(null, { status: 204, headers: { 'X-Seraph-LoginReason': 'OK' } }));
    };
    const transport = createFetchTransport({
      baseUrl: 'http://127.0.0.1:4000',
      basicAuth: { username: 'mia@example.com', password: 'token' },
      headers: { 'X-Sandbox-Actor': 'agent' },
      fetch: fakeFetch,
    });

    const response = await transport(PUT_PROPERTY);

    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('http://127.0.0.1:4000/rest/api/3/issue/SD-42/properties/contract-clock');
    expect(seen[0]?.init?.method).toBe('PUT');
    expect(seen[0]?.init?.body).toBe('{"state":"running"}');
    expect(seen[0]?.init?.headers).toEqual({
      Accept: 'application/json',
      'X-Sandbox-Actor': 'agent',
      Authorization: `Basic ${Buffer.from('mia@example.com:token').toString('base64')}`,
      'Content-Type': 'application/json',
    });
    expect(seen[0]?.init?.signal).toBeInstanceOf(AbortSignal);
    expect(response).toEqual({ status: 204, headers: { 'x-seraph-loginreason': 'OK' }, body: '' });
  });

  it('talks to a real HTTP server on loopback', async () => {
    const { createServer } = await import('node:http');
    const received: { method: string | undefined; url: string | undefined; auth: string | undefined }[] = [];
    const server = createServer((request, response) => {
      received.push({ method: request.method, url: request.url, auth: request.headers.authorization });
      response.writeHead(429, { 'Retry-After': '0', 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ errorMessages: ['Rate limit exceeded.'] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      const jira = createJiraClient({
      installation: () => ({ appId: 'a', environmentId: 'e', environmentType: 'DEVELOPMENT' }),
        transport: createFetchTransport({ baseUrl: `http://127.0.0.1:${address.port}`, basicAuth: { username: 'u', password: 'p' } }),
        retry: { maxAttempts: 2, baseDelayMs: 1 },
      });
      await expect(jira.listStatuses()).rejects.toMatchObject({
        kind: 'http',
        status: 429,
        errorMessages: ['Rate limit exceeded.'],
      });
      expect(received).toEqual([
        { method: 'GET', url: '/rest/api/3/status', auth: 'Basic dTpw' },
        { method: 'GET', url: '/rest/api/3/status', auth: 'Basic dTpw' },
      ]);
    } finally {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    }
  });
});
