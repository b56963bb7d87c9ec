/**
 * Terms resolution against the example contract database (test/fixtures/contract-database.example.json):
 * ACME (org 1; v1 2025 Silver/Bronze, v2 2026 Gold with a bespoke 24x7 network P1), Globex (orgs 2, 3;
 * expired mid-2025), Initech (org 4; Bronze from 2026, own pause statuses); fallback "Best effort".
 */
import fc from 'fast-check';
import { termsSchema, type ExplanationStep } from '../../src/contract/clock-record';
import type { ContractDatabase } from '../../src/contract/contract-database';
import {
  findVersionInForce,
  formatBusinessMinutes,
  recognizeService,
  resolveTerms,
  summarizeExplanation,
  TermsResolutionError,
  type RequestFacts,
  type TermsResolution,
} from '../../src/domain/resolve-terms';
import { loadExampleDatabase } from './clock-fixtures';

const db = loadExampleDatabase();
const withoutFallback: ContractDatabase = { ...db, settings: { ...db.settings, fallbackLevelId: null } };
const MARCH = new Date('2026-03-02T09:30:00+01:00');

const ACME = { id: '1', name: 'ACME' };
const GLOBEX = { id: '2', name: 'Globex NL' };
const INITECH = { id: '4', name: 'Initech' };

function request(overrides: Partial<RequestFacts> = {}): RequestFacts {
  return { organizations: [ACME], requestTypeId: null, components: [], labels: [], priority: 'Medium', ...overrides };
}

function termsOf(result: TermsResolution) {
  if (result.status === 'uncovered') throw new Error(`expected terms, got uncovered (${result.reason})`);
  return result.terms;
}

describe('resolveTerms: covered requests', () => {
  it('explains every step, ending in the one-line summary', () => {
    const result = resolveTerms(db, request({ requestTypeId: '12', requestTypeName: 'E-mail problem', priority: 'Highest' }), MARCH);
    expect(result.status).toBe('covered');
    const terms = termsOf(result);
    expect(terms.summary).toBe(
      "ACME → contract ACME Managed Workplace v2 → E-mail (request type 'E-mail problem') → Gold → P1 → 4 h in 'ACME office hours, Europe/Amsterdam'",
    );
    expect(terms.explanation.map((s) => s.kind)).toEqual(['organizations', 'contract', 'service', 'level', 'priority', 'target', 'calendar']);
    expect(terms).toMatchObject({
      coverage: 'contract',
      customer: { id: 'acme', name: 'ACME' },
      contract: { id: 'acme', name: 'ACME Managed Workplace' },
      contractVersion: 2,
      service: { id: 'email', name: 'E-mail' },
      level: { id: 'gold', name: 'Gold' },
      priorityClass: 'P1',
      resolutionMinutes: 240,
      responseMinutes: 30,
      calendarRef: { id: 'acme-office', name: 'ACME office hours' },
      timeZone: 'Europe/Amsterdam',
      pauseStatuses: ['Waiting for customer'],
      atRiskPercent: 75,
    });
    // The calendar is the bare design §2 definition, so anyone can recompute the deadline.
    expect(Object.keys(terms.calendar).sort()).toEqual(['holidays', 'timeZone', 'week']);
  });

  it.each([
    { name: 'request type id', facts: { requestTypeId: '12' }, service: 'email', matchedBy: 'request-type', value: '12' },
    { name: 'component, case-insensitively', facts: { components: ['exchange'] }, service: 'email', matchedBy: 'component', value: 'exchange' },
    { name: 'label', facts: { labels: ['network'] }, service: 'network', matchedBy: 'label', value: 'network' },
    { name: 'first service in catalogue order wins', facts: { components: ['Router'], labels: ['email'] }, service: 'email', matchedBy: 'label', value: 'email' },
    { name: 'no match: the default service', facts: { labels: ['unrelated'] }, service: 'workplace', matchedBy: 'default', value: null },
  ])('recognises the service by $name', ({ facts, service, matchedBy, value }) => {
    const terms = termsOf(resolveTerms(db, request(facts), MARCH));
    expect(terms.service?.id).toBe(service);
    expect(terms.explanation.find((s) => s.kind === 'service')).toMatchObject({ matchedBy, value });
  });

  it.each([
    { name: 'P1 overridden: 2 h round the clock', priority: 'Highest', resolution: 120, response: 15, calendar: '24x7', bespokeTarget: true },
    { name: 'P2 from Gold, but in the bespoke 24x7 calendar', priority: 'High', resolution: 480, response: 60, calendar: '24x7', bespokeTarget: false },
  ])('applies bespoke terms: $name', ({ priority, resolution, response, calendar, bespokeTarget }) => {
    const terms = termsOf(resolveTerms(db, request({ components: ['Firewall'], priority }), MARCH));
    expect(terms).toMatchObject({ bespoke: true, level: { id: 'gold' }, resolutionMinutes: resolution, responseMinutes: response, calendarRef: { id: calendar } });
    expect(terms.explanation.find((s) => s.kind === 'target')).toMatchObject({ bespoke: bespokeTarget });
    expect(terms.summary).toContain('Gold (bespoke)');
  });

  it.each([
    { name: 'a day in 2025 picks version 1', at: '2025-06-01T10:00:00Z', version: 1, level: 'silver' },
    { name: 'the last minute of 2025 in Amsterdam is still version 1', at: '2025-12-31T22:59:59Z', version: 1, level: 'silver' },
    { name: 'the first minute of 2026 in Amsterdam is version 2 (still 2025 in UTC)', at: '2025-12-31T23:00:00Z', version: 2, level: 'gold' },
  ])('finds the version in force in the contract zone: $name', ({ at, version, level }) => {
    const terms = termsOf(resolveTerms(db, request({ requestTypeId: '12' }), new Date(at)));
    expect(terms.contractVersion).toBe(version);
    expect(terms.level.id).toBe(level);
  });

  it('uses the contract version\'s own pause statuses', () => {
    expect(termsOf(resolveTerms(db, request({ organizations: [INITECH] }), MARCH)).pauseStatuses).toEqual(['Waiting for customer', 'Pending vendor']);
  });

  it('picks the strictest contract when several organizations have one, whatever their order', () => {
    const facts = request({ requestTypeId: '12', priority: 'Highest' });
    const forward = termsOf(resolveTerms(db, { ...facts, organizations: [INITECH, ACME] }, MARCH));
    const backward = termsOf(resolveTerms(db, { ...facts, organizations: [ACME, INITECH] }, MARCH));
    expect(forward.contract?.id).toBe('acme');
    expect(forward.resolutionMinutes).toBe(240);
    expect(backward).toEqual(forward);
    expect(forward.explanation.find((s) => s.kind === 'strictest')).toEqual({
      kind: 'strictest',
      candidates: [
        { id: 'acme', name: 'ACME Managed Workplace' },
        { id: 'initech', name: 'Initech Basic' },
      ],
      chosen: { id: 'acme', name: 'ACME Managed Workplace' },
    });
    expect(forward.summary).toContain('(strictest of 2)');
  });

  it('ranks by response target when resolution targets tie', () => {
    // ACME's workplace is Silver (P3 1440 min, response 240); give Initech's Bronze the same P3
    // resolution target but a 10-minute response target: Initech is then the stricter one.
    const tied: ContractDatabase = {
      ...db,
      levels: db.levels.map((l) =>
        l.id === 'bronze' ? { ...l, revisions: l.revisions.map((r) => ({ ...r, targets: { ...r.targets, P3: { resolutionMinutes: 1440, responseMinutes: 10 } } })) } : l,
      ),
    };
    expect(termsOf(resolveTerms(tied, request({ organizations: [ACME, INITECH] }), MARCH)).contract?.id).toBe('initech');
    expect(termsOf(resolveTerms(db, request({ organizations: [ACME, INITECH] }), MARCH)).contract?.id).toBe('acme');
  });
});

describe('resolveTerms: priorities', () => {
  it.each([
    { name: 'mapped', priority: 'Highest', cls: 'P1', source: 'mapped', summary: '→ P1 →' },
    { name: 'mapped case-insensitively', priority: 'lowest', cls: 'P5', source: 'mapped', summary: '→ P5 →' },
    { name: 'missing', priority: null, cls: 'P3', source: 'missing', summary: 'P3 (no priority)' },
    { name: 'blank', priority: '  ', cls: 'P3', source: 'missing', summary: 'P3 (no priority)' },
    { name: 'not in the map', priority: 'Urgent', cls: 'P3', source: 'unmapped', summary: "P3 (priority 'Urgent' not mapped)" },
  ])('$name priority → $cls', ({ priority, cls, source, summary }) => {
    const terms = termsOf(resolveTerms(db, request({ priority }), MARCH));
    expect(terms.priorityClass).toBe(cls);
    expect(terms.explanation.find((s) => s.kind === 'priority')).toMatchObject({ priorityClass: cls, source });
    expect(terms.summary).toContain(summary);
  });
});

describe('resolveTerms: no applicable contract', () => {
  const cases: { name: string; facts: RequestFacts; at?: string; reason: string; customer: string | null; fallbackSummary: string; uncoveredSummary: string }[] = [
    {
      name: 'no organization',
      facts: request({ organizations: [] }),
      reason: 'no-organization',
      customer: null,
      fallbackSummary: "no organization → fallback level Best effort → P3 → 80 h in 'Business hours NL, Europe/Amsterdam'",
      uncoveredSummary: 'no organization → uncovered',
    },
    {
      name: 'unknown organization',
      facts: request({ organizations: [{ id: '99', name: 'Stranger BV' }] }),
      reason: 'unknown-organization',
      customer: null,
      fallbackSummary: "Stranger BV → no contract → fallback level Best effort → P3 → 80 h in 'Business hours NL, Europe/Amsterdam'",
      uncoveredSummary: 'Stranger BV → no contract → uncovered',
    },
    {
      name: 'expired contract',
      facts: request({ organizations: [GLOBEX] }),
      reason: 'contract-expired',
      customer: 'globex',
      fallbackSummary: "Globex → contract Globex Support expired before 2026-03-02 → fallback level Best effort → P3 → 80 h in 'Business hours NL, Europe/Amsterdam'",
      uncoveredSummary: 'Globex → contract Globex Support expired before 2026-03-02 → uncovered',
    },
    {
      name: 'contract not yet in force',
      facts: request({ organizations: [INITECH] }),
      at: '2025-11-03T10:00:00Z',
      reason: 'contract-not-in-force',
      customer: 'initech',
      fallbackSummary: "Initech → contract Initech Basic not in force on 2025-11-03 → fallback level Best effort → P3 → 80 h in 'Business hours NL, Europe/Amsterdam'",
      uncoveredSummary: 'Initech → contract Initech Basic not in force on 2025-11-03 → uncovered',
    },
    {
      name: 'recognised service not covered',
      facts: request({ requestTypeId: '13', requestTypeName: 'Printer jam' }),
      reason: 'service-not-covered',
      customer: 'acme',
      fallbackSummary: "ACME → Printing not covered by contract ACME Managed Workplace → fallback level Best effort → P3 → 80 h in 'Business hours NL, Europe/Amsterdam'",
      uncoveredSummary: 'ACME → Printing not covered by contract ACME Managed Workplace → uncovered',
    },
  ];

  it.each(cases)('$name: the fallback level applies', ({ facts, at, reason, customer, fallbackSummary }) => {
    const result = resolveTerms(db, facts, new Date(at ?? MARCH));
    expect(result).toMatchObject({ status: 'fallback', reason });
    const terms = termsOf(result);
    expect(terms).toMatchObject({ coverage: 'fallback', fallbackReason: reason, contract: null, contractVersion: null, level: { id: 'best-effort' } });
    expect(terms.customer?.id ?? null).toBe(customer);
    expect(terms.summary).toBe(fallbackSummary);
  });

  it.each(cases)('$name: uncovered without a fallback level', ({ facts, at, reason, uncoveredSummary }) => {
    const result = resolveTerms(withoutFallback, facts, new Date(at ?? MARCH));
    expect(result).toMatchObject({ status: 'uncovered', reason, priorityClass: 'P3', jiraPriority: 'Medium' });
    if (result.status === 'uncovered') {
      expect(result.summary).toBe(uncoveredSummary);
      expect(result.explanation.at(-1)).toEqual({ kind: 'uncovered', reason });
    }
  });

  it('keeps the recognised service on fallback terms', () => {
    const terms = termsOf(resolveTerms(db, request({ organizations: [GLOBEX], requestTypeId: '12' }), MARCH));
    expect(terms.service?.id).toBe('email');
  });

  it('prefers a covering contract over a rejected one, and still explains the rejection', () => {
    const terms = termsOf(resolveTerms(db, request({ organizations: [GLOBEX, ACME] }), MARCH));
    expect(terms.contract?.id).toBe('acme');
    expect(terms.explanation.some((s) => s.kind === 'contract-rejected' && s.reason === 'contract-expired')).toBe(true);
    expect(terms.summary.startsWith('ACME → contract ACME Managed Workplace v2')).toBe(true);
  });

  it('throws a typed error for a database that skipped validation', () => {
    const broken: ContractDatabase = { ...db, levels: db.levels.filter((l) => l.id !== 'gold') };
    expect(() => resolveTerms(broken, request({ requestTypeId: '12' }), MARCH)).toThrow(TermsResolutionError);
  });
});

describe('building blocks', () => {
  it.each([
    { minutes: 45, text: '45 min' },
    { minutes: 60, text: '1 h' },
    { minutes: 90, text: '1 h 30 min' },
    { minutes: 2400, text: '40 h' },
  ])('formatBusinessMinutes($minutes) = $text', ({ minutes, text }) => {
    expect(formatBusinessMinutes(minutes)).toBe(text);
  });

  it.each([
    { date: '2024-12-31', expected: 'not-in-force' },
    { date: '2025-01-01', expected: 'in-force' },
    { date: '2025-12-31', expected: 'in-force' },
    { date: '2030-01-01', expected: 'in-force' },
  ])('findVersionInForce(ACME, $date) is $expected', ({ date, expected }) => {
    const acme = db.contracts.find((c) => c.id === 'acme')!;
    expect(findVersionInForce(acme, date).kind).toBe(expected);
  });

  it('tells an expired contract from a gap', () => {
    const globex = db.contracts.find((c) => c.id === 'globex')!;
    expect(findVersionInForce(globex, '2025-07-01').kind).toBe('expired');
    const gapped = { ...globex, versions: [...globex.versions, { ...globex.versions[0]!, version: 2, effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31' }] };
    expect(findVersionInForce(gapped, '2025-07-01').kind).toBe('not-in-force');
  });

  it('recognises nothing for a request without any matching field', () => {
    expect(recognizeService(db.services, { requestTypeId: '999', components: [], labels: [] })).toBeNull();
  });

  it('summarises a bare explanation without targets', () => {
    const steps: ExplanationStep[] = [{ kind: 'organizations', organizations: [] }, { kind: 'uncovered', reason: 'no-organization' }];
    expect(summarizeExplanation(steps)).toBe('no organization → uncovered');
  });
});

describe('resolveTerms properties', () => {
  const factsArb: fc.Arbitrary<RequestFacts> = fc.record({
    organizations: fc.subarray([ACME, GLOBEX, INITECH, { id: '3', name: 'Globex BE' }, { id: '99', name: 'Stranger' }]),
    requestTypeId: fc.option(fc.constantFrom('12', '13', '77'), { nil: null }),
    components: fc.subarray(['Exchange', 'Router', 'Printer', 'firewall']),
    labels: fc.subarray(['email', 'network', 'printer', 'misc']),
    priority: fc.option(fc.constantFrom('Highest', 'High', 'Medium', 'Low', 'Lowest', 'Urgent', ''), { nil: null }),
  });
  const instantArb = fc.date({ min: new Date('2024-06-01T00:00:00Z'), max: new Date('2027-06-01T00:00:00Z'), noInvalidDate: true });

  it('always answers schema-valid terms or an uncovered value, deterministically', () => {
    fc.assert(
      fc.property(factsArb, instantArb, fc.boolean(), (facts, createdAt, fallback) => {
        const database = fallback ? db : withoutFallback;
        const result = resolveTerms(database, facts, createdAt);
        expect(resolveTerms(database, facts, createdAt)).toEqual(result);
        if (result.status === 'uncovered') {
          expect(fallback).toBe(false);
          expect(result.summary.endsWith('uncovered')).toBe(true);
        } else {
          expect(termsSchema.safeParse(result.terms).success).toBe(true);
          expect(result.terms.targets[result.terms.priorityClass].resolutionMinutes).toBe(result.terms.resolutionMinutes);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the organizations', () => {
    fc.assert(
      fc.property(factsArb, instantArb, (facts, createdAt) => {
        const reversed = { ...facts, organizations: [...facts.organizations].reverse() };
        const a = resolveTerms(db, facts, createdAt);
        const b = resolveTerms(db, reversed, createdAt);
        const pick = (r: TermsResolution) => (r.status === 'uncovered' ? r.reason : { contract: r.terms.contract, minutes: r.terms.resolutionMinutes, service: r.terms.service });
        expect(pick(b)).toEqual(pick(a));
      }),
      { numRuns: 200 },
    );
  });
});

describe('resolveTerms: level revisions (issue 12.8)', () => {
  it.each([
    { name: 'the last minute of 2026 in Amsterdam uses the revision from 2024', at: '2026-12-31T22:59:00Z', minutes: 240, from: '2024-01-01' },
    { name: 'the first minute of 2027 in Amsterdam uses the revision from 2027 (still 2026 in UTC)', at: '2026-12-31T23:00:00Z', minutes: 180, from: '2027-01-01' },
    { name: 'a date long before the first revision uses the first revision', at: '2026-01-05T10:00:00Z', minutes: 240, from: '2024-01-01' },
  ])('$name', ({ at, minutes, from }) => {
    const terms = termsOf(resolveTerms(db, request({ requestTypeId: '12', priority: 'Highest' }), new Date(at)));
    expect(terms.level.id).toBe('gold');
    expect(terms.resolutionMinutes).toBe(minutes);
    expect(terms.explanation.find((s) => s.kind === 'level')).toMatchObject({ revisionFrom: from });
  });

  it('uses the fallback level revision in force too', () => {
    const terms = termsOf(resolveTerms(db, request({ organizations: [] }), MARCH));
    expect(terms.explanation.find((s) => s.kind === 'fallback')).toMatchObject({ level: { id: 'best-effort' }, revisionFrom: '2024-01-01' });
  });
});

describe('resolveTerms: a bespoke calendar for some classes only (issue 12.8)', () => {
  // Initech's network: Bronze, with a 24x7 calendar for P1 outages only.
  const initechNetwork = (priority: string) => termsOf(resolveTerms(db, request({ organizations: [INITECH], components: ['Router'], priority }), MARCH));

  it('counts P1 in the bespoke 24x7 calendar, and carries the office calendar for the other classes', () => {
    const terms = initechNetwork('Highest');
    expect(terms).toMatchObject({ service: { id: 'network' }, bespoke: true, calendarRef: { id: '24x7' }, resolutionMinutes: 960 });
    expect(terms.otherClassCalendars).toEqual([{ classes: ['P2', 'P3', 'P4', 'P5'], calendarRef: { id: 'nl-business', name: 'Business hours NL' }, calendar: expect.objectContaining({ timeZone: 'Europe/Amsterdam' }) }]);
    expect(terms.explanation.find((s) => s.kind === 'calendar')).toMatchObject({ calendar: { id: '24x7' }, bespoke: true });
  });

  it('counts P3 in the level calendar, and carries the 24x7 calendar for P1', () => {
    const terms = initechNetwork('Medium');
    expect(terms).toMatchObject({ calendarRef: { id: 'nl-business' }, resolutionMinutes: 2880 });
    expect(terms.otherClassCalendars).toEqual([{ classes: ['P1'], calendarRef: { id: '24x7', name: '24x7' }, calendar: expect.objectContaining({ timeZone: 'UTC' }) }]);
    expect(terms.explanation.find((s) => s.kind === 'calendar')).toMatchObject({ calendar: { id: 'nl-business' }, bespoke: false });
  });

  it('carries no other calendars when every class counts in the same one', () => {
    expect(termsOf(resolveTerms(db, request({ components: ['Firewall'], priority: 'Medium' }), MARCH)).otherClassCalendars).toBeUndefined();
  });

  it('strips holiday names from the frozen calendar (names are for people; the record stays small)', () => {
    const terms = termsOf(resolveTerms(db, request({ organizations: [INITECH], components: ['Router'], priority: 'Medium' }), MARCH));
    expect(terms.calendar.holidays).toEqual(['2026-04-06', '2026-04-27', '2026-05-14', '2026-05-25', { yearly: '12-25' }, { yearly: '12-26' }]);
  });
});
