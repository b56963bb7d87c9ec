/**
 * The part of the contract database that terms resolution needs for requests of some organizations
 * (issue 10.12): the contracts naming one of them, the levels those contracts (and the settings'
 * fallback) use, the calendars of those levels and of bespoke terms, the whole service catalogue
 * (recognising a service needs every rule, in catalogue order) and the settings. Resolving terms
 * against a slice gives exactly what resolving against the whole database gives, for those
 * organizations (contracts keep their relative order, which breaks ties between equally strict ones).
 *
 * The store (src/app/contract-database-store.ts) keeps one slice per *bucket* of organizations —
 * an organization's bucket is a hash of its id — so an event reads one small item instead of the
 * whole database, and a save rewrites only the buckets whose slice changed.
 *
 * Pure: no I/O, no clock, no Forge.
 */
import type { CalendarEntry, Contract, ContractDatabase, ServiceLevel } from '../contract/contract-database';

/** How many buckets the organizations are spread over (fixed: readers compute the bucket without a read). */
export const TERMS_BUCKETS = 64;

/** A slice and the position of each of its contracts in the whole database (for merging slices in order). */
export interface TermsSlice {
  readonly database: ContractDatabase;
  /** `contractOrder[i]` is the index in the whole database of `database.contracts[i]`, ascending. */
  readonly contractOrder: readonly number[];
}

/**
 * The bucket of an organization id: FNV-1a (32 bit) of its UTF-16 code units, modulo TERMS_BUCKETS.
 * Stable across releases: changing it would need every bucket rewritten.
 *
 * @example organizationBucket('10001') // a number 0..63
 */
export function organizationBucket(organizationId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < organizationId.length; i++) {
    hash ^= organizationId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % TERMS_BUCKETS;
}

/** The buckets a request's organizations fall in, ascending; bucket 0 for a request without any (only settings and the fallback matter then). */
export function bucketsOf(organizationIds: readonly string[]): number[] {
  if (organizationIds.length === 0) return [0];
  return [...new Set(organizationIds.map(organizationBucket))].sort((a, b) => a - b);
}

function sliceOf(db: ContractDatabase, contractIndexes: readonly number[]): TermsSlice {
  const contracts: Contract[] = [];
  const levelIds = new Set<string>(db.settings.fallbackLevelId === null ? [] : [db.settings.fallbackLevelId]);
  const calendarIds = new Set<string>();
  for (const index of contractIndexes) {
    const contract = db.contracts[index];
    if (contract === undefined) continue;
    contracts.push(contract);
    for (const version of contract.versions) {
      for (const covered of version.coveredServices) {
        levelIds.add(covered.levelId);
        if (covered.bespoke?.calendarId !== undefined) calendarIds.add(covered.bespoke.calendarId);
      }
    }
  }
  const levels: ServiceLevel[] = db.levels.filter((level) => levelIds.has(level.id));
  for (const level of levels) for (const revision of level.revisions) calendarIds.add(revision.calendarId);
  const calendars: CalendarEntry[] = db.calendars.filter((calendar) => calendarIds.has(calendar.id));
  return {
    database: { schemaVersion: db.schemaVersion, calendars, services: db.services, levels, contracts, settings: db.settings },
    contractOrder: [...contractIndexes],
  };
}

/**
 * The slice for requests of these organizations: what `resolveTerms` needs, nothing more.
 *
 * @example resolveTerms(sliceForOrganizations(db, ['10001']).database, facts, createdAt) // same as with db
 */
export function sliceForOrganizations(db: ContractDatabase, organizationIds: readonly string[]): TermsSlice {
  const wanted = new Set(organizationIds);
  const indexes: number[] = [];
  db.contracts.forEach((contract, index) => {
    if (contract.customer.organizationIds.some((id) => wanted.has(id))) indexes.push(index);
  });
  return sliceOf(db, indexes);
}

/**
 * One slice per bucket (index = bucket): each holds the contracts naming any organization of the
 * bucket. Every bucket exists, even without contracts (it still carries the catalogue, the settings
 * and the fallback level, for requests of organizations without a contract).
 */
export function buildTermsBuckets(db: ContractDatabase): TermsSlice[] {
  const members: number[][] = Array.from({ length: TERMS_BUCKETS }, () => []);
  db.contracts.forEach((contract, index) => {
    for (const bucket of new Set(contract.customer.organizationIds.map(organizationBucket))) members[bucket]?.push(index);
  });
  return members.map((indexes) => sliceOf(db, indexes));
}

/**
 * Several slices (of the buckets of a request's organizations, written by the same save) as one
 * database: contracts in their order in the whole database, levels and calendars once each.
 *
 * @example mergeSlices([bucket3, bucket17]).contracts.length
 */
export function mergeSlices(slices: readonly TermsSlice[]): ContractDatabase {
  const [first] = slices;
  if (first === undefined) throw new RangeError('mergeSlices needs at least one slice');
  if (slices.length === 1) return first.database;
  const contracts = new Map<string, { contract: Contract; order: number }>();
  const levels = new Map<string, ServiceLevel>();
  const calendars = new Map<string, CalendarEntry>();
  for (const slice of slices) {
    slice.database.contracts.forEach((contract, i) => contracts.set(contract.id, { contract, order: slice.contractOrder[i] ?? i }));
    for (const level of slice.database.levels) levels.set(level.id, level);
    for (const calendar of slice.database.calendars) calendars.set(calendar.id, calendar);
  }
  return {
    ...first.database,
    contracts: [...contracts.values()].sort((a, b) => a.order - b.order).map((entry) => entry.contract),
    levels: [...levels.values()],
    calendars: [...calendars.values()],
  };
}
