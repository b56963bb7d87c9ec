/**
 * "My contract" (issue 13.2) from the demo's contract database: the contract in force with period,
 * renewal and notice dates; services with level and targets per priority (as the customer's Jira
 * priorities); coverage hours and the coming year's holidays; prices only where the contract shows
 * them; last quarter's on-time figures per service from the aggregates.
 */
import { lastQuarterOf, presentMyContract, upcomingHolidays } from '../../src/app/portal-contract-view';
import { parseContractDatabase, type ContractDatabase, type ContractDatabaseInput } from '../../src/contract/contract-database';
import type { ComplianceAggregate } from '../../src/contract/compliance-aggregate';
import { buildDemoContractDatabase } from '../../sandbox/demo/demo-catalogue';
import { createJiraModel } from '../../sandbox/jira/jira-model';
import { readJiraAppDefinition } from '../../sandbox/jira/jira-app-definition';
import { seedBaseSite, type BaseSite } from '../../sandbox/jira/jira-seed';

const NOW = new Date('2026-10-05T07:30:00Z'); // the demo's "now": Monday 5 October 2026

function demo(change: (db: ContractDatabaseInput, site: BaseSite) => ContractDatabaseInput = (db) => db): { site: BaseSite; database: ContractDatabase } {
  const model = createJiraModel({ clock: { now: () => NOW }, app: readJiraAppDefinition(), baseUrl: 'http://jira.test' });
  const site = seedBaseSite(model);
  const parsed = parseContractDatabase(change(buildDemoContractDatabase(site), site));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { site, database: parsed.database };
}

function org(site: BaseSite, key: keyof BaseSite['organizations']) {
  return { id: site.organizations[key].id, name: site.organizations[key].name };
}

describe('lastQuarterOf', () => {
  it.each([
    ['2026-10-05', '2026-07', '2026-09'],
    ['2026-12-31', '2026-07', '2026-09'],
    ['2026-01-01', '2025-10', '2025-12'],
    ['2026-04-01', '2026-01', '2026-03'],
    ['2026-06-30', '2026-01', '2026-03'],
  ])('on %s it is %s … %s', (today, from, to) => {
    expect(lastQuarterOf(today)).toMatchObject({ from, to });
    expect(lastQuarterOf(today).months).toHaveLength(3);
  });
});

describe('upcomingHolidays', () => {
  it('lists dated and yearly holidays of the coming twelve months in order, with names where given', () => {
    const holidays = upcomingHolidays({ holidays: ['2026-10-05', { date: '2026-12-26', name: 'Boxing Day' }, { yearly: '12-25', name: 'Christmas Day' }, { yearly: '10-04' }, '2026-10-04', '2027-10-05'] }, '2026-10-05');
    expect(holidays).toEqual([
      { date: '2026-10-05', name: null },
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-26', name: 'Boxing Day' },
      { date: '2027-10-04', name: null },
    ]);
  });

  it('keeps a name when a date is listed twice', () => {
    expect(upcomingHolidays({ holidays: ['2026-12-25', { yearly: '12-25', name: 'Christmas Day' }] }, '2026-10-05')).toEqual([{ date: '2026-12-25', name: 'Christmas Day' }]);
  });
});

describe('presentMyContract', () => {
  it('shows Acme its contract in force: period, renewal and notice dates, services, targets per priority, hours, prices', () => {
    const { site, database } = demo();
    const view = presentMyContract({ organizations: [org(site, 'acme')], database, aggregates: new Map(), now: NOW });
    expect(view.organizations).toEqual([{ id: site.organizations.acme.id, name: 'Acme Logistics', contractIds: ['acme-2026'] }]);
    const [acme] = view.contracts;
    expect(acme).toMatchObject({
      id: 'acme-2026',
      name: 'Acme Logistics managed services 2026',
      customerName: 'Acme Logistics',
      organizations: ['Acme Logistics'],
      status: 'in-force',
      term: { version: 1, effectiveFrom: '2026-01-01', effectiveTo: null, endDate: '2026-12-31', noticeDate: '2026-10-31' },
      prices: { currency: 'EUR', feeMinor: 25_000, totalMonthlyMinor: 45_000 + 60_000 + 15_000 + 27_500 + 25_000, incomplete: false },
    });
    expect(acme?.services.map((s) => [s.id, s.level.name, s.monthlyPriceMinor])).toEqual([
      ['email', 'Gold', 45_000],
      ['network', 'Gold', 60_000],
      ['printing', 'Silver', 15_000],
      ['workplace', 'Silver', 27_500],
    ]);
    expect(acme?.services[0]?.targets[0]).toEqual({ priorityClass: 'P1', priorities: ['Highest'], resolutionMinutes: 240, responseMinutes: 30, calendarId: 'nl-office' });
    expect(acme?.services[0]?.targets[4]).toEqual({ priorityClass: 'P5', priorities: ['Lowest'], resolutionMinutes: 4800, responseMinutes: null, calendarId: 'nl-office' });
    const calendar = acme?.calendars[0];
    expect(calendar).toMatchObject({ id: 'nl-office', name: 'Amsterdam office hours', timeZone: 'Europe/Amsterdam' });
    expect(calendar?.week[0]).toEqual({ day: 'mon', intervals: [['08:30', '17:30']] });
    expect(calendar?.week[6]).toEqual({ day: 'sun', intervals: [] });
    expect(calendar?.holidays.slice(0, 3)).toEqual([
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-26', name: 'Boxing Day' },
      { date: '2027-01-01', name: "New Year's Day" },
    ]);
    expect(calendar?.holidays.at(-1)).toEqual({ date: '2027-05-17', name: 'Whit Monday' });
  });

  it('leaves prices out of the answer altogether for a contract that does not show them', () => {
    const { site, database } = demo();
    const view = presentMyContract({ organizations: [org(site, 'globex')], database, aggregates: new Map(), now: NOW });
    const [globex] = view.contracts;
    expect(globex?.status).toBe('in-force');
    expect(globex).not.toHaveProperty('prices');
    for (const service of globex?.services ?? []) expect(service).not.toHaveProperty('monthlyPriceMinor');
    expect(JSON.stringify(view)).not.toMatch(/52000|Minor/);
  });

  it('shows bespoke terms with the 24x7 calendar of their P1 only', () => {
    const { site, database } = demo();
    const [umbrella] = presentMyContract({ organizations: [org(site, 'umbrella')], database, aggregates: new Map(), now: NOW }).contracts;
    expect(umbrella?.term).toMatchObject({ version: 2, effectiveFrom: '2026-07-01', endDate: '2027-06-30', noticeDate: '2027-03-31' });
    const network = umbrella?.services.find((s) => s.id === 'network');
    expect(network).toMatchObject({ bespoke: true, level: { name: 'Gold' } });
    expect(network?.targets.slice(0, 3).map((t) => [t.priorityClass, t.resolutionMinutes, t.responseMinutes, t.calendarId])).toEqual([
      ['P1', 120, 15, '24x7'],
      ['P2', 240, 30, 'nl-office'],
      ['P3', 960, 240, 'nl-office'],
    ]);
    expect(umbrella?.calendars.map((c) => c.id).sort()).toEqual(['24x7', 'nl-office']);
  });

  it('says an expired contract ended, without services or prices', () => {
    const { site, database } = demo();
    const [wayne] = presentMyContract({ organizations: [org(site, 'wayne')], database, aggregates: new Map(), now: NOW }).contracts;
    expect(wayne).toMatchObject({ status: 'ended', term: { effectiveTo: '2026-08-31' }, services: [], calendars: [] });
    expect(wayne).not.toHaveProperty('prices');
  });

  it('lists an organization without a contract with no contract ids, and shows an upcoming version from its start', () => {
    const { site, database } = demo((db, seeded) => ({
      ...db,
      contracts: [
        ...(db.contracts ?? []),
        {
          id: 'hooli-2027',
          name: 'Hooli Labs 2027',
          customer: { id: 'hooli', name: 'Hooli Labs', organizationIds: [seeded.organizations.hooli.id] },
          timeZone: 'Europe/Amsterdam',
          showPricesToCustomer: true,
          versions: [{ version: 1, effectiveFrom: '2027-01-01', coveredServices: [{ serviceId: 'email', levelId: 'gold' }], defaultServiceId: 'email' }],
        },
      ],
    }));
    const withHooli = presentMyContract({ organizations: [org(site, 'hooli')], database, aggregates: new Map(), now: NOW });
    // From 2027 Gold's new revision applies: P1 in 3 h, e-mail at € 465.
    expect(withHooli.contracts[0]).toMatchObject({ status: 'upcoming', term: { effectiveFrom: '2027-01-01' }, prices: { totalMonthlyMinor: 46_500 } });
    expect(withHooli.contracts[0]?.services[0]?.targets[0]).toMatchObject({ resolutionMinutes: 180 });
    const { site: plain, database: demoDb } = demo();
    expect(presentMyContract({ organizations: [org(plain, 'hooli')], database: demoDb, aggregates: new Map(), now: NOW })).toEqual({
      organizations: [{ id: plain.organizations.hooli.id, name: 'Hooli Labs', contractIds: [] }],
      contracts: [],
    });
  });

  it('gives a member of two organizations both contracts, each naming only the organizations it covers', () => {
    const { site, database } = demo();
    const view = presentMyContract({ organizations: [org(site, 'initech'), org(site, 'globex')], database, aggregates: new Map(), now: NOW });
    expect(view.organizations.map((o) => [o.name, o.contractIds])).toEqual([
      ['Globex Retail', ['globex-us']],
      ['Initech Finance', ['initech-2026']],
    ]);
    expect(view.contracts.map((c) => [c.id, c.organizations])).toEqual([
      ['globex-us', ['Globex Retail']],
      ['initech-2026', ['Initech Finance']],
    ]);
  });

  it('counts last quarter\'s requests per service from the customer\'s aggregates, and nothing outside the quarter', () => {
    const { site, database } = demo();
    const cell = (serviceId: string, met: number, breached: number, responseMet = 0, responseBreached = 0) => ({
      serviceId,
      levelId: 'gold',
      priorityClass: 'P2' as const,
      met,
      breached,
      responseMet,
      responseBreached,
      extended: 0,
      extensions: 0,
    });
    const aggregate = (month: string, cells: ReturnType<typeof cell>[]): ComplianceAggregate => ({ schemaVersion: 1, month, customerId: 'acme', cells });
    const aggregates = new Map([
      ['acme', [aggregate('2026-07', [cell('email', 10, 1, 9, 2)]), aggregate('2026-09', [cell('email', 5, 0, 5, 0), cell('network', 3, 2)]), aggregate('2026-10', [cell('email', 100, 100)])]],
      ['globex', [aggregate('2026-08', [cell('printing', 50, 0)])]],
    ]);
    const [acme] = presentMyContract({ organizations: [org(site, 'acme')], database, aggregates, now: NOW }).contracts;
    expect(acme?.onTime).toEqual({
      from: '2026-07',
      to: '2026-09',
      rows: [
        { serviceId: 'email', name: 'E-mail', resolved: 16, onTime: 15, responded: 16, respondedOnTime: 14 },
        { serviceId: 'network', name: 'Network', resolved: 5, onTime: 3, responded: 0, respondedOnTime: 0 },
        { serviceId: 'printing', name: 'Printing', resolved: 0, onTime: 0, responded: 0, respondedOnTime: 0 },
        { serviceId: 'workplace', name: 'Workplace', resolved: 0, onTime: 0, responded: 0, respondedOnTime: 0 },
      ],
    });
  });
});

describe('prices of an ended contract', () => {
  it('are not shown even when the contract shows its prices to customers', () => {
    const { site, database } = demo((db) => ({ ...db, contracts: (db.contracts ?? []).map((c) => (c.id === 'wayne-2025' ? { ...c, showPricesToCustomer: true } : c)) }));
    const [wayne] = presentMyContract({ organizations: [org(site, 'wayne')], database, aggregates: new Map(), now: NOW }).contracts;
    expect(wayne).toMatchObject({ status: 'ended' });
    expect(wayne).not.toHaveProperty('prices');
  });
});

describe('contracts of several organizations', () => {
  it('shows a customer a contract that names their organization among others', () => {
    const { site, database } = demo((db, seeded) => ({
      ...db,
      contracts: (db.contracts ?? []).map((c) => (c.id === 'acme-2026' ? { ...c, customer: { ...c.customer, organizationIds: [...c.customer.organizationIds, seeded.organizations.hooli.id] } } : c)),
    }));
    expect(presentMyContract({ organizations: [org(site, 'acme')], database, aggregates: new Map(), now: NOW }).contracts.map((c) => c.id)).toEqual(['acme-2026']);
    expect(presentMyContract({ organizations: [org(site, 'hooli')], database, aggregates: new Map(), now: NOW }).contracts.map((c) => c.id)).toEqual(['acme-2026']);
  });
});
