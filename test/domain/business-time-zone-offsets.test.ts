/**
 * The zone offset tables behind the business-time engine: transitions pinned to the exact instant
 * (including 30- and 15-minute shifts and a skipped day), one table per zone shared by aliases and
 * calendars, and no `Intl` call at all while answering queries.
 */
import { addBusinessMinutes, businessMinutesBetween, compileCalendar } from '../../src/domain/business-time';
import { MAX_SUPPORTED_TIME, MIN_SUPPORTED_TIME, getZoneOffsets } from '../../src/domain/time-zone-offsets';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const ms = (iso: string): number => Date.parse(iso);

describe('zone offset tables', () => {
  it.each([
    ['Europe/Amsterdam spring-forward', 'Europe/Amsterdam', '2026-03-29T01:00:00Z', 1 * HOUR, 2 * HOUR],
    ['Europe/Amsterdam fall-back', 'Europe/Amsterdam', '2026-10-25T01:00:00Z', 2 * HOUR, 1 * HOUR],
    ['America/New_York spring-forward', 'America/New_York', '2026-03-08T07:00:00Z', -5 * HOUR, -4 * HOUR],
    ['Australia/Sydney fall-back', 'Australia/Sydney', '2026-04-04T16:00:00Z', 11 * HOUR, 10 * HOUR],
    ['Australia/Lord_Howe 30-minute fall-back', 'Australia/Lord_Howe', '2026-04-04T15:00:00Z', 11 * HOUR, 10.5 * HOUR],
    ['Australia/Lord_Howe 30-minute spring-forward', 'Australia/Lord_Howe', '2026-10-03T15:30:00Z', 10.5 * HOUR, 11 * HOUR],
    ['Asia/Kathmandu +05:30 → +05:45 in 1986', 'Asia/Kathmandu', '1985-12-31T18:30:00Z', 5.5 * HOUR, 5.75 * HOUR],
    ["America/St_Johns fall-back", 'America/St_Johns', '2026-11-01T04:30:00Z', -2.5 * HOUR, -3.5 * HOUR],
    ['Pacific/Apia skipping 30 December 2011', 'Pacific/Apia', '2011-12-30T10:00:00Z', -10 * HOUR, 14 * HOUR],
  ])('%s (%s, at %s)', (_name, zone, instant, before, after) => {
    const table = getZoneOffsets(zone);
    expect(table.offsetAt(ms(instant) - 1)).toBe(before);
    expect(table.offsetAt(ms(instant))).toBe(after);
  });

  it('knows offsets that are not whole hours', () => {
    expect(getZoneOffsets('Asia/Kathmandu').offsetAt(ms('2026-06-01T00:00:00Z'))).toBe(5 * HOUR + 45 * MINUTE);
    expect(getZoneOffsets('America/St_Johns').offsetAt(ms('2026-01-15T00:00:00Z'))).toBe(-(3 * HOUR + 30 * MINUTE));
    expect(getZoneOffsets('Pacific/Chatham').offsetAt(ms('2026-06-01T00:00:00Z'))).toBe(12 * HOUR + 45 * MINUTE);
  });

  it('gives aliases one shared table', () => {
    expect(getZoneOffsets('US/Eastern')).toBe(getZoneOffsets('America/New_York'));
    expect(getZoneOffsets('America/New_York').timeZone).toBe('America/New_York');
  });

  it('builds the years 2015–2044 at compile time, once per zone', () => {
    compileCalendar({ timeZone: 'America/Sao_Paulo', week: { mon: [['09:00', '17:00']] } });
    const table = getZoneOffsets('America/Sao_Paulo');
    const built = table.builtChunks();
    expect(built).toBeGreaterThanOrEqual(28);
    compileCalendar({ timeZone: 'America/Sao_Paulo', week: { sat: [['10:00', '14:00']] } });
    expect(table.builtChunks()).toBe(built);
  });

  it('extends a table lazily for a query outside the prepared years', () => {
    const cal = compileCalendar({ timeZone: 'America/Santiago', week: { mon: [['09:00', '17:00']] } });
    const table = getZoneOffsets('America/Santiago');
    const built = table.builtChunks();
    // 1990-03-05 was a Monday; Chile was on -03:00 (summer time) then.
    expect(addBusinessMinutes(cal, new Date('1990-03-05T09:00:00-03:00'), 60).toISOString()).toBe('1990-03-05T13:00:00.000Z');
    expect(table.builtChunks()).toBeGreaterThan(built);
  });

  it('refuses instants outside 1800–2400', () => {
    const table = getZoneOffsets('UTC');
    expect(() => table.offsetAt(MIN_SUPPORTED_TIME - 1)).toThrow(RangeError);
    expect(() => table.offsetAt(MAX_SUPPORTED_TIME + 1)).toThrow(RangeError);
    expect(table.offsetAt(MIN_SUPPORTED_TIME)).toBe(0);
    expect(table.offsetAt(MAX_SUPPORTED_TIME)).toBe(0);
  });
});

describe('queries do not call Intl', () => {
  const formatDescriptor = Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, 'format');

  afterEach(() => {
    jest.restoreAllMocks();
    if (formatDescriptor !== undefined) Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', formatDescriptor);
  });

  /** Counts reads of the `format` accessor (every `formatter.format(...)` call reads it). */
  function countFormatCalls(): { calls: number } {
    const counter = { calls: 0 };
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with Reflect.apply and its own `this`
    const getter = formatDescriptor?.get;
    if (getter === undefined) throw new Error('Intl.DateTimeFormat.prototype.format is expected to be an accessor');
    Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', {
      ...formatDescriptor,
      get(this: Intl.DateTimeFormat): unknown {
        counter.calls++;
        return Reflect.apply(getter, this, []);
      },
    });
    return counter;
  }

  it('sees the Intl calls that building a new zone table makes (the counter works)', () => {
    const format = countFormatCalls();
    compileCalendar({ timeZone: 'Asia/Kolkata', week: { mon: [['09:00', '17:00']] } });
    expect(format.calls).toBeGreaterThan(1000);
  });

  it('answers thousands of queries in the prepared years without a single Intl call', () => {
    const zones = ['Europe/Amsterdam', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns'];
    const calendars = zones.map((timeZone) =>
      compileCalendar({
        timeZone,
        week: { mon: [['09:00', '17:00']], wed: [['22:00', '24:00']], thu: [['00:00', '06:00']], sun: [['01:00', '04:00']] },
        holidays: ['2026-12-25'],
      }),
    );
    const format = countFormatCalls();
    const formatToParts = jest.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    const resolvedOptions = jest.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions');
    let checksum = 0;
    for (let i = 0; i < 4000; i++) {
      const cal = calendars[i % calendars.length];
      if (cal === undefined) throw new Error('no calendar');
      const start = new Date(Date.UTC(2015, 0, 1) + i * 7_777_777_777 % (29 * 365 * 86_400_000));
      const deadline = addBusinessMinutes(cal, start, (i * 37) % 5000, [{ from: start, to: new Date(start.getTime() + 3 * HOUR) }]);
      checksum += businessMinutesBetween(cal, start, deadline);
    }
    expect(checksum).toBeGreaterThan(0);
    expect(format.calls).toBe(0);
    expect(formatToParts).not.toHaveBeenCalled();
    expect(resolvedOptions).not.toHaveBeenCalled();
  });
});
