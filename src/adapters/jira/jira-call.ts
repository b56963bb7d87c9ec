/**
 * What every Jira call family shares: send a request through the (retrying) transport, turn a
 * non-2xx answer, an unexpected body or a transport failure into a `JiraError` with `cause`, parse
 * answers with the zod schemas of src/contract/jira-api.ts, check outgoing bodies, and read every
 * page of Jira's two paging styles. Forge's consent error (`NeedsAuthenticationError`) is never
 * wrapped: it reaches the resolver as Forge threw it, so Forge can show its "Allow access" prompt.
 *
 * What this module may not do: know an endpoint, log, or decide anything about contracts or clocks.
 */
import type { z } from 'zod';
import { jiraErrorBodySchema, jsmPageSchema } from '../../contract/jira-api';
import { isConsentRequired, JiraError } from '../../app/jira-ports';
import type { JiraPath, JiraRequest, JiraResponse, JiraTransport } from './jira-transport';

/** A guard against a paging loop that never reports its last page. */
const MAX_PAGES = 200;

/** The call kit one family module gets from createJiraCaller. */
export interface JiraCaller {
  /** The raw answer; a thrown transport error becomes a `network` JiraError (consent errors pass through). */
  exchange(request: JiraRequest): Promise<JiraResponse>;
  /** A 2xx answer parsed with `schema`; anything else throws a JiraError. */
  call<T extends z.ZodType>(request: JiraRequest, schema: T): Promise<z.output<T>>;
  /** A 2xx answer whose body is not read. */
  callWithoutBody(request: JiraRequest): Promise<JiraResponse>;
  /** Every page of a platform list (`startAt` / `maxResults` / `isLast`). */
  collectPlatformPages<Item>(
    path: JiraPath,
    query: NonNullable<JiraRequest['query']>,
    pageSize: number,
    parsePage: (request: JiraRequest) => Promise<{ startAt: number; isLast: boolean; values: Item[] }>,
  ): Promise<Item[]>;
  /** Every page of a servicedeskapi list (`start` / `limit` / `isLastPage`). */
  collectJsmPages<T extends z.ZodType>(path: JiraPath, query: Readonly<Record<string, string>>, item: T, pageSize: number): Promise<z.output<T>[]>;
}

export function describeRequest(request: JiraRequest): string {
  return `${request.method} ${request.path.text}`;
}

function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

function headerOf(response: JiraResponse, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(response.headers).find(([key]) => key.toLowerCase() === wanted)?.[1];
}

/** A JiraError for a non-2xx answer, with Jira's own messages when the body has them. */
export function httpError(request: JiraRequest, response: JiraResponse): JiraError {
  let errorMessages: string[] = [];
  let fieldErrors: Record<string, string> = {};
  try {
    const parsed = jiraErrorBodySchema.safeParse(JSON.parse(response.body));
    if (parsed.success) {
      errorMessages = [...(parsed.data.errorMessages ?? []), ...(parsed.data.errorMessage === undefined ? [] : [parsed.data.errorMessage])];
      fieldErrors = parsed.data.errors ?? {};
    }
  } catch {
    // Not JSON (a proxy's HTML error page): the status says enough.
  }
  const explained = [...errorMessages, ...Object.entries(fieldErrors).map(([field, message]) => `${field}: ${message}`)];
  const suffix = explained.length === 0 ? '' : `: ${explained.join('; ')}`;
  return new JiraError(
    `Jira answered ${response.status} to ${describeRequest(request)}${suffix}`,
    { kind: 'http', method: request.method, path: request.path.text, status: response.status, errorMessages, fieldErrors, issues: [], retryAfter: headerOf(response, 'retry-after') },
    { cause: response },
  );
}

function invalidResponse(request: JiraRequest, status: number, issues: string[], cause: unknown): JiraError {
  const shown = issues.slice(0, 5).join('; ') + (issues.length > 5 ? `; and ${issues.length - 5} more` : '');
  return new JiraError(
    `Jira answered ${describeRequest(request)} with an unexpected body: ${shown}`,
    { kind: 'invalid-response', method: request.method, path: request.path.text, status, errorMessages: [], fieldErrors: {}, issues },
    { cause },
  );
}

/**
 * Validates a value of an answer against a schema, reporting issues under `prefix`
 * (e.g. `fields.customfield_10010`).
 *
 * @example parseWith(request, 200, jiraIssueSchema, body)
 */
export function parseWith<T extends z.ZodType>(
  request: JiraRequest,
  status: number,
  schema: T,
  value: unknown,
  prefix: readonly PropertyKey[] = [],
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${formatIssuePath([...prefix, ...issue.path])}: ${issue.message}`);
  throw invalidResponse(request, status, issues, result.error);
}

/** The JSON of an answer, or an `invalid-response` JiraError. */
export function parseJsonBody(request: JiraRequest, response: JiraResponse): unknown {
  try {
    return JSON.parse(response.body) as unknown;
  } catch (error) {
    throw invalidResponse(request, response.status, ['(root): body is not JSON'], error);
  }
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status <= 299;
}

/**
 * Outgoing bodies are checked too: a bad body is our bug and must not reach Jira.
 *
 * @example checkBody(jiraNotifyBodySchema, notification, 'notification')
 */
export function checkBody<T extends z.ZodType>(schema: T, body: unknown, what: string): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`);
  throw new TypeError(`Invalid ${what}: ${issues.join('; ')}`);
}

/**
 * The call kit over a transport (already wrapped in the retry policy by the client).
 *
 * @example const caller = createJiraCaller(withRetry(transport)); await caller.call(request, schema);
 */
export function createJiraCaller(transport: JiraTransport): JiraCaller {
  async function exchange(request: JiraRequest): Promise<JiraResponse> {
    try {
      return await transport(request);
    } catch (error) {
      // Forge's consent error is the user's "not yet": Forge answers it with its Allow-access prompt.
      if (isConsentRequired(error)) throw error;
      throw new JiraError(
        `No answer from Jira to ${describeRequest(request)}`,
        { kind: 'network', method: request.method, path: request.path.text, status: undefined, errorMessages: [], fieldErrors: {}, issues: [] },
        { cause: error },
      );
    }
  }

  async function call<T extends z.ZodType>(request: JiraRequest, schema: T): Promise<z.output<T>> {
    const response = await exchange(request);
    if (!isSuccess(response.status)) throw httpError(request, response);
    return parseWith(request, response.status, schema, parseJsonBody(request, response));
  }

  async function callWithoutBody(request: JiraRequest): Promise<JiraResponse> {
    const response = await exchange(request);
    if (!isSuccess(response.status)) throw httpError(request, response);
    return response;
  }

  return {
    exchange,
    call,
    callWithoutBody,
    async collectPlatformPages(path, query, pageSize, parsePage) {
      const items = [];
      let startAt = 0;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await parsePage({ method: 'GET', path, query: { ...query, startAt: String(startAt), maxResults: String(pageSize) } });
        items.push(...result.values);
        if (result.isLast || result.values.length === 0) return items;
        startAt = result.startAt + result.values.length;
      }
      throw new RangeError(`Jira kept paging ${path.text} beyond ${MAX_PAGES} pages`);
    },
    async collectJsmPages(path, query, item, pageSize) {
      const pageSchema = jsmPageSchema(item);
      const items = [];
      let start = 0;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await call({ method: 'GET', path, query: { ...query, start: String(start), limit: String(pageSize) } }, pageSchema);
        items.push(...result.values);
        if (result.isLastPage || result.values.length === 0) return items;
        start = result.start + result.values.length;
      }
      throw new RangeError(`Jira kept paging ${path.text} beyond ${MAX_PAGES} pages`);
    },
  };
}
