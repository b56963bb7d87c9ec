/**
 * Jira call that e-mails people about an issue (the sweep's at-risk and breach notices). A POST
 * that may have reached Jira when no answer comes back: retried only on 429 (ADR 0011).
 *
 * Endpoint: POST /rest/api/3/issue/{issueIdOrKey}/notify, scope write:jira-work.
 * What this module may not do: log, or choose recipients.
 */
import { jiraNotifyBodySchema } from '../../contract/jira-api';
import type { NotifyIssue } from '../../app/jira-ports';
import { checkBody, type JiraCaller } from './jira-call';
import { jiraPath } from './jira-transport';

/** @example const { notifyIssue } = createNotificationCalls(caller); */
export function createNotificationCalls(caller: JiraCaller): { notifyIssue: NotifyIssue } {
  return {
    async notifyIssue(issueIdOrKey, notification) {
      const body = checkBody(jiraNotifyBodySchema, notification, 'notification');
      await caller.callWithoutBody({ method: 'POST', path: jiraPath`/rest/api/3/issue/${issueIdOrKey}/notify`, body });
    },
  };
}
