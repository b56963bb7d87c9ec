/**
 * Who may see the managers' views (issue 8 §5): Jira administrators, and agents of the service
 * projects the app covers — never customers, never anonymous visitors. Checked for the calling user
 * on every resolver call, as that user (Jira's own permissions), so a revoked agent loses access at
 * once. The answer also lists the service projects whose requests the caller may browse: data the
 * app reads as itself (the review report's missed requests) is shown only for those.
 *
 * Uses Jira as the app (which service projects exist) and as the user (what they may do there).
 */
import type { AppDeps } from './deps';
import { isActingAsUserRefused } from './jira-ports';

export type ComplianceAccess =
  | {
      readonly allowed: true;
      readonly isJiraAdmin: boolean;
      /** Service projects (ids) whose requests the caller may browse. */
      readonly browsableProjectIds: ReadonlySet<string>;
    }
  | { readonly allowed: false };

/** Jira's "Service Desk Agent" project permission: a licensed agent of that service project. */
const AGENT = 'SERVICEDESK_AGENT';
const BROWSE = 'BROWSE_PROJECTS';

/**
 * Checks the caller: global ADMINISTER, or SERVICEDESK_AGENT in at least one service project.
 * Jira calls: one for the service desks (as the app), one for ADMINISTER and one per service project
 * (as the user), all at once.
 *
 * @example const access = await checkComplianceAccess(deps, accountId); if (!access.allowed) return fail('forbidden', …);
 */
export async function checkComplianceAccess(deps: AppDeps, accountId: string): Promise<ComplianceAccess> {
  const asUser = deps.jiraAsUser(accountId);
  let isJiraAdmin: boolean;
  let perProject: { projectId: string; granted: Record<string, boolean> }[];
  try {
    const [admin, desks] = await Promise.all([asUser.isJiraAdmin(), deps.jiraAsApp.listServiceDesks()]);
    isJiraAdmin = admin;
    perProject = await Promise.all(
      desks.map(async (desk) => ({
        projectId: desk.projectId,
        granted: await asUser.getMyPermissions({ permissions: [AGENT, BROWSE], projectKey: desk.projectKey }),
      })),
    );
  } catch (error) {
    // Jira will not act as a customer (Forge has no asUser() for them): neither admin nor agent.
    if (isActingAsUserRefused(error)) return { allowed: false };
    throw error;
  }
  const isAgent = perProject.some((p) => p.granted[AGENT] === true);
  if (!isJiraAdmin && !isAgent) return { allowed: false };
  return {
    allowed: true,
    isJiraAdmin,
    browsableProjectIds: new Set(perProject.filter((p) => p.granted[BROWSE] === true).map((p) => p.projectId)),
  };
}

/** The message a refused caller sees. */
export const COMPLIANCE_FORBIDDEN = 'Only Jira administrators and agents of the service projects can see compliance reports.';
