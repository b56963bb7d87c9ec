/**
 * "Re-apply to open requests" (issue 12.5): after a save, the admin previews how the saved contract
 * database would change the terms of the requests that are still open — how many change, and how
 * their deadlines move — and then confirms. Both run as a job on the `contract-clock-reapply` queue,
 * a page of requests per step, so a site with tens of thousands of open requests is handled within
 * Forge's time limits (ADR 0025).
 *
 * - Which requests: one JQL search over the service projects for unresolved requests whose
 *   `contract-clock` projection says open (running, at risk, paused, breached) or uncovered. The
 *   search only finds candidates: each candidate's clock is read from app storage, the source of
 *   truth, and skipped unless it is open (or uncovered on an unresolved issue).
 * - What changes: the terms the saved database gives the request (terms resolution on its current
 *   fields at its creation date, the same `loadContractTerms` as the panel's re-apply), applied with
 *   the clock's own `reapplyTerms` — the old terms stay in the record's history.
 * - Conditionally: an apply job applies the revision its preview saw; every step first checks that
 *   the stored revision is still that one, and stops as `stale` otherwise. Each clock is written with
 *   `writeClock`, conditional on the clock as read: an event or the sweep writing first makes the
 *   job re-plan on their result, so nothing is lost. A clock whose terms would not change is not
 *   written at all. Every request gets the same action id per apply job, so a redelivered step, or a
 *   second job, changes nothing twice.
 *
 * Uses the storage port and the Jira ports; no Forge imports.
 */
import { z } from 'zod';
import { reapplyJobKey } from '../adapters/storage/storage-keys';
import { readValue, writeValue } from '../adapters/storage/typed-value';
import { instantSchema, type ClockRecord } from '../contract/clock-record';
import { reapplyCountsShape } from '../contract/admin-api';
import { isOpenClockState, reapplyTerms, type ReapplyResult } from '../domain/clock';
import { readStoredClock, writeClock } from './clock-store';
import { loadContractDatabase } from './contract-database-store';
import { issueFactsOf } from './triage-index';
import { loadContractTerms } from './contract-terms';
import type { AppDeps } from './deps';
import type { IssueSnapshot } from './jira-ports';
import { loadSiteFacts } from './site-cache';

export const REAPPLY_LIMITS = {
  /** Requests per step (one JQL page). */
  pageSize: 25,
  /** Requests handled at once within a step (each is a few Jira calls). */
  concurrency: 4,
  /** Moves kept in the job for the page to show; the counts cover every request. */
  movesKept: 50,
} as const;

/** One request whose terms would change (preview) or changed (apply). */
export const reapplyMoveSchema = z.object({
  issueKey: z.string().min(1).max(255),
  /** The deadline before and after; null when there is none (paused, uncovered). */
  from: instantSchema.nullable(),
  to: instantSchema.nullable(),
  /** The terms summary before and after ("ACME → contract … → 4 h in '…'"). */
  fromTerms: z.string().max(600).nullable(),
  toTerms: z.string().max(600).nullable(),
});
export type ReapplyMove = z.infer<typeof reapplyMoveSchema>;

export const reapplyJobSchema = z.object({
  schemaVersion: z.literal(1),
  jobId: z.string().min(1).max(100),
  kind: z.enum(['preview', 'apply']),
  /** The contract database revision the job applies (the one saved when the preview started). */
  databaseRevision: z.number().int().nonnegative(),
  /** For an apply job: the preview it confirms. */
  previewJobId: z.string().min(1).max(100).nullable(),
  startedBy: z.string().min(1).max(128),
  startedAt: instantSchema,
  updatedAt: instantSchema,
  /** `stale`: the database was saved again meanwhile; preview again. */
  status: z.enum(['running', 'done', 'stale', 'failed']),
  /** The reason written into each request's history (apply). */
  reason: z.string().max(500),
  /** The service projects searched (read once, when the job starts). */
  projectIds: z.array(z.string().min(1)).max(1000),
  /** Steps done: a redelivered step that is not the next one is ignored. */
  steps: z.number().int().nonnegative(),
  ...reapplyCountsShape,
  moves: z.array(reapplyMoveSchema).max(REAPPLY_LIMITS.movesKept),
});
export type ReapplyJob = z.infer<typeof reapplyJobSchema>;

/** The body of one queue event: which job, which step, and where the search continues. */
export const reapplyStepSchema = z.object({
  jobId: z.string().min(1).max(100),
  step: z.number().int().nonnegative(),
  nextPageToken: z.string().min(1).max(2000).nullable(),
});
export type ReapplyStep = z.infer<typeof reapplyStepSchema>;

/**
 * The JQL of the candidates: unresolved requests of the service projects whose projection says open
 * or uncovered. Only documented JQL (project, statusCategory, the indexed property by its alias).
 *
 * @example openRequestsJql(['10000']) // 'project in (10000) AND statusCategory != Done AND contractState in (…) ORDER BY created ASC'
 */
export function openRequestsJql(projectIds: readonly string[]): string {
  return `project in (${projectIds.join(', ')}) AND statusCategory != Done AND contractState in (running, "at-risk", paused, breached, uncovered) ORDER BY created ASC`;
}

export async function readReapplyJob(deps: Pick<AppDeps, 'store'>, jobId: string): Promise<ReapplyJob | null> {
  const read = await readValue(deps.store, reapplyJobKey(jobId), reapplyJobSchema);
  return read.status === 'found' ? read.value : null;
}

/**
 * Starts a preview (what re-applying the stored database would change) or, confirming a finished
 * preview of the same revision, the apply job. Answers the new job, or why it cannot start.
 *
 * @example const started = await startReapply(deps, { kind: 'preview', jobId, by: accountId, reason: '' });
 */
export async function startReapply(
  deps: AppDeps,
  input: { readonly kind: 'preview' | 'apply'; readonly jobId: string; readonly by: string; readonly reason: string; readonly previewJobId?: string },
): Promise<{ ok: true; job: ReapplyJob } | { ok: false; reason: 'no-preview' | 'preview-running' | 'stale' }> {
  const loaded = await loadContractDatabase(deps.store);
  if (input.kind === 'apply') {
    const preview = input.previewJobId === undefined ? null : await readReapplyJob(deps, input.previewJobId);
    if (preview === null || preview.kind !== 'preview') return { ok: false, reason: 'no-preview' };
    if (preview.status === 'running') return { ok: false, reason: 'preview-running' };
    if (preview.status !== 'done' || preview.databaseRevision !== loaded.revision) return { ok: false, reason: 'stale' };
  }
  const desks = await deps.jiraAsApp.listServiceDesks();
  const now = deps.now().toISOString();
  const job: ReapplyJob = {
    schemaVersion: 1,
    jobId: input.jobId,
    kind: input.kind,
    databaseRevision: loaded.revision,
    previewJobId: input.kind === 'apply' ? (input.previewJobId ?? null) : null,
    startedBy: input.by,
    startedAt: now,
    updatedAt: now,
    status: desks.length === 0 ? 'done' : 'running',
    reason: input.reason,
    projectIds: [...new Set(desks.map((desk) => desk.projectId))],
    steps: 0,
    scanned: 0,
    changed: 0,
    unchanged: 0,
    skipped: 0,
    failed: 0,
    earlier: 0,
    later: 0,
    mostEarlierMinutes: 0,
    mostLaterMinutes: 0,
    moves: [],
  };
  await writeValue(deps.store, reapplyJobKey(job.jobId), reapplyJobSchema, job);
  if (job.status === 'running') await deps.enqueueReapply([{ jobId: job.jobId, step: 0, nextPageToken: null }]);
  return { ok: true, job };
}

/** What one request came to. */
type Finding = { kind: 'changed'; move: ReapplyMove; deltaMs: number | null } | { kind: 'unchanged' } | { kind: 'skipped' } | { kind: 'failed' };

function isCandidate(record: ClockRecord, issue: IssueSnapshot): boolean {
  const unresolved = issue.status.category !== 'done' && issue.resolution === null;
  return unresolved && (isOpenClockState(record.state) || record.state === 'uncovered');
}

function moveOf(issueKey: string, result: ReapplyResult): ReapplyMove {
  return {
    issueKey,
    from: result.current.deadline,
    to: result.proposed.deadline,
    fromTerms: result.current.terms?.summary.slice(0, 600) ?? null,
    toTerms: result.proposed.terms?.summary.slice(0, 600) ?? null,
  };
}

/** Previews or applies the re-apply for one request. */
async function handleIssue(deps: AppDeps, job: ReapplyJob, issueId: string, fieldIds: Awaited<ReturnType<typeof loadSiteFacts>>['fieldIds']): Promise<Finding> {
  const now = deps.now();
  const issue = await deps.jiraAsApp.getIssue(issueId, { fieldIds });
  const stored = await readStoredClock(deps.store, issue.id);
  if (stored.value === null || !isCandidate(stored.value.record, issue)) return { kind: 'skipped' };
  const contract = await loadContractTerms(deps.store, issue);
  const resolution = contract.termsFor(issue, issue.createdAt);
  const action = { id: `reapply:${job.jobId}`, at: now, by: job.startedBy, reason: job.reason };
  const preview = reapplyTerms(stored.value.record, resolution, action, now);
  if (!preview.changed) return { kind: 'unchanged' };
  const deltaMs = preview.current.deadline !== null && preview.proposed.deadline !== null ? Date.parse(preview.proposed.deadline) - Date.parse(preview.current.deadline) : null;
  if (job.kind === 'preview') return { kind: 'changed', move: moveOf(issue.key, preview), deltaMs };

  const last: { applied: ReapplyResult | null } = { applied: null };
  const result = await writeClock(deps, {
    issue: { id: issue.id, key: issue.key },
    fieldIds,
    seen: { property: issue.contractClock, deadlineField: issue.contractDeadline },
    issueFacts: issueFactsOf(issue),
    stored,
    // Planned again on the clock as stored at each attempt: an event or the sweep that wrote first is kept.
    plan: (current) => {
      if (current === null) return { kind: 'refuse', reason: 'The clock is gone.' };
      const again = reapplyTerms(current.record, resolution, action, now);
      last.applied = again;
      return again.changed ? { kind: 'write', record: again.record, changelog: current.changelog } : { kind: 'keep' };
    },
  });
  const done = last.applied;
  if (result.status !== 'written' || done === null) return { kind: 'unchanged' };
  const appliedDelta = done.current.deadline !== null && done.proposed.deadline !== null ? Date.parse(done.proposed.deadline) - Date.parse(done.current.deadline) : null;
  return { kind: 'changed', move: moveOf(issue.key, done), deltaMs: appliedDelta };
}

/** Runs `work` over `items`, `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await work(item);
    }
  });
  await Promise.all(runners);
}

function tally(job: ReapplyJob, findings: readonly Finding[]): ReapplyJob {
  let next = { ...job, moves: [...job.moves] };
  for (const finding of findings) {
    next = { ...next, scanned: next.scanned + 1 };
    switch (finding.kind) {
      case 'skipped':
        next.skipped += 1;
        break;
      case 'failed':
        next.failed += 1;
        break;
      case 'unchanged':
        next.unchanged += 1;
        break;
      case 'changed': {
        next.changed += 1;
        const minutes = finding.deltaMs === null ? 0 : Math.abs(finding.deltaMs) / 60_000;
        if (finding.deltaMs !== null && finding.deltaMs < 0) {
          next.earlier += 1;
          next.mostEarlierMinutes = Math.max(next.mostEarlierMinutes, Math.round(minutes));
        } else if (finding.deltaMs !== null && finding.deltaMs > 0) {
          next.later += 1;
          next.mostLaterMinutes = Math.max(next.mostLaterMinutes, Math.round(minutes));
        }
        if (next.moves.length < REAPPLY_LIMITS.movesKept) next.moves.push(finding.move);
        break;
      }
    }
  }
  return next;
}

/**
 * One step of a job: one page of candidates, previewed or applied; then the next step is queued, or
 * the job is done. A step that is not the job's next one (a redelivery) does nothing.
 *
 * @example await runReapplyStep(deps, { jobId, step: 0, nextPageToken: null });
 */
export async function runReapplyStep(deps: AppDeps, body: ReapplyStep): Promise<ReapplyJob | null> {
  const job = await readReapplyJob(deps, body.jobId);
  if (job === null || job.status !== 'running' || job.steps !== body.step) return null;
  const now = deps.now();
  const save = async (value: ReapplyJob): Promise<ReapplyJob> => {
    await writeValue(deps.store, reapplyJobKey(value.jobId), reapplyJobSchema, value);
    return value;
  };
  if (job.kind === 'apply') {
    const current = await loadContractDatabase(deps.store);
    if (current.revision !== job.databaseRevision) return save({ ...job, status: 'stale', updatedAt: now.toISOString() });
  }
  const site = await loadSiteFacts(deps.store, deps.jiraAsApp, now);
  // Ids only: each request is re-applied from its own GET (handleIssue), never from the search's answer.
  const page = await deps.jiraAsApp.searchIssueIds(openRequestsJql(job.projectIds), {
    maxResults: REAPPLY_LIMITS.pageSize,
    ...(body.nextPageToken === null ? {} : { nextPageToken: body.nextPageToken }),
  });
  const findings: Finding[] = [];
  await eachLimited(page.issueIds, REAPPLY_LIMITS.concurrency, async (issueId) => {
    try {
      findings.push(await handleIssue(deps, job, issueId, site.fieldIds));
    } catch (error) {
      deps.log.warn('reapply: a request failed', { jobId: job.jobId, issueId, error: error instanceof Error ? error.name : 'unknown' });
      findings.push({ kind: 'failed' });
    }
  });
  const done = page.nextPageToken === null;
  const next = await save({ ...tally(job, findings), steps: job.steps + 1, status: done ? 'done' : 'running', updatedAt: deps.now().toISOString() });
  if (!done) await deps.enqueueReapply([{ jobId: job.jobId, step: job.steps + 1, nextPageToken: page.nextPageToken }]);
  return next;
}
