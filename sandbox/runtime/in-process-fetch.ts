/**
 * A `fetch` that answers Jira REST requests from the emulator in the same process: the request goes
 * through the emulator's Fastify app — router, body parsing, authentication — with `inject()`,
 * exactly as over HTTP, minus the socket. Demo generation uses it to replay a quarter of history
 * quickly, and the test harness to run the app against the emulator; the live sandbox uses real HTTP.
 *
 * Only for URLs under /rest/api/ and /rest/servicedeskapi/; anything else is refused.
 */
import type { JiraModel } from '../jira/jira-model';
import { isJiraApiPath } from '../jira/jira-routes';
import { createJiraApp } from '../jira/jira-server';

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

function bodyOf(init: RequestInit | undefined): string | undefined {
  const body = init?.body;
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  throw new TypeError('The in-process Jira fetch only sends string bodies (JSON).');
}

/**
 * @example createJiraClient({ transport: createFetchTransport({ baseUrl: 'http://jira.local', fetch: createInProcessFetch(model) }) })
 */
export function createInProcessFetch(model: JiraModel): typeof fetch {
  const app = createJiraApp({ model: () => model });
  return async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (!isJiraApiPath(url.pathname)) throw new TypeError(`Not a Jira API URL: ${url.pathname}`);
    const body = bodyOf(init);
    const answer = await app.inject({
      method: (init?.method ?? 'GET').toUpperCase() as 'GET',
      url: `${url.pathname}${url.search}`,
      headers: headersOf(init),
      ...(body === undefined ? {} : { payload: body }),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : String(value));
    }
    // 204 and friends must not carry a body in a Response
    const empty = answer.statusCode === 204 || answer.statusCode === 205 || answer.statusCode === 304;
    return new Response(empty ? null : answer.body, { status: answer.statusCode, headers });
  };
}
