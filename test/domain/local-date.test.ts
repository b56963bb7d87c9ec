/** Local dates and months of instants, in zones with DST, odd offsets and the date line. */
import { localDateOf, localMonthOf } from '../../src/domain/local-date';

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
