/**
 * The scheduled sweep: pages through the open-clock index in storage (never scanning Jira), and for
 * each clock whose at-risk or breach instant has come, re-evaluates the record, marks it once
 * (marker facts saved first, so a retry never notifies twice) and tells the team with an internal
 * note and a notification to the assignee and watchers.
 */
import { formatInTimeZone } from 'date-fns-tz';
import { isJiraError } from './jira-ports';
import { scanPrefix } from '../adapters/storage/key-value-store';
import { OPEN_CLOCK_PREFIX, openClockKey } from '../adapters/storage/storage-keys';
import { parseStoredValue } from '../adapters/storage/typed-value';
import type { ClockRecord } from '../contract/clock-record';
import { canonicalJson } from '../domain/calendar-cache';
import { applyFacts, parseClockRecord } from '../domain/clock';
import { planSweep } from '../domain/clock-view';
import { formatBusinessMinutes } from '../domain/resolve-terms';
import { openClockEntryOf, openClockEntrySchema, saveClock, type OpenClockEntry } from './clock-store';
import type { AppDeps } from './deps';
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
  const text = sweepNoteText(plan.notify, marked);
  await deps.jiraAsApp.addRequestComment(issue.id, { body: text, isPublic: false });
  await deps.jiraAsApp.notifyIssue(issue.id, {
    subject: `${issue.key}: contract deadline ${plan.notify === 'breached' ? 'breached' : 'at risk'}`,
    textBody: text,
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

/** The internal note of the sweep, in the team's working language (English). */
export function sweepNoteText(kind: 'at-risk' | 'breached', record: ClockRecord): string {
  const terms = record.terms;
  const target = record.target;
  const agreement =
    terms === null || target === null
      ? 'the agreement'
      : `${target.level.name}${target.service === null ? '' : `, ${target.service.name}`}, ${target.priorityClass}: ${formatBusinessMinutes(target.resolutionMinutes + target.extensionMinutes)}`;
  const deadline =
    record.deadline === null || terms === null
      ? 'unknown'
      : `${formatInTimeZone(new Date(record.deadline), terms.calendar.timeZone, 'EEE d MMM yyyy HH:mm')} (${terms.calendar.timeZone})`;
  return kind === 'breached'
    ? `Contract Clock: the resolution deadline of ${deadline} has passed (${agreement}). Tell the customer when to expect a resolution.`
    : `Contract Clock: this request is at risk — ${terms?.atRiskPercent ?? 75}% of the resolution target is used (${agreement}). Deadline: ${deadline}.`;
}

function describe(error: unknown): string {
  if (isJiraError(error)) return `jira ${error.status ?? error.kind}`;
  return error instanceof Error ? error.name : 'unknown';
}
