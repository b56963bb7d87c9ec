/**
 * English texts of a contract's notice reminder state (issue 14.3), shown in the same words on the
 * settings page's renewals list (static/admin) and the review report's renewals section
 * (static/reports), both through static/shared/renewal-reminder.ts. The source of keys and ICU
 * arguments.
 *
 * Data only: no imports.
 */
export const renewalsEn = {
  'renewals.reminder.none': 'No reminder asked for',
  'renewals.reminder.scheduled': 'On {date} ({days, plural, one {# day} other {# days}} before)',
  'renewals.reminder.due': 'Due since {date}: goes out with the next hourly run',
  'renewals.reminder.sent': 'Sent {date} on {issueKey}',
  'renewals.reminder.unknown': 'Sent {date} on {issueKey}, without an answer from Jira: not sent again',
} as const;
