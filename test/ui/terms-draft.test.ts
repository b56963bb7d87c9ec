/**
 * The terms forms' pure draft operations (static/terms/src/draft.ts): updates at a path, fresh ids,
 * amounts typed in major units, a new contract version from a date, and the preview's example request.
 */
import type { JiraOptionsData } from '../../src/contract/admin-api';
import { contractDatabaseShape, type Contract } from '../../src/contract/contract-database-shape';
import { errorCountUnder, errorsAt, exampleRequest, freshId, newContractVersion, parseMajorAmount, formatMajorAmount, setIn } from '../../static/terms/src/draft';

const version = (n: number, from: string, to?: string) => ({
  version: n,
  effectiveFrom: from,
  ...(to === undefined ? {} : { effectiveTo: to }),
  coveredServices: [{ serviceId: 'email', levelId: 'gold' }],
  defaultServiceId: 'email',
});

const contract: Contract = {
  id: 'acme',
  name: 'Acme',
  customer: { id: 'acme', name: 'ACME', organizationIds: ['7'] },
  timeZone: 'Europe/Amsterdam',
  showPricesToCustomer: false,
  versions: [version(1, '2026-01-01')],
};

describe('the draft', () => {
  it('sets a value at a path without touching the rest, and removes a key set to undefined', () => {
    const before = { a: [{ b: 1 }, { b: 2 }], c: { d: 'x' } };
    const after = setIn(before, ['a', 1, 'b'], 3);
    expect(after).toEqual({ a: [{ b: 1 }, { b: 3 }], c: { d: 'x' } });
    expect(after.c).toBe(before.c);
    expect(before.a[1]?.b).toBe(2);
    expect(setIn(before, ['c', 'd'], undefined)).toEqual({ a: before.a, c: {} });
  });

  it('makes ids from names that are not taken', () => {
    expect(freshId('Platinum 24/7', [])).toBe('platinum-24-7');
    expect(freshId('Platinum', ['platinum', 'platinum-2'])).toBe('platinum-3');
    expect(freshId('Één', [])).toBe('een');
    expect(freshId('***', [])).toBe('item');
  });

  it.each([
    ['49.50', 4950],
    ['49,5', 4950],
    ['1 234', 123_400],
    ['0', 0],
  ])('reads the amount %s as %i minor units', (text, minor) => {
    expect(parseMajorAmount(text)).toBe(minor);
    expect(parseMajorAmount(formatMajorAmount(minor))).toBe(minor);
  });

  it.each(['', 'ten', '1.234', '-5', '4.5.0'])('%j is no amount', (text) => {
    expect(parseMajorAmount(text)).toBeUndefined();
  });

  it('finds errors at a path and counts those under it', () => {
    const errors = [
      { path: 'contracts.0.name', message: 'a' },
      { path: 'contracts.0.versions.1.effectiveFrom', message: 'b' },
      { path: 'contracts.10.name', message: 'c' },
    ];
    expect(errorsAt(errors, ['contracts', 0, 'name'])).toEqual(['a']);
    expect(errorCountUnder(errors, ['contracts', 0])).toBe(2);
    expect(errorCountUnder(errors, ['contracts', 1])).toBe(0);
  });
});

describe('a new contract version from a date', () => {
  it('ends the open version the day before and copies its terms under the next number', () => {
    const next = newContractVersion(contract, '2026-11-01');
    expect(next.versions.map((v) => [v.version, v.effectiveFrom, v.effectiveTo])).toEqual([
      [1, '2026-01-01', '2026-10-31'],
      [2, '2026-11-01', undefined],
    ]);
    expect(next.versions[1]?.coveredServices).toEqual(contract.versions[0]?.coveredServices);
    expect(next.versions[1]?.coveredServices).not.toBe(contract.versions[0]?.coveredServices);
  });

  it('fits between versions: the new one ends the day before a later one starts', () => {
    const two = { ...contract, versions: [version(1, '2026-01-01', '2026-12-31'), version(2, '2027-01-01')] };
    const next = newContractVersion(two, '2026-07-01');
    expect(next.versions.map((v) => [v.version, v.effectiveFrom, v.effectiveTo])).toEqual([
      [1, '2026-01-01', '2026-06-30'],
      [2, '2027-01-01', undefined],
      [3, '2026-07-01', '2026-12-31'],
    ]);
  });

  it('gives a database that still passes the structure schema', () => {
    const db = contractDatabaseShape.parse({ schemaVersion: 2, contracts: [newContractVersion(contract, '2026-11-01')] });
    expect(db.contracts[0]?.versions).toHaveLength(2);
  });
});

describe('the example request of a preview', () => {
  const db = contractDatabaseShape.parse({
    schemaVersion: 2,
    services: [
      { id: 'email', name: 'E-mail', rule: { requestTypeIds: ['1'], components: ['E-mail'] } },
      { id: 'print', name: 'Printing', rule: { labels: ['printing'] } },
    ],
    contracts: [contract],
  });
  const options = {
    organizations: [{ id: '7', name: 'ACME Ltd' }],
    serviceDesks: [{ id: '1', name: 'IT', projectId: '10000', requestTypes: [{ id: '1', name: 'E-mail problem' }] }],
  } as unknown as JiraOptionsData;

  it('is a request of the customer’s organizations by name, recognised by the service’s first rule', () => {
    expect(exampleRequest(db, options, { contractId: 'acme', serviceId: 'email', priority: 'High' })).toEqual({
      organizations: [{ id: '7', name: 'ACME Ltd' }],
      requestType: { id: '1', name: 'E-mail problem' },
      components: [],
      labels: [],
      priority: 'High',
    });
    expect(exampleRequest(db, null, { contractId: 'acme', serviceId: 'print', priority: '' })).toEqual({
      organizations: [{ id: '7', name: '7' }],
      requestType: null,
      components: [],
      labels: ['printing'],
      priority: null,
    });
  });
});
