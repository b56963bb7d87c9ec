/** Counts of a contract database, for the settings page header and save confirmations. */
import type { ContractDatabase } from '../contract/contract-database';

export interface DatabaseSummary {
  calendars: number;
  services: number;
  levels: number;
  contracts: number;
  customers: number;
}

/** @example contractDatabaseSummary(db) // { calendars: 2, services: 4, levels: 3, contracts: 6, customers: 6 } */
export function contractDatabaseSummary(db: ContractDatabase): DatabaseSummary {
  return {
    calendars: db.calendars.length,
    services: db.services.length,
    levels: db.levels.length,
    contracts: db.contracts.length,
    customers: new Set(db.contracts.map((c) => c.customer.id)).size,
  };
}
