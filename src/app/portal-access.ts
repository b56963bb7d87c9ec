/**
 * Who calls the customer portal's resolvers and what they may see (issue 13.3, ADR 0028).
 *
 * Identity: the account Forge invoked the function for (`context.accountId`, from the invocation's
 * principal — never from the payload) and its `accountType`. Anonymous callers get nothing.
 *
 * Access, with the caller's own rights wherever Forge gives the app any:
 * - licensed users (agents) — through `asUser()`: Jira's own answer whether they may browse the
 *   request (a user who has not allowed the app yet gets Forge's consent prompt, ADR 0012);
 * - customers (and other unlicensed accounts) — Forge gives their invocations no `asUser()` (Access
 *   to Forge apps for unlicensed users: "asUser: Not allowed"), so the app reads, as itself and only
 *   about the invoking account, what JSM decides a customer's access by: who raised the request, who
 *   participates in it, and the organizations it is shared with compared with the account's own
 *   organizations. That is JSM's rule for what a customer sees in the portal.
 *
 * Anything unknown answers "not visible", never more: an unknown account type is treated as a
 * customer, a request Jira does not know is as invisible as one the caller may not see.
 *
 * What this module may not do: hand anything read as the app to the caller (it only decides).
 */
import { isJiraError, type CustomerRequestPeople, type IssueSnapshot, type JiraFieldIds } from './jira-ports';
import type { JsmOrganization } from '../contract/jira-api';
import type { ResolverContext } from '../contract/forge-events';
import type { AppDeps } from './deps';

/** Forge's `accountId` for anonymous portal visitors (Access to Forge apps for unlicensed users). */
export const ANONYMOUS_ACCOUNT_ID = 'unidentified';

/**
 * The caller of a portal resolver: `licensed` (Forge's accountType `licensed`: agents, admins) or
 * `customer` (`customer`, `unlicensed`, or a type Forge did not name). The locale and zone are the
 * browser's hints from the Forge context: display only.
 */
export interface PortalCaller {
  readonly kind: 'licensed' | 'customer';
  readonly accountId: string;
  readonly timeZoneHint: string | null;
}

/**
 * The portal caller of a resolver context, or null for an anonymous visitor (no account, Forge's
 * `unidentified`, or accountType `anonymous`).
 *
 * @example portalCallerOf('5b10…', { accountType: 'customer', … }) // { kind: 'customer', accountId: '5b10…', … }
 */
export function portalCallerOf(accountId: string | undefined, context: Pick<ResolverContext, 'accountType' | 'timezone'>): PortalCaller | null {
  if (accountId === undefined || accountId === '' || accountId === ANONYMOUS_ACCOUNT_ID || context.accountType === 'anonymous') return null;
  return {
    kind: context.accountType === 'licensed' ? 'licensed' : 'customer',
    accountId,
    timeZoneHint: context.timezone ?? null,
  };
}

/**
 * The organizations the caller is a member of: asked as the app, for the invoking account only
 * (a customer's own `GET /organization` needs `asUser()`, which Forge does not give customers).
 */
export function organizationsOfCaller(deps: AppDeps, caller: PortalCaller): Promise<JsmOrganization[]> {
  return deps.jiraAsApp.listOrganizationsOf(caller.accountId);
}

/**
 * JSM's rule for a customer: they see a request they raised (or that was raised on their behalf),
 * one they participate in, and one shared with an organization they belong to.
 *
 * @example customerMaySee('acc-1', people, issue.organizations, myOrganizations) // true
 */
export function customerMaySee(
  accountId: string,
  people: CustomerRequestPeople,
  requestOrganizations: readonly JsmOrganization[],
  callerOrganizations: readonly JsmOrganization[],
): boolean {
  if (people.reporterAccountId === accountId || people.participantAccountIds.includes(accountId)) return true;
  const mine = new Set(callerOrganizations.map((organization) => organization.id));
  return requestOrganizations.some((organization) => mine.has(organization.id));
}

/** A request the caller may see: the issue (read as the app) and, for customers, their organizations. */
export type RequestAccess =
  | { readonly visible: true; readonly issue: IssueSnapshot; readonly callerOrganizations: readonly JsmOrganization[] | null }
  | { readonly visible: false };

const HIDDEN: RequestAccess = { visible: false };

/** Jira answers 404 for what the caller may not see, exactly as for what does not exist. */
async function orHidden<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (isJiraError(error) && error.status === 404) return null;
    throw error;
  }
}

/**
 * Whether the caller may see the request `issueKey` (from the Forge context), with the issue read as
 * the app when they may. Licensed callers: Jira's BROWSE_PROJECTS for them on the issue, asked as
 * them. Customers: `customerMaySee` over the request's people and organizations and their own.
 *
 * @example const access = await checkRequestAccess(deps, caller, 'ITS-12', site.fieldIds);
 */
export async function checkRequestAccess(deps: AppDeps, caller: PortalCaller, issueKey: string, fieldIds: JiraFieldIds): Promise<RequestAccess> {
  if (caller.kind === 'licensed') {
    const granted = await orHidden(deps.jiraAsUser(caller.accountId).getMyPermissions({ permissions: ['BROWSE_PROJECTS'], issueIdOrKey: issueKey }));
    if (granted?.BROWSE_PROJECTS !== true) return HIDDEN;
    const issue = await orHidden(deps.jiraAsApp.getIssue(issueKey, { fieldIds }));
    return issue === null ? HIDDEN : { visible: true, issue, callerOrganizations: null };
  }
  const [people, issue, organizations] = await Promise.all([
    deps.jiraAsApp.getCustomerRequestPeople(issueKey),
    orHidden(deps.jiraAsApp.getIssue(issueKey, { fieldIds })),
    organizationsOfCaller(deps, caller),
  ]);
  if (people === null || issue === null || people.issueId !== issue.id) return HIDDEN;
  return customerMaySee(caller.accountId, people, issue.organizations, organizations) ? { visible: true, issue, callerOrganizations: organizations } : HIDDEN;
}
