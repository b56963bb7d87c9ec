/**
 * A `fetch` that answers Jira REST requests from the emulator in the same process: the request is
 * routed by find-my-way — the router Fastify is built on, with the emulated routes as jira-server.ts
 * registers them (jira-router.ts) — and answered by the same `handleJiraRoute`, authentication and
 * all, minus the socket and Fastify's request objects (tens of thousands of calls: `inject()` would
 * triple their cost). As over HTTP, a body must be JSON (415 otherwise). Demo generation uses it to
 * replay a quarter of history quickly, and the test harness to run the app; the live sandbox uses
 * real HTTP.
 *
 * Only for URLs under /rest/api/ and /rest/servicedeskapi/; anything else is refused.
 */
import type { JiraModel } from '../jira/jira-model';
import { createJiraRouter } from '../jira/jira-router';
import { answerUnrouted, familyOf, handleJiraRoute, isJiraApiPath, jiraErrorResponse, type JiraHttpRequest, type JiraHttpResponse } from '../jira/jira-routes';

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

/** `application/json`, with or without parameters (`; charset=utf-8`), as Fastify's parser takes it. */
function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * @example createJiraClient({ transport: createFetchTransport({ baseUrl: 'http://jira.local', fetch: createInProcessFetch(model) }) })
 */
export function createInProcessFetch(model: JiraModel): typeof fetch {
  const router = createJiraRouter();
  return (input, init) => {
    try {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      if (!isJiraApiPath(url.pathname)) return Promise.reject(new TypeError(`Not a Jira API URL: ${url.pathname}`));
      const method = (init?.method ?? 'GET').toUpperCase();
      const headers = headersOf(init);
      const body = bodyOf(init);
      const request: JiraHttpRequest = { method, url: `${url.pathname}${url.search}`, headers, body };
      const match = router.match(method, url.pathname);
      let answer: JiraHttpResponse;
      if (match === 'not-found') {
        answer = answerUnrouted(model, request, 404);
      } else if (body !== undefined && body !== '' && !isJson(headers['content-type'])) {
        answer = jiraErrorResponse(familyOf(url.pathname), 415, 'Unsupported Media Type: send the request body as application/json.');
      } else if (match === 'method-not-allowed') {
        answer = answerUnrouted(model, request, 405);
      } else {
        answer = handleJiraRoute(model, match.route, { ...request, params: match.params });
      }
      // 204 and friends must not carry a body in a Response, nor does the answer to HEAD
      const empty = method === 'HEAD' || answer.status === 204 || answer.status === 205 || answer.status === 304;
      return Promise.resolve(new Response(empty ? null : answer.body, { status: answer.status, headers: answer.headers }));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
}
