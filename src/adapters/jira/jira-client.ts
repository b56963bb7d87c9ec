/**
 * The one Jira / JSM client of the app: every REST v3 and servicedeskapi call goes through here.
 * It builds requests, sends them through a `JiraTransport` (Forge `requestJira` as app or as user,
 * or plain fetch to the sandbox) wrapped in the retry policy, parses every answer with the zod
 * schemas of src/contract/jira-api.ts and maps it to the small typed values the app needs.
 * Non-2xx answers, unexpected bodies and transport failures become a `JiraError` with `cause`.
 *
 * What this module may not do: log, decide anything about contracts or clocks, or hand data read
 * as the app to a user (authorization is the resolvers' job: use a client on the asUser transport
 * for the permission checks).
 */
import { z } from 'zod';
import {
  SD_PUBLIC_COMMENT_PROPERTY,
  jiraAppFieldValueUpdateBodySchema,
  jiraChangelogPageSchema,
  jiraCommentSchema,
  jiraEntityPropertySchema,
  jiraErrorBodySchema,
  jiraFieldListSchema,
  jiraIssueSchema,
  jiraMyPermissionsSchema,
  jiraMyselfSchema,
  jiraNotifyBodySchema,
  jiraPriorityPageSchema,
  jiraPropertyKeysSchema,
  jiraStatusListSchema,
  jiraSearchPageSchema,
  jiraIssueDigestPageSchema,
  jiraApproximateCountSchema,
  jsmCommentCreateBodySchema,
  jsmCommentSchema,
  jsmCustomerRequestSchema,
  jsmOrganizationSchema,
  jsmPageSchema,
  jsmRequestTypeFieldValueSchema,
  jsmRequestTypeSchema,
  jsmServiceDeskSchema,
  parseJiraDateTime,
  sdPublicCommentValueSchema,
} from '../../contract/jira-api';
import type {
  JiraAccountType,
  JiraChangelog,
  JiraField,
  JiraNotifyBody,
  JiraPriorityDetails,
  JiraStatusCategoryKey,
  JsmOrganization,
  JsmRequestType,
  JsmServiceDesk,
} from '../../contract/jira-api';
import { withRetry } from './retry';
import type { RetryOptions } from './retry';

// ---------------------------------------------------------------------------------------------
// Transport port
// ---------------------------------------------------------------------------------------------

export type JiraMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

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
  /** Query parameters; a list value is sent comma-separated, as Jira expects for `fields`. */
  readonly query?: Readonly<Record<string, string>>;
  /** A JSON value; transports serialise it and send `Content-Type: application/json`. */
  readonly body?: unknown;
}

export interface JiraResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
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

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/**
 * - `http`: Jira answered a non-2xx status (after retries); `errorMessages` / `fieldErrors` carry
 *   Jira's own explanation.
 * - `invalid-response`: a 2xx answer whose body is not JSON or not the documented shape; `issues`
 *   names each bad field (`fields.status.statusCategory.key: …`).
 * - `network`: the transport threw (no answer); `status` is undefined.
 */
export type JiraErrorKind = 'http' | 'invalid-response' | 'network';

export interface JiraErrorDetails {
  readonly kind: JiraErrorKind;
  readonly method: JiraMethod;
  readonly path: string;
  readonly status: number | undefined;
  readonly errorMessages: readonly string[];
  readonly fieldErrors: Readonly<Record<string, string>>;
  readonly issues: readonly string[];
}

export class JiraError extends Error implements JiraErrorDetails {
  override readonly name = 'JiraError';
  readonly kind: JiraErrorKind;
  readonly method: JiraMethod;
  readonly path: string;
  readonly status: number | undefined;
  readonly errorMessages: readonly string[];
  readonly fieldErrors: Readonly<Record<string, string>>;
  readonly issues: readonly string[];

  constructor(message: string, details: JiraErrorDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = details.kind;
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.errorMessages = details.errorMessages;
    this.fieldErrors = details.fieldErrors;
    this.issues = details.issues;
  }
}

/** @example isJiraError(error) && error.status === 404 */
export function isJiraError(error: unknown): error is JiraError {
  return error instanceof JiraError;
}

// ---------------------------------------------------------------------------------------------
// Values the client answers with
// ---------------------------------------------------------------------------------------------

/** The issue property that holds the contract clock record (see manifest `jira:entityProperty`). */
export const CONTRACT_CLOCK_PROPERTY_KEY = 'contract-clock';
/** Jira's limit on the JSON text of one entity property value. */
export const ISSUE_PROPERTY_MAX_CHARS = 32_768;
/** Manifest module key of the read-only `jira:customField` "Contract deadline". */
export const CONTRACT_DEADLINE_MODULE_KEY = 'contract-deadline';
export const JSM_REQUEST_TYPE_FIELD_TYPE = 'com.atlassian.servicedesk:vp-origin';
export const JSM_ORGANIZATIONS_FIELD_TYPE = 'com.atlassian.servicedesk:sd-customer-organizations';

/** Site-specific ids of the custom fields the app reads or writes; null when the site has none. */
export interface JiraFieldIds {
  readonly requestType: string | null;
  readonly organizations: string | null;
  readonly contractDeadline: string | null;
}

/** One changed field of one changelog entry, flattened; `at` orders them. */
export interface FieldChange {
  /** Changelog entry id: with the issue id, a stable key for idempotency. */
  readonly changeId: string;
  readonly at: Date;
  readonly authorAccountId: string | null;
  /** `status`, `priority`, `resolution`, `customfield_10010`, … (the field name on very old entries). */
  readonly fieldId: string;
  readonly from: string | null;
  readonly fromText: string | null;
  readonly to: string | null;
  readonly toText: string | null;
}

/** Everything the clock handlers need about one issue, from a single GET. */
export interface IssueSnapshot {
  readonly id: string;
  readonly key: string;
  readonly project: { readonly id: string; readonly key: string; readonly name: string };
  readonly issueType: { readonly id: string; readonly name: string };
  readonly status: { readonly id: string; readonly name: string; readonly category: JiraStatusCategoryKey };
  readonly priority: { readonly id: string; readonly name: string } | null;
  readonly createdAt: Date;
  readonly resolvedAt: Date | null;
  readonly resolution: { readonly id: string; readonly name: string } | null;
  readonly components: readonly { readonly id: string; readonly name: string }[];
  readonly labels: readonly string[];
  readonly reporter: { readonly accountId: string; readonly accountType: JiraAccountType | null } | null;
  /** The agent the request is assigned to; the sweep writes its notes in their language. */
  readonly assignee: { readonly accountId: string } | null;
  /** JSM request type; null outside service projects or when the field id is unknown. */
  readonly requestType: { readonly id: string; readonly name: string; readonly serviceDeskId: string | null } | null;
  /** JSM organizations of the request (empty when none or when the field id is unknown). */
  readonly organizations: readonly JsmOrganization[];
  /** Current value of the "Contract deadline" field; null when empty, unreadable or not requested. */
  readonly contractDeadline: Date | null;
  /** The raw `contract-clock` property value (parse it with the record schema), or null when absent. */
  readonly contractClock: { readonly value: unknown } | null;
  /**
   * With `includeChangelog`: the changes embedded in the issue, oldest first. `complete` is false
   * when Jira cut the list (more than its embed limit): then call `getChangelog`.
   */
  readonly changelog: { readonly changes: readonly FieldChange[]; readonly complete: boolean } | null;
}

/** An issue as a search lists it for reports: identity, summary, project and the clock property. */
export interface IssueDigest {
  readonly id: string;
  readonly key: string;
  readonly summary: string;
  readonly project: { readonly id: string; readonly key: string } | null;
  readonly resolvedAt: Date | null;
  readonly contractClock: { readonly value: unknown } | null;
}

export interface CommentSnapshot {
  readonly id: string;
  readonly authorAccountId: string | null;
  readonly authorAccountType: JiraAccountType | null;
  readonly createdAt: Date;
  /** False for JSM internal notes (`sd.public.comment` internal, or `jsdPublic: false`). */
  readonly isPublic: boolean;
}

export interface CreatedRequestComment {
  readonly id: string;
  readonly isPublic: boolean;
  readonly createdAt: Date;
}

export interface CustomerRequestSnapshot {
  readonly issueId: string;
  readonly issueKey: string;
  readonly requestTypeId: string;
  readonly serviceDeskId: string;
  readonly createdAt: Date;
  readonly reporterAccountId: string | null;
  readonly currentStatus: string | null;
}

export interface StatusOption {
  readonly id: string;
  readonly name: string;
  readonly category: JiraStatusCategoryKey;
}

export interface MyselfSnapshot {
  readonly accountId: string;
  readonly accountType: JiraAccountType | null;
  readonly timeZone: string | null;
  readonly locale: string | null;
}

export interface SetContractDeadlineInput {
  /** Id (`customfield_10050`) or key of the Forge field, from `discoverFieldIds`. */
  readonly fieldIdOrKey: string;
  /** Numeric issue id (the app field API takes ids, not keys). */
  readonly issueId: string;
  /** The deadline; null clears the field. */
  readonly deadline: Date | null;
  /** Jira's defaults (true) apply when omitted. */
  readonly generateChangelog?: boolean;
  /** False suppresses `avi:jira:updated:issue` for this write — for every app on the site. */
  readonly generateAppEvents?: boolean;
}

// ---------------------------------------------------------------------------------------------
// The client
// ---------------------------------------------------------------------------------------------

/**
 * The methods of the client. The scope comment on each names the Forge scope (manifest
 * `permissions.scopes`) the call needs. "As user" marks calls that only mean something through a
 * client built on the asUser transport.
 */
export interface JiraClient {
  /**
   * GET /rest/api/3/issue/{issueIdOrKey}?fields=…&properties=contract-clock[&expand=changelog]
   * Scope: read:jira-work.
   */
  getIssue(
    issueIdOrKey: string,
    options?: { readonly fieldIds?: JiraFieldIds; readonly includeChangelog?: boolean },
  ): Promise<IssueSnapshot>;
  /**
   * GET /rest/api/3/issue/{issueIdOrKey}/changelog, every page; oldest first; optionally only the
   * given field ids (`status`, `priority`, `resolution`, …). Scope: read:jira-work.
   */
  getChangelog(issueIdOrKey: string, options?: { readonly fieldIds?: readonly string[] }): Promise<FieldChange[]>;
  /**
   * POST /rest/api/3/search/jql — one page of issues matching `jql` with their `contract-clock`
   * property; `nextPageToken` of the answer fetches the next page. Scope: read:jira-work.
   */
  searchIssuesWithClock(
    jql: string,
    page?: { readonly nextPageToken?: string; readonly maxResults?: number },
  ): Promise<{ issues: { id: string; key: string; contractClock: { readonly value: unknown } | null }[]; nextPageToken: string | null }>;
  /**
   * POST /rest/api/3/search/jql — one page of issues matching `jql` with summary, project, resolution
   * date and the `contract-clock` property (the review report's missed requests). Scope: read:jira-work.
   */
  searchIssueDigests(
    jql: string,
    page?: { readonly nextPageToken?: string; readonly maxResults?: number },
  ): Promise<{ issues: IssueDigest[]; nextPageToken: string | null }>;
  /**
   * POST /rest/api/3/search/approximate-count — how many issues match `jql` (for the caller, as user).
   * Jira calls it an estimate: recent changes may not be counted yet. Scope: read:jira-work.
   */
  countIssues(jql: string): Promise<number>;
  /** GET /rest/api/3/field. Scope: read:jira-work. */
  listFields(): Promise<JiraField[]>;
  /** GET /rest/api/3/field, then `findFieldIds`. Scope: read:jira-work. Cache the answer: it rarely changes. */
  discoverFieldIds(moduleKey?: string): Promise<JiraFieldIds>;
  /** GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}; null when absent. Scope: read:jira-work. */
  getIssueProperty(issueIdOrKey: string, propertyKey: string): Promise<{ readonly value: unknown } | null>;
  /**
   * PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}; a value over
   * ISSUE_PROPERTY_MAX_CHARS is refused before the call (RangeError). Scope: write:jira-work.
   */
  setIssueProperty(issueIdOrKey: string, propertyKey: string, value: unknown): Promise<'created' | 'updated'>;
  /** DELETE /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}; false when it was absent. Scope: write:jira-work. */
  deleteIssueProperty(issueIdOrKey: string, propertyKey: string): Promise<boolean>;
  /** GET /rest/api/3/issue/{issueIdOrKey}/properties. Scope: read:jira-work. */
  listIssuePropertyKeys(issueIdOrKey: string): Promise<string[]>;
  /**
   * PUT /rest/api/3/app/field/{fieldIdOrKey}/value — only the app owning the field may write it.
   * Scope: write:app-data:jira (Jira also accepts write:jira-work for now).
   */
  setContractDeadline(input: SetContractDeadlineInput): Promise<void>;
  /** GET /rest/api/3/issue/{issueIdOrKey}/comment/{commentId}?expand=properties. Scope: read:jira-work. */
  getComment(issueIdOrKey: string, commentId: string): Promise<CommentSnapshot>;
  /**
   * POST /rest/servicedeskapi/request/{issueIdOrKey}/comment — `isPublic: false` is an internal
   * note. Scope: write:servicedesk-request.
   */
  addRequestComment(
    issueIdOrKey: string,
    comment: { readonly body: string; readonly isPublic: boolean },
  ): Promise<CreatedRequestComment>;
  /** POST /rest/api/3/issue/{issueIdOrKey}/notify. Scope: write:jira-work. */
  notifyIssue(issueIdOrKey: string, notification: JiraNotifyBody): Promise<void>;
  /**
   * GET /rest/api/3/mypermissions?permissions=…[&issueKey|issueId|projectKey=…] — as user.
   * Every requested key is in the answer (false when Jira did not list it). Scope: read:jira-work.
   */
  getMyPermissions(query: {
    readonly permissions: readonly string[];
    readonly issueIdOrKey?: string;
    readonly projectKey?: string;
  }): Promise<Record<string, boolean>>;
  /** BROWSE_PROJECTS on the issue, as user. Scope: read:jira-work. */
  canBrowseIssue(issueIdOrKey: string): Promise<boolean>;
  /** Global ADMINISTER (Jira admin), as user — the gate of every config resolver. Scope: read:jira-work. */
  isJiraAdmin(): Promise<boolean>;
  /** GET /rest/api/3/myself — as user. Scope: read:jira-user. */
  getMyself(): Promise<MyselfSnapshot>;
  /** GET /rest/api/3/user?accountId=… — the display name of an account; null when unknown. Scope: read:jira-user. */
  getUserDisplayName(accountId: string): Promise<string | null>;
  /**
   * GET /rest/api/3/user?accountId=… — the account's locale (`nl_NL`); null when the account is
   * unknown or its privacy setting hides the locale. Scope: read:jira-user.
   */
  getUserLocale(accountId: string): Promise<string | null>;
  /** GET /rest/api/3/priority/search, every page. Scope: read:jira-work. */
  listPriorities(): Promise<JiraPriorityDetails[]>;
  /** GET /rest/api/3/status. Scope: read:jira-work. */
  listStatuses(): Promise<StatusOption[]>;
  /** GET /rest/servicedeskapi/servicedesk, every page. Scope: read:servicedesk-request. */
  listServiceDesks(): Promise<JsmServiceDesk[]>;
  /** GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype, every page. Scope: read:servicedesk-request. */
  listRequestTypes(serviceDeskId: string): Promise<JsmRequestType[]>;
  /**
   * GET /rest/servicedeskapi/organization[?accountId=…], every page; with `accountId` only that
   * customer's organizations. Scope: manage:servicedesk-customer (NOT in manifest.yml yet).
   */
  listOrganizations(filter?: { readonly accountId?: string }): Promise<JsmOrganization[]>;
  /** GET /rest/servicedeskapi/request/{issueIdOrKey}. Scope: read:servicedesk-request. */
  getCustomerRequest(issueIdOrKey: string): Promise<CustomerRequestSnapshot>;
}

export interface JiraClientOptions {
  readonly transport: JiraTransport;
  /** Retry policy around the transport (see retry.ts); defaults apply when omitted. */
  readonly retry?: RetryOptions;
}

/** Fields requested by getIssue besides the site-specific custom fields. */
const ISSUE_FIELDS = [
  'status',
  'priority',
  'created',
  'resolutiondate',
  'resolution',
  'components',
  'labels',
  'reporter',
  'assignee',
  'project',
  'issuetype',
] as const;

const CHANGELOG_PAGE_SIZE = 100;
const PICKER_PAGE_SIZE = 50;
/** A guard against a paging loop that never reports its last page. */
const MAX_PAGES = 200;

/**
 * Picks the app's custom field ids out of GET /rest/api/3/field: the JSM request type and
 * organizations fields by `schema.custom`, and the Forge "Contract deadline" field by its
 * extension ARI (`…/static/{moduleKey}`) or its key (`…__{moduleKey}`).
 *
 * @example findFieldIds(fields, 'contract-deadline').contractDeadline // 'customfield_10050'
 */
export function findFieldIds(fields: readonly JiraField[], moduleKey: string = CONTRACT_DEADLINE_MODULE_KEY): JiraFieldIds {
  const byCustomType = (type: string): string | null =>
    fields.find((field) => field.schema?.custom === type)?.id ?? null;
  const deadline = fields.find((field) => {
    const custom = field.schema?.custom ?? '';
    const isForgeExtension = custom.startsWith('ari:cloud:ecosystem::extension/') && custom.endsWith(`/static/${moduleKey}`);
    const hasForgeKey = field.key !== undefined && field.key.endsWith(`__${moduleKey}`);
    return field.custom && (isForgeExtension || hasForgeKey);
  });
  return {
    requestType: byCustomType(JSM_REQUEST_TYPE_FIELD_TYPE),
    organizations: byCustomType(JSM_ORGANIZATIONS_FIELD_TYPE),
    contractDeadline: deadline?.id ?? null,
  };
}

/** Flattens changelog entries into field changes, oldest first (ties keep Jira's order). */
export function flattenChangelog(histories: readonly JiraChangelog[], fieldIds?: readonly string[]): FieldChange[] {
  const wanted = fieldIds === undefined ? undefined : new Set(fieldIds);
  const changes: FieldChange[] = [];
  for (const history of histories) {
    for (const item of history.items) {
      const fieldId = item.fieldId ?? item.field;
      if (wanted !== undefined && !wanted.has(fieldId)) continue;
      changes.push({
        changeId: history.id,
        at: history.created,
        authorAccountId: history.author?.accountId ?? null,
        fieldId,
        from: item.from,
        fromText: item.fromString,
        to: item.to,
        toText: item.toString,
      });
    }
  }
  // Array.prototype.sort is stable, so entries with the same instant keep Jira's order.
  return changes.sort((a, b) => a.at.getTime() - b.at.getTime());
}

function describe(request: JiraRequest): string {
  return `${request.method} ${request.path.text}`;
}

function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

function httpError(request: JiraRequest, response: JiraResponse): JiraError {
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
    `Jira answered ${response.status} to ${describe(request)}${suffix}`,
    {
      kind: 'http',
      method: request.method,
      path: request.path.text,
      status: response.status,
      errorMessages,
      fieldErrors,
      issues: [],
    },
    { cause: response },
  );
}

function invalidResponse(request: JiraRequest, status: number, issues: string[], cause: unknown): JiraError {
  const shown = issues.slice(0, 5).join('; ') + (issues.length > 5 ? `; and ${issues.length - 5} more` : '');
  return new JiraError(
    `Jira answered ${describe(request)} with an unexpected body: ${shown}`,
    { kind: 'invalid-response', method: request.method, path: request.path.text, status, errorMessages: [], fieldErrors: {}, issues },
    { cause },
  );
}

/** Validates a value against a schema, reporting issues under `prefix` (e.g. `fields.customfield_10010`). */
function parseWith<T extends z.ZodType>(
  request: JiraRequest,
  status: number,
  schema: T,
  value: unknown,
  prefix: readonly PropertyKey[] = [],
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map(
    (issue) => `${formatIssuePath([...prefix, ...issue.path])}: ${issue.message}`,
  );
  throw invalidResponse(request, status, issues, result.error);
}

function parseJsonBody(request: JiraRequest, response: JiraResponse): unknown {
  try {
    return JSON.parse(response.body) as unknown;
  } catch (error) {
    throw invalidResponse(request, response.status, ['(root): body is not JSON'], error);
  }
}

function isSuccess(status: number): boolean {
  return status >= 200 && status <= 299;
}

/** Outgoing bodies are checked too: a bad body is our bug and must not reach Jira. */
function checkBody<T extends z.ZodType>(schema: T, body: unknown, what: string): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`);
  throw new TypeError(`Invalid ${what}: ${issues.join('; ')}`);
}

function issueParamName(issueIdOrKey: string): 'issueId' | 'issueKey' {
  return /^\d+$/.test(issueIdOrKey) ? 'issueId' : 'issueKey';
}

/**
 * Builds the client over a transport. The transport is wrapped in the retry policy here, so every
 * call retries 429/5xx the same way.
 *
 * @example
 * const jira = createJiraClient({ transport: createForgeTransport({ actor: 'app' }) });
 * const issue = await jira.getIssue('SD-42', { fieldIds });
 */
export function createJiraClient(options: JiraClientOptions): JiraClient {
  const transport = withRetry(options.transport, options.retry);

  async function exchange(request: JiraRequest): Promise<JiraResponse> {
    try {
      return await transport(request);
    } catch (error) {
      throw new JiraError(
        `No answer from Jira to ${describe(request)}`,
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

  /** Reads every page of a Jira platform list (`startAt` / `isLast`). */
  async function collectPlatformPages<Item>(
    path: JiraPath,
    query: Readonly<Record<string, string>>,
    pageSize: number,
    parsePage: (request: JiraRequest) => Promise<{ startAt: number; isLast: boolean; values: Item[] }>,
  ): Promise<Item[]> {
    const items: Item[] = [];
    let startAt = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const request: JiraRequest = {
        method: 'GET',
        path,
        query: { ...query, startAt: String(startAt), maxResults: String(pageSize) },
      };
      const result = await parsePage(request);
      items.push(...result.values);
      if (result.isLast || result.values.length === 0) return items;
      startAt = result.startAt + result.values.length;
    }
    throw new RangeError(`Jira kept paging ${path.text} beyond ${MAX_PAGES} pages`);
  }

  /** Reads every page of a servicedeskapi list (`start` / `limit` / `isLastPage`). */
  async function collectJsmPages<T extends z.ZodType>(
    path: JiraPath,
    query: Readonly<Record<string, string>>,
    item: T,
  ): Promise<z.output<T>[]> {
    const pageSchema = jsmPageSchema(item);
    const items: z.output<T>[] = [];
    let start = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await call(
        { method: 'GET', path, query: { ...query, start: String(start), limit: String(PICKER_PAGE_SIZE) } },
        pageSchema,
      );
      const values: z.output<T>[] = result.values;
      items.push(...values);
      if (result.isLastPage || values.length === 0) return items;
      start = result.start + values.length;
    }
    throw new RangeError(`Jira kept paging ${path.text} beyond ${MAX_PAGES} pages`);
  }

  async function getMyPermissions(query: {
    readonly permissions: readonly string[];
    readonly issueIdOrKey?: string;
    readonly projectKey?: string;
  }): Promise<Record<string, boolean>> {
    if (query.permissions.length === 0) throw new RangeError('getMyPermissions needs at least one permission key');
    const params: Record<string, string> = { permissions: query.permissions.join(',') };
    if (query.issueIdOrKey !== undefined) params[issueParamName(query.issueIdOrKey)] = query.issueIdOrKey;
    if (query.projectKey !== undefined) params.projectKey = query.projectKey;
    const answer = await call({ method: 'GET', path: jiraPath`/rest/api/3/mypermissions`, query: params }, jiraMyPermissionsSchema);
    return Object.fromEntries(
      query.permissions.map((key) => [key, answer.permissions[key]?.havePermission === true] as const),
    );
  }

  return {
    async getIssue(issueIdOrKey, getOptions = {}) {
      const fieldIds = getOptions.fieldIds;
      const customFields = [fieldIds?.requestType, fieldIds?.organizations, fieldIds?.contractDeadline].filter(
        (id): id is string => typeof id === 'string' && id !== '',
      );
      const query: Record<string, string> = {
        fields: [...ISSUE_FIELDS, ...customFields].join(','),
        properties: CONTRACT_CLOCK_PROPERTY_KEY,
      };
      if (getOptions.includeChangelog === true) query.expand = 'changelog';
      const request: JiraRequest = { method: 'GET', path: jiraPath`/rest/api/3/issue/${issueIdOrKey}`, query };
      const response = await exchange(request);
      if (!isSuccess(response.status)) throw httpError(request, response);
      const issue = parseWith(request, response.status, jiraIssueSchema, parseJsonBody(request, response));
      const fields = issue.fields;

      const requestTypeValue =
        fieldIds?.requestType == null
          ? null
          : parseWith(request, response.status, jsmRequestTypeFieldValueSchema.nullable().optional(), fields[fieldIds.requestType], [
              'fields',
              fieldIds.requestType,
            ]) ?? null;
      const organizations =
        fieldIds?.organizations == null
          ? []
          : parseWith(request, response.status, z.array(jsmOrganizationSchema).nullable().optional(), fields[fieldIds.organizations], [
              'fields',
              fieldIds.organizations,
            ]) ?? [];
      // Our own field: a value we cannot read is treated as empty, the clock rewrites it anyway.
      const deadlineValue = fieldIds?.contractDeadline == null ? undefined : fields[fieldIds.contractDeadline];
      const contractDeadline = typeof deadlineValue === 'string' ? parseJiraDateTime(deadlineValue) ?? null : null;

      const properties = issue.properties ?? {};
      const hasClock = Object.prototype.hasOwnProperty.call(properties, CONTRACT_CLOCK_PROPERTY_KEY);

      const embedded = issue.changelog;
      const changelog =
        embedded === undefined
          ? null
          : {
              changes: flattenChangelog(embedded.histories),
              complete: embedded.total === undefined || embedded.total <= embedded.histories.length,
            };

      return {
        id: issue.id,
        key: issue.key,
        project: { id: fields.project.id, key: fields.project.key, name: fields.project.name },
        issueType: { id: fields.issuetype.id, name: fields.issuetype.name },
        status: { id: fields.status.id, name: fields.status.name, category: fields.status.statusCategory.key },
        priority: fields.priority == null ? null : { id: fields.priority.id, name: fields.priority.name },
        createdAt: fields.created,
        resolvedAt: fields.resolutiondate ?? null,
        resolution: fields.resolution == null ? null : { id: fields.resolution.id, name: fields.resolution.name },
        components: (fields.components ?? []).map((component) => ({ id: component.id, name: component.name })),
        labels: fields.labels ?? [],
        reporter:
          fields.reporter == null
            ? null
            : { accountId: fields.reporter.accountId, accountType: fields.reporter.accountType ?? null },
        assignee: fields.assignee == null ? null : { accountId: fields.assignee.accountId },
        requestType:
          requestTypeValue === null
            ? null
            : {
                id: requestTypeValue.requestType.id,
                name: requestTypeValue.requestType.name,
                serviceDeskId: requestTypeValue.requestType.serviceDeskId ?? null,
              },
        organizations: organizations.map((organization) => ({ id: organization.id, name: organization.name })),
        contractDeadline,
        contractClock: hasClock ? { value: properties[CONTRACT_CLOCK_PROPERTY_KEY] } : null,
        changelog,
      };
    },

    async getChangelog(issueIdOrKey, changelogOptions = {}) {
      const histories = await collectPlatformPages(
        jiraPath`/rest/api/3/issue/${issueIdOrKey}/changelog`,
        {},
        CHANGELOG_PAGE_SIZE,
        (request) => call(request, jiraChangelogPageSchema),
      );
      return flattenChangelog(histories, changelogOptions.fieldIds);
    },

    async listFields() {
      return call({ method: 'GET', path: jiraPath`/rest/api/3/field` }, jiraFieldListSchema);
    },

    async discoverFieldIds(moduleKey = CONTRACT_DEADLINE_MODULE_KEY) {
      const fields = await call({ method: 'GET', path: jiraPath`/rest/api/3/field` }, jiraFieldListSchema);
      return findFieldIds(fields, moduleKey);
    },

    async getIssueProperty(issueIdOrKey, propertyKey) {
      const request: JiraRequest = {
        method: 'GET',
        path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`,
      };
      const response = await exchange(request);
      // 404 also answers "no such issue"; a caller that needs to tell them apart reads the issue.
      if (response.status === 404) return null;
      if (!isSuccess(response.status)) throw httpError(request, response);
      const property = parseWith(request, response.status, jiraEntityPropertySchema, parseJsonBody(request, response));
      return { value: property.value };
    },

    async setIssueProperty(issueIdOrKey, propertyKey, value) {
      if (value === undefined) throw new TypeError('An issue property value must be a JSON value, not undefined');
      const size = JSON.stringify(value).length;
      if (size > ISSUE_PROPERTY_MAX_CHARS) {
        // Refused here rather than by Jira's 400 so the caller gets a clear reason and nothing is half-written.
        throw new RangeError(`Issue property "${propertyKey}" is ${size} characters; Jira stores at most ${ISSUE_PROPERTY_MAX_CHARS}`);
      }
      const response = await callWithoutBody({
        method: 'PUT',
        path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`,
        body: value,
      });
      return response.status === 201 ? 'created' : 'updated';
    },

    async deleteIssueProperty(issueIdOrKey, propertyKey) {
      const request: JiraRequest = {
        method: 'DELETE',
        path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`,
      };
      const response = await exchange(request);
      if (response.status === 404) return false;
      if (!isSuccess(response.status)) throw httpError(request, response);
      return true;
    },

    async listIssuePropertyKeys(issueIdOrKey) {
      const answer = await call(
        { method: 'GET', path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/properties` },
        jiraPropertyKeysSchema,
      );
      return answer.keys.map((entry) => entry.key);
    },

    async setContractDeadline(input) {
      if (!/^\d+$/.test(input.issueId)) throw new RangeError(`setContractDeadline needs a numeric issue id, got "${input.issueId}"`);
      const body = checkBody(
        jiraAppFieldValueUpdateBodySchema,
        { updates: [{ issueIds: [Number(input.issueId)], value: input.deadline === null ? null : input.deadline.toISOString() }] },
        'app field value update',
      );
      const query: Record<string, string> = {};
      if (input.generateChangelog !== undefined) query.generateChangelog = String(input.generateChangelog);
      if (input.generateAppEvents !== undefined) query.generateAppEvents = String(input.generateAppEvents);
      await callWithoutBody({
        method: 'PUT',
        path: jiraPath`/rest/api/3/app/field/${input.fieldIdOrKey}/value`,
        ...(Object.keys(query).length === 0 ? {} : { query }),
        body,
      });
    },

    async getComment(issueIdOrKey, commentId) {
      const comment = await call(
        {
          method: 'GET',
          path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/comment/${commentId}`,
          query: { expand: 'properties' },
        },
        jiraCommentSchema,
      );
      const visibility = comment.properties?.find((property) => property.key === SD_PUBLIC_COMMENT_PROPERTY);
      const internal = visibility === undefined ? undefined : sdPublicCommentValueSchema.safeParse(visibility.value).data?.internal;
      // Either signal of "internal" wins: telling a customer an internal note was a reply is the worse mistake.
      const isPublic = comment.jsdPublic !== false && internal !== true;
      return {
        id: comment.id,
        authorAccountId: comment.author?.accountId ?? null,
        authorAccountType: comment.author?.accountType ?? null,
        createdAt: comment.created,
        isPublic,
      };
    },

    async addRequestComment(issueIdOrKey, comment) {
      const body = checkBody(jsmCommentCreateBodySchema, { body: comment.body, public: comment.isPublic }, 'request comment');
      const created = await call(
        { method: 'POST', path: jiraPath`/rest/servicedeskapi/request/${issueIdOrKey}/comment`, body },
        jsmCommentSchema,
      );
      return { id: created.id, isPublic: created.public, createdAt: new Date(created.created.epochMillis) };
    },

    async notifyIssue(issueIdOrKey, notification) {
      const body = checkBody(jiraNotifyBodySchema, notification, 'notification');
      await callWithoutBody({ method: 'POST', path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/notify`, body });
    },

    getMyPermissions,

    async canBrowseIssue(issueIdOrKey) {
      const granted = await getMyPermissions({ permissions: ['BROWSE_PROJECTS'], issueIdOrKey });
      return granted.BROWSE_PROJECTS === true;
    },

    async isJiraAdmin() {
      const granted = await getMyPermissions({ permissions: ['ADMINISTER'] });
      return granted.ADMINISTER === true;
    },

    async getMyself() {
      const me = await call({ method: 'GET', path: jiraPath`/rest/api/3/myself` }, jiraMyselfSchema);
      return {
        accountId: me.accountId,
        accountType: me.accountType ?? null,
        timeZone: me.timeZone ?? null,
        locale: me.locale ?? null,
      };
    },

    async getUserDisplayName(accountId) {
      const request: JiraRequest = { method: 'GET', path: jiraPath`/rest/api/3/user`, query: { accountId } };
      const response = await exchange(request);
      if (response.status === 404) return null;
      if (!isSuccess(response.status)) throw httpError(request, response);
      return parseWith(request, response.status, jiraMyselfSchema, parseJsonBody(request, response)).displayName ?? null;
    },

    async getUserLocale(accountId) {
      const request: JiraRequest = { method: 'GET', path: jiraPath`/rest/api/3/user`, query: { accountId } };
      const response = await exchange(request);
      if (response.status === 404) return null;
      if (!isSuccess(response.status)) throw httpError(request, response);
      return parseWith(request, response.status, jiraMyselfSchema, parseJsonBody(request, response)).locale ?? null;
    },

    async listPriorities() {
      return collectPlatformPages(jiraPath`/rest/api/3/priority/search`, {}, PICKER_PAGE_SIZE, (request) =>
        call(request, jiraPriorityPageSchema),
      );
    },

    async searchIssuesWithClock(jql, page = {}) {
      const body = {
        jql,
        fields: ['created'],
        properties: [CONTRACT_CLOCK_PROPERTY_KEY],
        maxResults: page.maxResults ?? 100,
        ...(page.nextPageToken === undefined ? {} : { nextPageToken: page.nextPageToken }),
      };
      const answer = await call({ method: 'POST', path: jiraPath`/rest/api/3/search/jql`, body }, jiraSearchPageSchema);
      return {
        issues: answer.issues.map((issue) => {
          const properties = issue.properties ?? {};
          const has = Object.prototype.hasOwnProperty.call(properties, CONTRACT_CLOCK_PROPERTY_KEY);
          return { id: issue.id, key: issue.key, contractClock: has ? { value: properties[CONTRACT_CLOCK_PROPERTY_KEY] } : null };
        }),
        nextPageToken: answer.isLast === true ? null : (answer.nextPageToken ?? null),
      };
    },

    async searchIssueDigests(jql, page = {}) {
      const body = {
        jql,
        fields: ['summary', 'project', 'resolutiondate'],
        properties: [CONTRACT_CLOCK_PROPERTY_KEY],
        maxResults: page.maxResults ?? 100,
        ...(page.nextPageToken === undefined ? {} : { nextPageToken: page.nextPageToken }),
      };
      const answer = await call({ method: 'POST', path: jiraPath`/rest/api/3/search/jql`, body }, jiraIssueDigestPageSchema);
      return {
        issues: answer.issues.map((issue) => {
          const properties = issue.properties ?? {};
          const has = Object.prototype.hasOwnProperty.call(properties, CONTRACT_CLOCK_PROPERTY_KEY);
          return {
            id: issue.id,
            key: issue.key,
            summary: issue.fields?.summary ?? '',
            project: issue.fields?.project === undefined ? null : { id: issue.fields.project.id, key: issue.fields.project.key },
            resolvedAt: issue.fields?.resolutiondate ?? null,
            contractClock: has ? { value: properties[CONTRACT_CLOCK_PROPERTY_KEY] } : null,
          };
        }),
        nextPageToken: answer.isLast === true ? null : (answer.nextPageToken ?? null),
      };
    },

    async countIssues(jql) {
      const answer = await call({ method: 'POST', path: jiraPath`/rest/api/3/search/approximate-count`, body: { jql } }, jiraApproximateCountSchema);
      return answer.count;
    },

    async listStatuses() {
      const statuses = await call({ method: 'GET', path: jiraPath`/rest/api/3/status` }, jiraStatusListSchema);
      return statuses.map((status) => ({ id: status.id, name: status.name, category: status.statusCategory.key }));
    },

    async listServiceDesks() {
      return collectJsmPages(jiraPath`/rest/servicedeskapi/servicedesk`, {}, jsmServiceDeskSchema);
    },

    async listRequestTypes(serviceDeskId) {
      return collectJsmPages(
        jiraPath`/rest/servicedeskapi/servicedesk/${serviceDeskId}/requesttype`,
        {},
        jsmRequestTypeSchema,
      );
    },

    async listOrganizations(filter = {}) {
      const query: Record<string, string> = filter.accountId === undefined ? {} : { accountId: filter.accountId };
      return collectJsmPages(jiraPath`/rest/servicedeskapi/organization`, query, jsmOrganizationSchema);
    },

    async getCustomerRequest(issueIdOrKey) {
      const request = await call(
        { method: 'GET', path: jiraPath`/rest/servicedeskapi/request/${issueIdOrKey}` },
        jsmCustomerRequestSchema,
      );
      return {
        issueId: request.issueId,
        issueKey: request.issueKey,
        requestTypeId: request.requestTypeId,
        serviceDeskId: request.serviceDeskId,
        createdAt: new Date(request.createdDate.epochMillis),
        reporterAccountId: request.reporter?.accountId ?? null,
        currentStatus: request.currentStatus?.status ?? null,
      };
    },
  };
}
