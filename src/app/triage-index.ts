/**
 * Keeps the triage view's index (ADR 0027) in step with the clocks: for a clock about to be stored,
 * the `triage-entry` it is listed under (or none, once the request is closed) and the
 * `triage-calendar` its entry counts in, as storage operations for the clock's own transaction
 * (clock-store.ts `writeClock`) — so the index can never disagree with the clocks, whatever writes
 * concurrently. An entry is rewritten only when its content changes (its hash is kept with the clock).
 *
 * Pure planning plus the operations to store it; no I/O of its own.
 */
import type { StoreOperation } from '../adapters/storage/key-value-store';
import { issueItemKey, TRIAGE_CALENDAR_ENTITY, TRIAGE_ENTRY_ENTITY } from '../adapters/storage/storage-keys';
import { buildEntitySetOperation } from '../adapters/storage/typed-value';
import type { ClockRecord } from '../contract/clock-record';
import type { TriageFacts } from '../contract/clock-storage';
import { TRIAGE_SCHEMA_VERSION, triageCalendarItemSchema, triageEntrySchema, type TriageEntry } from '../contract/triage-entry';
import { canonicalJson } from '../domain/calendar-cache';
import { isOpenClockState } from '../domain/clock';
import { contentHash, triageClockOf, type TriageCalendar } from '../domain/triage';
import type { IssueSnapshot } from './jira-ports';

/** What the app read of the issue itself, for its triage entry. */
export interface IssueFacts {
  readonly projectId: string;
  readonly assignee: string | null;
  /** Jira's status: not done, no resolution. */
  readonly open: boolean;
}

/**
 * The triage facts of an issue as the app read it: its project, its assignee, and whether Jira
 * holds it open (not in the done category, no resolution).
 *
 * @example issueFactsOf(issue) // { projectId: '10000', assignee: null, open: true }
 */
export function issueFactsOf(issue: IssueSnapshot): IssueFacts {
  return { projectId: issue.project.id, assignee: issue.assignee?.accountId ?? null, open: issue.status.category !== 'done' && issue.resolution === null };
}

/** The triage side of a clock write: the facts to keep with the clock, and the entry and calendar to store. */
export interface TriagePlan {
  readonly facts: TriageFacts;
  readonly entry: TriageEntry | null;
  readonly calendar: TriageCalendar | null;
}

/**
 * The triage plan of a record about to be stored. `issue` are the facts the writer read from Jira,
 * or null when it read none (then those kept with the clock apply; with none kept, nothing is
 * planned and the index is left as it is).
 *
 * @example planTriage({ id: '10042', key: 'ITS-7' }, record, { projectId: '10000', assignee: null, open: true }, stored?.triage, now)
 */
export function planTriage(
  issue: { readonly id: string; readonly key: string },
  record: ClockRecord,
  facts: IssueFacts | null,
  stored: TriageFacts | undefined,
  shard: number,
  now: Date,
): TriagePlan | null {
  const known = facts ?? (stored === undefined ? null : { projectId: stored.projectId, assignee: stored.assignee, open: stored.open });
  if (known === null) return null;
  // A clock state says whether the request is open; a request without a clock (no contract, an
  // error) is open as long as Jira says so.
  const listed = isOpenClockState(record.state) || ((record.state === 'uncovered' || record.state === 'error') && known.open);
  if (!listed) return { facts: { ...known, entryHash: null, calendar: stored?.calendar ?? null }, entry: null, calendar: null };
  const summary = triageClockOf(record, now);
  const entry: TriageEntry = {
    schemaVersion: TRIAGE_SCHEMA_VERSION,
    issueId: issue.id,
    issueKey: issue.key,
    projectId: known.projectId,
    shard,
    ...(known.assignee === null ? {} : { assignee: known.assignee }),
    clock: summary.clock,
  };
  return {
    facts: { ...known, entryHash: contentHash(canonicalJson(entry)), calendar: summary.calendar?.key ?? stored?.calendar ?? null },
    entry,
    calendar: summary.calendar,
  };
}

/**
 * The operations that take the index from what `before` says was written to `plan`: the entry set
 * or deleted when its hash changed, and the calendar item written when the entry counts in a
 * calendar this clock did not count in before (items are keyed by their content: writing one again
 * is harmless). A removed clock (`plan` null with `remove`) deletes its entry.
 */
export function triageOperations(issueId: string, before: TriageFacts | undefined, plan: TriagePlan | null, remove: boolean): StoreOperation[] {
  const key = issueItemKey(issueId);
  if (remove) return before?.entryHash == null ? [] : [{ type: 'delete', key, entity: TRIAGE_ENTRY_ENTITY }];
  if (plan === null) return [];
  const operations: StoreOperation[] = [];
  if (before?.entryHash !== plan.facts.entryHash) {
    operations.push(
      plan.entry === null
        ? { type: 'delete', key, entity: TRIAGE_ENTRY_ENTITY }
        : buildEntitySetOperation(TRIAGE_ENTRY_ENTITY, key, triageEntrySchema, plan.entry),
    );
  }
  if (plan.calendar !== null && (before?.calendar !== plan.calendar.key || before.entryHash === null)) {
    operations.push(
      buildEntitySetOperation(TRIAGE_CALENDAR_ENTITY, plan.calendar.key, triageCalendarItemSchema, {
        schemaVersion: TRIAGE_SCHEMA_VERSION,
        name: plan.calendar.name,
        definition: plan.calendar.definition,
      }),
    );
  }
  return operations;
}
