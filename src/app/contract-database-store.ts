/**
 * The contract database as app data: read (an empty database when none was saved yet), validated
 * whole on save, stored as one document (chunked by the storage layer when large) so a failed save
 * leaves the previous database intact. Enforces "versions, not edits": a contract version that has
 * come into force may not change its terms or disappear; a change is a new version.
 *
 * Uses the storage port; no Forge imports.
 */
import type { KeyValueStore } from '../adapters/storage/key-value-store';
import { readDocument, writeDocument } from '../adapters/storage/typed-value';
import {
  contractDatabaseSchema,
  parseContractDatabase,
  type ContractDatabase,
  type ContractDatabaseError,
  type ContractVersion,
} from '../contract/contract-database';
import { canonicalJson } from '../domain/calendar-cache';
import { localDateOf } from '../domain/local-date';

const DOCUMENT = 'contract-database';

/** A database with no contracts: every request is uncovered until an admin saves one. */
export function emptyContractDatabase(): ContractDatabase {
  return contractDatabaseSchema.parse({ schemaVersion: 1 });
}

export type LoadedDatabase =
  | { status: 'found'; database: ContractDatabase }
  | { status: 'missing'; database: ContractDatabase }
  | { status: 'invalid'; database: ContractDatabase; detail: string };

/**
 * Reads the contract database (one storage read while it fits inline). A stored document that no
 * longer parses is reported, and the empty database is used so requests become `uncovered` with a
 * reason rather than crash.
 */
export async function loadContractDatabase(store: KeyValueStore): Promise<LoadedDatabase> {
  const read = await readDocument(store, DOCUMENT, contractDatabaseSchema);
  if (read.status === 'found') return { status: 'found', database: read.value };
  if (read.status === 'missing') return { status: 'missing', database: emptyContractDatabase() };
  return { status: 'invalid', database: emptyContractDatabase(), detail: read.error.message };
}

export type SaveDatabaseResult =
  | { ok: true; database: ContractDatabase; unchanged: boolean }
  | { ok: false; errors: ContractDatabaseError[] };

/**
 * Validates a whole database against its schema and against the stored one (versions in force are
 * immutable), then saves it. Nothing is written when anything is wrong; every error has its path.
 *
 * @example const result = await saveContractDatabase(store, input, now);
 */
export async function saveContractDatabase(store: KeyValueStore, input: unknown, now: Date): Promise<SaveDatabaseResult> {
  const parsed = parseContractDatabase(input);
  if (!parsed.ok) return parsed;
  const current = await loadContractDatabase(store);
  const errors = current.status === 'found' ? checkVersionsNotEdited(current.database, parsed.database, now) : [];
  if (errors.length > 0) return { ok: false, errors };
  const written = await writeDocument(store, DOCUMENT, contractDatabaseSchema, parsed.database);
  return { ok: true, database: parsed.database, unchanged: written.status === 'unchanged' };
}

/** What may still change on a version in force: its end, notice and renewal dates, and its note. */
function termsOf(version: ContractVersion): unknown {
  const { effectiveTo: _to, noticeDate: _notice, renewalDate: _renewal, note: _note, ...terms } = version;
  return terms;
}

/**
 * Versions whose effective date has come (in the contract's zone) keep their terms: requests were
 * created under them, and an edit would make the database disagree with their frozen terms.
 */
export function checkVersionsNotEdited(
  before: ContractDatabase,
  after: ContractDatabase,
  now: Date,
): ContractDatabaseError[] {
  const errors: ContractDatabaseError[] = [];
  for (const old of before.contracts) {
    const today = localDateOf(now, old.timeZone);
    const nextIndex = after.contracts.findIndex((c) => c.id === old.id);
    const next = after.contracts[nextIndex];
    for (const version of old.versions) {
      if (version.effectiveFrom > today) continue;
      if (next === undefined) {
        errors.push({
          path: 'contracts',
          message: `Contract '${old.id}' has a version in force since ${version.effectiveFrom} and cannot be removed; end it with effectiveTo instead.`,
        });
        break;
      }
      const index = next.versions.findIndex((v) => v.version === version.version);
      const replacement = next.versions[index];
      if (replacement === undefined) {
        errors.push({
          path: `contracts.${nextIndex}.versions`,
          message: `Version ${version.version} of contract '${old.id}' is in force since ${version.effectiveFrom} and cannot be removed.`,
        });
      } else if (canonicalJson(termsOf(replacement)) !== canonicalJson(termsOf(version))) {
        errors.push({
          path: `contracts.${nextIndex}.versions.${index}`,
          message: `Version ${version.version} of contract '${old.id}' is in force since ${version.effectiveFrom}: its terms cannot be edited. Add a new version with its own effective date.`,
        });
      }
    }
  }
  return errors;
}
