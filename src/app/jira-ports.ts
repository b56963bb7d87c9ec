/**
 * The Jira the use cases see: one small function type per call they make, the values those calls
 * answer with, and the error contract (a `JiraError` for anything Jira refused or answered wrongly;
 * Forge's consent error passed through untouched). The adapters in src/adapters/jira implement these
 * types; src/app never imports them (eslint.config.mjs enforces it), so the use cases run the same
 * against Forge's `requestJira`, the sandbox's emulator and the test fakes.
 *
 * What this module may not do: I/O, Forge imports, or know a REST path.
 */
import type { JiraAccountType, JiraNotifyBody, JiraPriorityDetails, JiraStatusCategoryKey, JsmOrganization, JsmRequestType, JsmServiceDesk } from '../contract/jira-api';

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/** The issue property that holds the contract clock record (see manifest `jira:entityProperty`). */
export const CONTRACT_CLOCK_PROPERTY_KEY = 'contract-clock';

/** The comment property that marks the app's own notes: `{ id: <note id> }` (ADR 0031). */
export const APP_NOTE_PROPERTY_KEY = 'contract-clock-note';

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
  /** `typeKey` is Jira's `projectTypeKey`: `service_desk` for a JSM service project. */
  readonly project: { readonly id: string; readonly key: string; readonly name: string; readonly typeKey: string | null };
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
   * when Jira cut the list (more than its embed limit): then call `getChangelog`. `total` counts
   * every entry of the issue's changelog; `lastEntryId` is the id of the newest embedded entry.
   */
  readonly changelog: {
    readonly changes: readonly FieldChange[];
    readonly complete: boolean;
    readonly total: number;
    readonly lastEntryId: string | null;
  } | null;
}

/** One page of an issue's changelog, entry by entry in Jira's order (oldest first). */
export interface ChangelogPage {
  /** The position of the first entry of the page. */
  readonly startAt: number;
  /** Entries in the whole changelog when Jira said so, else the entries up to this page's end. */
  readonly total: number;
  readonly isLast: boolean;
  readonly entries: readonly { readonly id: string; readonly changes: readonly FieldChange[] }[];
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

/** What a list of requests shows of one issue (the triage view). */
export interface IssueListing {
  readonly id: string;
  readonly key: string;
  readonly summary: string;
  readonly status: { readonly name: string; readonly category: JiraStatusCategoryKey };
  readonly assignee: { readonly accountId: string; readonly displayName: string } | null;
  readonly priority: string | null;
}

export interface IssuesWithClockPage {
  readonly issues: { readonly id: string; readonly key: string; readonly contractClock: { readonly value: unknown } | null }[];
  readonly nextPageToken: string | null;
}

/** One page of a search that asks for ids only, in the search's order. */
export interface IssueIdsPage {
  readonly issueIds: string[];
  readonly nextPageToken: string | null;
}

/** Who raised a customer request and who participates in it (servicedeskapi's view of the request). */
export interface CustomerRequestPeople {
  readonly issueId: string;
  readonly issueKey: string;
  readonly serviceDeskId: string;
  /** The customer the request was raised by or on behalf of; null when Jira shows none. */
  readonly reporterAccountId: string | null;
  readonly participantAccountIds: readonly string[];
}

/** Jira's project type of JSM service projects (`projectTypeKey`). */
export const SERVICE_PROJECT_TYPE_KEY = 'service_desk';

/**
 * Whether an issue is a customer request the clock is for: it lives in a service project. Jira
 * Software and business projects are never reconciled, never get a property, a field value or a
 * storage entry (issue 9).
 *
 * @example isServiceRequest(issue) // false for a Jira Software story
 */
export function isServiceRequest(issue: Pick<IssueSnapshot, 'project'>): boolean {
  return issue.project.typeKey === SERVICE_PROJECT_TYPE_KEY;
}

// ---------------------------------------------------------------------------------------------
// Calls (one function type per call family member)
// ---------------------------------------------------------------------------------------------

/** GET an issue with its `contract-clock` property (and changelog when asked). Scope read:jira-work. */
export type GetIssue = (
  issueIdOrKey: string,
  options?: { readonly fieldIds?: JiraFieldIds; readonly includeChangelog?: boolean },
) => Promise<IssueSnapshot>;
/** Every changelog page of an issue, oldest first; optionally only some field ids. Scope read:jira-work. */
export type GetChangelog = (issueIdOrKey: string, options?: { readonly fieldIds?: readonly string[] }) => Promise<FieldChange[]>;
/**
 * One page of an issue's changelog from a position (the app keeps how far it read, so an event reads
 * only what is new). Scope read:jira-work.
 */
export type GetChangelogPage = (issueIdOrKey: string, page: { readonly startAt: number; readonly maxResults?: number }) => Promise<ChangelogPage>;
/** One page of a JQL search with the `contract-clock` property. Scope read:jira-work. */
export type SearchIssuesWithClock = (
  jql: string,
  page?: { readonly nextPageToken?: string; readonly maxResults?: number },
) => Promise<IssuesWithClockPage>;
/**
 * One page of a JQL search that answers the issues' ids and nothing else (no fields, no property):
 * for the searches that only queue work by id (the sweep's, the triage backfill's, a re-apply's).
 * Scope read:jira-work.
 */
export type SearchIssueIds = (jql: string, page?: { readonly nextPageToken?: string; readonly maxResults?: number }) => Promise<IssueIdsPage>;
/**
 * One page of a JQL search with summary, project, resolution date and the `contract-clock` property
 * (the review report's missed requests). Scope read:jira-work.
 */
export type SearchIssueDigests = (
  jql: string,
  page?: { readonly nextPageToken?: string; readonly maxResults?: number },
) => Promise<{ issues: IssueDigest[]; nextPageToken: string | null }>;
/**
 * How many issues match `jql` for the caller (POST /search/approximate-count): Jira calls it an
 * estimate, recent changes may not be counted yet. Scope read:jira-work.
 */
export type CountIssues = (jql: string) => Promise<number>;
/** The site's ids of the fields the app reads and writes. Scope read:jira-work. */
export type DiscoverFieldIds = () => Promise<JiraFieldIds>;
/** Writes an issue property; refuses a value over Jira's size limit before the call. Scope write:jira-work. */
export type SetIssueProperty = (issueIdOrKey: string, propertyKey: string, value: unknown) => Promise<'created' | 'updated'>;
/** Deletes an issue property; false when it was absent. Scope write:jira-work. */
export type DeleteIssueProperty = (issueIdOrKey: string, propertyKey: string) => Promise<boolean>;
/** Writes the app's own "Contract deadline" field. Scope write:app-data:jira (or write:jira-work). */
export type SetContractDeadline = (input: SetContractDeadlineInput) => Promise<void>;
/** One comment with its visibility. Scope read:jira-work. */
export type GetComment = (issueIdOrKey: string, commentId: string) => Promise<CommentSnapshot>;
/**
 * The issue's earliest comments, oldest first, each with its visibility (at most `maxResults`).
 * Scope read:jira-work.
 */
export type ListFirstComments = (issueIdOrKey: string, maxResults: number) => Promise<CommentSnapshot[]>;
/** A JSM public reply or internal note (a POST: never retried after a possible delivery). Scope write:servicedesk-request. */
export type AddRequestComment = (
  issueIdOrKey: string,
  comment: { readonly body: string; readonly isPublic: boolean },
) => Promise<CreatedRequestComment>;
/**
 * The app's internal note on a request, marked so that it can be found again: posted through the
 * platform API (POST /rest/api/3/issue/{id}/comment) with two comment entity properties —
 * `sd.public.comment` = `{ internal: true }` (JSM's internal note) and `contract-clock-note` =
 * `{ id: noteId }` (the app's marker). A POST: never retried by the client after a possible delivery;
 * the caller looks for the marker (`findAppNote`) before posting again. Scope write:jira-work.
 */
export type AddInternalNote = (issueIdOrKey: string, note: { readonly body: string; readonly noteId: string }) => Promise<CreatedRequestComment>;
/**
 * The app's note with this marker among the issue's comments created since `since` (newest first,
 * `expand=properties`, paged until older than `since`); null when there is none. Scope read:jira-work.
 */
export type FindAppNote = (issueIdOrKey: string, noteId: string, options: { readonly since: Date }) => Promise<{ readonly id: string } | null>;
/** An issue notification e-mail (a POST: never retried after a possible delivery). Scope write:jira-work. */
export type NotifyIssue = (issueIdOrKey: string, notification: JiraNotifyBody) => Promise<void>;
/**
 * The issues among these ids (at most 100) that the caller may browse, with what a list shows of
 * them; others (hidden, or gone) are simply left out. Scope read:jira-work.
 */
export type ListBrowsableIssues = (issueIds: readonly string[]) => Promise<IssueListing[]>;
/** The caller's permissions, every asked key answered. Scope read:jira-work. */
export type GetMyPermissions = (query: {
  readonly permissions: readonly string[];
  readonly issueIdOrKey?: string;
  readonly projectKey?: string;
}) => Promise<Record<string, boolean>>;
/** Whether the caller is a Jira administrator. Scope read:jira-work. */
export type IsJiraAdmin = () => Promise<boolean>;
/** The caller's account, zone and locale. Scope read:jira-user. */
export type GetMyself = () => Promise<MyselfSnapshot>;
/** An account's display name; null when unknown. Scope read:jira-user. */
export type GetUserDisplayName = (accountId: string) => Promise<string | null>;
/**
 * The display names of several accounts, looked up in batches; an account Jira does not answer for
 * (unknown, or hidden from the caller) is absent from the map. Scope read:jira-user.
 */
export type GetUserDisplayNames = (accountIds: readonly string[]) => Promise<ReadonlyMap<string, string>>;
/** An account's locale (`nl_NL`); null when unknown or hidden by its privacy settings. Scope read:jira-user. */
export type GetUserLocale = (accountId: string) => Promise<string | null>;
/** Every priority of the site. Scope read:jira-work. */
export type ListPriorities = () => Promise<JiraPriorityDetails[]>;
/** Every status with its category. Scope read:jira-work. */
export type ListStatuses = () => Promise<StatusOption[]>;
/**
 * The reporter and participants of a customer request; null when Jira knows no such customer request
 * (404: none, not a request, or not visible). Scope read:servicedesk-request.
 */
export type GetCustomerRequestPeople = (issueIdOrKey: string) => Promise<CustomerRequestPeople | null>;
/**
 * The JSM organizations an account is a member of. Scope read:organization:jira-service-management
 * (granular; the classic manage:servicedesk-customer grants it too, and much more).
 */
export type ListOrganizationsOf = (accountId: string) => Promise<JsmOrganization[]>;
/** An account's time zone from its Jira profile; null when unknown or hidden by its privacy settings. Scope read:jira-user. */
export type GetUserTimeZone = (accountId: string) => Promise<string | null>;
/** Every service desk the caller sees. Scope read:servicedesk-request. */
export type ListServiceDesks = () => Promise<JsmServiceDesk[]>;
/** Every request type of a service desk. Scope read:servicedesk-request. */
export type ListRequestTypes = (serviceDeskId: string) => Promise<JsmRequestType[]>;
/** The components of a project (by id or key). Scope read:jira-work. */
export type ListProjectComponents = (projectIdOrKey: string) => Promise<{ id: string; name: string }[]>;
/** The site's labels, in Jira's order, at most `limit` of them (`complete` false when there are more). Scope read:jira-work. */
export type ListLabels = (limit: number) => Promise<{ labels: string[]; complete: boolean }>;
/** Every JSM organization of the site the caller may see. Scope read:organization:jira-service-management. */
export type ListOrganizations = () => Promise<JsmOrganization[]>;

/** What the use cases call as the app (triggers, sweep, rebuild job, panel reads). */
export interface JiraAsApp {
  readonly getIssue: GetIssue;
  readonly getChangelog: GetChangelog;
  readonly getChangelogPage: GetChangelogPage;
  readonly searchIssuesWithClock: SearchIssuesWithClock;
  readonly searchIssueIds: SearchIssueIds;
  readonly searchIssueDigests: SearchIssueDigests;
  readonly discoverFieldIds: DiscoverFieldIds;
  readonly listStatuses: ListStatuses;
  readonly setIssueProperty: SetIssueProperty;
  readonly deleteIssueProperty: DeleteIssueProperty;
  readonly setContractDeadline: SetContractDeadline;
  readonly getComment: GetComment;
  readonly listFirstComments: ListFirstComments;
  readonly addRequestComment: AddRequestComment;
  readonly addInternalNote: AddInternalNote;
  readonly findAppNote: FindAppNote;
  readonly notifyIssue: NotifyIssue;
  readonly getUserLocale: GetUserLocale;
  /** The sweep's repair search covers the service projects (the app's own view of them). */
  readonly listServiceDesks: ListServiceDesks;
  /**
   * The customer portal (ADR 0028): Forge gives portal customers no `asUser()`, so the app reads
   * these as itself, always for the invoking account only, and decides what that account may see.
   */
  readonly getCustomerRequestPeople: GetCustomerRequestPeople;
  readonly listOrganizationsOf: ListOrganizationsOf;
  readonly getUserTimeZone: GetUserTimeZone;
}

/** What the use cases call as the invoking user (authorization, the user's own settings, posting as them). */
export interface JiraAsUser {
  readonly getMyPermissions: GetMyPermissions;
  /** As the user, so Jira decides what they may see (issue-level security included). */
  readonly listBrowsableIssues: ListBrowsableIssues;
  readonly countIssues: CountIssues;
  readonly isJiraAdmin: IsJiraAdmin;
  readonly getMyself: GetMyself;
  readonly getUserDisplayName: GetUserDisplayName;
  /** The admin page's audit log and the contract panel's history show people by name. */
  readonly getUserDisplayNames: GetUserDisplayNames;
  readonly addRequestComment: AddRequestComment;
  readonly listPriorities: ListPriorities;
  readonly listStatuses: ListStatuses;
  readonly listServiceDesks: ListServiceDesks;
  readonly listRequestTypes: ListRequestTypes;
  /** The admin page's pickers: components, labels and organizations of the site, as the admin sees them. */
  readonly listProjectComponents: ListProjectComponents;
  readonly listLabels: ListLabels;
  readonly listOrganizations: ListOrganizations;
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

export type JiraMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

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
  /** The answer's `Retry-After` header, when it had one. */
  readonly retryAfter?: string | undefined;
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
  readonly retryAfter: string | undefined;

  constructor(message: string, details: JiraErrorDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.retryAfter = details.retryAfter;
    this.kind = details.kind;
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.errorMessages = details.errorMessages;
    this.fieldErrors = details.fieldErrors;
    this.issues = details.issues;
  }
}

/**
 * Whether a failed write certainly changed nothing, so that sending it again cannot duplicate it
 * (ADR 0031): Jira answered 4xx (it refused the request; 408 aside), 429 (rate limit: "not
 * processed"), or 503 with `Retry-After` (Jira's "resource limit reached", which Atlassian's rate
 * limiting page says to handle as a rate limit). Anything else — another 5xx, a 503 without
 * `Retry-After` (a gateway that may have passed the request on), an unreadable answer, no answer —
 * may have been carried out.
 *
 * @example failedWithoutEffect(error) // true for a 429, false for a network failure
 */
export function failedWithoutEffect(error: unknown): error is JiraError {
  if (!isJiraError(error) || error.kind !== 'http' || error.status === undefined) return false;
  const { status } = error;
  if (status === 429) return true;
  if (status === 503) return error.retryAfter !== undefined;
  return status >= 400 && status <= 499 && status !== 408;
}

/** @example isJiraError(error) && error.status === 404 */
export function isJiraError(error: unknown): error is JiraError {
  return error instanceof JiraError;
}

/**
 * Whether Jira refused to act as the user at all (401 to an `asUser()` call that is not Forge's
 * consent error): Forge gives no `asUser()` for unlicensed accounts such as portal customers
 * ("Access to Forge apps for unlicensed users"). For a permission check that means: no permission.
 *
 * @example if (isActingAsUserRefused(error)) return NO_PERMISSIONS;
 */
export function isActingAsUserRefused(error: unknown): boolean {
  return isJiraError(error) && error.status === 401;
}

/** The `name` of @forge/api's `NeedsAuthenticationError` (its `NEEDS_AUTHENTICATION_ERR`). */
export const NEEDS_AUTHENTICATION_ERR = 'NEEDS_AUTHENTICATION_ERR';

/**
 * Whether an error is Forge's `NeedsAuthenticationError`: an `asUser()` call by a user who has not
 * yet allowed the app access. Forge shows its "Allow access" prompt when a resolver lets this error
 * through, so nothing may wrap, retry or swallow it. Checked by `name`, exactly as @forge/api's own
 * `isExpectedError` does, so this module needs no Forge import.
 *
 * @example if (isConsentRequired(error)) throw error;
 */
export function isConsentRequired(error: unknown): boolean {
  return error instanceof Error && error.name === NEEDS_AUTHENTICATION_ERR;
}
