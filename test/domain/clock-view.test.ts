/**
 * What the UI and the sweep read of a clock: progress per target, sweep decisions, next check time
 * and allowed actions.
 */
import type { ClockFact, ClockRecord } from '../../src/contract/clock-record';
import { applyFacts, startClock } from '../../src/domain/clock';
import { computeNextCheckAt, describeClock, listClockActions, planSweep } from '../../src/domain/clock-view';
import { OPEN, covered, fact, makeTerms } from './clock-fixtures';

const CREATED = new Date('2026-03-02T08:00:00Z'); // P3: 240 min resolution, 60 min response, 24x7 UTC

function clock(facts: ClockFact[], now: string): ClockRecord {
  return startClock({ termsResolution: covered(makeTerms()), createdAt: CREATED, status: OPEN, now: new Date(now), facts });
}

describe('describeClock', () => {
  it.each([
    {
      name: 'half way',
      facts: [],
      now: '2026-03-02T10:00:00Z',
      resolution: { state: 'running', targetMinutes: 240, elapsedMinutes: 120, businessMinutesLeft: 120, percentUsed: 50, deadline: '2026-03-02T12:00:00.000Z', completedAt: null },
    },
    {
      name: 'at risk',
      facts: [],
      now: '2026-03-02T11:30:00Z',
      resolution: { state: 'at-risk', businessMinutesLeft: 30, percentUsed: 87.5 },
    },
    {
      name: 'overdue by an hour',
      facts: [],
      now: '2026-03-02T13:00:00Z',
      resolution: { state: 'breached', businessMinutesLeft: -60, percentUsed: 125 },
    },
    {
      name: 'paused: time left frozen, no deadline',
      facts: [fact.waiting('c1', '2026-03-02T09:00:00Z')],
      now: '2026-03-02T15:00:00Z',
      resolution: { state: 'paused', businessMinutesLeft: 180, percentUsed: 25, deadline: null },
    },
    {
      name: 'resolved in time: measured at the resolution',
      facts: [fact.resolved('c1', '2026-03-02T11:00:00Z')],
      now: '2026-03-05T00:00:00Z',
      resolution: { state: 'met', businessMinutesLeft: 60, percentUsed: 75, completedAt: '2026-03-02T11:00:00.000Z' },
    },
    {
      name: 'extended: the target includes the extension',
      facts: [fact.extend('x1', '2026-03-02T09:00:00Z', 60)],
      now: '2026-03-02T10:00:00Z',
      resolution: { state: 'running', targetMinutes: 300, extendedMinutes: 60, businessMinutesLeft: 180, percentUsed: 40 },
    },
  ])('resolution progress: $name', ({ facts, now, resolution }) => {
    expect(describeClock(clock(facts, now), new Date(now)).resolution).toMatchObject(resolution);
  });

  it('reports the response target on its own', () => {
    const now = new Date('2026-03-02T08:45:00Z');
    const open = describeClock(clock([], now.toISOString()), now);
    expect(open.response).toMatchObject({ state: 'at-risk', targetMinutes: 60, businessMinutesLeft: 15, deadline: '2026-03-02T09:00:00.000Z' });
    const answered = describeClock(clock([fact.comment('k1', '2026-03-02T08:30:00Z')], now.toISOString()), now);
    expect(answered.response).toMatchObject({ state: 'met', completedAt: '2026-03-02T08:30:00.000Z', businessMinutesLeft: 30 });
  });

  it('names the current pause', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    const view = describeClock(clock([fact.pause('m1', '2026-03-02T09:00:00Z', 'Waiting for parts')], now.toISOString()), now);
    expect(view.pause).toEqual({ kind: 'manual', reason: 'Waiting for parts', by: 'agent-1', since: '2026-03-02T09:00:00.000Z' });
  });

  it('has no targets without terms', () => {
    const record = startClock({
      termsResolution: { status: 'uncovered', reason: 'no-organization', priorityClass: 'P3', jiraPriority: null, explanation: [], summary: '' },
      createdAt: CREATED,
      status: OPEN,
      now: CREATED,
    });
    expect(describeClock(record, CREATED)).toEqual({ state: 'uncovered', resolution: null, response: null, pause: null, promise: null });
  });
});

describe('planSweep', () => {
  it.each([
    { name: 'running: nothing to say', now: '2026-03-02T09:00:00Z', facts: [], notify: null, markers: [] },
    { name: 'at risk: notify once', now: '2026-03-02T11:10:00Z', facts: [], notify: 'at-risk', markers: ['at-risk'] },
    { name: 'at risk, already notified', now: '2026-03-02T11:10:00Z', facts: [fact.marker('sweep:at-risk', '2026-03-02T11:05:00Z', 'at-risk')], notify: null, markers: [] },
    { name: 'breached without an at-risk note: breached only, both marked', now: '2026-03-02T12:10:00Z', facts: [], notify: 'breached', markers: ['breached', 'at-risk'] },
    { name: 'breached after at-risk', now: '2026-03-02T12:10:00Z', facts: [fact.marker('sweep:at-risk', '2026-03-02T11:05:00Z', 'at-risk')], notify: 'breached', markers: ['breached'] },
    { name: 'breached, already notified', now: '2026-03-02T12:10:00Z', facts: [fact.marker('sweep:breached', '2026-03-02T12:05:00Z', 'breached')], notify: null, markers: [] },
    { name: 'resolved: nothing', now: '2026-03-02T12:10:00Z', facts: [fact.resolved('c1', '2026-03-02T12:05:00Z')], notify: null, markers: [] },
  ] as const)('$name', ({ now, facts, notify, markers }) => {
    const plan = planSweep(clock([...facts], '2026-03-02T08:00:00Z'), new Date(now));
    expect(plan.notify).toBe(notify);
    expect(plan.markerFacts.map((f) => (f.kind === 'marker' ? f.marker : f.kind))).toEqual(markers);
  });

  it('marks once: the same plan applied twice stores the same record', () => {
    const now = new Date('2026-03-02T11:10:00Z');
    const plan = planSweep(clock([], now.toISOString()), now);
    const once = applyFacts(plan.record, plan.markerFacts, now);
    expect(applyFacts(once, plan.markerFacts, now)).toEqual(once);
    expect(planSweep(once, now).notify).toBeNull();
  });
});

describe('planSweep after a clock recovered (markers decide only whether to notify again)', () => {
  it('notifies a new breach after a priority downgrade moved the deadline past the last breach notice', () => {
    const notified = [fact.marker('sweep:at-risk', '2026-03-02T12:05:00Z', 'at-risk'), fact.marker('sweep:breached', '2026-03-02T12:05:00Z', 'breached')];
    // P3 (240 min) → P5 (960 min) at 12:30: the deadline moves to midnight, no longer breached.
    const downgraded = [...notified, fact.priority('p1', '2026-03-02T12:30:00Z', 'P5')];
    const healthy = planSweep(clock(downgraded, '2026-03-02T12:40:00Z'), new Date('2026-03-02T12:40:00Z'));
    expect(healthy.record.state).not.toBe('breached');
    expect(healthy.notify).toBeNull();
    const deadline = Date.parse(healthy.record.deadline ?? '');
    expect(deadline).toBeGreaterThan(Date.parse('2026-03-02T12:40:00Z'));
    const later = new Date(deadline + 5 * 60_000);
    const plan = planSweep(clock(downgraded, later.toISOString()), later);
    expect(plan.notify).toBe('breached');
    const marked = applyFacts(plan.record, plan.markerFacts, later);
    expect(planSweep(marked, later).notify).toBeNull();
  });
});

describe('computeNextCheckAt', () => {
  it.each([
    { name: 'the at-risk instant comes first', facts: [], expected: '2026-03-02T11:00:00.000Z' },
    { name: 'an at-risk note does not stop the clock from being checked at its at-risk instant', facts: [fact.marker('sweep:at-risk', '2026-03-02T09:01:00Z', 'at-risk')], expected: '2026-03-02T11:00:00.000Z' },
    { name: 'paused: only an event can change it', facts: [fact.waiting('c1', '2026-03-02T09:00:00Z')], expected: null },
    { name: 'resolved: never', facts: [fact.resolved('c1', '2026-03-02T09:00:00Z')], expected: null },
    {
      // Notices of an earlier episode (before a downgrade or reopen): the clock is running again and
      // its next at-risk instant must still be handled (issue 10 item 9).
      name: 'old notices of both kinds: still the next at-risk instant',
      facts: [fact.marker('a', '2026-03-02T08:01:00Z', 'at-risk'), fact.marker('b', '2026-03-02T08:02:00Z', 'breached')],
      expected: '2026-03-02T11:00:00.000Z',
    },
  ])('$name', ({ facts, expected }) => {
    const now = '2026-03-02T09:30:00Z';
    expect(computeNextCheckAt(clock(facts, now), new Date(now))).toBe(expected);
  });

  it('is just after the deadline once at risk and notified, and now when a notice is owed', () => {
    const notified = clock([fact.marker('sweep:at-risk', '2026-03-02T11:05:00Z', 'at-risk')], '2026-03-02T11:10:00Z');
    expect(computeNextCheckAt(notified, new Date('2026-03-02T11:10:00Z'))).toBe('2026-03-02T12:00:00.001Z');
    const owed = clock([], '2026-03-02T11:10:00Z');
    expect(computeNextCheckAt(owed, new Date('2026-03-02T11:10:00Z'))).toBe('2026-03-02T11:10:00.000Z');
    const breachedAndNotified = clock([fact.marker('sweep:breached', '2026-03-02T12:05:00Z', 'breached')], '2026-03-02T12:10:00Z');
    expect(computeNextCheckAt(breachedAndNotified, new Date('2026-03-02T12:10:00Z'))).toBeNull();
  });
});

describe('listClockActions', () => {
  it.each([
    { name: 'running', facts: [], now: '2026-03-02T09:30:00Z', expected: { pause: true, resume: false, extend: true, reapply: true, promise: false } },
    { name: 'paused by hand', facts: [fact.pause('m1', '2026-03-02T09:00:00Z')], now: '2026-03-02T09:30:00Z', expected: { pause: false, resume: true, extend: true, reapply: true, promise: false } },
    { name: 'paused by status', facts: [fact.waiting('c1', '2026-03-02T09:00:00Z')], now: '2026-03-02T09:30:00Z', expected: { pause: true, resume: false, extend: true, reapply: true, promise: false } },
    { name: 'resolved', facts: [fact.resolved('c1', '2026-03-02T09:00:00Z')], now: '2026-03-02T09:30:00Z', expected: { pause: false, resume: false, extend: false, reapply: true, promise: false } },
    // at risk from 11:00, breached after 12:00: a new expected time can be promised
    { name: 'at risk', facts: [], now: '2026-03-02T11:30:00Z', expected: { pause: true, resume: false, extend: true, reapply: true, promise: true } },
    { name: 'breached', facts: [], now: '2026-03-02T13:00:00Z', expected: { pause: true, resume: false, extend: true, reapply: true, promise: true } },
    { name: 'breached and resolved', facts: [fact.resolved('c1', '2026-03-02T12:30:00Z')], now: '2026-03-02T13:00:00Z', expected: { pause: false, resume: false, extend: false, reapply: true, promise: false } },
  ])('$name', ({ facts, now, expected }) => {
    expect(listClockActions(clock(facts, now))).toEqual(expected);
  });
});
