/**
 * The clock of one request, brought up to date with Jira: the use case behind the created, updated
 * and commented triggers, the sweep and the panel's first view. It reads the issue's current state,
 * the clock the app stored (the source of truth, ADR 0016) and only the changelog entries it has not
 * read before (the cursor kept with the clock), derives facts with stable ids, merges them and
 * stores the result through `writeClock` — conditionally, so concurrent runs lose nothing — only
 * when something changed. Late, duplicated and reordered events all converge on the same clock; a
 * redelivered event costs two Jira reads and two storage reads whatever the changelog's length, and
 * writes nothing.
 *
 * In the sweep (`trigger: 'sweep'`) the same reconciliation runs first, so a late "resolved" event
 * can never produce a breach notice; the notice owed (if any) is marked and stored as pending in the
 * same write, claimed by this run, and delivered after it committed; one left pending by an earlier
 * try is claimed and completed the same way (sweep-notice.ts, ADR 0031), so it goes out once.
 *
 * Steady state of a created event: 3 Jira calls (the issue with its changelog, the property, the
 * deadline field) and 3 storage operations (site cache, the terms slice of the request's organizations, one transaction).
 */
import { isServiceRequest, type FieldChange, type IssueSnapshot, type JiraAsApp } from './jira-ports';
import type { KeyValueStore } from '../adapters/storage/key-value-store';
import { openClockKey, outcomeContributionKey } from '../adapters/storage/storage-keys';
import type { ClockErrorReason, ClockFact, ClockRecord, IssueStatus, StatusCategory } from '../contract/clock-record';
import type { ChangelogCursor, IssueClockItem } from '../contract/clock-storage';
import { applyFacts, parseClockRecord, rebuildClockRecord, startClock } from '../domain/clock';
import { planSweep, type ClockNotice } from '../domain/clock-view';
import { NO_STORED_CLOCK, readStoredClock, writeClock, type ClockPlan, type StoredClock } from './clock-store';
import { loadContractTerms, type ContractTerms } from './contract-terms';
import type { AppDeps } from './deps';
import { commentFacts, creationStatusOf, needsContractTerms, translateChangelog } from './issue-facts';
import { loadSiteFacts, type SiteFacts } from './site-cache';
import { issueFactsOf } from './triage-index';
import { claimPendingNotice, deliverPendingNotice, newClaimant, newPendingNotice, readerOf, type NoticeClaimant } from './sweep-notice';
import type { ReaderText } from './reader-text';
import type { PendingNotice } from '../contract/clock-storage';

/** Who asks: decides what is read up front and whether the sweep's notices are planned. */
export type ReconcileTrigger = 'created' | 'updated' | 'commented' | 'sweep' | 'panel';

export interface ReconcileOptions {
  readonly trigger?: ReconcileTrigger;
  /** The comment an event is about (its first-response fact is read back from Jira). */
  readonly commentId?: string;
  /**
   * Without a comment named: reads the earliest comments while no first response is recorded (the
   * sweep's catch-up of a request that may have missed its commented event).
   */
  readonly readFirstComments?: boolean;
  /** The site facts, when the caller already loaded them (the sweep, once per job). */
  readonly site?: SiteFacts;
}

/** What reconciling did to a request's clock. */
export interface ClockReconciled {
  /** `started`: first clock of the request; `adopted`: taken over from the old format (ADR 0018). */
  readonly kind: 'started' | 'adopted' | 'rebuilt' | 'updated';
  readonly save: { readonly record: ClockRecord; readonly written: boolean };
  /** The sweep's notice delivered in this run (its note posted or found; ADR 0031). */
  readonly notified: ClockNotice | null;
}

/** What reconciling did: `not-a-request` for an issue outside the service projects (nothing read or written after the issue). */
export type ReconcileOutcome = { readonly kind: 'not-a-request' } | ClockReconciled;

/**
 * Starts the request's clock if the app has none, otherwise merges what changed since; stores the
 * result when it differs and repairs Jira's projections when they differ.
 *
 * @example await reconcileClock(deps, '10042', { trigger: 'updated' });
 */
export async function reconcileClock(deps: AppDeps, issueIdOrKey: string, options: ReconcileOptions = {}): Promise<ReconcileOutcome> {
  const now = deps.now();
  const trigger = options.trigger ?? 'updated';
  const site = options.site ?? (await loadSiteFacts(deps.store, deps.jiraAsApp, now));
  const issue = await deps.jiraAsApp.getIssue(issueIdOrKey, { fieldIds: site.fieldIds, includeChangelog: trigger === 'created' });
  // Not a customer request (a Jira Software or business project): no clock, no property, no field,
  // no storage entry. The manifest's filters keep such events away; this keeps any caller honest.
  if (!isServiceRequest(issue)) return { kind: 'not-a-request' };
  // A created event for an issue without the property: nothing can be stored yet (the property is
  // written before storage), so the read is skipped and the write checks that nothing is stored.
  let stored = trigger === 'created' && issue.contractClock === null ? NO_STORED_CLOCK : await readStoredClock(deps.store, issue.id);
  const comment =
    options.commentId !== undefined
      ? await readCommentFacts(deps, issue, options.commentId, stored)
      : options.readFirstComments === true && awaitsResponse(stored)
        ? await readFirstCommentFacts(deps, issue)
        : [];
  let contract: ContractTerms | null = null;
  const claimant = newClaimant();
  // The sweep writes a notice's words with the notice (ADR 0031): the assignee's language is read
  // first when the clock as stored owes one, or holds one not yet written.
  const reader = trigger === 'sweep' && owesNoticeText(stored, now) ? await readerOf(deps, issue) : null;
  for (let round = 1; round <= 3; round += 1) {
    const start = stored.value === null ? await prepareStart(deps.store, issue) : null;
    const cursor = start === null ? (stored.value?.changelog ?? null) : null;
    const window = await readChangelogWindow(deps.jiraAsApp, issue, cursor);
    // Only entries not read before can need the contract or the status catalogue.
    const unread = window.entries.slice(window.fromStart || cursor === null ? 0 : Math.max(0, cursor.read - window.startAt)).flatMap((entry) => entry.changes);
    if (contract === null && ((start !== null && start.kind !== 'adopted') || needsContractTerms(unread, site.fieldIds.requestType))) {
      contract = await loadContractTerms(deps.store, issue);
    }
    const categories = await statusCategoriesOf(site, window.fromStart ? window.entries.flatMap((entry) => entry.changes) : unread);
    const prepared: Prepared = { issue, start, window, contract, categories, comment, trigger, now, requestTypeFieldId: site.fieldIds.requestType, claimant, reader };
    const result = await writeClock(deps, {
      issue: { id: issue.id, key: issue.key },
      fieldIds: site.fieldIds,
      seen: { property: issue.contractClock, deadlineField: issue.contractDeadline },
      stored,
      issueFacts: issueFactsOf(issue),
      plan: (current) => planReconcile(prepared, current),
    });
    if (result.status === 'refetch') {
      stored = result.stored.value === null ? await readStoredClock(deps.store, issue.id) : result.stored;
      continue;
    }
    if (result.status === 'refused' || result.plan.kind !== 'write' || result.item === null) {
      throw new Error(`Reconciling issue ${issue.id} did not produce a clock.`);
    }
    // The notice this sweep claimed in that write (a new one, or one left pending by an earlier try).
    const claimed = result.status === 'written' && result.item.notice?.claim?.id === claimant.id;
    const delivery = claimed ? await deliverPendingNotice(deps, site, issue, result.item, claimant) : null;
    const notify = delivery?.status === 'delivered' ? delivery.kind : null;
    const kind = stored.value !== null || start === null ? 'updated' : start.kind === 'start' ? 'started' : start.kind;
    return { kind, save: { record: result.item.record, written: result.status === 'written' }, notified: notify };
  }
  throw new Error(`The clock of issue ${issue.id} kept moving while it was reconciled.`);
}

// ---------------------------------------------------------------------------------------------
// Preparing (I/O) and planning (pure)

/** How many of a request's earliest comments a commented event reads while no first response is recorded. */
export const FIRST_COMMENTS_READ = 50;

/**
 * The first-response facts a commented event brings. While the clock has recorded no first response,
 * the event reads the request's earliest comments rather than only the one it names: an earlier
 * comment whose own event was lost or failed (Forge does not retry a trigger that threw) would
 * otherwise never count, and a later reply would be taken as the first (the soak's ITS-3). Only the
 * earliest public agent comment is kept by the clock, so reading more than one is harmless. Either
 * way the event costs one Jira call.
 */
async function readCommentFacts(deps: AppDeps, issue: IssueSnapshot, commentId: string, stored: StoredClock): Promise<ClockFact[]> {
  if (!awaitsResponse(stored)) return commentFacts(await deps.jiraAsApp.getComment(issue.id, commentId), issue);
  const comments = await deps.jiraAsApp.listFirstComments(issue.id, FIRST_COMMENTS_READ);
  // The named comment may lie beyond the first page on a long conversation: read it too.
  const named = comments.some((c) => c.id === commentId) || comments.length < FIRST_COMMENTS_READ ? [] : [await deps.jiraAsApp.getComment(issue.id, commentId)];
  return [...comments, ...named].flatMap((c) => commentFacts(c, issue));
}

/** No first response is recorded yet (or no clock is stored): the earliest comments may hold one. */
function awaitsResponse(stored: StoredClock): boolean {
  const record = stored.value?.record ?? null;
  return record === null || (record.response !== null && record.response.respondedAt === null);
}

/** The first-response facts of the request's earliest comments (one Jira call). */
async function readFirstCommentFacts(deps: AppDeps, issue: IssueSnapshot): Promise<ClockFact[]> {
  return (await deps.jiraAsApp.listFirstComments(issue.id, FIRST_COMMENTS_READ)).flatMap((c) => commentFacts(c, issue));
}

/** How a request without a stored clock gets one. */
type Start =
  /** A record written by the old version on the property, corroborated by its storage (ADR 0018). */
  | { readonly kind: 'adopted'; readonly record: ClockRecord }
  /** A record the old version wrote but that no longer parses: a fresh start that says so. */
  | { readonly kind: 'rebuilt'; readonly reason: ClockErrorReason; readonly detail: string }
  /** A fresh start from the contract database. */
  | { readonly kind: 'start' };

/**
 * What a request without a stored clock starts from. The property is user-writable, so it is taken
 * over only when the old version's own storage names the issue (an `open-clock:` or `agg-contrib:`
 * key, deleted by the first write): a property forged on any other issue is ignored.
 */
async function prepareStart(store: KeyValueStore, issue: IssueSnapshot): Promise<Start> {
  if (issue.contractClock === null) return { kind: 'start' };
  const [openClock, contribution] = await Promise.all([store.get(openClockKey(issue.id)), store.get(outcomeContributionKey(issue.id))]);
  if (openClock === undefined && contribution === undefined) return { kind: 'start' };
  const parsed = parseClockRecord(issue.contractClock.value);
  return parsed.ok ? { kind: 'adopted', record: parsed.record } : { kind: 'rebuilt', reason: parsed.reason, detail: parsed.detail };
}

/** Changelog entries from a position on, in Jira's order. */
interface ChangelogWindow {
  /** The position of `entries[0]`. */
  readonly startAt: number;
  readonly entries: readonly { readonly id: string; readonly changes: readonly FieldChange[] }[];
  /** The changelog was read from its first entry (a new start, an adopted clock, or a resync). */
  readonly fromStart: boolean;
}

const MAX_CHANGELOG_PAGES = 200;

/**
 * The changelog entries the clock has not read yet: from one entry before the cursor (to check it is
 * still the entry the cursor names), or the whole changelog when there is no cursor or Jira's
 * history no longer matches it. A created event's issue embeds its (short) changelog.
 */
async function readChangelogWindow(jira: JiraAsApp, issue: IssueSnapshot, cursor: ChangelogCursor | null): Promise<ChangelogWindow> {
  if (cursor !== null) {
    const from = Math.max(0, cursor.read - 1);
    const window = await readPages(jira, issue.id, from);
    const anchor = window.entries[0];
    const continues = cursor.read === 0 || (anchor !== undefined && anchor.id === cursor.lastId);
    if (continues) return window;
  } else if (issue.changelog?.complete === true) {
    return { startAt: 0, entries: groupEntries(issue.changelog.changes), fromStart: true };
  }
  return readPages(jira, issue.id, 0);
}

async function readPages(jira: JiraAsApp, issueId: string, startAt: number): Promise<ChangelogWindow> {
  const entries: { id: string; changes: readonly FieldChange[] }[] = [];
  let position = startAt;
  for (let page = 0; page < MAX_CHANGELOG_PAGES; page += 1) {
    const answer = await jira.getChangelogPage(issueId, { startAt: position });
    entries.push(...answer.entries);
    position = answer.startAt + answer.entries.length;
    if (answer.isLast || answer.entries.length === 0 || position >= answer.total) break;
  }
  return { startAt, entries, fromStart: startAt === 0 };
}

/** Flattened changes (one entry's share its id) back into entries, in order. */
function groupEntries(changes: readonly FieldChange[]): { id: string; changes: FieldChange[] }[] {
  const entries: { id: string; changes: FieldChange[] }[] = [];
  for (const change of changes) {
    const last = entries[entries.length - 1];
    if (last?.id === change.changeId) last.changes.push(change);
    else entries.push({ id: change.changeId, changes: [change] });
  }
  return entries;
}

async function statusCategoriesOf(site: SiteFacts, changes: readonly FieldChange[]): Promise<ReadonlyMap<string, StatusCategory>> {
  // The status catalogue is needed only to read historical statuses out of a changelog.
  const ids = changes.filter((c) => c.fieldId === 'status').flatMap((c) => [c.from, c.to]).filter((id): id is string => id !== null);
  return ids.length > 0 ? site.statusCategories(ids) : new Map<string, StatusCategory>();
}

/** Everything a plan needs, fetched before the write. */
interface Prepared {
  readonly issue: IssueSnapshot;
  readonly start: Start | null;
  readonly window: ChangelogWindow;
  readonly contract: ContractTerms | null;
  readonly categories: ReadonlyMap<string, StatusCategory>;
  readonly comment: readonly ClockFact[];
  readonly trigger: ReconcileTrigger;
  readonly now: Date;
  readonly requestTypeFieldId: string | null;
  /** Who claims the sweep's notice in this run. */
  readonly claimant: NoticeClaimant;
  /** The reader of the sweep's notes, when read before planning (null: written at delivery). */
  readonly reader: ReaderText | null;
}

/** Whether the sweep will likely write a notice's words: one is owed, or pending without them. */
function owesNoticeText(stored: StoredClock, now: Date): boolean {
  const item = stored.value;
  if (item === null) return false;
  if (item.notice !== undefined) return item.notice.text === undefined;
  return planSweep(item.record, now).notify !== null;
}

/**
 * The clock to store, given the clock as stored now (pure; run again when another writer came
 * first). Refetch when what was fetched does not reach back to the stored cursor.
 */
function planReconcile(p: Prepared, current: IssueClockItem | null): ClockPlan {
  const { issue, window, now } = p;
  let base: ClockRecord;
  let fromPosition: number;
  let statusBefore: IssueStatus | undefined;
  if (current === null) {
    if (p.start === null || !window.fromStart) return { kind: 'refetch' };
    base = startRecord(p, p.start);
    fromPosition = 0;
    statusBefore = undefined;
  } else {
    base = current.record;
    const cursor = current.changelog;
    if (cursor === null || window.fromStart) {
      if (!window.fromStart) return { kind: 'refetch' };
      // Read whole (adopted, or Jira's history no longer matched the cursor): the facts are a set.
      fromPosition = 0;
      statusBefore = undefined;
    } else {
      if (window.startAt > cursor.read) return { kind: 'refetch' };
      fromPosition = cursor.read;
      statusBefore = cursor.status;
    }
  }
  const fresh = window.entries.slice(Math.max(0, fromPosition - window.startAt));
  const changes = fresh.flatMap((entry) => entry.changes);
  const translated = translateChangelog(changes, {
    issue,
    categories: p.categories,
    contract: p.contract,
    record: base,
    requestTypeFieldId: p.requestTypeFieldId,
    ...(statusBefore === undefined ? {} : { statusBefore }),
  });
  let record = applyFacts(base, [...translated.facts, ...p.comment], now);
  const end = window.startAt + window.entries.length;
  const last = window.entries[window.entries.length - 1];
  const read = current?.changelog;
  const changelog: ChangelogCursor =
    read !== undefined && read !== null && !window.fromStart && read.read >= end
      ? read
      : { read: end, lastId: last?.id ?? null, status: translated.statusAfter };
  let notify: ClockNotice | null = null;
  let notice: PendingNotice | undefined;
  if (p.trigger === 'sweep') {
    const pending = current?.notice;
    if (pending !== undefined) {
      // One notice at a time: the pending one is delivered first; a newer one stays owed (and due).
      notice = claimPendingNotice(pending, now, p.claimant) ?? undefined;
    } else {
      const sweep = planSweep(record, now);
      notify = sweep.notify;
      if (notify !== null) {
        record = applyFacts(sweep.record, sweep.markerFacts, now);
        notice = newPendingNotice(sweep, record, now, p.claimant, { issueKey: issue.key, reader: p.reader }) ?? undefined;
      }
    }
  }
  return { kind: 'write', record, changelog, notify, ...(notice === undefined ? {} : { notice }) };
}

/** The first record of a request without a stored clock. */
function startRecord(p: Prepared, start: Start): ClockRecord {
  const { issue, now } = p;
  if (start.kind === 'adopted') return start.record;
  if (p.contract === null) throw new Error('A new clock needs the contract terms.');
  const changes = p.window.entries.flatMap((entry) => entry.changes);
  const base = {
    termsResolution: p.contract.termsFor(issue, issue.createdAt),
    createdAt: issue.createdAt,
    status: creationStatusOf(issue, changes, p.categories),
    now,
  };
  return start.kind === 'rebuilt' ? rebuildClockRecord({ ...base, problem: { reason: start.reason, detail: start.detail } }) : startClock(base);
}
