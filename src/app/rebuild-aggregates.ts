/**
 * Rebuilds the compliance aggregates from the records on the issues (design §4), as a queue-driven
 * job so no single invocation runs long: `clear` removes the stored aggregates and per-issue
 * contributions a page at a time, then `replay` walks the resolved requests page by page (Jira search
 * on the indexed `contract-clock` property) and counts each outcome with the same idempotent update
 * the triggers use. Progress is kept in storage for the settings page.
 */
import { z } from 'zod';
import type { KeyValueStore, StoreOperation } from '../adapters/storage/key-value-store';
import { AGGREGATE_PREFIX, OUTCOME_CONTRIBUTION_PREFIX, rebuildJobKey } from '../adapters/storage/storage-keys';
import { readValue, writeValue } from '../adapters/storage/typed-value';
import { parseClockRecord } from '../domain/clock';
import { recordOutcome } from './clock-store';
import type { AppDeps, RebuildJob } from './deps';

/** Resolved requests: the records whose outcome is frozen. */
export const RESOLVED_RECORDS_JQL = 'issue.property[contract-clock].state in ("met", "missed") ORDER BY created ASC';
const CLEAR_PAGE = 100;
const SEARCH_PAGE = 50;

export const rebuildJobBodySchema = z.object({
  jobId: z.string().min(1).max(100),
  phase: z.enum(['clear', 'replay']),
  pageToken: z.string().min(1).optional(),
});
export type RebuildJobBody = z.infer<typeof rebuildJobBodySchema>;

export const rebuildProgressSchema = z.object({
  schemaVersion: z.literal(1),
  jobId: z.string(),
  status: z.enum(['running', 'done']),
  startedAt: z.iso.datetime({ offset: true }),
  finishedAt: z.iso.datetime({ offset: true }).nullable(),
  pages: z.number().int().nonnegative(),
  outcomes: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
});
export type RebuildProgress = z.infer<typeof rebuildProgressSchema>;

/** Starts a rebuild: records its progress and queues the first step. */
export async function startRebuild(deps: AppDeps, jobId: string): Promise<void> {
  const progress: RebuildProgress = {
    schemaVersion: 1,
    jobId,
    status: 'running',
    startedAt: deps.now().toISOString(),
    finishedAt: null,
    pages: 0,
    outcomes: 0,
    skipped: 0,
  };
  await writeValue(deps.store, rebuildJobKey(jobId), rebuildProgressSchema, progress);
  await deps.enqueue([toJob({ jobId, phase: 'clear' })]);
}

/** Runs one step of a rebuild and queues the next one. */
export async function runRebuildStep(deps: AppDeps, body: RebuildJobBody): Promise<RebuildProgress | null> {
  const read = await readValue(deps.store, rebuildJobKey(body.jobId), rebuildProgressSchema);
  if (read.status !== 'found' || read.value.status === 'done') return null; // unknown or finished: a redelivery
  const progress = read.value;
  if (body.phase === 'clear') {
    const more = await clearPage(deps.store);
    await deps.enqueue([toJob(more ? { jobId: body.jobId, phase: 'clear' } : { jobId: body.jobId, phase: 'replay' })]);
    return progress;
  }
  const page = await deps.jiraAsApp.searchIssuesWithClock(RESOLVED_RECORDS_JQL, {
    maxResults: SEARCH_PAGE,
    ...(body.pageToken === undefined ? {} : { nextPageToken: body.pageToken }),
  });
  let outcomes = 0;
  let skipped = 0;
  for (const issue of page.issues) {
    const parsed = issue.contractClock === null ? null : parseClockRecord(issue.contractClock.value);
    if (parsed === null || !parsed.ok) {
      skipped += 1;
      continue;
    }
    await recordOutcome(deps.store, issue.id, parsed.record);
    outcomes += 1;
  }
  const done = page.nextPageToken === null;
  const next: RebuildProgress = {
    ...progress,
    pages: progress.pages + 1,
    outcomes: progress.outcomes + outcomes,
    skipped: progress.skipped + skipped,
    status: done ? 'done' : 'running',
    finishedAt: done ? deps.now().toISOString() : null,
  };
  await writeValue(deps.store, rebuildJobKey(body.jobId), rebuildProgressSchema, next);
  if (page.nextPageToken !== null) {
    await deps.enqueue([toJob({ jobId: body.jobId, phase: 'replay', pageToken: page.nextPageToken })]);
  }
  return next;
}

/** Deletes one page of aggregates and contributions; true when more may remain. */
async function clearPage(store: KeyValueStore): Promise<boolean> {
  let more = false;
  for (const prefix of [AGGREGATE_PREFIX, OUTCOME_CONTRIBUTION_PREFIX]) {
    const page = await store.query({ prefix, limit: CLEAR_PAGE });
    const deletes: StoreOperation[] = page.entries.map((entry) => ({ type: 'delete', key: entry.key }));
    for (let i = 0; i < deletes.length; i += 25) await store.transact(deletes.slice(i, i + 25));
    if (page.nextCursor !== undefined && page.entries.length > 0) more = true;
  }
  return more;
}

function toJob(body: RebuildJobBody): RebuildJob {
  const { pageToken, ...rest } = body;
  return pageToken === undefined ? rest : { ...rest, pageToken };
}
