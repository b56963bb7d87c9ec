/**
 * Table tests of the business-time engine (design §2, issue 2 §4): named cases pinned to ISO instants
 * with offsets. Each deadline and measure is also checked against the brute-force oracle, so a wrong
 * expectation in this table cannot hide a wrong engine (or the other way round).
 */
import {
  CalendarError,
  CompiledCalendar,
  NoBusinessTimeError,
  addBusinessMinutes,
  businessMinutesBetween,
  compileCalendar,
  type Pause,
} from '../../src/domain/business-time';
import {
  bruteAddBusinessMinutes,
  bruteBusinessMinutesBetween,
  type OracleCalendar,
} from '../support/brute-force-business-time';

// The oracle walks minute by minute; the 250-day case takes it a few seconds on a busy machine.
jest.setTimeout(60_000);

type Intervals = [string, string][];
const weekdays = (intervals: Intervals) => ({ mon: intervals, tue: intervals, wed: intervals, thu: intervals, fri: intervals });
const everyDay = (intervals: Intervals) => ({ ...weekdays(intervals), sat: intervals, sun: intervals });

const calendars = {
  amsterdamOffice: {
    timeZone: 'Europe/Amsterdam',
    week: weekdays([['09:00', '17:00']]),
    holidays: ['2026-12-25', '2026-12-26', '2027-01-01'],
  },
  amsterdamSplit: { timeZone: 'Europe/Amsterdam', week: { tue: [['08:00', '12:00'], ['13:00', '17:30']] as Intervals } },
  amsterdamNights: { timeZone: 'Europe/Amsterdam', week: everyDay([['22:00', '24:00'], ['00:00', '06:00']]) },
  amsterdamSundayNight: { timeZone: 'Europe/Amsterdam', week: { sun: [['22:00', '24:00']] as Intervals, mon: [['00:00', '02:00']] as Intervals } },
  newYorkOffice1960s: { timeZone: 'America/New_York', week: weekdays([['09:00', '17:00']]), holidays: ['1969-12-25', '1970-01-01'] },
  amsterdam24x7: { timeZone: 'Europe/Amsterdam', week: everyDay([['00:00', '24:00']]) },
  amsterdamSmallHours: { timeZone: 'Europe/Amsterdam', week: everyDay([['01:00', '04:00']]) },
  amsterdamDesignExample: { timeZone: 'Europe/Amsterdam', week: everyDay([['01:00', '02:30']]) },
  amsterdamSundaySmallHours: { timeZone: 'Europe/Amsterdam', week: { sun: [['02:00', '02:30']] as Intervals } },
  newYorkOffice: { timeZone: 'America/New_York', week: weekdays([['09:00', '17:00']]) },
  newYork24x7: { timeZone: 'America/New_York', week: everyDay([['00:00', '24:00']]) },
  newYorkSmallHours: { timeZone: 'America/New_York', week: everyDay([['01:00', '04:00']]) },
  sydneyOffice: { timeZone: 'Australia/Sydney', week: weekdays([['09:00', '17:00']]) },
  sydney24x7: { timeZone: 'Australia/Sydney', week: everyDay([['00:00', '24:00']]) },
  sydneySmallHours: { timeZone: 'Australia/Sydney', week: everyDay([['01:00', '04:00']]) },
  lordHowe24x7: { timeZone: 'Australia/Lord_Howe', week: everyDay([['00:00', '24:00']]) },
  lordHoweSmallHours: { timeZone: 'Australia/Lord_Howe', week: everyDay([['01:00', '04:00']]) },
  kathmanduOffice: { timeZone: 'Asia/Kathmandu', week: weekdays([['09:00', '17:00']]) },
  kathmandu24x7: { timeZone: 'Asia/Kathmandu', week: everyDay([['00:00', '24:00']]) },
  kathmanduFirstHour: { timeZone: 'Asia/Kathmandu', week: everyDay([['00:00', '01:00']]) },
  stJohnsOffice: { timeZone: 'America/St_Johns', week: weekdays([['09:00', '17:00']]) },
  stJohns24x7: { timeZone: 'America/St_Johns', week: everyDay([['00:00', '24:00']]) },
  stJohnsSmallHours: { timeZone: 'America/St_Johns', week: everyDay([['01:00', '04:00']]) },
} satisfies Record<string, OracleCalendar>;
type CalendarName = keyof typeof calendars;

const compiled = new Map<CalendarName, CompiledCalendar>();
function calendar(name: CalendarName): CompiledCalendar {
  let cal = compiled.get(name);
  if (cal === undefined) {
    cal = compileCalendar(calendars[name]);
    compiled.set(name, cal);
  }
  return cal;
}

const at = (iso: string): Date => new Date(iso);
const pause = (from: string, to: string): Pause => ({ from: at(from), to: at(to) });

interface DeadlineCase {
  name: string;
  cal: CalendarName;
  start: string;
  minutes: number;
  pauses?: Pause[];
  deadline: string;
}

const deadlineCases: DeadlineCase[] = [
  // Amsterdam office hours, Mon–Fri 09:00–17:00
  { name: 'Friday 16:30 + 1 h → Monday 09:30', cal: 'amsterdamOffice', start: '2026-03-06T16:30:00+01:00', minutes: 60, deadline: '2026-03-09T09:30:00+01:00' },
  { name: 'deadline reached exactly at closing stays at closing', cal: 'amsterdamOffice', start: '2026-03-05T16:00:00+01:00', minutes: 60, deadline: '2026-03-05T17:00:00+01:00' },
  { name: 'a full day from opening ends at that closing time', cal: 'amsterdamOffice', start: '2026-03-05T09:00:00+01:00', minutes: 480, deadline: '2026-03-05T17:00:00+01:00' },
  { name: 'start at closing time waits for the next opening', cal: 'amsterdamOffice', start: '2026-03-05T17:00:00+01:00', minutes: 1, deadline: '2026-03-06T09:01:00+01:00' },
  { name: 'start on a holiday (Christmas, a Friday)', cal: 'amsterdamOffice', start: '2026-12-25T10:00:00+01:00', minutes: 60, deadline: '2026-12-28T10:00:00+01:00' },
  { name: 'start at night', cal: 'amsterdamOffice', start: '2026-03-03T23:00:00+01:00', minutes: 30, deadline: '2026-03-04T09:30:00+01:00' },
  { name: 'start on Saturday', cal: 'amsterdamOffice', start: '2026-03-07T12:00:00+01:00', minutes: 60, deadline: '2026-03-09T10:00:00+01:00' },
  { name: 'across year end, New Year a holiday', cal: 'amsterdamOffice', start: '2026-12-31T16:00:00+01:00', minutes: 120, deadline: '2027-01-04T10:00:00+01:00' },
  { name: 'zero minutes is the start itself, even at night', cal: 'amsterdamOffice', start: '2026-03-03T23:00:00+01:00', minutes: 0, deadline: '2026-03-03T23:00:00+01:00' },
  { name: 'a start with milliseconds keeps them', cal: 'amsterdamOffice', start: '2026-03-05T16:59:59.250+01:00', minutes: 1, deadline: '2026-03-06T09:00:59.250+01:00' },
  { name: 'five business days from Monday opening end Friday at closing', cal: 'amsterdamOffice', start: '2026-03-02T09:00:00+01:00', minutes: 2400, deadline: '2026-03-06T17:00:00+01:00' },
  { name: 'across the spring-forward weekend', cal: 'amsterdamOffice', start: '2026-03-27T16:00:00+01:00', minutes: 120, deadline: '2026-03-30T10:00:00+02:00' },
  { name: 'across the fall-back weekend', cal: 'amsterdamOffice', start: '2026-10-23T16:00:00+02:00', minutes: 120, deadline: '2026-10-26T10:00:00+01:00' },
  { name: 'half a minute is 30 seconds', cal: 'amsterdamOffice', start: '2026-03-05T09:00:00+01:00', minutes: 0.5, deadline: '2026-03-05T09:00:30+01:00' },
  { name: '250 business days cross both DST changes and Christmas', cal: 'amsterdamOffice', start: '2026-01-05T09:00:00+01:00', minutes: 480 * 250, deadline: '2026-12-18T17:00:00+01:00' },

  // Pauses
  { name: 'start inside a pause waits for its end', cal: 'amsterdamOffice', start: '2026-03-03T10:00:00+01:00', minutes: 60, pauses: [pause('2026-03-03T09:30:00+01:00', '2026-03-03T11:00:00+01:00')], deadline: '2026-03-03T12:00:00+01:00' },
  {
    name: 'overlapping pauses count once',
    cal: 'amsterdamOffice',
    start: '2026-03-03T09:00:00+01:00',
    minutes: 120,
    pauses: [
      pause('2026-03-03T11:30:00+01:00', '2026-03-03T12:30:00+01:00'),
      pause('2026-03-03T10:00:00+01:00', '2026-03-03T11:00:00+01:00'),
      pause('2026-03-03T10:30:00+01:00', '2026-03-03T12:00:00+01:00'),
    ],
    deadline: '2026-03-03T13:30:00+01:00',
  },
  { name: 'a pause that began before the start', cal: 'amsterdamOffice', start: '2026-03-03T10:00:00+01:00', minutes: 60, pauses: [pause('2026-03-02T08:00:00+01:00', '2026-03-03T10:30:00+01:00')], deadline: '2026-03-03T11:30:00+01:00' },
  { name: 'a pause over the night and the next morning', cal: 'amsterdamOffice', start: '2026-03-03T16:00:00+01:00', minutes: 120, pauses: [pause('2026-03-03T16:30:00+01:00', '2026-03-04T10:00:00+01:00')], deadline: '2026-03-04T11:30:00+01:00' },
  { name: 'deadline reached exactly where a pause begins stays there', cal: 'amsterdamOffice', start: '2026-03-03T09:00:00+01:00', minutes: 60, pauses: [pause('2026-03-03T10:00:00+01:00', '2026-03-03T11:00:00+01:00')], deadline: '2026-03-03T10:00:00+01:00' },
  { name: 'an empty pause (to = from) changes nothing', cal: 'amsterdamOffice', start: '2026-03-03T09:00:00+01:00', minutes: 60, pauses: [pause('2026-03-03T09:30:00+01:00', '2026-03-03T09:30:00+01:00')], deadline: '2026-03-03T10:00:00+01:00' },
  { name: 'pauses with milliseconds', cal: 'amsterdamOffice', start: '2026-03-03T09:00:00+01:00', minutes: 60, pauses: [pause('2026-03-03T09:10:00.001+01:00', '2026-03-03T09:20:00.500+01:00')], deadline: '2026-03-03T10:10:00.499+01:00' },

  // Split and night shifts
  { name: 'split shift skips the lunch break', cal: 'amsterdamSplit', start: '2026-03-03T11:30:00+01:00', minutes: 60, deadline: '2026-03-03T13:30:00+01:00' },
  { name: 'split shift: reached exactly at lunch stays at 12:00', cal: 'amsterdamSplit', start: '2026-03-03T11:00:00+01:00', minutes: 60, deadline: '2026-03-03T12:00:00+01:00' },
  { name: 'split shift: only Tuesdays, so next week', cal: 'amsterdamSplit', start: '2026-03-03T17:30:00+01:00', minutes: 30, deadline: '2026-03-10T08:30:00+01:00' },
  { name: 'night shift 22:00–24:00 + 00:00–06:00 runs through midnight', cal: 'amsterdamNights', start: '2026-03-03T23:00:00+01:00', minutes: 120, deadline: '2026-03-04T01:00:00+01:00' },
  { name: 'night shift resumes at 22:00', cal: 'amsterdamNights', start: '2026-03-04T05:00:00+01:00', minutes: 120, deadline: '2026-03-04T23:00:00+01:00' },
  { name: 'night shift on the spring-forward night loses 02:00–03:00', cal: 'amsterdamNights', start: '2026-03-28T23:00:00+01:00', minutes: 240, deadline: '2026-03-29T04:00:00+02:00' },
  { name: 'night shift on the fall-back night works 02:00–03:00 twice', cal: 'amsterdamNights', start: '2026-10-24T23:00:00+02:00', minutes: 300, deadline: '2026-10-25T03:00:00+01:00' },

  { name: 'Sunday 22:00–24:00 runs on into Monday 00:00–02:00 across the week boundary', cal: 'amsterdamSundayNight', start: '2026-03-08T23:00:00+01:00', minutes: 120, deadline: '2026-03-09T01:00:00+01:00' },
  { name: 'Monday 02:00 waits for Sunday 22:00', cal: 'amsterdamSundayNight', start: '2026-03-09T02:00:00+01:00', minutes: 1, deadline: '2026-03-15T22:01:00+01:00' },

  // Before 1970 (negative time values) and across 1970-01-01
  { name: 'New York 1969: Christmas Thursday to the next week', cal: 'newYorkOffice1960s', start: '1969-12-24T16:00:00-05:00', minutes: 120, deadline: '1969-12-26T10:00:00-05:00' },
  { name: 'New York across 1970-01-01 (a holiday)', cal: 'newYorkOffice1960s', start: '1969-12-31T16:30:00-05:00', minutes: 60, deadline: '1970-01-02T09:30:00-05:00' },
  { name: 'New York 1969 across the fall-back weekend', cal: 'newYorkOffice1960s', start: '1969-10-24T16:00:00-04:00', minutes: 480, deadline: '1969-10-27T16:00:00-05:00' },

  // 24x7 and small hours across DST
  { name: '24x7 Amsterdam spring-forward: 24 h later the wall clock shows 13:00', cal: 'amsterdam24x7', start: '2026-03-28T12:00:00+01:00', minutes: 1440, deadline: '2026-03-29T13:00:00+02:00' },
  { name: '24x7 Amsterdam fall-back: 24 h later the wall clock shows 11:00', cal: 'amsterdam24x7', start: '2026-10-24T12:00:00+02:00', minutes: 1440, deadline: '2026-10-25T11:00:00+01:00' },
  { name: '24x7 Amsterdam across the gap itself', cal: 'amsterdam24x7', start: '2026-03-29T01:30:00+01:00', minutes: 60, deadline: '2026-03-29T03:30:00+02:00' },
  { name: 'a week whose only working time (Sun 02:00–02:30) the spring-forward skips', cal: 'amsterdamSundaySmallHours', start: '2026-03-28T12:00:00+01:00', minutes: 30, deadline: '2026-04-05T02:30:00+02:00' },
  { name: 'Sun 02:00–02:30 happens twice on the fall-back day', cal: 'amsterdamSundaySmallHours', start: '2026-10-25T02:15:00+02:00', minutes: 30, deadline: '2026-10-25T02:15:00+01:00' },
  { name: 'interval 01:00–04:00 on the Amsterdam spring-forward day', cal: 'amsterdamSmallHours', start: '2026-03-29T01:00:00+01:00', minutes: 90, deadline: '2026-03-29T03:30:00+02:00' },
  { name: 'interval 01:00–04:00 on the Amsterdam fall-back day', cal: 'amsterdamSmallHours', start: '2026-10-25T01:00:00+02:00', minutes: 150, deadline: '2026-10-25T02:30:00+01:00' },
  { name: 'New York office across the spring-forward weekend', cal: 'newYorkOffice', start: '2026-03-06T16:30:00-05:00', minutes: 60, deadline: '2026-03-09T09:30:00-04:00' },
  { name: 'New York 01:00–04:00: start in the first 01:30, an hour later is the second 01:30', cal: 'newYorkSmallHours', start: '2026-11-01T01:30:00-04:00', minutes: 60, deadline: '2026-11-01T01:30:00-05:00' },
  { name: 'New York 01:00–04:00: start in the repeated hour', cal: 'newYorkSmallHours', start: '2026-11-01T01:30:00-05:00', minutes: 60, deadline: '2026-11-01T02:30:00-05:00' },
  { name: 'New York 01:00–04:00 spring-forward: 01:30 + 60 → 03:30', cal: 'newYorkSmallHours', start: '2026-03-08T01:30:00-05:00', minutes: 60, deadline: '2026-03-08T03:30:00-04:00' },
  { name: 'Sydney office across the fall-back weekend', cal: 'sydneyOffice', start: '2026-04-03T16:30:00+11:00', minutes: 60, deadline: '2026-04-06T09:30:00+10:00' },
  { name: 'Sydney 01:00–04:00 spring-forward: 01:30 + 60 → 03:30', cal: 'sydneySmallHours', start: '2026-10-04T01:30:00+10:00', minutes: 60, deadline: '2026-10-04T03:30:00+11:00' },
  { name: 'Lord Howe 30-minute spring-forward skips 02:00–02:30', cal: 'lordHoweSmallHours', start: '2026-10-04T01:45:00+10:30', minutes: 30, deadline: '2026-10-04T02:45:00+11:00' },
  { name: 'Lord Howe 30-minute fall-back repeats 01:30–02:00', cal: 'lordHoweSmallHours', start: '2026-04-05T01:45:00+11:00', minutes: 30, deadline: '2026-04-05T01:45:00+10:30' },
  { name: 'Lord Howe 24x7: 24 h across the spring-forward', cal: 'lordHowe24x7', start: '2026-10-03T12:00:00+10:30', minutes: 1440, deadline: '2026-10-04T12:30:00+11:00' },
  { name: 'Kathmandu (+05:45) Friday 16:30 + 1 h → Monday 09:30', cal: 'kathmanduOffice', start: '2026-03-06T16:30:00+05:45', minutes: 60, deadline: '2026-03-09T09:30:00+05:45' },
  { name: 'Kathmandu 1986: 2 min after 23:59 (+05:30) is 00:16 (+05:45)', cal: 'kathmandu24x7', start: '1985-12-31T23:59:00+05:30', minutes: 2, deadline: '1986-01-01T00:16:00+05:45' },
  { name: 'Kathmandu 1986: 00:00–01:00 opened at 00:15 on the day of the switch', cal: 'kathmanduFirstHour', start: '1985-12-31T23:59:00+05:30', minutes: 2, deadline: '1986-01-01T00:17:00+05:45' },
  { name: "St John's (−03:30) office across the spring-forward weekend", cal: 'stJohnsOffice', start: '2026-03-06T16:30:00-03:30', minutes: 60, deadline: '2026-03-09T09:30:00-02:30' },
  { name: "St John's 01:00–04:00 fall-back repeats 01:00–02:00", cal: 'stJohnsSmallHours', start: '2026-11-01T01:30:00-02:30', minutes: 60, deadline: '2026-11-01T01:30:00-03:30' },
  { name: "St John's 24x7 spring-forward", cal: 'stJohns24x7', start: '2026-03-07T12:00:00-03:30', minutes: 1440, deadline: '2026-03-08T13:00:00-02:30' },
];

describe('addBusinessMinutes', () => {
  it.each(deadlineCases)('$name', ({ cal, start, minutes, pauses, deadline }) => {
    const result = addBusinessMinutes(calendar(cal), at(start), minutes, pauses);
    expect(result.toISOString()).toBe(at(deadline).toISOString());
    expect(bruteAddBusinessMinutes(calendars[cal], at(start), minutes, pauses).toISOString()).toBe(at(deadline).toISOString());
  });

  it('does not change its arguments', () => {
    const start = at('2026-03-06T16:30:00+01:00');
    const pauses = [pause('2026-03-09T08:00:00Z', '2026-03-09T09:00:00Z')];
    addBusinessMinutes(calendar('amsterdamOffice'), start, 60, pauses);
    expect(start.toISOString()).toBe('2026-03-06T15:30:00.000Z');
    expect(pauses[0]?.from.toISOString()).toBe('2026-03-09T08:00:00.000Z');
  });

  it('is the start itself for 0 minutes, also inside a pause', () => {
    const start = at('2026-03-03T10:00:00+01:00');
    expect(addBusinessMinutes(calendar('amsterdamOffice'), start, 0, [pause('2026-03-03T09:00:00+01:00', '2026-03-03T11:00:00+01:00')]).getTime()).toBe(start.getTime());
  });
});

interface MeasureCase {
  name: string;
  cal: CalendarName;
  from: string;
  to: string;
  pauses?: Pause[];
  minutes: number;
}

const measureCases: MeasureCase[] = [
  { name: 'Friday 16:00 → Monday 10:00 is 2 h', cal: 'amsterdamOffice', from: '2026-03-06T16:00:00+01:00', to: '2026-03-09T10:00:00+01:00', minutes: 120 },
  { name: 'to before from is 0', cal: 'amsterdamOffice', from: '2026-03-09T10:00:00+01:00', to: '2026-03-06T16:00:00+01:00', minutes: 0 },
  { name: 'Christmas week holds four days', cal: 'amsterdamOffice', from: '2026-12-21T00:00:00+01:00', to: '2026-12-28T00:00:00+01:00', minutes: 4 * 480 },
  { name: 'milliseconds count as fractions of a minute', cal: 'amsterdamOffice', from: '2026-03-05T09:00:00.500+01:00', to: '2026-03-05T09:01:00+01:00', minutes: 59_500 / 60_000 },
  {
    name: 'overlapping pauses are removed once',
    cal: 'amsterdamOffice',
    from: '2026-03-03T09:00:00+01:00',
    to: '2026-03-03T17:00:00+01:00',
    pauses: [pause('2026-03-03T10:00:00+01:00', '2026-03-03T11:00:00+01:00'), pause('2026-03-03T10:30:00+01:00', '2026-03-03T12:00:00+01:00')],
    minutes: 360,
  },
  { name: 'a pause reaching outside the range only removes its inside', cal: 'amsterdamOffice', from: '2026-03-03T12:00:00+01:00', to: '2026-03-03T17:00:00+01:00', pauses: [pause('2026-03-03T08:00:00+01:00', '2026-03-03T13:00:00+01:00')], minutes: 240 },
  { name: 'night shift across midnight', cal: 'amsterdamNights', from: '2026-03-03T21:00:00+01:00', to: '2026-03-04T07:00:00+01:00', minutes: 480 },
  { name: 'Amsterdam spring-forward day has 23 h (24x7)', cal: 'amsterdam24x7', from: '2026-03-29T00:00:00+01:00', to: '2026-03-30T00:00:00+02:00', minutes: 1380 },
  { name: 'Amsterdam fall-back day has 25 h (24x7)', cal: 'amsterdam24x7', from: '2026-10-25T00:00:00+02:00', to: '2026-10-26T00:00:00+01:00', minutes: 1500 },
  { name: 'Amsterdam 01:00–04:00 holds 2 h on the spring-forward day', cal: 'amsterdamSmallHours', from: '2026-03-29T00:00:00+01:00', to: '2026-03-30T00:00:00+02:00', minutes: 120 },
  { name: 'Amsterdam 01:00–04:00 holds 4 h on the fall-back day', cal: 'amsterdamSmallHours', from: '2026-10-25T00:00:00+02:00', to: '2026-10-26T00:00:00+01:00', minutes: 240 },
  { name: 'Sun 02:00–02:30 holds nothing on the spring-forward day', cal: 'amsterdamSundaySmallHours', from: '2026-03-29T00:00:00+01:00', to: '2026-03-30T00:00:00+02:00', minutes: 0 },
  { name: 'Sun 02:00–02:30 holds an hour on the fall-back day', cal: 'amsterdamSundaySmallHours', from: '2026-10-25T00:00:00+02:00', to: '2026-10-26T00:00:00+01:00', minutes: 60 },
  { name: 'design §2: 01:00–02:30 holds 60 real minutes on the spring-forward day', cal: 'amsterdamDesignExample', from: '2026-03-29T00:00:00+01:00', to: '2026-03-30T00:00:00+02:00', minutes: 60 },
  { name: 'New York spring-forward day has 23 h (24x7)', cal: 'newYork24x7', from: '2026-03-08T00:00:00-05:00', to: '2026-03-09T00:00:00-04:00', minutes: 1380 },
  { name: 'New York fall-back day has 25 h (24x7)', cal: 'newYork24x7', from: '2026-11-01T00:00:00-04:00', to: '2026-11-02T00:00:00-05:00', minutes: 1500 },
  { name: 'New York 01:00–04:00 holds 2 h / 4 h on DST days (spring)', cal: 'newYorkSmallHours', from: '2026-03-08T00:00:00-05:00', to: '2026-03-09T00:00:00-04:00', minutes: 120 },
  { name: 'New York 01:00–04:00 holds 2 h / 4 h on DST days (fall)', cal: 'newYorkSmallHours', from: '2026-11-01T00:00:00-04:00', to: '2026-11-02T00:00:00-05:00', minutes: 240 },
  { name: 'Sydney fall-back day (April) has 25 h', cal: 'sydney24x7', from: '2026-04-05T00:00:00+11:00', to: '2026-04-06T00:00:00+10:00', minutes: 1500 },
  { name: 'Sydney spring-forward day (October) has 23 h', cal: 'sydney24x7', from: '2026-10-04T00:00:00+10:00', to: '2026-10-05T00:00:00+11:00', minutes: 1380 },
  { name: 'Sydney 01:00–04:00 holds 4 h on the fall-back day', cal: 'sydneySmallHours', from: '2026-04-05T00:00:00+11:00', to: '2026-04-06T00:00:00+10:00', minutes: 240 },
  { name: 'Sydney 01:00–04:00 holds 2 h on the spring-forward day', cal: 'sydneySmallHours', from: '2026-10-04T00:00:00+10:00', to: '2026-10-05T00:00:00+11:00', minutes: 120 },
  { name: 'Lord Howe fall-back day has 24.5 h', cal: 'lordHowe24x7', from: '2026-04-05T00:00:00+11:00', to: '2026-04-06T00:00:00+10:30', minutes: 1470 },
  { name: 'Lord Howe spring-forward day has 23.5 h', cal: 'lordHowe24x7', from: '2026-10-04T00:00:00+10:30', to: '2026-10-05T00:00:00+11:00', minutes: 1410 },
  { name: 'Lord Howe 01:00–04:00 holds 3.5 h on the fall-back day', cal: 'lordHoweSmallHours', from: '2026-04-05T00:00:00+11:00', to: '2026-04-06T00:00:00+10:30', minutes: 210 },
  { name: 'Lord Howe 01:00–04:00 holds 2.5 h on the spring-forward day', cal: 'lordHoweSmallHours', from: '2026-10-04T00:00:00+10:30', to: '2026-10-05T00:00:00+11:00', minutes: 150 },
  { name: 'Kathmandu office week (+05:45)', cal: 'kathmanduOffice', from: '2026-03-02T00:00:00+05:45', to: '2026-03-09T00:00:00+05:45', minutes: 2400 },
  { name: 'Kathmandu 1986-01-01 lasted 23 h 45 min', cal: 'kathmandu24x7', from: '1986-01-01T00:00:00+05:30', to: '1986-01-02T00:00:00+05:45', minutes: 1425 },
  { name: 'Kathmandu 00:00–01:00 held 45 min on 1986-01-01', cal: 'kathmanduFirstHour', from: '1986-01-01T00:00:00+05:30', to: '1986-01-02T00:00:00+05:45', minutes: 45 },
  { name: "St John's spring-forward day has 23 h", cal: 'stJohns24x7', from: '2026-03-08T00:00:00-03:30', to: '2026-03-09T00:00:00-02:30', minutes: 1380 },
  { name: "St John's fall-back day has 25 h", cal: 'stJohns24x7', from: '2026-11-01T00:00:00-02:30', to: '2026-11-02T00:00:00-03:30', minutes: 1500 },
  { name: "St John's 01:00–04:00 holds 2 h on the spring-forward day", cal: 'stJohnsSmallHours', from: '2026-03-08T00:00:00-03:30', to: '2026-03-09T00:00:00-02:30', minutes: 120 },
  { name: "St John's 01:00–04:00 holds 4 h on the fall-back day", cal: 'stJohnsSmallHours', from: '2026-11-01T00:00:00-02:30', to: '2026-11-02T00:00:00-03:30', minutes: 240 },
];

describe('businessMinutesBetween', () => {
  it.each(measureCases)('$name', ({ cal, from, to, pauses, minutes }) => {
    expect(businessMinutesBetween(calendar(cal), at(from), at(to), pauses)).toBe(minutes);
    expect(bruteBusinessMinutesBetween(calendars[cal], at(from), at(to), pauses)).toBe(minutes);
  });

  it('measures a year of Amsterdam office time: 2026 has 253 working days minus 1 holiday', () => {
    // 261 weekdays in 2026; Christmas (Fri) is a holiday, 26 Dec is a Saturday; 2027-01-01 lies outside.
    expect(businessMinutesBetween(calendar('amsterdamOffice'), at('2026-01-01T00:00:00+01:00'), at('2027-01-01T00:00:00+01:00'))).toBe(260 * 480);
  });

  it('is the inverse of addBusinessMinutes, pauses included', () => {
    const cal = calendar('amsterdamOffice');
    const start = at('2026-12-23T11:17:00.123+01:00');
    const pauses = [pause('2026-12-23T12:00:00+01:00', '2026-12-24T10:00:00+01:00'), pause('2026-12-30T00:00:00+01:00', '2026-12-30T12:00:00+01:00')];
    for (const minutes of [1, 59, 60, 479, 480, 481, 2400, 10_000]) {
      expect(businessMinutesBetween(cal, start, addBusinessMinutes(cal, start, minutes, pauses), pauses)).toBe(minutes);
    }
  });
});

describe('many and unusual pauses', () => {
  const cal = calendar('amsterdamOffice');
  const start = at('2026-03-02T09:00:00+01:00');

  it('handles a thousand unsorted, overlapping pauses like their union', () => {
    // Every hour 10:00–10:30 and 10:15–11:00 on the weekdays of four weeks, shuffled: union 10:00–11:00.
    const pauses: Pause[] = [];
    for (let day = 0; day < 28; day++) {
      for (const [from, to] of [['10:00', '10:30'], ['10:15', '11:00']] as const) {
        for (let copy = 0; copy < 18; copy++) {
          const date = new Date(Date.UTC(2026, 2, 2 + day)).toISOString().slice(0, 10);
          pauses.push(pause(`${date}T${from}:00+01:00`, `${date}T${to}:00+01:00`));
        }
      }
    }
    pauses.sort((a, b) => ((a.from.getTime() * 7919) % 1000) - ((b.from.getTime() * 7919) % 1000));
    expect(pauses.length).toBeGreaterThan(1000);
    const union = Array.from({ length: 28 }, (_, day) => {
      const date = new Date(Date.UTC(2026, 2, 2 + day)).toISOString().slice(0, 10);
      return pause(`${date}T10:00:00+01:00`, `${date}T11:00:00+01:00`);
    });
    // 5 weekdays × 7 business hours a day (one hour paused) = 35 h a week.
    expect(addBusinessMinutes(cal, start, 35 * 60, pauses).toISOString()).toBe(at('2026-03-06T17:00:00+01:00').toISOString());
    expect(addBusinessMinutes(cal, start, 100 * 60, pauses).getTime()).toBe(addBusinessMinutes(cal, start, 100 * 60, union).getTime());
    expect(businessMinutesBetween(cal, start, at('2026-03-30T00:00:00+02:00'), pauses)).toBe(20 * 7 * 60);
  });

  it('stays correct when a pause getter runs another query', () => {
    let inner: Date | undefined;
    const sneaky = {
      get from(): Date {
        inner = addBusinessMinutes(cal, start, 30, [pause('2026-03-02T09:00:00+01:00', '2026-03-02T09:10:00+01:00')]);
        return at('2026-03-02T09:30:00+01:00');
      },
      to: at('2026-03-02T10:00:00+01:00'),
    };
    const outer = addBusinessMinutes(cal, start, 60, [pause('2026-03-02T12:00:00+01:00', '2026-03-02T13:00:00+01:00'), sneaky]);
    expect(outer.toISOString()).toBe(at('2026-03-02T10:30:00+01:00').toISOString());
    expect(inner?.toISOString()).toBe(at('2026-03-02T09:40:00+01:00').toISOString());
  });
});

describe('no business time within three years', () => {
  const mondays = (fromYear: number, toYear: number): string[] => {
    const days: string[] = [];
    for (let t = Date.UTC(fromYear, 0, 1); t < Date.UTC(toYear + 1, 0, 1); t += 86_400_000) {
      if (new Date(t).getUTCDay() === 1) days.push(new Date(t).toISOString().slice(0, 10));
    }
    return days;
  };
  const mondayOnly = (holidays: string[]) => compileCalendar({ timeZone: 'UTC', week: { mon: [['09:00', '17:00']] }, holidays });
  const allDay = compileCalendar({ timeZone: 'UTC', week: everyDay([['00:00', '24:00']]) });

  it('throws NoBusinessTimeError when four years of holidays cover every working day', () => {
    const cal = mondayOnly(mondays(2026, 2029));
    expect(() => addBusinessMinutes(cal, at('2026-01-01T00:00:00Z'), 60)).toThrow(NoBusinessTimeError);
    expect(() => addBusinessMinutes(cal, at('2026-01-01T00:00:00Z'), 60)).toThrow(/no business time within 1096 days/);
  });

  it('still measures such a calendar (0 minutes) instead of throwing', () => {
    const cal = mondayOnly(mondays(2026, 2029));
    expect(businessMinutesBetween(cal, at('2026-01-01T00:00:00Z'), at('2030-01-01T00:00:00Z'))).toBe(0);
    expect(businessMinutesBetween(cal, at('2026-01-01T00:00:00Z'), at('2030-01-08T00:00:00Z'))).toBe(480);
  });

  it('waits through two years of holidays', () => {
    const cal = mondayOnly(mondays(2026, 2027));
    expect(addBusinessMinutes(cal, at('2026-01-01T00:00:00Z'), 60).toISOString()).toBe('2028-01-03T10:00:00.000Z');
  });

  it('throws when holidays stop the clock mid-way through a long deadline', () => {
    const cal = mondayOnly(mondays(2027, 2030));
    expect(addBusinessMinutes(cal, at('2026-01-01T00:00:00Z'), 480).toISOString()).toBe('2026-01-05T17:00:00.000Z');
    expect(() => addBusinessMinutes(cal, at('2026-01-01T00:00:00Z'), 480 * 60)).toThrow(NoBusinessTimeError);
  });

  it('throws for a pause of four years, and waits through one of two', () => {
    expect(() => addBusinessMinutes(allDay, at('2026-01-01T00:00:00Z'), 1, [pause('2025-06-01T00:00:00Z', '2030-01-01T00:00:00Z')])).toThrow(NoBusinessTimeError);
    expect(addBusinessMinutes(allDay, at('2026-01-01T00:00:00Z'), 1, [pause('2025-06-01T00:00:00Z', '2028-01-01T00:00:00Z')]).toISOString()).toBe('2028-01-01T00:01:00.000Z');
  });

  it('adds up a pause and holidays that follow it (two years each)', () => {
    const cal = mondayOnly(mondays(2028, 2029));
    const twoYearPause = [pause('2026-01-01T00:00:00Z', '2028-01-01T00:00:00Z')];
    expect(() => addBusinessMinutes(cal, at('2026-01-01T00:00:00Z'), 60, twoYearPause)).toThrow(NoBusinessTimeError);
  });

  it('names the instant since which it waited', () => {
    const cal = mondayOnly(mondays(2026, 2029));
    try {
      addBusinessMinutes(cal, at('2026-01-01T00:00:00Z'), 60);
      throw new Error('expected a NoBusinessTimeError');
    } catch (error) {
      expect(error).toBeInstanceOf(NoBusinessTimeError);
      expect((error as NoBusinessTimeError).since.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    }
  });
});

describe('argument checks', () => {
  const cal = calendar('amsterdamOffice');
  const start = at('2026-03-03T10:00:00+01:00');

  it.each([
    ['negative', -1, RangeError, /negative/],
    ['NaN', Number.NaN, RangeError, /NaN/],
    ['Infinity', Infinity, RangeError, /finite/],
    ['-Infinity', -Infinity, RangeError, /negative/],
    ['a string', '60', TypeError, /number/],
    ['so large the deadline leaves the supported range', 1e12, RangeError, /supported range/],
  ])('rejects minutes that are %s', (_name, minutes, type, message) => {
    expect(() => addBusinessMinutes(cal, start, minutes as number)).toThrow(type);
    expect(() => addBusinessMinutes(cal, start, minutes as number)).toThrow(message);
  });

  it.each([
    ['an invalid Date', new Date(Number.NaN), RangeError],
    ['a string', '2026-03-03T10:00:00Z', TypeError],
    ['a number', 1_772_528_400_000, TypeError],
    ['undefined', undefined, TypeError],
    ['before 1800', new Date('1700-01-01T00:00:00Z'), RangeError],
    ['after 2400', new Date('2500-01-01T00:00:00Z'), RangeError],
  ])('rejects a start that is %s', (_name, value, type) => {
    expect(() => addBusinessMinutes(cal, value as Date, 60)).toThrow(type);
    expect(() => businessMinutesBetween(cal, value as Date, start)).toThrow(type);
    expect(() => businessMinutesBetween(cal, start, value as Date)).toThrow(type);
  });

  it.each([
    ['not an array', { from: start, to: start }, TypeError, /pauses must be an array/],
    ['null', null, TypeError, /pauses must be an array/],
    ['an array holding null', [null], TypeError, /pauses\[0\]/],
    ['missing to', [{ from: start }], TypeError, /pauses\[0\]\.to must be a Date/],
    ['with an invalid Date', [{ from: start, to: new Date(Number.NaN) }], RangeError, /pauses\[0\]\.to is an invalid Date/],
  ])('rejects pauses that are %s', (_name, pauses, type, message) => {
    expect(() => addBusinessMinutes(cal, start, 60, pauses as Pause[])).toThrow(type);
    expect(() => addBusinessMinutes(cal, start, 60, pauses as Pause[])).toThrow(message);
    expect(() => businessMinutesBetween(cal, start, at('2026-03-04T10:00:00+01:00'), pauses as Pause[])).toThrow(message);
  });

  it('rejects an object that only claims to be a Date', () => {
    const fake = { [Symbol.toStringTag]: 'Date', valueOf: () => 0 };
    expect(() => addBusinessMinutes(cal, fake as unknown as Date, 60)).toThrow(TypeError);
    expect(() => addBusinessMinutes(cal, start, 60, [{ from: start, to: fake as unknown as Date }])).toThrow(/pauses\[0\]\.to must be a Date/);
  });

  it('rejects deadlines beyond 2400 but reaches 2400-01-01T00:00Z itself', () => {
    const allDay = compileCalendar({ timeZone: 'UTC', week: everyDay([['00:00', '24:00']]) });
    expect(addBusinessMinutes(allDay, at('2399-12-31T00:00:00Z'), 1440).toISOString()).toBe('2400-01-01T00:00:00.000Z');
    expect(() => addBusinessMinutes(allDay, at('2399-12-31T00:00:00Z'), 1441)).toThrow(RangeError);
    expect(() => addBusinessMinutes(cal, at('2399-12-30T00:00:00Z'), 480 * 3)).toThrow(/supported range/);
  });

  it('rejects a calendar that was not compiled', () => {
    expect(() => addBusinessMinutes(calendars.amsterdamOffice as unknown as CompiledCalendar, start, 60)).toThrow(TypeError);
    const lookalike: unknown = { timeZone: 'UTC', definition: calendars.amsterdamOffice };
    expect(() => businessMinutesBetween(lookalike as CompiledCalendar, start, start)).toThrow(/compileCalendar/);
  });

  it('accepts a Date from another realm', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runInNewContext } = require('node:vm') as typeof import('node:vm');
    const foreign = runInNewContext('new Date("2026-03-06T15:30:00Z")') as Date;
    expect(addBusinessMinutes(cal, foreign, 60).toISOString()).toBe('2026-03-09T08:30:00.000Z');
  });
});

describe('compileCalendar', () => {
  const valid = { timeZone: 'Europe/Amsterdam', week: { mon: [['09:00', '17:00']] } };

  it.each([
    ['an unknown time zone', { ...valid, timeZone: 'Europe/Atlantis' }, 'timeZone'],
    ['a missing time zone', { week: valid.week }, 'timeZone'],
    ['an offset instead of a zone', { ...valid, timeZone: '+01:00' }, 'timeZone'],
    ['a time zone of the wrong type', { ...valid, timeZone: 1 }, 'timeZone'],
    ['"25:00"', { ...valid, week: { mon: [['09:00', '25:00']] } }, 'week.mon[0][1]'],
    ['a time without leading zero', { ...valid, week: { mon: [['9:00', '17:00']] } }, 'week.mon[0][0]'],
    ['"24:30"', { ...valid, week: { mon: [['09:00', '24:30']] } }, 'week.mon[0][1]'],
    ['start after end', { ...valid, week: { mon: [['17:00', '09:00']] } }, 'week.mon[0]'],
    ['start equal to end', { ...valid, week: { mon: [['09:00', '09:00']] } }, 'week.mon[0]'],
    ['"24:00" as a start', { ...valid, week: { mon: [['24:00', '24:00']] } }, 'week.mon[0]'],
    ['overlapping intervals in one day', { ...valid, week: { tue: [['08:00', '12:00'], ['11:00', '17:30']] } }, 'week.tue[1]'],
    ['overlapping intervals listed out of order', { ...valid, week: { tue: [['13:00', '17:00'], ['08:00', '14:00']] } }, 'week.tue[1]'],
    ['an interval inside another', { ...valid, week: { fri: [['08:00', '18:00'], ['12:00', '13:00']] } }, 'week.fri[1]'],
    ['an unknown weekday key', { ...valid, week: { mon: [['09:00', '17:00']], xyz: [] } }, 'week.xyz'],
    ['a weekday written out', { ...valid, week: { monday: [['09:00', '17:00']] } }, 'week.monday'],
    ['a malformed holiday', { ...valid, holidays: ['2026-01-01', '2026-04-27', '2026-5-5'] }, 'holidays[2]'],
    ['an impossible holiday', { ...valid, holidays: ['2026-01-01', '2026-04-27', '2026-02-30'] }, 'holidays[2]'],
    ['29 February of a common year', { ...valid, holidays: ['2027-02-29'] }, 'holidays[0]'],
    ['a holiday that is not a string', { ...valid, holidays: [20_260_101] }, 'holidays[0]'],
    ['a week without working time', { ...valid, week: {} }, 'week'],
    ['a week of empty days', { ...valid, week: { mon: [], sat: [] } }, 'week'],
    ['a day that is not a list', { ...valid, week: { mon: '09:00-17:00' } }, 'week.mon'],
    ['an interval of three times', { ...valid, week: { mon: [['09:00', '12:00', '17:00']] } }, 'week.mon[0]'],
    ['holidays that are not a list', { ...valid, holidays: '2026-12-25' }, 'holidays'],
    ['an unknown top-level key', { ...valid, name: 'Office' }, 'name'],
    ['null', null, '(root)'],
    ['a string', 'Europe/Amsterdam', '(root)'],
  ])('rejects %s, naming the field', (_name, definition, field) => {
    expect(() => compileCalendar(definition)).toThrow(CalendarError);
    try {
      compileCalendar(definition);
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarError);
      expect((error as CalendarError).field).toBe(field);
      expect((error as CalendarError).message).toContain(field);
    }
  });

  it.each([
    ['touching intervals', { ...valid, week: { mon: [['09:00', '12:00'], ['12:00', '17:00']] } }],
    ['a whole day 00:00–24:00', { ...valid, week: { sun: [['00:00', '24:00']] } }],
    ['29 February of a leap year and duplicate holidays', { ...valid, holidays: ['2028-02-29', '2026-12-25', '2026-12-25'] }],
    ['a zone alias', { ...valid, timeZone: 'US/Eastern' }],
    ['UTC', { ...valid, timeZone: 'UTC' }],
  ])('accepts %s', (_name, definition) => {
    expect(compileCalendar(definition)).toBeInstanceOf(CompiledCalendar);
  });

  it('keeps a frozen copy of the definition', () => {
    const definition = { timeZone: 'Europe/Amsterdam', week: { mon: [['09:00', '17:00']] as Intervals }, holidays: ['2026-12-25'] };
    const cal = compileCalendar(definition);
    definition.week.mon[0] = ['00:00', '24:00'];
    expect(cal.definition.week.mon).toEqual([['09:00', '17:00']]);
    expect(Object.isFrozen(cal.definition.week)).toBe(true);
    expect(cal.weeklyBusinessMinutes).toBe(480);
    expect(addBusinessMinutes(cal, at('2026-03-02T16:00:00+01:00'), 120).toISOString()).toBe(at('2026-03-09T10:00:00+01:00').toISOString());
  });

  it('lists every issue, not only the first', () => {
    try {
      compileCalendar({ timeZone: 'Nowhere/City', week: { mon: [['09:00', '25:00']] }, holidays: ['2026-02-30'] });
      throw new Error('expected a CalendarError');
    } catch (error) {
      expect((error as CalendarError).issues.map((issue) => issue.field)).toEqual(['timeZone', 'week.mon[0][1]', 'holidays[0]']);
    }
  });
});
