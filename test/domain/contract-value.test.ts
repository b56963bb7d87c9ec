/**
 * Contract value per version, per month and per year (issue 14.2): bespoke prices, the prices of the
 * level revision in force (split into periods when a revision starts during the version), the fee.
 */
import { contractValue, valueInForceOn, versionValueOn } from '../../src/domain/contract-value';
import { loadExampleDatabase } from './clock-fixtures';

const db = loadExampleDatabase();
const byId = (id: string) => db.contracts.find((c) => c.id === id)!;

describe('contractValue', () => {
  it('adds the level prices, a bespoke price and the fee, and splits at a new level revision', () => {
    const value = contractValue(db, byId('acme'));
    expect(value.currency).toBe('EUR');
    // v2: Gold e-mail 400 + bespoke network 1 100 + Silver workplace 600 + fee 2 650 = € 4 750 a month.
    // From 2027 Gold's e-mail price is 412: € 4 762. (The network price is bespoke: no change.)
    expect(value.versions[1]).toEqual({
      version: 2,
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
      currency: 'EUR',
      unpricedServiceIds: [],
      periods: [
        expect.objectContaining({ from: '2026-01-01', to: '2026-12-31', feeMinor: 265_000, monthlyMinor: 475_000, yearlyMinor: 5_700_000 }),
        expect.objectContaining({ from: '2027-01-01', to: null, monthlyMinor: 476_200, yearlyMinor: 5_714_400 }),
      ],
    });
  });

  it('uses the level revision of each period, not of today', () => {
    const v1 = contractValue(db, byId('acme')).versions[0]!;
    // 2025: Silver e-mail 250 + Bronze workplace 300 + fee 850.
    expect(v1.periods).toEqual([expect.objectContaining({ from: '2025-01-01', to: '2025-12-31', monthlyMinor: 140_000, yearlyMinor: 1_680_000 })]);
  });

  it('lists covered services without any price, and leaves them out of the value', () => {
    // Initech: Bronze e-mail 120 and workplace 300; network bespoke 300; no fee. Bronze has no network price, but the bespoke one counts.
    const v = contractValue(db, byId('initech')).versions[0]!;
    expect(v.unpricedServiceIds).toEqual([]);
    expect(v.periods[0]?.monthlyMinor).toBe(72_000);
    const unpriced = structuredClone(db);
    unpriced.contracts.find((c) => c.id === 'globex')!.versions[0]!.coveredServices.push({ serviceId: 'network', levelId: 'silver' });
    const globex = contractValue(unpriced, unpriced.contracts.find((c) => c.id === 'globex')!).versions[0]!;
    expect(globex.unpricedServiceIds).toEqual(['network']);
    expect(globex.periods[0]?.monthlyMinor).toBe(60_000);
  });

  it('answers the value on one date per covered service', () => {
    const acme = byId('acme');
    expect(versionValueOn(db, acme.versions[1]!, '2027-02-01').services).toEqual([
      { serviceId: 'email', levelId: 'gold', monthlyMinor: 41_200, source: 'level' },
      { serviceId: 'network', levelId: 'gold', monthlyMinor: 110_000, source: 'bespoke' },
      { serviceId: 'workplace', levelId: 'silver', monthlyMinor: 60_000, source: 'level' },
    ]);
  });

  it('answers the version in force on a date and the price period that date falls in, or null', () => {
    const value = contractValue(db, byId('acme'));
    expect(valueInForceOn(value, '2025-06-30')).toEqual({ version: 1, from: '2025-01-01', to: '2025-12-31', monthlyMinor: 140_000, yearlyMinor: 1_680_000, unpricedServiceIds: [] });
    expect(valueInForceOn(value, '2026-12-31')).toMatchObject({ version: 2, from: '2026-01-01', to: '2026-12-31', monthlyMinor: 475_000 });
    // the first day of Gold's 2027 revision: the new period of the same version
    expect(valueInForceOn(value, '2027-01-01')).toMatchObject({ version: 2, from: '2027-01-01', to: null, monthlyMinor: 476_200, yearlyMinor: 5_714_400 });
    // before the first version
    expect(valueInForceOn(value, '2024-12-31')).toBeNull();
  });
});
