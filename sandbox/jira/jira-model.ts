/**
 * The in-memory Jira Service Management site behind the emulator: users with roles, projects with
 * components, service desks with request types and customers, organizations, issues (fields, JSM
 * request type and organizations, comments public/internal, changelog, entity properties, Forge app
 * field values), a JSM-like workflow, permissions per role, and the notifications Jira "sent".
 *
 * Every mutation takes the acting user's accountId, checks that user's permissions like Jira would,
 * stamps time from the injected clock (never the system clock), records changelog entries and fires
 * Forge-shaped product events on `events`. The HTTP router (jira-routes.ts) and in-process callers
 * (sandbox seed, demo data) use the same methods. A failed change changes nothing. Mutations return
 * copies; look-ups (findIssue, users(), …) return the live records, to be treated as read-only.
 *
 * Every change is also recorded for persistence: the model keeps what changed since the last
 * time they were written (issues, their comments, changelog entries and properties, notifications,
 * the small site collections: `takeChanges()`), so the sandbox can write exactly that to its database (jira-site-store.ts) before
 * it answers the request that caused it.
 *
 * What it may not touch: the network, the file system, the app's own code and storage.
 */
import { adfDocSchema, adfToText, textToAdf, type AdfDoc } from './jira-adf';
import type { AppCustomFieldDef, JiraAppDefinition } from './jira-app-definition';
import {
  AUTOMATION_ACCOUNT_ID,
  CUSTOMER_COMMENT_TRANSITION_ID,
  DEFAULT_PRIORITY_ID,
  DEFAULT_RESOLUTION_ID,
  INITIAL_STATUS_ID,
  ISSUE_TYPES,
  ORGANIZATIONS_FIELD_ID,
  PERMISSIONS,
  PRIORITIES,
  REQUEST_PARTICIPANTS_FIELD_ID,
  REQUEST_TYPE_FIELD_ID,
  RESOLUTIONS,
  STATUSES,
  STATUS_CATEGORIES,
  SYSTEM_FIELDS,
  TRANSITIONS,
  type FieldDef,
  type IssueTypeDef,
  type PermissionDef,
  type PriorityDef,
  type ResolutionDef,
  type StatusCategoryDef,
  type StatusDef,
  type TransitionDef,
} from './jira-catalog';
import { badRequest, fieldErrors, forbidden, issueNotFound, JiraError, notFound } from './jira-errors';
import { buildCommentedEvent, buildCreatedEvent, buildUpdatedEvent, ForgeEventEmitter, type ForgeJiraEvent } from './jira-events';
import {
  jiraSiteStateSchema,
  type AppFieldValue,
  type ChangeItem,
  type ChangelogRecord,
  type CommentRecord,
  type ComponentRecord,
  type IssueRecord,
  type JiraSiteState,
  type NotificationRecord,
  type OrganizationRecord,
  type ProjectRecord,
  type RequestTypeRecord,
  type ServiceDeskRecord,
  type UserRecord,
  type UserRole,
} from './jira-state';
import { formatJiraDateTime, isValidTimeZone, type JiraClock } from './jira-time';

/** Jira's limit on one entity property value (JSON text), in bytes. */
export const MAX_PROPERTY_BYTES = 32_768;
/** Jira's limit on an entity property key. */
export const MAX_PROPERTY_KEY_LENGTH = 255;

export interface JiraModelOptions {
  /** where "now" comes from: the sandbox's movable clock */
  clock: JiraClock;
  /** the installed Forge app (custom fields, indexed properties, app account); see readJiraAppDefinition() */
  app: JiraAppDefinition;
  /** a site exported with exportState(), parsed and restored */
  state?: unknown;
  /** base URL for `self` links and event payloads; startJiraServer() sets it when not given */
  baseUrl?: string;
  /** bearer token that authenticates HTTP requests as the app (asApp); default 'sandbox-app-token' */
  appToken?: string;
  /** JSM automation "transition on customer comment" (Waiting for customer → In Progress); default true */
  transitionOnCustomerComment?: boolean;
  /** JSM's e-mail to the customer on a public comment, kept in `notifications`; default true */
  notifyCustomerOnPublicComment?: boolean;
}

/** A Forge app custom field as the site lists it. */
export interface AppFieldDef extends FieldDef {
  moduleKey: string;
  /** `{appId}__{environment}__{moduleKey}`, the key Jira shows for Forge fields */
  forgeKey: string;
  /** `ari:cloud:ecosystem::extension/{appId}/{environmentId}/static/{moduleKey}` (schema.custom) */
  extensionAri: string;
  type: AppCustomFieldDef['type'];
  readOnly: boolean;
  description: string;
}

export interface CreateIssueInput {
  /** project id or key */
  project: string;
  /** issue type id or name; default: the request type's, else the project's first */
  issueType?: string;
  summary: string;
  /** ADF, or plain text (wrapped into ADF as JSM does) */
  description?: AdfDoc | string | null;
  /** priority id or name; default Medium */
  priority?: string;
  labels?: string[];
  /** component ids or names */
  components?: string[];
  /** accountId; default the actor */
  reporter?: string | null;
  assignee?: string | null;
  /** request type id or name (JSM `customfield_10010`) */
  requestType?: string | null;
  /** organization ids or names (JSM `customfield_10002`) */
  organizations?: string[];
  participants?: string[];
  /** issue entity properties set at creation */
  properties?: Record<string, unknown>;
}

export interface CreateRequestInput {
  serviceDeskId: string;
  requestTypeId: string;
  summary: string;
  description?: AdfDoc | string;
  /** accountId or e-mail of the customer the request is raised for (agents only) */
  raiseOnBehalfOf?: string;
  priority?: string;
  components?: string[];
  labels?: string[];
  /** organizations to share with; default: the reporter's organizations that use this service desk */
  organizations?: string[];
  participants?: string[];
  properties?: Record<string, unknown>;
}

/** Field changes for editIssue / transitions; an omitted field stays as it is. */
export interface IssueChanges {
  summary?: string;
  description?: AdfDoc | string | null;
  priority?: string | null;
  labels?: string[];
  components?: string[];
  assignee?: string | null;
  reporter?: string | null;
  requestType?: string | null;
  organizations?: string[];
  participants?: string[];
}

export interface CommentInput {
  body: AdfDoc | string;
  /** JSM internal note; customers cannot add one */
  internal?: boolean;
  visibility?: { type: 'group' | 'role'; value: string } | null;
  /** comment properties; `sd.public.comment: { internal: true }` also makes it internal */
  properties?: Record<string, unknown>;
}

export interface TransitionOptions {
  /** resolution id or name when entering a done status; default Done */
  resolution?: string;
  fields?: IssueChanges;
  comment?: CommentInput;
  properties?: Record<string, unknown>;
}

export interface NotifyInput {
  subject?: string | undefined;
  textBody?: string | undefined;
  htmlBody?: string | undefined;
  to: {
    reporter?: boolean | undefined;
    assignee?: boolean | undefined;
    watchers?: boolean | undefined;
    voters?: boolean | undefined;
    users?: { accountId: string }[] | undefined;
    groups?: { groupId?: string | undefined; name?: string | undefined }[] | undefined;
  };
  restrict?:
    | {
        permissions?: { key?: string | undefined; id?: string | undefined }[] | undefined;
        groups?: { groupId?: string | undefined; name?: string | undefined }[] | undefined;
      }
    | undefined;
}

export interface AppFieldUpdate {
  /** field id (customfield_…), Forge key or module key */
  field: string;
  /** issue ids (Jira's app field API takes ids, not keys) */
  issueIds: string[];
  value: AppFieldValue;
}

export interface AddUserInput {
  displayName: string;
  emailAddress: string;
  role: Exclude<UserRole, 'app'>;
  timeZone?: string;
  locale?: string;
  /** Privacy setting: others see `locale: null` (GET /user). */
  hideLocale?: boolean;
  accountId?: string;
}

export interface RequestTypeInput {
  name: string;
  description?: string;
  helpText?: string;
  /** issue type id or name; default Service Request */
  issueType?: string;
  groupIds?: string[];
}

const SD_PUBLIC_COMMENT = 'sd.public.comment';

/** The small parts of the site, persisted whole when they change (jira-site-store.ts). */
export type SiteCollection = 'users' | 'projects' | 'serviceDesks' | 'organizations' | 'consents' | 'counters';

/** What changed since the last `takeChanges()`: the records to write, by kind. */
export interface SiteChanges {
  readonly collections: ReadonlySet<SiteCollection>;
  /** issues whose own fields changed (or that were created): the record without comments, changelog, properties */
  readonly issues: ReadonlySet<IssueRecord>;
  /** new comments (comments are not edited afterwards) */
  readonly comments: readonly { readonly issueId: string; readonly comment: CommentRecord }[];
  /** new changelog entries */
  readonly changelog: readonly { readonly issueId: string; readonly entry: ChangelogRecord }[];
  /** property keys set or deleted, per issue (the issue's `properties` says which) */
  readonly properties: ReadonlyMap<IssueRecord, ReadonlySet<string>>;
  readonly notifications: readonly NotificationRecord[];
  /** product events fired by the changes: kept until they are delivered (a crash must not swallow them) */
  readonly events: readonly ForgeJiraEvent[];
}

interface PendingChanges {
  collections: Set<SiteCollection>;
  issues: Set<IssueRecord>;
  comments: { issueId: string; comment: CommentRecord }[];
  changelog: { issueId: string; entry: ChangelogRecord }[];
  properties: Map<IssueRecord, Set<string>>;
  notifications: NotificationRecord[];
  events: ForgeJiraEvent[];
}

function noChanges(): PendingChanges {
  return { collections: new Set(), issues: new Set(), comments: [], changelog: [], properties: new Map(), notifications: [], events: [] };
}

function hex(serial: number, width: number): string {
  return serial.toString(16).padStart(width, '0').slice(-width);
}

/** A stable uuid-shaped string from a serial number (ids must be repeatable across sandbox runs). */
function serialUuid(serial: number, salt: number): string {
  return `${hex(salt, 8)}-${hex(serial >>> 16, 4)}-4${hex(serial & 0xfff, 3)}-8${hex(salt & 0xfff, 3)}-${hex(serial, 12)}`;
}

function jsonBytes(value: unknown): number {
  // JSON.stringify(undefined) is undefined at run time although typed as string
  return value === undefined ? 4 : Buffer.byteLength(JSON.stringify(value), 'utf8');
}

function cloneJson<T>(value: T): T {
  return structuredClone(value);
}

function emptyState(): JiraSiteState {
  return {
    schemaVersion: 1,
    users: [],
    projects: [],
    serviceDesks: [],
    organizations: [],
    issues: [],
    notifications: [],
    consents: [],
    counters: {
      issueId: 10000,
      commentId: 10000,
      changelogId: 10000,
      notificationId: 1,
      organizationId: 1,
      projectId: 10000,
      componentId: 10000,
      serviceDeskId: 1,
      requestTypeId: 1,
      userSerial: 1,
    },
  };
}

/** The emulated JSM site. Create with createJiraModel(); see the module header. */
export class JiraModel {
  readonly clock: JiraClock;
  readonly app: JiraAppDefinition;
  readonly appToken: string;
  /** Forge product events, fired synchronously after each change */
  readonly events = new ForgeEventEmitter();
  /** base URL for `self` links; startJiraServer() fills it in */
  baseUrl: string;
  readonly appFields: readonly AppFieldDef[];
  private readonly options: { transitionOnCustomerComment: boolean; notifyCustomerOnPublicComment: boolean };
  private state: JiraSiteState;
  /** issues by id and by key (the look-ups every request makes) */
  private readonly issuesById = new Map<string, IssueRecord>();
  private readonly issuesByKey = new Map<string, IssueRecord>();
  private pending: PendingChanges = noChanges();

  constructor(options: JiraModelOptions) {
    this.clock = options.clock;
    this.app = options.app;
    this.appToken = options.appToken ?? 'sandbox-app-token';
    this.baseUrl = options.baseUrl ?? 'http://127.0.0.1';
    this.options = {
      transitionOnCustomerComment: options.transitionOnCustomerComment ?? true,
      notifyCustomerOnPublicComment: options.notifyCustomerOnPublicComment ?? true,
    };
    this.state = options.state === undefined ? emptyState() : jiraSiteStateSchema.parse(options.state);
    for (const issue of this.state.issues) this.indexIssue(issue);
    this.appFields = options.app.customFields.map((field, index) => {
      const customId = 10050 + index;
      const id = `customfield_${customId}`;
      const extensionAri = `ari:cloud:ecosystem::extension/${options.app.appId}/${options.app.environmentId}/static/${field.moduleKey}`;
      return {
        id,
        name: field.name,
        custom: true,
        orderable: true,
        navigable: true,
        searchable: true,
        clauseNames: [`cf[${customId}]`, field.name],
        schema: { type: field.type, custom: extensionAri, customId },
        moduleKey: field.moduleKey,
        forgeKey: `${options.app.appId}__${options.app.environmentKey}__${field.moduleKey}`,
        extensionAri,
        type: field.type,
        readOnly: field.readOnly,
        description: field.description,
      };
    });
    this.ensureSystemUsers();
  }

  // -------------------------------------------------------------------------------------------
  // state
  // -------------------------------------------------------------------------------------------

  /** A deep copy of everything that changed on the site (JSON-safe). */
  exportState(): JiraSiteState {
    return cloneJson(this.state);
  }

  private nowMs(): number {
    return this.clock.now().getTime();
  }

  private nextId(counter: keyof JiraSiteState['counters']): number {
    const value = this.state.counters[counter];
    this.state.counters[counter] = value + 1;
    this.pending.collections.add('counters');
    return value;
  }

  /**
   * What changed since the last call (or since the model was created), and starts over. A site
   * restored from `state` counts as unchanged; the system users it adds count as changes.
   *
   * @example const changes = model.takeChanges(); changes.issues.size // issues to write
   */
  takeChanges(): SiteChanges {
    const changes = this.pending;
    this.pending = noChanges();
    return changes;
  }

  /** Puts changes that could not be written back with the pending ones, so the next write takes them too. */
  restoreChanges(changes: SiteChanges): void {
    const p = this.pending;
    for (const name of changes.collections) p.collections.add(name);
    for (const issue of changes.issues) p.issues.add(issue);
    p.comments.push(...changes.comments);
    p.changelog.push(...changes.changelog);
    for (const [issue, keys] of changes.properties) for (const key of keys) this.touchedProperty(issue, key);
    p.notifications.push(...changes.notifications);
    p.events.push(...changes.events);
  }

  /** Whether anything changed since the last `takeChanges()`. */
  hasChanges(): boolean {
    const p = this.pending;
    return p.collections.size + p.issues.size + p.comments.length + p.changelog.length + p.properties.size + p.notifications.length + p.events.length > 0;
  }

  /** The counters the next ids come from. */
  counters(): Readonly<JiraSiteState['counters']> {
    return this.state.counters;
  }

  /** Every user's consent to the app acting as them. */
  consents(): readonly JiraSiteState['consents'][number][] {
    return this.state.consents;
  }

  /** Fires a product event, and keeps it with the pending changes (it is written with them). */
  private emit(event: ForgeJiraEvent): void {
    this.pending.events.push(event);
    this.events.emit(event);
  }

  private touched(collection: SiteCollection): void {
    this.pending.collections.add(collection);
  }

  private touchedIssue(issue: IssueRecord): void {
    this.pending.issues.add(issue);
  }

  private touchedProperty(issue: IssueRecord, key: string): void {
    const keys = this.pending.properties.get(issue) ?? new Set<string>();
    keys.add(key);
    this.pending.properties.set(issue, keys);
  }

  private indexIssue(issue: IssueRecord): void {
    this.issuesById.set(issue.id, issue);
    this.issuesByKey.set(issue.key, issue);
  }

  private ensureSystemUsers(): void {
    if (this.findUser(this.app.accountId) === undefined) {
      this.state.users.push({
        accountId: this.app.accountId,
        accountType: 'app',
        role: 'app',
        displayName: this.app.name,
        emailAddress: null,
        timeZone: 'UTC',
        locale: 'en_US',
        active: true,
      });
      this.touched('users');
    }
    if (this.findUser(AUTOMATION_ACCOUNT_ID) === undefined) {
      this.state.users.push({
        accountId: AUTOMATION_ACCOUNT_ID,
        accountType: 'app',
        role: 'app',
        displayName: 'Automation for Jira',
        emailAddress: null,
        timeZone: 'UTC',
        locale: 'en_US',
        active: true,
      });
      this.touched('users');
    }
  }

  // -------------------------------------------------------------------------------------------
  // catalogue look-ups
  // -------------------------------------------------------------------------------------------

  statuses(): readonly StatusDef[] {
    return STATUSES;
  }

  statusCategories(): readonly StatusCategoryDef[] {
    return STATUS_CATEGORIES;
  }

  priorities(): readonly PriorityDef[] {
    return PRIORITIES;
  }

  resolutions(): readonly ResolutionDef[] {
    return RESOLUTIONS;
  }

  issueTypes(): readonly IssueTypeDef[] {
    return ISSUE_TYPES;
  }

  /** System, JSM and app fields, as GET /field lists them. */
  fields(): readonly FieldDef[] {
    return [...SYSTEM_FIELDS, ...this.appFields];
  }

  getStatus(id: string): StatusDef {
    const status = STATUSES.find((s) => s.id === id);
    if (status === undefined) throw notFound(`The status with id '${id}' does not exist.`);
    return status;
  }

  findStatus(idOrName: string): StatusDef | undefined {
    const lower = idOrName.toLowerCase();
    return STATUSES.find((s) => s.id === idOrName || s.name.toLowerCase() === lower);
  }

  statusCategoryOf(status: StatusDef): StatusCategoryDef {
    const category = STATUS_CATEGORIES.find((c) => c.key === status.categoryKey);
    if (category === undefined) throw new Error(`Status ${status.id} has no category ${status.categoryKey}.`);
    return category;
  }

  findPriority(idOrName: string): PriorityDef | undefined {
    const lower = idOrName.toLowerCase();
    return PRIORITIES.find((p) => p.id === idOrName || p.name.toLowerCase() === lower);
  }

  findResolution(idOrName: string): ResolutionDef | undefined {
    const lower = idOrName.toLowerCase();
    return RESOLUTIONS.find((r) => r.id === idOrName || r.name.toLowerCase() === lower);
  }

  findIssueType(idOrName: string): IssueTypeDef | undefined {
    const lower = idOrName.toLowerCase();
    return ISSUE_TYPES.find((t) => t.id === idOrName || t.name.toLowerCase() === lower);
  }

  findAppField(idOrKey: string): AppFieldDef | undefined {
    return this.appFields.find(
      (f) => f.id === idOrKey || f.forgeKey === idOrKey || f.extensionAri === idOrKey || f.moduleKey === idOrKey,
    );
  }

  // -------------------------------------------------------------------------------------------
  // users
  // -------------------------------------------------------------------------------------------

  /**
   * Adds a person: an admin or agent (accountType 'atlassian') or a portal customer ('customer').
   *
   * @example model.addUser({ displayName: 'Sanne de Vries', emailAddress: 'sanne@msp.example', role: 'agent', timeZone: 'Europe/Amsterdam' })
   */
  addUser(input: AddUserInput): UserRecord {
    const email = input.emailAddress.trim();
    if (!/^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/.test(email)) throw badRequest(`'${input.emailAddress}' is not a valid e-mail address.`);
    if (this.findUserByEmail(email) !== undefined) throw badRequest(`A user with e-mail '${email}' already exists.`);
    const timeZone = input.timeZone ?? 'UTC';
    if (!isValidTimeZone(timeZone)) throw badRequest(`'${timeZone}' is not a valid time zone.`);
    const serial = this.nextId('userSerial');
    const accountId =
      input.accountId ??
      (input.role === 'customer'
        ? `qm:${serialUuid(serial, 0x5d0c0a11)}:${serialUuid(serial, 0xc0570000)}`
        : `712020:${serialUuid(serial, 0xa6e70000)}`);
    if (this.findUser(accountId) !== undefined) throw badRequest(`A user with accountId '${accountId}' already exists.`);
    const user: UserRecord = {
      accountId,
      accountType: input.role === 'customer' ? 'customer' : 'atlassian',
      role: input.role,
      displayName: input.displayName,
      emailAddress: email,
      timeZone,
      locale: input.locale ?? 'en_US',
      ...(input.hideLocale === true ? { hideLocale: true } : {}),
      active: true,
    };
    this.state.users.push(user);
    this.touched('users');
    return cloneJson(user);
  }

  findUser(accountId: string): UserRecord | undefined {
    return this.state.users.find((u) => u.accountId === accountId);
  }

  findUserByEmail(email: string): UserRecord | undefined {
    const lower = email.trim().toLowerCase();
    return this.state.users.find((u) => u.emailAddress?.toLowerCase() === lower);
  }

  /** The user with this accountId; 404 like Jira when there is none. */
  getUser(accountId: string): UserRecord {
    const user = this.findUser(accountId);
    if (user === undefined) throw notFound(`Specified user does not exist or you do not have required permissions`);
    return user;
  }

  users(): readonly UserRecord[] {
    return this.state.users;
  }

  /** The Forge app's own account (what asApp() calls act as). */
  appUser(): UserRecord {
    return this.getUser(this.app.accountId);
  }

  /** The first admin: who an unauthenticated sandbox request acts as. */
  defaultAdmin(): UserRecord {
    const admin = this.state.users.find((u) => u.role === 'admin' && u.active);
    if (admin === undefined) throw new JiraError(401, ['You are not authenticated. Authentication required to perform this operation.']);
    return admin;
  }

  private actor(accountId: string): UserRecord {
    const user = this.findUser(accountId);
    if (user === undefined || !user.active) {
      throw new JiraError(401, ['You are not authenticated. Authentication required to perform this operation.']);
    }
    return user;
  }

  private isStaff(user: UserRecord): boolean {
    return user.role !== 'customer';
  }

  // -------------------------------------------------------------------------------------------
  // user consent (Forge's "Allow access" for asUser calls)
  // -------------------------------------------------------------------------------------------

  /**
   * Whether the user allowed the app to act as them for every scope the app has now. Until then
   * Forge's `asUser()` throws NeedsAuthenticationError; a change of scopes asks again.
   *
   * @example model.hasConsent(agent.accountId) // false on a first visit
   */
  hasConsent(accountId: string): boolean {
    const consent = this.state.consents.find((c) => c.accountId === accountId);
    return consent !== undefined && this.app.scopes.every((scope) => consent.scopes.includes(scope));
  }

  /** Records the user's "Allow access" for the app's current scopes. */
  grantConsent(accountId: string): void {
    this.actor(accountId);
    const others = this.state.consents.filter((c) => c.accountId !== accountId);
    this.state.consents = [...others, { accountId, scopes: [...this.app.scopes], grantedMs: this.nowMs() }];
    this.touched('consents');
  }

  /** Forgets the user's consent (their next visit asks again). */
  revokeConsent(accountId: string): void {
    this.state.consents = this.state.consents.filter((c) => c.accountId !== accountId);
    this.touched('consents');
  }

  // -------------------------------------------------------------------------------------------
  // projects, service desks, organizations
  // -------------------------------------------------------------------------------------------

  /**
   * Adds a project with its components.
   *
   * @example model.addProject({ key: 'ITS', name: 'IT Support', leadAccountId: admin.accountId, components: ['E-mail'] })
   */
  addProject(input: {
    key: string;
    name: string;
    leadAccountId: string;
    projectTypeKey?: ProjectRecord['projectTypeKey'];
    components?: (string | { name: string; description?: string })[];
  }): ProjectRecord {
    if (!/^[A-Z][A-Z0-9]+$/.test(input.key)) throw badRequest(`'${input.key}' is not a valid project key.`);
    if (this.findProject(input.key) !== undefined) throw badRequest(`A project with key '${input.key}' already exists.`);
    this.getUser(input.leadAccountId);
    const projectTypeKey = input.projectTypeKey ?? 'service_desk';
    const project: ProjectRecord = {
      id: String(this.nextId('projectId')),
      key: input.key,
      name: input.name,
      projectTypeKey,
      leadAccountId: input.leadAccountId,
      components: [],
      issueTypeIds: ISSUE_TYPES.filter((t) => t.projectTypes.includes(projectTypeKey)).map((t) => t.id),
      nextIssueNumber: 1,
    };
    this.state.projects.push(project);
    this.touched('projects');
    for (const component of input.components ?? []) {
      this.addComponent(project.key, typeof component === 'string' ? { name: component } : component);
    }
    return cloneJson(project);
  }

  addComponent(projectIdOrKey: string, input: { name: string; description?: string }): ComponentRecord {
    const project = this.getProject(projectIdOrKey);
    if (project.components.some((c) => c.name.toLowerCase() === input.name.toLowerCase())) {
      throw badRequest(`A component with the name ${input.name} already exists in this project.`);
    }
    const component: ComponentRecord = {
      id: String(this.nextId('componentId')),
      name: input.name,
      description: input.description ?? '',
    };
    project.components.push(component);
    this.touched('projects');
    return cloneJson(component);
  }

  findProject(idOrKey: string): ProjectRecord | undefined {
    const upper = idOrKey.toUpperCase();
    return this.state.projects.find((p) => p.id === idOrKey || p.key === upper);
  }

  getProject(idOrKey: string): ProjectRecord {
    const project = this.findProject(idOrKey);
    if (project === undefined) throw notFound(`No project could be found with key '${idOrKey}'.`);
    return project;
  }

  projects(): readonly ProjectRecord[] {
    return this.state.projects;
  }

  /**
   * Makes a project a service desk with request types.
   *
   * @example model.addServiceDesk({ project: 'ITS', requestTypes: [{ name: 'E-mail problem', issueType: 'Incident' }] })
   */
  addServiceDesk(input: { project: string; requestTypes?: RequestTypeInput[] }): ServiceDeskRecord {
    const project = this.getProject(input.project);
    if (this.serviceDeskForProject(project.id) !== undefined) throw badRequest(`Project ${project.key} is already a service desk.`);
    const serviceDesk: ServiceDeskRecord = {
      id: String(this.nextId('serviceDeskId')),
      projectId: project.id,
      requestTypes: [],
      customerIds: [],
      organizationIds: [],
    };
    this.state.serviceDesks.push(serviceDesk);
    this.touched('serviceDesks');
    for (const requestType of input.requestTypes ?? []) this.addRequestType(serviceDesk.id, requestType);
    return cloneJson(serviceDesk);
  }

  addRequestType(serviceDeskId: string, input: RequestTypeInput): RequestTypeRecord {
    const serviceDesk = this.getServiceDesk(serviceDeskId);
    const issueType = this.findIssueType(input.issueType ?? 'Service Request');
    if (issueType === undefined) throw badRequest(`The issue type '${input.issueType ?? ''}' does not exist.`);
    const requestType: RequestTypeRecord = {
      id: String(this.nextId('requestTypeId')),
      serviceDeskId: serviceDesk.id,
      name: input.name,
      description: input.description ?? '',
      helpText: input.helpText ?? '',
      issueTypeId: issueType.id,
      groupIds: input.groupIds ?? ['1'],
      iconId: String(10600 + serviceDesk.requestTypes.length),
    };
    serviceDesk.requestTypes.push(requestType);
    this.touched('serviceDesks');
    return cloneJson(requestType);
  }

  findServiceDesk(id: string): ServiceDeskRecord | undefined {
    return this.state.serviceDesks.find((sd) => sd.id === id);
  }

  getServiceDesk(id: string): ServiceDeskRecord {
    const serviceDesk = this.findServiceDesk(id);
    if (serviceDesk === undefined) throw notFound(`Service Desk with id ${id} does not exist.`);
    return serviceDesk;
  }

  serviceDesks(): readonly ServiceDeskRecord[] {
    return this.state.serviceDesks;
  }

  serviceDeskForProject(projectId: string): ServiceDeskRecord | undefined {
    return this.state.serviceDesks.find((sd) => sd.projectId === projectId);
  }

  findRequestType(idOrName: string, serviceDeskId?: string): RequestTypeRecord | undefined {
    const lower = idOrName.toLowerCase();
    for (const serviceDesk of this.state.serviceDesks) {
      if (serviceDeskId !== undefined && serviceDesk.id !== serviceDeskId) continue;
      const found = serviceDesk.requestTypes.find((rt) => rt.id === idOrName || rt.name.toLowerCase() === lower);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /**
   * Adds a JSM organization (a customer company).
   *
   * @example model.addOrganization('Acme Logistics')
   */
  addOrganization(name: string): OrganizationRecord {
    if (name.trim() === '') throw badRequest('An organization needs a name.');
    if (this.state.organizations.some((o) => o.name.toLowerCase() === name.toLowerCase())) {
      throw badRequest(`An organization with this name already exists.`);
    }
    const serial = this.nextId('organizationId');
    const organization: OrganizationRecord = {
      id: String(serial),
      uuid: serialUuid(serial, 0x0a9a0000),
      name,
      createdMs: this.nowMs(),
      memberIds: [],
    };
    this.state.organizations.push(organization);
    this.touched('organizations');
    return cloneJson(organization);
  }

  addUsersToOrganization(organizationId: string, accountIds: string[]): void {
    const organization = this.getOrganization(organizationId);
    for (const accountId of accountIds) {
      this.getUser(accountId);
      if (!organization.memberIds.includes(accountId)) organization.memberIds.push(accountId);
    }
    this.touched('organizations');
  }

  findOrganization(idOrName: string): OrganizationRecord | undefined {
    const lower = idOrName.toLowerCase();
    return this.state.organizations.find((o) => o.id === idOrName || o.name.toLowerCase() === lower);
  }

  getOrganization(id: string): OrganizationRecord {
    const organization = this.findOrganization(id);
    if (organization === undefined) throw notFound(`Organization with id ${id} does not exist.`);
    return organization;
  }

  organizations(): readonly OrganizationRecord[] {
    return this.state.organizations;
  }

  organizationsOf(accountId: string): OrganizationRecord[] {
    return this.state.organizations.filter((o) => o.memberIds.includes(accountId));
  }

  addOrganizationToServiceDesk(serviceDeskId: string, organizationId: string): void {
    const serviceDesk = this.getServiceDesk(serviceDeskId);
    const organization = this.getOrganization(organizationId);
    if (!serviceDesk.organizationIds.includes(organization.id)) serviceDesk.organizationIds.push(organization.id);
    this.touched('serviceDesks');
  }

  addCustomersToServiceDesk(serviceDeskId: string, accountIds: string[]): void {
    const serviceDesk = this.getServiceDesk(serviceDeskId);
    for (const accountId of accountIds) {
      this.getUser(accountId);
      if (!serviceDesk.customerIds.includes(accountId)) serviceDesk.customerIds.push(accountId);
    }
    this.touched('serviceDesks');
  }

  /** Customers of a service desk: added one by one or members of its organizations. */
  customersOf(serviceDeskId: string): UserRecord[] {
    const serviceDesk = this.getServiceDesk(serviceDeskId);
    const ids = new Set(serviceDesk.customerIds);
    for (const organizationId of serviceDesk.organizationIds) {
      for (const memberId of this.findOrganization(organizationId)?.memberIds ?? []) ids.add(memberId);
    }
    return this.state.users.filter((u) => ids.has(u.accountId) && u.role === 'customer');
  }

  private isCustomerOf(user: UserRecord, serviceDesk: ServiceDeskRecord): boolean {
    return (
      serviceDesk.customerIds.includes(user.accountId) ||
      serviceDesk.organizationIds.some((id) => this.findOrganization(id)?.memberIds.includes(user.accountId) === true)
    );
  }

  // -------------------------------------------------------------------------------------------
  // permissions
  // -------------------------------------------------------------------------------------------

  /**
   * Whether a user may see an issue: staff see all; a customer sees requests they reported or
   * participate in, and requests shared with one of their organizations.
   */
  canBrowse(user: UserRecord, issue: IssueRecord): boolean {
    if (this.isStaff(user)) return true;
    if (issue.reporterId === user.accountId || issue.participantIds.includes(user.accountId)) return true;
    return issue.organizationIds.some((id) => this.findOrganization(id)?.memberIds.includes(user.accountId) === true);
  }

  /** Whether a customer may use a project at all (its service desk portal). */
  private canUseProject(user: UserRecord, project: ProjectRecord): boolean {
    if (this.isStaff(user)) return true;
    const serviceDesk = this.serviceDeskForProject(project.id);
    return serviceDesk !== undefined && this.isCustomerOf(user, serviceDesk);
  }

  /**
   * Whether `user` holds a permission, globally or for a project or issue (as mypermissions answers).
   *
   * @example model.hasPermission(customer, 'EDIT_ISSUES', { issue }) // false
   */
  hasPermission(user: UserRecord, key: string, scope: { project?: ProjectRecord; issue?: IssueRecord } = {}): boolean {
    const permission: PermissionDef | undefined = PERMISSIONS.find((p) => p.key === key);
    if (permission === undefined || !user.active || !permission.roles.includes(user.role)) return false;
    if (user.role !== 'customer' || permission.type === 'GLOBAL') return true;
    // a customer holds project permissions only where they can see the request
    if (scope.issue !== undefined) return this.canBrowse(user, scope.issue);
    if (scope.project !== undefined) return this.canUseProject(user, scope.project);
    return true;
  }

  private requirePermission(user: UserRecord, key: string, issue: IssueRecord, message: string): void {
    if (!this.canBrowse(user, issue)) throw issueNotFound();
    if (!this.hasPermission(user, key, { issue })) throw forbidden(message);
  }

  // -------------------------------------------------------------------------------------------
  // issues: look-up
  // -------------------------------------------------------------------------------------------

  /** The issue by id or key, ignoring permissions (in-process use); undefined when there is none. */
  findIssue(idOrKey: string): IssueRecord | undefined {
    return this.issuesById.get(idOrKey) ?? this.issuesByKey.get(idOrKey.toUpperCase());
  }

  /** The issue as `viewer` may see it; Jira's 404 when missing or hidden. */
  getIssueFor(viewerId: string, idOrKey: string): IssueRecord {
    const viewer = this.actor(viewerId);
    const issue = this.findIssue(idOrKey);
    if (issue === undefined || !this.canBrowse(viewer, issue)) throw issueNotFound();
    return issue;
  }

  issues(): readonly IssueRecord[] {
    return this.state.issues;
  }

  notifications(): readonly NotificationRecord[] {
    return this.state.notifications;
  }

  /** Comments of an issue `viewer` may read: customers do not see internal notes. */
  visibleComments(viewer: UserRecord, issue: IssueRecord): CommentRecord[] {
    return issue.comments.filter((c) => this.isStaff(viewer) || (!c.internal && c.visibility === null));
  }

  /** The transitions available from the issue's current status. */
  availableTransitions(issue: IssueRecord): TransitionDef[] {
    return TRANSITIONS.filter((t) => t.fromStatusIds.includes(issue.statusId));
  }

  // -------------------------------------------------------------------------------------------
  // issues: create
  // -------------------------------------------------------------------------------------------

  /**
   * Creates an issue as POST /rest/api/3/issue does (staff only; customers raise requests).
   *
   * @example model.createIssue(agent.accountId, { project: 'ITS', summary: 'Mailbox full', requestType: 'E-mail problem' })
   */
  createIssue(actorId: string, input: CreateIssueInput): IssueRecord {
    const actor = this.actor(actorId);
    const project = this.findProject(input.project);
    if (project === undefined) throw fieldErrors({ project: 'Specify a valid project ID or key' });
    if (!this.hasPermission(actor, 'CREATE_ISSUES', { project }) || !this.isStaff(actor)) {
      throw forbidden('You do not have permission to create issues in this project.');
    }
    return this.insertIssue(actor, project, input);
  }

  /**
   * Raises a JSM request as POST /rest/servicedeskapi/request does: a customer for themselves, an
   * agent for themselves or on behalf of a customer.
   *
   * @example model.createRequest(customer.accountId, { serviceDeskId: '1', requestTypeId: '2', summary: 'Printer jammed' })
   */
  createRequest(actorId: string, input: CreateRequestInput): IssueRecord {
    const actor = this.actor(actorId);
    const serviceDesk = this.findServiceDesk(input.serviceDeskId);
    if (serviceDesk === undefined || (!this.isStaff(actor) && !this.isCustomerOf(actor, serviceDesk))) {
      throw notFound(`Service Desk with id ${input.serviceDeskId} does not exist.`);
    }
    const requestType = serviceDesk.requestTypes.find((rt) => rt.id === input.requestTypeId);
    if (requestType === undefined) throw badRequest(`The request type ${input.requestTypeId} does not exist in this service project.`);
    let reporter = actor;
    if (input.raiseOnBehalfOf !== undefined) {
      const onBehalf = this.findUser(input.raiseOnBehalfOf) ?? this.findUserByEmail(input.raiseOnBehalfOf);
      if (onBehalf === undefined) throw badRequest(`The user '${input.raiseOnBehalfOf}' does not exist.`);
      if (onBehalf.accountId !== actor.accountId) {
        if (!this.isStaff(actor)) throw forbidden('You do not have permission to raise requests on behalf of other customers.');
        if (!this.isStaff(onBehalf) && !this.isCustomerOf(onBehalf, serviceDesk)) {
          throw badRequest(`The reporter specified is not a customer of the service project.`);
        }
      }
      reporter = onBehalf;
    }
    const project = this.getProject(serviceDesk.projectId);
    const organizations =
      input.organizations ??
      this.organizationsOf(reporter.accountId)
        .filter((o) => serviceDesk.organizationIds.includes(o.id))
        .map((o) => o.id);
    return this.insertIssue(actor, project, {
      project: project.id,
      issueType: requestType.issueTypeId,
      summary: input.summary,
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.priority === undefined ? {} : { priority: input.priority }),
      ...(input.components === undefined ? {} : { components: input.components }),
      ...(input.labels === undefined ? {} : { labels: input.labels }),
      ...(input.participants === undefined ? {} : { participants: input.participants }),
      ...(input.properties === undefined ? {} : { properties: input.properties }),
      reporter: reporter.accountId,
      requestType: requestType.id,
      organizations,
    });
  }

  private insertIssue(actor: UserRecord, project: ProjectRecord, input: CreateIssueInput): IssueRecord {
    const errors: Record<string, string> = {};
    const summary = input.summary.trim();
    if (summary === '') errors['summary'] = 'You must specify a summary of the issue.';
    else if (summary.length > 255) errors['summary'] = 'Summary must be less than 255 characters.';
    const serviceDesk = this.serviceDeskForProject(project.id);
    let requestType: RequestTypeRecord | undefined;
    if (input.requestType !== undefined && input.requestType !== null) {
      requestType = serviceDesk === undefined ? undefined : this.findRequestType(input.requestType, serviceDesk.id);
      if (requestType === undefined) errors[REQUEST_TYPE_FIELD_ID] = `Request type '${input.requestType}' does not exist.`;
    }
    const issueType = this.findIssueType(input.issueType ?? requestType?.issueTypeId ?? project.issueTypeIds[0] ?? '');
    if (issueType === undefined || !project.issueTypeIds.includes(issueType.id)) errors['issuetype'] = 'Specify an issue type';
    const priority = this.findPriority(input.priority ?? DEFAULT_PRIORITY_ID);
    if (priority === undefined) errors['priority'] = `Specify the Priority (id or name) in the string format`;
    const componentIds = this.resolveComponents(project, input.components ?? [], errors);
    const organizationIds = this.resolveOrganizations(input.organizations ?? [], errors);
    const reporterId = input.reporter === undefined ? actor.accountId : input.reporter;
    if (reporterId !== null && this.findUser(reporterId) === undefined) errors['reporter'] = `Specified reporter does not exist.`;
    if (reporterId !== actor.accountId && !this.hasPermission(actor, 'MODIFY_REPORTER', { project })) {
      errors['reporter'] = 'You do not have permission to modify the reporter.';
    }
    const assigneeId = input.assignee ?? null;
    if (assigneeId !== null) this.checkAssignable(assigneeId, errors);
    const participantIds = this.resolveUsers(input.participants ?? [], REQUEST_PARTICIPANTS_FIELD_ID, errors);
    const description = this.toAdf(input.description ?? null, errors);
    for (const [key, value] of Object.entries(input.properties ?? {})) this.checkProperty(key, value, errors);
    if (Object.keys(errors).length > 0 || issueType === undefined || priority === undefined) throw fieldErrors(errors);

    const now = this.nowMs();
    const number = project.nextIssueNumber;
    project.nextIssueNumber = number + 1;
    this.touched('projects');
    const issue: IssueRecord = {
      id: String(this.nextId('issueId')),
      key: `${project.key}-${number}`,
      projectId: project.id,
      issueTypeId: issueType.id,
      summary,
      description,
      statusId: INITIAL_STATUS_ID,
      priorityId: priority.id,
      resolutionId: null,
      resolutionDateMs: null,
      createdMs: now,
      updatedMs: now,
      statusCategoryChangedMs: now,
      creatorId: actor.accountId,
      reporterId,
      assigneeId,
      labels: [...new Set(input.labels ?? [])],
      componentIds,
      requestTypeId: requestType?.id ?? null,
      organizationIds,
      participantIds,
      appFieldValues: {},
      properties: cloneJson(input.properties ?? {}),
      comments: [],
      changelog: [],
    };
    this.state.issues.push(issue);
    this.indexIssue(issue);
    this.touchedIssue(issue);
    for (const key of Object.keys(issue.properties)) this.touchedProperty(issue, key);
    this.emit(buildCreatedEvent(this, issue, actor));
    return cloneJson(issue);
  }

  private toAdf(value: AdfDoc | string | null, errors: Record<string, string>): AdfDoc | null {
    if (value === null) return null;
    if (typeof value === 'string') return value.trim() === '' ? null : textToAdf(value);
    const parsed = adfDocSchema.safeParse(value);
    if (!parsed.success) {
      errors['description'] = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
      return null;
    }
    return parsed.data;
  }

  private resolveComponents(project: ProjectRecord, values: string[], errors: Record<string, string>): string[] {
    const ids: string[] = [];
    for (const value of values) {
      const lower = value.toLowerCase();
      const component = project.components.find((c) => c.id === value || c.name.toLowerCase() === lower);
      if (component === undefined) errors['components'] = `Component name '${value}' is not valid`;
      else if (!ids.includes(component.id)) ids.push(component.id);
    }
    return ids;
  }

  private resolveOrganizations(values: string[], errors: Record<string, string>): string[] {
    const ids: string[] = [];
    for (const value of values) {
      const organization = this.findOrganization(value);
      if (organization === undefined) errors[ORGANIZATIONS_FIELD_ID] = `Organization '${value}' does not exist.`;
      else if (!ids.includes(organization.id)) ids.push(organization.id);
    }
    return ids;
  }

  private resolveUsers(accountIds: string[], field: string, errors: Record<string, string>): string[] {
    const ids: string[] = [];
    for (const accountId of accountIds) {
      if (this.findUser(accountId) === undefined) errors[field] = `The user '${accountId}' does not exist.`;
      else if (!ids.includes(accountId)) ids.push(accountId);
    }
    return ids;
  }

  private checkAssignable(accountId: string, errors: Record<string, string>): void {
    const user = this.findUser(accountId);
    if (user === undefined || !PERMISSIONS.some((p) => p.key === 'ASSIGNABLE_USER' && p.roles.includes(user.role))) {
      errors['assignee'] = `User '${accountId}' cannot be assigned issues.`;
    }
  }

  private checkProperty(key: string, value: unknown, errors: Record<string, string>): void {
    if (key === '' || key.length > MAX_PROPERTY_KEY_LENGTH) {
      errors['properties'] = `The property key must be between 1 and ${MAX_PROPERTY_KEY_LENGTH} characters long.`;
    } else if (jsonBytes(value) > MAX_PROPERTY_BYTES) {
      errors['properties'] = `The value of property '${key}' is too large: the limit is ${MAX_PROPERTY_BYTES} bytes.`;
    }
  }

  // -------------------------------------------------------------------------------------------
  // issues: edit, transition
  // -------------------------------------------------------------------------------------------

  /**
   * Edits fields as PUT /rest/api/3/issue does, recording one changelog entry and firing
   * avi:jira:updated:issue when something changed. Returns the entry, or null when nothing changed.
   *
   * @example model.editIssue(agent.accountId, 'ITS-1', { priority: 'High', labels: ['vip'] })
   */
  editIssue(actorId: string, idOrKey: string, changes: IssueChanges, properties?: Record<string, unknown>): ChangelogRecord | null {
    const actor = this.actor(actorId);
    const issue = this.findIssue(idOrKey);
    if (issue === undefined) throw issueNotFound();
    const onlyAssignee = Object.keys(changes).every((k) => k === 'assignee');
    if (onlyAssignee && changes.assignee !== undefined) {
      this.requirePermission(actor, 'ASSIGN_ISSUES', issue, 'You do not have permission to assign issues.');
    } else {
      this.requirePermission(actor, 'EDIT_ISSUES', issue, 'You do not have permission to edit issues in this project.');
    }
    const errors: Record<string, string> = {};
    for (const [key, value] of Object.entries(properties ?? {})) this.checkProperty(key, value, errors);
    if (Object.keys(errors).length > 0) throw fieldErrors(errors);
    const items = this.applyChanges(actor, issue, changes);
    this.applyProperties(issue, properties ?? {});
    return this.recordChange(actor, issue, items, null);
  }

  /** Sets the priority (id or name). */
  setPriority(actorId: string, idOrKey: string, priority: string): ChangelogRecord | null {
    return this.editIssue(actorId, idOrKey, { priority });
  }

  /** Assigns the issue (null = unassigned). */
  assignIssue(actorId: string, idOrKey: string, assigneeId: string | null): ChangelogRecord | null {
    return this.editIssue(actorId, idOrKey, { assignee: assigneeId });
  }

  /**
   * Moves the issue along the workflow (transition id or name), as POST …/transitions does.
   * Entering Resolved/Closed sets the resolution (default Done) and resolution date; leaving the
   * done category clears both. Fires avi:jira:updated:issue with associatedStatuses.
   *
   * @example model.transitionIssue(agent.accountId, 'ITS-1', 'Resolve', { resolution: 'Done' })
   */
  transitionIssue(actorId: string, idOrKey: string, transition: string, options: TransitionOptions = {}): ChangelogRecord {
    const actor = this.actor(actorId);
    const issue = this.findIssue(idOrKey);
    if (issue === undefined) throw issueNotFound();
    this.requirePermission(actor, 'TRANSITION_ISSUES', issue, 'You do not have permission to transition this issue.');
    const lower = transition.toLowerCase();
    const definition = this.availableTransitions(issue).find((t) => t.id === transition || t.name.toLowerCase() === lower);
    if (definition === undefined) throw badRequest(`Transition id '${transition}' is not valid for this issue.`);
    const from = this.getStatus(issue.statusId);
    const to = this.getStatus(definition.toStatusId);
    const errors: Record<string, string> = {};
    let resolution: ResolutionDef | undefined;
    if (to.categoryKey === 'done' && from.categoryKey !== 'done') {
      resolution = this.findResolution(options.resolution ?? DEFAULT_RESOLUTION_ID);
      if (resolution === undefined) errors['resolution'] = `Resolution '${options.resolution ?? ''}' does not exist.`;
    }
    for (const [key, value] of Object.entries(options.properties ?? {})) this.checkProperty(key, value, errors);
    if (Object.keys(errors).length > 0) throw fieldErrors(errors);
    // field changes validate before they apply: a bad field leaves the status untouched too
    const fieldItems = this.applyChanges(actor, issue, options.fields ?? {});
    this.applyProperties(issue, options.properties ?? {});

    const now = this.nowMs();
    const items: ChangeItem[] = [];
    issue.statusId = to.id;
    this.touchedIssue(issue);
    if (from.categoryKey !== to.categoryKey) issue.statusCategoryChangedMs = now;
    items.push({ field: 'status', fieldtype: 'jira', fieldId: 'status', from: from.id, fromString: from.name, to: to.id, toString: to.name });
    if (resolution !== undefined && issue.resolutionId !== resolution.id) {
      const old = issue.resolutionId === null ? undefined : this.findResolution(issue.resolutionId);
      items.push({
        field: 'resolution',
        fieldtype: 'jira',
        fieldId: 'resolution',
        from: old?.id ?? null,
        fromString: old?.name ?? null,
        to: resolution.id,
        toString: resolution.name,
      });
      issue.resolutionId = resolution.id;
      issue.resolutionDateMs = now;
    } else if (to.categoryKey !== 'done' && issue.resolutionId !== null) {
      const old = this.findResolution(issue.resolutionId);
      items.push({ field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: old?.id ?? null, fromString: old?.name ?? null, to: null, toString: null });
      issue.resolutionId = null;
      issue.resolutionDateMs = null;
    }
    items.push(...fieldItems);
    const entry = this.recordChange(actor, issue, items, [from, to]);
    if (entry === null) throw new Error('A transition always changes the status.');
    if (options.comment !== undefined) this.addComment(actorId, issue.id, options.comment);
    return entry;
  }

  /**
   * Moves the issue to a status by name, using the workflow's transition from the current status.
   *
   * @example model.transitionToStatus(agent.accountId, 'ITS-1', 'Waiting for customer')
   */
  transitionToStatus(actorId: string, idOrKey: string, statusName: string, options: TransitionOptions = {}): ChangelogRecord {
    const issue = this.findIssue(idOrKey);
    if (issue === undefined) throw issueNotFound();
    const status = this.findStatus(statusName);
    const transition = status === undefined ? undefined : this.availableTransitions(issue).find((t) => t.toStatusId === status.id);
    if (transition === undefined) {
      throw badRequest(`No transition leads from '${this.getStatus(issue.statusId).name}' to '${statusName}'.`);
    }
    return this.transitionIssue(actorId, issue.id, transition.id, options);
  }

  private applyChanges(actor: UserRecord, issue: IssueRecord, changes: IssueChanges): ChangeItem[] {
    const errors: Record<string, string> = {};
    const items: ChangeItem[] = [];
    const project = this.getProject(issue.projectId);
    const next: Partial<IssueRecord> = {};

    if (changes.summary !== undefined && changes.summary.trim() !== issue.summary) {
      const summary = changes.summary.trim();
      if (summary === '') errors['summary'] = 'You must specify a summary of the issue.';
      else {
        next.summary = summary;
        items.push({ field: 'summary', fieldtype: 'jira', fieldId: 'summary', from: null, fromString: issue.summary, to: null, toString: summary });
      }
    }
    if (changes.description !== undefined) {
      const description = this.toAdf(changes.description, errors);
      if (JSON.stringify(description) !== JSON.stringify(issue.description)) {
        next.description = description;
        items.push({
          field: 'description',
          fieldtype: 'jira',
          fieldId: 'description',
          from: null,
          fromString: issue.description === null ? null : adfToText(issue.description),
          to: null,
          toString: description === null ? null : adfToText(description),
        });
      }
    }
    if (changes.priority !== undefined) {
      const priority = changes.priority === null ? undefined : this.findPriority(changes.priority);
      if (changes.priority !== null && priority === undefined) errors['priority'] = `Specify the Priority (id or name) in the string format`;
      else if ((priority?.id ?? null) !== issue.priorityId) {
        const old = issue.priorityId === null ? undefined : this.findPriority(issue.priorityId);
        next.priorityId = priority?.id ?? null;
        items.push({ field: 'priority', fieldtype: 'jira', fieldId: 'priority', from: old?.id ?? null, fromString: old?.name ?? null, to: priority?.id ?? null, toString: priority?.name ?? null });
      }
    }
    if (changes.labels !== undefined) {
      const labels = [...new Set(changes.labels)];
      if (labels.some((l) => /\s/.test(l) || l === '')) errors['labels'] = 'The label must not contain spaces.';
      else if ([...labels].sort().join(' ') !== [...issue.labels].sort().join(' ')) {
        next.labels = labels;
        items.push({ field: 'labels', fieldtype: 'jira', fieldId: 'labels', from: null, fromString: issue.labels.join(' '), to: null, toString: labels.join(' ') });
      }
    }
    if (changes.components !== undefined) {
      const ids = this.resolveComponents(project, changes.components, errors);
      const name = (id: string): string | null => project.components.find((c) => c.id === id)?.name ?? null;
      for (const removed of issue.componentIds.filter((id) => !ids.includes(id))) {
        items.push({ field: 'Component', fieldtype: 'jira', fieldId: 'components', from: removed, fromString: name(removed), to: null, toString: null });
      }
      for (const added of ids.filter((id) => !issue.componentIds.includes(id))) {
        items.push({ field: 'Component', fieldtype: 'jira', fieldId: 'components', from: null, fromString: null, to: added, toString: name(added) });
      }
      next.componentIds = ids;
    }
    for (const field of ['assignee', 'reporter'] as const) {
      const value = changes[field];
      if (value === undefined) continue;
      const current = field === 'assignee' ? issue.assigneeId : issue.reporterId;
      if (value === current) continue;
      if (value !== null && this.findUser(value) === undefined) errors[field] = `User '${value}' does not exist.`;
      else if (field === 'assignee' && value !== null) this.checkAssignable(value, errors);
      if (field === 'reporter' && !this.hasPermission(actor, 'MODIFY_REPORTER', { issue })) {
        errors['reporter'] = 'You do not have permission to modify the reporter.';
      }
      if (errors[field] !== undefined) continue;
      if (field === 'assignee') next.assigneeId = value;
      else next.reporterId = value;
      items.push({
        field,
        fieldtype: 'jira',
        fieldId: field,
        from: current,
        fromString: current === null ? null : (this.findUser(current)?.displayName ?? null),
        to: value,
        toString: value === null ? null : (this.findUser(value)?.displayName ?? null),
      });
    }
    if (changes.requestType !== undefined) {
      const serviceDesk = this.serviceDeskForProject(project.id);
      const requestType =
        changes.requestType === null || serviceDesk === undefined ? undefined : this.findRequestType(changes.requestType, serviceDesk.id);
      if (changes.requestType !== null && requestType === undefined) errors[REQUEST_TYPE_FIELD_ID] = `Request type '${changes.requestType}' does not exist.`;
      else if ((requestType?.id ?? null) !== issue.requestTypeId) {
        const old = issue.requestTypeId === null ? undefined : this.findRequestType(issue.requestTypeId);
        next.requestTypeId = requestType?.id ?? null;
        items.push({
          field: 'Customer Request Type',
          fieldtype: 'custom',
          fieldId: REQUEST_TYPE_FIELD_ID,
          from: old?.id ?? null,
          fromString: old?.name ?? null,
          to: requestType?.id ?? null,
          toString: requestType?.name ?? null,
        });
      }
    }
    if (changes.organizations !== undefined) {
      const ids = this.resolveOrganizations(changes.organizations, errors);
      if ([...ids].sort().join(',') !== [...issue.organizationIds].sort().join(',')) {
        const names = (list: string[]): string => list.map((id) => this.findOrganization(id)?.name ?? id).join(', ');
        items.push({
          field: 'Organizations',
          fieldtype: 'custom',
          fieldId: ORGANIZATIONS_FIELD_ID,
          from: issue.organizationIds.join(',') || null,
          fromString: names(issue.organizationIds) || null,
          to: ids.join(',') || null,
          toString: names(ids) || null,
        });
        next.organizationIds = ids;
      }
    }
    if (changes.participants !== undefined) {
      const ids = this.resolveUsers(changes.participants, REQUEST_PARTICIPANTS_FIELD_ID, errors);
      if ([...ids].sort().join(',') !== [...issue.participantIds].sort().join(',')) {
        const names = (list: string[]): string => list.map((id) => this.findUser(id)?.displayName ?? id).join(', ');
        items.push({
          field: 'Request participants',
          fieldtype: 'custom',
          fieldId: REQUEST_PARTICIPANTS_FIELD_ID,
          from: issue.participantIds.join(',') || null,
          fromString: names(issue.participantIds) || null,
          to: ids.join(',') || null,
          toString: names(ids) || null,
        });
        next.participantIds = ids;
      }
    }
    if (Object.keys(errors).length > 0) throw fieldErrors(errors);
    Object.assign(issue, next);
    if (Object.keys(next).length > 0) this.touchedIssue(issue);
    return items;
  }

  private applyProperties(issue: IssueRecord, properties: Record<string, unknown>): void {
    const errors: Record<string, string> = {};
    for (const [key, value] of Object.entries(properties)) this.checkProperty(key, value, errors);
    if (Object.keys(errors).length > 0) throw fieldErrors(errors);
    for (const [key, value] of Object.entries(properties)) {
      issue.properties[key] = cloneJson(value);
      this.touchedProperty(issue, key);
    }
  }

  private recordChange(
    actor: UserRecord,
    issue: IssueRecord,
    items: ChangeItem[],
    statuses: [StatusDef, StatusDef] | null,
  ): ChangelogRecord | null {
    if (items.length === 0) return null;
    const now = this.nowMs();
    const entry: ChangelogRecord = { id: String(this.nextId('changelogId')), authorId: actor.accountId, createdMs: now, items };
    issue.changelog.push(entry);
    issue.updatedMs = now;
    this.touchedIssue(issue);
    this.pending.changelog.push({ issueId: issue.id, entry });
    this.emit(buildUpdatedEvent(this, issue, actor, entry, statuses));
    return cloneJson(entry);
  }

  // -------------------------------------------------------------------------------------------
  // comments
  // -------------------------------------------------------------------------------------------

  /**
   * Adds a comment (public reply or internal note) and fires avi:jira:commented:issue. JSM's
   * automations follow: a customer's comment on a request waiting for them moves it back to the
   * agents, and a public comment by someone else e-mails the customer.
   *
   * @example model.addComment(agent.accountId, 'ITS-1', { body: 'Looking into it', internal: false })
   */
  addComment(actorId: string, idOrKey: string, input: CommentInput): CommentRecord {
    const actor = this.actor(actorId);
    const issue = this.findIssue(idOrKey);
    if (issue === undefined) throw issueNotFound();
    this.requirePermission(actor, 'ADD_COMMENTS', issue, 'You do not have permission to comment on this issue.');
    const propertyInternal = input.properties?.[SD_PUBLIC_COMMENT];
    const internal =
      input.internal === true ||
      (typeof propertyInternal === 'object' && propertyInternal !== null && 'internal' in propertyInternal && propertyInternal.internal === true);
    if (!this.isStaff(actor) && (internal || (input.visibility ?? null) !== null)) {
      throw forbidden('Customers cannot add internal comments.');
    }
    const errors: Record<string, string> = {};
    const body = typeof input.body === 'string' ? textToAdf(input.body) : this.toAdf(input.body, errors);
    if (body === null || errors['description'] !== undefined || adfToText(body).trim() === '') {
      throw fieldErrors({ comment: 'Comment body can not be empty!' });
    }
    const now = this.nowMs();
    const comment: CommentRecord = {
      id: String(this.nextId('commentId')),
      authorId: actor.accountId,
      updateAuthorId: actor.accountId,
      body,
      createdMs: now,
      updatedMs: now,
      internal,
      visibility: input.visibility ?? null,
      properties: { ...cloneJson(input.properties ?? {}), [SD_PUBLIC_COMMENT]: { internal } },
    };
    issue.comments.push(comment);
    issue.updatedMs = now;
    this.touchedIssue(issue);
    this.pending.comments.push({ issueId: issue.id, comment });
    this.emit(buildCommentedEvent(this, issue, actor, comment));
    this.runCommentAutomations(actor, issue, comment);
    return cloneJson(comment);
  }

  private runCommentAutomations(actor: UserRecord, issue: IssueRecord, comment: CommentRecord): void {
    const waiting = this.getStatus(issue.statusId).name === 'Waiting for customer';
    if (this.options.transitionOnCustomerComment && actor.role === 'customer' && waiting) {
      this.transitionIssue(AUTOMATION_ACCOUNT_ID, issue.id, CUSTOMER_COMMENT_TRANSITION_ID);
    }
    if (this.options.notifyCustomerOnPublicComment && !comment.internal && comment.visibility === null) {
      const recipients = [issue.reporterId, ...issue.participantIds].filter(
        (id): id is string => id !== null && id !== actor.accountId,
      );
      if (recipients.length > 0) {
        this.pushNotification({
          issue,
          senderId: actor.accountId,
          source: 'public-comment',
          subject: `${issue.key} ${issue.summary}`,
          textBody: adfToText(comment.body),
          htmlBody: null,
          recipientIds: [...new Set(recipients)],
        });
      }
    }
  }

  /** A comment of an issue by id, as `viewer` may see it (404 otherwise). */
  getComment(viewerId: string, idOrKey: string, commentId: string): CommentRecord {
    const viewer = this.actor(viewerId);
    const issue = this.getIssueFor(viewerId, idOrKey);
    const comment = this.visibleComments(viewer, issue).find((c) => c.id === commentId);
    if (comment === undefined) throw notFound(`Can not find a comment for the id: ${commentId}.`);
    return comment;
  }

  // -------------------------------------------------------------------------------------------
  // issue properties
  // -------------------------------------------------------------------------------------------

  /**
   * Sets an issue entity property (PUT …/properties/{key}); 'created' or 'updated' as Jira's 201/200.
   *
   * @example model.setIssueProperty(app.accountId, 'ITS-1', 'contract-clock', { deadline: '2026-04-01T10:00:00Z' })
   */
  setIssueProperty(actorId: string, idOrKey: string, key: string, value: unknown): 'created' | 'updated' {
    const actor = this.actor(actorId);
    const issue = this.findIssue(idOrKey);
    if (issue === undefined) throw issueNotFound();
    this.requirePermission(actor, 'EDIT_ISSUES', issue, 'You do not have permission to edit issue properties.');
    if (key === '' || key.length > MAX_PROPERTY_KEY_LENGTH) {
      throw badRequest(`The property key must be between 1 and ${MAX_PROPERTY_KEY_LENGTH} characters long.`);
    }
    if (jsonBytes(value) > MAX_PROPERTY_BYTES) {
      throw new JiraError(400, [`The property value is too large: the limit is ${MAX_PROPERTY_BYTES} bytes.`]);
    }
    const existed = Object.prototype.hasOwnProperty.call(issue.properties, key);
    issue.properties[key] = cloneJson(value);
    this.touchedProperty(issue, key);
    return existed ? 'updated' : 'created';
  }

  /** The property value (a copy), or a 404 JiraError when the issue has no such property. */
  getIssueProperty(viewerId: string, idOrKey: string, key: string): unknown {
    const issue = this.getIssueFor(viewerId, idOrKey);
    if (!Object.prototype.hasOwnProperty.call(issue.properties, key)) {
      throw notFound(`The property with key '${key}' does not exist.`);
    }
    return cloneJson(issue.properties[key]);
  }

  issuePropertyKeys(viewerId: string, idOrKey: string): string[] {
    return Object.keys(this.getIssueFor(viewerId, idOrKey).properties);
  }

  deleteIssueProperty(actorId: string, idOrKey: string, key: string): void {
    const actor = this.actor(actorId);
    const issue = this.findIssue(idOrKey);
    if (issue === undefined) throw issueNotFound();
    this.requirePermission(actor, 'EDIT_ISSUES', issue, 'You do not have permission to edit issue properties.');
    if (!Object.prototype.hasOwnProperty.call(issue.properties, key)) {
      throw notFound(`The property with key '${key}' does not exist.`);
    }
    issue.properties = Object.fromEntries(Object.entries(issue.properties).filter(([k]) => k !== key));
    this.touchedProperty(issue, key);
  }

  // -------------------------------------------------------------------------------------------
  // Forge app custom field values
  // -------------------------------------------------------------------------------------------

  /**
   * Writes values of the app's own custom fields (POST /app/field/value). Only the app may; a
   * datetime drops its milliseconds as Jira does. With `generateChangelog` (Jira's default) each
   * changed issue gets a changelog entry and an avi:jira:updated:issue event.
   *
   * @example model.setAppFieldValues(app.accountId, [{ field: 'contract-deadline', issueIds: ['10000'], value: '2026-04-01T10:00:00Z' }])
   */
  setAppFieldValues(actorId: string, updates: AppFieldUpdate[], options: { generateChangelog?: boolean } = {}): void {
    const actor = this.actor(actorId);
    if (actor.accountId !== this.app.accountId) {
      throw forbidden('Only the app that provides the custom field can update its value.');
    }
    // validate everything first: Jira applies the whole request or nothing
    const planned: { issue: IssueRecord; field: AppFieldDef; value: AppFieldValue }[] = [];
    const seen = new Set<string>();
    for (const update of updates) {
      const field = this.findAppField(update.field);
      if (field === undefined) throw notFound(`Custom field with id or key '${update.field}' does not exist or is not provided by this app.`);
      const value = this.normalizeAppFieldValue(field, update.value);
      for (const issueId of update.issueIds) {
        const issue = this.issuesById.get(issueId);
        if (issue === undefined) throw notFound(`Issue with id ${issueId} does not exist.`);
        const pair = `${field.id}/${issue.id}`;
        if (seen.has(pair)) throw badRequest(`The combination of custom field ${field.id} and issue ${issue.id} is not unique.`);
        seen.add(pair);
        planned.push({ issue, field, value });
      }
    }
    const byIssue = new Map<IssueRecord, ChangeItem[]>();
    for (const { issue, field, value } of planned) {
      const old = issue.appFieldValues[field.id] ?? null;
      if (old === value) continue;
      issue.appFieldValues[field.id] = value;
      this.touchedIssue(issue);
      const item: ChangeItem = {
        field: field.name,
        fieldtype: 'custom',
        fieldId: field.id,
        from: old === null ? null : String(old),
        fromString: old === null ? null : this.describeAppValue(field, old),
        to: value === null ? null : String(value),
        toString: value === null ? null : this.describeAppValue(field, value),
      };
      byIssue.set(issue, [...(byIssue.get(issue) ?? []), item]);
    }
    for (const [issue, items] of byIssue) {
      if (options.generateChangelog ?? true) this.recordChange(actor, issue, items, null);
      else {
        issue.updatedMs = this.nowMs();
        this.touchedIssue(issue);
      }
    }
  }

  private normalizeAppFieldValue(field: AppFieldDef, value: AppFieldValue): AppFieldValue {
    if (value === null) return null;
    switch (field.type) {
      case 'datetime': {
        const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
        if (!Number.isFinite(ms)) throw badRequest(`Value '${String(value)}' is not a valid datetime for field ${field.id}.`);
        // Jira ignores the milliseconds part of a datetime value
        return new Date(Math.floor(ms / 1000) * 1000).toISOString();
      }
      case 'date': {
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
          throw badRequest(`Value '${String(value)}' is not a valid date for field ${field.id}.`);
        }
        return value;
      }
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) throw badRequest(`Value for field ${field.id} must be a number.`);
        return value;
      case 'string':
        if (typeof value !== 'string') throw badRequest(`Value for field ${field.id} must be a string.`);
        if (value.length > 255) throw badRequest(`Value for field ${field.id} must be at most 255 characters.`);
        return value;
      default:
        if (typeof value !== 'string') throw badRequest(`Value for field ${field.id} must be a string.`);
        return value;
    }
  }

  private describeAppValue(field: AppFieldDef, value: string | number): string {
    return field.type === 'datetime' && typeof value === 'string' ? formatJiraDateTime(Date.parse(value), 'UTC') : String(value);
  }

  // -------------------------------------------------------------------------------------------
  // notifications
  // -------------------------------------------------------------------------------------------

  /**
   * Sends an issue notification (POST …/notify): resolves the recipients, applies `restrict`, and
   * keeps it in `notifications()` so the sandbox can show what was "e-mailed".
   *
   * @example model.notify(app.accountId, 'ITS-1', { subject: 'At risk', textBody: '…', to: { assignee: true } })
   */
  notify(actorId: string, idOrKey: string, input: NotifyInput): NotificationRecord {
    const actor = this.actor(actorId);
    const issue = this.findIssue(idOrKey);
    if (issue === undefined) throw issueNotFound();
    if (!this.canBrowse(actor, issue)) throw issueNotFound();
    if (!this.isStaff(actor)) throw forbidden('You do not have permission to send notifications for this issue.');
    const recipients = new Set<string>();
    if (input.to.reporter === true && issue.reporterId !== null) recipients.add(issue.reporterId);
    if (input.to.assignee === true && issue.assigneeId !== null) recipients.add(issue.assigneeId);
    // the emulator has no watchers or voters besides request participants, who watch their requests
    if (input.to.watchers === true) for (const id of issue.participantIds) recipients.add(id);
    for (const { accountId } of input.to.users ?? []) {
      if (this.findUser(accountId) === undefined) throw badRequest(`The user with accountId '${accountId}' does not exist.`);
      recipients.add(accountId);
    }
    if ((input.to.groups ?? []).length > 0 || (input.restrict?.groups ?? []).length > 0) {
      throw badRequest('Groups are not supported by the sandbox; name users instead.');
    }
    const required = (input.restrict?.permissions ?? []).map((p) => PERMISSIONS.find((d) => d.key === p.key || d.id === p.id));
    if (required.some((p) => p === undefined)) throw badRequest('Unknown permission in restrict.permissions.');
    const allowed = [...recipients].filter((id) => {
      const user = this.findUser(id);
      return user !== undefined && user.active && required.every((p) => p !== undefined && this.hasPermission(user, p.key, { issue }));
    });
    return this.pushNotification({
      issue,
      senderId: actor.accountId,
      source: 'notify-api',
      subject: input.subject ?? `${issue.key} ${issue.summary}`,
      textBody: input.textBody ?? '',
      htmlBody: input.htmlBody ?? null,
      recipientIds: allowed,
    });
  }

  private pushNotification(input: Omit<NotificationRecord, 'id' | 'issueId' | 'issueKey' | 'sentMs'> & { issue: IssueRecord }): NotificationRecord {
    const { issue, ...rest } = input;
    const notification: NotificationRecord = {
      id: String(this.nextId('notificationId')),
      issueId: issue.id,
      issueKey: issue.key,
      sentMs: this.nowMs(),
      ...rest,
    };
    this.state.notifications.push(notification);
    this.pending.notifications.push(notification);
    return cloneJson(notification);
  }
}

/**
 * Creates an empty site (or restores `options.state`); add users, projects and service desks with
 * the model's methods or seedBaseSite().
 *
 * @example const model = createJiraModel({ clock, app: readJiraAppDefinition() })
 */
export function createJiraModel(options: JiraModelOptions): JiraModel {
  return new JiraModel(options);
}

/** The value an issue holds for a Forge app field, or null. */
export function appFieldValueOf(issue: IssueRecord, field: AppFieldDef): AppFieldValue {
  return issue.appFieldValues[field.id] ?? null;
}

export type {
  ChangelogRecord,
  CommentRecord,
  ComponentRecord,
  IssueRecord,
  NotificationRecord,
  OrganizationRecord,
  ProjectRecord,
  RequestTypeRecord,
  ServiceDeskRecord,
  UserRecord,
} from './jira-state';
