/**
 * When the compliance aggregates were last reconciled with the clocks' outcomes: what the
 * reconciliation job (src/app/rebuild-aggregates.ts) records when it finishes. The one place the
 * managers' views ask this.
 *
 * Uses the storage port only.
 */
import type { KeyValueStore } from '../adapters/storage/key-value-store';
import { readAggregatesReconciliation } from './compliance-store';

/**
 * The instant the latest reconciliation finished, or null when none ever finished.
 *
 * @example await readLastReconciledAt(store) // '2026-10-01T03:12:00.000Z'
 */
export async function readLastReconciledAt(store: KeyValueStore): Promise<string | null> {
  return (await readAggregatesReconciliation(store))?.at ?? null;
}
