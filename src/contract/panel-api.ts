/**
 * The issue panel's resolver API: resolver keys, payload schemas and answer schemas (each answer
 * wrapped in the envelope of ./envelope). The backend (src/entry/panel-resolver) implements exactly
 * this; the Custom UI (static/panel) calls exactly this. The view model is computed by the backend:
 * the panel only formats it and never derives deadlines or states itself.
 *
 * Pure zod: no I/O, no Forge imports, no clock — it is bundled into the browser.
 */
import { z } from 'zod';
import { LANGUAGES } from '../i18n/messages';
import { ianaTimeZoneSchema, localDateSchema, priorityClassSchema } from './building-blocks';
import { envelopeSchema } from './envelope';
import { explanationStepSchema } from './explanation';
import { strictObject } from './strict-object';

/** Resolver keys of the panel, namespaced `panel/...`. */
export const PANEL_RESOLVER_KEYS = {
  get: 'panel/get',
  postMessage: 'panel/post-message',
  previewReapply: 'panel/preview-reapply',
  reapply: 'panel/reapply',
  previewPromise: 'panel/preview-promise',
  pause: 'panel/pause',
  resume: 'panel/resume',
  extend: 'panel/extend',
} as const;
export type PanelResolverKey = (typeof PANEL_RESOLVER_KEYS)[keyof typeof PANEL_RESOLVER_KEYS];

/** Input limits, shared so the UI can show them (counter, max attribute) before the backend rejects. */
export const PANEL_LIMITS = {
  /** A reason is a sentence or two for the history, not an essay. */
  reasonMaxLength: 500,
  /** Well under Jira's 32 767-character comment limit; a reply longer than this is not a status update. */
  messageMaxLength: 5000,
  /** 30 days of business minutes: larger extensions are a contract change, not an extension. */
  extendMaxMinutes: 43_200,
  /** A promised time is at most this many business hours ahead (30 days of business minutes). */
  promiseMaxBusinessHours: 720,
  /** … and at most this many calendar days ahead. */
  promiseMaxDays: 90,
} as const;

// ---------------------------------------------------------------------------------------------
// Building blocks

/** An ISO-8601 instant with `Z` or an explicit offset, e.g. `2026-12-01T13:00:00Z`. */
export const instantSchema = z.iso.datetime({ offset: true });

/** A Jira issue key such as `SUP-42`. */
export const issueKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/, 'Not an issue key.');

/** The record's revision, bumped on every change; 0 means no record is stored yet. */
export const revisionSchema = z.number().int().nonnegative();

/**
 * The state the panel shows, named like JSM's SLA states plus the app's own:
 * `uncovered` (no contract applies) and `error` (the clock could not be computed, see `problem`).
 * From the record's `clockStateSchema` (./clock-record): `running` → `on-track`; `missed` (resolved
 * late) → `breached` with the target's `completedAt` set; the other names are the same.
 */
export const panelStateSchema = z.enum(['on-track', 'at-risk', 'breached', 'paused', 'met', 'uncovered', 'error']);
export type PanelState = z.infer<typeof panelStateSchema>;

/** The state of one target (resolution or first response): the running subset of PanelState. */
export const targetStateSchema = z.enum(['on-track', 'at-risk', 'breached', 'paused', 'met']);
export type TargetState = z.infer<typeof targetStateSchema>;

/** Who did something: a Jira user, or the app itself (triggers, the sweep, status-driven pauses). */
export const actorSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user'), accountId: z.string().min(1), displayName: z.string() }),
  z.object({ type: z.literal('app') }),
]);
export type Actor = z.infer<typeof actorSchema>;

/** The frozen terms of the request, as names ready to show. */
export const panelTermsSchema = z.object({
  /** The customer: the JSM organization(s) whose contract applies, joined by the backend. */
  customer: z.object({ name: z.string().min(1) }),
  contract: z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    /** The version in force when the terms were resolved, e.g. label `v3`, effective from 2026-01-01. */
    version: z.object({
      label: z.string().min(1),
      effectiveFrom: localDateSchema,
      effectiveTo: localDateSchema.nullable(),
    }),
  }),
  service: z.object({ id: z.string().min(1), name: z.string().min(1) }),
  /** The service level; `bespoke` when the contract overrides the level's targets ("maatwerk"). */
  level: z.object({ name: z.string().min(1), bespoke: z.boolean() }),
  priorityClass: priorityClassSchema,
  /** The business calendar the targets count in; its zone is the contract's zone. */
  calendar: z.object({ name: z.string().min(1), timeZone: ianaTimeZoneSchema }),
});
export type PanelTerms = z.infer<typeof panelTermsSchema>;

/** One target of the clock (resolution or first response), as computed by the backend. */
export const panelTargetSchema = z.object({
  state: targetStateSchema,
  /** The target in business minutes, extensions included. */
  targetMinutes: z.number().int().positive(),
  /** Business minutes granted by "extend" actions, included in targetMinutes (0 when none). */
  extendedMinutes: z.number().int().nonnegative(),
  /** The deadline; null while paused, because a paused clock has no fixed deadline. */
  deadline: instantSchema.nullable(),
  /** Business minutes left (> 0) or overdue (< 0) at the moment the view was computed. */
  businessMinutesLeft: z.number().int(),
  /** Share of the target used, in percent; above 100 when overdue. */
  percentUsed: z.number().nonnegative(),
  /** When the target was met or finally breached (the request resolved / responded); else null. */
  completedAt: instantSchema.nullable(),
});
export type PanelTarget = z.infer<typeof panelTargetSchema>;

/** A pause of the clock: by a pause status (actor app, reason the status name) or by hand. */
export const panelPauseSchema = z.object({
  from: instantSchema,
  /** null while the pause lasts. */
  to: instantSchema.nullable(),
  kind: z.enum(['status', 'manual']),
  reason: z.string(),
  by: actorSchema,
});
export type PanelPause = z.infer<typeof panelPauseSchema>;

export const historyKindSchema = z.enum([
  'created', // the clock started with the resolved terms
  'paused',
  'resumed',
  'retargeted', // priority or service changed; detail names old → new
  'reapplied', // an agent re-applied the current contract terms
  'extended', // an agent extended the deadline
  'at-risk', // the sweep found the target mostly used
  'breached',
  'responded', // first public agent reply; response target met
  'resolved',
  'reopened',
  'message-posted', // "tell the customer" posted a reply or note
  'promised', // an agent told the customer a new expected time (a tracked promise); detail names it
  'promise-warned', // the sweep warned the team that the promised time is close
]);
export type HistoryKind = z.infer<typeof historyKindSchema>;

/** One history entry: when, who, what (kind + backend-composed detail), why (the reason given). */
export const panelHistoryEntrySchema = z.object({
  at: instantSchema,
  by: actorSchema,
  kind: historyKindSchema,
  /** Backend-composed specifics in the agent's language, e.g. "P2 → P1, 8 h → 4 h"; null if none. */
  detail: z.string().nullable(),
  /** The reason an agent gave; null for automatic events. */
  reason: z.string().nullable(),
});
export type PanelHistoryEntry = z.infer<typeof panelHistoryEntrySchema>;

// The explanation trail lives in ./explanation.ts (the admin page's preview shows it too, without
// this module's panel schemas in its bundle).
export { explanationStepKindSchema, explanationStepSchema, type ExplanationStep, type ExplanationStepKind } from './explanation';

/**
 * "Tell the customer" drafts composed from the templates in the customer's language (the reporter's
 * Jira locale; the agent's when Jira does not show it); null when not applicable.
 */
export const panelDraftsSchema = z.object({
  /** "We expect to resolve this by …": while the deadline can still be met. */
  expected: z.string().min(1).nullable(),
  /**
   * The honest message naming the agreement and the new expected time: at risk or breached. Posted
   * as a reply, the time it names is recorded as a promise (`missedPromise`, or the one the agent
   * picks through `panel/preview-promise`).
   */
  missed: z.string().min(1).nullable(),
  /** The new expected time the `missed` draft proposes, for the promise picker; null without that draft. */
  missedPromise: z
    .object({
      expectedAt: instantSchema,
      /** The same instant as an `<input type="datetime-local">` value in the agent's zone. */
      local: z.string(),
      /** Whole business hours from now to it (rounded up), for the "in business time" choice. */
      businessHours: z.number().int().nonnegative(),
    })
    .nullable(),
  /**
   * For a request no contract covers: "not covered by your contract; we handle it on a best-effort
   * basis", with the out-of-contract rate when the contract's commercial terms define one.
   */
  uncovered: z.string().min(1).nullable(),
  /** The language the drafts are written in. */
  language: z.enum(LANGUAGES),
  /** Whose language that is: the customer's (from Jira), or the agent's when Jira did not tell. */
  languageOf: z.enum(['customer', 'agent']),
});
export type PanelDrafts = z.infer<typeof panelDraftsSchema>;

/** What the current user may do now, decided by the backend (permission + clock state). */
export const panelPermissionsSchema = z.object({
  postMessage: z.boolean(),
  /** Tell the customer a new expected time and track it as a promise (at risk or breached, open). */
  promise: z.boolean(),
  reapply: z.boolean(),
  pause: z.boolean(),
  resume: z.boolean(),
  extend: z.boolean(),
});
export type PanelPermissions = z.infer<typeof panelPermissionsSchema>;

/** The promise to the customer in force (src/contract/clock-record.ts `clockPromiseSchema`), ready to show. */
export const panelPromiseSchema = z.object({
  expectedAt: instantSchema,
  madeAt: instantSchema,
  by: actorSchema,
  state: z.enum(['pending', 'kept', 'lapsed']),
  /** Business time from now to the promised time; negative once it passed. */
  businessMinutesLeft: z.number().int(),
  /** When the team is (or was) warned before it lapses, and whether that happened. */
  warnAt: instantSchema,
  warnedAt: instantSchema.nullable(),
});
export type PanelPromise = z.infer<typeof panelPromiseSchema>;

/** Why a request has no contract coverage, and what work outside the contract costs. */
export const panelUncoveredSchema = z.object({
  /** The record's uncovered reason (src/contract/clock-record.ts `uncoveredReasonSchema`). */
  reason: z.enum(['no-organization', 'unknown-organization', 'contract-not-in-force', 'contract-expired', 'service-not-covered']),
  /** True when the settings' best-effort level applies (a clock runs); false when no clock runs at all. */
  bestEffort: z.boolean(),
  /** The contract that was considered, when there is one. */
  contract: z.string().nullable(),
  /** The service the contract does not cover, for `service-not-covered`. */
  service: z.string().nullable(),
  /** The out-of-contract rate in the agent's language and currency format; null when the terms define none. */
  rate: z.string().nullable(),
  /** The contract hides prices from the customer (the draft still names the rate: check before posting). */
  pricesHidden: z.boolean(),
});
export type PanelUncovered = z.infer<typeof panelUncoveredSchema>;

// ---------------------------------------------------------------------------------------------
// panel/get

/** `panel/get` takes no input (an unknown key is an error): the issue comes from the Forge context, never from the payload. */
export const panelGetPayloadSchema = strictObject({});
export type PanelGetPayload = z.infer<typeof panelGetPayloadSchema>;

/** Everything the panel shows, in one answer. */
export const panelViewSchema = z.object({
  issueKey: issueKeySchema,
  state: panelStateSchema,
  /** Pass back with every action; the backend answers `conflict` when the record changed since. */
  revision: revisionSchema,
  viewer: z.object({
    /** The agent's own zone (Jira profile), used for the first deadline line. */
    timeZone: ianaTimeZoneSchema,
    /** Admins see a link to the settings page when the request is uncovered. */
    isJiraAdmin: z.boolean(),
  }),
  /** null when uncovered or in error. */
  terms: panelTermsSchema.nullable(),
  resolution: panelTargetSchema.nullable(),
  /** null when the terms have no first-response target. */
  response: panelTargetSchema.nullable(),
  pauses: z.array(panelPauseSchema),
  /** Newest first. */
  history: z.array(panelHistoryEntrySchema),
  explanation: z.array(explanationStepSchema),
  drafts: panelDraftsSchema,
  /** The promise to the customer in force, shown instead of the stale deadline; null when none. */
  promise: panelPromiseSchema.nullable(),
  /** Why no contract covers the request, for a request without contract coverage (uncovered or best effort); else null. */
  uncovered: panelUncoveredSchema.nullable(),
  can: panelPermissionsSchema,
  /** For state `error`: what went wrong, in the agent's language (e.g. "the calendar has no business time"). */
  problem: z.string().nullable(),
});
export type PanelView = z.infer<typeof panelViewSchema>;

// ---------------------------------------------------------------------------------------------
// Action payloads (strict: an unknown key is an error naming it). Every action carries the issueKey
// the panel shows and the revision it last loaded: the backend takes the issue from the Forge context, answers `conflict` when either
// differs (the agent looked at something that is no longer true) and changes nothing then.

/** A non-empty, trimmed reason for the history. */
export const reasonSchema = z
  .string()
  .trim()
  .min(1, 'Enter a reason.')
  .max(PANEL_LIMITS.reasonMaxLength, `At most ${PANEL_LIMITS.reasonMaxLength} characters.`);

/** A non-empty, trimmed message body for the customer or the team. */
export const messageBodySchema = z
  .string()
  .trim()
  .min(1, 'Enter a message.')
  .max(PANEL_LIMITS.messageMaxLength, `At most ${PANEL_LIMITS.messageMaxLength} characters.`);

export const messageVisibilitySchema = z.enum(['public', 'internal']);
export type MessageVisibility = z.infer<typeof messageVisibilitySchema>;

/** A promised time as the agent picked it: business hours from now, or a wall time in their zone. */
export const promiseChoiceSchema = z.discriminatedUnion('basis', [
  strictObject({
    basis: z.literal('business-time'),
    hours: z
      .number()
      .int('Whole hours only.')
      .positive('Enter a number of hours greater than 0.')
      .max(PANEL_LIMITS.promiseMaxBusinessHours, `At most ${PANEL_LIMITS.promiseMaxBusinessHours} hours.`),
  }),
  strictObject({
    basis: z.literal('date-time'),
    /** `YYYY-MM-DDTHH:mm`, as an `<input type="datetime-local">` gives it. */
    local: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Pick a date and a time.'),
    /** The zone the wall time is in (the agent's Jira zone, which the panel shows it in). */
    timeZone: ianaTimeZoneSchema,
  }),
]);
export type PromiseChoice = z.infer<typeof promiseChoiceSchema>;
export type PromiseBasis = PromiseChoice['basis'];

export const postMessagePayloadSchema = strictObject({
  issueKey: issueKeySchema,
  body: messageBodySchema,
  /** `public`: a JSM reply the customer sees; `internal`: a note for agents only. */
  visibility: messageVisibilitySchema,
  revision: revisionSchema,
  /**
   * The new expected time the reply tells the customer (from `panel/preview-promise` or the draft's
   * `missedPromise`): recorded as a promise once the reply is posted. Only with a public reply.
   */
  promise: strictObject({ expectedAt: instantSchema, basis: z.enum(['business-time', 'date-time']) }).optional(),
});
export type PostMessagePayload = z.infer<typeof postMessagePayloadSchema>;

export const previewReapplyPayloadSchema = strictObject({
  issueKey: issueKeySchema,
  revision: revisionSchema,
});
export type PreviewReapplyPayload = z.infer<typeof previewReapplyPayloadSchema>;

export const reapplyPayloadSchema = strictObject({
  issueKey: issueKeySchema,
  revision: revisionSchema,
  reason: reasonSchema,
  /** Re-apply even though the request becomes breached at once (the preview's `breachesAtOnce`). */
  acceptBreach: z.boolean().optional(),
});

export const previewPromisePayloadSchema = strictObject({
  issueKey: issueKeySchema,
  revision: revisionSchema,
  promise: promiseChoiceSchema,
});
export type PreviewPromisePayload = z.infer<typeof previewPromisePayloadSchema>;
export type ReapplyPayload = z.infer<typeof reapplyPayloadSchema>;

export const pausePayloadSchema = strictObject({
  issueKey: issueKeySchema,
  revision: revisionSchema,
  reason: reasonSchema,
});
export type PausePayload = z.infer<typeof pausePayloadSchema>;

export const resumePayloadSchema = pausePayloadSchema;
export type ResumePayload = z.infer<typeof resumePayloadSchema>;

export const extendPayloadSchema = strictObject({
  issueKey: issueKeySchema,
  revision: revisionSchema,
  /** Business minutes added to the resolution target. */
  minutes: z
    .number()
    .int('Whole minutes only.')
    .positive('Enter a positive number of minutes.')
    .max(PANEL_LIMITS.extendMaxMinutes, `At most ${PANEL_LIMITS.extendMaxMinutes} minutes.`),
  reason: reasonSchema,
});
export type ExtendPayload = z.infer<typeof extendPayloadSchema>;

// ---------------------------------------------------------------------------------------------
// Action answers

/** What re-applying the current contract terms would change; nothing is stored by the preview. */
export const reapplyPreviewSchema = z.object({
  /** The revision the preview was computed from; `panel/reapply` must send the same. */
  revision: revisionSchema,
  /** False when the current contract gives the same terms and deadline. */
  changed: z.boolean(),
  current: z.object({ terms: panelTermsSchema.nullable(), deadline: instantSchema.nullable() }),
  /** terms null: no contract applies any more, the request would become uncovered. */
  proposed: z.object({
    terms: panelTermsSchema.nullable(),
    deadline: instantSchema.nullable(),
    targetMinutes: z.number().int().positive().nullable(),
  }),
  /** Why the proposed terms apply. */
  explanation: z.array(explanationStepSchema),
  /**
   * Re-applying makes a request that is not breached now breached at once: by this many business
   * minutes past the new deadline. `panel/reapply` then needs `acceptBreach`. Null otherwise.
   */
  breachesAtOnce: z.object({ overdueMinutes: z.number().int().nonnegative() }).nullable(),
});
export type ReapplyPreview = z.infer<typeof reapplyPreviewSchema>;

/** The answer of every clock action (reapply, pause, resume, extend): the record's new revision. */
export const actionResultSchema = z.object({ revision: revisionSchema });
export type ActionResult = z.infer<typeof actionResultSchema>;

export const postMessageResultSchema = z.object({
  commentId: z.string().min(1),
  visibility: messageVisibilitySchema,
  /** The promise recorded with the reply (its promised time); null when the reply made none. */
  promised: instantSchema.nullable(),
});

/** The promised time an agent picked, and the `missed` draft naming it, in the customer's language. */
export const promisePreviewSchema = z.object({
  expectedAt: instantSchema,
  /** Business minutes from now to the promised time in the clock's calendar. */
  businessMinutes: z.number().int().nonnegative(),
  draft: z.string().min(1),
  language: z.enum(LANGUAGES),
  languageOf: z.enum(['customer', 'agent']),
});
export type PromisePreview = z.infer<typeof promisePreviewSchema>;
export type PostMessageResult = z.infer<typeof postMessageResultSchema>;

// ---------------------------------------------------------------------------------------------
// The whole API in one table: payload and data schema per key, used by the UI's typed invoke and
// by the backend's resolver definitions (and the manifest-contract test).

export const panelApi = {
  [PANEL_RESOLVER_KEYS.get]: { payload: panelGetPayloadSchema, data: panelViewSchema },
  [PANEL_RESOLVER_KEYS.postMessage]: { payload: postMessagePayloadSchema, data: postMessageResultSchema },
  [PANEL_RESOLVER_KEYS.previewReapply]: { payload: previewReapplyPayloadSchema, data: reapplyPreviewSchema },
  [PANEL_RESOLVER_KEYS.reapply]: { payload: reapplyPayloadSchema, data: actionResultSchema },
  [PANEL_RESOLVER_KEYS.previewPromise]: { payload: previewPromisePayloadSchema, data: promisePreviewSchema },
  [PANEL_RESOLVER_KEYS.pause]: { payload: pausePayloadSchema, data: actionResultSchema },
  [PANEL_RESOLVER_KEYS.resume]: { payload: resumePayloadSchema, data: actionResultSchema },
  [PANEL_RESOLVER_KEYS.extend]: { payload: extendPayloadSchema, data: actionResultSchema },
} as const satisfies Record<PanelResolverKey, { payload: z.ZodType; data: z.ZodType }>;
export type PanelApi = typeof panelApi;

/** Envelope schemas of every answer, e.g. `panelAnswerSchemas['panel/get'].parse(raw)`. */
export const panelAnswerSchemas = {
  [PANEL_RESOLVER_KEYS.get]: envelopeSchema(panelViewSchema),
  [PANEL_RESOLVER_KEYS.postMessage]: envelopeSchema(postMessageResultSchema),
  [PANEL_RESOLVER_KEYS.previewReapply]: envelopeSchema(reapplyPreviewSchema),
  [PANEL_RESOLVER_KEYS.reapply]: envelopeSchema(actionResultSchema),
  [PANEL_RESOLVER_KEYS.previewPromise]: envelopeSchema(promisePreviewSchema),
  [PANEL_RESOLVER_KEYS.pause]: envelopeSchema(actionResultSchema),
  [PANEL_RESOLVER_KEYS.resume]: envelopeSchema(actionResultSchema),
  [PANEL_RESOLVER_KEYS.extend]: envelopeSchema(actionResultSchema),
} as const satisfies Record<PanelResolverKey, z.ZodType>;

/** The payload type of a panel resolver key (the input side of the schema). */
export type PanelPayload<K extends PanelResolverKey> = z.input<PanelApi[K]['payload']>;
/** The data type a panel resolver key answers with inside `{ ok: true, data }`. */
export type PanelData<K extends PanelResolverKey> = z.infer<PanelApi[K]['data']>;
