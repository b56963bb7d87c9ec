/** The draft's types, from the shared contract database structure. */
import type { ContractDatabase, CalendarEntry } from '../../../src/contract/contract-database-shape';

export type { ContractDatabase };
export type Calendar = CalendarEntry;
