/**
 * The calendar definition schema (src/contract/calendar.ts) on its own, as other schemas embed it:
 * its helpers, and the issue paths that forms and CalendarError rely on.
 */
import {
  calendarDefinitionSchema,
  isKnownTimeZone,
  parseIsoDate,
  parseTimeOfDay,
} from '../../src/contract/calendar';

describe('parseTimeOfDay', () => {
  it.each([
    ['00:00', 0],
    ['09:30', 570],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('reads %s as %i minutes', (text, minutes) => {
    expect(parseTimeOfDay(text)).toBe(minutes);
  });

  it.each(['24:01', '25:00', '9:00', '09:60', '09:00:00', '0900', '', ' 09:00', '09:00 '])('refuses %j', (text) => {
    expect(parseTimeOfDay(text)).toBeUndefined();
  });
});

describe('parseIsoDate', () => {
  it.each([
    ['2026-12-25', { year: 2026, month: 12, day: 25 }],
    ['2028-02-29', { year: 2028, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
  ])('reads %s', (text, date) => {
    expect(parseIsoDate(text)).toEqual(date);
  });

  it.each(['2026-02-29', '1900-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-5', '26-01-05', '2026-01-05T00:00'])(
    'refuses %j',
    (text) => {
      expect(parseIsoDate(text)).toBeUndefined();
    },
  );
});

describe('isKnownTimeZone', () => {
  it.each(['Europe/Amsterdam', 'Asia/Kathmandu', 'America/St_Johns', 'Australia/Lord_Howe', 'UTC', 'US/Eastern'])('knows %s', (zone) => {
    expect(isKnownTimeZone(zone)).toBe(true);
  });

  it.each(['Europe/Atlantis', '+01:00', '-05:00', '', 'CET+1'])('refuses %j', (zone) => {
    expect(isKnownTimeZone(zone)).toBe(false);
  });
});

describe('calendarDefinitionSchema', () => {
  it('parses the design §2 example unchanged', () => {
    const example = {
      timeZone: 'Europe/Amsterdam',
      week: { mon: [['09:00', '17:00']], tue: [['08:00', '12:00'], ['13:00', '17:30']], sat: [] },
      holidays: ['2026-12-25', '2026-12-26'],
    };
    expect(calendarDefinitionSchema.parse(example)).toEqual(example);
  });

  it('reports every problem with its path', () => {
    const result = calendarDefinitionSchema.safeParse({
      timeZone: 'Nowhere/City',
      week: { tue: [['08:00', '12:00'], ['11:00', '13:00']], fri: [['18:00', '09:00']] },
      holidays: ['2026-01-01', '2026-02-30'],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['timeZone'], ['week', 'tue', 1], ['week', 'fri', 0], ['holidays', 1]]);
  });

  it('refuses unknown keys at the top and in the week', () => {
    const result = calendarDefinitionSchema.safeParse({ timeZone: 'UTC', week: { mon: [['09:00', '17:00']], funday: [] }, name: 'x' });
    expect(result.error?.issues.map((issue) => issue.code)).toEqual(['unrecognized_keys', 'unrecognized_keys']);
  });
});
