/**
 * "Preview before saving" of the settings page (issue 12.5): for a draft of the contract database,
 * every check a save runs (the same `checkDatabaseChange`), what would change (the audit log's
 * lines), and the deadline an example request would get under the draft — "a P1 E-mail request from
 * ACME created now would be due Tue 2 Dec 14:00 (Europe/Amsterdam)" — with the explanation trail the
 * panel shows. The deadline is what the clock itself would compute: terms resolution and
 * `startClock` on the draft, at "now". Nothing is stored.
 *
 * Uses the storage port; no Forge imports, no Jira calls (the page sends the example request's facts:
 * organizations, request type, components, labels and priority by name).
 */
import { parseContractDatabase, type ContractDatabase, type ContractDatabaseError } from '../contract/contract-database';
import { describeDatabaseChanges } from '../domain/database-changes';
import { exampleDeadline, type DeadlineExample, type ExampleRequest } from '../domain/example-deadline';
import { checkDatabaseChange, emptyContractDatabase, loadContractDatabase } from './contract-database-store';
import type { KeyValueStore } from '../adapters/storage/key-value-store';

export interface DraftPreview {
  /** Every problem a save would refuse (empty: Save would store it). */
  readonly errors: readonly ContractDatabaseError[];
  /** True when another admin saved since the page loaded (the errors say who). */
  readonly stale: boolean;
  /** What a save would change, as the audit log will read. */
  readonly changes: readonly string[];
  /** The example's deadline under the draft; null when the draft does not parse or no example was asked. */
  readonly example: DeadlineExample | null;
}

/**
 * Checks a draft as a save would, describes its changes, and computes the example's deadline.
 *
 * @example const preview = await previewDraft(store, { input: draft, baseRevision: 7, by, now }, example);
 */
export async function previewDraft(
  store: KeyValueStore,
  change: { readonly input: unknown; readonly baseRevision: number; readonly by: string; readonly now: Date },
  example: ExampleRequest | null,
): Promise<DraftPreview> {
  const check = await checkDatabaseChange(store, { ...change, action: 'save' });
  const parsed = parseContractDatabase(change.input);
  if (!parsed.ok) return { errors: parsed.errors, stale: false, changes: [], example: null };
  const errors = check.ok ? [] : check.kind === 'stale' ? [{ path: '(root)', message: check.message }] : check.errors;
  const changes = check.ok ? check.changes : describeDatabaseChanges((await loadCurrent(store)) ?? emptyContractDatabase(), parsed.database);
  return {
    errors,
    stale: !check.ok && check.kind === 'stale',
    changes,
    example: example === null ? null : exampleDeadline(parsed.database, example, change.now),
  };
}

async function loadCurrent(store: KeyValueStore): Promise<ContractDatabase | null> {
  const loaded = await loadContractDatabase(store);
  return loaded.status === 'found' ? loaded.database : null;
}
