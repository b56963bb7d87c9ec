/**
 * Named and yearly holidays (issue 12.1): the engine accepts design §2's plain dates exactly as
 * before, plus `{ date, name }` and `{ yearly: "MM-DD", name }`, and a calendar with yearly holidays
 * gives exactly the answers of the same calendar with those dates written out.
 */
import {
  calendarDefinitionSchema,
  holidayDates,
  holidaysWithoutNames,
  parseMonthDay,
  RECURRING_HOLIDAY_YEARS,
} from '../../src/contract/calendar';
import { addBusinessMinutes, businessMinutesBetween, CalendarError, compileCalendar } from '../../src/domain/business-time';

const office = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] } as const;

function writtenOut(monthDay: string): string[] {
  const out: string[] = [];
  for (let year = RECURRING_HOLIDAY_YEARS.from; year <= RECURRING_HOLIDAY_YEARS.to; year++) {
    const text = `${year}-${monthDay}`;
    if (monthDay !== '02-29' || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) out.push(text);
  }
  return out;
}

describe('parseMonthDay', () => {
  it.each([
    ['12-25', { month: 12, day: 25 }],
    ['02-29', { month: 2, day: 29 }],
    ['01-01', { month: 1, day: 1 }],
  ])('reads %s', (text, expected) => {
    expect(parseMonthDay(text)).toEqual(expected);
  });

  it.each(['02-30', '13-01', '00-10', '4-27', '2026-12-25', '12/25', ''])('refuses %j', (text) => {
    expect(parseMonthDay(text)).toBeUndefined();
  });
});

describe('holiday forms', () => {
  it('keeps the design §2 plain dates exactly as they are', () => {
    const definition = { timeZone: 'Europe/Amsterdam', week: office, holidays: ['2026-12-25', '2026-12-26'] };
    expect(calendarDefinitionSchema.parse(definition)).toEqual(definition);
    expect(compileCalendar(definition).definition.holidays).toEqual(['2026-12-25', '2026-12-26']);
  });

  it.each<[string, unknown[]]>([
    ['named dates', [{ date: '2026-12-25', name: 'Christmas Day' }, { date: '2026-12-28' }]],
    ['a yearly holiday', [{ yearly: '12-25', name: 'Christmas Day' }, '2026-12-28']],
  ])('compiles %s to the same business time as plain dates', (_name, holidays) => {
    const plain = compileCalendar({ timeZone: 'Europe/Amsterdam', week: office, holidays: ['2026-12-25', '2026-12-28'] });
    const other = compileCalendar({ timeZone: 'Europe/Amsterdam', week: office, holidays });
    const start = new Date('2026-12-24T15:00:00+01:00');
    expect(addBusinessMinutes(other, start, 600)).toEqual(addBusinessMinutes(plain, start, 600));
    expect(addBusinessMinutes(plain, start, 600).toISOString()).toBe('2026-12-29T16:00:00.000Z') // Thu 2 h, Fri and Mon off, Tue 8 h;
  });

  it('expands a yearly holiday into every year of RECURRING_HOLIDAY_YEARS, 29 February in leap years only', () => {
    expect(holidayDates([{ yearly: '12-25' }])).toHaveLength(RECURRING_HOLIDAY_YEARS.to - RECURRING_HOLIDAY_YEARS.from + 1);
    const leap = holidayDates([{ yearly: '02-29' }]);
    expect(leap.map((d) => d.year)).toEqual(writtenOut('02-29').map((text) => Number(text.slice(0, 4))));
    expect(leap).toContainEqual({ year: 2000, month: 2, day: 29 });
    expect(leap).not.toContainEqual({ year: 2100, month: 2, day: 29 });
  });

  it('gives exactly the answers of the written-out calendar over decades', () => {
    const yearly = compileCalendar({ timeZone: 'America/New_York', week: office, holidays: [{ yearly: '07-04' }, { yearly: '12-25' }, { yearly: '01-01' }] });
    const dated = compileCalendar({ timeZone: 'America/New_York', week: office, holidays: [...writtenOut('07-04'), ...writtenOut('12-25'), ...writtenOut('01-01')] });
    for (let year = 2001; year < 2190; year += 7) {
      const from = new Date(`${year}-06-30T12:00:00Z`);
      const to = new Date(`${year + 1}-01-03T12:00:00Z`);
      expect(businessMinutesBetween(yearly, from, to)).toBe(businessMinutesBetween(dated, from, to));
      expect(addBusinessMinutes(yearly, from, 2400)).toEqual(addBusinessMinutes(dated, from, 2400));
    }
  });

  it('is a working day outside RECURRING_HOLIDAY_YEARS (documented limit)', () => {
    const yearly = compileCalendar({ timeZone: 'UTC', week: office, holidays: [{ yearly: '12-25' }] });
    // 25 December 2199 is a Wednesday and a holiday; in 2205 (a Friday) the expansion has stopped.
    expect(businessMinutesBetween(yearly, new Date('2199-12-25T00:00:00Z'), new Date('2199-12-26T00:00:00Z'))).toBe(0);
    expect(businessMinutesBetween(yearly, new Date('2205-12-25T00:00:00Z'), new Date('2205-12-26T00:00:00Z'))).toBe(480);
  });

  it.each<[string, unknown, string]>([
    ['a yearly day that does not exist', { yearly: '02-30' }, 'holidays[0].yearly'],
    ['a named holiday with a bad date', { date: '2026-02-30', name: 'x' }, 'holidays[0].date'],
    ['an empty name', { date: '2026-12-25', name: '  ' }, 'holidays[0].name'],
    ['an unknown key', { date: '2026-12-25', nmae: 'Christmas' }, 'holidays[0].nmae'],
    ['an object that is neither', { day: '12-25' }, 'holidays[0]'],
    ['a number', 20261225, 'holidays[0]'],
  ])('refuses %s, naming %s', (_name, holiday, field) => {
    expect(() => compileCalendar({ timeZone: 'UTC', week: office, holidays: [holiday] })).toThrow(CalendarError);
    try {
      compileCalendar({ timeZone: 'UTC', week: office, holidays: [holiday] });
    } catch (error) {
      expect(error instanceof CalendarError ? error.field : null).toBe(field);
    }
  });

  it('strips names for the engine and the records', () => {
    expect(holidaysWithoutNames(['2026-01-01', { date: '2026-12-26', name: 'Boxing Day' }, { yearly: '12-25', name: 'Christmas Day' }])).toEqual([
      '2026-01-01',
      '2026-12-26',
      { yearly: '12-25' },
    ]);
  });
});
