/**
 * The use case behind the triage view (`triage/get`, issue 11 item 1): one page of a service
 * project's open requests, ordered by what needs action now.
 *
 * Reads only the app's own triage index (triage-index.ts, ADR 0027), never Jira's search and never
 * the clocks themselves: the project's `triage-entry` items through the `by-project` index, its 16
 * shards in parallel, in pages of 100 and at most `TRIAGE_LIMITS.pagesPerShard` pages each (so a
 * call stays bounded whatever the project's size; beyond that the view says it is truncated), and
 * the few `triage-calendar` items the entries count in. The order is computed at the instant of
 * the call (src/domain/triage.ts), the filters applied, and only the page asked for is shown — after
 * Jira, asked as the caller (one bulk fetch of at most 25 issues), said which of its requests the
 * caller may see, with their summary, status and assignee.
 *
 * Access: licensed agents of the project (SERVICEDESK_AGENT) and Jira administrators; anyone else
 * gets `forbidden` before anything is read.
 */
import { TRIAGE_CALENDAR_ENTITY, TRIAGE_ENTRY_ENTITY } from '../adapters/storage/storage-keys';
import { parseStoredValue } from '../adapters/storage/typed-value';
import { fail, ok, type Envelope } from '../contract/envelope';
import { triageCalendarItemSchema, triageEntrySchema, type TriageEntry } from '../contract/triage-entry';
import { TRIAGE_PAGE_SIZE, type TriageQuery, type TriageRef, type TriageRow, type TriageView } from '../contract/triage-api';
import type { CompiledCalendar } from '../domain/business-time';
import { compileCalendarOnce } from '../domain/calendar-cache';
import { SWEEP_SHARDS } from '../contract/clock-storage';
import { rankTriage, type RankedEntry, type RankedTarget } from '../domain/triage';
import { jqlString } from './compliance-jql';
import type { AppDeps } from './deps';
import { isActingAsUserRefused } from './jira-ports';

/** How much of the index one call may read. */
export const TRIAGE_LIMITS = {
  /** Entries per storage query (Forge's maximum). */
  queryLimit: 100,
  /** Query pages per shard: 16 shards × 5 pages × 100 = 8,000 open requests per project at most. */
  pagesPerShard: 5,
} as const;

export const TRIAGE_FORBIDDEN = 'The triage view is for the agents of this service project.';

/** Who asks, and in which project (the queue page's context). */
export interface TriageCaller {
  readonly accountId: string;
  readonly project: { readonly id: string; readonly key: string };
}

/**
 * `triage/get`: one page of the project's open requests in triage order, for the filters asked.
 *
 * @example const view = await loadTriageView(deps, { accountId, project: { id: '10000', key: 'ITS' } }, query);
 */
export async function loadTriageView(deps: AppDeps, caller: TriageCaller, query: TriageQuery): Promise<Envelope<TriageView>> {
  const asUser = deps.jiraAsUser(caller.accountId);
  // Jira will not act as a portal customer (Forge gives them no asUser()): neither agent nor admin.
  const refusedAsCustomer = <T>(none: T) => (error: unknown): T => {
    if (isActingAsUserRefused(error)) return none;
    throw error;
  };
  const [granted, isAdmin] = await Promise.all([
    asUser.getMyPermissions({ permissions: ['SERVICEDESK_AGENT'], projectKey: caller.project.key }).catch(refusedAsCustomer<Record<string, boolean>>({})),
    asUser.isJiraAdmin().catch(refusedAsCustomer(false)),
  ]);
  if (granted.SERVICEDESK_AGENT !== true && !isAdmin) return fail('forbidden', TRIAGE_FORBIDDEN);

  const now = deps.now();
  const { entries, truncated } = await readProjectEntries(deps, caller.project.id);
  const calendars = await loadCalendars(deps, entries);
  const ranked = rankTriage(entries, calendars, now);
  const options = optionsOf(entries);
  const selected = ranked.filter((r) => matches(r.entry, query, caller.accountId));
  const page = selected.slice(query.offset, query.offset + TRIAGE_PAGE_SIZE);
  const listed = page.length === 0 ? [] : await asUser.listBrowsableIssues(page.map((r) => r.entry.issueId));
  const byId = new Map(listed.map((issue) => [issue.id, issue]));
  const rows: TriageRow[] = [];
  for (const r of page) {
    const issue = byId.get(r.entry.issueId);
    if (issue !== undefined) rows.push(rowOf(r, issue));
  }
  const nextOffset = query.offset + TRIAGE_PAGE_SIZE < selected.length ? query.offset + TRIAGE_PAGE_SIZE : null;
  return ok({
    project: { id: caller.project.id, key: caller.project.key },
    now: now.toISOString(),
    rows,
    total: selected.length,
    offset: query.offset,
    nextOffset,
    hidden: page.length - rows.length,
    truncated,
    options,
    jql: triageJql(caller.project.key, query, options),
  });
}

/** The project's entries: every shard's partition, read in parallel, each at most `pagesPerShard` pages. */
async function readProjectEntries(deps: AppDeps, projectId: string): Promise<{ entries: TriageEntry[]; truncated: boolean }> {
  const perShard = await Promise.all(
    Array.from({ length: SWEEP_SHARDS }, async (_, shard) => {
      const found: TriageEntry[] = [];
      let cursor: string | undefined;
      for (let pageNo = 0; pageNo < TRIAGE_LIMITS.pagesPerShard; pageNo += 1) {
        const page = await deps.store.queryEntity({
          entity: TRIAGE_ENTRY_ENTITY,
          index: 'by-project',
          partition: [projectId, shard],
          limit: TRIAGE_LIMITS.queryLimit,
          ...(cursor === undefined ? {} : { cursor }),
        });
        for (const stored of page.entries) {
          const parsed = parseStoredValue(stored.key, stored.value, triageEntrySchema);
          if (parsed.status === 'found') found.push(parsed.value);
          else if (parsed.status === 'invalid') deps.log.warn('triage entry unreadable, left out', { key: stored.key, error: parsed.error.message });
        }
        cursor = page.nextCursor;
        if (cursor === undefined) return { found, truncated: false };
      }
      return { found, truncated: true };
    }),
  );
  return { entries: perShard.flatMap((s) => s.found), truncated: perShard.some((s) => s.truncated) };
}

/** The compiled calendars the entries count in, by key (one read each; an unreadable one is left out). */
async function loadCalendars(deps: AppDeps, entries: readonly TriageEntry[]): Promise<Map<string, CompiledCalendar>> {
  const keys = [...new Set(entries.flatMap((e) => (e.clock.calendar === null ? [] : [e.clock.calendar])))];
  const loaded = await Promise.all(
    keys.map(async (key) => {
      const parsed = parseStoredValue(key, await deps.store.getEntity(TRIAGE_CALENDAR_ENTITY, key), triageCalendarItemSchema);
      if (parsed.status !== 'found') return null;
      try {
        return [key, compileCalendarOnce(parsed.value.definition)] as const;
      } catch (error) {
        deps.log.warn('triage calendar does not compile, its requests are ranked without business time', { key, error: String(error) });
        return null;
      }
    }),
  );
  return new Map(loaded.filter((x) => x !== null));
}

function matches(entry: TriageEntry, query: TriageQuery, accountId: string): boolean {
  const clock = entry.clock;
  if (query.customerId !== null && clock.customer?.id !== query.customerId) return false;
  if (query.levelId !== null && clock.level?.id !== query.levelId) return false;
  if (query.serviceId !== null && clock.service?.id !== query.serviceId) return false;
  if (query.mine && entry.assignee !== accountId) return false;
  return true;
}

/** The customers, levels and services among the project's open requests, by name. */
function optionsOf(entries: readonly TriageEntry[]): TriageView['options'] {
  const collect = (pick: (e: TriageEntry) => TriageRef | null): TriageRef[] => {
    const byId = new Map<string, TriageRef>();
    for (const e of entries) {
      const ref = pick(e);
      if (ref !== null && !byId.has(ref.id)) byId.set(ref.id, { id: ref.id, name: ref.name });
    }
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  };
  return { customers: collect((e) => e.clock.customer), levels: collect((e) => e.clock.level), services: collect((e) => e.clock.service) };
}

/**
 * The selection as JQL on the aliases of the `contract-clock` property, by deadline: what Jira's own
 * queues can show of the same order.
 *
 * @example triageJql('ITS', { customerId: null, levelId: null, serviceId: null, mine: true, offset: 0 }, options)
 * // 'project = "ITS" AND statusCategory != Done AND assignee = currentUser() ORDER BY contractDeadline ASC'
 */
export function triageJql(projectKey: string, query: TriageQuery, options: TriageView['options']): string {
  const clauses = [`project = ${jqlString(projectKey)}`, 'statusCategory != Done'];
  const nameOf = (list: readonly TriageRef[], id: string | null) => (id === null ? null : (list.find((r) => r.id === id)?.name ?? null));
  const customer = nameOf(options.customers, query.customerId);
  const level = nameOf(options.levels, query.levelId);
  const service = nameOf(options.services, query.serviceId);
  if (customer !== null) clauses.push(`contractCustomer = ${jqlString(customer)}`);
  if (level !== null) clauses.push(`contractLevel = ${jqlString(level)}`);
  if (service !== null) clauses.push(`contractService = ${jqlString(service)}`);
  if (query.mine) clauses.push('assignee = currentUser()');
  return `${clauses.join(' AND ')} ORDER BY contractDeadline ASC`;
}

function targetView(t: RankedTarget | null): TriageRow['resolution'] {
  return t === null
    ? null
    : { deadline: t.deadline, businessMinutesLeft: t.businessMinutesLeft, state: t.state, targetMinutes: t.targetMinutes, extensionMinutes: t.extensionMinutes };
}

function rowOf(r: RankedEntry, issue: Awaited<ReturnType<ReturnType<AppDeps['jiraAsUser']>['listBrowsableIssues']>>[number]): TriageRow {
  const clock = r.entry.clock;
  return {
    issueId: r.entry.issueId,
    issueKey: issue.key,
    summary: issue.summary,
    status: issue.status.name,
    assignee: issue.assignee,
    priority: issue.priority,
    group: r.group,
    resumesAt: r.resumesAt,
    nearest: r.nearest,
    response: targetView(r.response),
    resolution: targetView(r.resolution),
    customer: clock.customer,
    level: clock.level,
    bespoke: clock.bespoke,
    service: clock.service,
    priorityClass: clock.priorityClass,
    calendarName: clock.calendarName,
    allHours: clock.allHours,
    pause: clock.pause,
    promise: clock.promise,
    uncovered: clock.uncovered,
    bestEffort: clock.bestEffort,
    error: clock.state === 'error',
  };
}
