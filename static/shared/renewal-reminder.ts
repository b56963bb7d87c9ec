/**
 * A contract's notice reminder state in words (none asked for, scheduled, due, sent, sent without an
 * answer from Jira), the same on the settings page's renewals list and in the review report's
 * renewals section. Texts from the shared `renewals` catalogue, which both apps include.
 *
 * Pure: no React, no bridge.
 */
import type { AdminRenewal } from '../../src/contract/renewals-api';
import type { renewalsEn } from '../../src/i18n/catalogues/renewals.en';
import type { I18n } from './i18n-context';

/** What the text needs of an app's i18n (any app whose catalogue includes `renewals`). */
export type RenewalsI18n = Pick<I18n<typeof renewalsEn>, 't' | 'instant' | 'localDate'>;

/** @example reminderText(i18n, renewal) // 'On 1 Nov 2026 (30 days before)' */
export function reminderText(i18n: RenewalsI18n, renewal: AdminRenewal): string {
  const { t } = i18n;
  const reminder = renewal.reminder;
  if (reminder === null) return t('renewals.reminder.none');
  const sent = reminder.sentAt === null ? '' : i18n.instant(reminder.sentAt, renewal.timeZone);
  switch (reminder.status) {
    case 'scheduled':
      return t('renewals.reminder.scheduled', { date: i18n.localDate(reminder.on), days: reminder.days });
    case 'due':
      return t('renewals.reminder.due', { date: i18n.localDate(reminder.on) });
    case 'sent':
      return t('renewals.reminder.sent', { date: sent, issueKey: reminder.issueKey ?? '' });
    case 'unknown':
      return t('renewals.reminder.unknown', { date: sent, issueKey: reminder.issueKey ?? '' });
  }
}
