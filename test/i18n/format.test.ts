/**
 * Formatting instants in an explicit zone (DST, non-whole-hour offsets), local dates, zone labels,
 * percentages and business durations. Patterns allow the punctuation ICU versions differ in.
 */
import {
  formatDuration,
  formatInstant,
  formatInstantLong,
  formatLocalDate,
  formatPercent,
  formatZoneLabel,
  splitMinutes,
  zonesShowSameTime,
} from '../../src/i18n/format';

describe('formatInstant', () => {
  it.each([
    ['winter in Amsterdam (UTC+1)', '2026-12-01T13:00:00Z', 'Europe/Amsterdam', 'en-GB', /^Tue,? 1 Dec 2026,? 14:00$/],
    ['summer in Amsterdam (UTC+2)', '2026-07-01T13:00:00Z', 'Europe/Amsterdam', 'en-GB', /^Wed,? 1 Jul 2026,? 15:00$/],
    ['Dutch words', '2026-12-01T13:00:00Z', 'Europe/Amsterdam', 'nl-NL', /^di 1 dec\.? 2026,? 14:00$/],
    ['US English, 12-hour clock', '2026-12-01T13:00:00Z', 'America/New_York', 'en-US', /^Tue,? Dec 1,? 2026,? 0?8:00\sAM$/],
    ['Kathmandu, UTC+5:45', '2026-12-01T13:00:00Z', 'Asia/Kathmandu', 'en-GB', /^Tue,? 1 Dec 2026,? 18:45$/],
    ['the minute before spring-forward', '2026-03-29T00:59:00Z', 'Europe/Amsterdam', 'en-GB', /29 Mar 2026,? 01:59$/],
    ['spring-forward skips 02:00–03:00', '2026-03-29T01:00:00Z', 'Europe/Amsterdam', 'en-GB', /29 Mar 2026,? 03:00$/],
    ['an offset in the input is honoured', '2026-12-01T14:00:00+01:00', 'UTC', 'en-GB', /1 Dec 2026,? 13:00$/],
  ])('%s', (_name, iso, zone, locale, expected) => {
    expect(formatInstant(iso, zone, locale)).toMatch(expected);
  });

  it('throws a RangeError for something that is not an instant (never shows "Invalid Date")', () => {
    expect(() => formatInstant('tomorrow', 'UTC', 'en-GB')).toThrow(RangeError);
  });

  it('throws a RangeError for an unknown zone', () => {
    expect(() => formatInstant('2026-12-01T13:00:00Z', 'Mars/Olympus_Mons', 'en-GB')).toThrow(RangeError);
  });
});

describe('formatLocalDate', () => {
  it.each([
    ['English', '2026-01-01', 'en-GB', /^1 Jan 2026$/],
    ['Dutch', '2026-01-01', 'nl-NL', /^1 jan\.? 2026$/],
    ['the last day of a leap February', '2028-02-29', 'en-GB', /^29 Feb 2028$/],
  ])('%s', (_name, date, locale, expected) => {
    expect(formatLocalDate(date, locale)).toMatch(expected);
  });

  it('does not shift the date whatever the machine zone (formatted at noon UTC in UTC)', () => {
    expect(formatLocalDate('2026-12-31', 'en-GB')).toMatch(/^31 Dec 2026$/);
  });

  it('rejects what is not YYYY-MM-DD', () => {
    expect(() => formatLocalDate('1/1/2026', 'en-GB')).toThrow(RangeError);
  });
});

describe('formatZoneLabel', () => {
  it.each([
    ['CET in winter', '2026-12-01T12:00:00Z', 'Europe/Amsterdam', 'Europe/Amsterdam, CET'],
    ['CEST in summer', '2026-07-01T12:00:00Z', 'Europe/Amsterdam', 'Europe/Amsterdam, CEST'],
    ['a 45-minute offset', '2026-07-01T12:00:00Z', 'Asia/Kathmandu', 'Asia/Kathmandu, GMT+5:45'],
  ])('%s', (_name, iso, zone, expected) => {
    expect(formatZoneLabel(iso, zone, 'en-GB')).toBe(expected);
  });
});

describe('zonesShowSameTime', () => {
  it.each([
    ['the same zone', 'Europe/Amsterdam', 'Europe/Amsterdam', '2026-01-05T09:00:00Z', true],
    ['two zones with the same rules', 'Europe/Amsterdam', 'Europe/Paris', '2026-01-05T09:00:00Z', true],
    ['an hour apart', 'Europe/London', 'Europe/Amsterdam', '2026-01-05T09:00:00Z', false],
    ['45 minutes apart', 'Asia/Kolkata', 'Asia/Kathmandu', '2026-01-05T09:00:00Z', false],
  ])('%s', (_name, a, b, iso, expected) => {
    expect(zonesShowSameTime(iso, a, b)).toBe(expected);
  });
});

describe('formatPercent', () => {
  it.each([
    [62.4, 'en-GB', '62%'],
    [117.6, 'en-GB', '118%'],
    [0, 'en-GB', '0%'],
  ])('%s in %s → %s', (value, locale, expected) => {
    expect(formatPercent(value, locale)).toBe(expected);
  });

  it('uses the locale (Dutch keeps the sign after the number)', () => {
    expect(formatPercent(50, 'nl-NL')).toMatch(/^50\s?%$/);
  });
});

describe('splitMinutes', () => {
  it.each([
    [0, { hours: 0, minutes: 0 }],
    [59, { hours: 0, minutes: 59 }],
    [60, { hours: 1, minutes: 0 }],
    [200, { hours: 3, minutes: 20 }],
    [-135, { hours: 2, minutes: 15 }],
    [2880, { hours: 48, minutes: 0 }], // business time is never shown in days
  ])('%s', (total, expected) => {
    expect(splitMinutes(total)).toEqual(expected);
  });
});

describe('formatDuration', () => {
  it.each([
    ['minutes only', 45, 'en-GB', '45 min'],
    ['whole hours', 120, 'en-GB', '2 h'],
    ['hours and minutes', 200, 'en-GB', '3 h 20 min'],
    ['overdue (negative) reads the same', -95, 'en-GB', '1 h 35 min'],
    ['Dutch units', 200, 'nl-NL', '3 u 20 min'],
    ['Dutch units for a Belgian locale', 60, 'nl-BE', '1 u'],
    ['large numbers are grouped', 60 * 1500, 'en-GB', '1,500 h'],
    ['Dutch grouping', 60 * 1500, 'nl-NL', '1.500 u'],
  ])('%s', (_name, minutes, locale, expected) => {
    expect(formatDuration(minutes, locale)).toBe(expected);
  });
});

describe('formatInstantLong', () => {
  it.each([
    ['English', 'en-GB', /^Tuesday,? 1 December 2026(,| at) 14:00$/],
    ['Dutch', 'nl-NL', /^dinsdag 1 december 2026( om|,) 14:00$/],
  ])('%s: weekday and month written out, in the zone', (_name, locale, expected) => {
    expect(formatInstantLong('2026-12-01T13:00:00Z', 'Europe/Amsterdam', locale)).toMatch(expected);
  });
});
