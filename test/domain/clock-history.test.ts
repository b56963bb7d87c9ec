/** The fact set: merging, deduplication, canonical order, pruning — and that merging commutes. */
import fc from 'fast-check';
import type { ClockFact } from '../../src/contract/clock-record';
import { compareFacts, mergeFacts, normalizeFact, pruneFacts } from '../../src/domain/clock-history';
import { fact } from './clock-fixtures';

describe('mergeFacts', () => {
  it('sorts by instant, then id', () => {
    const merged = mergeFacts([], [fact.working('b', '2026-03-02T10:00:00Z'), fact.waiting('a', '2026-03-02T10:00:00Z'), fact.working('c', '2026-03-02T09:00:00Z')], null);
    expect(merged.facts.map((f) => f.id)).toEqual(['c', 'a', 'b']);
    expect(merged.changed).toBe(true);
  });

  it('reports a replay as unchanged', () => {
    const first = mergeFacts([], [fact.waiting('a', '2026-03-02T10:00:00Z')], null).facts;
    expect(mergeFacts(first, [fact.waiting('a', '2026-03-02T11:00:00+01:00')], null)).toEqual({ facts: first, ignored: 0, changed: false });
  });

  it('ignores unknown facts at or before the checkpoint, but not known ones', () => {
    const known = [fact.waiting('a', '2026-03-02T12:00:00Z')];
    const merged = mergeFacts(known, [fact.working('old', '2026-03-02T10:00:00Z'), fact.working('edge', '2026-03-02T11:00:00Z'), fact.working('new', '2026-03-02T11:00:01Z')], '2026-03-02T11:00:00.000Z');
    expect(merged.facts.map((f) => f.id)).toEqual(['new', 'a']);
    expect(merged.ignored).toBe(2);
  });

  it('normalises instants to UTC', () => {
    expect(normalizeFact(fact.comment('k', '2026-03-02T10:00:00Z')).at).toBe('2026-03-02T10:00:00.000Z');
    expect(normalizeFact({ kind: 'public-comment', id: 'k', at: '2026-03-02T11:00:00+01:00', by: null }).at).toBe('2026-03-02T10:00:00.000Z');
  });
});

describe('pruneFacts', () => {
  it('keeps the earliest comment and the latest marker per kind', () => {
    const sorted = [
      fact.comment('k1', '2026-03-02T09:00:00Z'),
      fact.marker('m1', '2026-03-02T09:10:00Z', 'at-risk'),
      fact.comment('k2', '2026-03-02T09:20:00Z'),
      fact.marker('m2', '2026-03-02T09:30:00Z', 'breached'),
      fact.marker('m3', '2026-03-02T09:40:00Z', 'at-risk'),
    ].sort(compareFacts);
    expect(pruneFacts(sorted).map((f) => f.id)).toEqual(['k1', 'm2', 'm3']);
  });
});

describe('merging commutes', () => {
  const factArb: fc.Arbitrary<ClockFact> = fc
    .record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
      minute: fc.integer({ min: 0, max: 120 }),
      kind: fc.constantFrom('waiting', 'working', 'comment', 'marker', 'problem'),
    })
    .map(({ id, minute, kind }) => {
      const at = new Date(Date.parse('2026-03-02T08:00:00Z') + minute * 60_000).toISOString();
      switch (kind) {
        case 'waiting':
          return fact.waiting(id, at);
        case 'working':
          return fact.working(id, at);
        case 'comment':
          return fact.comment(id, at);
        case 'marker':
          return fact.marker(id, at, minute % 2 === 0 ? 'at-risk' : 'breached');
        default:
          return fact.problem(id, at);
      }
    });

  it('gives the same set whatever the order and grouping of merges', () => {
    fc.assert(
      fc.property(fc.array(factArb, { maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1 }), (facts, sizes) => {
        const all = mergeFacts([], facts, null).facts;
        let stepwise: ClockFact[] = [];
        const reversed = [...facts].reverse();
        for (let i = 0, b = 0; i < reversed.length; b++) {
          const size = sizes[b % sizes.length]!;
          stepwise = mergeFacts(stepwise, reversed.slice(i, i + size), null).facts;
          i += size;
        }
        expect(stepwise).toEqual(all);
      }),
      { numRuns: 300 },
    );
  });
});
