/**
 * Transport of the Jira client for anything that is not Forge: plain `fetch` to a base URL, with
 * optional Basic auth (email + API token, or the sandbox's user + password). The sandbox runs the
 * real client against its local Jira emulator through this.
 *
 * What this module may not do: retry, parse bodies or log — that is the client's and retry.ts's job.
 */
import { queryPairs, type JiraRequest, type JiraResponse, type JiraTransport } from './jira-transport';

export interface FetchTransportOptions {
  /** `http://127.0.0.1:4000` or `https://your-domain.atlassian.net`; a trailing slash is ignored. */
  readonly baseUrl: string;
  readonly basicAuth?: { readonly username: string; readonly password: string };
  /** Extra headers on every request (e.g. the sandbox's "act as" account). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Abort a request that has not answered in this time. Default 30 000 ms. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

/** Joins base URL, path and query without losing a base path such as `/jira`. */
export function buildRequestUrl(baseUrl: string, request: JiraRequest): string {
  const base = baseUrl.replace(/\/+$/, '');
  const entries = queryPairs(request.query);
  const query = entries.length === 0 ? '' : `?${new URLSearchParams(entries).toString()}`;
  return `${base}${request.path.text}${query}`;
}

/** @example createFetchTransport({ baseUrl: 'http://127.0.0.1:4000', basicAuth: { username: 'agent', password: 'x' } }) */
export function createFetchTransport(options: FetchTransportOptions): JiraTransport {
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const authorization =
    options.basicAuth === undefined
      ? undefined
      : `Basic ${Buffer.from(`${options.basicAuth.username}:${options.basicAuth.password}`, 'utf8').toString('base64')}`;

  return async (request: JiraRequest): Promise<JiraResponse> => {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (authorization !== undefined) headers.Authorization = authorization;
    const init: RequestInit = { method: request.method, headers, signal: AbortSignal.timeout(timeoutMs) };
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(request.body);
    }
    const response = await doFetch(buildRequestUrl(options.baseUrl, request), init);
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      responseHeaders[key.toLowerCase()] = value;
    });
    return { status: response.status, headers: responseHeaders, body: await response.text() };
  };
}
