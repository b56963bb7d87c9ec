/**
 * The summary of a contract database for the settings page header and save confirmations: counts,
 * and what every contract version is worth per month and per year (issue 14.2).
 */
import type { DatabaseSummary } from '../contract/admin-api';
import type { ContractDatabase } from '../contract/contract-database';
import { contractValue } from '../domain/contract-value';

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
