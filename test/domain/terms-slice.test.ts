/**
 * Terms resolution against a slice of the database (issue 10.12): for the organizations of a request,
 * the slice (or the merged slices of their buckets) resolves exactly what the whole database does.
 */
import fc from 'fast-check';
import type { ContractDatabase } from '../../src/contract/contract-database';
import { resolveTerms, type RequestFacts } from '../../src/domain/resolve-terms';
import { bucketsOf, buildTermsBuckets, mergeSlices, organizationBucket, sliceForOrganizations, TERMS_BUCKETS } from '../../src/domain/terms-slice';
import { loadExampleDatabase } from './clock-fixtures';

const example = loadExampleDatabase();

/** The example with many more contracts: copies of the example's, on organizations 100..399. */
function bigDatabase(): ContractDatabase {
  const contracts = Array.from({ length: 300 }, (_, i) => {
    const base = example.contracts[i % example.contracts.length]!;
    return { ...base, id: `c${i}`, customer: { ...base.customer, id: `cust${i}`, name: `Customer ${i}`, organizationIds: [String(100 + i), ...(i % 7 === 0 ? [String(100 + ((i * 13) % 300))] : [])] } };
  });
  return { ...example, contracts: [...example.contracts, ...contracts] };
}

const big = bigDatabase();
const organizations = ['1', '2', '3', '4', '99', ...Array.from({ length: 300 }, (_, i) => String(100 + i))];

describe('organizationBucket', () => {
  it('is stable (readers and writers of different releases must agree)', () => {
    // FNV-1a of "1" is 0x340ca71c.
    expect(organizationBucket('1')).toBe(0x340ca71c % TERMS_BUCKETS);
  });

  it('spreads organizations over every bucket', () => {
    const used = new Set(Array.from({ length: 2000 }, (_, i) => organizationBucket(String(10_000 + i))));
    expect(used.size).toBe(TERMS_BUCKETS);
  });

  it('sends a request without organizations to bucket 0', () => {
    expect(bucketsOf([])).toEqual([0]);
    expect(bucketsOf(['1', '1'])).toEqual([organizationBucket('1')]);
  });
});

describe('slices resolve exactly what the whole database resolves', () => {
  const factsArb: fc.Arbitrary<RequestFacts> = fc.record({
    organizations: fc.subarray(organizations, { maxLength: 3 }).map((ids) => ids.map((id) => ({ id, name: `Org ${id}` }))),
    requestTypeId: fc.option(fc.constantFrom('12', '13', '77'), { nil: null }),
    components: fc.subarray(['Exchange', 'Router', 'Printer']),
    labels: fc.subarray(['email', 'network', 'printer']),
    priority: fc.option(fc.constantFrom('Highest', 'High', 'Medium', 'Low', 'Lowest'), { nil: null }),
  });
  const instantArb = fc.date({ min: new Date('2024-06-01T00:00:00Z'), max: new Date('2027-06-01T00:00:00Z'), noInvalidDate: true });
  const buckets = buildTermsBuckets(big);

  it('for a slice of the organizations, and for the merged slices of their buckets', () => {
    fc.assert(
      fc.property(factsArb, instantArb, fc.boolean(), (facts, createdAt, withFallback) => {
        const database: ContractDatabase = withFallback ? big : { ...big, settings: { ...big.settings, fallbackLevelId: null } };
        const ids = facts.organizations.map((o) => o.id);
        const expected = resolveTerms(database, facts, createdAt);
        expect(resolveTerms(sliceForOrganizations(database, ids).database, facts, createdAt)).toEqual(expected);
        const merged = mergeSlices(bucketsOf(ids).map((b) => (withFallback ? buckets : buildTermsBuckets(database))[b]!));
        expect(resolveTerms(merged, facts, createdAt)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps only what the organizations need', () => {
    const slice = sliceForOrganizations(example, ['4']).database;
    expect(slice.contracts.map((c) => c.id)).toEqual(['initech']);
    // Bronze (the contract's level) and Best effort (the fallback); their calendar and the bespoke 24x7.
    expect(slice.levels.map((l) => l.id).sort()).toEqual(['best-effort', 'bronze']);
    expect(slice.calendars.map((c) => c.id).sort()).toEqual(['24x7', 'nl-business']);
    expect(slice.services).toEqual(example.services);
  });

  it('every bucket exists, and each contract is in the bucket of each of its organizations', () => {
    expect(buckets).toHaveLength(TERMS_BUCKETS);
    for (const contract of big.contracts) {
      for (const id of contract.customer.organizationIds) {
        expect(buckets[organizationBucket(id)]!.database.contracts.map((c) => c.id)).toContain(contract.id);
      }
    }
  });
});
