/**
 * English texts of the notice reminder e-mail to a contract's account manager (issue 14.3; the
 * backend writes it through Jira's issue notification, ADR 0024). The source of keys and ICU arguments.
 *
 * Data only: no imports.
 */
export const reminderEn = {
  'reminder.subject': 'Contract Clock: notice for {customer} by {noticeDate} ({days, plural, =0 {today} one {in # day} other {in # days}})',
  'reminder.body':
    'The last day to give notice on the contract "{contract}" (version {version}) of {customer} is {noticeDate}, {days, plural, =0 {today} one {in # day} other {in # days}}.',
  'reminder.end': 'The agreed term ends on {endDate}; without notice it continues after that date.',
  'reminder.value': 'The contract is worth {monthly} a month ({yearly} a year).',
  'reminder.why':
    'You get this reminder as the account manager of {customer}, {reminderDays, plural, one {# day} other {# days}} before the notice date, as set in Contract Clock (Jira settings → Apps → Contract Clock). It is sent once. It is sent on {issueKey}, a recent request of {customer}, because Jira sends an app’s e-mails about a request.',
} as const;
