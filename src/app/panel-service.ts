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
import { isConsentRequired, isJiraError, isServiceRequest, type IssueSnapshot, type JiraAsApp, type JiraAsUser } from './jira-ports';
import type { ClockFact, ClockRecord } from '../contract/clock-record';
import { fail, ok, type Envelope } from '../contract/envelope';
import type {
  ActionResult,
  ExtendPayload,
  PanelView,
  PausePayload,
  PostMessagePayload,
  PostMessageResult,
  ReapplyPayload,
  ReapplyPreview,
} from '../contract/panel-api';
import { applyFacts, reapplyTerms, type ReapplyResult } from '../domain/clock';
import { listClockActions, type ClockActions } from '../domain/clock-view';
import { readStoredClock, sameProjection, writeClock, type StoredClock } from './clock-store';
import { loadContractTerms } from './contract-terms';
import type { AppDeps } from './deps';
import { reconcileClock } from './reconcile-clock';
import { presentExplanation, presentPanelView, presentTerms } from './panel-view';
import { textFor } from './reader-text';
import { loadSiteFacts } from './site-cache';

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
    // Jira answers 404 for an issue the user may not see, exactly as for one that does not exist.
    if (isJiraError(error) && error.status === 404) return { BROWSE_PROJECTS: false, EDIT_ISSUES: false, ADD_COMMENTS: false, ADMINISTER: false, SERVICEDESK_AGENT: false };
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
  const [can, me] = await Promise.all([permissionsOf(asUser, caller.issueId), asUser.getMyself()]);
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
        plan: () => ({ kind: 'keep' }),
      });
    }
  }
  const [displayNames, customerLocale] = await Promise.all([lookUpDisplayNames(asUser, record), lookUpLocale(deps.jiraAsApp, issue.reporter?.accountId ?? null)]);
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
      now,
    }),
  );
}

async function lookUpDisplayNames(jira: JiraAsUser, record: ClockRecord | null): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const fact of record?.history ?? []) if ('by' in fact && fact.by !== null) ids.add(fact.by);
  for (const change of record?.termsHistory ?? []) if (change.by !== null) ids.add(change.by);
  const names = new Map<string, string>();
  await Promise.all(
    [...ids].slice(0, 10).map(async (id) => {
      const name = await jira.getUserDisplayName(id).catch((error: unknown) => {
        // A name is a nicety, but the consent prompt is not: let Forge's consent error through.
        if (isConsentRequired(error)) throw error;
        return null;
      });
      if (name !== null) names.set(id, name);
    }),
  );
  return names;
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

/** `panel/post-message`: a public JSM reply or an internal note, posted as the agent. */
export async function postPanelMessage(deps: AppDeps, caller: PanelCaller, payload: PostMessagePayload): Promise<Envelope<PostMessageResult>> {
  const prepared = await prepareAction(deps, caller, payload, 'ADD_COMMENTS');
  if (!prepared.ok) return prepared;
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
  return ok({ commentId: comment.id, visibility: comment.isPublic ? 'public' : 'internal' });
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
  return applyToClock(deps, prepared.data, () => null, (record) => reapply(record).record);
}
