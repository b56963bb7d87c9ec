/** The `contract-clock` record schema: what it accepts, what it refuses, and the size budget. */
import { CLOCK_RECORD_LIMITS, clockFactSchema, clockRecordSchema, termsSchema } from '../../src/contract/clock-record';
import { startClock } from '../../src/domain/clock';
import { resolveTerms } from '../../src/domain/resolve-terms';
import { OPEN, fact, loadExampleDatabase } from '../domain/clock-fixtures';

describe('clockFactSchema', () => {
  it.each([
    { name: 'a status change', value: fact.waiting('changelog:1:status', '2026-03-02T09:00:00Z'), ok: true },
    { name: 'an extension', value: fact.extend('action:1', '2026-03-02T09:00:00Z', 30), ok: true },
    { name: 'an unknown kind', value: { kind: 'teleport', id: 'x', at: '2026-03-02T09:00:00Z' }, ok: false },
    { name: 'an instant without offset', value: { ...fact.comment('k', '2026-03-02T09:00:00Z'), at: '2026-03-02T09:00:00' }, ok: false },
    { name: 'an empty id', value: { ...fact.comment('k', '2026-03-02T09:00:00Z'), id: '' }, ok: false },
    { name: 'a zero-minute extension', value: { ...fact.extend('x', '2026-03-02T09:00:00Z', 30), minutes: 0 }, ok: false },
    { name: 'a reason that is too long', value: fact.pause('m', '2026-03-02T09:00:00Z', 'x'.repeat(CLOCK_RECORD_LIMITS.reasonMaxLength + 1)), ok: false },
    { name: 'an unknown status category', value: { ...fact.waiting('c', '2026-03-02T09:00:00Z'), statusCategory: 'paused' }, ok: false },
  ])('$name: valid = $ok', ({ value, ok }) => {
    expect(clockFactSchema.safeParse(value).success).toBe(ok);
  });
});

describe('a real record', () => {
  const db = loadExampleDatabase();
  const createdAt = new Date('2026-03-02T09:30:00+01:00');
  const resolution = resolveTerms(db, { organizations: [{ id: '1', name: 'ACME' }], requestTypeId: '12', requestTypeName: 'E-mail problem', components: [], labels: [], priority: 'High' }, createdAt);
  const record = startClock({
    termsResolution: resolution,
    createdAt,
    status: OPEN,
    now: createdAt,
    facts: [fact.waiting('c1', '2026-03-02T10:00:00+01:00'), fact.working('c2', '2026-03-02T11:00:00+01:00'), fact.comment('k1', '2026-03-02T09:50:00+01:00')],
  });

  it('has the fields the issue asks for', () => {
    expect(record).toMatchObject({
      schemaVersion: 1,
      state: expect.any(String),
      startedAt: '2026-03-02T08:30:00.000Z',
      deadline: expect.any(String),
      terms: {
        customer: { id: 'acme', name: 'ACME' },
        contract: { id: 'acme', name: 'ACME Managed Workplace' },
        contractVersion: 2,
        service: { id: 'email', name: 'E-mail' },
        level: { id: 'gold', name: 'Gold' },
        priorityClass: 'P2',
        resolutionMinutes: 480,
        responseMinutes: 60,
        calendar: { timeZone: 'Europe/Amsterdam', week: expect.any(Object), holidays: ['2026-12-25', '2026-12-26'] },
        explanation: expect.any(Array),
      },
      pauses: [expect.objectContaining({ kind: 'status' })],
      history: expect.any(Array),
    });
  });

  it('survives JSON and parses', () => {
    expect(clockRecordSchema.parse(JSON.parse(JSON.stringify(record)))).toEqual(record);
  });

  it('stays a few KB', () => {
    expect(JSON.stringify(record).length).toBeLessThan(5000);
  });

  it('refuses terms without a calendar definition', () => {
    const { calendar: _calendar, ...withoutCalendar } = record.terms!;
    expect(termsSchema.safeParse(withoutCalendar).success).toBe(false);
  });
});
