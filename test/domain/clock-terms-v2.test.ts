/**
 * The clock with what schema version 2 of the contract database adds: a bespoke calendar for some
 * priority classes only (a priority change moves the clock into the new class's calendar, without
 * the database), and any evaluation failure as the record's `error` state (issue 10.4).
 */
import { clockRecordSchema } from '../../src/contract/clock-record';
import { applyFacts, evaluateClock, startClock } from '../../src/domain/clock';
import { resolveTerms } from '../../src/domain/resolve-terms';
import { OPEN, covered, fact, loadExampleDatabase, makeTerms } from './clock-fixtures';

const db = loadExampleDatabase();

describe('a bespoke calendar for P1 only (Initech network: 24x7 for P1, office hours otherwise)', () => {
  // Saturday 7 March 2026, 09:00Z: the 24x7 calendar counts, the office is closed.
  const createdAt = new Date('2026-03-07T09:00:00Z');
  const resolution = resolveTerms(db, { organizations: [{ id: '4', name: 'Initech' }], requestTypeId: null, components: ['Router'], labels: [], priority: 'Highest' }, createdAt);

  it('counts a P1 around the clock: 16 h from Saturday 09:00Z is Sunday 01:00Z', () => {
    const record = startClock({ termsResolution: resolution, createdAt, status: OPEN, now: new Date('2026-03-07T10:00:00Z') });
    expect(record.target?.calendarRef.id).toBe('24x7');
    expect(record.deadline).toBe('2026-03-08T01:00:00.000Z');
  });

  it('after a downgrade to P3 counts on in office hours: 2 h used on Saturday, 46 h left from Monday 08:00 → Friday 14:00 Amsterdam', () => {
    const record = startClock({ termsResolution: resolution, createdAt, status: OPEN, now: new Date('2026-03-07T12:00:00Z') });
    const downgraded = applyFacts(record, [fact.priority('c1', '2026-03-07T11:00:00Z', 'P3', 'Medium')], new Date('2026-03-07T12:00:00Z'));
    expect(downgraded.target).toMatchObject({ priorityClass: 'P3', resolutionMinutes: 2880, calendarRef: { id: 'nl-business' } });
    // Counting 24x7 throughout would have given Monday 09:00Z; office hours 08:00–18:00 CET give Friday.
    expect(downgraded.deadline).toBe('2026-03-13T13:00:00.000Z');
    expect(downgraded.retargets[0]).toMatchObject({ cause: 'priority', elapsedMinutes: 120 });
    expect(clockRecordSchema.safeParse(JSON.parse(JSON.stringify(downgraded))).success).toBe(true);
  });
});

describe('evaluation failures become the error state, never an exception (issue 10.4)', () => {
  const oneMinuteAWeek = { timeZone: 'UTC', week: { mon: [['09:00', '09:01']] as [string, string][] } };

  it('a one-year target in a calendar with one working minute a week: state error, reason evaluation', () => {
    const terms = makeTerms({
      calendar: oneMinuteAWeek,
      targets: {
        P1: { resolutionMinutes: 60 },
        P2: { resolutionMinutes: 120 },
        P3: { resolutionMinutes: 525_600 },
        P4: { resolutionMinutes: 480 },
        P5: { resolutionMinutes: 960 },
      },
      resolutionMinutes: 525_600,
    });
    const now = new Date('2026-03-02T10:00:00Z');
    const record = startClock({ termsResolution: covered(terms), createdAt: new Date('2026-03-02T08:00:00Z'), status: OPEN, now });
    expect(record.state).toBe('error');
    expect(record.error).toMatchObject({ reason: 'evaluation', detail: expect.stringMatching(/beyond the supported range/) });
    expect(record.deadline).toBeNull();
    expect(clockRecordSchema.safeParse(record).success).toBe(true);
    // Re-evaluating keeps the first time the error was seen.
    expect(evaluateClock(record, new Date('2026-03-03T10:00:00Z')).error?.at).toBe(record.error?.at);
  });
});
