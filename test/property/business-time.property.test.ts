/**
 * Property tests of the business-time engine against the brute-force oracle (issue 2 §4): random
 * calendars (including night shifts, 24x7 and small-hours intervals), zones with odd offsets and DST
 * rules, starts around DST transitions (found here independently with Intl), holidays, durations up to
 * 30 business days and overlapping pauses. Plus oracle-free laws that can afford many more runs:
 * round trip, minimality, monotonicity and additivity.
 *
 * Budget: the oracle walks minute by minute, so its properties run ~100 cases each; the whole file
 * stays well under a minute on a 2-core machine.
 */
import fc from 'fast-check';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  compileCalendar,
  type CompiledCalendar,
  type Pause,
} from '../../src/domain/business-time';
import { getZoneOffsets } from '../../src/domain/time-zone-offsets';
import {
  bruteAddBusinessMinutes,
  bruteBusinessMinutesBetween,
  type OracleCalendar,
} from '../support/brute-force-business-time';

jest.setTimeout(120_000);

const ZONES = [
  'Europe/Amsterdam',
  'America/New_York',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Pacific/Chatham',
  'America/Santiago',
  'America/Sao_Paulo', // DST at midnight until 2019: local midnight 00:00–01:00 did not exist
  'Asia/Tehran',
  'Africa/Casablanca',
  'Pacific/Apia', // skipped 2011-12-30 entirely
  'UTC',
] as const;
type Zone = (typeof ZONES)[number];
const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const MINUTE = 60_000;
const DAY = 86_400_000;

/** Offset changes of a zone between two years, found with Intl: 6-hour samples, bisected to the minute. */
function transitionsOf(timeZone: string, fromYear: number, toYear: number): number[] {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const offset = (t: number): number => {
    const [mo, d, y, h, mi] = (format.format(t).match(/\d+/g) ?? []).map(Number);
    return Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0) - t;
  };
  const found: number[] = [];
  const step = 6 * 3_600_000;
  for (let t = Date.UTC(fromYear, 0, 1); t < Date.UTC(toYear, 0, 1); t += step) {
    if (offset(t) !== offset(t + step)) {
      let low = t / MINUTE;
      let high = (t + step) / MINUTE;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (offset(middle * MINUTE) === offset(t)) low = middle;
        else high = middle;
      }
      found.push(high * MINUTE);
    }
  }
  return found;
}

const transitions = new Map<Zone, number[]>(ZONES.map((zone) => [zone, transitionsOf(zone, 2009, 2031)]));

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A day's intervals from random quarter-hour boundaries, paired up in order. */
const dayArbitrary: fc.Arbitrary<[string, string][]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 })
  .map((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const intervals: [string, string][] = [];
    for (let k = 0; k + 1 < sorted.length; k += 2) {
      intervals.push([hhmm((sorted[k] ?? 0) * 15), hhmm((sorted[k + 1] ?? 0) * 15)]);
    }
    return intervals;
  });

const same = (intervals: [string, string][]) => Object.fromEntries(DAY_KEYS.map((key) => [key, intervals]));
const weekArbitrary: fc.Arbitrary<OracleCalendar['week']> = fc.oneof(
  fc.tuple(...DAY_KEYS.map(() => fc.option(dayArbitrary, { nil: undefined }))).map((days) => {
    const week: Record<string, [string, string][]> = {};
    days.forEach((day, index) => {
      const key = DAY_KEYS[index];
      if (day !== undefined && key !== undefined) week[key] = day;
    });
    if (!Object.values(week).some((day) => day.length > 0)) week.mon = [['09:00', '17:00']];
    return week;
  }),
  fc.constant(same([['00:00', '24:00']])),
  fc.constant(same([['22:00', '24:00'], ['00:00', '06:00']])),
  fc.constant(same([['01:00', '04:00']])),
  fc.constant<OracleCalendar['week']>({
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['08:30', '12:00'], ['13:00', '17:30']],
  }),
);

/** A start near a DST transition of the zone (or anywhere in 2009–2030), sometimes with milliseconds. */
function startArbitrary(zone: Zone): fc.Arbitrary<number> {
  const list = transitions.get(zone) ?? [];
  const near =
    list.length === 0
      ? fc.integer({ min: Date.UTC(2009, 0, 1) / MINUTE, max: Date.UTC(2030, 0, 1) / MINUTE }).map((m) => m * MINUTE)
      : fc
          .tuple(fc.constantFrom(...list), fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }))
          .map(([transition, minutes]) => transition + minutes * MINUTE);
  const anywhere = fc.integer({ min: Date.UTC(2009, 0, 1) / MINUTE, max: Date.UTC(2030, 0, 1) / MINUTE }).map((m) => m * MINUTE);
  return fc
    .tuple(fc.oneof({ weight: 3, arbitrary: near }, { weight: 1, arbitrary: anywhere }), fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: MINUTE - 1 }) }))
    .map(([t, extra]) => t + extra);
}

interface Scenario {
  definition: OracleCalendar;
  cal: CompiledCalendar;
  start: number;
  pauses: Pause[];
  /** Average business minutes per calendar day: "a business day" for sizing durations. */
  dailyMinutes: number;
}

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .constantFrom(...ZONES)
  .chain((zone) =>
    fc.record({
      zone: fc.constant(zone),
      week: weekArbitrary,
      start: startArbitrary(zone),
      holidayOffsets: fc.array(fc.integer({ min: -5, max: 40 }), { maxLength: 4 }),
      pauses: fc.array(
        fc.record({ from: fc.integer({ min: -3 * DAY, max: 20 * DAY }), length: fc.integer({ min: 1, max: 3 * DAY }) }),
        { maxLength: 3 },
      ),
    }),
  )
  .map(({ zone, week, start, holidayOffsets, pauses }) => {
    const holidays = holidayOffsets.map((days) => new Date(start + days * DAY).toISOString().slice(0, 10));
    const definition: OracleCalendar = { timeZone: zone, week, holidays };
    const cal = compileCalendar(definition);
    return {
      definition,
      cal,
      start,
      pauses: pauses.map((p) => ({ from: new Date(start + p.from), to: new Date(start + p.from + p.length) })),
      dailyMinutes: cal.weeklyBusinessMinutes / 7,
    };
  });

/** Minutes up to 30 business days, mostly whole, sometimes with a fraction. */
const durationFactorArbitrary = fc.oneof(
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 0.05, noNaN: true }) },
);
const minutesFor = (scenario: Scenario, factor: number, fraction: boolean): number => {
  const whole = Math.floor(factor * 30 * scenario.dailyMinutes);
  return fraction ? whole + 0.25 : whole;
};

const describeDate = (t: number): string => new Date(t).toISOString();

describe('business time against the brute-force oracle', () => {
  it('addBusinessMinutes gives the oracle deadline', () => {
    fc.assert(
      fc.property(scenarioArbitrary, durationFactorArbitrary, fc.boolean(), fc.boolean(), (scenario, factor, fraction, withPauses) => {
        const minutes = minutesFor(scenario, factor, fraction);
        const pauses = withPauses ? scenario.pauses : [];
        const expected = bruteAddBusinessMinutes(scenario.definition, new Date(scenario.start), minutes, pauses);
        const actual = addBusinessMinutes(scenario.cal, new Date(scenario.start), minutes, pauses);
        expect(describeDate(actual.getTime())).toBe(describeDate(expected.getTime()));
      }),
      { numRuns: 80 },
    );
  });

  it('addBusinessMinutes lands on closing times exactly like the oracle', () => {
    // Minutes measured up to a random instant: when that instant lies outside business time, the
    // deadline is exactly the end of the last interval before it, the case an off-by-one would miss.
    fc.assert(
      fc.property(scenarioArbitrary, fc.integer({ min: 1, max: 10 * 24 * 60 }), fc.boolean(), (scenario, length, withPauses) => {
        const pauses = withPauses ? scenario.pauses : [];
        const start = new Date(scenario.start);
        const minutes = bruteBusinessMinutesBetween(scenario.definition, start, new Date(Math.ceil(scenario.start / MINUTE) * MINUTE + length * MINUTE), pauses);
        const expected = bruteAddBusinessMinutes(scenario.definition, start, minutes, pauses);
        const actual = addBusinessMinutes(scenario.cal, start, minutes, pauses);
        expect(describeDate(actual.getTime())).toBe(describeDate(expected.getTime()));
      }),
      { numRuns: 40 },
    );
  });

  it('businessMinutesBetween gives the oracle measure', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary,
        fc.integer({ min: -DAY, max: 20 * DAY }),
        fc.boolean(),
        (scenario, length, withPauses) => {
          const pauses = withPauses ? scenario.pauses : [];
          const from = new Date(scenario.start);
          const to = new Date(scenario.start + length);
          expect(businessMinutesBetween(scenario.cal, from, to, pauses)).toBe(bruteBusinessMinutesBetween(scenario.definition, from, to, pauses));
        },
      ),
      { numRuns: 90 },
    );
  });
});

describe('zone offset tables against Intl', () => {
  const intlOffset = (timeZone: string, t: number): number => {
    const second = Math.floor(t / 1000) * 1000;
    const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    const [mo, d, y, h, mi, se] = (format.format(second).match(/\d+/g) ?? []).map(Number);
    return Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, se ?? 0) - second;
  };

  it('gives the offset Intl gives, to the millisecond around every transition', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES).chain((zone) =>
          fc.tuple(fc.constant(zone), (transitions.get(zone) ?? []).length > 0 ? fc.constantFrom(...(transitions.get(zone) ?? [])) : fc.constant(Date.UTC(2020, 0, 1)), fc.integer({ min: -7_200_000, max: 7_200_000 })),
        ),
        ([zone, transition, shift]) => {
          const t = transition + (Math.abs(shift) < 2000 ? shift : Math.round(shift / 1000) * 1000 + (shift % 3));
          expect(getZoneOffsets(zone).offsetAt(t)).toBe(intlOffset(zone, t));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('laws of business time (no oracle, many runs)', () => {
  it('measures exactly n minutes up to the deadline, and less just before it', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.integer({ min: 0, max: 300_000 }), fc.boolean(), (scenario, rawMinutes, withPauses) => {
        const minutes = rawMinutes % Math.max(1, Math.floor(200 * scenario.dailyMinutes));
        const pauses = withPauses ? scenario.pauses : [];
        const start = new Date(scenario.start);
        const deadline = addBusinessMinutes(scenario.cal, start, minutes, pauses);
        expect(deadline.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(businessMinutesBetween(scenario.cal, start, deadline, pauses)).toBe(minutes);
        if (minutes > 0) {
          const justBefore = new Date(deadline.getTime() - 1);
          expect(businessMinutesBetween(scenario.cal, start, justBefore, pauses)).toBeLessThan(minutes);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('is monotone in the number of minutes', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.nat(50_000), fc.nat(50_000), (scenario, a, b) => {
        const start = new Date(scenario.start);
        const [small, large] = a <= b ? [a, b] : [b, a];
        const early = addBusinessMinutes(scenario.cal, start, small, scenario.pauses).getTime();
        const late = addBusinessMinutes(scenario.cal, start, large, scenario.pauses).getTime();
        expect(early).toBeLessThanOrEqual(late);
      }),
      { numRuns: 500 },
    );
  });

  it('adds up over adjacent ranges (in whole milliseconds)', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.nat(40 * DAY), fc.nat(40 * DAY), (scenario, first, second) => {
        const a = new Date(scenario.start);
        const b = new Date(scenario.start + first);
        const c = new Date(scenario.start + first + second);
        const ms = (from: Date, to: Date) => Math.round(businessMinutesBetween(scenario.cal, from, to, scenario.pauses) * MINUTE);
        expect(ms(a, b) + ms(b, c)).toBe(ms(a, c));
      }),
      { numRuns: 500 },
    );
  });
});
