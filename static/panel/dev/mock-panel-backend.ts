/**
 * Dev-only: an in-memory stand-in for the panel's resolvers, answering every `panel/...` key the
 * way the contract in src/contract/panel-api.ts says the backend must: payloads parsed with the
 * shared schemas (`invalid-input` with field errors), stale revisions answered with `conflict`,
 * each action recorded in the history and the revision bumped. Clock arithmetic here is a mock
 * (wall minutes), good enough to watch the panel react — the real engine lives in src/domain.
 *
 * Pure: no DOM, no bridge; the harness page wires it to a fake `window.__bridge`.
 */
import { fail, flattenIssues, ok, type Envelope, type ErrorCode } from '../../../src/contract/envelope';
import {
  extendPayloadSchema,
  PANEL_RESOLVER_KEYS,
  pausePayloadSchema,
  postMessagePayloadSchema,
  previewPromisePayloadSchema,
  previewReapplyPayloadSchema,
  reapplyPayloadSchema,
  resumePayloadSchema,
  type PanelHistoryEntry,
  type PanelView,
} from '../../../src/contract/panel-api';
import type { Language } from '../../../src/i18n/messages';
import { buildReapplyPreview, buildScenarioView, FIXTURE_NOW, type Scenario } from './fixtures';

export interface MockOptions {
  scenario: Scenario;
  language: Language;
  isJiraAdmin: boolean;
  /** The agent's zone in the view model (Europe/London by default). */
  agentZone?: string;
  /** Make `panel/get` fail with this code (a load error). */
  failLoad?: ErrorCode;
  /** Make every action fail with this code (e.g. `conflict`, `forbidden`, `invalid-input`). */
  failActions?: ErrorCode;
}

const me = { type: 'user', accountId: '5b10a2844c20165700ede21g', displayName: 'Sanne de Vries' } as const;

function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

export function createMockPanelBackend(options: MockOptions) {
  let view: PanelView = buildScenarioView(options.scenario, options.language, {
    isJiraAdmin: options.isJiraAdmin,
    ...(options.agentZone === undefined ? {} : { agentZone: options.agentZone }),
  });
  let nextCommentId = 10_001;

  function record(entry: Omit<PanelHistoryEntry, 'at' | 'by'>): void {
    view = { ...view, revision: view.revision + 1, history: [{ at: FIXTURE_NOW, by: me, ...entry }, ...view.history] };
  }

  function checkRevision(issueKey: string, revision: number): Envelope<never> | null {
    if (issueKey !== view.issueKey || revision !== view.revision) {
      return fail('conflict', `Revision ${String(revision)} is stale; the record is at revision ${String(view.revision)}.`);
    }
    return null;
  }

  function failAction(): Envelope<never> | null {
    switch (options.failActions) {
      case undefined:
        return null;
      case 'invalid-input':
        return fail('invalid-input', 'The reason contains characters Jira cannot store.', { reason: ['Jira rejected this text.'] });
      default:
        return fail(options.failActions, `Simulated ${options.failActions} answer from the mock backend.`);
    }
  }

  function handle(key: string, payload: unknown): Envelope<unknown> {
    if (key === PANEL_RESOLVER_KEYS.get) {
      return options.failLoad === undefined ? ok(view) : fail(options.failLoad, 'Simulated failure of panel/get.');
    }
    const failed = failAction();
    if (failed !== null) return failed;

    switch (key) {
      case PANEL_RESOLVER_KEYS.postMessage: {
        const parsed = postMessagePayloadSchema.safeParse(payload);
        if (!parsed.success) return fail('invalid-input', 'Invalid message.', flattenIssues(parsed.error.issues));
        const stale = checkRevision(parsed.data.issueKey, parsed.data.revision);
        if (stale !== null) return stale;
        record({ kind: 'message-posted', detail: parsed.data.visibility, reason: null });
        nextCommentId += 1;
        const promise = parsed.data.promise;
        if (promise !== undefined) {
          record({ kind: 'promised', detail: promise.expectedAt, reason: null });
          view = {
            ...view,
            promise: { expectedAt: promise.expectedAt, madeAt: FIXTURE_NOW, by: me, state: 'pending', businessMinutesLeft: Math.round((Date.parse(promise.expectedAt) - Date.parse(FIXTURE_NOW)) / 60_000), warnAt: addMinutes(promise.expectedAt, -60), warnedAt: null },
          };
        }
        return ok({ commentId: String(nextCommentId), visibility: parsed.data.visibility, promised: promise?.expectedAt ?? null });
      }
      case PANEL_RESOLVER_KEYS.previewPromise: {
        const parsed = previewPromisePayloadSchema.safeParse(payload);
        if (!parsed.success) return fail('invalid-input', 'Invalid promise.', flattenIssues(parsed.error.issues));
        const stale = checkRevision(parsed.data.issueKey, parsed.data.revision);
        if (stale !== null) return stale;
        // Mock arithmetic: wall hours, or the wall time read as UTC.
        const choice = parsed.data.promise;
        const expectedAt = choice.basis === 'business-time' ? addMinutes(FIXTURE_NOW, choice.hours * 60) : new Date(`${choice.local}:00Z`).toISOString();
        const minutes = Math.max(0, Math.round((Date.parse(expectedAt) - Date.parse(FIXTURE_NOW)) / 60_000));
        return ok({ expectedAt, businessMinutes: minutes, draft: `${view.drafts.missed ?? ''}\n\n(${expectedAt})`, language: view.drafts.language, languageOf: view.drafts.languageOf });
      }
      case PANEL_RESOLVER_KEYS.previewReapply: {
        const parsed = previewReapplyPayloadSchema.safeParse(payload);
        if (!parsed.success) return fail('invalid-input', 'Invalid preview request.', flattenIssues(parsed.error.issues));
        const stale = checkRevision(parsed.data.issueKey, parsed.data.revision);
        return stale ?? ok(buildReapplyPreview(view, options.language));
      }
      case PANEL_RESOLVER_KEYS.reapply: {
        const parsed = reapplyPayloadSchema.safeParse(payload);
        if (!parsed.success) return fail('invalid-input', 'Invalid re-apply request.', flattenIssues(parsed.error.issues));
        const stale = checkRevision(parsed.data.issueKey, parsed.data.revision);
        if (stale !== null) return stale;
        const preview = buildReapplyPreview(view, options.language);
        const resolution = view.resolution;
        view = {
          ...view,
          state: preview.proposed.terms === null ? 'uncovered' : view.state === 'uncovered' ? 'on-track' : view.state,
          terms: preview.proposed.terms,
          resolution:
            resolution === null || preview.proposed.targetMinutes === null
              ? resolution
              : {
                  ...resolution,
                  targetMinutes: preview.proposed.targetMinutes,
                  deadline: resolution.deadline === null ? null : preview.proposed.deadline,
                  businessMinutesLeft: resolution.businessMinutesLeft - (resolution.targetMinutes - preview.proposed.targetMinutes),
                  percentUsed: ((resolution.targetMinutes - resolution.businessMinutesLeft) / preview.proposed.targetMinutes) * 100,
                },
          explanation: preview.explanation,
        };
        record({ kind: 'reapplied', detail: 'v3 → v4 · 8 h → 6 h', reason: parsed.data.reason });
        return ok({ revision: view.revision });
      }
      case PANEL_RESOLVER_KEYS.pause: {
        const parsed = pausePayloadSchema.safeParse(payload);
        if (!parsed.success) return fail('invalid-input', 'Invalid pause request.', flattenIssues(parsed.error.issues));
        const stale = checkRevision(parsed.data.issueKey, parsed.data.revision);
        if (stale !== null) return stale;
        if (view.resolution === null || !view.can.pause) return fail('conflict', 'The clock is not running.');
        view = {
          ...view,
          state: 'paused',
          resolution: { ...view.resolution, state: 'paused', deadline: null },
          pauses: [...view.pauses, { from: FIXTURE_NOW, to: null, kind: 'manual', reason: parsed.data.reason, by: me }],
          can: { ...view.can, pause: false, resume: true },
        };
        record({ kind: 'paused', detail: null, reason: parsed.data.reason });
        return ok({ revision: view.revision });
      }
      case PANEL_RESOLVER_KEYS.resume: {
        const parsed = resumePayloadSchema.safeParse(payload);
        if (!parsed.success) return fail('invalid-input', 'Invalid resume request.', flattenIssues(parsed.error.issues));
        const stale = checkRevision(parsed.data.issueKey, parsed.data.revision);
        if (stale !== null) return stale;
        if (view.resolution === null || !view.can.resume) return fail('conflict', 'The clock is not paused.');
        const left = view.resolution.businessMinutesLeft;
        view = {
          ...view,
          state: left < 0 ? 'breached' : 'on-track',
          resolution: { ...view.resolution, state: left < 0 ? 'breached' : 'on-track', deadline: addMinutes(FIXTURE_NOW, left) },
          pauses: view.pauses.map((pause) => (pause.to === null ? { ...pause, to: FIXTURE_NOW } : pause)),
          can: { ...view.can, pause: true, resume: false },
        };
        record({ kind: 'resumed', detail: null, reason: parsed.data.reason });
        return ok({ revision: view.revision });
      }
      case PANEL_RESOLVER_KEYS.extend: {
        const parsed = extendPayloadSchema.safeParse(payload);
        if (!parsed.success) return fail('invalid-input', 'Invalid extension.', flattenIssues(parsed.error.issues));
        const stale = checkRevision(parsed.data.issueKey, parsed.data.revision);
        if (stale !== null) return stale;
        const resolution = view.resolution;
        if (resolution === null || !view.can.extend) return fail('conflict', 'The clock has stopped.');
        const { minutes } = parsed.data;
        const targetMinutes = resolution.targetMinutes + minutes;
        const left = resolution.businessMinutesLeft + minutes;
        const state = left < 0 ? 'breached' : left <= targetMinutes * 0.2 ? 'at-risk' : 'on-track';
        view = {
          ...view,
          state: resolution.state === 'paused' ? 'paused' : state,
          resolution: {
            ...resolution,
            state: resolution.state === 'paused' ? 'paused' : state,
            targetMinutes,
            extendedMinutes: resolution.extendedMinutes + minutes,
            businessMinutesLeft: left,
            percentUsed: ((targetMinutes - left) / targetMinutes) * 100,
            deadline: resolution.deadline === null ? null : addMinutes(resolution.deadline, minutes),
          },
        };
        record({ kind: 'extended', detail: `+${String(minutes)} min`, reason: parsed.data.reason });
        return ok({ revision: view.revision });
      }
      default:
        return fail('not-found', `No resolver ${key}.`);
    }
  }

  return {
    handle,
    /** Simulates another agent changing the record (the next action then gets `conflict`). */
    bumpRevision(): void {
      view = { ...view, revision: view.revision + 1 };
    },
  };
}
