/**
 * The sweep's notices, delivered exactly once in effect (ADR 0031). A notice owed (at risk, breached,
 * a promise about to lapse) is one internal note and then one notification e-mail:
 *
 * 1. The sweep that finds it owed stores, in the same conditional write as the clock's marker, a
 *    pending notice with a note id and a claim (a lease on wall-clock time: of two sweeps at once,
 *    one writes first and the other re-plans, sees the claim and leaves the notice alone).
 * 2. The claimant posts the note with the id as a comment property (`contract-clock-note`), then
 *    sends the notification, then removes the pending notice (conditional on its claim).
 * 3. A try that fails releases the claim and keeps the notice, due again in five minutes. A later
 *    sweep claims it and carries on where it stopped. When an earlier try may have posted the note
 *    (Jira gave no answer, or a 5xx that may have been carried out, or the claimant vanished), it
 *    first reads the issue's recent comments with their properties and posts only when no note
 *    carries the id. A note Jira certainly refused (4xx, 429, 503 with Retry-After) is posted again
 *    without looking.
 * 4. The notification has no marker Jira could show back: it is sent only after its note is
 *    confirmed, tried again only when Jira certainly refused it, and given up (logged) when it may
 *    have gone out — at most once, never twice.
 *
 * A note that keeps failing is given up after MAX_NOTICE_ATTEMPTS tries (logged as an error).
 * One notice per clock at a time: a newer notice owed waits until the pending one is done.
 */
import { randomUUID } from 'node:crypto';
import { failedWithoutEffect, isConsentRequired, isJiraError, type IssueSnapshot } from './jira-ports';
import type { ClockRecord } from '../contract/clock-record';
import type { IssueClockItem, PendingNotice } from '../contract/clock-storage';
import { describeClock, type ClockNotice, type SweepPlan } from '../domain/clock-view';
import { NOTICE_RETRY_MS, writeClock } from './clock-store';
import type { AppDeps } from './deps';
import type { SiteFacts } from './site-cache';
import { textFor, type ReaderText } from './reader-text';
import { sweepNoteText } from './sweep-note-text';

/** How long a claim holds (wall-clock): well past the 55 s an async event consumer may run. */
export const NOTICE_LEASE_MS = 2 * 60_000;
/** Tries before a notice is given up. */
export const MAX_NOTICE_ATTEMPTS = 12;
/** How far before the notice was planned the marker search reads back (clock skew between app and Jira). */
const MARKER_SEARCH_MARGIN_MS = 15 * 60_000;

/** Who is delivering in this invocation: a claim id and the wall-clock time. */
export interface NoticeClaimant {
  readonly id: string;
  readonly wallNow: number;
}

/** @example const claimant = newClaimant(); */
export function newClaimant(wallNow: number = Date.now()): NoticeClaimant {
  return { id: randomUUID(), wallNow };
}

/**
 * The pending notice for a notice the sweep found owed (its marker facts are stored with it),
 * claimed by `claimant`.
 */
export function newPendingNotice(
  sweep: SweepPlan,
  markedRecord: ClockRecord,
  now: Date,
  claimant: NoticeClaimant,
  writer: { readonly issueKey: string; readonly reader: ReaderText | null },
): PendingNotice | null {
  const kind = sweep.notify;
  const marker = sweep.markerFacts[0];
  if (kind === null || marker === undefined) return null;
  const promiseMinutesLeft = kind === 'promise' ? Math.max(0, describeClock(markedRecord, now).promise?.businessMinutesLeft ?? 0) : undefined;
  // Written now, with the clock as marked, when the reader's language is known: a later try sends the same words.
  const text = writer.reader === null ? undefined : noticeText(kind, markedRecord, writer.reader, writer.issueKey, promiseMinutesLeft ?? 0);
  return {
    ...(text === undefined ? {} : { text }),
    id: `${marker.id}@${now.toISOString()}`,
    kind,
    plannedAt: now.toISOString(),
    step: 'note',
    maybePosted: false,
    attempts: 0,
    ...(promiseMinutesLeft === undefined ? {} : { promiseMinutesLeft }),
    claim: claimOf(claimant),
  };
}

/**
 * The stored pending notice claimed by `claimant`, or null when it is not this sweep's to deliver
 * (not due yet, or another invocation's claim still holds). A claim that expired means its holder
 * vanished mid-way: what it was doing may have been carried out.
 */
export function claimPendingNotice(pending: PendingNotice, now: Date, claimant: NoticeClaimant): PendingNotice | null {
  if (pending.retryAt !== undefined && Date.parse(pending.retryAt) > now.getTime()) return null;
  if (pending.claim !== undefined && Date.parse(pending.claim.until) > claimant.wallNow) return null;
  const abandoned = pending.claim !== undefined || pending.abandoned === true;
  return { ...pending, maybePosted: pending.maybePosted || pending.claim !== undefined, ...(abandoned ? { abandoned } : {}), claim: claimOf(claimant) };
}

function claimOf(claimant: NoticeClaimant): { id: string; until: string } {
  return { id: claimant.id, until: new Date(claimant.wallNow + NOTICE_LEASE_MS).toISOString() };
}

/** What delivering did: `delivered` (the note is there and the notification went out or was given up), `pending` (tried again later), `given-up`. */
export type NoticeDelivery = { readonly status: 'delivered' | 'pending' | 'given-up'; readonly kind: ClockNotice };

/**
 * Delivers the pending notice this invocation claimed (see the module comment) and stores what
 * became of it. Never throws for a Jira failure: it is recorded and tried again later.
 *
 * @example await deliverPendingNotice(deps, site, issue, item, claimant);
 */
export async function deliverPendingNotice(
  deps: AppDeps,
  site: SiteFacts,
  issue: Pick<IssueSnapshot, 'id' | 'key' | 'assignee'>,
  item: IssueClockItem,
  claimant: NoticeClaimant,
): Promise<NoticeDelivery> {
  const pending = item.notice;
  if (pending?.claim?.id !== claimant.id) throw new Error(`The notice of issue ${issue.id} is not claimed by this invocation.`);
  const jira = deps.jiraAsApp;
  const fields = { issueId: issue.id, kind: pending.kind, noteId: pending.id };
  let notice: PendingNotice = pending;
  let text = pending.text;
  if (text === undefined) {
    const reader = await readerOf(deps, issue);
    // Jira did not say the assignee's language: tried again later rather than in the wrong one.
    if (reader === null) return settle(deps, site, issue, item, claimant, failed(notice, deps.now(), false), fields, new Error('locale unreadable'));
    text = noticeText(pending.kind, item.record, reader, issue.key, pending.promiseMinutesLeft ?? 0);
  }
  notice = { ...notice, text };

  if (notice.step === 'note') {
    let found: { id: string } | null = null;
    try {
      found = notice.maybePosted ? await jira.findAppNote(issue.id, notice.id, { since: new Date(Date.parse(notice.plannedAt) - MARKER_SEARCH_MARGIN_MS) }) : null;
      if (found === null) await jira.addInternalNote(issue.id, { body: text.body, noteId: notice.id });
      else deps.log.info('sweep notice: the note was already posted by an earlier try', { ...fields, commentId: found.id });
    } catch (error) {
      if (isConsentRequired(error)) throw error;
      return settle(deps, site, issue, item, claimant, failed(notice, deps.now(), !failedWithoutEffect(error)), fields, error);
    }
    // A try that failed before the notification never sent it; one that vanished may have.
    notice = { ...notice, step: 'notify', maybePosted: found !== null && notice.abandoned === true };
  }

  if (notice.maybePosted) {
    // The notification of an earlier try may have gone out: not sent again (at most once).
    deps.log.warn('sweep notice: the notification may have been sent by an earlier try; not sent again', fields);
    return settle(deps, site, issue, item, claimant, null, fields);
  }
  try {
    await jira.notifyIssue(issue.id, { subject: text.subject, textBody: text.body, to: { assignee: true, watchers: true } });
  } catch (error) {
    if (isConsentRequired(error)) throw error;
    if (!failedWithoutEffect(error)) {
      deps.log.warn('sweep notice: no clear answer to the notification; it may have been sent and is not repeated', { ...fields, error: describe(error) });
      return settle(deps, site, issue, item, claimant, null, fields);
    }
    return settle(deps, site, issue, item, claimant, failed(notice, deps.now(), false), fields, error);
  }
  return settle(deps, site, issue, item, claimant, null, fields);
}

/** The notice after a failed try: claim released, due again later; null once it is given up. */
function failed(notice: PendingNotice, now: Date, maybeCarriedOut: boolean): PendingNotice | 'give-up' {
  const attempts = notice.attempts + 1;
  if (attempts >= MAX_NOTICE_ATTEMPTS) return 'give-up';
  const { claim: _released, ...rest } = notice;
  return { ...rest, attempts, maybePosted: notice.maybePosted || maybeCarriedOut, retryAt: new Date(now.getTime() + NOTICE_RETRY_MS).toISOString() };
}

/**
 * Stores what became of the notice — kept for a later try, or removed — on the condition that this
 * invocation still holds its claim.
 */
async function settle(
  deps: AppDeps,
  site: SiteFacts,
  issue: Pick<IssueSnapshot, 'id' | 'key'>,
  item: IssueClockItem,
  claimant: NoticeClaimant,
  next: PendingNotice | 'give-up' | null,
  fields: Record<string, string>,
  error?: unknown,
): Promise<NoticeDelivery> {
  const kind = item.notice?.kind ?? 'at-risk';
  if (next === 'give-up') deps.log.error('sweep notice: given up after repeated failures', { ...fields, error: describe(error) });
  else if (next !== null) deps.log.warn('sweep notice: not delivered; tried again at a later sweep', { ...fields, error: describe(error) });
  const keep = next === 'give-up' ? null : next;
  await writeClock(deps, {
    issue: { id: issue.id, key: issue.key },
    fieldIds: site.fieldIds,
    seen: { property: null, deadlineField: null },
    stored: { value: item, revision: item.revision },
    issueFacts: null,
    projections: 'stored',
    plan: (current) =>
      current !== null && current.notice?.claim?.id === claimant.id
        ? { kind: 'write', record: current.record, changelog: current.changelog, notice: keep }
        : { kind: 'keep' },
  });
  return { status: next === 'give-up' ? 'given-up' : next === null ? 'delivered' : 'pending', kind };
}

/**
 * The reader of the request's notes: the assignee's language (their Jira locale; English when the
 * request is unassigned or Jira hides the locale); null when Jira could not be asked.
 *
 * @example const reader = await readerOf(deps, issue);
 */
export async function readerOf(deps: AppDeps, issue: Pick<IssueSnapshot, 'assignee'>): Promise<ReaderText | null> {
  if (issue.assignee === null) return textFor(null);
  try {
    return textFor(await deps.jiraAsApp.getUserLocale(issue.assignee.accountId));
  } catch (error) {
    if (isConsentRequired(error) || !isJiraError(error)) throw error;
    return null;
  }
}

/** The note's subject and text. */
function noticeText(kind: ClockNotice, record: ClockRecord, reader: ReaderText, issueKey: string, promiseMinutesLeft: number): { subject: string; body: string } {
  const body = sweepNoteText(kind, record, reader, { promiseMinutesLeft });
  return { subject: reader.t('note.subject', { issueKey, kind }), body };
}

function describe(error: unknown): string {
  if (error === undefined) return 'none';
  if (isJiraError(error)) return `jira ${error.status === undefined ? error.kind : String(error.status)}`;
  return error instanceof Error ? error.name : 'unknown';
}
