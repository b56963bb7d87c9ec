/**
 * Compliance: outcomes of records, aggregate arithmetic, the idempotent update protocol (property:
 * any replay of updates ends where a rebuild from the final outcomes ends), and the report queries.
 */
import fc from 'fast-check';
import { complianceAggregateSchema, issueOutcomeSchema, NO_ENTITY_KEY, type ComplianceAggregate, type IssueOutcome } from '../../src/contract/compliance-aggregate';
import { PRIORITY_CLASSES } from '../../src/contract/contract-database';
import { startClock } from '../../src/domain/clock';
import {
  ComplianceKeyError,
  aggregateKeyOf,
  applyOutcome,
  applyOutcomeUpdate,
  checkLevelAgreements,
  countingCalendarOf,
  emptyAggregate,
  issueOutcomeOf,
  percentOf,
  planOutcomeUpdate,
  rebuildAggregates,
  removeOutcome,
  summarizeCompliance,
} from '../../src/domain/compliance';
import { OPEN, UTC_24X7, covered, fact, makeTerms } from './clock-fixtures';

function outcome(overrides: Partial<IssueOutcome> = {}): IssueOutcome {
  return {
    schemaVersion: 1,
    issueId: '10001',
    month: '2026-03',
    customerId: 'acme',
    serviceId: 'email',
    levelId: 'gold',
    priorityClass: 'P2',
    outcome: 'met',
    response: 'met',
    extensions: 0,
    resolvedAt: '2026-03-10T10:00:00.000Z',
    ...overrides,
  };
}

describe('issueOutcomeOf', () => {
  const created = new Date('2026-03-31T20:00:00Z');
  // Issue 8's counting rule: the calendar's zone decides the month, not the contract's.
  const terms = makeTerms({ timeZone: 'UTC', calendar: { ...UTC_24X7, timeZone: 'Europe/Amsterdam' } });

  it('is null while the request is open', () => {
    const record = startClock({ termsResolution: covered(terms), createdAt: created, status: OPEN, now: created });
    expect(issueOutcomeOf('10001', record)).toBeNull();
  });

  it('takes the month of the resolution in the calendar’s zone, and the final class', () => {
    // Resolved 31 March 22:30 UTC = 1 April 00:30 in Amsterdam.
    const record = startClock({
      termsResolution: covered(terms),
      createdAt: created,
      status: OPEN,
      now: new Date('2026-04-02T00:00:00Z'),
      facts: [fact.priority('p', '2026-03-31T20:30:00Z', 'P2'), fact.extend('x', '2026-03-31T21:00:00Z', 30), fact.comment('k', '2026-03-31T20:10:00Z'), fact.resolved('r', '2026-03-31T22:30:00Z')],
    });
    const result = issueOutcomeOf('10001', record);
    expect(result).toEqual({
      schemaVersion: 1,
      issueId: '10001',
      month: '2026-04',
      customerId: 'acme',
      serviceId: 'email',
      levelId: 'gold',
      priorityClass: 'P2',
      // P2 120 min + 30 extension from 20:00 = 22:30, exactly when it was resolved.
      outcome: 'met',
      response: 'met',
      extensions: 1,
      resolvedAt: '2026-03-31T22:30:00.000Z',
    });
    expect(issueOutcomeSchema.safeParse(result).success).toBe(true);
  });

  it('files requests without customer or service under ~none', () => {
    const record = startClock({
      termsResolution: covered(makeTerms({ customer: null, service: null, coverage: 'fallback', fallbackReason: 'unknown-organization' })),
      createdAt: created,
      status: OPEN,
      now: created,
      facts: [fact.resolved('r', '2026-03-31T20:30:00Z')],
    });
    expect(issueOutcomeOf('1', record)).toMatchObject({ customerId: NO_ENTITY_KEY, serviceId: NO_ENTITY_KEY, outcome: 'met' });
  });

  it('files best-effort (fallback) terms under ~none even when they name the customer of an expired contract', () => {
    const record = startClock({
      termsResolution: covered(makeTerms({ coverage: 'fallback', fallbackReason: 'contract-expired', contract: null, contractVersion: null })),
      createdAt: created,
      status: OPEN,
      now: created,
      facts: [fact.resolved('r', '2026-03-31T20:30:00Z')],
    });
    expect(issueOutcomeOf('1', record)).toMatchObject({ customerId: NO_ENTITY_KEY, outcome: 'met' });
  });

  it('after a service change, counts in the zone of the new service’s calendar', () => {
    // Created in an Amsterdam calendar; the service change moves it to a New York one. Resolved on
    // 1 April 02:00 UTC: 1 April in Amsterdam, still 31 March in New York.
    const nyCalendar = { ...UTC_24X7, timeZone: 'America/New_York' };
    const record = startClock({
      termsResolution: covered(terms),
      createdAt: created,
      status: OPEN,
      now: new Date('2026-04-02T00:00:00Z'),
      facts: [
        {
          kind: 'service',
          id: 'svc',
          at: '2026-03-31T21:00:00.000Z',
          terms: { service: { id: 'network', name: 'Network' }, level: { id: 'gold-ny', name: 'Gold (New York)' }, bespoke: false, targets: terms.targets, calendarRef: { id: 'ny', name: 'NY' }, calendar: nyCalendar },
        },
        fact.resolved('r', '2026-04-01T02:00:00Z'),
      ],
    });
    expect(countingCalendarOf(record).timeZone).toBe('America/New_York');
    expect(issueOutcomeOf('1', record)).toMatchObject({ month: '2026-03', serviceId: 'network', levelId: 'gold-ny' });
  });

  it('counts a re-opened request by its last resolution', () => {
    const record = startClock({
      termsResolution: covered(terms),
      createdAt: created,
      status: OPEN,
      now: new Date('2026-05-02T00:00:00Z'),
      facts: [fact.resolved('r1', '2026-03-31T20:30:00Z'), fact.reopened('o', '2026-04-02T08:00:00Z'), fact.resolved('r2', '2026-04-02T09:00:00Z')],
    });
    expect(issueOutcomeOf('1', record)).toMatchObject({ month: '2026-04', resolvedAt: '2026-04-02T09:00:00.000Z' });
  });
});

describe('aggregate arithmetic', () => {
  it('counts an outcome into its cell', () => {
    const aggregate = applyOutcome(emptyAggregate({ month: '2026-03', customerId: 'acme' }), outcome({ extensions: 2, response: 'breached' }));
    expect(aggregate.cells).toEqual([
      { serviceId: 'email', levelId: 'gold', priorityClass: 'P2', met: 1, breached: 0, responseMet: 0, responseBreached: 1, extended: 1, extensions: 2 },
    ]);
    expect(complianceAggregateSchema.safeParse(aggregate).success).toBe(true);
  });

  it('removes exactly what it added, dropping empty cells', () => {
    const base = applyOutcome(emptyAggregate({ month: '2026-03', customerId: 'acme' }), outcome({ issueId: 'a', serviceId: 'network' }));
    expect(removeOutcome(applyOutcome(base, outcome({ issueId: 'b' })), outcome({ issueId: 'b' }))).toEqual(base);
  });

  it('never counts below zero', () => {
    const aggregate = removeOutcome(emptyAggregate({ month: '2026-03', customerId: 'acme' }), outcome());
    expect(aggregate.cells).toEqual([]);
  });

  it('refuses an outcome of another month or customer', () => {
    expect(() => applyOutcome(emptyAggregate({ month: '2026-02', customerId: 'acme' }), outcome())).toThrow(ComplianceKeyError);
  });

  it.each([
    { name: 'first outcome', previous: null, next: outcome(), expected: { unchanged: false, remove: null, add: outcome() } },
    { name: 'replay of the same outcome', previous: outcome(), next: outcome(), expected: { unchanged: true } },
    { name: 'reopened', previous: outcome(), next: null, expected: { unchanged: false, remove: outcome(), add: null } },
    { name: 'nothing before, nothing now', previous: null, next: null, expected: { unchanged: true } },
    {
      name: 'resolved again, later and late',
      previous: outcome(),
      next: outcome({ outcome: 'breached', month: '2026-04', resolvedAt: '2026-04-01T09:00:00.000Z' }),
      expected: { unchanged: false, remove: outcome(), add: outcome({ outcome: 'breached', month: '2026-04', resolvedAt: '2026-04-01T09:00:00.000Z' }) },
    },
  ])('planOutcomeUpdate: $name', ({ previous, next, expected }) => {
    expect(planOutcomeUpdate(previous, next)).toEqual(expected);
  });

  it('moves a contribution between months', () => {
    const march = applyOutcome(emptyAggregate({ month: '2026-03', customerId: 'acme' }), outcome());
    const next = outcome({ month: '2026-04', resolvedAt: '2026-04-01T09:00:00.000Z' });
    const changed = applyOutcomeUpdate([march], planOutcomeUpdate(outcome(), next));
    expect(changed).toEqual([emptyAggregate({ month: '2026-03', customerId: 'acme' }), applyOutcome(emptyAggregate(aggregateKeyOf(next)), next)]);
  });
});

describe('the update protocol is idempotent and matches a rebuild', () => {
  const outcomeArb = fc.record({
    issueId: fc.constantFrom('1', '2', '3', '4', '5'),
    month: fc.constantFrom('2026-01', '2026-02', '2026-03'),
    customerId: fc.constantFrom('acme', 'globex', NO_ENTITY_KEY),
    serviceId: fc.constantFrom('email', 'network', NO_ENTITY_KEY),
    levelId: fc.constantFrom('gold', 'silver'),
    priorityClass: fc.constantFrom(...PRIORITY_CLASSES),
    outcome: fc.constantFrom('met' as const, 'breached' as const),
    response: fc.constantFrom('met' as const, 'breached' as const, 'none' as const),
    extensions: fc.nat({ max: 3 }),
    day: fc.integer({ min: 10, max: 28 }),
  }).map(({ day, ...o }): IssueOutcome => ({ schemaVersion: 1, ...o, resolvedAt: `${o.month}-${day}T10:00:00.000Z` }));

  /** One event: the issue's current outcome (null = reopened), possibly delivered twice. */
  const eventArb = fc.record({ issueId: fc.constantFrom('1', '2', '3', '4', '5'), next: fc.option(outcomeArb, { nil: null }), twice: fc.boolean() })
    .map(({ issueId, next, twice }) => ({ issueId, next: next === null ? null : { ...next, issueId }, twice }));

  it('ends where a rebuild from the final outcomes ends', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (events) => {
        // The storage layer in miniature: per-issue outcomes and aggregates by key.
        const perIssue = new Map<string, IssueOutcome>();
        const aggregates = new Map<string, ComplianceAggregate>();
        const handle = (issueId: string, next: IssueOutcome | null): void => {
          const plan = planOutcomeUpdate(perIssue.get(issueId) ?? null, next);
          for (const changed of applyOutcomeUpdate([...aggregates.values()], plan)) aggregates.set(`${changed.month}|${changed.customerId}`, changed);
          if (next === null) perIssue.delete(issueId);
          else perIssue.set(issueId, next);
        };
        for (const event of events) {
          handle(event.issueId, event.next);
          if (event.twice) handle(event.issueId, event.next);
        }
        const stored = [...aggregates.values()].filter((a) => a.cells.length > 0).sort((a, b) => (a.month + a.customerId < b.month + b.customerId ? -1 : 1));
        expect(stored).toEqual(rebuildAggregates(perIssue.values()));
      }),
      { numRuns: 300 },
    );
  });
});

describe('reports', () => {
  // March: ACME Gold e-mail 19 met / 1 breached, ACME Silver workplace 1 met, Globex Gold 9 met / 1 breached;
  // April: ACME Gold e-mail 5 met.
  const outcomes: IssueOutcome[] = [
    ...Array.from({ length: 19 }, (_, i) => outcome({ issueId: `a${i}`, priorityClass: i < 5 ? 'P1' : 'P3' })),
    outcome({ issueId: 'a-late', outcome: 'breached', response: 'breached', priorityClass: 'P1', extensions: 1 }),
    outcome({ issueId: 'a-ws', serviceId: 'workplace', levelId: 'silver', response: 'none' }),
    ...Array.from({ length: 9 }, (_, i) => outcome({ issueId: `g${i}`, customerId: 'globex' })),
    outcome({ issueId: 'g-late', customerId: 'globex', outcome: 'breached' }),
    ...Array.from({ length: 5 }, (_, i) => outcome({ issueId: `apr${i}`, month: '2026-04', resolvedAt: '2026-04-03T10:00:00.000Z' })),
  ];
  const aggregates = rebuildAggregates(outcomes);

  it('keeps one small aggregate per month and customer', () => {
    expect(aggregates.map((a) => `${a.month}/${a.customerId}`)).toEqual(['2026-03/acme', '2026-03/globex', '2026-04/acme']);
    expect(Math.max(...aggregates.map((a) => JSON.stringify(a).length))).toBeLessThan(2000);
  });

  it.each([
    {
      name: 'ACME in March by service',
      query: { from: '2026-03', to: '2026-03', customerId: 'acme', groupBy: ['service'] as const },
      rows: [
        { group: { service: 'email' }, met: 19, breached: 1, resolved: 20, compliancePercent: 95, responseMet: 19, responseBreached: 1, responseCompliancePercent: 95, extended: 1, extensions: 1 },
        { group: { service: 'workplace' }, met: 1, breached: 0, resolved: 1, compliancePercent: 100, responseCompliancePercent: null },
      ],
    },
    {
      name: 'the quarter by customer',
      query: { from: '2026-01', to: '2026-04', groupBy: ['customer'] as const },
      rows: [
        { group: { customer: 'acme' }, met: 25, breached: 1, compliancePercent: 96.2 },
        { group: { customer: 'globex' }, met: 9, breached: 1, compliancePercent: 90 },
      ],
    },
    {
      name: 'Gold P1 by month',
      query: { from: '2026-03', to: '2026-04', levelId: 'gold', priorityClass: 'P1' as const, groupBy: ['month'] as const },
      rows: [{ group: { month: '2026-03' }, met: 5, breached: 1, compliancePercent: 83.3 }],
    },
    {
      name: 'an empty period as one row without compliance',
      query: { from: '2025-01', to: '2025-12', groupBy: [] as const },
      rows: [{ group: {}, met: 0, breached: 0, resolved: 0, compliancePercent: null }],
    },
  ])('summarizeCompliance: $name', ({ query, rows }) => {
    const result = summarizeCompliance(aggregates, query);
    expect(result).toHaveLength(rows.length);
    rows.forEach((row, i) => {
      expect(result[i]).toMatchObject(row);
    });
  });

  it('judges agreements by objective where a level has one, else by every request', () => {
    const levels = [
      { id: 'gold', name: 'Gold', objectivePercent: 95 },
      { id: 'silver', name: 'Silver' },
      { id: 'bronze', name: 'Bronze' },
    ];
    const [gold, silver, bronze] = checkLevelAgreements(aggregates, levels, { from: '2026-03', to: '2026-03' });
    expect(gold).toMatchObject({ levelId: 'gold', objectivePercent: 95, resolved: 30, met: 28, breached: 2, allAgreementsMet: false });
    expect(gold?.customers).toEqual([
      { customerId: 'acme', resolved: 20, met: 19, breached: 1, compliancePercent: 95, everyRequestMet: false, objectiveMet: true, agreementMet: true },
      { customerId: 'globex', resolved: 10, met: 9, breached: 1, compliancePercent: 90, everyRequestMet: false, objectiveMet: false, agreementMet: false },
    ]);
    expect(silver).toMatchObject({ objectivePercent: null, allAgreementsMet: true, customers: [{ customerId: 'acme', everyRequestMet: true, objectiveMet: null, agreementMet: true }] });
    expect(bronze).toMatchObject({ resolved: 0, compliancePercent: null, allAgreementsMet: true, customers: [] });
  });

  it('answers "all Gold agreements met" for one customer', () => {
    const [gold] = checkLevelAgreements(aggregates, [{ id: 'gold', name: 'Gold', objectivePercent: 95 }], { from: '2026-03', to: '2026-04', customerId: 'acme' });
    expect(gold).toMatchObject({ allAgreementsMet: true, met: 24, breached: 1, compliancePercent: 96 });
  });

  it('has a plain percentage helper', () => {
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(0, 0)).toBeNull();
  });
});
