/**
 * The contract clock: semantics of every kind of fact (table-driven, on a 24x7 UTC calendar so the
 * expected instants can be checked by hand), service changes, re-apply, uncovered and broken records,
 * deduplication and the history cap.
 */
import { CLOCK_RECORD_LIMITS, clockRecordSchema, type ClockFact, type ClockRecord, type IssueStatus, type Terms } from '../../src/contract/clock-record';
import {
  applyFacts,
  createErrorRecord,
  digestTerms,
  evaluateClock,
  parseClockRecord,
  reapplyTerms,
  rebuildClockRecord,
  startClock,
} from '../../src/domain/clock';
import type { TermsResolution } from '../../src/domain/resolve-terms';
import { OPEN, UTC_OFFICE, covered, fact, iso, makeTerms } from './clock-fixtures';

const CREATED = '2026-03-02T08:00:00Z'; // a Monday

function run(facts: ClockFact[], now: string, options: { terms?: Partial<Terms>; start?: IssueStatus } = {}): ClockRecord {
  return startClock({
    termsResolution: covered(makeTerms(options.terms)),
    createdAt: new Date(CREATED),
    status: options.start ?? OPEN,
    now: new Date(now),
    facts,
  });
}

interface Expectation {
  state: ClockRecord['state'];
  deadline?: string | null;
  outcome?: ClockRecord['outcome'];
  resolvedAt?: string | null;
}

describe('clock semantics (P3 = 240 min, response 60 min, 24x7 UTC, created Monday 08:00Z)', () => {
  const cases: { name: string; facts: ClockFact[]; now: string; start?: IssueStatus; terms?: Partial<Terms>; expect: Expectation }[] = [
    { name: 'no events: deadline = creation + target', facts: [], now: '2026-03-02T09:00:00Z', expect: { state: 'running', deadline: '2026-03-02T12:00:00.000Z' } },
    { name: 'at risk once 75 % of the target is used', facts: [], now: '2026-03-02T11:00:00Z', expect: { state: 'at-risk', deadline: '2026-03-02T12:00:00.000Z' } },
    { name: 'not breached at the deadline instant itself', facts: [], now: '2026-03-02T12:00:00Z', expect: { state: 'at-risk' } },
    { name: 'breached just after the deadline', facts: [], now: '2026-03-02T12:00:00.001Z', expect: { state: 'breached', deadline: '2026-03-02T12:00:00.000Z' } },
    {
      name: 'a pause status moves the deadline by its length',
      facts: [fact.waiting('c1', '2026-03-02T09:00:00Z'), fact.working('c2', '2026-03-02T10:00:00Z')],
      now: '2026-03-02T10:30:00Z',
      expect: { state: 'running', deadline: '2026-03-02T13:00:00.000Z' },
    },
    {
      name: 'pause statuses match case-insensitively',
      facts: [fact.status('c1', '2026-03-02T09:00:00Z', 'WAITING FOR CUSTOMER'), fact.working('c2', '2026-03-02T10:00:00Z')],
      now: '2026-03-02T10:30:00Z',
      expect: { state: 'running', deadline: '2026-03-02T13:00:00.000Z' },
    },
    {
      name: 'a paused clock has no deadline',
      facts: [fact.waiting('c1', '2026-03-02T09:00:00Z')],
      now: '2026-03-02T20:00:00Z',
      expect: { state: 'paused', deadline: null },
    },
    {
      name: 'paused after the deadline stays breached',
      facts: [fact.waiting('c1', '2026-03-02T13:00:00Z')],
      now: '2026-03-02T14:00:00Z',
      expect: { state: 'breached', deadline: '2026-03-02T12:00:00.000Z' },
    },
    {
      name: 'resolved in time: met, frozen',
      facts: [fact.resolved('c1', '2026-03-02T11:00:00Z')],
      now: '2026-03-09T00:00:00Z',
      expect: { state: 'met', outcome: 'met', resolvedAt: '2026-03-02T11:00:00.000Z', deadline: '2026-03-02T12:00:00.000Z' },
    },
    {
      name: 'resolved exactly at the deadline: met',
      facts: [fact.resolved('c1', '2026-03-02T12:00:00Z')],
      now: '2026-03-09T00:00:00Z',
      expect: { state: 'met', outcome: 'met' },
    },
    {
      name: 'resolved late: missed (outcome breached)',
      facts: [fact.resolved('c1', '2026-03-02T12:30:00Z')],
      now: '2026-03-09T00:00:00Z',
      expect: { state: 'missed', outcome: 'breached', deadline: '2026-03-02T12:00:00.000Z' },
    },
    {
      name: 'a resolution set without a done category counts as resolved',
      facts: [fact.status('c1', '2026-03-02T11:00:00Z', 'Closed', 'indeterminate', "Won't do")],
      now: '2026-03-09T00:00:00Z',
      expect: { state: 'met', outcome: 'met' },
    },
    {
      name: 'reopened: the time spent resolved counts as paused',
      facts: [fact.resolved('c1', '2026-03-02T10:00:00Z'), fact.reopened('c2', '2026-03-02T11:00:00Z')],
      now: '2026-03-02T11:30:00Z',
      expect: { state: 'running', deadline: '2026-03-02T13:00:00.000Z', outcome: null, resolvedAt: null },
    },
    {
      name: 'reopened and resolved again: judged at the last resolution',
      facts: [fact.resolved('c1', '2026-03-02T10:00:00Z'), fact.reopened('c2', '2026-03-02T11:00:00Z'), fact.resolved('c3', '2026-03-02T13:30:00Z')],
      now: '2026-03-03T00:00:00Z',
      expect: { state: 'missed', outcome: 'breached', deadline: '2026-03-02T13:00:00.000Z', resolvedAt: '2026-03-02T13:30:00.000Z' },
    },
    {
      name: 'priority up: elapsed time carries over (60 used of P2 120)',
      facts: [fact.priority('p1', '2026-03-02T09:00:00Z', 'P2')],
      now: '2026-03-02T09:10:00Z',
      expect: { state: 'running', deadline: '2026-03-02T10:00:00.000Z' },
    },
    {
      name: 'priority up to a target already used: breached at the crossing instant',
      facts: [fact.priority('p1', '2026-03-02T09:30:00Z', 'P1')],
      now: '2026-03-02T09:31:00Z',
      expect: { state: 'breached', deadline: '2026-03-02T09:00:00.000Z' },
    },
    {
      name: 'priority down: later deadline',
      facts: [fact.priority('p1', '2026-03-02T09:00:00Z', 'P4')],
      now: '2026-03-02T09:10:00Z',
      expect: { state: 'running', deadline: '2026-03-02T16:00:00.000Z' },
    },
    {
      name: 'a priority change after the resolution does not touch the outcome',
      facts: [fact.resolved('c1', '2026-03-02T11:00:00Z'), fact.priority('p1', '2026-03-02T11:30:00Z', 'P1')],
      now: '2026-03-03T00:00:00Z',
      expect: { state: 'met', outcome: 'met', deadline: '2026-03-02T12:00:00.000Z' },
    },
    {
      name: 'an extension adds business minutes',
      facts: [fact.extend('x1', '2026-03-02T10:00:00Z', 60)],
      now: '2026-03-02T10:00:00Z',
      expect: { state: 'running', deadline: '2026-03-02T13:00:00.000Z' },
    },
    {
      name: 'an extension after a breach gives a new deadline',
      facts: [fact.extend('x1', '2026-03-02T12:15:00Z', 120)],
      now: '2026-03-02T12:30:00Z',
      expect: { state: 'at-risk', deadline: '2026-03-02T14:00:00.000Z' },
    },
    {
      name: 'an extension while resolved does not rescue the outcome',
      facts: [fact.resolved('c1', '2026-03-02T12:30:00Z'), fact.extend('x1', '2026-03-02T13:00:00Z', 60)],
      now: '2026-03-03T00:00:00Z',
      expect: { state: 'missed', outcome: 'breached' },
    },
    {
      name: 'manual pause and resume',
      facts: [fact.pause('m1', '2026-03-02T09:00:00Z'), fact.resume('m2', '2026-03-02T10:00:00Z')],
      now: '2026-03-02T10:30:00Z',
      expect: { state: 'running', deadline: '2026-03-02T13:00:00.000Z' },
    },
    {
      name: 'a manual pause overlapping a status pause counts once',
      facts: [
        fact.waiting('c1', '2026-03-02T09:00:00Z'),
        fact.pause('m1', '2026-03-02T09:30:00Z'),
        fact.working('c2', '2026-03-02T10:00:00Z'),
        fact.resume('m2', '2026-03-02T10:30:00Z'),
      ],
      now: '2026-03-02T11:00:00Z',
      expect: { state: 'running', deadline: '2026-03-02T13:30:00.000Z' },
    },
    {
      name: 'created in a pause status: counts from leaving it',
      start: { status: 'Waiting for customer', statusCategory: 'indeterminate', resolution: null },
      facts: [fact.working('c1', '2026-03-02T10:00:00Z')],
      now: '2026-03-02T10:30:00Z',
      expect: { state: 'running', deadline: '2026-03-02T14:00:00.000Z' },
    },
    {
      name: 'created resolved: met at once',
      start: { status: 'Resolved', statusCategory: 'done', resolution: 'Done' },
      facts: [],
      now: '2026-03-02T10:30:00Z',
      expect: { state: 'met', outcome: 'met', resolvedAt: '2026-03-02T08:00:00.000Z' },
    },
    {
      name: 'facts stamped before creation take effect at creation',
      facts: [fact.waiting('c1', '2026-03-02T07:00:00Z'), fact.working('c2', '2026-03-02T09:00:00Z')],
      now: '2026-03-02T09:30:00Z',
      expect: { state: 'running', deadline: '2026-03-02T13:00:00.000Z' },
    },
    {
      name: 'contract pause statuses come from the terms',
      terms: { pauseStatuses: ['Pending vendor'] },
      facts: [fact.waiting('c1', '2026-03-02T09:00:00Z'), fact.status('c2', '2026-03-02T10:00:00Z', 'Pending vendor'), fact.working('c3', '2026-03-02T11:00:00Z')],
      now: '2026-03-02T11:00:00Z',
      // "Waiting for customer" is not a pause status of these terms: 120 counted, then 60 paused.
      expect: { state: 'running', deadline: '2026-03-02T13:00:00.000Z' },
    },
    {
      name: 'office hours: Friday 16:00 + 240 business minutes = Monday 12:00',
      terms: { calendar: UTC_OFFICE },
      facts: [],
      now: '2026-03-06T16:30:00Z',
      expect: { state: 'running', deadline: '2026-03-09T12:00:00.000Z' },
    },
  ];

  it.each(cases)('$name', ({ facts, now, start, terms, expect: expected }) => {
    const created = terms?.calendar === UTC_OFFICE ? '2026-03-06T16:00:00Z' : CREATED;
    const record = startClock({
      termsResolution: covered(makeTerms(terms)),
      createdAt: new Date(created),
      status: start ?? OPEN,
      now: new Date(now),
      facts,
    });
    expect(record.state).toBe(expected.state);
    if (expected.deadline !== undefined) expect(record.deadline).toBe(expected.deadline);
    if (expected.outcome !== undefined) expect(record.outcome).toBe(expected.outcome);
    if (expected.resolvedAt !== undefined) expect(record.resolvedAt).toBe(expected.resolvedAt);
    expect(clockRecordSchema.safeParse(record).success).toBe(true);
  });
});

describe('derived details', () => {
  it('lists pauses with kind, reason and who', () => {
    const record = run(
      [
        fact.waiting('c1', '2026-03-02T09:00:00Z'),
        fact.pause('m1', '2026-03-02T09:30:00Z', 'Parts ordered'),
        fact.working('c2', '2026-03-02T10:00:00Z'),
        fact.resume('m2', '2026-03-02T10:30:00Z'),
        fact.resolved('c3', '2026-03-02T11:00:00Z'),
      ],
      '2026-03-02T12:00:00Z',
    );
    expect(record.pauses).toEqual([
      { from: '2026-03-02T09:00:00.000Z', to: '2026-03-02T09:30:00.000Z', kind: 'status', reason: 'Waiting for customer', by: null },
      { from: '2026-03-02T09:30:00.000Z', to: '2026-03-02T10:30:00.000Z', kind: 'manual', reason: 'Parts ordered', by: 'agent-1' },
      { from: '2026-03-02T11:00:00.000Z', to: null, kind: 'resolved', reason: 'Done', by: null },
    ]);
  });

  it('keeps the old target of every re-target, with the elapsed time carried over', () => {
    const record = run([fact.priority('p1', '2026-03-02T09:00:00Z', 'P2', 'High'), fact.priority('p2', '2026-03-02T09:30:00Z', 'P2', 'High')], '2026-03-02T09:45:00Z');
    expect(record.retargets).toEqual([
      {
        at: '2026-03-02T09:00:00.000Z',
        cause: 'priority',
        from: { priorityClass: 'P3', serviceId: 'email', levelId: 'gold', resolutionMinutes: 240, responseMinutes: 60 },
        to: { priorityClass: 'P2', serviceId: 'email', levelId: 'gold', resolutionMinutes: 120, responseMinutes: 30 },
        elapsedMinutes: 60,
      },
    ]);
    expect(record.target).toMatchObject({ priorityClass: 'P2', jiraPriority: 'High', resolutionMinutes: 120, responseMinutes: 30 });
  });

  it.each([
    { name: 'comment within the response target', facts: [fact.comment('k1', '2026-03-02T08:30:00Z')], outcome: 'met', by: 'comment', deadline: '2026-03-02T09:00:00.000Z' },
    { name: 'comment after the response target', facts: [fact.comment('k1', '2026-03-02T09:30:00Z')], outcome: 'breached', by: 'comment', deadline: '2026-03-02T09:00:00.000Z' },
    { name: 'only the first comment counts', facts: [fact.comment('k2', '2026-03-02T09:30:00Z'), fact.comment('k1', '2026-03-02T08:30:00Z')], outcome: 'met', by: 'comment', deadline: '2026-03-02T09:00:00.000Z' },
    { name: 'a resolution before any comment is the response', facts: [fact.resolved('c1', '2026-03-02T08:45:00Z'), fact.comment('k1', '2026-03-02T10:00:00Z')], outcome: 'met', by: 'resolution', deadline: '2026-03-02T09:00:00.000Z' },
    { name: 'a pause stretches the response target', facts: [fact.waiting('c1', '2026-03-02T08:10:00Z'), fact.working('c2', '2026-03-02T08:40:00Z'), fact.comment('k1', '2026-03-02T09:20:00Z')], outcome: 'met', by: 'comment', deadline: '2026-03-02T09:30:00.000Z' },
    { name: 'judged by the class in force at the response', facts: [fact.priority('p1', '2026-03-02T08:05:00Z', 'P1'), fact.comment('k1', '2026-03-02T08:20:00Z')], outcome: 'breached', by: 'comment', deadline: '2026-03-02T08:15:00.000Z' },
  ])('first response: $name', ({ facts, outcome, by, deadline }) => {
    const record = run(facts, '2026-03-02T10:00:00Z');
    expect(record.response).toMatchObject({ outcome, respondedBy: by, deadline });
  });

  it('has no response part when the class has no response target', () => {
    expect(run([], '2026-03-02T09:00:00Z', { terms: { priorityClass: 'P4' } }).response).toBeNull();
  });

  it('records the at-risk instant and the latest notification of each kind', () => {
    const record = run(
      [fact.marker('sweep:at-risk', '2026-03-02T11:05:00Z', 'at-risk'), fact.marker('other-at-risk', '2026-03-02T11:01:00Z', 'at-risk')],
      '2026-03-02T11:10:00Z',
    );
    expect(record.atRiskAt).toBe('2026-03-02T11:00:00.000Z');
    expect(record.markers).toEqual({ atRiskNotifiedAt: '2026-03-02T11:05:00.000Z', breachedNotifiedAt: null });
    expect(record.history.filter((f) => f.kind === 'marker')).toHaveLength(1);
  });

  it('applies facts stamped after now (clock skew) and measures progress at the last fact', () => {
    const record = run([fact.working('c1', '2026-03-02T11:30:00Z')], '2026-03-02T09:00:00Z');
    expect(record.state).toBe('at-risk');
  });

  it('counts extensions in the current target', () => {
    const record = run([fact.extend('x1', '2026-03-02T09:00:00Z', 30), fact.extend('x2', '2026-03-02T10:00:00Z', 45)], '2026-03-02T10:00:00Z');
    expect(record.target).toMatchObject({ resolutionMinutes: 240, extensionMinutes: 75, extensions: 2 });
    expect(record.deadline).toBe('2026-03-02T13:15:00.000Z');
  });
});

describe('service changes', () => {
  const network = {
    service: { id: 'network', name: 'Network' },
    level: { id: 'silver', name: 'Silver' },
    bespoke: true,
    targets: {
      P1: { resolutionMinutes: 30 },
      P2: { resolutionMinutes: 90 },
      P3: { resolutionMinutes: 480 },
      P4: { resolutionMinutes: 960 },
      P5: { resolutionMinutes: 1920 },
    },
    calendarRef: { id: 'office', name: 'Office' },
    calendar: UTC_OFFICE,
  };

  it('re-targets to the new service terms in their calendar, carrying elapsed time over', () => {
    // 08:00–10:00 in 24x7 = 120 used; from 10:00 the office calendar counts the remaining 360: 10:00–16:00.
    const record = run([{ kind: 'service', id: 's1', at: iso('2026-03-02T10:00:00Z'), terms: network }], '2026-03-02T10:30:00Z');
    expect(record.deadline).toBe('2026-03-02T16:00:00.000Z');
    expect(record.target).toMatchObject({ service: { id: 'network', name: 'Network' }, level: { id: 'silver', name: 'Silver' }, bespoke: true, resolutionMinutes: 480 });
    expect(record.retargets[0]).toMatchObject({ cause: 'service', elapsedMinutes: 120, to: { serviceId: 'network', resolutionMinutes: 480 } });
  });

  it('ignores service changes from before a re-apply (the re-applied terms decide the service)', () => {
    const withChange = run([{ kind: 'service', id: 's1', at: iso('2026-03-02T10:00:00Z'), terms: network }], '2026-03-02T10:30:00Z');
    const result = reapplyTerms(withChange, covered(makeTerms({ priorityClass: 'P3' })), { id: 'a1', at: new Date('2026-03-02T10:30:00Z'), by: 'agent-1', reason: 'Service was wrong' }, new Date('2026-03-02T10:30:00Z'));
    expect(result.record.deadline).toBe('2026-03-02T12:00:00.000Z');
    expect(result.record.target?.service?.id).toBe('email');
  });
});

describe('re-apply terms', () => {
  const now = new Date('2026-03-02T09:00:00Z');
  const action = { id: 'reapply-1', at: now, by: 'agent-7', reason: 'Contract v2 signed retroactively' };

  it('previews the new deadline and keeps the old terms as a digest', () => {
    const record = run([fact.waiting('c1', '2026-03-02T08:30:00Z'), fact.working('c2', '2026-03-02T08:45:00Z')], now.toISOString());
    const stricter = makeTerms({ priorityClass: 'P3', contractVersion: 2, targets: { ...makeTerms().targets, P3: { resolutionMinutes: 120 } }, resolutionMinutes: 120 });
    const result = reapplyTerms(record, covered(stricter), action, now);
    expect(result.changed).toBe(true);
    expect(result.current.deadline).toBe('2026-03-02T12:15:00.000Z');
    expect(result.proposed.deadline).toBe('2026-03-02T10:15:00.000Z');
    expect(result.proposed.targetMinutes).toBe(120);
    expect(result.record.terms).toBe(stricter);
    expect(result.record.termsHistory).toEqual([
      { actionId: 'reapply-1', at: now.toISOString(), by: 'agent-7', reason: 'Contract v2 signed retroactively', previous: digestTerms(makeTerms()), next: digestTerms(stricter) },
    ]);
    // The facts survive: the pause still counts under the new terms.
    expect(result.record.history).toEqual(record.history);
  });

  it('is a no-op for an action id already applied', () => {
    const record = run([], now.toISOString());
    const once = reapplyTerms(record, covered(makeTerms({ contractVersion: 2 })), action, now).record;
    const twice = reapplyTerms(once, covered(makeTerms({ contractVersion: 3 })), action, now);
    expect(twice.changed).toBe(false);
    expect(twice.record).toEqual(once);
  });

  it('reports unchanged terms as not changed (but logs the action)', () => {
    const record = run([], now.toISOString());
    const result = reapplyTerms(record, covered(makeTerms()), action, now);
    expect(result.changed).toBe(false);
    expect(result.record.termsHistory).toHaveLength(1);
  });

  it('turns an uncovered request into a running clock counted from creation', () => {
    const uncovered: TermsResolution = { status: 'uncovered', reason: 'unknown-organization', priorityClass: 'P3', jiraPriority: 'Medium', explanation: [{ kind: 'uncovered', reason: 'unknown-organization' }], summary: 'no contract → uncovered' };
    const record = startClock({ termsResolution: uncovered, createdAt: new Date(CREATED), status: OPEN, now, facts: [fact.waiting('c1', '2026-03-02T08:15:00Z'), fact.working('c2', '2026-03-02T08:45:00Z')] });
    expect(record).toMatchObject({ state: 'uncovered', terms: null, deadline: null, uncovered: { reason: 'unknown-organization' } });
    const result = reapplyTerms(record, covered(makeTerms()), action, now);
    expect(result.record.state).toBe('running');
    expect(result.record.deadline).toBe('2026-03-02T12:30:00.000Z');
    expect(result.record.termsHistory[0]?.previous).toBeNull();
  });

  it('keeps at most the latest re-applies', () => {
    let record = run([], now.toISOString());
    for (let i = 0; i < CLOCK_RECORD_LIMITS.maxTermsHistory + 3; i++) {
      record = reapplyTerms(record, covered(makeTerms({ contractVersion: i + 1 })), { ...action, id: `a${i}`, at: new Date(now.getTime() + i * 1000) }, now).record;
    }
    expect(record.termsHistory).toHaveLength(CLOCK_RECORD_LIMITS.maxTermsHistory);
    expect(record.termsHistory.at(-1)?.actionId).toBe(`a${CLOCK_RECORD_LIMITS.maxTermsHistory + 2}`);
  });
});

describe('bad input', () => {
  const now = new Date('2026-03-02T10:00:00Z');

  it.each([
    { name: 'garbage string', value: 'hello', reason: 'malformed-record' },
    { name: 'null', value: null, reason: 'malformed-record' },
    { name: 'partial object', value: { schemaVersion: 1, state: 'running' }, reason: 'malformed-record' },
    { name: 'newer schema version', value: { schemaVersion: 2, anything: true }, reason: 'unsupported-schema-version' },
  ])('parseClockRecord rejects $name as $reason', ({ value, reason }) => {
    const parsed = parseClockRecord(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toBe(reason);
      expect(parsed.detail.length).toBeGreaterThan(0);
    }
  });

  it('parses a stored record back to the same value', () => {
    const record = run([fact.waiting('c1', '2026-03-02T09:00:00Z'), fact.comment('k1', '2026-03-02T08:20:00Z')], now.toISOString());
    const parsed = parseClockRecord(JSON.parse(JSON.stringify(record)));
    expect(parsed).toEqual({ ok: true, record });
  });

  it('never echoes property values in the parse detail', () => {
    const parsed = parseClockRecord({ schemaVersion: 1, state: 'secret-customer-name' });
    expect(parsed.ok ? '' : parsed.detail).not.toContain('secret-customer-name');
  });

  it('rebuilds a fresh record and notes why', () => {
    const parsed = parseClockRecord('garbage');
    if (parsed.ok) throw new Error('expected failure');
    const record = rebuildClockRecord({
      termsResolution: covered(makeTerms()),
      createdAt: new Date(CREATED),
      status: OPEN,
      now,
      facts: [fact.waiting('c1', '2026-03-02T09:00:00Z')],
      problem: parsed,
    });
    expect(record.state).toBe('paused');
    expect(record.history.find((f) => f.kind === 'problem')).toMatchObject({ reason: 'record-rebuilt', detail: expect.stringContaining('malformed-record') });
    expect(clockRecordSchema.safeParse(record).success).toBe(true);
  });

  it('gives a defined error record that keeps collecting facts and recovers on re-apply', () => {
    const broken = createErrorRecord({ reason: 'malformed-record', detail: '(root): invalid_type', createdAt: new Date(CREATED), status: OPEN, jiraPriority: null, priorityClass: 'P3', now });
    expect(broken).toMatchObject({ state: 'error', terms: null, error: { reason: 'malformed-record' } });
    expect(clockRecordSchema.safeParse(broken).success).toBe(true);
    const withFacts = applyFacts(broken, [fact.waiting('c1', '2026-03-02T09:00:00Z')], now);
    expect(withFacts.state).toBe('error');
    const fixed = reapplyTerms(withFacts, covered(makeTerms()), { id: 'fix', at: now, by: null, reason: 'Rebuilt' }, now).record;
    expect(fixed).toMatchObject({ state: 'paused', error: null });
  });

  it('turns a calendar without business time into state error with a reason', () => {
    // Only Mondays are working days, and every Monday for four years is a holiday.
    const holidays: string[] = [];
    for (let day = Date.parse('2026-03-02'); day < Date.parse('2030-03-04'); day += 7 * 86_400_000) holidays.push(new Date(day).toISOString().slice(0, 10));
    const record = run([], now.toISOString(), { terms: { calendar: { timeZone: 'UTC', week: { mon: [['09:00', '17:00']] }, holidays } } });
    expect(record.state).toBe('error');
    expect(record.error).toMatchObject({ reason: 'calendar', detail: expect.stringContaining('no business time') });
    expect(clockRecordSchema.safeParse(record).success).toBe(true);
  });

  it('turns a malformed fact into a problem note instead of failing', () => {
    const bad = { kind: 'status', id: 'c1', at: '2026-03-02T09:00:00Z', status: '', statusCategory: 'nonsense', resolution: null } as unknown as ClockFact;
    const record = applyFacts(run([], now.toISOString()), [bad], now);
    expect(record.state).toBe('running');
    expect(record.history).toEqual([expect.objectContaining({ kind: 'problem', reason: 'invalid-fact', at: '2026-03-02T09:00:00.000Z' })]);
    expect(applyFacts(record, [bad], now)).toEqual(record);
    expect(clockRecordSchema.safeParse(record).success).toBe(true);
  });

  it('keeps only the latest problem notes', () => {
    const problems = Array.from({ length: CLOCK_RECORD_LIMITS.maxProblems + 5 }, (_, i) => fact.problem(`p${i}`, `2026-03-02T09:${String(i).padStart(2, '0')}:00Z`));
    const record = run(problems, now.toISOString());
    expect(record.history).toHaveLength(CLOCK_RECORD_LIMITS.maxProblems);
    expect(record.history[0]?.id).toBe('p5');
  });
});

describe('idempotency and normalisation', () => {
  const now = new Date('2026-03-02T12:00:00Z');

  it('applying the same facts again changes nothing', () => {
    const facts = [fact.waiting('c1', '2026-03-02T09:00:00Z'), fact.working('c2', '2026-03-02T10:00:00Z'), fact.comment('k1', '2026-03-02T08:40:00Z')];
    const record = run(facts, now.toISOString());
    expect(applyFacts(record, facts, now)).toEqual(record);
    expect(applyFacts(record, [...facts].reverse(), now)).toEqual(record);
  });

  it('treats one instant written with another offset as the same instant', () => {
    const a = run([fact.waiting('c1', '2026-03-02T09:00:00Z')], now.toISOString());
    const b = run([{ kind: 'status', id: 'c1', at: '2026-03-02T10:00:00+01:00', status: 'Waiting for customer', statusCategory: 'indeterminate', resolution: null }], now.toISOString());
    expect(b).toEqual(a);
  });

  it('keeps two different facts that claim one id, whatever the arrival order', () => {
    const x = fact.waiting('c1', '2026-03-02T09:00:00Z');
    const y = fact.working('c1', '2026-03-02T09:30:00Z');
    const start = run([], now.toISOString());
    const xy = applyFacts(applyFacts(start, [x], now), [y], now);
    expect(xy).toEqual(applyFacts(applyFacts(start, [y], now), [x], now));
    expect(xy.history).toHaveLength(2);
    expect(xy.deadline).toBe('2026-03-02T12:30:00.000Z');
  });

  it('copies the revision unchanged (the writer owns it)', () => {
    const record = { ...run([], now.toISOString()), revision: 7 };
    expect(applyFacts(record, [fact.waiting('c1', '2026-03-02T09:00:00Z')], now).revision).toBe(7);
  });
});

describe('history cap', () => {
  const now = new Date('2026-03-20T00:00:00Z');
  /** A pause status toggled every 10 minutes: 2 facts per 20 minutes. */
  function toggles(count: number): ClockFact[] {
    const start = Date.parse('2026-03-02T08:05:00Z');
    return Array.from({ length: count }, (_, i) => {
      const at = new Date(start + i * 10 * 60_000).toISOString();
      return i % 2 === 0 ? fact.waiting(`c${i}`, at) : fact.working(`c${i}`, at);
    });
  }
  /** The same facts evaluated without any folding: the reference answer. */
  function unfolded(facts: ClockFact[], terms: Terms): ClockRecord {
    const base = startClock({ termsResolution: covered(terms), createdAt: new Date(CREATED), status: OPEN, now });
    const sorted = [...facts].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : 1));
    return evaluateClock({ ...base, history: sorted }, now);
  }

  it.each([{ count: 150 }, { count: 400 }])('folds $count facts into a checkpoint with the same deadline', ({ count }) => {
    const terms = makeTerms({ priorityClass: 'P5' });
    const facts = toggles(count);
    let record = startClock({ termsResolution: covered(terms), createdAt: new Date(CREATED), status: OPEN, now });
    // Delivered in batches, as events would be.
    for (let i = 0; i < facts.length; i += 7) record = applyFacts(record, facts.slice(i, i + 7), now);
    const reference = unfolded(facts, terms);
    expect(record.checkpoint).not.toBeNull();
    expect(record.history.length).toBeLessThanOrEqual(CLOCK_RECORD_LIMITS.maxFacts);
    expect(Buffer.byteLength(JSON.stringify(record), 'utf8')).toBeLessThanOrEqual(CLOCK_RECORD_LIMITS.maxRecordBytes);
    expect({ state: record.state, deadline: record.deadline, outcome: record.outcome, atRiskAt: record.atRiskAt }).toEqual({
      state: reference.state,
      deadline: reference.deadline,
      outcome: reference.outcome,
      atRiskAt: reference.atRiskAt,
    });
    expect(clockRecordSchema.safeParse(record).success).toBe(true);
  });

  it('keeps deadlines exact when a later re-target falls inside the folded part', () => {
    const terms = makeTerms({ priorityClass: 'P5' });
    const facts = [...toggles(150), fact.priority('p1', '2026-03-03T09:00:00Z', 'P1')];
    const record = applyFacts(startClock({ termsResolution: covered(terms), createdAt: new Date(CREATED), status: OPEN, now }), facts, now);
    expect(record.deadline).toBe(unfolded(facts, terms).deadline);
  });

  it('ignores (and counts) a fact older than the checkpoint', () => {
    const record = applyFacts(startClock({ termsResolution: covered(makeTerms({ priorityClass: 'P5' })), createdAt: new Date(CREATED), status: OPEN, now }), toggles(150), now);
    const late = applyFacts(record, [fact.pause('late', '2026-03-02T08:06:00Z')], now);
    expect(late.ignoredFacts).toBe(record.ignoredFacts + 1);
    expect(late.history).toEqual(record.history);
  });
});
