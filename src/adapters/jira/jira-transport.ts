/**
 * The transport port of the Jira adapters: a request (method, path built with `jiraPath`, query,
 * JSON body) in, Jira's raw answer (status, headers, text) out. Forge's `requestJira`
 * (forge-transport.ts) and plain `fetch` (fetch-transport.ts) implement it; retry.ts decorates it.
 *
 * What this module may not do: send anything, parse bodies, or know an endpoint.
 */
import type { JiraMethod } from '../../app/jira-ports';

export type { JiraMethod } from '../../app/jira-ports';

/**
 * A REST path built with the `jiraPath` tag: the template's literal parts, the (percent-encoded)
 * parameters and the joined text. The Forge transport hands template and parameters to `route`,
 * so Forge's own path-manipulation check applies; other transports use `text`.
 */
export interface JiraPath {
  readonly template: TemplateStringsArray;
  readonly params: readonly string[];
  readonly text: string;
}

export interface JiraRequest {
  readonly method: JiraMethod;
  readonly path: JiraPath;
  /**
   * Query parameters. A comma-separated string goes as one parameter (Jira's `fields`); a list goes
   * as the parameter repeated (`accountId=a&accountId=b`, as GET /rest/api/3/user/bulk expects).
   */
  readonly query?: Readonly<Record<string, string | readonly string[]>>;
  /** A JSON value; transports serialise it and send `Content-Type: application/json`. */
  readonly body?: unknown;
}

export interface JiraResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * The query as name–value pairs in order, a list value as its parameter repeated.
 *
 * @example queryPairs({ accountId: ['a', 'b'], maxResults: '2' }) // [['accountId','a'],['accountId','b'],['maxResults','2']]
 */
export function queryPairs(query: JiraRequest['query']): [string, string][] {
  return Object.entries(query ?? {}).flatMap(([name, value]): [string, string][] => (typeof value === 'string' ? [[name, value]] : value.map((item): [string, string] => [name, item])));
}

/** Sends one request to Jira and answers whatever Jira answered; throws only when nothing came back. */
export type JiraTransport = (request: JiraRequest) => Promise<JiraResponse>;

/**
 * Template tag for REST paths: `jiraPath\`/rest/api/3/issue/${key}\``. Each parameter is
 * percent-encoded; an empty parameter or one containing `..` is refused, so a key from outside
 * can never walk to another endpoint.
 *
 * @example jiraPath`/rest/api/3/issue/${'SD-1'}/comment/${'10001'}`.text // '/rest/api/3/issue/SD-1/comment/10001'
 */
export function jiraPath(template: TemplateStringsArray, ...values: readonly (string | number)[]): JiraPath {
  const params = values.map((value, index) => {
    const text = String(value);
    if (text === '' || text.includes('..')) {
      throw new RangeError(`Jira path parameter ${index + 1} of "${template.join('{}')}" is not allowed: "${text}"`);
    }
    return encodeURIComponent(text);
  });
  const text = template.reduce((joined, part, index) => joined + part + (params[index] ?? ''), '');
  return { template, params, text };
}
