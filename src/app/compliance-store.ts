/**
 * The compliance aggregates in app storage (design §4, ADR 0016): one revisioned
 * `compliance-aggregate` item per month × customer and one `issue-outcome` item per resolved
 * request. An outcome is counted only together with the write of the clock it belongs to: the
 * operations built here join that transaction, each aggregate conditional on the revision read, so
 * no interleaving of writers loses or double-counts an outcome (issue 8 item 4). An aggregate is
 * recounted exactly from its outcomes by `recountAggregate` (the reconciliation job), and read for
 * reports by month range.
 *
 * Uses the storage port; no Forge imports, no Jira.
 */
import { isConditionFailed, scanEntity, type KeyValueStore, type StoreOperation } from '../adapters/storage/key-value-store';
import {
  aggregateItemKey,
  aggregatesReconciledKey,
  COMPLIANCE_AGGREGATE_ENTITY,
  ISSUE_OUTCOME_ENTITY,
  issueItemKey,
} from '../adapters/storage/storage-keys';
import {
  buildEntitySetOperation,
  parseStoredValue,
  pauseBeforeRetry,
  readRevisioned,
  readValue,
  revisionedWrite,
  RevisionConflictError,
  type RevisionedItem,
} from '../adapters/storage/typed-value';
import {
  aggregateItemSchema,
  aggregatesReconciledSchema,
  CLOCK_STORAGE_SCHEMA_VERSION,
  issueOutcomeItemSchema,
  type AggregateItem,
  type AggregatesReconciled,
} from '../contract/clock-storage';
import type { ComplianceAggregate, IssueOutcome } from '../contract/compliance-aggregate';
import { canonicalJson } from '../domain/calendar-cache';
import { applyOutcomeUpdate, planOutcomeUpdate, rebuildAggregates } from '../domain/compliance';

/** The aggregate item of a month and customer, for revisioned reads and writes. */
export function aggregateItem(month: string, customerId: string): RevisionedItem<AggregateItem> {
  return { entity: COMPLIANCE_AGGREGATE_ENTITY, key: aggregateItemKey(month, customerId), schema: aggregateItemSchema };
}

/** The counters only, as the domain's reports take them. */
export function countersOf(item: AggregateItem): ComplianceAggregate {
  return { schemaVersion: item.schemaVersion, month: item.month, customerId: item.customerId, cells: item.cells };
}

/**
 * The operations that replace what an issue counts (`previous`, as stored with its clock) by what it
 * counts now (`next`): the `issue-outcome` item, and each touched aggregate written on the condition
 * that its revision is still the one read here (an emptied aggregate is deleted likewise). [] when
 * nothing changes. Commit them in the same transaction as the clock item, itself conditional, so
 * that `previous` is exactly what is counted; on CONDITION_FAILED build them again.
 *
 * @example operations.push(...(await outcomeOperations(store, issue, stored.outcome, next.outcome)));
 */
export async function outcomeOperations(
  store: KeyValueStore,
  issue: { readonly id: string; readonly key: string },
  previous: IssueOutcome | null,
  next: IssueOutcome | null,
): Promise<StoreOperation[]> {
  const update = planOutcomeUpdate(previous, next);
  if (update.unchanged) return [];
  const touched = new Map<string, RevisionedItem<AggregateItem>>();
  for (const outcome of [update.remove, update.add]) {
    if (outcome === null) continue;
    const item = aggregateItem(outcome.month, outcome.customerId);
    touched.set(item.key, item);
  }
  const reads = await Promise.all([...touched.values()].map(async (item) => ({ item, read: await readRevisioned(store, item) })));
  const changed = applyOutcomeUpdate(
    reads.flatMap(({ read }) => (read.value === null ? [] : [countersOf(read.value)])),
    update,
  );
  const operations: StoreOperation[] = [];
  for (const aggregate of changed) {
    const key = aggregateItemKey(aggregate.month, aggregate.customerId);
    const found = reads.find((r) => r.item.key === key);
    if (found === undefined) continue;
    const empty = aggregate.cells.length === 0;
    if (empty && found.read.revision === null) continue; // nothing stored, nothing to count
    const next = empty ? null : { ...aggregate, revision: 0, ...reconciledMarksOf(found.read.value) };
    operations.push(revisionedWrite(found.item, found.read, next).operation);
  }
  const key = issueItemKey(issue.id);
  operations.push(
    next === null
      ? { type: 'delete', key, entity: ISSUE_OUTCOME_ENTITY }
      : buildEntitySetOperation(ISSUE_OUTCOME_ENTITY, key, issueOutcomeItemSchema, {
          schemaVersion: CLOCK_STORAGE_SCHEMA_VERSION,
          issueId: issue.id,
          issueKey: issue.key,
          aggregateKey: aggregateItemKey(next.month, next.customerId),
          outcome: next,
        }),
  );
  return operations;
}

function reconciledMarksOf(item: AggregateItem | null): Pick<AggregateItem, 'reconciledBy' | 'reconciledAt'> {
  if (item === null) return {};
  return {
    ...(item.reconciledBy === undefined ? {} : { reconciledBy: item.reconciledBy }),
    ...(item.reconciledAt === undefined ? {} : { reconciledAt: item.reconciledAt }),
  };
}

/**
 * The aggregates of every customer for the months `from`..`to` (inclusive, `yyyy-mm`), read through
 * the month index: one storage read per 100 aggregates.
 *
 * @example const aggregates = await loadAggregates(store, { from: '2026-07', to: '2026-09' });
 */
export async function loadAggregates(store: KeyValueStore, months: { readonly from: string; readonly to: string }): Promise<ComplianceAggregate[]> {
  const out: ComplianceAggregate[] = [];
  const where = { condition: 'BETWEEN', from: months.from, to: months.to } as const;
  for await (const entry of scanEntity(store, { entity: COMPLIANCE_AGGREGATE_ENTITY, index: 'month', where })) {
    const parsed = parseStoredValue(`${COMPLIANCE_AGGREGATE_ENTITY}/${entry.key}`, entry.value, aggregateItemSchema);
    if (parsed.status === 'found') out.push(countersOf(parsed.value));
  }
  return out;
}

/**
 * Every outcome counted in one aggregate (`<yyyy-mm>:<customer>`), through the `aggregateKey` index.
 *
 * @example const outcomes = await loadOutcomesOf(store, aggregateItemKey('2026-09', 'acme'));
 */
export async function loadOutcomesOf(store: KeyValueStore, aggregateKey: string): Promise<IssueOutcome[]> {
  const out: IssueOutcome[] = [];
  const where = { condition: 'EQUAL_TO', value: aggregateKey } as const;
  for await (const entry of scanEntity(store, { entity: ISSUE_OUTCOME_ENTITY, index: 'aggregateKey', where })) {
    const parsed = parseStoredValue(`${ISSUE_OUTCOME_ENTITY}/${entry.key}`, entry.value, issueOutcomeItemSchema);
    if (parsed.status === 'found') out.push(parsed.value.outcome);
  }
  return out;
}

/** What recounting one aggregate found. */
export interface RecountResult {
  /** Outcomes counted in it. */
  readonly outcomes: number;
  /** The stored counters were wrong (or missing, or left over) and were replaced. */
  readonly corrected: boolean;
  /** The aggregate exists after the recount (it has outcomes). */
  readonly exists: boolean;
  readonly month: string | null;
}

/**
 * Recounts one aggregate from its outcomes and stores the result, marked as reconciled by `jobId`.
 * Exact under concurrency: every change of the aggregate's outcomes also writes the aggregate (in
 * the same transaction), so the write here — conditional on the revision read *before* the outcomes
 * were read — fails when any outcome changed meanwhile, and the recount starts again.
 *
 * @example await recountAggregate(store, aggregateItemKey('2026-09', 'acme'), jobId, now);
 */
export async function recountAggregate(store: KeyValueStore, aggregateKey: string, jobId: string, now: Date): Promise<RecountResult> {
  const split = /^(\d{4}-\d{2}):/.exec(aggregateKey);
  const item: RevisionedItem<AggregateItem> = { entity: COMPLIANCE_AGGREGATE_ENTITY, key: aggregateKey, schema: aggregateItemSchema };
  for (let attempt = 1; attempt <= 50; attempt += 1) {
    await pauseBeforeRetry(attempt);
    const read = await readRevisioned(store, item);
    const outcomes = await loadOutcomesOf(store, aggregateKey);
    const expected = rebuildAggregates(outcomes)[0] ?? null;
    const stored = read.value === null ? null : countersOf(read.value);
    const corrected = canonicalJson(stored) !== canonicalJson(expected) || (read.value === null && read.revision !== null);
    if (expected === null && read.revision === null) return { outcomes: 0, corrected: false, exists: false, month: split?.[1] ?? null };
    const next = expected === null ? null : { ...expected, revision: 0, reconciledBy: jobId, reconciledAt: now.toISOString() };
    try {
      await store.transact([revisionedWrite(item, read, next).operation]);
      return { outcomes: outcomes.length, corrected, exists: expected !== null, month: expected?.month ?? split?.[1] ?? null };
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
  }
  throw new RevisionConflictError(`${COMPLIANCE_AGGREGATE_ENTITY}/${aggregateKey} kept changing while it was recounted.`);
}

/**
 * When the aggregates were last reconciled with the outcomes, for the review report and the admin
 * page; null before the first reconciliation (or when the stored value is unreadable).
 *
 * @example (await readAggregatesReconciliation(store))?.at // '2026-10-05T07:35:12.000Z'
 */
export async function readAggregatesReconciliation(store: KeyValueStore): Promise<AggregatesReconciled | null> {
  const read = await readValue(store, aggregatesReconciledKey(), aggregatesReconciledSchema);
  return read.status === 'found' ? read.value : null;
}
