/**
 * The JSON shapes of Jira Cloud REST v3 and JSM servicedeskapi, rendered from the emulator's model
 * for one viewer: users, statuses, priorities, issues (field selection, renderedFields, names,
 * schema, changelog, transitions, properties), comments, changelog pages, JSM customer requests,
 * service desks, request types, organizations and servicedeskapi pages. Dates are written in the
 * viewer's time zone, as Jira does.
 *
 * Read-only over the model: it never changes state.
 */
import { adfToHtml, adfToText, textToHtml } from './jira-adf';
import type { FieldDef, PriorityDef, ResolutionDef, StatusCategoryDef, StatusDef, TransitionDef } from './jira-catalog';
import { NAVIGABLE_FIELD_IDS, ORGANIZATIONS_FIELD_ID, REQUEST_PARTICIPANTS_FIELD_ID, REQUEST_TYPE_FIELD_ID } from './jira-catalog';
import type { AppFieldDef, JiraModel } from './jira-model';
import type {
  ChangelogRecord,
  CommentRecord,
  ComponentRecord,
  IssueRecord,
  OrganizationRecord,
  ProjectRecord,
  RequestTypeRecord,
  ServiceDeskRecord,
  UserRecord,
} from './jira-state';
import { formatJiraDateTime, formatJsmDate, type JsmDate } from './jira-time';

/** A JSON value as a representation holds it (JSON.stringify writes it out). */
export type Json = unknown;
export type JsonObject = Record<string, unknown>;

/** Who is looking: decides time zone, e-mail visibility and which comments show. */
export interface RenderContext {
  model: JiraModel;
  viewer: UserRecord;
  /**
   * How rich text (description, comment bodies) is answered: Atlassian Document Format in REST v3
   * (the default), plain text in REST v2, which Jira Cloud still serves.
   */
  richText?: 'adf' | 'text';
}

const base = (ctx: RenderContext): string => ctx.model.baseUrl;

function dateTime(ctx: RenderContext, ms: number | null): string | null {
  return ms === null ? null : formatJiraDateTime(ms, ctx.viewer.timeZone);
}

function jsmDate(ctx: RenderContext, ms: number): JsmDate {
  return formatJsmDate(ms, ctx.viewer.timeZone, ctx.model.clock.now().getTime());
}

function jsmDateJson(ctx: RenderContext, ms: number): JsonObject {
  const d = jsmDate(ctx, ms);
  return { iso8601: d.iso8601, jira: d.jira, friendly: d.friendly, epochMillis: d.epochMillis };
}

export function avatarUrls(ctx: RenderContext, kind: 'user' | 'project', id: string): JsonObject {
  const sizes = { '48x48': 'large', '24x24': 'small', '16x16': 'xsmall', '32x32': 'medium' } as const;
  const out: JsonObject = {};
  for (const [size, name] of Object.entries(sizes)) {
    out[size] = `${base(ctx)}/secure/${kind === 'user' ? 'useravatar' : 'projectavatar'}?size=${name}&${kind === 'user' ? 'accountId' : 'pid'}=${encodeURIComponent(id)}`;
  }
  return out;
}

/** A user as REST v3 shows it (`self`, accountId, accountType, avatarUrls, displayName, …). */
export function renderUser(ctx: RenderContext, user: UserRecord): JsonObject {
  return {
    self: `${base(ctx)}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    ...(user.emailAddress === null ? {} : { emailAddress: user.emailAddress }),
    avatarUrls: avatarUrls(ctx, 'user', user.accountId),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    accountType: user.accountType,
  };
}

function renderUserById(ctx: RenderContext, accountId: string | null): JsonObject | null {
  if (accountId === null) return null;
  const user = ctx.model.findUser(accountId);
  return user === undefined ? { accountId, displayName: 'Former user', active: false, accountType: 'unknown' } : renderUser(ctx, user);
}

/** GET /rest/api/3/myself */
export function renderMyself(ctx: RenderContext): JsonObject {
  return {
    ...renderUser(ctx, ctx.viewer),
    locale: ctx.viewer.locale,
    groups: { size: 0, items: [] },
    applicationRoles: { size: 0, items: [] },
    expand: 'groups,applicationRoles',
  };
}

export function renderStatusCategory(ctx: RenderContext, status: StatusDef): JsonObject {
  return renderCategory(ctx, ctx.model.statusCategoryOf(status));
}

/** A status category (GET /statuscategory, inside every status). */
export function renderCategory(ctx: RenderContext, category: StatusCategoryDef): JsonObject {
  return {
    self: `${base(ctx)}/rest/api/3/statuscategory/${category.id}`,
    id: category.id,
    key: category.key,
    colorName: category.colorName,
    name: category.name,
  };
}

export function renderStatus(ctx: RenderContext, status: StatusDef): JsonObject {
  return {
    self: `${base(ctx)}/rest/api/3/status/${status.id}`,
    description: status.description,
    iconUrl: `${base(ctx)}/images/icons/statuses/generic.png`,
    name: status.name,
    untranslatedName: status.name,
    id: status.id,
    statusCategory: renderStatusCategory(ctx, status),
  };
}

/** A priority as an issue field shows it; `details` adds what GET /priority lists. */
export function renderPriority(ctx: RenderContext, priority: PriorityDef, details = false): JsonObject {
  return {
    self: `${base(ctx)}/rest/api/3/priority/${priority.id}`,
    iconUrl: `${base(ctx)}/images/icons/priorities/${priority.icon}.svg`,
    name: priority.name,
    id: priority.id,
    ...(details ? { statusColor: priority.statusColor, description: priority.description, isDefault: priority.id === '3' } : {}),
  };
}

export function renderResolution(ctx: RenderContext, resolution: ResolutionDef): JsonObject {
  return { self: `${base(ctx)}/rest/api/3/resolution/${resolution.id}`, id: resolution.id, description: resolution.description, name: resolution.name };
}

function renderIssueType(ctx: RenderContext, issueTypeId: string): JsonObject | null {
  const type = ctx.model.findIssueType(issueTypeId);
  if (type === undefined) return null;
  return {
    self: `${base(ctx)}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    description: type.description,
    iconUrl: `${base(ctx)}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${type.avatarId}?size=medium`,
    name: type.name,
    subtask: false,
    avatarId: type.avatarId,
    hierarchyLevel: 0,
  };
}

export function renderProject(ctx: RenderContext, project: ProjectRecord): JsonObject {
  return {
    self: `${base(ctx)}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: project.projectTypeKey,
    simplified: false,
    avatarUrls: avatarUrls(ctx, 'project', project.id),
  };
}

export function renderComponent(ctx: RenderContext, component: ComponentRecord, project?: ProjectRecord): JsonObject {
  return {
    self: `${base(ctx)}/rest/api/3/component/${component.id}`,
    id: component.id,
    name: component.name,
    ...(component.description === '' ? {} : { description: component.description }),
    ...(project === undefined ? {} : { project: project.key, projectId: Number(project.id) }),
  };
}

/** A JSM request type as servicedeskapi lists it. */
export function renderRequestType(ctx: RenderContext, requestType: RequestTypeRecord): JsonObject {
  const sizes = ['48x48', '24x24', '16x16', '32x32'];
  return {
    _expands: ['field'],
    id: requestType.id,
    _links: { self: `${base(ctx)}/rest/servicedeskapi/servicedesk/${requestType.serviceDeskId}/requesttype/${requestType.id}` },
    name: requestType.name,
    description: requestType.description,
    helpText: requestType.helpText,
    issueTypeId: requestType.issueTypeId,
    serviceDeskId: requestType.serviceDeskId,
    portalId: requestType.serviceDeskId,
    groupIds: requestType.groupIds,
    icon: {
      id: requestType.iconId,
      _links: {
        iconUrls: Object.fromEntries(
          sizes.map((size) => [size, `${base(ctx)}/rest/api/2/universal_avatar/view/type/SD_REQTYPE/avatar/${requestType.iconId}?size=${size === '48x48' ? 'large' : 'small'}`]),
        ),
      },
    },
  };
}

function jsmStatusCategory(status: StatusDef): string {
  return status.categoryKey === 'new' ? 'NEW' : status.categoryKey === 'done' ? 'DONE' : 'INDETERMINATE';
}

/** When the issue entered its current status (the last status change, else creation). */
export function statusDateMs(issue: IssueRecord): number {
  for (let i = issue.changelog.length - 1; i >= 0; i -= 1) {
    const entry = issue.changelog[i];
    if (entry?.items.some((item) => item.fieldId === 'status') === true) return entry.createdMs;
  }
  return issue.createdMs;
}

function renderCurrentStatus(ctx: RenderContext, issue: IssueRecord): JsonObject {
  const status = ctx.model.getStatus(issue.statusId);
  return { status: status.name, statusCategory: jsmStatusCategory(status), statusDate: jsmDateJson(ctx, statusDateMs(issue)) };
}

/** The value of the JSM request-type field (`customfield_10010`) in an issue's fields. */
function renderRequestTypeFieldValue(ctx: RenderContext, issue: IssueRecord): JsonObject | null {
  if (issue.requestTypeId === null) return null;
  const requestType = ctx.model.findRequestType(issue.requestTypeId);
  if (requestType === undefined) return null;
  return {
    _links: {
      jiraRest: `${base(ctx)}/rest/api/2/issue/${issue.id}`,
      web: `${base(ctx)}/servicedesk/customer/portal/${requestType.serviceDeskId}/${issue.key}`,
      agent: `${base(ctx)}/browse/${issue.key}`,
      self: `${base(ctx)}/rest/servicedeskapi/request/${issue.id}`,
    },
    requestType: renderRequestType(ctx, requestType),
    currentStatus: renderCurrentStatus(ctx, issue),
  };
}

/** A JSM organization as servicedeskapi and the organizations field show it. */
export function renderOrganization(ctx: RenderContext, organization: OrganizationRecord): JsonObject {
  return {
    id: organization.id,
    name: organization.name,
    uuid: organization.uuid,
    scimManaged: false,
    created: jsmDateJson(ctx, organization.createdMs),
    _links: { self: `${base(ctx)}/rest/servicedeskapi/organization/${organization.id}` },
  };
}

/** A comment as REST v3 shows it; `expand` may hold renderedBody and properties. */
export function renderComment(ctx: RenderContext, issue: IssueRecord, comment: CommentRecord, expand: ReadonlySet<string>): JsonObject {
  return {
    self: `${base(ctx)}/rest/api/3/issue/${issue.id}/comment/${comment.id}`,
    id: comment.id,
    author: renderUserById(ctx, comment.authorId),
    body: ctx.richText === 'text' ? adfToText(comment.body) : comment.body,
    ...(expand.has('renderedBody') ? { renderedBody: adfToHtml(comment.body) } : {}),
    updateAuthor: renderUserById(ctx, comment.updateAuthorId),
    created: dateTime(ctx, comment.createdMs),
    updated: dateTime(ctx, comment.updatedMs),
    ...(comment.visibility === null ? {} : { visibility: { type: comment.visibility.type, value: comment.visibility.value, identifier: comment.visibility.value } }),
    jsdPublic: !comment.internal,
    jsdAuthorCanSeeRequest: (() => {
      const author = ctx.model.findUser(comment.authorId);
      return author !== undefined && ctx.model.canBrowse(author, issue);
    })(),
    ...(expand.has('properties')
      ? { properties: Object.entries(comment.properties).map(([key, value]) => ({ key, value })) }
      : {}),
  };
}

/** One changelog entry ("history"). */
export function renderChangelogEntry(ctx: RenderContext, entry: ChangelogRecord): JsonObject {
  const author = entry.authorId === null ? undefined : ctx.model.findUser(entry.authorId);
  return {
    id: entry.id,
    ...(author === undefined ? {} : { author: renderUser(ctx, author) }),
    created: dateTime(ctx, entry.createdMs),
    items: entry.items.map((item) => ({ ...item })),
  };
}

export function renderTransition(ctx: RenderContext, transition: TransitionDef): JsonObject {
  return {
    id: transition.id,
    name: transition.name,
    to: renderStatus(ctx, ctx.model.getStatus(transition.toStatusId)),
    hasScreen: false,
    isGlobal: false,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    isLooped: false,
  };
}

function fieldDef(ctx: RenderContext, id: string): FieldDef | undefined {
  return ctx.model.fields().find((f) => f.id === id);
}

/** All field ids an issue can show (what "*all" selects). */
export function allFieldIds(ctx: RenderContext): string[] {
  return [
    ...NAVIGABLE_FIELD_IDS,
    'comment',
    ...ctx.model.appFields.map((f) => f.id),
  ];
}

/**
 * Resolves Jira's `fields` parameter (`*all`, `*navigable`, ids, names with `-` to exclude; by
 * key when `fieldsByKeys`) to the field ids to return, in Jira's order.
 */
export function selectFields(ctx: RenderContext, requested: readonly string[] | undefined, fallback: '*all' | '*navigable' | 'none'): string[] {
  const tokens = requested === undefined || requested.length === 0 ? (fallback === 'none' ? [] : [fallback]) : requested;
  const all = allFieldIds(ctx);
  const selected = new Set<string>();
  const excluded = new Set<string>();
  for (const raw of tokens) {
    const token = raw.trim();
    if (token === '') continue;
    if (token === '*all') all.forEach((id) => selected.add(id));
    else if (token === '*navigable') [...NAVIGABLE_FIELD_IDS, ...ctx.model.appFields.map((f) => f.id)].forEach((id) => selected.add(id));
    else if (token.startsWith('-')) excluded.add(resolveFieldToken(ctx, token.slice(1)));
    else selected.add(resolveFieldToken(ctx, token));
  }
  return all.filter((id) => selected.has(id) && !excluded.has(id));
}

function resolveFieldToken(ctx: RenderContext, token: string): string {
  const appField = ctx.model.findAppField(token);
  if (appField !== undefined) return appField.id;
  return token === 'key' ? 'issuekey' : token;
}

function fieldValue(ctx: RenderContext, issue: IssueRecord, id: string): Json {
  const { model } = ctx;
  switch (id) {
    case 'summary':
      return issue.summary;
    case 'description':
      return ctx.richText === 'text' && issue.description !== null ? adfToText(issue.description) : issue.description;
    case 'status':
      return renderStatus(ctx, model.getStatus(issue.statusId));
    case 'priority': {
      const priority = issue.priorityId === null ? undefined : model.findPriority(issue.priorityId);
      return priority === undefined ? null : renderPriority(ctx, priority);
    }
    case 'created':
      return dateTime(ctx, issue.createdMs);
    case 'updated':
      return dateTime(ctx, issue.updatedMs);
    case 'resolution': {
      const resolution = issue.resolutionId === null ? undefined : model.findResolution(issue.resolutionId);
      return resolution === undefined ? null : renderResolution(ctx, resolution);
    }
    case 'resolutiondate':
      return dateTime(ctx, issue.resolutionDateMs);
    case 'statuscategorychangedate':
      return dateTime(ctx, issue.statusCategoryChangedMs);
    case 'components': {
      const project = model.getProject(issue.projectId);
      return issue.componentIds
        .map((cid) => project.components.find((c) => c.id === cid))
        .filter((c): c is ComponentRecord => c !== undefined)
        .map((c) => renderComponent(ctx, c));
    }
    case 'labels':
      return [...issue.labels];
    case 'reporter':
      return renderUserById(ctx, issue.reporterId);
    case 'assignee':
      return renderUserById(ctx, issue.assigneeId);
    case 'creator':
      return renderUserById(ctx, issue.creatorId);
    case 'project':
      return renderProject(ctx, model.getProject(issue.projectId));
    case 'issuetype':
      return renderIssueType(ctx, issue.issueTypeId);
    case 'comment': {
      const comments = model.visibleComments(ctx.viewer, issue);
      return {
        comments: comments.map((c) => renderComment(ctx, issue, c, new Set())),
        self: `${base(ctx)}/rest/api/3/issue/${issue.id}/comment`,
        maxResults: comments.length,
        total: comments.length,
        startAt: 0,
      };
    }
    case REQUEST_TYPE_FIELD_ID:
      return renderRequestTypeFieldValue(ctx, issue);
    case ORGANIZATIONS_FIELD_ID:
      return issue.organizationIds
        .map((oid) => model.findOrganization(oid))
        .filter((o): o is OrganizationRecord => o !== undefined)
        .map((o) => renderOrganization(ctx, o));
    case REQUEST_PARTICIPANTS_FIELD_ID:
      return issue.participantIds.map((pid) => renderUserById(ctx, pid));
    default: {
      const appField = model.findAppField(id);
      if (appField === undefined) return null;
      return renderAppFieldValue(ctx, appField, issue.appFieldValues[appField.id] ?? null);
    }
  }
}

function renderAppFieldValue(ctx: RenderContext, field: AppFieldDef, value: string | number | null): Json {
  if (value === null) return null;
  if (field.type === 'datetime' && typeof value === 'string') return dateTime(ctx, Date.parse(value));
  return value;
}

function renderedFieldValue(ctx: RenderContext, issue: IssueRecord, id: string): Json {
  const friendly = (ms: number | null): string | null => (ms === null ? null : jsmDate(ctx, ms).friendly);
  switch (id) {
    case 'description':
      return issue.description === null ? '' : adfToHtml(issue.description);
    case 'created':
      return friendly(issue.createdMs);
    case 'updated':
      return friendly(issue.updatedMs);
    case 'resolutiondate':
      return friendly(issue.resolutionDateMs);
    case 'comment': {
      const comments = ctx.model.visibleComments(ctx.viewer, issue);
      return {
        comments: comments.map((c) => ({ ...renderComment(ctx, issue, c, new Set()), body: adfToHtml(c.body), created: friendly(c.createdMs), updated: friendly(c.updatedMs) })),
        maxResults: comments.length,
        total: comments.length,
        startAt: 0,
      };
    }
    default:
      return null;
  }
}

export interface IssueRenderOptions {
  /** the ids to include (see selectFields) */
  fieldIds: readonly string[];
  expand: ReadonlySet<string>;
  /** property keys to include; '*all' for every one */
  properties: readonly string[];
}

function selectProperties(issue: IssueRecord, requested: readonly string[]): Record<string, Json> | undefined {
  if (requested.length === 0) return undefined;
  const keys = Object.keys(issue.properties);
  const wanted = new Set<string>();
  for (const token of requested) {
    if (token === '*all') keys.forEach((k) => wanted.add(k));
    else if (token.startsWith('-')) wanted.delete(token.slice(1));
    else wanted.add(token);
  }
  const out: Record<string, Json> = {};
  for (const key of keys) if (wanted.has(key)) out[key] = issue.properties[key];
  return out;
}

/** An issue as GET /rest/api/3/issue answers it. */
export function renderIssue(ctx: RenderContext, issue: IssueRecord, options: IssueRenderOptions): JsonObject {
  const fields: JsonObject = {};
  for (const id of options.fieldIds) if (id !== 'issuekey') fields[id] = fieldValue(ctx, issue, id);
  const out: JsonObject = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations,customfield_10010.requestTypePractice',
    id: issue.id,
    self: `${base(ctx)}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
  };
  out['fields'] = fields;
  if (options.expand.has('renderedFields')) {
    const rendered: JsonObject = {};
    for (const id of options.fieldIds) if (id !== 'issuekey') rendered[id] = renderedFieldValue(ctx, issue, id);
    out['renderedFields'] = rendered;
  }
  if (options.expand.has('names')) {
    out['names'] = Object.fromEntries(options.fieldIds.map((id) => [id, fieldDef(ctx, id)?.name ?? id]));
  }
  if (options.expand.has('schema')) {
    const schema: JsonObject = {};
    for (const id of options.fieldIds) {
      const def = fieldDef(ctx, id);
      if (def !== undefined) schema[id] = { ...def.schema };
    }
    out['schema'] = schema;
  }
  if (options.expand.has('transitions')) {
    out['transitions'] = ctx.model.availableTransitions(issue).map((t) => renderTransition(ctx, t));
  }
  if (options.expand.has('changelog')) {
    // Jira embeds at most the 100 most recent entries, oldest first
    const histories = issue.changelog.slice(-100);
    out['changelog'] = {
      startAt: 0,
      maxResults: histories.length,
      total: issue.changelog.length,
      histories: histories.map((h) => renderChangelogEntry(ctx, h)),
    };
  }
  const properties = selectProperties(issue, options.properties);
  if (properties !== undefined) out['properties'] = properties;
  return out;
}

/** GET /rest/api/3/field entry. */
export function renderField(model: JiraModel, field: FieldDef): JsonObject {
  const appField = model.findAppField(field.id);
  return {
    id: field.id,
    // Forge fields show the app's key; every other field's key is its id
    key: appField?.forgeKey ?? field.id,
    name: field.name,
    custom: field.custom,
    orderable: field.orderable,
    navigable: field.navigable,
    searchable: field.searchable,
    clauseNames: [...field.clauseNames],
    schema: { ...field.schema },
  };
}

// ---------------------------------------------------------------------------------------------
// servicedeskapi
// ---------------------------------------------------------------------------------------------

/** A user as servicedeskapi shows it. */
export function renderSdUser(ctx: RenderContext, user: UserRecord): JsonObject {
  const self = `${base(ctx)}/rest/api/2/user?accountId=${encodeURIComponent(user.accountId)}`;
  return {
    accountId: user.accountId,
    ...(user.emailAddress === null ? {} : { emailAddress: user.emailAddress }),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    _links: { jiraRest: self, avatarUrls: avatarUrls(ctx, 'user', user.accountId), self },
  };
}

export function renderServiceDesk(ctx: RenderContext, serviceDesk: ServiceDeskRecord): JsonObject {
  const project = ctx.model.getProject(serviceDesk.projectId);
  return {
    id: serviceDesk.id,
    projectId: project.id,
    projectName: project.name,
    projectKey: project.key,
    _links: { self: `${base(ctx)}/rest/servicedeskapi/servicedesk/${serviceDesk.id}` },
  };
}

/** A JSM comment as servicedeskapi shows it (text body, public flag). */
export function renderSdComment(ctx: RenderContext, issue: IssueRecord, comment: CommentRecord, expand: ReadonlySet<string>): JsonObject {
  const author = ctx.model.findUser(comment.authorId);
  const text = adfToText(comment.body);
  return {
    _expands: ['attachment', 'renderedBody'],
    id: comment.id,
    body: text,
    ...(expand.has('renderedBody') ? { renderedBody: { html: textToHtml(text) } } : {}),
    public: !comment.internal && comment.visibility === null,
    ...(author === undefined ? {} : { author: renderSdUser(ctx, author) }),
    created: jsmDateJson(ctx, comment.createdMs),
    _links: { self: `${base(ctx)}/rest/servicedeskapi/request/${issue.id}/comment/${comment.id}` },
  };
}

/** A servicedeskapi page (`size`, `start`, `limit`, `isLastPage`, `values`, `_links`). */
export function renderSdPage(ctx: RenderContext, path: string, all: readonly Json[], start: number, limit: number): JsonObject {
  const values = all.slice(start, start + limit);
  const isLastPage = start + values.length >= all.length;
  const link = (s: number): string => `${base(ctx)}${path}${path.includes('?') ? '&' : '?'}start=${s}&limit=${limit}`;
  return {
    _expands: [],
    size: values.length,
    start,
    limit,
    isLastPage,
    _links: {
      base: base(ctx),
      context: '',
      self: link(start),
      ...(isLastPage ? {} : { next: link(start + limit) }),
      ...(start > 0 ? { prev: link(Math.max(0, start - limit)) } : {}),
    },
    values,
  };
}

/** A JSM customer request (GET /rest/servicedeskapi/request/{key}); `expand` as servicedeskapi's. */
export function renderCustomerRequest(ctx: RenderContext, issue: IssueRecord, expand: ReadonlySet<string>): JsonObject {
  const { model } = ctx;
  const requestType = issue.requestTypeId === null ? undefined : model.findRequestType(issue.requestTypeId);
  const serviceDesk = model.serviceDeskForProject(issue.projectId);
  const reporter = issue.reporterId === null ? undefined : model.findUser(issue.reporterId);
  const descriptionText = issue.description === null ? '' : adfToText(issue.description);
  const requestFieldValues: Json[] = [
    { fieldId: 'summary', label: 'Summary', value: issue.summary },
    {
      fieldId: 'description',
      label: 'Description',
      value: descriptionText,
      renderedValue: { html: issue.description === null ? '' : adfToHtml(issue.description) },
    },
  ];
  const out: JsonObject = {
    _expands: ['participant', 'status', 'sla', 'requestType', 'serviceDesk', 'attachment', 'action', 'comment'],
    issueId: issue.id,
    issueKey: issue.key,
    summary: issue.summary,
    requestTypeId: requestType?.id ?? '',
    serviceDeskId: serviceDesk?.id ?? '',
    createdDate: jsmDateJson(ctx, issue.createdMs),
    ...(reporter === undefined ? {} : { reporter: renderSdUser(ctx, reporter) }),
    requestFieldValues,
    currentStatus: renderCurrentStatus(ctx, issue),
    _links: {
      jiraRest: `${base(ctx)}/rest/api/2/issue/${issue.id}`,
      web: `${base(ctx)}/servicedesk/customer/portal/${serviceDesk?.id ?? '0'}/${issue.key}`,
      agent: `${base(ctx)}/browse/${issue.key}`,
      self: `${base(ctx)}/rest/servicedeskapi/request/${issue.id}`,
    },
  };
  if (expand.has('requestType') && requestType !== undefined) out['requestType'] = renderRequestType(ctx, requestType);
  if (expand.has('serviceDesk') && serviceDesk !== undefined) out['serviceDesk'] = renderServiceDesk(ctx, serviceDesk);
  if (expand.has('participant')) {
    const participants = issue.participantIds.map((id) => model.findUser(id)).filter((u): u is UserRecord => u !== undefined);
    out['participants'] = renderSdPage(ctx, `/rest/servicedeskapi/request/${issue.id}/participant`, participants.map((u) => renderSdUser(ctx, u)), 0, 50);
  }
  if (expand.has('status')) {
    const history: Json[] = [{ status: model.getStatus('1').name, statusCategory: 'NEW', statusDate: jsmDateJson(ctx, issue.createdMs) }];
    for (const entry of issue.changelog) {
      for (const item of entry.items) {
        if (item.fieldId !== 'status' || item.to === null) continue;
        const status = model.getStatus(item.to);
        history.push({ status: status.name, statusCategory: jsmStatusCategory(status), statusDate: jsmDateJson(ctx, entry.createdMs) });
      }
    }
    out['status'] = renderSdPage(ctx, `/rest/servicedeskapi/request/${issue.id}/status`, history.reverse(), 0, 50);
  }
  if (expand.has('comment')) {
    const comments = model.visibleComments(ctx.viewer, issue).map((c) => renderSdComment(ctx, issue, c, new Set()));
    out['comments'] = renderSdPage(ctx, `/rest/servicedeskapi/request/${issue.id}/comment`, comments, 0, 50);
  }
  if (expand.has('action')) {
    const canComment = model.hasPermission(ctx.viewer, 'ADD_COMMENTS', { issue });
    out['actions'] = {
      addAttachment: { allowed: false },
      addComment: { allowed: canComment },
      addParticipant: { allowed: canComment },
      removeParticipant: { allowed: canComment },
    };
  }
  return out;
}
