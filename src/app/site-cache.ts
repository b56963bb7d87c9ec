/**
 * What the app caches about the Jira site in storage: the ids of the custom fields it reads and
 * writes (they differ per site) and the status catalogue (historical statuses in a changelog carry
 * only an id; the clock needs their category). One value, one storage read per handler run.
 *
 * Uses the storage port and the Jira client; no Forge imports.
 */
import { z } from 'zod';
import type { JiraAsApp, JiraFieldIds, StatusOption } from './jira-ports';
import type { KeyValueStore } from '../adapters/storage/key-value-store';
import { jiraFieldIdKey } from '../adapters/storage/storage-keys';
import { readValue, writeValue } from '../adapters/storage/typed-value';
import type { StatusCategory } from '../contract/clock-record';

/** Field ids are refreshed after this long; a field the app needs and lacks is looked up at once. */
const FIELD_IDS_MAX_AGE_MS = 24 * 60 * 60 * 1000;

const siteCacheSchema = z.object({
  schemaVersion: z.literal(1),
  fieldIds: z.object({
    requestType: z.string().nullable(),
    organizations: z.string().nullable(),
    contractDeadline: z.string().nullable(),
  }),
  fieldIdsAt: z.iso.datetime({ offset: true }),
  statuses: z
    .array(z.object({ id: z.string(), name: z.string(), category: z.enum(['new', 'indeterminate', 'done', 'undefined']) }))
    .nullable(),
});
type SiteCacheValue = z.infer<typeof siteCacheSchema>;

const cacheKey = (): string => jiraFieldIdKey('site');

/** The cached site facts of one handler run; `statusCategories` loads the catalogue on demand. */
export interface SiteFacts {
  readonly fieldIds: JiraFieldIds;
  /**
   * Category by status id; fetched from Jira (and cached) the first time a run needs it, and again
   * when one of `statusIds` is not in the cached catalogue.
   */
  statusCategories(statusIds: readonly string[]): Promise<ReadonlyMap<string, StatusCategory>>;
}

/**
 * Reads the site cache (one storage read), refreshing field ids from Jira when they are missing or
 * stale.
 *
 * @example const site = await loadSiteFacts(deps.store, deps.jiraAsApp, deps.now());
 */
export async function loadSiteFacts(store: KeyValueStore, jira: JiraAsApp, now: Date): Promise<SiteFacts> {
  const read = await readValue(store, cacheKey(), siteCacheSchema);
  const cached = read.status === 'found' ? read.value : null;
  const fresh =
    cached !== null &&
    cached.fieldIds.contractDeadline !== null &&
    now.getTime() - Date.parse(cached.fieldIdsAt) <= FIELD_IDS_MAX_AGE_MS;
  let current: SiteCacheValue;
  if (fresh) {
    current = cached;
  } else {
    current = { schemaVersion: 1, fieldIds: await jira.discoverFieldIds(), fieldIdsAt: now.toISOString(), statuses: cached?.statuses ?? null };
    await writeValue(store, cacheKey(), siteCacheSchema, current);
  }
  let categories = current.statuses === null ? null : toCategoryMap(current.statuses);
  return {
    fieldIds: current.fieldIds,
    async statusCategories(statusIds) {
      // A status created since the catalogue was cached is looked up again, not guessed.
      if (categories !== null && statusIds.every((id) => categories?.has(id) === true)) return categories;
      const statuses: StatusOption[] = await jira.listStatuses();
      const stored = statuses.map((s) => ({ id: s.id, name: s.name, category: s.category }));
      current = { ...current, statuses: stored };
      await writeValue(store, cacheKey(), siteCacheSchema, current);
      categories = toCategoryMap(stored);
      return categories;
    },
  };
}

function toCategoryMap(statuses: readonly { id: string; category: StatusCategory }[]): ReadonlyMap<string, StatusCategory> {
  return new Map(statuses.map((s) => [s.id, s.category]));
}
