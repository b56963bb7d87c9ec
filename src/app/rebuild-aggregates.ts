/**
 * Reconciles the compliance aggregates with the outcomes of the clocks (design §4, ADR 0016), as a
 * queue-driven job so no single invocation runs long, and records when it last did so (the review
 * report shows it):
 *
 * 1. `legacy`: removes the aggregates of the old storage format (`agg:` keys), a page at a time;
 * 2. `outcomes`: walks the outcomes by aggregate (`issue-outcome`, index `aggregateKey`) and
 *    recounts every aggregate that has outcomes — exactly, even while requests are resolved and
 *    reopened meanwhile (compliance-store.ts `recountAggregate`);
 * 3. `aggregates`: walks the stored aggregates month by month and recounts those step 2 did not
 *    reach (left over, with no outcome any more);
 * 4. `finish`: stores the reconciliation (when, how many aggregates, how many were wrong).
 *
 * The outcomes are the ones stored with the clocks in app storage, the source of truth — never the
 * user-writable issue properties. Progress is kept in storage for the settings page.
 */
import { z } from 'zod';
import { scanEntity, type KeyValueStore, type StoreOperation } from '../adapters/storage/key-value-store';
import {
  AGGREGATE_PREFIX,
  aggregatesReconciledKey,
  COMPLIANCE_AGGREGATE_ENTITY,
  ISSUE_OUTCOME_ENTITY,
  rebuildJobKey,
} from '../adapters/storage/storage-keys';
import { parseStoredValue, readValue, writeValue } from '../adapters/storage/typed-value';
import { instantSchema } from '../contract/clock-record';
import { aggregateItemSchema, aggregatesReconciledSchema, issueOutcomeItemSchema } from '../contract/clock-storage';
import { recountAggregate } from './compliance-store';
import type { AppDeps, RebuildJob } from './deps';

/** A step stops taking new aggregates after this long (a queue consumer has 55 s by default). */
const STEP_BUDGET_MS = 15_000;
const LEGACY_PAGE = 100;

export const rebuildJobBodySchema = z.object({
  jobId: z.string().min(1).max(100),
  phase: z.enum(['legacy', 'outcomes', 'aggregates', 'finish']),
  /** The last aggregate key (`outcomes`) or month (`aggregates`) done. */
  after: z.string().min(1).max(500).optional(),
});
export type RebuildJobBody = z.infer<typeof rebuildJobBodySchema>;

export const rebuildProgressSchema = z.object({
  schemaVersion: z.literal(2),
  jobId: z.string(),
  status: z.enum(['running', 'done']),
  startedAt: instantSchema,
  finishedAt: instantSchema.nullable(),
  /** Aggregates recounted, how many were wrong, outcomes counted. */
  aggregates: z.number().int().nonnegative(),
  corrected: z.number().int().nonnegative(),
  outcomes: z.number().int().nonnegative(),
  firstMonth: z.string().nullable(),
  lastMonth: z.string().nullable(),
});
export type RebuildProgress = z.infer<typeof rebuildProgressSchema>;

/** Starts a reconciliation: records its progress and queues the first step. */
export async function startRebuild(deps: AppDeps, jobId: string): Promise<void> {
  const progress: RebuildProgress = {
    schemaVersion: 2,
    jobId,
    status: 'running',
    startedAt: deps.now().toISOString(),
    finishedAt: null,
    aggregates: 0,
    corrected: 0,
    outcomes: 0,
    firstMonth: null,
    lastMonth: null,
  };
  await writeValue(deps.store, rebuildJobKey(jobId), rebuildProgressSchema, progress);
  await deps.enqueue([toJob({ jobId, phase: 'legacy' })]);
}

/** Runs one step of a reconciliation and queues the next one; null for an unknown or finished job. */
export async function runRebuildStep(deps: AppDeps, body: RebuildJobBody): Promise<RebuildProgress | null> {
  const read = await readValue(deps.store, rebuildJobKey(body.jobId), rebuildProgressSchema);
  if (read.status !== 'found' || read.value.status === 'done') return null; // unknown or finished: a redelivery
  let progress = read.value;
  const started = Date.now();
  const outOfTime = (): boolean => Date.now() - started > STEP_BUDGET_MS;
  const recount = async (aggregateKey: string): Promise<void> => {
    const result = await recountAggregate(deps.store, aggregateKey, body.jobId, deps.now());
    const month = result.month;
    progress = {
      ...progress,
      aggregates: progress.aggregates + (result.exists || result.corrected ? 1 : 0),
      corrected: progress.corrected + (result.corrected ? 1 : 0),
      outcomes: progress.outcomes + result.outcomes,
      firstMonth: month !== null && result.exists && (progress.firstMonth === null || month < progress.firstMonth) ? month : progress.firstMonth,
      lastMonth: month !== null && result.exists && (progress.lastMonth === null || month > progress.lastMonth) ? month : progress.lastMonth,
    };
  };

  let next: RebuildJobBody | null;
  switch (body.phase) {
    case 'legacy':
      next = (await clearLegacyPage(deps.store)) ? body : { jobId: body.jobId, phase: 'outcomes' };
      break;
    case 'outcomes': {
      let after = body.after;
      let key = await nextOutcomeAggregate(deps.store, after);
      while (key !== null && !outOfTime()) {
        await recount(key);
        after = key;
        key = await nextOutcomeAggregate(deps.store, after);
      }
      next = key === null ? { jobId: body.jobId, phase: 'aggregates' } : { jobId: body.jobId, phase: 'outcomes', ...(after === undefined ? {} : { after }) };
      break;
    }
    case 'aggregates': {
      let after = body.after;
      let month = await nextAggregateMonth(deps.store, after);
      while (month !== null && !outOfTime()) {
        for (const key of await aggregatesNotReconciledBy(deps.store, month, body.jobId)) await recount(key);
        after = month;
        month = await nextAggregateMonth(deps.store, after);
      }
      next = month === null ? { jobId: body.jobId, phase: 'finish' } : { jobId: body.jobId, phase: 'aggregates', ...(after === undefined ? {} : { after }) };
      break;
    }
    case 'finish': {
      const at = deps.now().toISOString();
      await writeValue(deps.store, aggregatesReconciledKey(), aggregatesReconciledSchema, {
        schemaVersion: 1,
        at,
        jobId: body.jobId,
        aggregates: progress.aggregates,
        corrected: progress.corrected,
        outcomes: progress.outcomes,
        months: progress.firstMonth === null || progress.lastMonth === null ? null : { from: progress.firstMonth, to: progress.lastMonth },
      });
      progress = { ...progress, status: 'done', finishedAt: at };
      next = null;
      break;
    }
  }
  await writeValue(deps.store, rebuildJobKey(body.jobId), rebuildProgressSchema, progress);
  if (next !== null) await deps.enqueue([toJob(next)]);
  return progress;
}

/** Deletes one page of the old format's aggregates; true when more may remain. */
async function clearLegacyPage(store: KeyValueStore): Promise<boolean> {
  const page = await store.query({ prefix: AGGREGATE_PREFIX, limit: LEGACY_PAGE });
  const deletes: StoreOperation[] = page.entries.map((entry) => ({ type: 'delete', key: entry.key }));
  for (let i = 0; i < deletes.length; i += 25) await store.transact(deletes.slice(i, i + 25));
  return page.nextCursor !== undefined && page.entries.length > 0;
}

/** The aggregate key of the first outcome after `after` in aggregate order, or null. */
async function nextOutcomeAggregate(store: KeyValueStore, after: string | undefined): Promise<string | null> {
  const page = await store.queryEntity({
    entity: ISSUE_OUTCOME_ENTITY,
    index: 'aggregateKey',
    ...(after === undefined ? {} : { where: { condition: 'GREATER_THAN', value: after } }),
    limit: 1,
  });
  const entry = page.entries[0];
  if (entry === undefined) return null;
  const parsed = parseStoredValue(`${ISSUE_OUTCOME_ENTITY}/${entry.key}`, entry.value, issueOutcomeItemSchema);
  // An unreadable outcome still has its index attribute; skip past it by that.
  if (parsed.status === 'found') return parsed.value.aggregateKey;
  const raw: unknown = entry.value;
  const key = typeof raw === 'object' && raw !== null && 'aggregateKey' in raw && typeof raw.aggregateKey === 'string' ? raw.aggregateKey : null;
  return key;
}

/** The first month after `after` that has stored aggregates, or null. */
async function nextAggregateMonth(store: KeyValueStore, after: string | undefined): Promise<string | null> {
  const page = await store.queryEntity({
    entity: COMPLIANCE_AGGREGATE_ENTITY,
    index: 'month',
    ...(after === undefined ? {} : { where: { condition: 'GREATER_THAN', value: after } }),
    limit: 1,
  });
  const entry = page.entries[0];
  if (entry === undefined) return null;
  const raw: unknown = entry.value;
  return typeof raw === 'object' && raw !== null && 'month' in raw && typeof raw.month === 'string' ? raw.month : null;
}

/** The keys of a month's aggregates that this job has not recounted yet. */
async function aggregatesNotReconciledBy(store: KeyValueStore, month: string, jobId: string): Promise<string[]> {
  const keys: string[] = [];
  const where = { condition: 'EQUAL_TO', value: month } as const;
  for await (const entry of scanEntity(store, { entity: COMPLIANCE_AGGREGATE_ENTITY, index: 'month', where })) {
    const parsed = parseStoredValue(`${COMPLIANCE_AGGREGATE_ENTITY}/${entry.key}`, entry.value, aggregateItemSchema);
    if (parsed.status !== 'found' || parsed.value.reconciledBy !== jobId) keys.push(entry.key);
  }
  return keys;
}

function toJob(body: RebuildJobBody): RebuildJob {
  const { after, ...rest } = body;
  return after === undefined ? rest : { ...rest, after };
}
