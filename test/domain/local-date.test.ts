/** Local dates and months of instants, in zones with DST, odd offsets and the date line. */
import { instantOfWallTime, localDateOf, localMonthOf } from '../../src/domain/local-date';

describe('localDateOf', () => {
  it.each([
    { instant: '2026-03-31T21:59:59Z', zone: 'Europe/Amsterdam', date: '2026-03-31' },
    { instant: '2026-03-31T22:00:00Z', zone: 'Europe/Amsterdam', date: '2026-04-01' },
    { instant: '2026-01-01T22:59:59Z', zone: 'Europe/Amsterdam', date: '2026-01-01' },
    { instant: '2026-01-01T23:00:00Z', zone: 'Europe/Amsterdam', date: '2026-01-02' },
    { instant: '2026-06-30T18:15:00Z', zone: 'Asia/Kathmandu', date: '2026-07-01' },
    { instant: '2026-06-30T18:14:59Z', zone: 'Asia/Kathmandu', date: '2026-06-30' },
    { instant: '2026-01-01T00:00:00Z', zone: 'Pacific/Kiritimati', date: '2026-01-01' },
    { instant: '2025-12-31T09:59:59Z', zone: 'Pacific/Kiritimati', date: '2025-12-31' },
    { instant: '2026-01-01T10:59:59Z', zone: 'Pacific/Pago_Pago', date: '2025-12-31' },
    { instant: '2026-05-05T12:00:00Z', zone: 'UTC', date: '2026-05-05' },
  ])('$instant in $zone is $date', ({ instant, zone, date }) => {
    expect(localDateOf(new Date(instant), zone)).toBe(date);
  });

  it('gives the month', () => {
    expect(localMonthOf(new Date('2026-12-31T23:30:00Z'), 'Europe/Amsterdam')).toBe('2027-01');
  });

  it('throws for an unknown zone (zones are validated where they enter)', () => {
    expect(() => localDateOf(new Date('2026-01-01T00:00:00Z'), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('instantOfWallTime', () => {
  it.each([
    { local: '2026-10-06T14:00', zone: 'Europe/Amsterdam', instant: '2026-10-06T12:00:00.000Z' },
    { local: '2026-01-06T14:00', zone: 'Europe/Amsterdam', instant: '2026-01-06T13:00:00.000Z' },
    // spring forward: 02:30 does not exist in Amsterdam on 29 March 2026; moved by the gap to 03:30
    { local: '2026-03-29T02:30', zone: 'Europe/Amsterdam', instant: '2026-03-29T01:30:00.000Z' },
    // fall back: 02:30 happens twice on 25 October 2026; the first one (still +02:00)
    { local: '2026-10-25T02:30', zone: 'Europe/Amsterdam', instant: '2026-10-25T00:30:00.000Z' },
    { local: '2026-10-06T09:00', zone: 'Asia/Kathmandu', instant: '2026-10-06T03:15:00.000Z' },
    { local: '2026-10-06T09:00', zone: 'America/New_York', instant: '2026-10-06T13:00:00.000Z' },
  ])('$local in $zone is $instant', ({ local, zone, instant }) => {
    expect(instantOfWallTime(local, zone)?.toISOString()).toBe(instant);
  });

  it.each(['2026-04-31T10:00', '2026-13-01T10:00', '2026-10-06T24:00', '2026-10-06 14:00', 'tomorrow'])('refuses %s', (local) => {
    expect(instantOfWallTime(local, 'Europe/Amsterdam')).toBeNull();
  });
});
