/**
 * When the compliance aggregates were last reconciled with the records: the finish time of the
 * latest completed rebuild job (src/app/rebuild-aggregates.ts keeps each job's progress under
 * `rebuild-job:<id>`). The one place the managers' views ask this, so where the rebuild records it
 * can change without touching them.
 *
 * Uses the storage port only.
 */
import type { KeyValueStore } from '../adapters/storage/key-value-store';
import { scanPrefix } from '../adapters/storage/key-value-store';
import { REBUILD_JOB_PREFIX } from '../adapters/storage/storage-keys';
import { parseStoredValue } from '../adapters/storage/typed-value';
import { rebuildProgressSchema } from './rebuild-aggregates';

/**
 * The instant the latest finished rebuild finished, or null when none ever finished.
 *
 * @example await readLastReconciledAt(store) // '2026-10-01T03:12:00.000Z'
 */
export async function readLastReconciledAt(store: KeyValueStore): Promise<string | null> {
  let latest: string | null = null;
  for await (const entry of scanPrefix(store, REBUILD_JOB_PREFIX)) {
    const read = parseStoredValue(entry.key, entry.value, rebuildProgressSchema);
    if (read.status !== 'found' || read.value.status !== 'done' || read.value.finishedAt === null) continue;
    if (latest === null || Date.parse(read.value.finishedAt) > Date.parse(latest)) latest = read.value.finishedAt;
  }
  return latest;
}
