/**
 * The sweep (ADR 0017), in two parts:
 *
 * - `startSweep`, the five-minute scheduled trigger, finds work without scanning every open clock:
 *   the clocks that are due (the `clock-due` index, read up to now), the requests that need a look
 *   (one JQL search over the service projects: requests with no record, records whose open /
 *   closed state contradicts the issue's status, and requests updated since the previous sweep — a
 *   lost or failed event, ADR 0034), and, while installs
 *   still hold them, issues of the old storage format to adopt (ADR 0018). It pushes that work to
 *   the `contract-clock-sweep` queue: the due clocks' ids when they are few, else one job per shard.
 * - Clocks stored before the triage index (ADR 0027) have no entry in it until something writes them:
 *   the sweep backfills them (ADR 0032), one search page of open requests per run — it queues for a
 *   reconcile the ones whose stored clock has no triage facts, and the reconcile's conditional write
 *   adds the entry — until a whole pass over the open requests finds none left.
 * - Once an hour it also queues a `renewals` job: the notice reminders to account managers that are
 *   due (renewal-reminders.ts, ADR 0024).
 * - `runSweepJob`, the queue consumer, reconciles each clock from the issue's current state
 *   (reconcile-clock.ts, `trigger: 'sweep'`) — so a late "resolved" never yields a false breach
 *   notice — and sends the notice owed, once. It works within a time budget, a few clocks at a time,
 *   and pushes what is left as a new job; a clock that fails is retried at the next sweep.
 *
 * Every open clock's next state change is in the due index (clock-store.ts), so every due clock is
 * handled within one five-minute cycle, however many clocks are open.
 */
import { z } from 'zod';
import { isJiraError } from './jira-ports';
import { isConditionFailed, type KeyValueStore } from '../adapters/storage/key-value-store';
import {
  CLOCK_DUE_ENTITY,
  decodeKeySegment,
  issueItemKey,
  OPEN_CLOCK_PREFIX,
  OUTCOME_CONTRIBUTION_PREFIX,
  parseOpenClockKey,
  sweepStateKey,
} from '../adapters/storage/storage-keys';
import { parseStoredValue, readValue, validateForWrite, writeValue } from '../adapters/storage/typed-value';
import { instantSchema } from '../contract/clock-record';
import { clockDueItemSchema, SWEEP_SHARDS, type ClockDueItem } from '../contract/clock-storage';
import type { ClockNotice } from '../domain/clock-view';
import { readStoredClock, writeClock } from './clock-store';
import { readAggregatesReconciliation } from './compliance-store';
import type { AppDeps } from './deps';
import { startRebuild } from './rebuild-aggregates';
import { reconcileClock } from './reconcile-clock';
import { loadSiteFacts, type SiteFacts } from './site-cache';

/** Issues per `issues` job. */
export const SWEEP_BATCH = 25;
/** Clocks a consumer reconciles at once (each is a few Jira calls). */
export const SWEEP_CONCURRENCY = 4;
/**
 * A consumer stops taking new clocks after this long and pushes the rest as a new job: well inside
 * the 55 s an async event consumer may run without `timeoutSeconds`
 * (developer.atlassian.com/platform/forge/limits-invocation).
 */
export const SWEEP_JOB_BUDGET_MS = 20_000;
/** A clock whose sweep failed is due again this much later. */
const RETRY_AFTER_MS = 5 * 60_000;
/** Due clocks the scheduled trigger pushes by id; more than this, and it pushes one job per shard. */
const DUE_BY_ID_LIMIT = 100;
/** The service projects are looked up again after this long. */
const SERVICE_PROJECTS_MAX_AGE_MS = 24 * 60 * 60_000;
/** Repair looks for requests without a record created this recently (a lost or failed created event). */
const REPAIR_CREATED_WITHIN = '-7d';
/** Open requests the triage backfill looks at per run (one search page). */
const TRIAGE_BACKFILL_PAGE = 100;
/** Stored clocks the backfill reads at once. */
const TRIAGE_BACKFILL_READS = 10;
/**
 * Passes over the open requests before the backfill gives up on clocks that will not take an entry
 * (their reconcile keeps failing; they get one at their next successful write). A second pass
 * catches what the first missed while the open requests changed under its page tokens.
 */
const TRIAGE_BACKFILL_MAX_PASSES = 3;
/**
 * The sweep's search for updated requests reaches this far before the previous sweep's start: Jira's search
 * index may lag an update, and an event may still be in flight when a sweep starts.
 */
const RECENT_MARGIN_MINUTES = 3;
/** The window of an install's first sweep, or one whose previous start is unknown. */
const RECENT_DEFAULT_MINUTES = 15;
/** The window never reaches back further than this (after a long outage the repair terms and the due index remain). */
const RECENT_MAX_MINUTES = 7 * 24 * 60;
/**
 * Pages of the sweep's search per run (100 each): up to 2 000 requests updated in five minutes or in
 * need of repair are reconciled; past that a warning is logged and the rest wait for the next run.
 */
const SEARCH_PAGES = 20;
/** Pages of old-format keys handled per run (100 each). */
const LEGACY_PAGES = 10;

export const sweepJobSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('due'), shard: z.number().int().min(0).max(SWEEP_SHARDS - 1), asOf: instantSchema }),
  z.object({
    kind: z.literal('issues'),
    reason: z.enum(['due', 'repair', 'adopt', 'backfill']),
    issueIds: z.array(z.string().regex(/^\d{1,18}$/)).min(1).max(SWEEP_BATCH),
  }),
  // The notice reminders due now (renewal-reminders.ts, ADR 0024): at most one job an hour.
  z.object({ kind: z.literal('renewals'), asOf: instantSchema }),
]);
export type SweepJobBody = z.infer<typeof sweepJobSchema>;
/** The jobs that reconcile clocks. */
export type ClockSweepJob = Exclude<SweepJobBody, { kind: 'renewals' }>;

/** The scheduled trigger queues a `renewals` job when the last one was queued in an earlier hour. */
const RENEWALS_EVERY_MS = 60 * 60_000;

/** The sweep's bookkeeping between runs. */
const sweepStateSchema = z.object({
  schemaVersion: z.literal(1),
  /** The service projects' ids (the sweep search's scope), and when they were looked up. */
  serviceProjects: z.object({ ids: z.array(z.string()), at: instantSchema }).nullable(),
  /**
   * When the last sweep whose search succeeded started: the next one searches the
   * requests updated since then (less a margin). Absent: no such sweep yet.
   */
  recentSince: instantSchema.optional(),
  /** `done` once no key of the old storage format is left (ADR 0018). */
  legacy: z.enum(['pending', 'done']),
  /** When the last `renewals` job was queued (absent: never). */
  renewalsQueuedAt: instantSchema.optional(),
  /**
   * The triage backfill (ADR 0032): where the pass over the open requests is (Jira's page token),
   * which pass it is and how many clocks this pass queued; `done` once a pass queued none, or at
   * an install's first sweep (nothing was stored before this version). Absent: not started.
   */
  triageBackfill: z
    .discriminatedUnion('status', [
      z.object({
        status: z.literal('pending'),
        pass: z.number().int().min(1).max(TRIAGE_BACKFILL_MAX_PASSES),
        nextPageToken: z.string().min(1).max(4000).optional(),
        queuedThisPass: z.number().int().nonnegative(),
      }),
      z.object({ status: z.literal('done'), at: instantSchema }),
    ])
    .optional(),
});
type SweepState = z.infer<typeof sweepStateSchema>;

export interface SweepStartReport {
  readonly due: number;
  /**
   * Requests the sweep's search found (a record to repair, or updated since the previous sweep: a
   * lost or failed event is caught up), queued besides the due clocks.
   */
  readonly repair: number;
  readonly adopt: number;
  /** Clocks queued for the triage backfill (they have no triage entry yet). */
  readonly backfill: number;
  /** A `renewals` job was queued (once an hour). */
  readonly renewals: boolean;
  readonly jobs: number;
}

/**
 * The scheduled trigger: finds due, broken and old-format clocks and queues them.
 *
 * @example const report = await startSweep(deps);
 */
export async function startSweep(deps: AppDeps): Promise<SweepStartReport> {
  const now = deps.now();
  const read = await readValue(deps.store, sweepStateKey(), sweepStateSchema);
  const before: SweepState = read.status === 'found' ? read.value : { schemaVersion: 1, serviceProjects: null, legacy: 'pending' };
  let state = before;
  const jobs: SweepJobBody[] = [];

  const due = await dueNow(deps.store, now);
  if (due.length === 'many') {
    for (let shard = 0; shard < SWEEP_SHARDS; shard += 1) jobs.push({ kind: 'due', shard, asOf: now.toISOString() });
  }
  const dueIds = due.length === 'many' ? [] : due.items.map((item) => item.issueId);
  const queued = new Set(dueIds);

  let projects = state.serviceProjects;
  if (projects === null || now.getTime() - Date.parse(projects.at) > SERVICE_PROJECTS_MAX_AGE_MS) {
    const desks = await deps.jiraAsApp.listServiceDesks();
    projects = { ids: [...new Set(desks.map((desk) => desk.projectId))].sort(), at: now.toISOString() };
    state = { ...state, serviceProjects: projects };
  }
  // One search finds what needs a look besides the due clocks (ADR 0034): requests whose clock needs
  // repair (no record yet, or a record that contradicts the issue's status: a lost or failed created
  // or resolving event) and requests updated since the previous sweep started (a lost or failed
  // commented or updated event on an open request leaves no contradiction: ITS-184's first response,
  // ITS-103's pause in the soak). Each is reconciled once more, which reads the changelog entries its
  // cursor has not read and, while no first response is recorded, the earliest comments. The cost
  // follows recent activity, not the site's size; a quiet site's search finds nothing.
  let found: string[] = [];
  if (projects.ids.length > 0) {
    try {
      found = await findRequestsToReconcile(deps, projects.ids, recentWindowMinutes(state.recentSince, now));
      state = { ...state, recentSince: now.toISOString() };
    } catch (error) {
      // Jira refuses the whole search when a project of the list is gone (400): the due clocks still
      // go out, the service projects are looked up again next time, and the next search covers this
      // window too (recentSince is kept).
      if (!isJiraError(error)) throw error;
      deps.log.warn('sweep: the reconcile search failed; service projects will be looked up again', { status: error.status ?? null });
      state = { ...state, serviceProjects: null };
    }
  }
  // A due request found by the search is queued with it rather than as due: its reconcile then reads
  // a first reply whose event was lost before it can owe a response notice.
  const foundIds = new Set(found);
  jobs.push(...issueJobs('due', dueIds.filter((id) => !foundIds.has(id))), ...issueJobs('repair', found));
  for (const id of found) queued.add(id);

  let adopt: string[] = [];
  if (state.legacy === 'pending') {
    adopt = (await legacyIssueIds(deps.store)).filter((id) => !queued.has(id));
    jobs.push(...issueJobs('adopt', adopt));
    if (adopt.length === 0) {
      state = { ...state, legacy: 'done' };
      // The old aggregates go, and the new ones are recounted from the adopted outcomes, once.
      if ((await readAggregatesReconciliation(deps.store)) === null) await startRebuild(deps, `migration-${now.toISOString().replace(/[^0-9]/g, '')}`);
    }
  }

  let backfill: string[] = [];
  // An install's first sweep ever: every clock it holds was written by this version, with its entry.
  if (state.triageBackfill === undefined && read.status !== 'found') state = { ...state, triageBackfill: { status: 'done', at: now.toISOString() } };
  const progress = state.triageBackfill ?? { status: 'pending' as const, pass: 1, queuedThisPass: 0 };
  if (progress.status === 'pending' && state.serviceProjects !== null && state.serviceProjects.ids.length > 0) {
    try {
      const page = await clocksWithoutTriage(deps, state.serviceProjects.ids, progress.nextPageToken);
      backfill = page.issueIds.filter((id) => !queued.has(id));
      jobs.push(...issueJobs('backfill', backfill));
      const queuedThisPass = progress.queuedThisPass + page.issueIds.length;
      let next: NonNullable<SweepState['triageBackfill']>;
      if (page.nextPageToken !== null) next = { status: 'pending', pass: progress.pass, nextPageToken: page.nextPageToken, queuedThisPass };
      else if (queuedThisPass === 0) next = { status: 'done', at: now.toISOString() };
      else if (progress.pass >= TRIAGE_BACKFILL_MAX_PASSES) {
        deps.log.warn('sweep: the triage backfill stops with clocks it could not index; they get their entry at their next write', { queuedThisPass });
        next = { status: 'done', at: now.toISOString() };
      } else next = { status: 'pending', pass: progress.pass + 1, queuedThisPass: 0 };
      state = { ...state, triageBackfill: next };
    } catch (error) {
      // A page token Jira no longer takes (or a project gone) starts the pass again next time.
      if (!isJiraError(error)) throw error;
      deps.log.warn('sweep: the triage backfill search failed; the pass starts again', { status: error.status ?? null });
      state = { ...state, triageBackfill: { status: 'pending', pass: progress.pass, queuedThisPass: progress.queuedThisPass } };
    }
  }

  // The notice reminders are looked at once an hour, in the hour's first sweep: a reminder is due
  // from the start of a day in its contract's zone, and the job reads the whole contract database.
  const hour = Math.floor(now.getTime() / RENEWALS_EVERY_MS);
  const renewals = state.renewalsQueuedAt === undefined || Math.floor(Date.parse(state.renewalsQueuedAt) / RENEWALS_EVERY_MS) !== hour;
  if (renewals) {
    jobs.push({ kind: 'renewals', asOf: now.toISOString() });
    state = { ...state, renewalsQueuedAt: now.toISOString() };
  }

  if (jobs.length > 0) await deps.enqueueSweep(jobs);
  if (state !== before) await writeValue(deps.store, sweepStateKey(), sweepStateSchema, state);
  return { due: due.length === 'many' ? -1 : due.items.length, repair: found.length, adopt: adopt.length, backfill: backfill.length, renewals, jobs: jobs.length };
}

/** The due clocks, when they are few; `many` when one page does not hold them. */
async function dueNow(store: KeyValueStore, now: Date): Promise<{ length: 'many' } | { length: number; items: ClockDueItem[] }> {
  const page = await store.queryEntity({
    entity: CLOCK_DUE_ENTITY,
    index: 'dueAt',
    where: { condition: 'LESS_THAN_EQUAL_TO', value: now.toISOString() },
    limit: DUE_BY_ID_LIMIT,
  });
  if (page.nextCursor !== undefined) return { length: 'many' };
  const items = page.entries.flatMap((entry) => {
    const parsed = parseStoredValue(`${CLOCK_DUE_ENTITY}/${entry.key}`, entry.value, clockDueItemSchema);
    return parsed.status === 'found' ? [parsed.value] : [];
  });
  return { length: items.length, items };
}

function issueJobs(reason: 'due' | 'repair' | 'adopt' | 'backfill', issueIds: readonly string[]): SweepJobBody[] {
  const jobs: SweepJobBody[] = [];
  for (let i = 0; i < issueIds.length; i += SWEEP_BATCH) jobs.push({ kind: 'issues', reason, issueIds: issueIds.slice(i, i + SWEEP_BATCH) });
  return jobs;
}

/**
 * The JQL of the requests the sweep reconciles besides the due ones, in the given service projects:
 * - requests updated in the last `minutes` (Jira bumps `updated` on every comment and transition): a
 *   commented or updated event that was lost or failed;
 * - recent requests without a record, or with a property that is no record (the created event was
 *   lost or failed, or someone overwrote it);
 * - records that say "open" on a resolved issue and records that say "closed" on an unresolved one
 *   (an update was lost or failed).
 *
 * Only documented JQL: `project in (…)`, `updated` with a relative date in minutes, the indexed
 * property by its alias with `IS EMPTY` and `in`, `statusCategory`, `resolution`, relative `created`
 * (developer.atlassian.com/cloud/jira/platform/jql-fields/#updated, …/jira-entity-properties).
 *
 * @example sweepSearchJql(['10000'], 8) // 'project in (10000) AND (updated >= -8m OR …) ORDER BY updated ASC'
 */
export function sweepSearchJql(projectIds: readonly string[], minutes: number): string {
  return [
    `project in (${projectIds.join(', ')}) AND (`,
    `updated >= -${String(minutes)}m`,
    ` OR ((contractState IS EMPTY OR contractState not in (running, "at-risk", paused, breached, met, missed, uncovered, error)) AND created >= ${REPAIR_CREATED_WITHIN})`,
    ' OR (contractState in (running, "at-risk", paused, breached) AND (statusCategory = Done OR resolution IS NOT EMPTY))',
    ' OR (contractState in (met, missed) AND statusCategory != Done AND resolution IS EMPTY)',
    ') ORDER BY updated ASC',
  ].join('');
}

/** Minutes the sweep's search reaches back for updates: since the previous sweep's start, plus the margin. */
export function recentWindowMinutes(since: string | undefined, now: Date): number {
  if (since === undefined) return RECENT_DEFAULT_MINUTES;
  const minutes = Math.ceil((now.getTime() - Date.parse(since)) / 60_000) + RECENT_MARGIN_MINUTES;
  return Math.min(RECENT_MAX_MINUTES, Math.max(RECENT_MARGIN_MINUTES, minutes));
}

async function findRequestsToReconcile(deps: AppDeps, projectIds: readonly string[], minutes: number): Promise<string[]> {
  const ids: string[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < SEARCH_PAGES; page += 1) {
    // Ids only: each found request is reconciled from its own GET, so its fields and clock property
    // in the search's answer (up to 100 records a page) would be downloaded for nothing.
    const found = await deps.jiraAsApp.searchIssueIds(sweepSearchJql(projectIds, minutes), {
      maxResults: 100,
      ...(pageToken === undefined ? {} : { nextPageToken: pageToken }),
    });
    ids.push(...found.issueIds);
    if (found.nextPageToken === null) return ids;
    pageToken = found.nextPageToken;
  }
  deps.log.warn('sweep: more requests need a look than one run reconciles; the rest wait for their next update', { queued: ids.length });
  return ids;
}

/** The open requests of the service projects, oldest first: what the backfill walks, a page per sweep. */
export function openRequestsJql(projectIds: readonly string[]): string {
  return `project in (${projectIds.join(', ')}) AND statusCategory != Done AND resolution IS EMPTY ORDER BY created ASC, key ASC`;
}

/**
 * One page of open requests, and of them the ids whose stored clock has no triage facts (written
 * before the triage index). Requests without a stored clock are the repair search's and adoption's.
 */
async function clocksWithoutTriage(deps: AppDeps, projectIds: readonly string[], pageToken: string | undefined): Promise<{ issueIds: string[]; nextPageToken: string | null }> {
  // Ids only: whether a clock lacks its triage facts is read from app storage, never from the property.
  const found = await deps.jiraAsApp.searchIssueIds(openRequestsJql(projectIds), {
    maxResults: TRIAGE_BACKFILL_PAGE,
    ...(pageToken === undefined ? {} : { nextPageToken: pageToken }),
  });
  const missing: string[] = [];
  const ids = found.issueIds;
  await forEachConcurrently(ids, TRIAGE_BACKFILL_READS, async (issueId) => {
    const stored = await readStoredClock(deps.store, issueId);
    if (stored.value !== null && stored.value.triage === undefined) missing.push(issueId);
  });
  return { issueIds: ids.filter((id) => missing.includes(id)), nextPageToken: found.nextPageToken };
}

/** Issue ids still named by keys of the old storage format (deleted as each clock is adopted). */
async function legacyIssueIds(store: KeyValueStore): Promise<string[]> {
  const ids = new Set<string>();
  for (const [prefix, parse] of [
    [OPEN_CLOCK_PREFIX, parseOpenClockKey],
    [OUTCOME_CONTRIBUTION_PREFIX, (key: string) => decodeKeySegment(key.slice(OUTCOME_CONTRIBUTION_PREFIX.length))],
  ] as const) {
    let cursor: string | undefined;
    for (let page = 0; page < LEGACY_PAGES; page += 1) {
      const found = await store.query({ prefix, limit: 100, ...(cursor === undefined ? {} : { cursor }) });
      for (const entry of found.entries) {
        const id = parse(entry.key);
        if (id !== undefined && /^\d{1,18}$/.test(id)) ids.add(id);
      }
      cursor = found.nextCursor;
      if (cursor === undefined) break;
    }
  }
  return [...ids];
}

// ---------------------------------------------------------------------------------------------
// The consumer

export interface SweepJobReport {
  readonly handled: number;
  readonly notified: readonly { readonly issueId: string; readonly kind: ClockNotice }[];
  readonly failed: number;
  /** Work left for a new job (pushed), because the time budget ran out. */
  readonly continued: boolean;
}

/**
 * One sweep job: reconciles its clocks a few at a time until done or out of time budget, then
 * pushes what is left.
 *
 * @example await runSweepJob(deps, { kind: 'due', shard: 3, asOf: now.toISOString() });
 */
export async function runSweepJob(deps: AppDeps, job: ClockSweepJob, budgetMs: number = SWEEP_JOB_BUDGET_MS): Promise<SweepJobReport> {
  const started = Date.now();
  const outOfTime = (): boolean => Date.now() - started > budgetMs;
  const notified: { issueId: string; kind: ClockNotice }[] = [];
  let handled = 0;
  let failed = 0;
  const site = await loadSiteFacts(deps.store, deps.jiraAsApp, deps.now());
  // A request queued because it may have missed an event reads its earliest comments too (while no
  // first response is recorded): a lost commented event leaves no other trace.
  const catchUp = job.kind === 'issues' && job.reason === 'repair';
  const one = async (issueId: string, due: ClockDueItem | null): Promise<void> => {
    const result = await sweepClock(deps, site, issueId, due, catchUp);
    handled += 1;
    if (result === 'failed') failed += 1;
    else if (result !== null) notified.push({ issueId, kind: result });
  };

  if (job.kind === 'issues') {
    const started = await forEachConcurrently(job.issueIds, SWEEP_CONCURRENCY, (issueId) => one(issueId, null), outOfTime);
    const rest = job.issueIds.slice(started);
    if (rest.length > 0) await deps.enqueueSweep([{ ...job, issueIds: rest }]);
    return { handled, notified, failed, continued: rest.length > 0 };
  }

  let cursor: string | undefined;
  for (;;) {
    if (outOfTime()) {
      await deps.enqueueSweep([job]);
      return { handled, notified, failed, continued: true };
    }
    const page = await deps.store.queryEntity({
      entity: CLOCK_DUE_ENTITY,
      index: 'by-shard',
      partition: [job.shard],
      where: { condition: 'LESS_THAN_EQUAL_TO', value: job.asOf },
      limit: SWEEP_BATCH,
      ...(cursor === undefined ? {} : { cursor }),
    });
    const items = page.entries.flatMap((entry) => {
      const parsed = parseStoredValue(`${CLOCK_DUE_ENTITY}/${entry.key}`, entry.value, clockDueItemSchema);
      return parsed.status === 'found' ? [parsed.value] : [];
    });
    await forEachConcurrently(items, SWEEP_CONCURRENCY, (item) => one(item.issueId, item));
    cursor = page.nextCursor;
    if (cursor === undefined) return { handled, notified, failed, continued: false };
  }
}

/**
 * Reconciles one clock for the sweep and sends the notice it is owed. An issue that no longer exists
 * loses its clock (and what it counted); a failure leaves the clock due again in five minutes.
 */
async function sweepClock(deps: AppDeps, site: SiteFacts, issueId: string, due: ClockDueItem | null, catchUp: boolean): Promise<ClockNotice | null | 'failed'> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const outcome = await reconcileClock(deps, issueId, { trigger: 'sweep', site, readFirstComments: catchUp });
      return outcome.kind === 'not-a-request' ? null : outcome.notified;
    } catch (error) {
      if (isJiraError(error) && error.status === 404) {
        await removeClock(deps, issueId);
        return null;
      }
      // Reconciling is idempotent (conditional writes; a notice is claimed, ADR 0031): a transient
      // failure is tried once more now rather than five minutes later, when the clock may have
      // moved past the state it owes a notice for.
      if (attempt < SWEEP_CLOCK_TRIES && isTransient(error)) continue;
      deps.log.error('sweep failed for one clock', { issueId, error: describe(error) });
      if (due !== null) await postpone(deps.store, due, deps.now());
      return 'failed';
    }
  }
}

/** Tries of one clock in one sweep job. */
const SWEEP_CLOCK_TRIES = 2;

/** Jira failed in a way that may pass: no answer, 429 or 5xx (after the client's own retries). */
function isTransient(error: unknown): boolean {
  if (!isJiraError(error)) return false;
  return error.kind === 'network' || error.status === 429 || (error.status !== undefined && error.status >= 500);
}

/** Removes the clock of an issue that is gone (its outcome leaves the aggregates with it). */
async function removeClock(deps: AppDeps, issueId: string): Promise<void> {
  const stored = await readStoredClock(deps.store, issueId);
  if (stored.value === null) {
    await deps.store.transact([{ type: 'delete', key: issueItemKey(issueId), entity: CLOCK_DUE_ENTITY }]);
    return;
  }
  await writeClock(deps, {
    issue: { id: issueId, key: stored.value.issueKey },
    fieldIds: { requestType: null, organizations: null, contractDeadline: null },
    seen: { property: null, deadlineField: null },
    stored,
    issueFacts: null,
    plan: () => ({ kind: 'remove' }),
  });
}

/** Makes a clock due again later, unless someone rescheduled it meanwhile. */
async function postpone(store: KeyValueStore, due: ClockDueItem, now: Date): Promise<void> {
  const later = validateForWrite(CLOCK_DUE_ENTITY, clockDueItemSchema, { ...due, dueAt: new Date(now.getTime() + RETRY_AFTER_MS).toISOString() });
  try {
    await store.transact([
      {
        type: 'set',
        key: issueItemKey(due.issueId),
        entity: CLOCK_DUE_ENTITY,
        value: later,
        conditions: [{ attribute: 'dueAt', condition: 'EQUAL_TO', value: due.dueAt }],
      },
    ]);
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
}

/**
 * Runs `work` over `items` in order, at most `limit` at a time, starting none once `stop()` says so;
 * answers how many were started.
 */
async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>, stop: () => boolean = () => false): Promise<number> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length && !stop()) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return next;
}

function describe(error: unknown): string {
  if (isJiraError(error)) return `jira ${error.status ?? error.kind}`;
  return error instanceof Error ? error.name : 'unknown';
}
