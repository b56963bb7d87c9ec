/**
 * Promises to the customer (issue 11 item 3) and the instants the sweep's notices carry (item 7):
 * the promise in force, when the team is warned, kept or lapsed, the due index, folding, and the
 * crossing instant on the at-risk and breach markers.
 */
import type { ClockFact, ClockRecord } from '../../src/contract/clock-record';
import { compileCalendar } from '../../src/domain/business-time';
import { applyFacts, startClock } from '../../src/domain/clock';
import { PROMISE_WARNING_LEAD_MINUTES, promiseWarningAt } from '../../src/domain/clock-promise';
import { computeNextCheckAt, describeClock, pendingNotice, planSweep } from '../../src/domain/clock-view';
import { OPEN, UTC_OFFICE, covered, fact, iso, makeTerms } from './clock-fixtures';

const office = compileCalendar(UTC_OFFICE);

describe('promiseWarningAt', () => {
  it.each([
    // Mon 2 March 2026 10:00 → Tue 12:00 UTC office hours: 600 business minutes, warned 60 before
    { name: 'a business hour before the promised time', made: '2026-03-02T10:00:00Z', expected: '2026-03-03T12:00:00Z', warn: '2026-03-03T11:00:00.000Z' },
    // the lead is business time: Tue 09:30 is 30 business minutes in, so Mon 16:30 is the hour before
    { name: 'counted back over the night', made: '2026-03-02T10:00:00Z', expected: '2026-03-03T09:30:00Z', warn: '2026-03-02T16:30:00.000Z' },
    { name: 'halfway when less than two hours were left', made: '2026-03-02T10:00:00Z', expected: '2026-03-02T11:00:00Z', warn: '2026-03-02T10:30:00.000Z' },
    // Saturday 10:00 → Sunday 12:00: no business time in between, so halfway in calendar time
    { name: 'halfway in calendar time without business time', made: '2026-03-07T10:00:00Z', expected: '2026-03-08T12:00:00Z', warn: '2026-03-07T23:00:00.000Z' },
    { name: 'never after the promised time', made: '2026-03-02T10:00:00Z', expected: '2026-03-02T09:00:00Z', warn: '2026-03-02T09:00:00.000Z' },
  ])('$name', ({ made, expected, warn }) => {
    expect(promiseWarningAt(office, new Date(made), new Date(expected)).toISOString()).toBe(warn);
  });

  it('uses a lead of one business hour', () => {
    expect(PROMISE_WARNING_LEAD_MINUTES).toBe(60);
  });
});

const CREATED = new Date('2026-03-02T08:00:00Z'); // P3 on 24x7 UTC: 240 min resolution, deadline 12:00

function promise(id: string, at: string, expectedAt: string, by = 'agent-1'): ClockFact {
  return { kind: 'promise', id, at: iso(at), by, expectedAt: iso(expectedAt), basis: 'date-time', commentId: '10001' };
}

function clock(facts: ClockFact[], now: string): ClockRecord {
  return startClock({ termsResolution: covered(makeTerms()), createdAt: CREATED, status: OPEN, now: new Date(now), facts });
}

describe('the promise in force', () => {
  it('is the latest promise, whatever order the facts arrived in', () => {
    const facts = [promise('promise:b', '2026-03-02T13:00:00Z', '2026-03-02T18:00:00Z'), promise('promise:a', '2026-03-02T12:30:00Z', '2026-03-02T16:00:00Z')];
    const one = clock(facts, '2026-03-02T14:00:00Z');
    const other = clock([...facts].reverse(), '2026-03-02T14:00:00Z');
    expect(one.promise).toEqual(other.promise);
    expect(one.promise).toMatchObject({ id: 'promise:b', expectedAt: '2026-03-02T18:00:00.000Z', state: 'pending', warnedAt: null, warnAt: '2026-03-02T17:00:00.000Z' });
  });

  it.each([
    { name: 'pending while open and before the promised time', facts: [], now: '2026-03-02T15:00:00Z', state: 'pending' },
    { name: 'lapsed once the promised time passed unresolved', facts: [], now: '2026-03-02T16:00:01Z', state: 'lapsed' },
    { name: 'kept when resolved by then', facts: [fact.resolved('r', '2026-03-02T15:30:00Z')], now: '2026-03-03T09:00:00Z', state: 'kept' },
    { name: 'lapsed when resolved later', facts: [fact.resolved('r', '2026-03-02T16:30:00Z')], now: '2026-03-03T09:00:00Z', state: 'lapsed' },
  ])('$name', ({ facts, now, state }) => {
    const record = clock([promise('promise:a', '2026-03-02T12:30:00Z', '2026-03-02T16:00:00Z'), ...facts], now);
    expect(record.promise?.state).toBe(state);
  });

  it('survives folding of the history: the checkpoint keeps it', () => {
    const start = clock([promise('promise:a', '2026-03-02T12:30:00Z', '2026-03-09T16:00:00Z')], '2026-03-02T12:30:00Z');
    const later: ClockFact[] = [];
    for (let i = 0; i < 130; i += 1) {
      const at = new Date(Date.parse('2026-03-02T13:00:00Z') + i * 60_000).toISOString();
      later.push(i % 2 === 0 ? fact.waiting(`w${i}`, at) : fact.working(`k${i}`, at));
    }
    const folded = applyFacts(start, later, new Date('2026-03-03T09:00:00Z'));
    expect(folded.checkpoint).not.toBeNull();
    expect(folded.history.some((f) => f.kind === 'promise')).toBe(false);
    expect(folded.promise).toMatchObject({ id: 'promise:a', expectedAt: '2026-03-09T16:00:00.000Z', state: 'pending' });
  });

  it('is shown with the business time left until it', () => {
    const record = clock([promise('promise:a', '2026-03-02T12:30:00Z', '2026-03-02T16:00:00Z')], '2026-03-02T14:00:00Z');
    expect(describeClock(record, new Date('2026-03-02T14:00:00Z')).promise).toMatchObject({ businessMinutesLeft: 120 });
    expect(describeClock(record, new Date('2026-03-02T17:00:00Z')).promise).toMatchObject({ businessMinutesLeft: -60, state: 'lapsed' });
  });
});

describe('the lapse warning', () => {
  // Breached at 12:00 and noticed; the agent promised 16:00 at 12:30: warned at 15:00.
  const base = (now: string): ClockRecord => {
    const record = clock([promise('promise:a', '2026-03-02T12:30:00Z', '2026-03-02T16:00:00Z')], now);
    return applyFacts(record, [{ kind: 'marker', id: 'sweep:breached:2026-03-02T12:00:00.000Z', at: iso('2026-03-02T12:05:00Z'), marker: 'breached' }, { kind: 'marker', id: 'sweep:at-risk:x', at: iso('2026-03-02T12:05:00Z'), marker: 'at-risk' }], new Date(now));
  };

  it('is scheduled in the due index at its instant, and the lapse just after the promised time', () => {
    const before = base('2026-03-02T13:00:00Z');
    expect(pendingNotice(before)).toBeNull();
    expect(computeNextCheckAt(before, new Date('2026-03-02T13:00:00Z'))).toBe('2026-03-02T15:00:00.000Z');
  });

  it('is owed from its instant on, sent once, then the clock waits for the lapse', () => {
    const now = new Date('2026-03-02T15:00:00Z');
    const plan = planSweep(base(now.toISOString()), now);
    expect(plan.notify).toBe('promise');
    expect(plan.markerFacts).toEqual([{ kind: 'promise-warning', id: 'sweep:promise:promise:a', at: now.toISOString(), promiseId: 'promise:a' }]);
    expect(plan.nextCheckAt).toBe('2026-03-02T16:00:00.001Z');
    const warned = applyFacts(plan.record, plan.markerFacts, now);
    expect(warned.promise?.warnedAt).toBe(now.toISOString());
    expect(planSweep(warned, new Date('2026-03-02T15:05:00Z')).notify).toBeNull();
  });

  it('is not sent for a promise that already lapsed, nor for one the customer got resolved', () => {
    expect(planSweep(base('2026-03-02T16:30:00Z'), new Date('2026-03-02T16:30:00Z')).notify).toBeNull();
    const resolved = applyFacts(base('2026-03-02T14:00:00Z'), [fact.resolved('r', '2026-03-02T14:00:00Z')], new Date('2026-03-02T15:10:00Z'));
    expect(planSweep(resolved, new Date('2026-03-02T15:10:00Z')).notify).toBeNull();
  });

  it('waits for an owed breach notice: one notice per sweep, the next one due at once', () => {
    const now = new Date('2026-03-02T15:00:00Z');
    const unmarked = clock([promise('promise:a', '2026-03-02T12:30:00Z', '2026-03-02T16:00:00Z')], now.toISOString());
    const first = planSweep(unmarked, now);
    expect(first.notify).toBe('breached');
    expect(first.nextCheckAt).toBe(now.toISOString());
    const second = planSweep(applyFacts(first.record, first.markerFacts, now), now);
    expect(second.notify).toBe('promise');
  });

  it('is owed anew for a new promise', () => {
    const now = new Date('2026-03-02T15:00:00Z');
    const plan = planSweep(base(now.toISOString()), now);
    const warned = applyFacts(plan.record, plan.markerFacts, now);
    const renewed = applyFacts(warned, [promise('promise:b', '2026-03-02T15:30:00Z', '2026-03-02T20:00:00Z')], new Date('2026-03-02T19:00:00Z'));
    expect(renewed.promise).toMatchObject({ id: 'promise:b', warnedAt: null });
    expect(planSweep(renewed, new Date('2026-03-02T19:00:00Z')).notify).toBe('promise');
  });
});

describe('notices carry the instant the threshold was crossed', () => {
  it('at-risk and breach markers name the crossing and the share used then, not the sweep instant', () => {
    // At risk at 11:00 (75 % of 240 min), breached after 12:00; the sweep only looks at 15:00.
    const now = new Date('2026-03-02T15:00:00Z');
    const plan = planSweep(clock([], now.toISOString()), now);
    expect(plan.notify).toBe('breached');
    expect(plan.markerFacts).toEqual([
      { kind: 'marker', id: 'sweep:breached:2026-03-02T12:00:00.000Z', at: now.toISOString(), marker: 'breached', crossedAt: '2026-03-02T12:00:00.000Z', percentUsed: 100 },
      { kind: 'marker', id: 'sweep:at-risk:2026-03-02T11:00:00.000Z', at: now.toISOString(), marker: 'at-risk', crossedAt: '2026-03-02T11:00:00.000Z', percentUsed: 75 },
    ]);
  });
});

describe('who changed the priority', () => {
  it('is kept on the re-target from the changelog author', () => {
    const lowered: ClockFact = { kind: 'priority', id: 'changelog:1:priority', at: iso('2026-03-02T09:00:00Z'), priorityClass: 'P5', jiraPriority: 'Lowest', by: 'agent-7' };
    const record = clock([lowered], '2026-03-02T10:00:00Z');
    expect(record.retargets).toEqual([expect.objectContaining({ cause: 'priority', by: 'agent-7', from: expect.objectContaining({ priorityClass: 'P3' }), to: expect.objectContaining({ priorityClass: 'P5' }) })]);
  });
});
