/**
 * What the app keeps in its own storage about clocks and compliance (ADRs 0016–0018), as zod
 * schemas of the custom entity items declared in manifest.yml (`app.storage.entities`):
 *
 * - `IssueClockItem` (`issue-clock`): the source of truth of one request's clock — the record with
 *   its frozen terms and every fact (Jira's, and those only the app knows: manual pause / resume /
 *   extension / re-apply, the first public reply, sweep markers), how far the changelog was read,
 *   what the request counts in the aggregates, and when the sweep must look again. The
 *   `contract-clock` issue property is a projection of this record and is never read back.
 * - `ClockDueItem` (`clock-due`): a small copy of `dueAt`, indexed, for the sweep.
 * - `IssueOutcomeItem` (`issue-outcome`): the request's frozen outcome, indexed by aggregate.
 * - `AggregateItem` (`compliance-aggregate`): a month × customer aggregate with its revision.
 * - `AggregatesReconciled`: when the aggregates were last reconciled with the outcomes.
 *
 * Pure zod: no I/O, no Forge imports. Entity attributes may not hold null, so an absent value is an
 * omitted attribute (`dueAt`, `reconciledBy`).
 */
import { z } from 'zod';
import { clockRecordSchema, instantSchema, issueStatusSchema } from './clock-record';
import { complianceAggregateSchema, issueOutcomeSchema, reportMonthSchema } from './compliance-aggregate';

/** The version of every item format below. */
export const CLOCK_STORAGE_SCHEMA_VERSION = 1;

/** How far the app has read an issue's changelog (oldest entry first, as Jira pages it). */
export const changelogCursorSchema = z.object({
  /** Entries read: the position of the next entry to read. */
  read: z.number().int().nonnegative(),
  /** The id of the last entry read (checked against Jira's entry at `read - 1`); null when none. */
  lastId: z.string().min(1).max(64).nullable(),
  /** The issue's status after the last entry read: status facts carry the whole status. */
  status: issueStatusSchema,
});
export type ChangelogCursor = z.infer<typeof changelogCursorSchema>;

/**
 * What the app knows about a request besides its clock, for its triage entry (triage-entry.ts; kept
 * with the clock, so a write that does not read the issue — a removal — still knows them). The hash
 * is the entry's as last written: a write whose entry has the same hash leaves the index alone.
 */
export const triageFactsSchema = z.object({
  projectId: z.string().min(1).max(64),
  assignee: z.string().min(1).max(128).nullable(),
  /** Whether the issue is open (Jira's status), for records whose state does not say (uncovered, error). */
  open: z.boolean(),
  /** The hash of the entry written for this clock; null when none is (a closed request). */
  entryHash: z.string().max(64).nullable(),
  /** The `triage-calendar` key the entry counts in (written with the first entry that uses it); null when none. */
  calendar: z.string().max(64).nullable(),
});
export type TriageFacts = z.infer<typeof triageFactsSchema>;

/**
 * The sweep's notice that is owed and not yet confirmed delivered (ADR 0031): its internal note
 * (posted with the marker `id`) and then its notification. Kept with the clock until both are done,
 * so a note whose POST failed or got no answer is completed by a later sweep — after looking for its
 * marker when an earlier try may have posted it — and never posted twice.
 */
export const pendingNoticeSchema = z.object({
  /** The note's marker: the sweep marker's fact id and the instant it was planned. */
  id: z.string().min(1).max(200),
  kind: z.enum(['at-risk', 'breached', 'promise']),
  plannedAt: instantSchema,
  /** What is left: the note (then the notification), or only the notification. */
  step: z.enum(['note', 'notify']),
  /**
   * An earlier try may have carried out the step left (no answer, a 5xx that may have been carried
   * out, or its invocation vanished): the note is looked for before it is posted, and a
   * notification is not sent again.
   */
  maybePosted: z.boolean(),
  /**
   * An invocation that held it vanished (its claim expired): it may have posted the note and sent
   * the notification too, so a note found already posted gets no notification from a later try.
   */
  abandoned: z.boolean().optional(),
  /** Tries that failed so far. */
  attempts: z.number().int().nonnegative(),
  /** A promise note's business minutes left, as when it was planned. */
  promiseMinutesLeft: z.number().nonnegative().optional(),
  /** The note's subject and text as first written, so a later try sends the same words. */
  text: z.object({ subject: z.string().min(1).max(1000), body: z.string().min(1).max(8000) }).optional(),
  /** The invocation delivering it now, until when (wall-clock time): a lease against racing sweeps. */
  claim: z.object({ id: z.string().min(1).max(100), until: instantSchema }).optional(),
  /** Not tried again before this instant. */
  retryAt: instantSchema.optional(),
});
export type PendingNotice = z.infer<typeof pendingNoticeSchema>;

/** The app's state of one request's clock (entity `issue-clock`, key: the issue id). */
export const issueClockItemSchema = z.object({
  schemaVersion: z.literal(CLOCK_STORAGE_SCHEMA_VERSION),
  /** Bumped by every write; every write is conditional on the revision it read. */
  revision: z.number().int().positive(),
  issueId: z.string().min(1).max(64),
  issueKey: z.string().min(1).max(255),
  /**
   * The record, evaluated when it last changed. Its own `revision` counts its changes (what the
   * panel's actions check for staleness); the item's counts every write (what writes condition on).
   */
  record: clockRecordSchema,
  /** null: not read yet (a record adopted from an old version): the next contact reads it whole. */
  changelog: changelogCursorSchema.nullable(),
  /** What the request counts in the aggregates (issueOutcomeOf the record); null: nothing. */
  outcome: issueOutcomeSchema.nullable(),
  /** When the sweep must look at the clock again; absent when nothing is due. */
  dueAt: instantSchema.optional(),
  /** The triage index's facts about the request (absent in items written before issue 11). */
  triage: triageFactsSchema.optional(),
  /** The sweep's notice not yet confirmed delivered (absent: none). */
  notice: pendingNoticeSchema.optional(),
});
export type IssueClockItem = z.infer<typeof issueClockItemSchema>;

/** Sweep shards: due clocks are spread over this many queue consumers by issue id. */
export const SWEEP_SHARDS = 16;

/** When the sweep must look at a clock (entity `clock-due`, key: the issue id). */
export const clockDueItemSchema = z.object({
  schemaVersion: z.literal(CLOCK_STORAGE_SCHEMA_VERSION),
  issueId: z.string().min(1).max(64),
  issueKey: z.string().min(1).max(255),
  /** UTC, `toISOString()` form, so that text order is time order. */
  dueAt: instantSchema,
  shard: z.number().int().min(0).max(SWEEP_SHARDS - 1),
});
export type ClockDueItem = z.infer<typeof clockDueItemSchema>;

/** The outcome a request counts (entity `issue-outcome`, key: the issue id). */
export const issueOutcomeItemSchema = z.object({
  schemaVersion: z.literal(CLOCK_STORAGE_SCHEMA_VERSION),
  issueId: z.string().min(1).max(64),
  issueKey: z.string().min(1).max(255),
  /** `<yyyy-mm>:<customer>`: the key of the aggregate it is counted in. */
  aggregateKey: z.string().min(1).max(500),
  outcome: issueOutcomeSchema,
});
export type IssueOutcomeItem = z.infer<typeof issueOutcomeItemSchema>;

/** A month × customer aggregate (entity `compliance-aggregate`, key `<yyyy-mm>:<customer>`). */
export const aggregateItemSchema = complianceAggregateSchema.extend({
  revision: z.number().int().positive(),
  /** The reconciliation job that last recounted it, and when. */
  reconciledBy: z.string().min(1).max(100).optional(),
  reconciledAt: instantSchema.optional(),
});
export type AggregateItem = z.infer<typeof aggregateItemSchema>;

/** When the aggregates were last reconciled with the outcomes (KVS `aggregates-reconciled`). */
export const aggregatesReconciledSchema = z.object({
  schemaVersion: z.literal(CLOCK_STORAGE_SCHEMA_VERSION),
  /** When the reconciliation finished. */
  at: instantSchema,
  jobId: z.string().min(1).max(100),
  /** Aggregates recounted, and how many of them had been wrong. */
  aggregates: z.number().int().nonnegative(),
  corrected: z.number().int().nonnegative(),
  /** Outcomes counted. */
  outcomes: z.number().int().nonnegative(),
  /** The earliest and latest month reconciled; null when there were none. */
  months: z.object({ from: reportMonthSchema, to: reportMonthSchema }).nullable(),
});
export type AggregatesReconciled = z.infer<typeof aggregatesReconciledSchema>;
