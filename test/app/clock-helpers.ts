/**
 * Helpers for tests through the app harness: deliver Forge events to the real triggers (one after
 * another or all at once), raise requests, and read back what Jira and app storage hold.
 */
import { CONTRACT_CLOCK_PROPERTY_KEY } from '../../src/app/jira-ports';
import { CLOCK_DUE_ENTITY, ISSUE_CLOCK_ENTITY, ISSUE_OUTCOME_ENTITY, issueItemKey } from '../../src/adapters/storage/storage-keys';
import { loadAggregates } from '../../src/app/compliance-store';
import { clockRecordSchema, type ClockRecord } from '../../src/contract/clock-record';
import { clockDueItemSchema, issueClockItemSchema, issueOutcomeItemSchema, type ClockDueItem, type IssueClockItem, type IssueOutcomeItem } from '../../src/contract/clock-storage';
import type { ComplianceAggregate } from '../../src/contract/compliance-aggregate';
import { createOnIssueCommented } from '../../src/entry/on-issue-commented';
import { createOnIssueCreated } from '../../src/entry/on-issue-created';
import { createOnIssueUpdated } from '../../src/entry/on-issue-updated';
import type { ForgeJiraEvent } from '../../sandbox/jira/jira-events';
import type { Harness } from './app-harness';

export async function deliver(h: Harness, event: ForgeJiraEvent): Promise<void> {
  if (event.eventType === 'avi:jira:created:issue') await createOnIssueCreated(h.deps)(event);
  else if (event.eventType === 'avi:jira:updated:issue') await createOnIssueUpdated(h.deps)(event);
  else await createOnIssueCommented(h.deps)(event);
}

/** The events Forge would deliver: the manifest's `ignoreSelf` filter drops the app's own. */
export function takeEvents(h: Harness): ForgeJiraEvent[] {
  return h.events.splice(0).filter((event) => event.atlassianId !== h.model.app.accountId);
}

/** Delivers pending events one after another. */
export async function deliverAll(h: Harness): Promise<void> {
  for (const event of takeEvents(h)) await deliver(h, event);
}

/** Delivers pending events all at once (interleaved at every await, as concurrent invocations are). */
export async function deliverConcurrently(h: Harness): Promise<void> {
  await Promise.all(takeEvents(h).map((event) => deliver(h, event)));
}

export function raise(
  h: Harness,
  customer: keyof Harness['site']['users'],
  requestType: keyof Harness['site']['requestTypes'],
  summary = 'Outlook keeps asking for my password',
): string {
  return h.model.createRequest(h.site.users[customer].accountId, {
    serviceDeskId: h.site.serviceDesk.id,
    requestTypeId: h.site.requestTypes[requestType].id,
    summary,
  }).key;
}

export function issueIdOf(h: Harness, key: string): string {
  const issue = h.model.findIssue(key);
  if (issue === undefined) throw new Error(`no issue ${key}`);
  return issue.id;
}

/** The `contract-clock` property as Jira holds it. */
export function propertyOf(h: Harness, key: string): ClockRecord {
  return clockRecordSchema.parse(h.model.findIssue(key)?.properties[CONTRACT_CLOCK_PROPERTY_KEY]);
}

/** The clock as app storage holds it (the source of truth). */
export async function storedClockOf(h: Harness, key: string): Promise<IssueClockItem> {
  return issueClockItemSchema.parse(await h.store.inner.getEntity(ISSUE_CLOCK_ENTITY, issueItemKey(issueIdOf(h, key))));
}

export async function dueItemOf(h: Harness, key: string): Promise<ClockDueItem | null> {
  const raw = await h.store.inner.getEntity(CLOCK_DUE_ENTITY, issueItemKey(issueIdOf(h, key)));
  return raw === undefined ? null : clockDueItemSchema.parse(raw);
}

export async function outcomeItemOf(h: Harness, key: string): Promise<IssueOutcomeItem | null> {
  const raw = await h.store.inner.getEntity(ISSUE_OUTCOME_ENTITY, issueItemKey(issueIdOf(h, key)));
  return raw === undefined ? null : issueOutcomeItemSchema.parse(raw);
}

/** Every stored aggregate. */
export function aggregatesOf(h: Harness): Promise<ComplianceAggregate[]> {
  return loadAggregates(h.store.inner, { from: '2000-01', to: '2999-12' });
}

/** Met + breached over every aggregate. */
export async function countedOutcomes(h: Harness): Promise<{ met: number; breached: number }> {
  const cells = (await aggregatesOf(h)).flatMap((a) => a.cells);
  return { met: cells.reduce((n, c) => n + c.met, 0), breached: cells.reduce((n, c) => n + c.breached, 0) };
}

/** Everything but the bookkeeping of when a record was evaluated and written. */
export function comparable(record: ClockRecord): unknown {
  return { ...record, evaluatedAt: null, revision: null };
}

/**
 * The notifications the sweep sent about a request's clock (subject `<KEY>: contract deadline …`),
 * leaving out a contract's notice reminder, which may go out on the same request (ADR 0024).
 */
export function clockNotifications(h: Harness, key: string): ReturnType<Harness['model']['notifications']>[number][] {
  return h.model.notifications().filter((n) => n.issueKey === key && n.source === 'notify-api' && n.subject.startsWith(`${key}: `));
}
