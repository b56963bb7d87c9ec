/**
 * Notice reminders (issue 14.3, ADR 0024): a contract with an account manager and
 * `noticeReminderDays` reminds that person, through Jira, N days before each version's notice date —
 * once. Run by the sweep (an hourly `renewals` job on its queue, sweep-open-clocks.ts), it reads the
 * contract database, finds the reminders due today in each contract's zone, and for each one not yet
 * stored:
 *
 * 1. finds the request to send it on — Jira's only documented way for an app to e-mail one person is
 *    the issue notification (POST /rest/api/3/issue/{key}/notify with `to.users`), so the reminder
 *    goes out on the customer's most recent request (JQL on the `contract-clock` property, as the app);
 * 2. **claims** it: writes its `renewal-reminder` item on the condition that none exists — of two
 *    sweeps at once, one claims and the other skips;
 * 3. sends the notification in the account manager's language, and marks the item `sent` (on the
 *    condition that the claim is still its own).
 *
 * A notification Jira refused (4xx, 429, or 503 with Retry-After: nothing was sent) gives the claim
 * up, so the next run tries again; one that got no answer, or a 5xx that may have been carried out,
 * keeps its claim and is never repeated (ADRs 0011, 0031).
 * Without any request of the customer there is nothing to send it on: the run reports it, and tries
 * again next time (the settings page shows the reminder as due).
 *
 * Cost: one read of the contract database, and — only when some reminder is due — one index query of
 * the reminder items, then per reminder to send one search, one claim, one locale look-up, the
 * notification and one mark.
 */
import { randomUUID } from 'node:crypto';
import { isConditionFailed, type KeyValueStore } from '../adapters/storage/key-value-store';
import { RENEWAL_REMINDER_ENTITY, renewalReminderKey } from '../adapters/storage/storage-keys';
import { parseStoredValue, validateForWrite } from '../adapters/storage/typed-value';
import type { ContractDatabase } from '../contract/contract-database';
import { formatMoney } from '../contract/money';
import { RENEWAL_REMINDER_SCHEMA_VERSION, renewalReminderItemSchema, type RenewalReminderItem } from '../contract/renewal-reminder';
import { versionValueOn } from '../domain/contract-value';
import { daysBetween, noticeReminders, reminderDue, type NoticeReminder } from '../domain/renewals';
import { formatLocalDate } from '../i18n/format';
import { reminderEn } from '../i18n/catalogues/reminder.en';
import { reminderNl } from '../i18n/catalogues/reminder.nl';
import { createTranslator, defineMessages } from '../i18n/messages';
import { customerRequestsJql } from './compliance-jql';
import { loadContractDatabase } from './contract-database-store';
import type { AppDeps } from './deps';
import { failedWithoutEffect, isJiraError } from './jira-ports';

const reminderMessages = defineMessages({ en: reminderEn, nl: reminderNl });

/** What one run did. */
export interface ReminderRunReport {
  /** Reminders due today (each contract's zone). */
  readonly due: number;
  readonly sent: readonly { readonly contractId: string; readonly version: number; readonly issueKey: string }[];
  /** Already claimed or sent (by this or an earlier run). */
  readonly alreadyClaimed: number;
  /** Not sent, to be tried again: no request of the customer to send it on, or Jira refused it. */
  readonly retryLater: readonly { readonly contractId: string; readonly reason: 'no-request' | 'refused' }[];
  /** Sent without an answer: it may have reached the account manager, and is not sent again. */
  readonly unknown: number;
}

/** The stored reminder items with notice dates from `from` through `to`, by key. */
export async function readReminderItems(store: KeyValueStore, from: string, to: string): Promise<Map<string, RenewalReminderItem>> {
  const items = new Map<string, RenewalReminderItem>();
  let cursor: string | undefined;
  do {
    const page = await store.queryEntity({
      entity: RENEWAL_REMINDER_ENTITY,
      index: 'noticeDate',
      where: { condition: 'BETWEEN', from, to },
      limit: 100,
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const entry of page.entries) {
      const parsed = parseStoredValue(`${RENEWAL_REMINDER_ENTITY}/${entry.key}`, entry.value, renewalReminderItemSchema);
      if (parsed.status === 'found') items.set(entry.key, parsed.value);
    }
    cursor = page.entries.length === 0 ? undefined : page.nextCursor;
  } while (cursor !== undefined);
  return items;
}

/** The key of a reminder's item. */
export function reminderKeyOf(reminder: Pick<NoticeReminder, 'contract' | 'version' | 'noticeDate'>): string {
  return renewalReminderKey(reminder.contract.id, reminder.version.version, reminder.noticeDate);
}

/**
 * Sends the notice reminders due now, each once.
 *
 * @example const report = await sendNoticeReminders(deps); // { due: 1, sent: [{ contractId: 'acme-2026', … }], … }
 */
export async function sendNoticeReminders(deps: AppDeps): Promise<ReminderRunReport> {
  const now = deps.now();
  const { database } = await loadContractDatabase(deps.store);
  const due = noticeReminders(database, now).filter(reminderDue);
  const report = { due: due.length, sent: [] as { contractId: string; version: number; issueKey: string }[], alreadyClaimed: 0, retryLater: [] as { contractId: string; reason: 'no-request' | 'refused' }[], unknown: 0 };
  if (due.length === 0) return report;
  const dates = due.map((r) => r.noticeDate).sort();
  const stored = await readReminderItems(deps.store, dates[0] ?? '', dates[dates.length - 1] ?? '');
  for (const reminder of due) {
    if (stored.has(reminderKeyOf(reminder))) {
      report.alreadyClaimed += 1;
      continue;
    }
    const outcome = await sendOne(deps, database, reminder, now);
    if (outcome.kind === 'sent') report.sent.push({ contractId: reminder.contract.id, version: reminder.version.version, issueKey: outcome.issueKey });
    else if (outcome.kind === 'claimed-elsewhere') report.alreadyClaimed += 1;
    else if (outcome.kind === 'unknown') report.unknown += 1;
    else report.retryLater.push({ contractId: reminder.contract.id, reason: outcome.kind });
  }
  return report;
}

type SendOutcome = { kind: 'sent'; issueKey: string } | { kind: 'claimed-elsewhere' } | { kind: 'no-request' } | { kind: 'refused' } | { kind: 'unknown' };

async function sendOne(deps: AppDeps, db: ContractDatabase, reminder: NoticeReminder, now: Date): Promise<SendOutcome> {
  const { contract, version, noticeDate, accountManagerAccountId } = reminder;
  const fields = { contractId: contract.id, version: version.version };
  const found = await deps.jiraAsApp.searchIssuesWithClock(customerRequestsJql(contract.customer.name), { maxResults: 1 });
  const carrier = found.issues[0];
  if (carrier === undefined) {
    deps.log.warn('notice reminder: no request of the customer to send it on; tried again next run', fields);
    return { kind: 'no-request' };
  }

  const key = reminderKeyOf(reminder);
  const claim: RenewalReminderItem = {
    schemaVersion: RENEWAL_REMINDER_SCHEMA_VERSION,
    contractId: contract.id,
    version: version.version,
    noticeDate,
    status: 'claimed',
    claimId: randomUUID(),
    claimedAt: now.toISOString(),
    issueKey: carrier.key,
    accountManager: accountManagerAccountId,
  };
  const mine = [{ attribute: 'claimId', condition: 'EQUAL_TO', value: claim.claimId }] as const;
  try {
    await deps.store.transact([
      { type: 'set', entity: RENEWAL_REMINDER_ENTITY, key, value: validateForWrite(`${RENEWAL_REMINDER_ENTITY}/${key}`, renewalReminderItemSchema, claim), conditions: [{ attribute: 'claimId', condition: 'NOT_EXISTS' }] },
    ]);
  } catch (error) {
    if (isConditionFailed(error)) return { kind: 'claimed-elsewhere' };
    throw error;
  }

  let locale: string | null = null;
  try {
    locale = await deps.jiraAsApp.getUserLocale(accountManagerAccountId);
  } catch (error) {
    if (!isJiraError(error)) throw error; // the reminder still goes out, in English
  }
  const text = reminderText(db, reminder, carrier.key, locale);
  try {
    await deps.jiraAsApp.notifyIssue(carrier.key, { subject: text.subject, textBody: text.body, to: { users: [{ accountId: accountManagerAccountId }] } });
  } catch (error) {
    if (failedWithoutEffect(error)) {
      // Jira refused it (4xx, 429, or 503 with Retry-After): nothing was sent. Give the claim up so
      // the next run tries again.
      deps.log.warn('notice reminder: Jira refused the notification; tried again next run', { ...fields, status: error.status ?? null });
      await deps.store.transact([{ type: 'delete', entity: RENEWAL_REMINDER_ENTITY, key, conditions: mine }]).catch((cause: unknown) => {
        if (!isConditionFailed(cause)) throw cause;
      });
      return { kind: 'refused' };
    }
    // No answer, an unreadable one, or a 5xx that may have been carried out (a gateway's 503 without
    // Retry-After): it may have been sent. The claim stays; it is not repeated (ADR 0031).
    deps.log.warn('notice reminder: no answer from Jira; it may have been sent and is not repeated', fields);
    return { kind: 'unknown' };
  }
  const sent: RenewalReminderItem = { ...claim, status: 'sent', sentAt: deps.now().toISOString() };
  await deps.store.transact([
    { type: 'set', entity: RENEWAL_REMINDER_ENTITY, key, value: validateForWrite(`${RENEWAL_REMINDER_ENTITY}/${key}`, renewalReminderItemSchema, sent), conditions: mine },
  ]);
  deps.log.info('notice reminder sent', { ...fields, issueKey: carrier.key });
  return { kind: 'sent', issueKey: carrier.key };
}

/**
 * The reminder's subject and plain-text body in the reader's language (English without a locale),
 * dates and amounts in their locale.
 *
 * @example reminderText(db, reminder, 'ITS-12', 'nl_NL').subject // 'Contract Clock: opzeggen voor Acme Logistics uiterlijk 31 okt 2026 (over 26 dagen)'
 */
export function reminderText(db: ContractDatabase, reminder: NoticeReminder, issueKey: string, locale: string | null): { subject: string; body: string } {
  const { t, locale: intlLocale } = createTranslator(reminderMessages, locale);
  const { contract, version, noticeDate } = reminder;
  const days = Math.max(0, daysBetween(reminder.today, noticeDate));
  const customer = contract.customer.name;
  const date = formatLocalDate(noticeDate, intlLocale);
  const lines = [t('reminder.body', { contract: contract.name, version: version.version, customer, noticeDate: date, days })];
  if (version.endDate !== undefined) lines.push(t('reminder.end', { endDate: formatLocalDate(version.endDate, intlLocale) }));
  const value = versionValueOn(db, version, reminder.today > version.effectiveFrom ? reminder.today : version.effectiveFrom);
  if (value.monthlyMinor > 0) {
    const currency = contract.currency ?? db.settings.currency;
    lines.push(t('reminder.value', { monthly: formatMoney(value.monthlyMinor, currency, intlLocale), yearly: formatMoney(value.yearlyMinor, currency, intlLocale) }));
  }
  lines.push('', t('reminder.why', { customer, reminderDays: reminder.days, issueKey }));
  return { subject: t('reminder.subject', { customer, noticeDate: date, days }), body: lines.join('\n') };
}
