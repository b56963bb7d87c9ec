/**
 * Service credits in the review report (issue 14.4): which terms price a customer × service × month
 * (the first version in force that month covering the service, read on the month's first day or the
 * version's), the rows from the monthly aggregates by the report's counting rules, the totals and the
 * credits CSV (exact columns, amounts with the currency's digits).
 */
import { CREDITS_CSV_COLUMNS, type CreditRow } from '../../src/contract/compliance-api';
import type { ComplianceAggregate, ComplianceCell } from '../../src/contract/compliance-aggregate';
import type { ContractDatabase, PriorityClass } from '../../src/contract/contract-database';
import type { ReportScope } from '../../src/domain/compliance-report';
import { creditRows, creditTermsFor, creditTotals, formatCreditsCsv, percentDecimalString } from '../../src/domain/credit-report';
import { loadExampleDatabase } from './clock-fixtures';

const db = loadExampleDatabase();

function cell(serviceId: string, levelId: string, priorityClass: PriorityClass, breached: number, met = 0): ComplianceCell {
  return { serviceId, levelId, priorityClass, met, breached, responseMet: 0, responseBreached: 0, extended: 0, extensions: 0 };
}

function aggregate(month: string, customerId: string, cells: ComplianceCell[]): ComplianceAggregate {
  return { schemaVersion: 1, month, customerId, cells };
}

const Q3: ReportScope = { period: { from: '2026-07', to: '2026-09' }, customerId: null, serviceId: null, levelId: null };

describe('creditTermsFor: the terms that price a month', () => {
  it('takes the level revision in force on the month’s first day', () => {
    const terms = creditTermsFor(db, 'acme', 'email', '2026-08');
    expect(terms).toMatchObject({ version: { version: 2 }, termsDate: '2026-08-01', monthlyPriceMinor: 40_000, currency: 'EUR', bespoke: false });
    expect(terms?.rule).toEqual({ perMissedRequest: { P1: 10, P2: 5, P3: 2.5 }, capPercent: 30 });
    expect(creditTermsFor(db, 'acme', 'email', '2027-02')?.monthlyPriceMinor).toBe(41_200);
  });

  it('takes a bespoke price before the level’s, with the level’s rule', () => {
    expect(creditTermsFor(db, 'acme', 'network', '2026-08')).toMatchObject({ monthlyPriceMinor: 110_000, bespoke: true, rule: { capPercent: 30 } });
  });

  it('gives no terms without a credit rule, a covering version or a contract', () => {
    expect(creditTermsFor(db, 'acme', 'email', '2025-06')).toBeNull(); // Silver in 2025: no credit rule
    expect(creditTermsFor(db, 'globex', 'workplace', '2026-08')).toBeNull(); // the contract ended in 2025
    expect(creditTermsFor(db, 'acme', 'printing', '2026-08')).toBeNull(); // not covered
    expect(creditTermsFor(db, 'hooli', 'email', '2026-08')).toBeNull(); // no contract
  });

  it('reads a version that starts during the month on its first day, and prefers the earlier version', () => {
    const changed: ContractDatabase = structuredClone(db);
    const acme = changed.contracts.find((c) => c.id === 'acme')!;
    acme.versions[0]!.effectiveTo = '2026-01-14';
    acme.versions[1]!.effectiveFrom = '2026-01-15';
    // E-mail: version 1 (Silver, no rule) is the first in force in January.
    expect(creditTermsFor(changed, 'acme', 'email', '2026-01')).toBeNull();
    // Network: only version 2 covers it, read on 15 January.
    expect(creditTermsFor(changed, 'acme', 'network', '2026-01')).toMatchObject({ version: { version: 2 }, termsDate: '2026-01-15' });
    expect(creditTermsFor(changed, 'acme', 'email', '2026-02')).toMatchObject({ version: { version: 2 }, termsDate: '2026-02-01' });
  });

  it('keeps a month’s price when a level revision starts later in that month', () => {
    const changed: ContractDatabase = structuredClone(db);
    const gold = changed.levels.find((l) => l.id === 'gold')!;
    gold.revisions.push({ ...structuredClone(gold.revisions[0]!), effectiveFrom: '2026-08-15', monthlyPrices: { email: 99_900 } });
    expect(creditTermsFor(changed, 'acme', 'email', '2026-08')?.monthlyPriceMinor).toBe(40_000);
    expect(creditTermsFor(changed, 'acme', 'email', '2026-09')?.monthlyPriceMinor).toBe(99_900);
  });
});

describe('creditRows', () => {
  const aggregates: ComplianceAggregate[] = [
    aggregate('2026-07', 'acme', [cell('email', 'gold', 'P1', 1, 10), cell('email', 'gold', 'P3', 1), cell('network', 'gold', 'P2', 0, 4)]),
    // August: e-mail requests missed at two levels (a re-applied request counted at Silver) add up; network capped.
    aggregate('2026-08', 'acme', [cell('email', 'gold', 'P2', 3), cell('email', 'silver', 'P2', 1), cell('network', 'gold', 'P1', 4)]),
    aggregate('2026-08', '~none', [cell('email', 'best-effort', 'P1', 5)]),
    aggregate('2026-08', 'initech', [cell('network', 'bronze', 'P1', 2), cell('~none', 'bronze', 'P1', 1)]),
    aggregate('2026-10', 'acme', [cell('email', 'gold', 'P1', 2)]),
  ];

  it('prices each customer × service × month by its terms, capped, outside the period and without contract left out', () => {
    const rows = creditRows(aggregates, db, Q3);
    expect(rows.map((r) => [r.customer.id, r.service.id, r.month, r.missed, r.creditPercent, r.capped, r.credit?.amountMinor])).toEqual([
      // 10 % + 2.5 % of € 400.00 = € 50.00
      ['acme', 'email', '2026-07', 2, 12.5, false, 5_000],
      // 4 × 5 % = 20 % of € 400.00 = € 80.00
      ['acme', 'email', '2026-08', 4, 20, false, 8_000],
      // 4 × 10 % = 40 %, capped at 30 % of the bespoke € 1 100.00 = € 330.00
      ['acme', 'network', '2026-08', 4, 30, true, 33_000],
    ]);
    expect(rows[1]).toMatchObject({ missedByClass: { P2: 4 }, contract: { id: 'acme' }, version: 2, level: { id: 'gold', name: 'Gold' }, monthlyPrice: { amountMinor: 40_000, currency: 'EUR' }, capPercent: 30 });
  });

  it('narrows to one customer, and answers nothing for a customer whose terms carry no rule', () => {
    expect(creditRows(aggregates, db, { ...Q3, customerId: 'initech' })).toEqual([]);
    expect(creditRows(aggregates, db, { ...Q3, customerId: 'acme', period: { from: '2026-10', to: '2026-10' } }).map((r) => r.credit?.amountMinor)).toEqual([8_000]);
  });

  it('names the missing price instead of inventing an amount', () => {
    const changed: ContractDatabase = structuredClone(db);
    const network = changed.contracts.find((c) => c.id === 'initech')!.versions[0]!.coveredServices.find((s) => s.serviceId === 'network')!;
    network.bespoke = { targets: {}, credits: { perMissedRequest: { P1: 5 }, capPercent: 20 } };
    const rows = creditRows(aggregates, changed, { ...Q3, customerId: 'initech' });
    expect(rows).toEqual([expect.objectContaining({ missed: 2, creditPercent: 10, bespoke: true, monthlyPrice: null, credit: null })]);
  });

  it('totals per currency', () => {
    const rows = creditRows(aggregates, db, Q3);
    expect(creditTotals(rows)).toEqual([{ amountMinor: 46_000, currency: 'EUR' }]);
    const usd: CreditRow = { ...rows[0]!, credit: { amountMinor: 90_000, currency: 'USD' } };
    expect(creditTotals([...rows, usd])).toEqual([
      { amountMinor: 90_000, currency: 'USD' },
      { amountMinor: 46_000, currency: 'EUR' },
    ]);
  });
});

describe('formatCreditsCsv', () => {
  it('has exactly the issue’s columns, then one line per row with exact decimal amounts', () => {
    const rows = creditRows(
      [aggregate('2026-08', 'acme', [cell('email', 'gold', 'P3', 1), cell('network', 'gold', 'P1', 4)])],
      db,
      Q3,
    );
    const lines = formatCreditsCsv(rows).split('\r\n');
    expect(lines[0]).toBe('customer,service,month,missed,credit_percent,monthly_price,credit_amount,currency');
    expect(CREDITS_CSV_COLUMNS).toEqual(['customer', 'service', 'month', 'missed', 'credit_percent', 'monthly_price', 'credit_amount', 'currency']);
    expect(lines.slice(1)).toEqual(['ACME,E-mail,2026-08,1,2.50,400.00,10.00,EUR', 'ACME,Network,2026-08,4,30.00,1100.00,330.00,EUR', '']);
  });

  it('writes a zero-digit currency without decimals, quotes names and leaves an unknown price empty', () => {
    const row: CreditRow = {
      customer: { id: 'x', name: 'Nakatomi, Inc.' },
      service: { id: 'e', name: '=E-mail' },
      month: '2026-08',
      contract: { id: 'c', name: 'C' },
      version: 1,
      level: { id: 'gold', name: 'Gold' },
      bespoke: false,
      missed: 1,
      missedByClass: { P1: 1 },
      creditPercent: 0.05,
      capPercent: 30,
      capped: false,
      monthlyPrice: { amountMinor: 50_000, currency: 'JPY' },
      credit: { amountMinor: 25, currency: 'JPY' },
    };
    const unpriced: CreditRow = { ...row, monthlyPrice: null, credit: null };
    expect(formatCreditsCsv([row, unpriced]).split('\r\n').slice(1, 3)).toEqual(['"Nakatomi, Inc.",\'=E-mail,2026-08,1,0.05,50000,25,JPY', '"Nakatomi, Inc.",\'=E-mail,2026-08,1,0.05,,,']);
  });

  it.each([
    [0, '0.00'],
    [2.5, '2.50'],
    [12.25, '12.25'],
    [0.07, '0.07'],
    [100, '100.00'],
  ])('writes %d %% as %s', (percent, text) => {
    expect(percentDecimalString(percent)).toBe(text);
  });
});
