/**
 * The managers' numbers (src/domain/compliance-report.ts) and report periods
 * (src/domain/report-period.ts): presets on named dates, headlines and "all Gold agreements met",
 * the scope (customer, service, level, period, requests without a contract), breakdowns, the trend,
 * the volume rows and their CSV, and overdue business time.
 */
import { parseContractDatabase, type ContractDatabase } from '../../src/contract/contract-database';
import { CSV_COLUMNS } from '../../src/contract/compliance-api';
import { NO_ENTITY_KEY, type IssueOutcome } from '../../src/contract/compliance-aggregate';
import { startClock } from '../../src/domain/clock';
import { rebuildAggregates } from '../../src/domain/compliance';
import {
  agreementMet,
  catalogueOf,
  combineHeadlines,
  formatCsv,
  isGoldLevel,
  overdueMinutesOf,
  summarizeBreakdown,
  summarizeCustomers,
  summarizeTrend,
  totalFigures,
  volumeRows,
  withoutContractCount,
  type ReportScope,
} from '../../src/domain/compliance-report';
import { addMonths, monthsOf, periodDates, previousPeriod, resolvePreset } from '../../src/domain/report-period';
import { OPEN, UTC_OFFICE, covered, fact, makeTerms } from './clock-fixtures';

describe('report periods', () => {
  it.each([
    ['this-month', '2026-10-05', { from: '2026-10', to: '2026-10' }],
    ['last-month', '2026-01-15', { from: '2025-12', to: '2025-12' }],
    ['this-quarter', '2026-10-05', { from: '2026-10', to: '2026-12' }],
    ['last-quarter', '2026-10-05', { from: '2026-07', to: '2026-09' }],
    ['last-quarter', '2026-02-28', { from: '2025-10', to: '2025-12' }],
    ['this-year', '2026-10-05', { from: '2026-01', to: '2026-12' }],
    ['last-year', '2026-10-05', { from: '2025-01', to: '2025-12' }],
  ] as const)('%s on %s', (preset, today, expected) => {
    expect(resolvePreset(preset, today)).toEqual(expected);
  });

  it('knows months, previous periods and local dates (leap years included)', () => {
    expect(addMonths('2026-01', -13)).toBe('2024-12');
    expect(monthsOf({ from: '2025-11', to: '2026-02' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(previousPeriod({ from: '2026-07', to: '2026-09' })).toEqual({ from: '2026-04', to: '2026-06' });
    expect(previousPeriod({ from: '2026-01', to: '2026-12' })).toEqual({ from: '2025-01', to: '2025-12' });
    expect(periodDates({ from: '2028-01', to: '2028-02' })).toEqual({ start: '2028-01-01', end: '2028-02-29' });
  });
});

function database(): ContractDatabase {
  const week = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] };
  const parsed = parseContractDatabase({
    schemaVersion: 1,
    calendars: [{ id: 'office', name: 'Office', timeZone: 'Europe/Amsterdam', week }],
    services: [
      { id: 'email', name: 'E-mail' },
      { id: 'network', name: 'Network' },
    ],
    levels: [
      { id: 'gold', name: 'Gold', calendarId: 'office', objectivePercent: 95, targets: targets() },
      { id: 'gold-ny', name: 'Gold (New York)', calendarId: 'office', objectivePercent: 95, targets: targets() },
      { id: 'silver', name: 'Silver', calendarId: 'office', targets: targets() },
    ],
    contracts: [contract('acme', 'Acme Logistics'), contract('globex', 'Globex Retail'), contract('evil', '=HYPERLINK("x")')],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.database;
}

function targets() {
  const t = { resolutionMinutes: 60 };
  return { P1: t, P2: t, P3: t, P4: t, P5: t };
}

function contract(id: string, name: string) {
  return {
    id,
    name: `${name} contract`,
    customer: { id, name, organizationIds: [`org-${id}`] },
    timeZone: 'Europe/Amsterdam',
    versions: [{ version: 1, effectiveFrom: '2026-01-01', coveredServices: [{ serviceId: 'email', levelId: 'gold' }], defaultServiceId: 'email' }],
  };
}

let serial = 0;
function outcomes(count: number, overrides: Partial<IssueOutcome>): IssueOutcome[] {
  return Array.from({ length: count }, () => {
    serial += 1;
    return {
      schemaVersion: 1,
      issueId: String(serial),
      month: '2026-07',
      customerId: 'acme',
      serviceId: 'email',
      levelId: 'gold',
      priorityClass: 'P2',
      outcome: 'met',
      response: 'met',
      extensions: 0,
      resolvedAt: '2026-07-10T10:00:00.000Z',
      ...overrides,
    };
  });
}

describe('compliance figures', () => {
  // Q3 2026. Acme: Gold e-mail 19 met / 1 missed (95 %: objective reached), Silver network 3 met /
  // 1 missed (no objective: not met). Globex: Gold (New York) 8 met / 2 missed (80 %: not met).
  // Best effort (~none): 4. June (outside Q3): Acme Gold 10 missed.
  const aggregates = rebuildAggregates([
    ...outcomes(19, { priorityClass: 'P1' }),
    ...outcomes(1, { outcome: 'breached', response: 'breached', extensions: 2, month: '2026-08', resolvedAt: '2026-08-03T10:00:00.000Z' }),
    ...outcomes(3, { serviceId: 'network', levelId: 'silver', response: 'none', month: '2026-09', resolvedAt: '2026-09-03T10:00:00.000Z' }),
    ...outcomes(1, { serviceId: 'network', levelId: 'silver', outcome: 'breached', response: 'none', month: '2026-09', resolvedAt: '2026-09-03T10:00:00.000Z' }),
    ...outcomes(8, { customerId: 'globex', levelId: 'gold-ny' }),
    ...outcomes(2, { customerId: 'globex', levelId: 'gold-ny', outcome: 'breached' }),
    ...outcomes(4, { customerId: NO_ENTITY_KEY, serviceId: NO_ENTITY_KEY, levelId: 'silver' }),
    ...outcomes(10, { outcome: 'breached', month: '2026-06', resolvedAt: '2026-06-10T10:00:00.000Z' }),
    ...outcomes(1, { customerId: 'evil', month: '2026-07' }),
  ]);
  const catalogue = catalogueOf(database());
  const q3: ReportScope = { period: { from: '2026-07', to: '2026-09' }, customerId: null, serviceId: null, levelId: null };

  it('takes the Gold levels as the headline levels', () => {
    expect([...catalogue.headlineLevelIds].sort()).toEqual(['gold', 'gold-ny']);
    expect(isGoldLevel({ id: 'goldilocks', name: 'Goldilocks' })).toBe(false);
    expect(isGoldLevel({ id: 'g', name: 'gold 24x7' })).toBe(true);
  });

  it('counts met ÷ (met + missed) over the period, leaving requests without a contract apart', () => {
    expect(totalFigures(aggregates, q3)).toEqual({
      resolved: 35,
      met: 31,
      missed: 4,
      onTimePercent: 88.6,
      responseMet: 30,
      responseMissed: 1,
      responsePercent: 96.8,
      extensions: 2,
    });
    expect(withoutContractCount(aggregates, q3)).toBe(4);
    expect(withoutContractCount(aggregates, { ...q3, customerId: 'acme' })).toBe(0);
  });

  it('judges each customer’s agreements and the headline, worst customer first', () => {
    const customers = summarizeCustomers(aggregates, catalogue, q3);
    expect(customers.map((c) => [c.customer.name, c.figures.onTimePercent])).toEqual([
      ['Globex Retail', 80],
      ['Acme Logistics', 91.7],
      ['=HYPERLINK("x")', 100],
    ]);
    const [globex, acme] = customers;
    expect(globex?.headline).toMatchObject({ applicable: true, met: false, missedRequests: 2, missedAgreements: 1 });
    expect(acme?.headline).toMatchObject({ applicable: true, met: true, missedRequests: 1, missedAgreements: 0 });
    expect(acme?.levels.map((l) => [l.level.name, l.met, l.headline])).toEqual([
      ['Gold', true, true],
      ['Silver', false, false],
    ]);
    const all = combineHeadlines(customers.map((c) => c.headline), catalogue);
    expect(all).toMatchObject({ applicable: true, met: false, missedRequests: 3, missedAgreements: 1 });
    expect(all.levels.map((l) => l.name)).toEqual(['Gold', 'Gold (New York)']);
  });

  it('compares with the objective exactly, not on the rounded percentage', () => {
    expect(agreementMet({ met: 189, breached: 10 }, 95)).toBe(false); // 94.97 %, shown as 95.0 %
    expect(agreementMet({ met: 19, breached: 1 }, 95)).toBe(true);
    expect(agreementMet({ met: 5, breached: 0 }, null)).toBe(true);
  });

  it('narrows to a customer, a service and a level', () => {
    expect(totalFigures(aggregates, { ...q3, customerId: 'acme', serviceId: 'network' })).toMatchObject({ resolved: 4, met: 3, missed: 1 });
    expect(totalFigures(aggregates, { ...q3, levelId: 'gold-ny' })).toMatchObject({ resolved: 10, missed: 2 });
    const gold = summarizeCustomers(aggregates, catalogue, { ...q3, levelId: 'silver' });
    expect(gold.map((c) => c.customer.id)).toEqual(['acme']);
  });

  it('breaks down by level, service and priority class', () => {
    const breakdown = summarizeBreakdown(aggregates, catalogue, q3);
    expect(breakdown.level.map((r) => [r.name, r.figures.resolved, r.objectivePercent])).toEqual([
      ['Gold', 21, 95],
      ['Gold (New York)', 10, 95],
      ['Silver', 4, null],
    ]);
    expect(breakdown.service.map((r) => r.name)).toEqual(['E-mail', 'Network']);
    expect(breakdown.priorityClass.map((r) => r.key)).toEqual(['P1', 'P2']);
  });

  it('shows every month of the period in the trend, also months without requests', () => {
    const trend = summarizeTrend(aggregates, { ...q3, period: { from: '2026-06', to: '2026-10' } });
    expect(trend.map((p) => [p.month, p.figures.resolved, p.figures.onTimePercent])).toEqual([
      ['2026-06', 10, 0],
      ['2026-07', 30, 93.3],
      ['2026-08', 1, 0],
      ['2026-09', 4, 75],
      ['2026-10', 0, null],
    ]);
  });

  it('writes the CSV with the issue’s columns, one row per customer × service × level × class', () => {
    const rows = volumeRows(aggregates, catalogue, q3);
    const csv = formatCsv(rows, q3.period);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[0]).toBe(
      'customer,service,level,priority,period_start,period_end,resolved,met,missed,on_time_percent,objective_percent,response_met,response_missed,extensions',
    );
    expect(lines.slice(1)).toEqual([
      // a formula-like customer name is made inert and quoted (it holds quotes)
      `"'=HYPERLINK(""x"")",E-mail,Gold,P2,2026-07-01,2026-09-30,1,1,0,100.0,95,1,0,0`,
      'Acme Logistics,E-mail,Gold,P1,2026-07-01,2026-09-30,19,19,0,100.0,95,19,0,0',
      'Acme Logistics,E-mail,Gold,P2,2026-07-01,2026-09-30,1,0,1,0.0,95,0,1,2',
      'Acme Logistics,Network,Silver,P2,2026-07-01,2026-09-30,4,3,1,75.0,,0,0,0',
      'Globex Retail,E-mail,Gold (New York),P2,2026-07-01,2026-09-30,10,8,2,80.0,95,10,0,0',
    ]);
    // the CSV and the report's totals are the same numbers
    expect(rows.reduce((sum, r) => sum + r.figures.missed, 0)).toBe(totalFigures(aggregates, q3).missed);
  });
});

describe('overdueMinutesOf', () => {
  const terms = makeTerms({ calendar: UTC_OFFICE, priorityClass: 'P3' });
  const created = new Date('2026-03-02T09:00:00Z'); // Monday 09:00; P3 = 240 business minutes → 13:00

  it('is 0 for a request resolved in time', () => {
    const record = startClock({ termsResolution: covered(terms), createdAt: created, status: OPEN, now: created, facts: [fact.resolved('r', '2026-03-02T12:00:00Z')] });
    expect(overdueMinutesOf(record, new Date('2026-03-10T00:00:00Z'))).toBe(0);
  });

  it('counts business time past the deadline, skipping nights and pauses', () => {
    // deadline Monday 13:00; resolved Tuesday 10:00; paused Monday 15:00–16:00:
    // Monday 13:00–17:00 is 4 h, minus the hour paused, plus Tuesday 09:00–10:00 = 4 h
    const record = startClock({
      termsResolution: covered(terms),
      createdAt: created,
      status: OPEN,
      now: new Date('2026-03-03T10:00:00Z'),
      facts: [fact.waiting('w', '2026-03-02T15:00:00Z'), fact.working('x', '2026-03-02T16:00:00Z'), fact.resolved('r', '2026-03-03T10:00:00Z')],
    });
    expect(record.outcome).toBe('breached');
    expect(record.deadline).toBe('2026-03-02T13:00:00.000Z');
    expect(overdueMinutesOf(record, new Date('2026-03-10T00:00:00Z'))).toBe(240);
  });

  it('counts an open breach up to now', () => {
    const record = startClock({ termsResolution: covered(terms), createdAt: created, status: OPEN, now: new Date('2026-03-02T14:30:00Z') });
    expect(overdueMinutesOf(record, new Date('2026-03-02T14:30:00Z'))).toBe(90);
  });
});
