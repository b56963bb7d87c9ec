/**
 * The summary of a contract database for the settings page header and save confirmations: counts,
 * and what every contract version is worth per month and per year (issue 14.2).
 */
import type { DatabaseSummary, ValueInForceData } from '../contract/admin-api';
import type { ContractDatabase } from '../contract/contract-database';
import { contractValue, valueInForceOn } from '../domain/contract-value';
import { localDateOf } from '../domain/local-date';

export type { DatabaseSummary } from '../contract/admin-api';

/**
 * @example contractDatabaseSummary(db) // { calendars: 2, services: 4, levels: 3, contracts: 6, customers: 6, contractValues: [...] }
 */
export function contractDatabaseSummary(db: ContractDatabase): DatabaseSummary {
  return {
    calendars: db.calendars.length,
    services: db.services.length,
    levels: db.levels.length,
    contracts: db.contracts.length,
    customers: new Set(db.contracts.map((c) => c.customer.id)).size,
    contractValues: db.contracts.map((contract) => {
      const value = contractValue(db, contract);
      return {
        contractId: value.contractId,
        currency: value.currency,
        versions: value.versions.map((v) => ({
          version: v.version,
          effectiveFrom: v.effectiveFrom,
          effectiveTo: v.effectiveTo,
          periods: v.periods.map((p) => ({ from: p.from, to: p.to, monthlyMinor: p.monthlyMinor, yearlyMinor: p.yearlyMinor })),
          unpricedServiceIds: v.unpricedServiceIds,
        })),
      };
    }),
  };
}

/**
 * Per contract, what the version in force today (in the contract's zone) is worth per month and per
 * year, for the settings page's overview (issue 14.2); `inForce` null when no version is in force.
 *
 * @example contractValuesInForce(db, now)[0] // { contractId: 'acme-2026', currency: 'EUR', today: '2026-10-05', inForce: { version: 1, monthlyMinor: 257_500, … } }
 */
export function contractValuesInForce(db: ContractDatabase, now: Date): ValueInForceData[] {
  return db.contracts.map((contract) => {
    const value = contractValue(db, contract);
    const today = localDateOf(now, contract.timeZone);
    return { contractId: contract.id, currency: value.currency, today, inForce: valueInForceOn(value, today) };
  });
}
