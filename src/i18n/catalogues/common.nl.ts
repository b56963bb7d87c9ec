/**
 * Dutch texts every app shares; exactly the keys and ICU arguments of ./common.en.ts.
 *
 * Data only: a type import, nothing else (the UI build compiles this module to message ASTs).
 */
import type { Translation } from '../messages';
import type { commonEn } from './common.en';

export const commonNl: Translation<typeof commonEn> = {
  'common.cancel': 'Annuleren',
  'common.reload': 'Opnieuw laden',
  'common.retry': 'Opnieuw proberen',
  'common.updating': 'Bijwerken…',
  'common.characters': '{count, number} / {max, plural, one {# teken} other {# tekens}}',

  'duration.minutes': '{minutes, number} min',
  'duration.hours': '{hours, number} u',
  'duration.hoursMinutes': '{hours, number} u {minutes, number} min',
  'duration.withExtension': '{target} + {extension} verlenging',

  'time.business': 'werktijd',
  'time.calendar': 'kalendertijd',

  'error.details': 'Details: {message}',
};
