/**
 * The HTTP front of the Jira emulator, independent of sockets: a request (method, URL, headers,
 * body) in, a response (status, headers, JSON body) out. Real Jira Cloud REST v3 and JSM
 * servicedeskapi paths, query parameters, paging (`startAt`/`maxResults`/`total`/`isLast`,
 * `nextPageToken`, servicedeskapi's `start`/`limit`/`size`/`isLastPage`) and error bodies (v3:
 * `{ errorMessages, errors }`, servicedeskapi: `{ errorMessage, i18nErrorMessage }`).
 *
 * Authentication: no Authorization header acts as the demo admin; HTTP Basic with a user's e-mail
 * (any token) acts as that user; `Bearer <appToken>` acts as the Forge app (asApp), and with
 * `X-Forge-As-User: <accountId>` as that user through the app (asUser); anything else is 401.
 * Calls through the app are limited to what the manifest's scopes grant (jira-scopes.ts): anything
 * else is answered 403, as Jira answers an app whose scopes do not cover the operation.
 *
 * Routing is the HTTP framework's: jira-server.ts registers every route of `EMULATED_ROUTES` on
 * Fastify and hands each matched request to `handleJiraRoute`; what no route matches is answered
 * by `answerUnrouted` (404, or 405 for a known path with another method).
 *
 * It changes the site only through the model's methods.
 */
import { z } from 'zod';
import { textToAdf } from './jira-adf';
import { PERMISSIONS, RESOLUTIONS, STATUS_CATEGORIES } from './jira-catalog';
import { badRequest, fieldErrors, forbidden, JiraError, notFound, type JiraErrorStatus } from './jira-errors';
import type { CommentInput, CreateIssueInput, JiraModel } from './jira-model';
import {
  appFieldValueBodySchema,
  appFieldValuesBodySchema,
  commentBodySchema,
  commentV2BodySchema,
  countBodySchema,
  createIssueBodySchema,
  editIssueBodySchema,
  notifyBodySchema,
  parseIssueFields,
  propertiesRecord,
  sdCommentBodySchema,
  sdCreateRequestBodySchema,
  searchBodySchema,
  bulkFetchBodySchema,
  transitionBodySchema,
  zodErrors,
} from './jira-request-schemas';
import {
  renderChangelogEntry,
  renderComment,
  renderComponent,
  renderCustomerRequest,
  renderField,
  renderIssue,
  renderMyself,
  renderOrganization,
  renderPriority,
  renderProject,
  renderRequestType,
  renderResolution,
  renderSdComment,
  renderSdPage,
  renderSdUser,
  renderServiceDesk,
  renderStatus,
  renderCategory,
  renderTransition,
  renderUser,
  selectFields,
  type RenderContext,
} from './jira-representations';
import { parseJql } from './jira-jql';
import { isGranted, requiredScopes } from './jira-scopes';
import { searchIssues } from './jira-search';
import type { IssueRecord, UserRecord } from './jira-state';
import { formatJiraDateTime, formatJsmDate } from './jira-time';

export interface JiraHttpRequest {
  method: string;
  /** path and query, e.g. `/rest/api/3/issue/ITS-1?expand=changelog` */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** the raw request body (JSON text), if any */
  body?: string | undefined;
  /** the route's path parameters as the router decoded them, e.g. `{ issueIdOrKey: 'ITS-1' }` */
  params?: Record<string, string>;
}

export interface JiraHttpResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON text; empty for 204 and for property writes */
  body: string;
}

/** Whether a path belongs to the emulated Jira APIs. */
export function isJiraApiPath(pathname: string): boolean {
  return pathname.startsWith('/rest/api/') || pathname.startsWith('/rest/servicedeskapi/');
}

/** The two API families, which answer errors in different shapes. */
export type Family = 'platform' | 'servicedesk';

/** The family a path belongs to. */
export function familyOf(pathname: string): Family {
  return pathname.startsWith('/rest/servicedeskapi/') ? 'servicedesk' : 'platform';
}

class Query {
  constructor(
    private readonly params: URLSearchParams,
    private readonly family: Family,
  ) {}

  get(name: string): string | undefined {
    return this.params.get(name) ?? undefined;
  }

  /** repeated and comma-separated values, trimmed, empty ones dropped */
  list(name: string): string[] {
    return this.params
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '');
  }

  int(name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
    const raw = this.get(name);
    if (raw === undefined || raw === '') return fallback;
    if (!/^-?\d+$/.test(raw)) {
      throw badRequest(
        this.family === 'platform' ? `The '${name}' parameter must be an integer.` : `The value '${raw}' of parameter '${name}' is not a number.`,
      );
    }
    return Math.min(Math.max(0, Number(raw)), max);
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.get(name);
    return raw === undefined ? fallback : raw.toLowerCase() === 'true';
  }
}

interface Ctx {
  model: JiraModel;
  caller: UserRecord;
  params: Record<string, string>;
  query: Query;
  /** the parsed JSON body; undefined when there is none */
  body: unknown;
  hasBody: boolean;
  render: RenderContext;
  path: string;
}

interface Result {
  status: number;
  body?: unknown;
}

const ok = (body: unknown): Result => ({ status: 200, body });
const created = (body: unknown): Result => ({ status: 201, body });
const noContent = (): Result => ({ status: 204 });

function param(ctx: Ctx, name: string): string {
  const value = ctx.params[name];
  if (value === undefined) throw new Error(`Route parameter ${name} missing.`);
  return value;
}

function parseBody<T extends z.ZodType>(ctx: Ctx, schema: T, family: Family): z.infer<T> {
  if (!ctx.hasBody) throw badRequest(family === 'platform' ? 'No content to map due to end-of-input' : 'The request body is missing.');
  const parsed = schema.safeParse(ctx.body);
  if (!parsed.success) {
    const errors = zodErrors(parsed.error.issues);
    if (family === 'servicedesk') throw badRequest(Object.entries(errors).map(([k, v]) => `${k}: ${v}`).join(' '));
    throw new JiraError(400, [], errors);
  }
  return parsed.data;
}

function expandOf(ctx: Ctx): Set<string> {
  return new Set(ctx.query.list('expand'));
}

function componentNames(ctx: Ctx, issue: IssueRecord): string[] {
  const project = ctx.model.getProject(issue.projectId);
  return issue.componentIds.map((id) => project.components.find((c) => c.id === id)?.name ?? id);
}

function isStaff(user: UserRecord): boolean {
  return user.role !== 'customer';
}

// ---------------------------------------------------------------------------------------------
// REST v3 handlers
// ---------------------------------------------------------------------------------------------

function serverInfo(ctx: Ctx): Result {
  const now = ctx.model.clock.now().getTime();
  return ok({
    baseUrl: ctx.model.baseUrl,
    displayUrl: ctx.model.baseUrl,
    version: '1001.0.0-SNAPSHOT',
    versionNumbers: [1001, 0, 0],
    deploymentType: 'Cloud',
    buildNumber: 100282,
    buildDate: '2026-01-05T00:00:00.000+0000',
    serverTime: formatJiraDateTime(now, 'UTC'),
    scmInfo: '0c1e2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b',
    serverTitle: 'Jira (Contract Clock sandbox)',
    serverTimeZone: 'Etc/UTC',
  });
}

function getUser(ctx: Ctx): Result {
  const accountId = ctx.query.get('accountId');
  if (accountId === undefined) throw badRequest('The accountId query parameter needs to be provided.');
  const user = ctx.model.getUser(accountId);
  // GET /rest/api/3/user answers a User, with `locale` — "Depending on the user's privacy setting,
  // this may be returned as null." (Jira Cloud platform REST v3, Users: Get user; schema User). Like
  // a hidden emailAddress, a hidden locale is left out: the schema's property is an optional string,
  // which jira.js holds us to (the app's client takes null as well).
  return ok({ ...renderUser(ctx.render, user), ...(user.hideLocale === true ? {} : { locale: user.locale }) });
}

/**
 * GET /rest/api/3/user/bulk (Jira Cloud platform REST v3, Users: "Bulk get users", operation
 * bulkGetUsers in Atlassian's OpenAPI document, condensed in openapi/jira-platform-operations.json):
 * "a paginated list of the users specified by one or more account IDs" — `accountId` repeated
 * (required: 400 "if accountID is missing"), `startAt` (default 0) and `maxResults` (default 10),
 * answered as PageBeanUser { self, nextPage, maxResults, startAt, total, isLast, values: User[] };
 * scope read:jira-user. The document does not say what an unknown account id gives: the emulator
 * leaves it out of `values` (there is no User to list), so a caller cannot count on one per id.
 * It names no largest page either; the emulator caps `maxResults` at 1000 as a guard of its own.
 */
function bulkGetUsers(ctx: Ctx): Result {
  const ids = [...new Set(ctx.query.list('accountId'))];
  if (ids.length === 0) throw badRequest('The accountId query parameter needs to be provided.');
  const startAt = ctx.query.int('startAt', 0);
  const maxResults = ctx.query.int('maxResults', 10, 1000);
  const all = ids.map((id) => ctx.model.findUser(id)).filter((user) => user !== undefined);
  const values = all.slice(startAt, startAt + maxResults);
  const isLast = startAt + values.length >= all.length;
  const query = ids.map((id) => `accountId=${encodeURIComponent(id)}`).join('&');
  const page = (s: number): string => `${ctx.model.baseUrl}/rest/api/3/user/bulk?${query}&maxResults=${maxResults}&startAt=${s}`;
  return ok({
    self: page(startAt),
    ...(isLast ? {} : { nextPage: page(startAt + maxResults) }),
    maxResults,
    startAt,
    total: all.length,
    isLast,
    values: values.map((user) => renderUser(ctx.render, user)),
  });
}

function myPermissions(ctx: Ctx): Result {
  const { model, caller, query } = ctx;
  const keys = query.list('permissions');
  if (keys.length === 0) throw badRequest('The permissions query parameter is required.');
  const unknown = keys.filter((k) => !PERMISSIONS.some((p) => p.key === k));
  if (unknown.length > 0) throw badRequest(`Unknown permission key(s): ${unknown.join(', ')}.`);
  const scope: { project?: ReturnType<JiraModel['getProject']>; issue?: IssueRecord } = {};
  const issueRef = query.get('issueKey') ?? query.get('issueId');
  const projectRef = query.get('projectKey') ?? query.get('projectId');
  if (issueRef !== undefined) scope.issue = model.getIssueFor(caller.accountId, issueRef);
  else if (projectRef !== undefined) scope.project = model.getProject(projectRef);
  const permissions: Record<string, unknown> = {};
  for (const key of keys) {
    const def = PERMISSIONS.find((p) => p.key === key);
    if (def === undefined) continue;
    permissions[key] = {
      id: def.id,
      key: def.key,
      name: def.name,
      type: def.type,
      description: def.description,
      havePermission: model.hasPermission(caller, key, scope),
    };
  }
  return ok({ permissions });
}

function getIssue(ctx: Ctx): Result {
  const issue = ctx.model.getIssueFor(ctx.caller.accountId, param(ctx, 'issueIdOrKey'));
  return ok(
    renderIssue(ctx.render, issue, {
      fieldIds: selectFields(ctx.render, ctx.query.list('fields'), '*all'),
      expand: expandOf(ctx),
      properties: ctx.query.list('properties'),
    }),
  );
}

function toCreateInput(project: string, parsed: ReturnType<typeof parseIssueFields>): CreateIssueInput {
  const c = parsed.changes;
  return {
    project,
    summary: c.summary ?? '',
    ...(parsed.create.issueType === undefined ? {} : { issueType: parsed.create.issueType }),
    ...(c.description === undefined ? {} : { description: c.description }),
    ...(c.priority === undefined || c.priority === null ? {} : { priority: c.priority }),
    ...(c.labels === undefined ? {} : { labels: c.labels }),
    ...(c.components === undefined ? {} : { components: c.components }),
    ...(c.reporter === undefined ? {} : { reporter: c.reporter }),
    ...(c.assignee === undefined ? {} : { assignee: c.assignee }),
    ...(c.requestType === undefined ? {} : { requestType: c.requestType }),
    ...(c.organizations === undefined ? {} : { organizations: c.organizations }),
    ...(c.participants === undefined ? {} : { participants: c.participants }),
  };
}

function createIssue(ctx: Ctx): Result {
  const body = parseBody(ctx, createIssueBodySchema, 'platform');
  const parsed = parseIssueFields(body.fields, body.update ?? {}, 'create', { labels: [], componentNames: [] }, ctx.render.richText);
  if (parsed.create.project === undefined && parsed.errors['project'] === undefined) parsed.errors['project'] = 'Specify a valid project ID or key';
  if (parsed.changes.summary === undefined && parsed.errors['summary'] === undefined) parsed.errors['summary'] = 'You must specify a summary of the issue.';
  if (Object.keys(parsed.errors).length > 0) throw fieldErrors(parsed.errors);
  const input = toCreateInput(parsed.create.project ?? '', parsed);
  const properties = propertiesRecord(body.properties);
  const issue = ctx.model.createIssue(ctx.caller.accountId, Object.keys(properties).length > 0 ? { ...input, properties } : input);
  for (const comment of parsed.comments) ctx.model.addComment(ctx.caller.accountId, issue.id, comment);
  if (body.transition !== undefined) ctx.model.transitionIssue(ctx.caller.accountId, issue.id, String(body.transition.id));
  return created({ id: issue.id, key: issue.key, self: `${ctx.model.baseUrl}/rest/api/3/issue/${issue.id}` });
}

function editIssue(ctx: Ctx): Result {
  const { model, caller } = ctx;
  const issue = model.getIssueFor(caller.accountId, param(ctx, 'issueIdOrKey'));
  if (!model.hasPermission(caller, 'EDIT_ISSUES', { issue })) throw forbidden('You do not have permission to edit issues in this project.');
  const body = parseBody(ctx, editIssueBodySchema, 'platform');
  const parsed = parseIssueFields(body.fields ?? {}, body.update ?? {}, 'edit', { labels: issue.labels, componentNames: componentNames(ctx, issue) }, ctx.render.richText);
  if (Object.keys(parsed.errors).length > 0) throw fieldErrors(parsed.errors);
  model.editIssue(caller.accountId, issue.id, parsed.changes, propertiesRecord(body.properties));
  for (const comment of parsed.comments) model.addComment(caller.accountId, issue.id, comment);
  if (ctx.query.bool('returnIssue', false)) {
    return ok(renderIssue(ctx.render, issue, { fieldIds: selectFields(ctx.render, undefined, '*all'), expand: expandOf(ctx), properties: [] }));
  }
  return noContent();
}

function getTransitions(ctx: Ctx): Result {
  const { model, caller } = ctx;
  const issue = model.getIssueFor(caller.accountId, param(ctx, 'issueIdOrKey'));
  const allowed = model.hasPermission(caller, 'TRANSITION_ISSUES', { issue });
  const only = ctx.query.get('transitionId');
  const withFields = expandOf(ctx).has('transitions.fields');
  const transitions = (allowed ? model.availableTransitions(issue) : [])
    .filter((t) => only === undefined || t.id === only)
    .map((t) => {
      const rendered = renderTransition(ctx.render, t);
      if (!withFields) return rendered;
      const toDone = model.getStatus(t.toStatusId).categoryKey === 'done' && model.getStatus(issue.statusId).categoryKey !== 'done';
      return {
        ...rendered,
        fields: toDone
          ? {
              resolution: {
                required: false,
                schema: { type: 'resolution', system: 'resolution' },
                name: 'Resolution',
                key: 'resolution',
                operations: ['set'],
                allowedValues: RESOLUTIONS.map((r) => renderResolution(ctx.render, r)),
              },
            }
          : {},
      };
    });
  return ok({ expand: 'transitions', transitions });
}

function doTransition(ctx: Ctx): Result {
  const { model, caller } = ctx;
  const issue = model.getIssueFor(caller.accountId, param(ctx, 'issueIdOrKey'));
  if (!model.hasPermission(caller, 'TRANSITION_ISSUES', { issue })) throw forbidden('You do not have permission to transition this issue.');
  const body = parseBody(ctx, transitionBodySchema, 'platform');
  const parsed = parseIssueFields(
    body.fields ?? {},
    body.update ?? {},
    'transition',
    { labels: issue.labels, componentNames: componentNames(ctx, issue) },
    ctx.render.richText,
  );
  if (Object.keys(parsed.errors).length > 0) throw fieldErrors(parsed.errors);
  const [first, ...rest] = parsed.comments;
  model.transitionIssue(caller.accountId, issue.id, String(body.transition.id), {
    fields: parsed.changes,
    properties: propertiesRecord(body.properties),
    ...(parsed.resolution === undefined ? {} : { resolution: parsed.resolution }),
    ...(first === undefined ? {} : { comment: first }),
  });
  for (const comment of rest) model.addComment(caller.accountId, issue.id, comment);
  return noContent();
}

/**
 * GET /rest/api/3/issue/{issueIdOrKey}/comment (Atlassian's OpenAPI document, operation
 * `getComments`): `orderBy` `created` / `+created` / `-created`, `startAt`, `maxResults`, and
 * `expand=properties` returns each comment's entity properties as `[{ key, value }]` — how the app
 * finds its own marked notes again (ADR 0031).
 */
function getComments(ctx: Ctx): Result {
  const { model, caller, query } = ctx;
  const issue = model.getIssueFor(caller.accountId, param(ctx, 'issueIdOrKey'));
  const orderBy = query.get('orderBy') ?? 'created';
  const comments = model.visibleComments(caller, issue);
  if (orderBy === '-created') comments.reverse();
  else if (orderBy !== 'created' && orderBy !== '+created') throw badRequest(`Invalid orderBy value '${orderBy}'.`);
  const startAt = query.int('startAt', 0);
  const maxResults = query.int('maxResults', 5000, 5000);
  const expand = expandOf(ctx);
  return ok({
    startAt,
    maxResults,
    total: comments.length,
    comments: comments.slice(startAt, startAt + maxResults).map((c) => renderComment(ctx.render, issue, c, expand)),
  });
}

function commentInput(body: { visibility?: { type: 'group' | 'role'; value?: string | undefined; identifier?: string | null | undefined } | undefined; properties?: { key: string; value: unknown }[] | undefined }): Omit<CommentInput, 'body'> {
  const properties = propertiesRecord(body.properties);
  const visibility = body.visibility;
  return {
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
    ...(visibility === undefined ? {} : { visibility: { type: visibility.type, value: visibility.value ?? visibility.identifier ?? '' } }),
  };
}

/**
 * POST /rest/api/3/issue/{issueIdOrKey}/comment (OpenAPI operation `addComment`): an ADF body, an
 * optional `visibility` and `properties: [{ key, value }]` stored as the comment's entity properties
 * (JSM's `sd.public.comment` = `{ internal: true }` makes it an internal note). `jsdPublic` is
 * accepted and ignored: the document says it defaults to true and that an internal comment is made
 * through the JSM API — or, as JSM reads it, the `sd.public.comment` property.
 */
function addComment(ctx: Ctx): Result {
  const body = parseBody(ctx, commentBodySchema, 'platform');
  const issue = ctx.model.getIssueFor(ctx.caller.accountId, param(ctx, 'issueIdOrKey'));
  const comment = ctx.model.addComment(ctx.caller.accountId, issue.id, { body: body.body, ...commentInput(body) });
  return created(renderComment(ctx.render, issue, comment, expandOf(ctx)));
}

function addCommentV2(ctx: Ctx): Result {
  const body = parseBody(ctx, commentV2BodySchema, 'platform');
  const issue = ctx.model.getIssueFor(ctx.caller.accountId, param(ctx, 'issueIdOrKey'));
  const comment = ctx.model.addComment(ctx.caller.accountId, issue.id, { body: textToAdf(body.body), ...commentInput(body) });
  // REST v2 answers with the body as text
  return created({ ...renderComment(ctx.render, issue, comment, new Set()), self: `${ctx.model.baseUrl}/rest/api/2/issue/${issue.id}/comment/${comment.id}`, body: body.body });
}

function getComment(ctx: Ctx): Result {
  const issue = ctx.model.getIssueFor(ctx.caller.accountId, param(ctx, 'issueIdOrKey'));
  const comment = ctx.model.getComment(ctx.caller.accountId, issue.id, param(ctx, 'id'));
  return ok(renderComment(ctx.render, issue, comment, expandOf(ctx)));
}

function getChangelog(ctx: Ctx): Result {
  const issue = ctx.model.getIssueFor(ctx.caller.accountId, param(ctx, 'issueIdOrKey'));
  const startAt = ctx.query.int('startAt', 0);
  const maxResults = ctx.query.int('maxResults', 100, 100);
  const values = issue.changelog.slice(startAt, startAt + maxResults);
  const isLast = startAt + values.length >= issue.changelog.length;
  const page = (s: number): string => `${ctx.model.baseUrl}/rest/api/3/issue/${issue.key}/changelog?maxResults=${maxResults}&startAt=${s}`;
  return ok({
    self: page(startAt),
    ...(isLast ? {} : { nextPage: page(startAt + maxResults) }),
    maxResults,
    startAt,
    total: issue.changelog.length,
    isLast,
    values: values.map((entry) => renderChangelogEntry(ctx.render, entry)),
  });
}

function propertyKeys(ctx: Ctx): Result {
  const issue = ctx.model.getIssueFor(ctx.caller.accountId, param(ctx, 'issueIdOrKey'));
  return ok({
    keys: ctx.model.issuePropertyKeys(ctx.caller.accountId, issue.id).map((key) => ({
      self: `${ctx.model.baseUrl}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`,
      key,
    })),
  });
}

function getProperty(ctx: Ctx): Result {
  const key = param(ctx, 'propertyKey');
  return ok({ key, value: ctx.model.getIssueProperty(ctx.caller.accountId, param(ctx, 'issueIdOrKey'), key) });
}

function setProperty(ctx: Ctx): Result {
  if (!ctx.hasBody) throw badRequest('The property value must be a valid, non-empty JSON value.');
  const outcome = ctx.model.setIssueProperty(ctx.caller.accountId, param(ctx, 'issueIdOrKey'), param(ctx, 'propertyKey'), ctx.body);
  return { status: outcome === 'created' ? 201 : 200 };
}

function deleteProperty(ctx: Ctx): Result {
  ctx.model.deleteIssueProperty(ctx.caller.accountId, param(ctx, 'issueIdOrKey'), param(ctx, 'propertyKey'));
  return noContent();
}

function notify(ctx: Ctx): Result {
  const body = parseBody(ctx, notifyBodySchema, 'platform');
  if ((body.textBody ?? '') === '' && (body.htmlBody ?? '') === '') throw fieldErrors({ textBody: 'The notification needs a textBody or an htmlBody.' });
  ctx.model.notify(ctx.caller.accountId, param(ctx, 'issueIdOrKey'), {
    ...(body.subject === undefined ? {} : { subject: body.subject }),
    ...(body.textBody === undefined ? {} : { textBody: body.textBody }),
    ...(body.htmlBody === undefined ? {} : { htmlBody: body.htmlBody }),
    to: body.to ?? {},
    ...(body.restrict === undefined ? {} : { restrict: body.restrict }),
  });
  return noContent();
}

const pageTokenSchema = z.object({ startAt: z.number().int().nonnegative(), jql: z.string() });

function encodePageToken(startAt: number, jql: string): string {
  return Buffer.from(JSON.stringify({ startAt, jql }), 'utf8').toString('base64url');
}

function decodePageToken(token: string, jql: string): number {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = pageTokenSchema.safeParse(json);
  if (!parsed.success || parsed.data.jql !== jql) throw badRequest('The provided next page token is invalid or expired.');
  return parsed.data.startAt;
}

function requireBoundedJql(jql: string): void {
  // the enhanced search refuses queries without a restriction (Atlassian removed unbounded search)
  if (parseJql(jql).where === undefined) {
    throw badRequest('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  }
}

function searchJql(ctx: Ctx, input: { jql: string; nextPageToken?: string | null | undefined; maxResults?: number | undefined; fields: string[]; expand: string[]; properties: string[] }): Result {
  requireBoundedJql(input.jql);
  const startAt = input.nextPageToken === undefined || input.nextPageToken === null ? 0 : decodePageToken(input.nextPageToken, input.jql);
  // Atlassian's OpenAPI description of GET/POST /rest/api/3/search/jql (searchAndReconsileIssuesUsingJql[Post]),
  // `fields`: "`id` Returns only issue IDs. … The default is `id`. … Note: By default, this resource
  // returns IDs only." — so no fields, or `id` alone (not a field: selectFields drops it), select none.
  const fieldIds = selectFields(ctx.render, input.fields, 'none');
  // Jira allows up to 5000 results per page when only ids are asked for, 100 otherwise (`maxResults`:
  // "The greatest number of items returned per page is achieved when requesting `id` or `key` only.
  // It returns max 5000 issues.")
  const cap = fieldIds.length === 0 && input.properties.length === 0 ? 5000 : 100;
  const maxResults = Math.min(Math.max(input.maxResults ?? 50, 0), cap);
  const page = searchIssues(ctx.model, ctx.caller, input.jql, startAt, maxResults);
  const expand = new Set(input.expand);
  const isLast = startAt + page.issues.length >= page.total;
  const issues = page.issues.map((issue) => {
    if (fieldIds.length === 0 && input.properties.length === 0 && expand.size === 0) return { id: issue.id };
    return renderIssue(ctx.render, issue, { fieldIds, expand, properties: input.properties });
  });
  return ok({
    issues,
    ...(isLast ? {} : { nextPageToken: encodePageToken(startAt + page.issues.length, input.jql) }),
    isLast,
    ...(expand.has('names') ? { names: Object.fromEntries(fieldIds.map((id) => [id, ctx.model.fields().find((f) => f.id === id)?.name ?? id])) } : {}),
  });
}

function searchJqlGet(ctx: Ctx): Result {
  const { query } = ctx;
  const token = query.get('nextPageToken');
  return searchJql(ctx, {
    jql: query.get('jql') ?? '',
    nextPageToken: token,
    maxResults: query.int('maxResults', 50),
    fields: query.list('fields'),
    expand: query.list('expand'),
    properties: query.list('properties'),
  });
}

function searchJqlPost(ctx: Ctx): Result {
  const body = parseBody(ctx, searchBodySchema, 'platform');
  const expand = body.expand === undefined ? [] : (Array.isArray(body.expand) ? body.expand : body.expand.split(',')).map((e) => e.trim());
  return searchJql(ctx, {
    jql: body.jql ?? '',
    nextPageToken: body.nextPageToken,
    maxResults: body.maxResults,
    fields: body.fields ?? [],
    expand,
    properties: body.properties ?? [],
  });
}

/**
 * POST /rest/api/3/issue/bulkfetch ("Bulk fetch issues", operation getBulk… in Atlassian's OpenAPI
 * document): the issues the caller may browse among up to 100 ids or keys, in ascending id order;
 * ids that do not exist or that the caller may not see are left out silently (not in `issueErrors`,
 * which is for retriable failures — none here).
 */
function bulkFetchIssues(ctx: Ctx): Result {
  const body = parseBody(ctx, bulkFetchBodySchema, 'platform');
  const fieldIds = selectFields(ctx.render, body.fields ?? [], '*navigable');
  const expand = new Set(body.expand ?? []);
  const seen = new Set<string>();
  const issues = body.issueIdsOrKeys
    .map((ref) => ctx.model.findIssue(ref))
    .filter((issue): issue is IssueRecord => issue !== undefined && ctx.model.canBrowse(ctx.caller, issue))
    .filter((issue) => (seen.has(issue.id) ? false : (seen.add(issue.id), true)))
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((issue) => renderIssue(ctx.render, issue, { fieldIds, expand, properties: body.properties ?? [] }));
  return ok({ issues, issueErrors: [] });
}

function approximateCount(ctx: Ctx): Result {
  const body = parseBody(ctx, countBodySchema, 'platform');
  const jql = body.jql ?? '';
  requireBoundedJql(jql);
  return ok({ count: searchIssues(ctx.model, ctx.caller, jql, 0, 0).total });
}

function removedSearch(): Result {
  throw new JiraError(410, [
    'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
  ]);
}

function appFieldValues(ctx: Ctx): Result {
  const body = parseBody(ctx, appFieldValuesBodySchema, 'platform');
  ctx.model.setAppFieldValues(
    ctx.caller.accountId,
    body.updates.map((u) => ({ field: u.customField, issueIds: u.issueIds.map(String), value: u.value })),
    { generateChangelog: ctx.query.bool('generateChangelog', true) },
  );
  return noContent();
}

function appFieldValue(ctx: Ctx): Result {
  const body = parseBody(ctx, appFieldValueBodySchema, 'platform');
  const field = param(ctx, 'fieldIdOrKey');
  ctx.model.setAppFieldValues(
    ctx.caller.accountId,
    body.updates.map((u) => ({ field, issueIds: u.issueIds.map(String), value: u.value })),
    { generateChangelog: ctx.query.bool('generateChangelog', true) },
  );
  return noContent();
}

function listPriorities(ctx: Ctx): Result {
  return ok(ctx.model.priorities().map((p) => renderPriority(ctx.render, p, true)));
}

function searchPriorities(ctx: Ctx): Result {
  const startAt = ctx.query.int('startAt', 0);
  const maxResults = ctx.query.int('maxResults', 50, 50);
  const ids = ctx.query.list('id');
  const all = ctx.model.priorities().filter((p) => ids.length === 0 || ids.includes(p.id));
  const values = all.slice(startAt, startAt + maxResults);
  return ok({
    self: `${ctx.model.baseUrl}/rest/api/3/priority/search?maxResults=${maxResults}&startAt=${startAt}`,
    maxResults,
    startAt,
    total: all.length,
    isLast: startAt + values.length >= all.length,
    values: values.map((p) => renderPriority(ctx.render, p, true)),
  });
}

/**
 * GET /rest/api/3/label: the site's labels, paged with startAt / maxResults (at most 1000, Jira's
 * default and maximum), answered as Atlassian's OpenAPI document describes PageBeanString
 * (developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-labels, operation getAllLabels).
 */
function listLabels(ctx: Ctx): Result {
  const startAt = ctx.query.int('startAt', 0);
  const maxResults = ctx.query.int('maxResults', 1000, 1000);
  const all = ctx.model.labels();
  const values = all.slice(startAt, startAt + maxResults);
  return ok({
    self: `${ctx.model.baseUrl}/rest/api/3/label?maxResults=${maxResults}&startAt=${startAt}`,
    maxResults,
    startAt,
    total: all.length,
    isLast: startAt + values.length >= all.length,
    values,
  });
}

function getPriority(ctx: Ctx): Result {
  const priority = ctx.model.findPriority(param(ctx, 'id'));
  if (priority === undefined) throw notFound(`The priority with ID ${param(ctx, 'id')} does not exist.`);
  return ok(renderPriority(ctx.render, priority, true));
}

function getStatus(ctx: Ctx): Result {
  const status = ctx.model.findStatus(param(ctx, 'idOrName'));
  if (status === undefined) throw notFound(`The status with ID ${param(ctx, 'idOrName')} was not found.`);
  return ok(renderStatus(ctx.render, status));
}

function getProject(ctx: Ctx): Result {
  const project = ctx.model.getProject(param(ctx, 'projectIdOrKey'));
  return ok({
    ...renderProject(ctx.render, project),
    description: '',
    lead: renderUser(ctx.render, ctx.model.getUser(project.leadAccountId)),
    components: project.components.map((c) => renderComponent(ctx.render, c, project)),
    issueTypes: project.issueTypeIds.map((id) => ctx.model.findIssueType(id)).filter((t) => t !== undefined).map((t) => ({ id: t.id, name: t.name, description: t.description, subtask: false })),
    assigneeType: 'UNASSIGNED',
    style: 'classic',
    isPrivate: false,
  });
}

// ---------------------------------------------------------------------------------------------
// servicedeskapi handlers
// ---------------------------------------------------------------------------------------------

function sdPaging(ctx: Ctx): { start: number; limit: number } {
  return { start: ctx.query.int('start', 0), limit: ctx.query.int('limit', 50, 100) };
}

function visibleServiceDesks(ctx: Ctx): ReturnType<JiraModel['serviceDesks']> {
  return ctx.model.serviceDesks().filter((sd) => isStaff(ctx.caller) || ctx.model.customersOf(sd.id).some((u) => u.accountId === ctx.caller.accountId));
}

function sdServiceDesk(ctx: Ctx): ReturnType<JiraModel['getServiceDesk']> {
  const id = param(ctx, 'serviceDeskId');
  const serviceDesk = visibleServiceDesks(ctx).find((sd) => sd.id === id);
  if (serviceDesk === undefined) throw notFound(`Service Desk with id ${id} does not exist.`);
  return serviceDesk;
}

function requireAgent(ctx: Ctx, message: string): void {
  if (!isStaff(ctx.caller)) throw forbidden(message);
}

function sdInfo(ctx: Ctx): Result {
  return ok({
    version: '10.8.0',
    platformVersion: '1001.0.0',
    buildDate: formatJsmDate(Date.parse('2026-01-05T00:00:00Z'), ctx.caller.timeZone, ctx.model.clock.now().getTime()),
    buildChangeSet: '7d1f0c4a',
    isLicensedForUse: true,
    _links: { self: `${ctx.model.baseUrl}/rest/servicedeskapi/info` },
  });
}

function sdServiceDesks(ctx: Ctx): Result {
  const { start, limit } = sdPaging(ctx);
  const values = visibleServiceDesks(ctx).map((sd) => renderServiceDesk(ctx.render, sd));
  return ok(renderSdPage(ctx.render, '/rest/servicedeskapi/servicedesk', values, start, limit));
}

function sdRequestTypes(ctx: Ctx): Result {
  const serviceDesk = sdServiceDesk(ctx);
  const { start, limit } = sdPaging(ctx);
  const search = ctx.query.get('searchQuery')?.toLowerCase();
  const groupId = ctx.query.get('groupId');
  const values = serviceDesk.requestTypes
    .filter((rt) => search === undefined || rt.name.toLowerCase().includes(search))
    .filter((rt) => groupId === undefined || rt.groupIds.includes(groupId))
    .map((rt) => renderRequestType(ctx.render, rt));
  return ok(renderSdPage(ctx.render, `/rest/servicedeskapi/servicedesk/${serviceDesk.id}/requesttype`, values, start, limit));
}

function sdRequestType(ctx: Ctx): Result {
  const serviceDesk = sdServiceDesk(ctx);
  const requestType = serviceDesk.requestTypes.find((rt) => rt.id === param(ctx, 'requestTypeId'));
  if (requestType === undefined) throw notFound(`Request type with id ${param(ctx, 'requestTypeId')} does not exist.`);
  return ok(renderRequestType(ctx.render, requestType));
}

function sdCustomers(ctx: Ctx, headers: Record<string, string | string[] | undefined>): Result {
  // JSM marks this endpoint experimental: callers must opt in, as on a real site
  if (headerValue(headers, 'x-experimentalapi')?.toLowerCase() !== 'opt-in') {
    throw badRequest(
      "This API is experimental. Experimental APIs are not guaranteed to be stable within the preview period. You must set the header 'X-ExperimentalApi: opt-in' to opt into using this API.",
    );
  }
  const serviceDesk = sdServiceDesk(ctx);
  requireAgent(ctx, 'You do not have permission to view the customers of this service project.');
  const { start, limit } = sdPaging(ctx);
  const search = ctx.query.get('query')?.toLowerCase();
  const values = ctx.model
    .customersOf(serviceDesk.id)
    .filter((u) => search === undefined || u.displayName.toLowerCase().includes(search) || (u.emailAddress ?? '').toLowerCase().includes(search))
    .map((u) => renderSdUser(ctx.render, u));
  return ok(renderSdPage(ctx.render, `/rest/servicedeskapi/servicedesk/${serviceDesk.id}/customer`, values, start, limit));
}

function sdServiceDeskOrganizations(ctx: Ctx): Result {
  const serviceDesk = sdServiceDesk(ctx);
  requireAgent(ctx, 'You do not have permission to view the organizations of this service project.');
  const { start, limit } = sdPaging(ctx);
  const accountId = ctx.query.get('accountId');
  const values = serviceDesk.organizationIds
    .map((id) => ctx.model.findOrganization(id))
    .filter((o) => o !== undefined)
    .filter((o) => accountId === undefined || o.memberIds.includes(accountId))
    .map((o) => renderOrganization(ctx.render, o));
  return ok(renderSdPage(ctx.render, `/rest/servicedeskapi/servicedesk/${serviceDesk.id}/organization`, values, start, limit));
}

function sdOrganizations(ctx: Ctx): Result {
  const { start, limit } = sdPaging(ctx);
  const accountId = ctx.query.get('accountId');
  if (!isStaff(ctx.caller) && accountId !== undefined && accountId !== ctx.caller.accountId) {
    throw forbidden('You can only list your own organizations.');
  }
  const values = ctx.model
    .organizations()
    .filter((o) => isStaff(ctx.caller) || o.memberIds.includes(ctx.caller.accountId))
    .filter((o) => accountId === undefined || o.memberIds.includes(accountId))
    .map((o) => renderOrganization(ctx.render, o));
  return ok(renderSdPage(ctx.render, '/rest/servicedeskapi/organization', values, start, limit));
}

function sdOrganization(ctx: Ctx): Result {
  const organization = ctx.model.findOrganization(param(ctx, 'organizationId'));
  if (organization === undefined || organization.id !== param(ctx, 'organizationId') || (!isStaff(ctx.caller) && !organization.memberIds.includes(ctx.caller.accountId))) {
    throw notFound(`Organization with id ${param(ctx, 'organizationId')} does not exist.`);
  }
  return ok(renderOrganization(ctx.render, organization));
}

function sdOrganizationUsers(ctx: Ctx): Result {
  const organization = ctx.model.findOrganization(param(ctx, 'organizationId'));
  if (organization === undefined || organization.id !== param(ctx, 'organizationId')) {
    throw notFound(`Organization with id ${param(ctx, 'organizationId')} does not exist.`);
  }
  requireAgent(ctx, 'You do not have permission to view the users of this organization.');
  const { start, limit } = sdPaging(ctx);
  const values = organization.memberIds
    .map((id) => ctx.model.findUser(id))
    .filter((u) => u !== undefined)
    .map((u) => renderSdUser(ctx.render, u));
  return ok(renderSdPage(ctx.render, `/rest/servicedeskapi/organization/${organization.id}/user`, values, start, limit));
}

function sdRequests(ctx: Ctx): Result {
  const { model, caller, query } = ctx;
  const { start, limit } = sdPaging(ctx);
  const ownership = query.get('requestOwnership') ?? 'OWNED_REQUESTS';
  const status = query.get('requestStatus') ?? 'ALL_REQUESTS';
  const serviceDeskId = query.get('serviceDeskId');
  const requestTypeId = query.get('requestTypeId');
  const organizationId = query.get('organizationId');
  const search = query.get('searchTerm')?.toLowerCase();
  const myOrganizations = new Set(model.organizationsOf(caller.accountId).map((o) => o.id));
  const issues = model
    .issues()
    .filter((issue) => issue.requestTypeId !== null && model.canBrowse(caller, issue))
    .filter((issue) => {
      switch (ownership) {
        case 'OWNED_REQUESTS':
          return issue.reporterId === caller.accountId || issue.participantIds.includes(caller.accountId);
        case 'PARTICIPATED_REQUESTS':
          return issue.participantIds.includes(caller.accountId);
        case 'ORGANIZATION':
          return organizationId !== undefined && issue.organizationIds.includes(organizationId);
        case 'ALL_ORGANIZATIONS':
          return issue.organizationIds.some((id) => myOrganizations.has(id));
        case 'ALL_REQUESTS':
          return true;
        default:
          throw badRequest(`Invalid requestOwnership '${ownership}'.`);
      }
    })
    .filter((issue) => {
      const done = model.getStatus(issue.statusId).categoryKey === 'done';
      return status === 'OPEN_REQUESTS' ? !done : status === 'CLOSED_REQUESTS' ? done : true;
    })
    .filter((issue) => serviceDeskId === undefined || model.serviceDeskForProject(issue.projectId)?.id === serviceDeskId)
    .filter((issue) => requestTypeId === undefined || issue.requestTypeId === requestTypeId)
    .filter((issue) => search === undefined || issue.summary.toLowerCase().includes(search))
    .sort((a, b) => b.createdMs - a.createdMs || Number(b.id) - Number(a.id));
  const expand = expandOf(ctx);
  const values = issues.map((issue) => renderCustomerRequest(ctx.render, issue, expand));
  return ok(renderSdPage(ctx.render, '/rest/servicedeskapi/request', values, start, limit));
}

const sdFieldSchemas = {
  summary: z.string(),
  description: z.unknown(),
  priority: z.looseObject({ id: z.string().optional(), name: z.string().optional() }),
  components: z.array(z.looseObject({ id: z.string().optional(), name: z.string().optional() })),
  labels: z.array(z.string()),
  customfield_10002: z.array(z.union([z.number(), z.string()])),
};

function sdCreateRequest(ctx: Ctx): Result {
  const body = parseBody(ctx, sdCreateRequestBodySchema, 'servicedesk');
  const values = body.requestFieldValues;
  const unknownField = Object.keys(values).find((k) => !(k in sdFieldSchemas));
  if (unknownField !== undefined) throw badRequest(`Field '${unknownField}' is not valid for this request type.`);
  const summary = sdFieldSchemas.summary.safeParse(values['summary']);
  if (!summary.success || summary.data.trim() === '') {
    throw badRequest('Your request could not be created. Please check the fields have been correctly filled in. Summary is required.');
  }
  let description: CreateIssueInput['description'];
  if (values['description'] !== undefined) {
    if (body.isAdfRequest === true) {
      const adf = z.object({ type: z.literal('doc'), version: z.literal(1), content: z.array(z.looseObject({ type: z.string() })) }).safeParse(values['description']);
      if (!adf.success) throw badRequest('The description must be an Atlassian Document when isAdfRequest is true.');
      description = { type: 'doc', version: 1, content: adf.data.content };
    } else {
      const text = z.string().safeParse(values['description']);
      if (!text.success) throw badRequest('The description must be text.');
      description = text.data;
    }
  }
  const parse = <T extends z.ZodType>(name: keyof typeof sdFieldSchemas, schema: T): z.infer<T> | undefined => {
    if (values[name] === undefined) return undefined;
    const parsed = schema.safeParse(values[name]);
    if (!parsed.success) throw badRequest(`The value of field '${name}' is not valid.`);
    return parsed.data;
  };
  const priority = parse('priority', sdFieldSchemas.priority);
  const components = parse('components', sdFieldSchemas.components);
  const labels = parse('labels', sdFieldSchemas.labels);
  const organizations = parse('customfield_10002', sdFieldSchemas.customfield_10002);
  const issue = ctx.model.createRequest(ctx.caller.accountId, {
    serviceDeskId: body.serviceDeskId,
    requestTypeId: body.requestTypeId,
    summary: summary.data,
    ...(description === undefined || description === null ? {} : { description }),
    ...(body.raiseOnBehalfOf === undefined ? {} : { raiseOnBehalfOf: body.raiseOnBehalfOf }),
    ...(body.requestParticipants === undefined ? {} : { participants: body.requestParticipants }),
    ...(priority === undefined ? {} : { priority: priority.id ?? priority.name ?? '' }),
    ...(components === undefined ? {} : { components: components.map((c) => c.id ?? c.name ?? '') }),
    ...(labels === undefined ? {} : { labels }),
    ...(organizations === undefined ? {} : { organizations: organizations.map(String) }),
  });
  const stored = ctx.model.getIssueFor(ctx.caller.accountId, issue.id);
  return created(renderCustomerRequest(ctx.render, stored, expandOf(ctx)));
}

function sdRequest(ctx: Ctx): Result {
  const issue = ctx.model.getIssueFor(ctx.caller.accountId, param(ctx, 'issueIdOrKey'));
  if (issue.requestTypeId === null) throw notFound('This issue is not a customer request.');
  return ok(renderCustomerRequest(ctx.render, issue, expandOf(ctx)));
}

/**
 * GET /rest/servicedeskapi/request/{issueIdOrKey}/participant — "Get request participants" (JSM Cloud
 * REST reference, group Request): a page of the request's participants; permission: to view the
 * customer request.
 */
function sdParticipants(ctx: Ctx): Result {
  const issue = ctx.model.getIssueFor(ctx.caller.accountId, param(ctx, 'issueIdOrKey'));
  if (issue.requestTypeId === null) throw notFound('This issue is not a customer request.');
  const { start, limit } = sdPaging(ctx);
  const values = issue.participantIds
    .map((id) => ctx.model.findUser(id))
    .filter((u) => u !== undefined)
    .map((u) => renderSdUser(ctx.render, u));
  return ok(renderSdPage(ctx.render, `/rest/servicedeskapi/request/${issue.id}/participant`, values, start, limit));
}

function sdComments(ctx: Ctx): Result {
  const { model, caller, query } = ctx;
  const issue = model.getIssueFor(caller.accountId, param(ctx, 'issueIdOrKey'));
  const wantPublic = query.bool('public', true);
  const wantInternal = query.bool('internal', true);
  const { start, limit } = sdPaging(ctx);
  const expand = expandOf(ctx);
  const values = model
    .visibleComments(caller, issue)
    .filter((c) => (c.internal || c.visibility !== null ? wantInternal : wantPublic))
    .map((c) => renderSdComment(ctx.render, issue, c, expand));
  return ok(renderSdPage(ctx.render, `/rest/servicedeskapi/request/${issue.id}/comment`, values, start, limit));
}

function sdAddComment(ctx: Ctx): Result {
  const body = parseBody(ctx, sdCommentBodySchema, 'servicedesk');
  if (body.body.trim() === '') throw badRequest('The comment body can not be empty.');
  const issue = ctx.model.getIssueFor(ctx.caller.accountId, param(ctx, 'issueIdOrKey'));
  const comment = ctx.model.addComment(ctx.caller.accountId, issue.id, { body: body.body, internal: !body.public });
  return created(renderSdComment(ctx.render, issue, comment, expandOf(ctx)));
}

function sdComment(ctx: Ctx): Result {
  const issue = ctx.model.getIssueFor(ctx.caller.accountId, param(ctx, 'issueIdOrKey'));
  const comment = ctx.model.getComment(ctx.caller.accountId, issue.id, param(ctx, 'commentId'));
  return ok(renderSdComment(ctx.render, issue, comment, expandOf(ctx)));
}

// ---------------------------------------------------------------------------------------------
// routing
// ---------------------------------------------------------------------------------------------

type Handler = (ctx: Ctx, headers: Record<string, string | string[] | undefined>) => Result;

const ROUTE_TABLE: [string, string, Handler][] = [
  ['GET', '/rest/api/3/serverInfo', serverInfo],
  ['GET', '/rest/api/3/myself', (ctx) => ok(renderMyself(ctx.render))],
  ['GET', '/rest/api/3/user', getUser],
  ['GET', '/rest/api/3/user/bulk', bulkGetUsers],
  ['GET', '/rest/api/3/mypermissions', myPermissions],
  ['GET', '/rest/api/3/field', (ctx) => ok(ctx.model.fields().map((f) => renderField(ctx.model, f)))],
  ['GET', '/rest/api/3/priority', listPriorities],
  ['GET', '/rest/api/3/priority/search', searchPriorities],
  ['GET', '/rest/api/3/priority/{id}', getPriority],
  ['GET', '/rest/api/3/status', (ctx) => ok(ctx.model.statuses().map((s) => renderStatus(ctx.render, s)))],
  ['GET', '/rest/api/3/status/{idOrName}', getStatus],
  ['GET', '/rest/api/3/statuscategory', (ctx) => ok(STATUS_CATEGORIES.map((c) => renderCategory(ctx.render, c)))],
  ['GET', '/rest/api/3/resolution', (ctx) => ok(ctx.model.resolutions().map((r) => renderResolution(ctx.render, r)))],
  ['GET', '/rest/api/3/project/{projectIdOrKey}', getProject],
  ['GET', '/rest/api/3/label', listLabels],
  ['GET', '/rest/api/3/project/{projectIdOrKey}/components', (ctx) => {
    const project = ctx.model.getProject(param(ctx, 'projectIdOrKey'));
    return ok(project.components.map((c) => renderComponent(ctx.render, c, project)));
  }],
  ['POST', '/rest/api/3/issue', createIssue],
  ['GET', '/rest/api/3/issue/{issueIdOrKey}', getIssue],
  ['PUT', '/rest/api/3/issue/{issueIdOrKey}', editIssue],
  ['GET', '/rest/api/3/issue/{issueIdOrKey}/transitions', getTransitions],
  ['POST', '/rest/api/3/issue/{issueIdOrKey}/transitions', doTransition],
  ['GET', '/rest/api/3/issue/{issueIdOrKey}/comment', getComments],
  ['POST', '/rest/api/3/issue/{issueIdOrKey}/comment', addComment],
  ['POST', '/rest/api/2/issue/{issueIdOrKey}/comment', addCommentV2],
  ['GET', '/rest/api/3/issue/{issueIdOrKey}/comment/{id}', getComment],
  ['GET', '/rest/api/3/issue/{issueIdOrKey}/changelog', getChangelog],
  ['GET', '/rest/api/3/issue/{issueIdOrKey}/properties', propertyKeys],
  ['GET', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', getProperty],
  ['PUT', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', setProperty],
  ['DELETE', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', deleteProperty],
  ['POST', '/rest/api/3/issue/{issueIdOrKey}/notify', notify],
  ['GET', '/rest/api/3/search/jql', searchJqlGet],
  ['POST', '/rest/api/3/search/jql', searchJqlPost],
  ['POST', '/rest/api/3/issue/bulkfetch', bulkFetchIssues],
  ['POST', '/rest/api/3/search/approximate-count', approximateCount],
  ['GET', '/rest/api/3/search', removedSearch],
  ['POST', '/rest/api/3/search', removedSearch],
  ['POST', '/rest/api/3/app/field/value', appFieldValues],
  ['PUT', '/rest/api/3/app/field/{fieldIdOrKey}/value', appFieldValue],
  ['GET', '/rest/servicedeskapi/info', sdInfo],
  ['GET', '/rest/servicedeskapi/servicedesk', sdServiceDesks],
  ['GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}', (ctx) => ok(renderServiceDesk(ctx.render, sdServiceDesk(ctx)))],
  ['GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype', sdRequestTypes],
  ['GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype/{requestTypeId}', sdRequestType],
  ['GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/customer', sdCustomers],
  ['GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/organization', sdServiceDeskOrganizations],
  ['GET', '/rest/servicedeskapi/organization', sdOrganizations],
  ['GET', '/rest/servicedeskapi/organization/{organizationId}', sdOrganization],
  ['GET', '/rest/servicedeskapi/organization/{organizationId}/user', sdOrganizationUsers],
  ['GET', '/rest/servicedeskapi/request', sdRequests],
  ['POST', '/rest/servicedeskapi/request', sdCreateRequest],
  ['GET', '/rest/servicedeskapi/request/{issueIdOrKey}', sdRequest],
  ['GET', '/rest/servicedeskapi/request/{issueIdOrKey}/participant', sdParticipants],
  ['GET', '/rest/servicedeskapi/request/{issueIdOrKey}/comment', sdComments],
  ['POST', '/rest/servicedeskapi/request/{issueIdOrKey}/comment', sdAddComment],
  ['GET', '/rest/servicedeskapi/request/{issueIdOrKey}/comment/{commentId}', sdComment],
];

/** Every route the emulator serves, as `[method, pattern]` (the contract tests check each against Atlassian's documents). */
export function listEmulatedRoutes(): [string, string][] {
  return [...ROUTE_TABLE, ...V2_TWINS].map(([method, pattern]) => [method, pattern]);
}

/**
 * REST v2 twins: Jira Cloud still serves /rest/api/2 with the same operations as v3, rich text as
 * plain strings instead of ADF; clients that default to v2 (jira.js 4 `Version2Client`, Python's
 * `jira`) work against every platform route the emulator serves. An explicit v2 route wins.
 */
const V2_TWINS: [string, string, Handler][] = ROUTE_TABLE.filter(([method, pattern]) => {
  if (!pattern.startsWith('/rest/api/3/')) return false;
  const twin = pattern.replace('/rest/api/3/', '/rest/api/2/');
  return !ROUTE_TABLE.some(([m, p]) => m === method && p === twin);
}).map(([method, pattern, handler]) => [method, pattern.replace('/rest/api/3/', '/rest/api/2/'), handler]);

/** One route of the emulated APIs. */
export interface EmulatedRoute {
  readonly method: string;
  /** as Atlassian's documents write it, e.g. /rest/api/3/issue/{issueIdOrKey} */
  readonly pattern: string;
  readonly family: Family;
  readonly handler: Handler;
}

/** Every route the emulator serves, v3, v2 twins and servicedeskapi. */
export const EMULATED_ROUTES: readonly EmulatedRoute[] = [...ROUTE_TABLE, ...V2_TWINS].map(([method, pattern, handler]) => ({
  method,
  pattern,
  family: familyOf(pattern),
  handler,
}));

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  const value = entry?.[1];
  return Array.isArray(value) ? value[0] : value;
}

const NOT_AUTHENTICATED = 'You are not authenticated. Authentication required to perform this operation.';
/** What the emulator answers an app acting as a customer (the exact wording of Forge's refusal is not documented). */
export const FORGE_NO_AS_USER = 'Forge apps cannot act as a customer (asUser is not allowed for unlicensed users); use asApp.';

/** Who a request acts as, and whether it comes through the Forge app (and so is limited by its scopes). */
export interface Caller {
  readonly user: UserRecord;
  readonly viaApp: boolean;
}

/** Who a request acts as, per the module header's rules; a 401 JiraError when the credentials are unknown. */
export function authenticate(model: JiraModel, headers: Record<string, string | string[] | undefined>): Caller {
  const authorization = headerValue(headers, 'authorization');
  if (authorization === undefined || authorization.trim() === '') return { user: model.defaultAdmin(), viaApp: false };
  const [scheme = '', credentials = ''] = authorization.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const email = decoded.slice(0, Math.max(0, decoded.indexOf(':')));
    const user = email === '' ? undefined : model.findUserByEmail(email);
    if (user === undefined || !user.active) throw new JiraError(401, [NOT_AUTHENTICATED]);
    return { user, viaApp: false };
  }
  if (scheme.toLowerCase() === 'bearer' && credentials === model.appToken) {
    const asUser = headerValue(headers, 'x-forge-as-user');
    if (asUser === undefined) return { user: model.appUser(), viaApp: true };
    const user = actingUser(model, asUser);
    // Forge gives an app no asUser() for unlicensed users such as portal customers ("Access to Forge
    // apps for unlicensed users": asUser "Not allowed" — "the user is unauthorized"); only asApp.
    if (user.accountType === 'customer') throw new JiraError(401, [FORGE_NO_AS_USER]);
    return { user, viaApp: true };
  }
  throw new JiraError(401, [NOT_AUTHENTICATED]);
}

function actingUser(model: JiraModel, accountId: string): UserRecord {
  const user = model.findUser(accountId);
  if (user === undefined || !user.active) throw new JiraError(401, [NOT_AUTHENTICATED]);
  return user;
}

function errorBody(family: Family, error: JiraError): unknown {
  if (family === 'servicedesk') {
    const message = [...error.errorMessages, ...Object.entries(error.errors).map(([k, v]) => `${k}: ${v}`)].join(' ');
    return { errorMessage: message, i18nErrorMessage: { i18nKey: 'sd.emulator.error', parameters: [] } };
  }
  return { errorMessages: [...error.errorMessages], errors: { ...error.errors } };
}

function respond(status: number, body: unknown, caller: UserRecord | undefined): JiraHttpResponse {
  const headers: Record<string, string> = {};
  if (caller !== undefined) headers['x-aaccountid'] = caller.accountId;
  if (body === undefined) return { status, headers, body: '' };
  headers['content-type'] = 'application/json;charset=UTF-8';
  return { status, headers, body: JSON.stringify(body) };
}

/**
 * Answers one request that the router matched to `route` (synchronously: the model lives in memory).
 * Authenticates first (401), then applies the app's scopes (403), then parses the JSON body (400).
 *
 * @example handleJiraRoute(model, route, { method: 'GET', url: '/rest/api/3/issue/ITS-1', headers: {}, params: { issueIdOrKey: 'ITS-1' } }).status // 200
 */
export function handleJiraRoute(model: JiraModel, route: EmulatedRoute, request: JiraHttpRequest): JiraHttpResponse {
  const url = new URL(request.url, 'http://emulator.invalid');
  let caller: UserRecord | undefined;
  try {
    const authenticated = authenticate(model, request.headers);
    caller = authenticated.user;
    if (authenticated.viaApp && !isGranted(requiredScopes(route.method, route.pattern), model.app.scopes)) {
      // Jira refuses an app call its installed scopes do not cover
      throw new JiraError(403, ['Unauthorized; scope does not match']);
    }
    const raw = request.body ?? '';
    let body: unknown;
    const hasBody = raw.trim() !== '';
    if (hasBody) {
      try {
        body = JSON.parse(raw);
      } catch {
        throw badRequest(route.family === 'platform' ? 'Unexpected character in the request body: it is not valid JSON.' : 'The request body is not valid JSON.');
      }
    }
    const ctx: Ctx = {
      model,
      caller,
      params: request.params ?? {},
      query: new Query(url.searchParams, route.family),
      body,
      hasBody,
      render: { model, viewer: caller, richText: url.pathname.startsWith('/rest/api/2/') ? 'text' : 'adf' },
      path: url.pathname,
    };
    const result = route.handler(ctx, request.headers);
    return respond(result.status, result.body, caller);
  } catch (error: unknown) {
    if (error instanceof JiraError) return respond(error.status, errorBody(route.family, error), caller);
    throw error;
  }
}

/**
 * The answer to a request no route serves: 404 as Jira words it ("null for uri: …"), or 405 when the
 * path exists with other methods. Authenticates first, as Jira does (bad credentials are 401).
 *
 * @example answerUnrouted(model, { method: 'GET', url: '/rest/api/3/nothing', headers: {} }, 404).status // 404
 */
export function answerUnrouted(model: JiraModel, request: JiraHttpRequest, status: 404 | 405): JiraHttpResponse {
  const url = new URL(request.url, 'http://emulator.invalid');
  let caller: UserRecord | undefined;
  try {
    caller = authenticate(model, request.headers).user;
  } catch (error: unknown) {
    if (error instanceof JiraError) return respond(error.status, errorBody(familyOf(url.pathname), error), caller);
    throw error;
  }
  if (status === 405) return respond(405, { errorMessages: ['Method Not Allowed'], errors: {} }, caller);
  return respond(404, { errorMessages: [`null for uri: ${model.baseUrl}${url.pathname}${url.search}`], errors: {} }, caller);
}

/**
 * An error answer in the family's shape, for refusals made before a route runs (body too large,
 * not JSON, another origin, an injected fault).
 *
 * @example jiraErrorResponse('platform', 415, 'Unsupported Media Type').body // '{"errorMessages":["Unsupported Media Type"],"errors":{}}'
 */
export function jiraErrorResponse(family: Family, status: JiraErrorStatus, message: string): JiraHttpResponse {
  return respond(status, errorBody(family, new JiraError(status, [message])), undefined);
}
