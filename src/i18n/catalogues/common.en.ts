/**
 * English texts every Custom UI app and the backend share: buttons, units of business time, error
 * details. The source of the `common` keys and their ICU arguments (see ../messages.ts).
 *
 * Data only: no imports (the UI build compiles this module to message ASTs).
 */
export const commonEn = {
  'common.cancel': 'Cancel',
  'common.reload': 'Reload',
  'common.retry': 'Try again',
  'common.updating': 'Updating…',
  'common.characters': '{count, number} / {max, plural, one {# character} other {# characters}}',

  'duration.minutes': '{minutes, number} min',
  'duration.hours': '{hours, number} h',
  'duration.hoursMinutes': '{hours, number} h {minutes, number} min',
  'duration.withExtension': '{target} + {extension} extension',

  'time.business': 'business time',
  'time.calendar': 'calendar time',

  'error.details': 'Details: {message}',
} as const;
