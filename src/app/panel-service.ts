/**
 * The use cases behind the contract panel: load the view of one issue, and the agent's actions on
 * its clock (post a message, preview / re-apply terms, pause, resume, extend). The clock shown and
 * changed is the one in app storage (ADR 0016), never the user-writable property. Each action
 * checks the caller's Jira permission on the issue again, refuses stale input (`conflict`: another
 * revision than the agent saw) and is stored conditionally: another writer coming first (an event,
 * the sweep, a colleague) makes it re-check against the clock as it is now, so nothing is lost and
 * an action that no longer applies is refused instead of half-applied.
 */
import { randomUUID } from 'node:crypto';
import { isActingAsUserRefused, isJiraError, isServiceRequest, type IssueSnapshot, type JiraAsApp, type JiraAsUser } from './jira-ports';
import type { ClockFact, ClockRecord } from '../contract/clock-record';
import { fail, ok, type Envelope } from '../contract/envelope';
import {
  PANEL_LIMITS,
  type ActionResult,
  type ExtendPayload,
  type PanelView,
  type PausePayload,
  type PostMessagePayload,
  type PostMessageResult,
  type PreviewPromisePayload,
  type PromiseChoice,
  type PromisePreview,
  type ReapplyPayload,
  type ReapplyPreview,
} from '../contract/panel-api';
import { addBusinessMinutes, businessMinutesBetween } from '../domain/business-time';
import { applyFacts, reapplyTerms, type ReapplyResult } from '../domain/clock';
import { calendarInForce, describeClock, listClockActions, type ClockActions } from '../domain/clock-view';
import { instantOfWallTime } from '../domain/local-date';
import { readStoredClock, sameProjection, writeClock, type StoredClock } from './clock-store';
import { loadContractTerms } from './contract-terms';
import type { AppDeps, Logger } from './deps';
import { lookUpDisplayNames } from './display-names';
import { reconcileClock } from './reconcile-clock';
import { composePromiseDraft, draftLocale, presentExplanation, presentPanelView, presentTerms } from './panel-view';
import { textFor } from './reader-text';
import { loadSiteFacts } from './site-cache';
import { issueFactsOf } from './triage-index';

/** Who calls and on which issue (the issue always comes from the Forge context, never the payload). */
export interface PanelCaller {
  readonly accountId: string;
  readonly issueId: string;
  readonly issueKey: string;
  /** The browser's locale and zone from the Forge context: display hints only. */
  readonly locale: string | null;
  readonly timeZone: string | null;
}

/**
 * What the caller may do on the request. BROWSE_PROJECTS alone is not enough: a JSM customer holds
 * it for the requests they raised or that are shared with their organization (the portal's "Service
 * Project Customer - Portal Access"), but the panel is the agents' view (internal pause reasons,
 * agents' names, contract terms): it takes SERVICEDESK_AGENT on the request's project, or ADMINISTER.
 */
const PERMISSIONS = ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADD_COMMENTS', 'ADMINISTER', 'SERVICEDESK_AGENT'] as const;
type Permission = (typeof PERMISSIONS)[number];

async function permissionsOf(jira: JiraAsUser, issueId: string): Promise<Record<Permission, boolean>> {
  let answer: Record<string, boolean>;
  try {
    answer = await jira.getMyPermissions({ permissions: PERMISSIONS, issueIdOrKey: issueId });
  } catch (error) {
    // Jira answers 404 for an issue the user may not see, exactly as for one that does not exist;
    // a customer, whom Forge gives no asUser() (the panel is not theirs), has no permission either.
    if ((isJiraError(error) && error.status === 404) || isActingAsUserRefused(error)) {
      return { BROWSE_PROJECTS: false, EDIT_ISSUES: false, ADD_COMMENTS: false, ADMINISTER: false, SERVICEDESK_AGENT: false };
    }
    throw error;
  }
  return {
    BROWSE_PROJECTS: answer.BROWSE_PROJECTS === true,
    EDIT_ISSUES: answer.EDIT_ISSUES === true,
    ADD_COMMENTS: answer.ADD_COMMENTS === true,
    ADMINISTER: answer.ADMINISTER === true,
    SERVICEDESK_AGENT: answer.SERVICEDESK_AGENT === true,
  };
}

/** Why the caller may not use the panel on this request, or null when they may. */
function panelRefusal(can: Record<Permission, boolean>): string | null {
  if (!can.BROWSE_PROJECTS) return NOT_VISIBLE;
  if (!can.SERVICEDESK_AGENT && !can.ADMINISTER) return AGENTS_ONLY;
  return null;
}

const NOT_VISIBLE = 'You cannot see this request.';
const AGENTS_ONLY = 'The contract panel is for agents of this service project.';
const NOT_A_REQUEST = 'Contract Clock applies to customer requests of service projects only.';

/** `panel/get`: the whole view in one call. */
export async function loadPanelView(deps: AppDeps, caller: PanelCaller): Promise<Envelope<PanelView>> {
  const asUser = deps.jiraAsUser(caller.accountId);
  const [can, me] = await Promise.all([
    permissionsOf(asUser, caller.issueId),
    // Jira will not act as a customer (no asUser() for them): the permissions say so as well
    asUser.getMyself().catch((error: unknown) => {
      if (isActingAsUserRefused(error)) return null;
      throw error;
    }),
  ]);
  if (me === null) return fail('forbidden', NOT_VISIBLE);
  const refusal = panelRefusal(can);
  if (refusal !== null) return fail('forbidden', refusal);
  const now = deps.now();
  const site = await loadSiteFacts(deps.store, deps.jiraAsApp, now);
  const [issue, stored] = await Promise.all([
    deps.jiraAsApp.getIssue(caller.issueId, { fieldIds: site.fieldIds }),
    readStoredClock(deps.store, caller.issueId),
  ]);
  // The panel shows on service projects only (display condition); answer anything else without a write.
  if (!isServiceRequest(issue)) return fail('not-found', NOT_A_REQUEST);
  const contract = await loadContractTerms(deps.store, issue);
  let record: ClockRecord;
  if (stored.value === null) {
    // No clock yet (the created event is still on its way): start it now, as the trigger would;
    // reconciling is idempotent, so the trigger arriving later changes nothing.
    const started = await reconcileClock(deps, issue.id, { trigger: 'panel' });
    if (started.kind === 'not-a-request') return fail('not-found', NOT_A_REQUEST);
    record = started.save.record;
  } else {
    record = stored.value.record;
    // Someone changed the property (it is user-writable): put the app's record back.
    if (!sameProjection(issue.contractClock?.value, record)) {
      await writeClock(deps, {
        issue: { id: issue.id, key: issue.key },
        fieldIds: site.fieldIds,
        seen: { property: issue.contractClock, deadlineField: issue.contractDeadline },
        stored,
        issueFacts: issueFactsOf(issue),
        plan: () => ({ kind: 'keep' }),
      });
    }
  }
  const [displayNames, customerLocale] = await Promise.all([nameHistoryPeople(asUser, record, deps.log), lookUpLocale(deps.jiraAsApp, issue.reporter?.accountId ?? null)]);
  return ok(
    presentPanelView({
      issueKey: issue.key,
      record,
      database: contract.database,
      viewer: {
        timeZone: me.timeZone ?? caller.timeZone ?? 'UTC',
        locale: me.locale ?? caller.locale,
        isJiraAdmin: can.ADMINISTER,
        canEditClock: can.EDIT_ISSUES,
        canComment: can.ADD_COMMENTS,
      },
      displayNames,
      customerLocale,
      requestTypeId: issue.requestType?.id ?? null,
      now,
    }),
  );
}

/**
 * The display names of everyone the history names (pauses, extensions, promises, terms changes), as
 * the agent sees them: one batched look-up for all distinct account ids (display-names.ts, ADR 0033)
 * instead of one request per person. An id Jira gives no name for — or every id, when Jira refuses
 * the look-up — is shown as the account id; Forge's consent error passes through.
 */
async function nameHistoryPeople(jira: JiraAsUser, record: ClockRecord | null, log: Logger): Promise<ReadonlyMap<string, string>> {
  const ids = new Set<string>();
  for (const fact of record?.history ?? []) if ('by' in fact && fact.by !== null && fact.by !== undefined) ids.add(fact.by);
  for (const change of record?.termsHistory ?? []) if (change.by !== null) ids.add(change.by);
  return lookUpDisplayNames(jira, ids, log);
}

/**
 * The locale of the request's reporter (the customer), read as the app: the agent may not be allowed
 * to look up customers. null when there is no reporter, Jira hides the locale, or the lookup fails —
 * the drafts are then written in the agent's language, and the panel says so.
 */
async function lookUpLocale(jiraAsApp: JiraAsApp, accountId: string | null): Promise<string | null> {
  if (accountId === null) return null;
  return jiraAsApp.getUserLocale(accountId).catch(() => null);
}

/** The issue and its stored clock, after the permission and staleness checks every action does. */
interface ActionContext {
  readonly issue: IssueSnapshot;
  readonly stored: StoredClock;
  readonly record: ClockRecord;
  readonly fieldIds: Awaited<ReturnType<typeof loadSiteFacts>>['fieldIds'];
}

const NOT_READY = 'The contract clock of this request is not ready; reload the panel.';

async function prepareAction(
  deps: AppDeps,
  caller: PanelCaller,
  payload: { issueKey: string; revision: number },
  permission: 'EDIT_ISSUES' | 'ADD_COMMENTS',
): Promise<Envelope<ActionContext>> {
  const can = await permissionsOf(deps.jiraAsUser(caller.accountId), caller.issueId);
  const refusal = panelRefusal(can);
  if (refusal !== null) return fail('forbidden', refusal);
  if (!can[permission]) {
    return fail('forbidden', permission === 'EDIT_ISSUES' ? 'You may not change the clock of this request.' : 'You may not comment on this request.');
  }
  if (payload.issueKey !== caller.issueKey) return fail('conflict', 'This panel shows another request; reload it.');
  const site = await loadSiteFacts(deps.store, deps.jiraAsApp, deps.now());
  const [issue, stored] = await Promise.all([
    deps.jiraAsApp.getIssue(caller.issueId, { fieldIds: site.fieldIds }),
    readStoredClock(deps.store, caller.issueId),
  ]);
  if (!isServiceRequest(issue)) return fail('not-found', NOT_A_REQUEST);
  if (issue.key !== payload.issueKey) return fail('conflict', 'The request was moved or renamed meanwhile; reload the panel.');
  if (stored.value === null) return fail('conflict', NOT_READY);
  if (stored.value.record.revision !== payload.revision) {
    return fail('conflict', 'The request changed since you loaded the panel; reload it and try again.');
  }
  return ok({ issue, stored, record: stored.value.record, fieldIds: site.fieldIds });
}

/**
 * Stores the clock with `change` applied to it as it is stored at the time of the write: when an
 * event, the sweep or a colleague wrote first, the action is checked (`allowed`) and applied again
 * on their result, or refused as a conflict when it no longer applies.
 */
async function applyToClock(
  deps: AppDeps,
  context: ActionContext,
  allowed: (actions: ClockActions) => string | null,
  change: (record: ClockRecord) => ClockRecord,
): Promise<Envelope<ActionResult>> {
  const result = await writeClock(deps, {
    issue: { id: context.issue.id, key: context.issue.key },
    fieldIds: context.fieldIds,
    seen: { property: context.issue.contractClock, deadlineField: context.issue.contractDeadline },
    stored: context.stored,
    issueFacts: issueFactsOf(context.issue),
    plan: (current) => {
      if (current === null) return { kind: 'refuse', reason: NOT_READY };
      const refusal = allowed(listClockActions(current.record));
      return refusal === null ? { kind: 'write', record: change(current.record), changelog: current.changelog } : { kind: 'refuse', reason: refusal };
    },
  });
  if (result.status === 'refused') return fail('conflict', result.reason);
  if (result.status === 'refetch' || result.item === null) return fail('conflict', NOT_READY);
  return ok({ revision: result.item.record.revision });
}

async function applyAction(
  deps: AppDeps,
  context: ActionContext,
  allowed: (actions: ClockActions) => string | null,
  facts: readonly ClockFact[],
): Promise<Envelope<ActionResult>> {
  const now = deps.now();
  const refusal = allowed(listClockActions(context.record));
  if (refusal !== null) return fail('conflict', refusal);
  return applyToClock(deps, context, allowed, (record) => applyFacts(record, facts, now));
}

const NO_PROMISE = 'The request is not at risk or breached (any more), so there is no new time to promise; reload the panel.';

/**
 * `panel/post-message`: a public JSM reply or an internal note, posted as the agent. A reply that
 * tells the customer a new expected time (`promise`) records it as a promise in the clock's history
 * once the reply is posted (app storage, conditionally: an event or the sweep writing first only
 * makes it apply again), so the panel and the portal show it and the sweep warns before it lapses.
 */
export async function postPanelMessage(deps: AppDeps, caller: PanelCaller, payload: PostMessagePayload): Promise<Envelope<PostMessageResult>> {
  const prepared = await prepareAction(deps, caller, payload, 'ADD_COMMENTS');
  if (!prepared.ok) return prepared;
  const promise = payload.promise;
  if (promise !== undefined) {
    if (payload.visibility !== 'public') {
      return fail('invalid-input', 'A new expected time is told to the customer: post it as a reply.', { visibility: ['Post a promise as a reply to the customer.'] });
    }
    if (!listClockActions(prepared.data.record).promise) return fail('conflict', NO_PROMISE);
    const problem = promiseTimeProblem(new Date(promise.expectedAt), deps.now());
    if (problem !== null) return fail('invalid-input', problem, { 'promise.expectedAt': [problem] });
  }
  const comment = await deps.jiraAsUser(caller.accountId).addRequestComment(caller.issueId, {
    body: payload.body,
    isPublic: payload.visibility === 'public',
  });
  if (comment.isPublic) {
    // Record the first response now, so the panel's reload shows it: through the same rule and id as
    // the comment trigger (the comment read back from Jira; only an agent's public reply counts), so
    // the trigger's later run adds nothing and a customer posting here records nothing.
    await reconcileClock(deps, caller.issueId, { trigger: 'panel', commentId: comment.id });
  }
  if (promise !== undefined && comment.isPublic) {
    // The customer has been told: record it whatever happened to the clock meanwhile (the id is the
    // reply's, so recording it twice changes nothing).
    const fact: ClockFact = {
      kind: 'promise',
      id: `promise:${comment.id}`,
      at: comment.createdAt.toISOString(),
      by: caller.accountId,
      expectedAt: new Date(promise.expectedAt).toISOString(),
      basis: promise.basis,
      commentId: comment.id,
    };
    const stored = await readStoredClock(deps.store, caller.issueId);
    const recorded = await applyToClock(deps, { ...prepared.data, stored }, () => null, (record) => applyFacts(record, [fact], deps.now()));
    if (!recorded.ok) return recorded;
  }
  return ok({ commentId: comment.id, visibility: comment.isPublic ? 'public' : 'internal', promised: promise === undefined ? null : new Date(promise.expectedAt).toISOString() });
}

/** Why a promised time cannot be promised (in the past, or too far ahead); null when it can. */
function promiseTimeProblem(expectedAt: Date, now: Date): string | null {
  if (Number.isNaN(expectedAt.getTime()) || expectedAt.getTime() <= now.getTime()) return 'Pick a time in the future.';
  if (expectedAt.getTime() > now.getTime() + PANEL_LIMITS.promiseMaxDays * 86_400_000) return `Pick a time within ${PANEL_LIMITS.promiseMaxDays} days.`;
  return null;
}

/**
 * `panel/preview-promise`: the instant an agent's choice means — business hours from now in the
 * clock's calendar, or a wall time in their zone — and the "deadline missed" draft naming it, in
 * the customer's language. Stores nothing.
 */
export async function previewPromise(deps: AppDeps, caller: PanelCaller, payload: PreviewPromisePayload): Promise<Envelope<PromisePreview>> {
  const prepared = await prepareAction(deps, caller, payload, 'ADD_COMMENTS');
  if (!prepared.ok) return prepared;
  const { record, issue } = prepared.data;
  if (!listClockActions(record).promise) return fail('conflict', NO_PROMISE);
  const now = deps.now();
  const calendar = calendarInForce(record, now);
  if (calendar === null) return fail('conflict', NO_PROMISE);
  const expectedAt = promisedInstant(payload.promise, calendar, now);
  if (expectedAt === null) return fail('invalid-input', 'Pick a date and a time.', { 'promise.local': ['Pick a date and a time.'] });
  const problem = promiseTimeProblem(expectedAt, now);
  if (problem !== null) return fail('invalid-input', problem, { [payload.promise.basis === 'date-time' ? 'promise.local' : 'promise.hours']: [problem] });
  const [contract, customerLocale] = await Promise.all([
    loadContractTerms(deps.store, issue),
    lookUpLocale(deps.jiraAsApp, issue.reporter?.accountId ?? null),
  ]);
  const me = await deps.jiraAsUser(caller.accountId).getMyself();
  const customer = draftLocale(customerLocale, me.locale ?? caller.locale);
  const draft = composePromiseDraft(record, contract.database, customer, expectedAt);
  if (draft === null) return fail('conflict', NO_PROMISE);
  return ok({
    expectedAt: expectedAt.toISOString(),
    businessMinutes: Math.round(businessMinutesBetween(calendar, now, expectedAt)),
    draft,
    language: customer.language,
    languageOf: customer.languageOf,
  });
}

function promisedInstant(choice: PromiseChoice, calendar: NonNullable<ReturnType<typeof calendarInForce>>, now: Date): Date | null {
  if (choice.basis === 'business-time') return addBusinessMinutes(calendar, now, choice.hours * 60);
  return instantOfWallTime(choice.local, choice.timeZone);
}

const NOT_RUNNING = 'The clock is not running, so it cannot be paused.';
const NOT_PAUSED = 'The clock is not paused by hand, so there is nothing to resume.';
const STOPPED = 'The clock has stopped, so its deadline cannot be extended.';

/** `panel/pause`: a manual pause with a reason. */
export async function pauseClock(deps: AppDeps, caller: PanelCaller, payload: PausePayload): Promise<Envelope<ActionResult>> {
  const prepared = await prepareAction(deps, caller, payload, 'EDIT_ISSUES');
  if (!prepared.ok) return prepared;
  const at = deps.now().toISOString();
  return applyAction(deps, prepared.data, (can) => (can.pause ? null : NOT_RUNNING), [
    { kind: 'manual-pause', id: `manual-pause:${randomUUID()}`, at, by: caller.accountId, reason: payload.reason },
  ]);
}

/** `panel/resume`: ends a manual pause. */
export async function resumeClock(deps: AppDeps, caller: PanelCaller, payload: PausePayload): Promise<Envelope<ActionResult>> {
  const prepared = await prepareAction(deps, caller, payload, 'EDIT_ISSUES');
  if (!prepared.ok) return prepared;
  const at = deps.now().toISOString();
  return applyAction(deps, prepared.data, (can) => (can.resume ? null : NOT_PAUSED), [
    { kind: 'manual-resume', id: `manual-resume:${randomUUID()}`, at, by: caller.accountId, reason: payload.reason },
  ]);
}

/** `panel/extend`: more business minutes for the resolution target, reported as an extension. */
export async function extendDeadline(deps: AppDeps, caller: PanelCaller, payload: ExtendPayload): Promise<Envelope<ActionResult>> {
  const prepared = await prepareAction(deps, caller, payload, 'EDIT_ISSUES');
  if (!prepared.ok) return prepared;
  const at = deps.now().toISOString();
  return applyAction(deps, prepared.data, (can) => (can.extend ? null : STOPPED), [
    { kind: 'extension', id: `extension:${randomUUID()}`, at, by: caller.accountId, reason: payload.reason, minutes: payload.minutes },
  ]);
}

/** The re-apply of the contract's current terms, ready to apply to the clock as stored at the write. */
async function computeReapply(deps: AppDeps, context: ActionContext, actionId: string, by: string, reason: string): Promise<(record: ClockRecord) => ReapplyResult> {
  const contract = await loadContractTerms(deps.store, context.issue);
  const now = deps.now();
  const resolution = contract.termsFor(context.issue, context.issue.createdAt);
  return (current) => reapplyTerms(current, resolution, { id: actionId, at: now, by, reason }, now);
}

/** `panel/preview-reapply`: what re-applying the current contract would change; stores nothing. */
export async function previewReapply(
  deps: AppDeps,
  caller: PanelCaller,
  payload: { issueKey: string; revision: number },
): Promise<Envelope<ReapplyPreview>> {
  const prepared = await prepareAction(deps, caller, payload, 'EDIT_ISSUES');
  if (!prepared.ok) return prepared;
  const me = await deps.jiraAsUser(caller.accountId).getMyself();
  const text = textFor(me.locale ?? caller.locale);
  const record = prepared.data.record;
  const result = (await computeReapply(deps, prepared.data, 'preview', caller.accountId, 'preview'))(record);
  return ok({
    breachesAtOnce: breachesAtOnce(result, deps.now()),
    revision: record.revision,
    changed: result.changed,
    current: { terms: result.current.terms === null ? null : presentTerms(record, result.current.terms, text), deadline: result.current.deadline },
    proposed: {
      terms: result.proposed.terms === null ? null : presentTerms(result.record, result.proposed.terms, text),
      deadline: result.proposed.deadline,
      targetMinutes: result.proposed.targetMinutes,
    },
    explanation: presentExplanation(result.record.terms?.explanation ?? result.record.uncovered?.explanation ?? [], text),
  });
}

/** `panel/reapply`: the current contract's terms for this request; the old terms stay in history. */
export async function reapplyContractTerms(deps: AppDeps, caller: PanelCaller, payload: ReapplyPayload): Promise<Envelope<ActionResult>> {
  const prepared = await prepareAction(deps, caller, payload, 'EDIT_ISSUES');
  if (!prepared.ok) return prepared;
  const reapply = await computeReapply(deps, prepared.data, `reapply:${randomUUID()}`, caller.accountId, payload.reason);
  const late = breachesAtOnce(reapply(prepared.data.record), deps.now());
  if (late !== null && payload.acceptBreach !== true) {
    return fail('confirmation-required', `Re-applying makes this request breached at once, ${late.overdueMinutes} business minutes past its new deadline. Confirm to re-apply anyway.`);
  }
  return applyToClock(deps, prepared.data, () => null, (record) => reapply(record).record);
}

/**
 * When re-applying turns a request that is not breached into a breached one: how far past the new
 * deadline it is at once, in business minutes (issue 11 item 5); null otherwise.
 */
function breachesAtOnce(result: ReapplyResult, now: Date): { overdueMinutes: number } | null {
  if (result.current.state === 'breached' || result.proposed.state !== 'breached') return null;
  const left = describeClock(result.record, now).resolution?.businessMinutesLeft ?? 0;
  return { overdueMinutes: Math.max(0, -left) };
}
