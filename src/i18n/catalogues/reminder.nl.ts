/**
 * Dutch texts of the notice reminder e-mail; exactly the keys and ICU arguments of ./reminder.en.ts.
 *
 * Data only: a type import, nothing else. ICU quoting: `''` is one apostrophe next to a placeholder.
 */
import type { Translation } from '../messages';
import type { reminderEn } from './reminder.en';

export const reminderNl: Translation<typeof reminderEn> = {
  'reminder.subject': 'Contract Clock: opzeggen voor {customer} uiterlijk {noticeDate} ({days, plural, =0 {vandaag} one {over # dag} other {over # dagen}})',
  'reminder.body':
    'De laatste dag om het contract "{contract}" (versie {version}) van {customer} op te zeggen is {noticeDate}, {days, plural, =0 {vandaag} one {over # dag} other {over # dagen}}.',
  'reminder.end': 'De afgesproken looptijd eindigt op {endDate}; zonder opzegging loopt het contract daarna door.',
  'reminder.value': 'Het contract is {monthly} per maand waard ({yearly} per jaar).',
  'reminder.why':
    'U krijgt deze herinnering als accountmanager van {customer}, {reminderDays, plural, one {# dag} other {# dagen}} voor de opzegdatum, zoals ingesteld in Contract Clock (Jira-instellingen → Apps → Contract Clock). Hij wordt één keer verstuurd, bij {issueKey}, een recent verzoek van {customer}, omdat Jira de e-mails van een app over een verzoek verstuurt.',
};
