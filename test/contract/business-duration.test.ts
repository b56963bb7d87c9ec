/** Targets in business notation (issue 12.3): `30m`, `1h 30m`, `3d` where a day is the calendar's business day. */
import { businessDayMinutes, formatBusinessDuration, parseBusinessDuration } from '../../src/contract/business-duration';

const office = { week: { mon: [['08:30', '17:30']], tue: [['08:30', '17:30']], wed: [['08:30', '17:30']], thu: [['08:30', '17:30']], fri: [['08:30', '17:30']] } } as const;
const split = { week: { mon: [['08:00', '12:00'], ['13:00', '17:00']], sat: [['10:00', '12:00']] } } as const;
const allDay = { week: { mon: [['00:00', '24:00']], tue: [['00:00', '24:00']], wed: [['00:00', '24:00']], thu: [['00:00', '24:00']], fri: [['00:00', '24:00']], sat: [['00:00', '24:00']], sun: [['00:00', '24:00']] } } as const;

describe('the business day of a calendar', () => {
  it.each([
    ['office hours 08:30–17:30', office, 540],
    ['a split Monday and a short Saturday (8 h and 2 h: 5 h on average)', split, 300],
    ['24x7', allDay, 1440],
  ])('%s', (_name, calendar, minutes) => {
    expect(businessDayMinutes(calendar as never)).toBe(minutes);
  });
});

describe('business notation', () => {
  it.each([
    ['30m', 30],
    ['1h 30m', 90],
    ['1h30m', 90],
    ['4h', 240],
    ['3d', 1620],
    ['1d 2h', 660],
    ['1,5h', 90],
    [' 2 h ', 120],
    ['45', 45],
  ])('%s is %i minutes in office hours', (text, minutes) => {
    expect(parseBusinessDuration(text, 540)).toBe(minutes);
  });

  it.each(['', 'soon', '1x', 'h', '1h 30', '-1h'])('%j is no duration', (text) => {
    expect(parseBusinessDuration(text, 540)).toBeUndefined();
  });

  it('formats back in the same notation, and round-trips', () => {
    expect(formatBusinessDuration(1650, 540)).toBe('3d 30m');
    expect(formatBusinessDuration(45, 540)).toBe('45m');
    expect(formatBusinessDuration(240, 1440)).toBe('4h');
    for (const minutes of [1, 59, 60, 61, 539, 540, 541, 9600]) expect(parseBusinessDuration(formatBusinessDuration(minutes, 540), 540)).toBe(minutes);
  });
});
