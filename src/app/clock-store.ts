/**
 * Where a clock record lives and what follows from storing it: the `contract-clock` issue property
 * (the record itself), the read-only "Contract deadline" field, the open-clock index the sweep pages
 * through, and the compliance aggregates an outcome counts in.
 *
 * Uses the storage port and the Jira client; the domain decides, this module only writes.
 */
import { z } from 'zod';
import { CONTRACT_CLOCK_PROPERTY_KEY, type JiraAsApp, type JiraFieldIds } from './jira-ports';
import type { KeyValueStore, StoreOperation } from '../adapters/storage/key-value-store';
import { aggregateKey, openClockKey, outcomeContributionKey } from '../adapters/storage/storage-keys';
import { buildSetOperation, readValue } from '../adapters/storage/typed-value';
import type { ClockRecord } from '../contract/clock-record';
import { complianceAggregateSchema, issueOutcomeSchema } from '../contract/compliance-aggregate';
import { canonicalJson } from '../domain/calendar-cache';
import { isOpenClockState } from '../domain/clock';
import { computeNextCheckAt } from '../domain/clock-view';
import { applyOutcomeUpdate, issueOutcomeOf, planOutcomeUpdate } from '../domain/compliance';

/** One entry of the open-clock index: enough for the sweep to decide without reading Jira. */
export const openClockEntrySchema = z.object({
  schemaVersion: z.literal(1),
  issueId: z.string().min(1),
  issueKey: z.string().min(1),
  state: z.string(),
  deadline: z.iso.datetime({ offset: true }).nullable(),
  /** When the sweep should look again (at-risk or breach instant); null while nothing is due. */
  nextCheckAt: z.iso.datetime({ offset: true }).nullable(),
});
export type OpenClockEntry = z.infer<typeof openClockEntrySchema>;

/** The issue a record belongs to. */
export interface IssueRef {
  readonly id: string;
  readonly key: string;
}

/** What a save did, for logs and tests. */
export interface SaveResult {
  readonly record: ClockRecord;
  readonly written: boolean;
}

/** True when two records differ in anything but the bookkeeping of when they were evaluated/written. */
export function recordChanged(previous: ClockRecord | null, next: ClockRecord): boolean {
  if (previous === null) return true;
  const strip = (r: ClockRecord): unknown => ({ ...r, evaluatedAt: null, revision: null });
  return canonicalJson(strip(previous)) !== canonicalJson(strip(next));
}

/**
 * Stores a record when it changed: the issue property (revision bumped), the deadline field when the
 * deadline changed, the open-clock index entry, and — when the frozen outcome changed — the
 * compliance aggregates, together with the issue's contribution in one storage transaction so an
 * outcome never counts twice. `previous` is the record as read at the start of this run (null: none).
 *
 * @example await saveClock(deps.store, deps.jiraAsApp, fieldIds, { id, key }, previous, next);
 */
export async function saveClock(
  store: KeyValueStore,
  jira: JiraAsApp,
  fieldIds: JiraFieldIds,
  issue: IssueRef,
  previous: ClockRecord | null,
  next: ClockRecord,
): Promise<SaveResult> {
  if (!recordChanged(previous, next)) return { record: previous ?? next, written: false };
  const record: ClockRecord = { ...next, revision: (previous?.revision ?? 0) + 1 };
  // Storage first: the index and the aggregates are idempotent and derived from the record, so if
  // the Jira write below fails they are merely early, and the next event or sweep settles them.
  // The other order could leave a stored record whose index entry or outcome was never written.
  await updateOpenClockIndex(store, issue, previous, record);
  // Compare what the outcome contributes, in memory: most saves change no outcome and cost no read.
  const outcomeBefore = previous === null ? null : issueOutcomeOf(issue.id, previous);
  const outcomeAfter = issueOutcomeOf(issue.id, record);
  if (canonicalJson(outcomeBefore) !== canonicalJson(outcomeAfter)) await recordOutcome(store, issue.id, record);
  await jira.setIssueProperty(issue.id, CONTRACT_CLOCK_PROPERTY_KEY, record);
  if (fieldIds.contractDeadline !== null && (previous === null || previous.deadline !== record.deadline)) {
    await jira.setContractDeadline({
      fieldIdOrKey: fieldIds.contractDeadline,
      issueId: issue.id,
      deadline: record.deadline === null ? null : new Date(record.deadline),
    });
  }
  return { record, written: true };
}

/** The index entry a record should have, or null when its clock no longer runs. */
export function openClockEntryOf(issue: IssueRef, record: ClockRecord): OpenClockEntry | null {
  if (!isOpenClockState(record.state)) return null;
  return {
    schemaVersion: 1,
    issueId: issue.id,
    issueKey: issue.key,
    state: record.state,
    deadline: record.deadline,
    nextCheckAt: computeNextCheckAt(record),
  };
}

async function updateOpenClockIndex(
  store: KeyValueStore,
  issue: IssueRef,
  previous: ClockRecord | null,
  record: ClockRecord,
): Promise<void> {
  const entry = openClockEntryOf(issue, record);
  const before = previous === null ? null : openClockEntryOf(issue, previous);
  if (entry === null) {
    if (previous === null || before !== null) await store.delete(openClockKey(issue.id));
    return;
  }
  if (before !== null && canonicalJson(before) === canonicalJson(entry)) return;
  await store.transact([buildSetOperation(openClockKey(issue.id), openClockEntrySchema, entry)]);
}

/**
 * Counts the record's frozen outcome in its month's aggregate, replacing whatever this issue
 * contributed before (a reopen-and-resolve, an extension, a re-apply). Idempotent: the same outcome
 * twice changes nothing.
 */
export async function recordOutcome(store: KeyValueStore, issueId: string, record: ClockRecord): Promise<boolean> {
  const contributionKey = outcomeContributionKey(issueId);
  const stored = await readValue(store, contributionKey, issueOutcomeSchema);
  const previous = stored.status === 'found' ? stored.value : null;
  const next = issueOutcomeOf(issueId, record);
  const update = planOutcomeUpdate(previous, next);
  if (update.unchanged) return false;
  const keys = [update.remove, update.add].flatMap((o) => (o === null ? [] : [aggregateKey(o.month, o.customerId)]));
  const current = await Promise.all(
    [...new Set(keys)].map(async (key) => {
      const read = await readValue(store, key, complianceAggregateSchema);
      return read.status === 'found' ? [read.value] : [];
    }),
  );
  const changed = applyOutcomeUpdate(current.flat(), update);
  const operations: StoreOperation[] = changed.map((aggregate) =>
    buildSetOperation(aggregateKey(aggregate.month, aggregate.customerId), complianceAggregateSchema, aggregate),
  );
  operations.push(
    next === null ? { type: 'delete', key: contributionKey } : buildSetOperation(contributionKey, issueOutcomeSchema, next),
  );
  await store.transact(operations);
  return true;
}
