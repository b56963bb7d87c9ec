/**
 * Dutch texts of a contract's notice reminder state; exactly the keys and ICU arguments of ./renewals.en.ts.
 *
 * Data only: a type import, nothing else (the UI build compiles this module to message ASTs).
 */
import type { Translation } from '../messages';
import type { renewalsEn } from './renewals.en';

export const renewalsNl: Translation<typeof renewalsEn> = {
  'renewals.reminder.none': 'Geen herinnering gevraagd',
  'renewals.reminder.scheduled': 'Op {date} ({days, plural, one {# dag} other {# dagen}} vooraf)',
  'renewals.reminder.due': 'Te versturen sinds {date}: gaat mee met de volgende uurlijkse ronde',
  'renewals.reminder.sent': 'Verstuurd {date} bij {issueKey}',
  'renewals.reminder.unknown': 'Verstuurd {date} bij {issueKey}, zonder antwoord van Jira: wordt niet opnieuw verstuurd',
};
