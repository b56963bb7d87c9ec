/**
 * A contract database at the scale the schema allows (CONTRACT_DATABASE_LIMITS.contracts contracts),
 * built on top of another database (e.g. the demo's) so that its requests keep their terms: contracts
 * on organizations `org-<n>` with two versions each, four covered services, a bespoke network term on
 * every fifth, fees, dates and notes — a realistic MSP book, padded with notes up to a target size.
 * Not a test file itself.
 */
import { CONTRACT_DATABASE_LIMITS, type ContractDatabase, type ContractDatabaseInput } from '../../src/contract/contract-database';

export interface LargeDatabaseOptions {
  /** How many contracts to add (default: the schema's maximum less what the base has). */
  readonly contracts?: number;
  /** Pad the versions' notes until the compact JSON is about this many bytes (default: no padding). */
  readonly targetBytes?: number;
}

/**
 * The base database with many more contracts. Levels, services and calendars are the base's.
 *
 * @example const db = largeContractDatabase(demo, { targetBytes: 2_990_000 });
 */
export function largeContractDatabase(base: ContractDatabase, options: LargeDatabaseOptions = {}): ContractDatabaseInput {
  const count = options.contracts ?? CONTRACT_DATABASE_LIMITS.contracts - base.contracts.length;
  const levels = base.levels.filter((l) => (l.currency ?? base.settings.currency) === base.settings.currency).map((l) => l.id);
  const services = base.services.map((s) => s.id);
  const bespokeCalendar = base.calendars[base.calendars.length - 1]?.id;
  const contracts = Array.from({ length: count }, (_, i) => {
    const covered = services.slice(0, 4).map((serviceId, s) => ({
      serviceId,
      levelId: levels[(i + s) % levels.length] ?? '',
      ...(s === 2 && i % 5 === 0 && bespokeCalendar !== undefined
        ? { bespoke: { targets: { P1: { resolutionMinutes: 120, responseMinutes: 15 } }, calendarId: bespokeCalendar, calendarClasses: ['P1' as const], monthlyPrice: 95_000 + i, note: 'Around the clock for outages.' } }
        : {}),
    }));
    const defaultServiceId = services[0] ?? '';
    return {
      id: `bulk-${i}`,
      name: `Customer ${i} managed services`,
      customer: { id: `bulk-customer-${i}`, name: `Customer ${i} B.V.`, organizationIds: [`org-${i}`, ...(i % 10 === 0 ? [`org-${i}-b`] : [])] },
      timeZone: i % 3 === 0 ? 'Europe/Amsterdam' : i % 3 === 1 ? 'Europe/London' : 'America/New_York',
      ...(i % 4 === 0 ? { showPricesToCustomer: true } : {}),
      versions: [
        { version: 1, effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31', coveredServices: covered.slice(0, 3), defaultServiceId, monthlyFee: 25_000, endDate: '2025-12-31', noticeDate: '2025-09-30' },
        { version: 2, effectiveFrom: '2026-01-01', coveredServices: covered, defaultServiceId, monthlyFee: 27_500, endDate: '2026-12-31', noticeDate: '2026-09-30', note: `Renewed for 2026 (customer ${i}).` },
      ],
    };
  });
  const database: ContractDatabaseInput = { ...base, contracts: [...base.contracts, ...contracts] };
  if (options.targetBytes === undefined) return database;
  // Pad evenly: one note per added contract's first version, sized so the whole reaches the target.
  const size = Buffer.byteLength(JSON.stringify(database));
  const perContract = Math.floor((options.targetBytes - size) / Math.max(1, count)) - 12;
  if (perContract <= 0) return database;
  const note = 'Notes of the account manager: '.padEnd(Math.min(perContract, CONTRACT_DATABASE_LIMITS.textMaxLength), 'x');
  for (const contract of contracts) contract.versions[0] = { ...contract.versions[0]!, note } as (typeof contract.versions)[number];
  return database;
}
