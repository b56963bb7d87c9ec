/**
 * Local dates and months of an instant in an IANA zone: which contract version is in force on the
 * day a request was created, and which report month an outcome belongs to.
 *
 * Pure: no I/O, no clock (the instant is a parameter). `Intl` formatters are built once per zone,
 * because building one costs far more than using it.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The local date (`YYYY-MM-DD`) of an instant in a zone. Throws a RangeError for an unknown zone
 * (zones are validated where they enter the app, so that is a broken invariant here).
 *
 * @example
 * localDateOf(new Date('2026-03-31T22:30:00Z'), 'Europe/Amsterdam') // '2026-04-01'
 */
export function localDateOf(instant: Date, timeZone: string): string {
  let year = '';
  let month = '';
  let day = '';
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}

/**
 * The local month (`YYYY-MM`) of an instant in a zone.
 *
 * @example
 * localMonthOf(new Date('2026-03-31T22:30:00Z'), 'Europe/Amsterdam') // '2026-04'
 */
export function localMonthOf(instant: Date, timeZone: string): string {
  return localDateOf(instant, timeZone).slice(0, 7);
}
