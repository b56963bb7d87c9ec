/**
 * The admin overview's read-only views of the contract database: hours per weekday, 24/7, versions
 * newest first, request types → services, priority → class, pause statuses, the contract filter,
 * names by id, sizes and money.
 */
import { contractDatabaseSchema, type Contract, type ContractVersion, type PriorityMap, type Service } from '../../src/contract/contract-database';
import {
  classOfPriority,
  filterContracts,
  formatBytes,
  formatMoney,
  indexNames,
  isAroundTheClock,
  isEmptyDatabase,
  isPauseStatus,
  nameOf,
  servicesForRequestType,
  sortVersionsNewestFirst,
  utf8Bytes,
  weekdayHours,
  weeklyMinutes,
} from '../../static/admin/src/database-view';
import { buildDemoDatabase, buildEmptyDatabase } from '../../static/admin/dev/fixtures';

describe('weekdayHours and weeklyMinutes', () => {
  const split = { week: { mon: [['08:00', '12:00'], ['13:00', '17:30']] as [string, string][], sat: [], sun: [['00:00', '24:00']] as [string, string][] } };

  it('lists every weekday Monday first with its intervals and minutes; absent days are closed', () => {
    expect(weekdayHours(split)).toEqual([
      { day: 'mon', intervals: ['08:00–12:00', '13:00–17:30'], minutes: 510 },
      { day: 'tue', intervals: [], minutes: 0 },
      { day: 'wed', intervals: [], minutes: 0 },
      { day: 'thu', intervals: [], minutes: 0 },
      { day: 'fri', intervals: [], minutes: 0 },
      { day: 'sat', intervals: [], minutes: 0 },
      { day: 'sun', intervals: ['00:00–24:00'], minutes: 1440 },
    ]);
  });

  it('sums the week', () => {
    expect(weeklyMinutes(split)).toBe(510 + 1440);
  });

  it('knows a 24/7 calendar from one that is open nearly always', () => {
    const allDay = [['00:00', '24:00']] as [string, string][];
    const week = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
    expect(isAroundTheClock({ week })).toBe(true);
    expect(isAroundTheClock({ week: { ...week, sun: [['00:00', '23:59']] } })).toBe(false);
  });
});

describe('sortVersionsNewestFirst', () => {
  const version = (n: number, from: string): ContractVersion => ({ version: n, effectiveFrom: from, coveredServices: [{ serviceId: 's', levelId: 'l' }], defaultServiceId: 's' });

  it('orders by start, latest first, then by version number; the input is not changed', () => {
    const versions = [version(1, '2025-01-01'), version(3, '2026-07-01'), version(2, '2026-01-01'), version(4, '2026-07-01')];
    expect(sortVersionsNewestFirst(versions).map((v) => v.version)).toEqual([4, 3, 2, 1]);
    expect(versions.map((v) => v.version)).toEqual([1, 3, 2, 4]);
  });
});

describe('servicesForRequestType', () => {
  const service = (id: string, requestTypeIds: string[]): Service => ({ id, name: id, rule: { requestTypeIds, components: [], labels: [] } });

  it('answers the services listing the id, in catalogue order', () => {
    const services = [service('a', ['1']), service('b', ['2', '10']), service('c', ['10'])];
    expect(servicesForRequestType(services, '10').map((s) => s.id)).toEqual(['b', 'c']);
    expect(servicesForRequestType(services, '1').map((s) => s.id)).toEqual(['a']);
    expect(servicesForRequestType(services, '99')).toEqual([]);
  });
});

describe('classOfPriority and isPauseStatus', () => {
  const map: PriorityMap = { byJiraPriority: { Highest: 'P1', ' Blocker ': 'P1', Low: 'P4' }, defaultClass: 'P3' };

  it.each<[string, { priorityClass: string; mapped: boolean }]>([
    ['Highest', { priorityClass: 'P1', mapped: true }],
    ['highest', { priorityClass: 'P1', mapped: true }],
    ['Blocker', { priorityClass: 'P1', mapped: true }],
    ['Low ', { priorityClass: 'P4', mapped: true }],
    ['Medium', { priorityClass: 'P3', mapped: false }],
  ])('%s → %j', (name, expected) => {
    expect(classOfPriority(map, name)).toEqual(expected);
  });

  it('compares pause statuses without case or surrounding spaces', () => {
    const settings = { pauseStatuses: ['Waiting for customer'] };
    expect(isPauseStatus(settings, ' waiting FOR customer')).toBe(true);
    expect(isPauseStatus(settings, 'Waiting for supplier')).toBe(false);
  });
});

describe('filterContracts', () => {
  const { contracts } = buildDemoDatabase();
  const ids = (query: string) => filterContracts(contracts, query).map((c: Contract) => c.id);

  it('keeps all for an empty or blank query', () => {
    expect(ids('  ')).toHaveLength(contracts.length);
  });

  it.each<[string, string, string[]]>([
    ['the contract id', 'acme-2026', ['acme-2026']],
    ['the customer name, any case', 'GLOBEX', ['globex-us']],
    ['a word of the contract name', 'maatwerk', ['umbrella-maatwerk']],
    ['nothing', 'zzz', []],
  ])('matches %s', (_name, query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('matches a JSM organization id', () => {
    const [first] = contracts;
    const org = first?.customer.organizationIds[0] ?? '';
    expect(filterContracts(contracts, org).map((c) => c.id)).toContain(first?.id);
  });
});

describe('names, emptiness, sizes and money', () => {
  it('shows a name for a known id and the id itself otherwise', () => {
    const names = indexNames([{ id: 'gold', name: 'Gold' }]);
    expect(nameOf(names, 'gold')).toBe('Gold');
    expect(nameOf(names, 'platinum')).toBe('platinum');
  });

  it('knows an empty database', () => {
    expect(isEmptyDatabase(buildEmptyDatabase())).toBe(true);
    expect(isEmptyDatabase(buildDemoDatabase())).toBe(false);
    expect(isEmptyDatabase(contractDatabaseSchema.parse({ schemaVersion: 2, services: [{ id: 's', name: 'S' }] }))).toBe(false);
  });

  it.each<[number, string, string]>([
    [820, 'en-GB', '820 B'],
    [16_300, 'en-GB', '16.3 kB'],
    [16_300, 'nl-NL', '16,3 kB'],
    [1_048_576, 'en-GB', '1 MB'],
  ])('formats %d bytes in %s as %s', (bytes, locale, expected) => {
    expect(formatBytes(bytes, locale)).toBe(expected);
  });

  it('formats money in its currency and the locale', () => {
    expect(formatMoney(125_000, 'EUR', 'en-GB')).toBe('€1,250.00');
    expect(formatMoney(52_000, 'USD', 'en-US')).toBe('$520.00');
    expect(formatMoney(52_000, 'JPY', 'en-US')).toBe('¥52,000');
  });

  it('counts UTF-8 bytes as the import limit does', () => {
    expect(utf8Bytes('abc')).toBe(3);
    expect(utf8Bytes('€')).toBe(3);
  });
});
