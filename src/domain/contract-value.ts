/**
 * Contract value (issue 14.2): what a contract version is worth per month and per year, from its
 * covered services' prices (a bespoke price, else the price of the level's revision in force) plus
 * its fixed monthly fee. When a level gets a new revision with other prices during a version, the
 * version's value changes on that date: the value is given per period.
 *
 * Amounts are integers of minor units in the contract's currency (src/contract/money.ts); a year is
 * twelve months. A covered service without any price (neither bespoke nor on the level) counts as 0
 * and is listed in `unpricedServiceIds`, so a UI can say the value is incomplete.
 *
 * Pure: no I/O, no clock, no Forge.
 */
import {
  levelRevisionOn,
  previousDay,
  type Contract,
  type ContractDatabase,
  type ContractVersion,
  type CoveredService,
} from '../contract/contract-database';

/** The price of one covered service in a period. */
export interface ServiceValue {
  serviceId: string;
  levelId: string;
  /** Minor units per month; null when no price is agreed. */
  monthlyMinor: number | null;
  /** Where the price comes from. */
  source: 'bespoke' | 'level' | 'none';
}

/** The value of a version between two local dates (inclusive); `to` null: open-ended. */
export interface ValuePeriod {
  from: string;
  to: string | null;
  services: ServiceValue[];
  feeMinor: number;
  monthlyMinor: number;
  yearlyMinor: number;
}

/** The value of one contract version. */
export interface VersionValue {
  version: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  currency: string;
  periods: ValuePeriod[];
  /** Covered services without any price in some period. */
  unpricedServiceIds: string[];
}

/** The value of one contract, version by version (in the order of the contract's versions). */
export interface ContractValue {
  contractId: string;
  currency: string;
  versions: VersionValue[];
}

function priceOn(db: ContractDatabase, covered: CoveredService, date: string): ServiceValue {
  const base = { serviceId: covered.serviceId, levelId: covered.levelId };
  const bespoke = covered.bespoke?.monthlyPrice;
  if (bespoke !== undefined) return { ...base, monthlyMinor: bespoke, source: 'bespoke' };
  const level = db.levels.find((l) => l.id === covered.levelId);
  const price = level === undefined ? undefined : levelRevisionOn(level, date).monthlyPrices[covered.serviceId];
  return price === undefined ? { ...base, monthlyMinor: null, source: 'none' } : { ...base, monthlyMinor: price, source: 'level' };
}

/** Dates within the version on which a level price it depends on changes (a level revision starts). */
function priceChangeDates(db: ContractDatabase, version: ContractVersion): string[] {
  const dates = new Set<string>();
  for (const covered of version.coveredServices) {
    if (covered.bespoke?.monthlyPrice !== undefined) continue;
    const level = db.levels.find((l) => l.id === covered.levelId);
    for (const revision of level?.revisions ?? []) {
      const from = revision.effectiveFrom;
      if (from > version.effectiveFrom && (version.effectiveTo === undefined || from <= version.effectiveTo)) dates.add(from);
    }
  }
  return [...dates].sort();
}

/**
 * The value of a contract version on one local date: per covered service, the fee and the totals.
 *
 * @example versionValueOn(db, contract.versions[0], '2026-03-01').monthlyMinor // 257500
 */
export function versionValueOn(db: ContractDatabase, version: ContractVersion, date: string): Omit<ValuePeriod, 'from' | 'to'> {
  const services = version.coveredServices.map((covered) => priceOn(db, covered, date));
  const feeMinor = version.monthlyFee ?? 0;
  const monthlyMinor = services.reduce((sum, s) => sum + (s.monthlyMinor ?? 0), feeMinor);
  return { services, feeMinor, monthlyMinor, yearlyMinor: monthlyMinor * 12 };
}

/**
 * The value of every version of a contract, split into periods where level prices change.
 *
 * @example
 * contractValue(db, acme).versions[1].periods[0] // { from: '2026-01-01', to: '2026-12-31', monthlyMinor: 276_500, yearlyMinor: 3_318_000, … }
 */
export function contractValue(db: ContractDatabase, contract: Contract): ContractValue {
  const currency = contract.currency ?? db.settings.currency;
  const versions = contract.versions.map((version): VersionValue => {
    const starts = [version.effectiveFrom, ...priceChangeDates(db, version)];
    const periods = starts.map((from, index): ValuePeriod => {
      const following = starts[index + 1];
      const to = following === undefined ? (version.effectiveTo ?? null) : previousDay(following);
      return { from, to, ...versionValueOn(db, version, from) };
    });
    const unpriced = new Set(periods.flatMap((p) => p.services.filter((s) => s.monthlyMinor === null).map((s) => s.serviceId)));
    return {
      version: version.version,
      effectiveFrom: version.effectiveFrom,
      effectiveTo: version.effectiveTo ?? null,
      currency,
      periods,
      unpricedServiceIds: [...unpriced],
    };
  });
  return { contractId: contract.id, currency, versions };
}

/** The value of a contract on one local date: the version in force then, and its price period. */
export interface ValueInForce {
  version: number;
  /** The period of that version's value the date falls in (a level revision may split a version). */
  from: string;
  to: string | null;
  monthlyMinor: number;
  yearlyMinor: number;
  unpricedServiceIds: string[];
}

/**
 * The value of the version in force on a local date (in the contract's zone), from `contractValue`;
 * null when no version is in force (not started yet, or ended).
 *
 * @example valueInForceOn(contractValue(db, acme), '2026-10-05') // { version: 2, monthlyMinor: 276_500, yearlyMinor: 3_318_000, … }
 */
export function valueInForceOn(value: ContractValue, date: string): ValueInForce | null {
  const covers = (from: string, to: string | null): boolean => from <= date && (to === null || to >= date);
  const version = value.versions.find((v) => covers(v.effectiveFrom, v.effectiveTo));
  const period = version?.periods.find((p) => covers(p.from, p.to));
  if (version === undefined || period === undefined) return null;
  const unpriced = period.services.filter((s) => s.monthlyMinor === null).map((s) => s.serviceId);
  return { version: version.version, from: period.from, to: period.to, monthlyMinor: period.monthlyMinor, yearlyMinor: period.yearlyMinor, unpricedServiceIds: unpriced };
}
