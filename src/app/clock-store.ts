/**
 * Where a request's clock lives and how it is written (ADR 0016). The app's `issue-clock` entity
 * item is the source of truth: the record with its frozen terms and every fact, the changelog
 * cursor, what the request counts in the compliance aggregates and when the sweep must look again.
 * Jira holds projections of it — the `contract-clock` issue property (the record, indexed for JQL)
 * and the read-only "Contract deadline" field — which are compared with the record on every write
 * and rewritten when they differ (a user with Edit Issues can write the property; it is never read
 * back as a source of truth).
 *
 * One write, `writeClock`, in this order so that storage and Jira never diverge:
 * 1. the property, when it differs from the record to be stored (a value Jira refuses — it is
 *    checked in UTF-8 bytes before the call — or a failed call leaves storage untouched);
 * 2. one storage transaction: the clock item on the condition that its revision is still the one
 *    read, its `clock-due` item, its triage-index entry when that changed (triage-index.ts, ADR
 *    0024), and — when the outcome changed — its `issue-outcome` item and the
 *    aggregates it moves between, each conditional on its revision (when only the property was
 *    repaired, a `check` that the clock is still the one projected). Another writer first: read
 *    again, plan again (the plan is a pure function of the stored state), write again, so the last
 *    property written is always the latest clock's. Storage failing for another reason puts the
 *    property back as it was and throws;
 * 3. the deadline field, when it differs.
 *
 * Uses the storage port and the Jira client; the domain decides, this module only writes.
 */
import { CONTRACT_CLOCK_PROPERTY_KEY, type JiraAsApp, type JiraFieldIds } from './jira-ports';
import { isConditionFailed, type KeyValueStore, type StoreOperation } from '../adapters/storage/key-value-store';
import {
  CLOCK_DUE_ENTITY,
  ISSUE_CLOCK_ENTITY,
  issueItemKey,
  openClockKey,
  outcomeContributionKey,
} from '../adapters/storage/storage-keys';
import {
  buildEntitySetOperation,
  pauseBeforeRetry,
  readRevisioned,
  revisionedWrite,
  RevisionConflictError,
  unchangedSince,
  type RevisionedItem,
  type RevisionedSnapshot,
} from '../adapters/storage/typed-value';
import type { ClockRecord } from '../contract/clock-record';
import {
  CLOCK_STORAGE_SCHEMA_VERSION,
  clockDueItemSchema,
  issueClockItemSchema,
  SWEEP_SHARDS,
  type ChangelogCursor,
  type IssueClockItem,
  type PendingNotice,
} from '../contract/clock-storage';
import { canonicalJson } from '../domain/calendar-cache';
import { computeNextCheckAt, type ClockNotice } from '../domain/clock-view';
import { issueOutcomeOf } from '../domain/compliance';
import { outcomeOperations } from './compliance-store';
import type { AppDeps } from './deps';
import { planTriage, triageOperations, type IssueFacts, type TriagePlan } from './triage-index';

/** The issue a clock belongs to. */
export interface IssueRef {
  readonly id: string;
  readonly key: string;
}

/** The issue's clock item, for revisioned reads and writes. */
export function issueClockItem(issueId: string): RevisionedItem<IssueClockItem> {
  return { entity: ISSUE_CLOCK_ENTITY, key: issueItemKey(issueId), schema: issueClockItemSchema };
}

/** The stored clock of an issue as read for a conditional write (value null: none, or unreadable). */
export type StoredClock = RevisionedSnapshot<IssueClockItem>;

/** Nothing stored yet — what a created event assumes without reading (its write checks it). */
export const NO_STORED_CLOCK: StoredClock = { value: null, revision: null };

/** @example const stored = await readStoredClock(deps.store, issue.id); */
export function readStoredClock(store: KeyValueStore, issueId: string): Promise<StoredClock> {
  return readRevisioned(store, issueClockItem(issueId));
}

/** What a plan wants, given the clock as stored now (null: nothing stored). */
export type ClockPlan =
  /** Store this record (evaluated at now) with this changelog cursor; `notify` rides along for the caller. */
  | {
      readonly kind: 'write';
      readonly record: ClockRecord;
      readonly changelog: ChangelogCursor | null;
      readonly notify?: ClockNotice | null;
      /** The sweep's pending notice (ADR 0031): omitted keeps the stored one, null removes it. */
      readonly notice?: PendingNotice | null;
    }
  /** Storage stays as it is; the projections are still checked against the stored record. */
  | { readonly kind: 'keep' }
  /** The issue is gone: remove its clock, due entry and what it counts. */
  | { readonly kind: 'remove' }
  /** The caller's action no longer applies to the clock as stored (answered as a conflict). */
  | { readonly kind: 'refuse'; readonly reason: string }
  /** The plan needs more from Jira than the caller fetched (the stored cursor moved): fetch again. */
  | { readonly kind: 'refetch' };

/** What Jira held when the caller read the issue: the projections to compare with. */
export interface SeenProjections {
  readonly property: { readonly value: unknown } | null;
  readonly deadlineField: Date | null;
}

export interface ClockWriteInput {
  readonly issue: IssueRef;
  readonly fieldIds: JiraFieldIds;
  readonly seen: SeenProjections;
  /** The clock as the caller read it (or NO_STORED_CLOCK, assumed and checked by the write). */
  readonly stored: StoredClock;
  /**
   * What the caller read of the issue (project, assignee, open) for the triage index; null when it
   * read none: the facts kept with the clock apply.
   */
  readonly issueFacts: IssueFacts | null;
  /** Pure: what to store given the clock as stored now; called again after another writer came first. */
  readonly plan: (stored: IssueClockItem | null) => ClockPlan;
  /**
   * `stored`: the plan only changes the app's bookkeeping of the stored record (a pending notice), so
   * the projections are the last record writer's to keep and are not compared here.
   */
  readonly projections?: 'compare' | 'stored';
}

export type ClockWriteResult =
  | {
      readonly status: 'written' | 'unchanged';
      /** The clock as stored afterwards (null when removed or never stored). */
      readonly item: IssueClockItem | null;
      /** The plan that was carried out. */
      readonly plan: Extract<ClockPlan, { kind: 'write' | 'keep' | 'remove' }>;
      readonly attempts: number;
    }
  | { readonly status: 'refused'; readonly reason: string }
  | { readonly status: 'refetch'; readonly stored: StoredClock };

/** Attempts before giving up: a bound against a writer that never stops, not a tuning knob (≈ 10 s at most). */
const MAX_ATTEMPTS = 50;

/**
 * Stores a clock as the plan says and brings Jira's projections in line (see the module comment).
 * Idempotent: a plan that changes nothing writes nothing, in storage or in Jira.
 *
 * @example
 * const result = await writeClock(deps, { issue, fieldIds, seen, stored, plan: (s) => ({ kind: 'write', record, changelog }) });
 */
export async function writeClock(deps: AppDeps, input: ClockWriteInput): Promise<ClockWriteResult> {
  const { issue } = input;
  const now = deps.now();
  let stored = input.stored;
  // What Jira holds now, as far as this write knows (it changes as the write projects).
  const jira: Projections = {
    property: input.seen.property === null ? undefined : input.seen.property.value,
    deadline: secondOf(input.seen.deadlineField?.getTime() ?? null),
  };
  let projected = false;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    await pauseBeforeRetry(attempt);
    const plan = input.plan(stored.value);
    if (plan.kind === 'refuse' || plan.kind === 'refetch') {
      // What an earlier attempt projected is not stored: put Jira back to the stored clock.
      if (projected) await restoreProjections(deps.jiraAsApp, input.fieldIds, issue.id, jira, stored.value?.record ?? null);
      return plan.kind === 'refuse' ? { status: 'refused', reason: plan.reason } : { status: 'refetch', stored };
    }
    const { item: next, triage } = nextItemOf(issue, stored, plan, input.issueFacts, now);
    if (next !== null && input.projections !== 'stored' && (await projectClock(deps.jiraAsApp, input.fieldIds, issue.id, jira, next.record))) projected = true;
    const operations = await storageOperations(deps.store, issue, stored, next, triage, plan.kind === 'remove');
    // Projections written from a stored clock that nothing changes here must still be the latest:
    // check (without writing) that nobody stored a newer clock since it was read, or Jira could end
    // up showing an older clock than storage holds.
    if (operations.length === 0 && projected && stored.value !== null) {
      operations.push({ type: 'check', key: issueClockItem(issue.id).key, entity: ISSUE_CLOCK_ENTITY, conditions: unchangedSince(stored) });
    }
    if (operations.length > 0) {
      try {
        await deps.store.transact(operations);
      } catch (error) {
        if (isConditionFailed(error)) {
          // The clock or an aggregate changed since it was read: read the clock again and re-plan
          // (the aggregates are read afresh by storageOperations).
          stored = await readStoredClock(deps.store, issue.id);
          continue;
        }
        if (projected) await restoreProjections(deps.jiraAsApp, input.fieldIds, issue.id, jira, stored.value?.record ?? null);
        throw error;
      }
    }
    const wrote = operations.some((operation) => operation.type !== 'check');
    return { status: wrote ? 'written' : 'unchanged', item: next, plan, attempts: attempt };
  }
  throw new RevisionConflictError(`The clock of issue ${issue.id} changed under each of ${MAX_ATTEMPTS} attempts to store it.`);
}

/** The projections as Jira holds them: the property's value (undefined: none) and the deadline field to the second. */
interface Projections {
  property: unknown;
  deadline: number | null;
}

/** Jira keeps a datetime field to the second. */
function secondOf(ms: number | null): number | null {
  return ms === null ? null : Math.floor(ms / 1000);
}

/**
 * Writes the property and the deadline field where they differ from the record (`jira` is updated
 * as they are written); true when anything was written.
 */
async function projectClock(client: JiraAsApp, fieldIds: JiraFieldIds, issueId: string, jira: Projections, record: ClockRecord | null): Promise<boolean> {
  if (record === null) return false;
  let wrote = false;
  if (!sameProjection(jira.property, record)) {
    await client.setIssueProperty(issueId, CONTRACT_CLOCK_PROPERTY_KEY, record);
    jira.property = record;
    wrote = true;
  }
  const deadline = record.deadline === null ? null : Date.parse(record.deadline);
  if (fieldIds.contractDeadline !== null && secondOf(deadline) !== jira.deadline) {
    // No changelog entry: the field is a projection (the clock's own history is in the panel), and
    // entries the app writes itself would only lengthen what every later event has to read.
    await client.setContractDeadline({
      fieldIdOrKey: fieldIds.contractDeadline,
      issueId,
      deadline: deadline === null ? null : new Date(deadline),
      generateChangelog: false,
    });
    jira.deadline = secondOf(deadline);
    wrote = true;
  }
  return wrote;
}

/** After a write that did not land: the projections back to the stored clock (or removed), best effort. */
async function restoreProjections(client: JiraAsApp, fieldIds: JiraFieldIds, issueId: string, jira: Projections, record: ClockRecord | null): Promise<void> {
  try {
    if (record !== null) {
      await projectClock(client, fieldIds, issueId, jira, record);
    } else if (jira.property !== undefined) {
      await client.deleteIssueProperty(issueId, CONTRACT_CLOCK_PROPERTY_KEY);
      jira.property = undefined;
    }
  } catch {
    // The next event, the panel or the sweep's repair search compares and rewrites them.
  }
}

/**
 * The item to store for a plan: the stored one when nothing but the evaluation instant changed, a
 * new revision otherwise; null to remove.
 */
function nextItemOf(
  issue: IssueRef,
  stored: StoredClock,
  plan: Extract<ClockPlan, { kind: 'write' | 'keep' | 'remove' }>,
  issueFacts: IssueFacts | null,
  now: Date,
): { item: IssueClockItem | null; triage: TriagePlan | null } {
  const current = stored.value;
  if (plan.kind === 'remove') return { item: null, triage: null };
  if (plan.kind === 'keep') {
    // Only the projections are repaired, but an item written before the triage index (or whose
    // facts changed) still gets its entry: the clock item is rewritten with them.
    if (current === null) return { item: null, triage: null };
    const triage = planTriage(issue, current.record, issueFacts, current.triage, sweepShardOf(issue.id), now);
    if (triage === null || canonicalJson(triage.facts) === canonicalJson(current.triage ?? null)) return { item: current, triage: null };
    return { item: { ...current, revision: (stored.revision ?? 0) + 1, triage: triage.facts }, triage };
  }
  const notice = plan.notice === undefined ? current?.notice : (plan.notice ?? undefined);
  let dueAt = earliest(computeNextCheckAt(plan.record, now), notice === undefined ? null : noticeDueAt(notice, now));
  // "Due now" (a notice is owed) while already due: keep the stored instant, so that re-reading an
  // unchanged clock writes nothing.
  if (dueAt === now.toISOString() && current?.dueAt !== undefined && Date.parse(current.dueAt) <= now.getTime()) dueAt = current.dueAt;
  const outcome = issueOutcomeOf(issue.id, plan.record);
  const triage = planTriage(issue, plan.record, issueFacts, current?.triage, sweepShardOf(issue.id), now);
  const triageFacts = triage?.facts ?? current?.triage;
  const unchanged =
    current !== null &&
    !recordChanged(current.record, plan.record) &&
    canonicalJson(current.changelog) === canonicalJson(plan.changelog) &&
    (current.dueAt ?? null) === dueAt &&
    canonicalJson(current.outcome) === canonicalJson(outcome) &&
    canonicalJson(current.triage ?? null) === canonicalJson(triageFacts ?? null) &&
    canonicalJson(current.notice ?? null) === canonicalJson(notice ?? null) &&
    current.issueKey === issue.key;
  if (unchanged) return { item: current, triage: null };
  const revision = (stored.revision ?? 0) + 1;
  // The record's own revision moves only when the record does (a cursor that moved past entries
  // without facts changes nothing the property shows, so it is not rewritten).
  const record =
    current === null
      ? { ...plan.record, revision: plan.record.revision + 1 }
      : recordChanged(current.record, plan.record)
        ? { ...plan.record, revision: current.record.revision + 1 }
        : current.record;
  return {
    item: {
      schemaVersion: CLOCK_STORAGE_SCHEMA_VERSION,
      revision,
      issueId: issue.id,
      issueKey: issue.key,
      record,
      changelog: plan.changelog,
      outcome,
      ...(dueAt === null ? {} : { dueAt }),
      ...(triageFacts === undefined ? {} : { triage: triageFacts }),
      ...(notice === undefined ? {} : { notice }),
    },
    triage,
  };
}

/** How long a notice that failed waits before the next try (the sweep runs every five minutes). */
export const NOTICE_RETRY_MS = 5 * 60_000;

/**
 * When the sweep must look at a pending notice: when its retry is due, or — while an invocation
 * holds it — one retry interval from now (its lease is wall-clock time, see sweep-notice.ts).
 */
function noticeDueAt(notice: PendingNotice, now: Date): string {
  if (notice.claim !== undefined) return new Date(now.getTime() + NOTICE_RETRY_MS).toISOString();
  return notice.retryAt ?? now.toISOString();
}

function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

/** The transaction that takes storage from `stored` to `next`; [] when they are the same. */
async function storageOperations(
  store: KeyValueStore,
  issue: IssueRef,
  stored: StoredClock,
  next: IssueClockItem | null,
  triage: TriagePlan | null,
  remove: boolean,
): Promise<StoreOperation[]> {
  const current = stored.value;
  if (next === current || (next === null && stored.revision === null)) return [];
  const item = issueClockItem(issue.id);
  const operations: StoreOperation[] = [revisionedWrite(item, stored, next === null ? null : next).operation];
  const dueBefore = current?.dueAt ?? null;
  const dueAfter = next?.dueAt ?? null;
  if (dueBefore !== dueAfter || current === null) {
    operations.push(
      dueAfter === null || next === null
        ? { type: 'delete', key: item.key, entity: CLOCK_DUE_ENTITY }
        : buildEntitySetOperation(CLOCK_DUE_ENTITY, item.key, clockDueItemSchema, {
            schemaVersion: CLOCK_STORAGE_SCHEMA_VERSION,
            issueId: issue.id,
            issueKey: next.issueKey,
            dueAt: dueAfter,
            shard: sweepShardOf(issue.id),
          }),
    );
  }
  operations.push(...triageOperations(issue.id, current?.triage, triage, remove));
  operations.push(...(await outcomeOperations(store, { id: issue.id, key: next?.issueKey ?? issue.key }, current?.outcome ?? null, next?.outcome ?? null)));
  // The first write in the new format, or a removal, retires the old format's keys (ADR 0018).
  if (current === null || next === null) {
    operations.push({ type: 'delete', key: openClockKey(issue.id) }, { type: 'delete', key: outcomeContributionKey(issue.id) });
  }
  return operations;
}

/**
 * The sweep shard of an issue: due clocks are spread over SWEEP_SHARDS queue consumers (ADR 0017).
 *
 * @example sweepShardOf('10042') // a number in 0..15, the same every time
 */
export function sweepShardOf(issueId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < issueId.length; i += 1) {
    hash ^= issueId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % SWEEP_SHARDS;
}

/** True when two records differ in anything but when they were evaluated and written. */
export function recordChanged(previous: ClockRecord | null, next: ClockRecord): boolean {
  if (previous === null) return true;
  const strip = (r: ClockRecord): unknown => ({ ...r, evaluatedAt: null, revision: null });
  return canonicalJson(strip(previous)) !== canonicalJson(strip(next));
}

/**
 * True when the property Jira holds is the record (its evaluation instant aside): anything else —
 * missing, garbage, an older revision, a forged fact — is rewritten.
 */
export function sameProjection(property: unknown, record: ClockRecord | null): boolean {
  if (record === null) return property === undefined;
  if (typeof property !== 'object' || property === null || Array.isArray(property)) return false;
  return canonicalJson({ ...property, evaluatedAt: null }) === canonicalJson({ ...record, evaluatedAt: null });
}
