/**
 * Notice and renewals as the review page lists them (issue 14.3): the contracts whose notice date or
 * end of term falls in the next 90 days, each with its account manager (display name from Jira) and
 * the state of its notice reminder — scheduled (not due yet), due (the next hourly run sends it, or
 * it is waiting for a request of the customer to send it on), sent (when, on which request) or
 * unknown (claimed, but Jira's answer was lost: never sent again, ADR 0024).
 *
 * Cost: nothing beyond the contract database the page already read, unless a listed contract asks
 * for a reminder — then one index query of the reminder items; and, when a listed contract has an
 * account manager, one batched look-up of the managers' display names (⌈N / 50⌉ Jira requests for N
 * distinct managers, display-names.ts), as the caller: Jira hides what the caller may not see. A
 * manager Jira gives no name for (or every manager, when Jira refuses) shows as the account id;
 * Forge's consent error passes through.
 */
import type { RenewalReminderItem } from '../contract/renewal-reminder';
import type { AdminRenewal, ReminderStatus, Renewal } from '../contract/renewals-api';
import { reminderDue, type NoticeReminder } from '../domain/renewals';
import type { AppDeps } from './deps';
import { lookUpDisplayNames } from './display-names';
import { readReminderItems, reminderKeyOf } from './renewal-reminders';

/** The reminder of one renewal: the one for the same contract version and its notice date. */
function reminderOf(renewal: Renewal, reminders: readonly NoticeReminder[]): NoticeReminder | undefined {
  if (renewal.notice === null) return undefined;
  const noticeDate = renewal.notice.date;
  return reminders.find((r) => r.contract.id === renewal.contract.id && r.version.version === renewal.version && r.noticeDate === noticeDate);
}

/**
 * The renewals with account managers and reminder states.
 *
 * @example await renewalsOverview(deps, caller.accountId, { renewals, reminders, accountManagerOf })
 * // [{ customer: { id: 'acme', … }, accountManager: { id: '5b10…', name: 'Ada de Vries' }, reminder: { days: 30, on: '2026-10-01', status: 'sent', … } }]
 */
export async function renewalsOverview(
  deps: AppDeps,
  callerAccountId: string,
  contracts: { readonly renewals: readonly Renewal[]; readonly reminders: readonly NoticeReminder[]; readonly accountManagerOf: (contractId: string) => string | null },
): Promise<AdminRenewal[]> {
  const { renewals, reminders, accountManagerOf } = contracts;
  const matched = renewals.map((renewal) => ({ renewal, reminder: reminderOf(renewal, reminders) }));
  const withReminder = matched.flatMap(({ reminder }) => (reminder === undefined ? [] : [reminder]));
  const dates = withReminder.map((r) => r.noticeDate).sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  const items: Map<string, RenewalReminderItem> = first === undefined || last === undefined ? new Map<string, RenewalReminderItem>() : await readReminderItems(deps.store, first, last);

  // One batched look-up as the caller for all distinct managers; the account id where Jira gives no name.
  const names = await lookUpDisplayNames(
    deps.jiraAsUser(callerAccountId),
    renewals.flatMap((renewal) => accountManagerOf(renewal.contract.id) ?? []),
    deps.log,
  );

  return matched.map(({ renewal, reminder }) => {
    const managerId = accountManagerOf(renewal.contract.id);
    const accountManager = managerId === null ? null : { id: managerId, name: names.get(managerId) ?? managerId };
    if (reminder === undefined) return { ...renewal, accountManager, reminder: null };
    const item = items.get(reminderKeyOf(reminder));
    const status: ReminderStatus = item === undefined ? (reminderDue(reminder) ? 'due' : 'scheduled') : item.status === 'sent' ? 'sent' : 'unknown';
    return {
      ...renewal,
      accountManager,
      reminder: {
        days: reminder.days,
        on: reminder.dueOn,
        status,
        sentAt: item === undefined ? null : (item.sentAt ?? item.claimedAt),
        issueKey: item?.issueKey ?? null,
      },
    };
  });
}
