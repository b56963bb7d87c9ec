/**
 * A `fetch` that answers Jira REST requests from the emulator in the same process: the request
 * goes through the emulator's real router and authentication (`handleJiraRequest`) exactly as over
 * HTTP, minus the socket. Demo generation uses it to replay a quarter of history quickly; the live
 * sandbox uses real HTTP.
 *
 * Only for URLs under /rest/api/ and /rest/servicedeskapi/; anything else is refused.
 */
import type { JiraModel } from '../jira/jira-model';
import { handleJiraRequest, isJiraApiPath } from '../jira/jira-routes';

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
  return (input, init) => {
    try {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      if (!isJiraApiPath(url.pathname)) return Promise.reject(new TypeError(`Not a Jira API URL: ${url.pathname}`));
      const answer = handleJiraRequest(model, {
        method: init?.method ?? 'GET',
        url: `${url.pathname}${url.search}`,
        headers: headersOf(init),
        body: bodyOf(init),
      });
      // 204 and friends must not carry a body in a Response
      const empty = answer.status === 204 || answer.status === 205 || answer.status === 304;
      return Promise.resolve(new Response(empty ? null : answer.body, { status: answer.status, headers: answer.headers }));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
}
