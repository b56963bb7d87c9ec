/**
 * The Jira / JSM client of the app: the call families (issues.ts, issue-properties.ts,
 * app-fields.ts, comments.ts, notifications.ts, permissions.ts, users.ts, site-catalogue.ts,
 * service-desks.ts, portal-customers.ts) over one transport wrapped in the retry policy. It implements the ports of
 * src/app/jira-ports.ts — exactly the calls the app makes, nothing more.
 *
 * What this module may not do: log, decide anything about contracts or clocks, or hand data read
 * as the app to a user (authorization is the resolvers' job: they use a client on the asUser
 * transport for the permission checks).
 */
import type { JiraAsApp, JiraAsUser } from '../../app/jira-ports';
import { createAppFieldCalls, type AppInstallation } from './app-fields';
import { createCommentCalls } from './comments';
import { createIssuePropertyCalls } from './issue-properties';
import { createIssueCalls } from './issues';
import { createJiraCaller } from './jira-call';
import type { JiraTransport } from './jira-transport';
import { createNotificationCalls } from './notifications';
import { createPermissionCalls } from './permissions';
import { createPortalCustomerCalls } from './portal-customers';
import { withRetry, type RetryOptions } from './retry';
import { createServiceDeskCalls } from './service-desks';
import { createSiteCatalogueCalls } from './site-catalogue';
import { createUserCalls } from './users';

/** Every call of the app: what it needs as the app and what it needs as a user. */
export type JiraClient = JiraAsApp & JiraAsUser;

export interface JiraClientOptions {
  readonly transport: JiraTransport;
  /** Retry policy around the transport (see retry.ts); defaults apply when omitted. */
  readonly retry?: RetryOptions;
  /**
   * Which installation of the app calls (to find its own custom field); read per call, because
   * Forge knows it only inside an invocation.
   */
  readonly installation: () => AppInstallation;
}

/**
 * Builds the client over a transport. The transport is wrapped in the retry policy here, so every
 * call retries the same way.
 *
 * @example
 * const jira = createJiraClient({ transport: createForgeTransport({ actor: 'app' }), installation: forgeInstallation });
 * const issue = await jira.getIssue('SD-42', { fieldIds });
 */
export function createJiraClient(options: JiraClientOptions): JiraClient {
  const caller = createJiraCaller(withRetry(options.transport, options.retry));
  return {
    ...createIssueCalls(caller),
    ...createIssuePropertyCalls(caller),
    ...createAppFieldCalls(caller, options.installation),
    ...createCommentCalls(caller),
    ...createNotificationCalls(caller),
    ...createPermissionCalls(caller),
    ...createUserCalls(caller),
    ...createSiteCatalogueCalls(caller),
    ...createServiceDeskCalls(caller),
    ...createPortalCustomerCalls(caller),
  };
}
