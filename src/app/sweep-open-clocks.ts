/**
 * The scheduled sweep: pages through the open-clock index in storage (never scanning Jira), and for
 * each clock whose at-risk or breach instant has come, re-evaluates the record, marks it once
 * (marker facts saved first, so a retry never notifies twice) and tells the team with an internal
 * note and a notification to the assignee and watchers — in the assignee's language (their Jira
 * locale; English when the request is unassigned or Jira hides the locale).
 */
import { isJiraError, type IssueSnapshot, type JiraAsApp } from './jira-ports';
import { scanPrefix } from '../adapters/storage/key-value-store';
import { OPEN_CLOCK_PREFIX, openClockKey } from '../adapters/storage/storage-keys';
import { parseStoredValue } from '../adapters/storage/typed-value';
import type { ClockRecord } from '../contract/clock-record';
import { canonicalJson } from '../domain/calendar-cache';
import { applyFacts, parseClockRecord } from '../domain/clock';
import { planSweep } from '../domain/clock-view';
import { openClockEntryOf, openClockEntrySchema, saveClock, type OpenClockEntry } from './clock-store';
import type { AppDeps } from './deps';
import { textFor, type ReaderText } from './reader-text';
import { reconcileClock } from './reconcile-clock';
import { loadSiteFacts, type SiteFacts } from './site-cache';

/** At most this many clocks are handled per run; the rest wait for the next run (5 minutes). */
export const SWEEP_MAX_CLOCKS_PER_RUN = 50;

export interface SweepReport {
  readonly scanned: number;
  readonly due: number;
  readonly notified: { readonly issueKey: string; readonly kind: 'at-risk' | 'breached' }[];
  readonly failed: number;
  readonly deferred: number;
}

/** @example const report = await sweepOpenClocks(deps); */
export async function sweepOpenClocks(deps: AppDeps): Promise<SweepReport> {
  const now = deps.now();
  const due: OpenClockEntry[] = [];
  let scanned = 0;
  for await (const entry of scanPrefix(deps.store, OPEN_CLOCK_PREFIX)) {
    scanned += 1;
    const parsed = parseStoredValue(entry.key, entry.value, openClockEntrySchema);
    if (parsed.status !== 'found') {
      deps.log.warn('open-clock index entry is unreadable; removing it', { key: entry.key });
      await deps.store.delete(entry.key);
      continue;
    }
    const next = parsed.value.nextCheckAt;
    if (next !== null && Date.parse(next) <= now.getTime()) due.push(parsed.value);
  }
  due.sort((a, b) => Date.parse(a.nextCheckAt ?? '') - Date.parse(b.nextCheckAt ?? ''));
  const batch = due.slice(0, SWEEP_MAX_CLOCKS_PER_RUN);
  const notified: { issueKey: string; kind: 'at-risk' | 'breached' }[] = [];
  let failed = 0;
  if (batch.length > 0) {
    const site = await loadSiteFacts(deps.store, deps.jiraAsApp, now);
    for (const entry of batch) {
      try {
        const kind = await sweepOne(deps, site, entry, now);
        if (kind !== null) notified.push({ issueKey: entry.issueKey, kind });
      } catch (error) {
        failed += 1;
        deps.log.error('sweep failed for one clock', { issueId: entry.issueId, error: describe(error) });
      }
    }
  }
  return { scanned, due: due.length, notified, failed, deferred: due.length - batch.length };
}

async function sweepOne(deps: AppDeps, site: SiteFacts, entry: OpenClockEntry, now: Date): Promise<'at-risk' | 'breached' | null> {
  let issue;
  try {
    issue = await deps.jiraAsApp.getIssue(entry.issueId, { fieldIds: site.fieldIds });
  } catch (error) {
    if (isJiraError(error) && error.status === 404) {
      await deps.store.delete(openClockKey(entry.issueId)); // the issue is gone
      return null;
    }
    throw error;
  }
  const parsed = issue.contractClock === null ? null : parseClockRecord(issue.contractClock.value);
  if (parsed === null || !parsed.ok) {
    await reconcileClock(deps, issue.id); // missing or garbage: rebuild from Jira, as a trigger would
    return null;
  }
  const previous = parsed.record;
  const plan = planSweep(previous, now);
  const marked = plan.notify === null ? plan.record : applyFacts(plan.record, plan.markerFacts, now);
  const ref = { id: issue.id, key: issue.key };
  const save = await saveClock(deps.store, deps.jiraAsApp, site.fieldIds, ref, previous, marked);
  if (!save.written) await refreshIndexEntry(deps, entry, openClockEntryOf(ref, save.record));
  if (plan.notify === null) return null;
  const reader = textFor(await assigneeLocale(deps.jiraAsApp, issue));
  const body = sweepNoteText(plan.notify, marked, reader);
  await deps.jiraAsApp.addRequestComment(issue.id, { body, isPublic: false });
  await deps.jiraAsApp.notifyIssue(issue.id, {
    subject: reader.t('note.subject', { issueKey: issue.key, kind: plan.notify }),
    textBody: body,
    to: { assignee: true, watchers: true },
  });
  return plan.notify;
}

/** Keeps a stale index entry from being due on every run when the record itself did not change. */
async function refreshIndexEntry(deps: AppDeps, stored: OpenClockEntry, current: OpenClockEntry | null): Promise<void> {
  const key = openClockKey(stored.issueId);
  if (current === null) await deps.store.delete(key);
  else if (canonicalJson(current) !== canonicalJson(stored)) await deps.store.set(key, current);
}

/** The assignee's Jira locale, read as the app; null when unassigned, hidden or unreadable. */
async function assigneeLocale(jira: JiraAsApp, issue: IssueSnapshot): Promise<string | null> {
  if (issue.assignee === null) return null;
  return jira.getUserLocale(issue.assignee.accountId).catch(() => null);
}

/**
 * The internal note of the sweep, in the reader's language, with the deadline in the contract
 * calendar's zone.
 *
 * @example sweepNoteText('breached', record, textFor('nl_NL')) // 'Contract Clock: de oplosdeadline van … is verstreken (…). …'
 */
export function sweepNoteText(kind: 'at-risk' | 'breached', record: ClockRecord, reader: ReaderText): string {
  const { t } = reader;
  const terms = record.terms;
  const target = record.target;
  let agreement = t('note.agreementUnknown');
  if (terms !== null && target !== null) {
    const parts = { level: target.level.name, priorityClass: target.priorityClass, target: reader.duration(target.resolutionMinutes + target.extensionMinutes) };
    agreement = target.service === null ? t('note.agreement', parts) : t('note.agreementWithService', { ...parts, service: target.service.name });
  }
  const deadline = record.deadline === null || terms === null ? t('note.deadlineUnknown') : reader.shortInstantInZone(record.deadline, terms.calendar.timeZone);
  return kind === 'breached'
    ? t('note.breached', { deadline, agreement })
    : t('note.atRisk', { percent: terms?.atRiskPercent ?? 75, deadline, agreement });
}

function describe(error: unknown): string {
  if (isJiraError(error)) return `jira ${error.status ?? error.kind}`;
  return error instanceof Error ? error.name : 'unknown';
}
