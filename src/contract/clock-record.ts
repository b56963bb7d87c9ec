/**
 * The contract clock of one request: the zod schema (and inferred types) of the `contract-clock`
 * entity property stored on every issue, plus the terms and explanation values it embeds.
 *
 * Pure zod: no I/O, no Forge imports, no clock. The domain (src/domain/clock.ts and friends) builds and
 * evaluates records; this module only says what a record looks like.
 *
 * A record has three parts:
 * 1. Inputs that are stored: `terms` (frozen when the clock started, replaced only by an explicit
 *    re-apply), `start` (the issue as it was at creation), `history` (the facts seen since — status,
 *    priority and service changes, the first public reply, manual actions, sweep markers, problems —
 *    each with a stable id and its own timestamp), an optional `checkpoint` (folded old facts), and
 *    `termsHistory` (terms replaced by re-apply).
 * 2. Derived fields, recomputed from the inputs by `evaluateClock(record, now)`: `state`, `deadline`,
 *    `target`, `response`, `outcome`, `resolvedAt`, `pauses`, `retargets`, `markers`, `atRiskAt`.
 *    They are stored so JQL (entity property index), queues and the custom field can use them.
 * 3. Bookkeeping: `schemaVersion`, `revision` (owned by the writer; the domain copies it unchanged),
 *    `evaluatedAt`, `ignoredFacts`.
 *
 * States (`state`), in order of precedence for an open request:
 * - `breached` open and past its deadline (paused or not): still actionable;
 * - `paused`   open, not counting (a pause status or a manual pause), deadline not yet passed;
 * - `at-risk`  open, counting, at least the at-risk share (terms.atRiskPercent) of the target used;
 * - `running`  open, counting, below the at-risk threshold;
 * and for the others:
 * - `met`      resolved no later than the deadline (outcome `met`);
 * - `missed`   resolved after the deadline (outcome `breached`);
 * - `uncovered` no contract and no fallback level: no clock runs (`uncovered` says why);
 * - `error`    the record could not be evaluated (bad calendar, garbage property): `error` says why.
 *
 * Size: Jira limits an entity property to 32 KB; the domain keeps a record well under that by capping
 * and folding history (see CLOCK_RECORD_LIMITS).
 */
import { z } from 'zod';
import { calendarDefinitionSchema, type CalendarDefinition } from './calendar';
import { ianaTimeZoneSchema, localDateSchema, priorityClassSchema, targetTableSchema, type PriorityClass } from './contract-database';

/** The version of the record format. */
export const CLOCK_RECORD_SCHEMA_VERSION = 1;

/** The issue entity property key the record is stored under. */
export const CLOCK_RECORD_PROPERTY_KEY = 'contract-clock';

/**
 * Bounds that keep one record a few KB (Jira's entity property limit is 32 KB):
 * - `maxFacts`: beyond it the oldest facts are folded into the checkpoint, down to `foldToFacts`;
 * - `maxProblems`: only the latest problem notes are kept;
 * - `maxTermsHistory`: only the latest replaced terms are kept (as digests);
 * - `maxRetargets`: only the latest re-targets are listed;
 * - `maxRecordBytes`: when the serialised record is still larger (as UTF-8, which is what Jira's
 *   32 KB property limit counts), more facts are folded, then the oldest replaced terms dropped.
 */
export const CLOCK_RECORD_LIMITS = {
  maxFacts: 100,
  foldToFacts: 70,
  maxProblems: 10,
  maxTermsHistory: 5,
  maxRetargets: 20,
  maxRecordBytes: 24_000,
  reasonMaxLength: 500,
  factIdMaxLength: 200,
} as const;

// ---------------------------------------------------------------------------------------------
// Building blocks

/** An ISO-8601 instant with `Z` or an explicit offset, e.g. `2026-12-01T13:00:00.000Z`. */
export const instantSchema = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof instantSchema>;

/** Something with a stable id and the name it had when the record was written. */
export const refSchema = z.object({ id: z.string().min(1).max(200), name: z.string().max(255) });
export type Ref = z.infer<typeof refSchema>;

/** An Atlassian account id, or null for automation and the app itself. */
export const accountIdSchema = z.string().min(1).max(128).nullable();

/** A reason an agent gave, kept in the history. */
export const actionReasonSchema = z.string().trim().min(1).max(CLOCK_RECORD_LIMITS.reasonMaxLength);

/** Why no contract applies to a request. */
export const uncoveredReasonSchema = z.enum([
  'no-organization', // the request has no JSM organization
  'unknown-organization', // no contract names any of the request's organizations
  'contract-not-in-force', // a contract exists, but no version is in force on the creation date (gap, future)
  'contract-expired', // a contract exists, but its last version ended before the creation date
  'service-not-covered', // the request is recognised as a service the contract does not cover
]);
export type UncoveredReason = z.infer<typeof uncoveredReasonSchema>;

/** How an agent picked a promised time: business time from the moment they told the customer, or a date and time. */
export const promiseBasisSchema = z.enum(['business-time', 'date-time']);
export type PromiseBasis = z.infer<typeof promiseBasisSchema>;

/** How the service of a request was recognised. */
export const serviceMatchSchema = z.enum(['request-type', 'component', 'label', 'default']);
export type ServiceMatch = z.infer<typeof serviceMatchSchema>;

/** How the priority class was found: mapped from the Jira priority, or the default class because there was none / it is not in the map. */
export const prioritySourceSchema = z.enum(['mapped', 'missing', 'unmapped']);
export type PrioritySource = z.infer<typeof prioritySourceSchema>;

// ---------------------------------------------------------------------------------------------
// Explanation: every step of terms resolution, structured so the UI can render it in its language.

export const explanationStepSchema = z.discriminatedUnion('kind', [
  /** The request's organizations (none: the request has no organization). */
  z.object({ kind: z.literal('organizations'), organizations: z.array(refSchema) }),
  /** A contract naming one of the organizations was considered and rejected. */
  z.object({
    kind: z.literal('contract-rejected'),
    contract: refSchema,
    customer: refSchema,
    reason: uncoveredReasonSchema,
    /** The creation date in the contract's zone, which no version covers (for not-in-force / expired). */
    date: localDateSchema,
    service: refSchema.nullable(),
  }),
  /** The contract version in force on the creation date. */
  z.object({
    kind: z.literal('contract'),
    customer: refSchema,
    contract: refSchema,
    version: z.number().int().positive(),
    effectiveFrom: localDateSchema,
    effectiveTo: localDateSchema.nullable(),
    /** The creation date in the contract's zone. */
    date: localDateSchema,
    timeZone: ianaTimeZoneSchema,
  }),
  /** Several contracts apply: the strictest (smallest resolution, then response target) wins. */
  z.object({ kind: z.literal('strictest'), candidates: z.array(refSchema), chosen: refSchema }),
  z.object({
    kind: z.literal('service'),
    service: refSchema,
    matchedBy: serviceMatchSchema,
    /** The request type name, component or label that matched; null for the default service. */
    value: z.string().nullable(),
  }),
  /** The level; `revisionFrom`: the date its revision in force was effective from (absent in records written before level revisions). */
  z.object({ kind: z.literal('level'), level: refSchema, bespoke: z.boolean(), revisionFrom: localDateSchema.optional() }),
  z.object({
    kind: z.literal('priority'),
    jiraPriority: z.string().nullable(),
    priorityClass: priorityClassSchema,
    source: prioritySourceSchema,
  }),
  z.object({
    kind: z.literal('target'),
    resolutionMinutes: z.number().int().positive(),
    responseMinutes: z.number().int().positive().nullable(),
    /** True when bespoke terms override the level's target for this class. */
    bespoke: z.boolean(),
  }),
  z.object({ kind: z.literal('calendar'), calendar: refSchema, timeZone: ianaTimeZoneSchema, bespoke: z.boolean() }),
  /** No contract applies; the settings' fallback ("best effort") level does. */
  z.object({ kind: z.literal('fallback'), reason: uncoveredReasonSchema, level: refSchema, revisionFrom: localDateSchema.optional() }),
  /** No contract applies and there is no fallback level. */
  z.object({ kind: z.literal('uncovered'), reason: uncoveredReasonSchema }),
]);
export type ExplanationStep = z.infer<typeof explanationStepSchema>;

// ---------------------------------------------------------------------------------------------
// Terms

/**
 * The service-dependent part of the terms: what a service change swaps. `targets` is the effective
 * table (level targets with bespoke overrides applied) so a priority change can re-target without the
 * contract database; `calendar` is the design §2 definition so anyone can recompute the deadline.
 */
export const serviceTermsSchema = z.object({
  /** null only for fallback terms when no catalogue service matched. */
  service: refSchema.nullable(),
  level: refSchema,
  /** True when the contract overrides the level's targets or calendar for this service. */
  bespoke: z.boolean(),
  targets: targetTableSchema,
  /** The calendar of the class the terms were resolved for (and of every class `otherClassCalendars` does not list). */
  calendarRef: refSchema,
  calendar: calendarDefinitionSchema,
  /**
   * Calendars of other priority classes, when the calendar depends on the class (bespoke terms with a
   * calendar for some classes only, e.g. 24x7 for P1): a priority change then counts on in the new
   * class's calendar without the contract database. Absent when every class counts in `calendar`.
   */
  otherClassCalendars: z
    .array(z.object({ classes: z.array(priorityClassSchema).min(1), calendarRef: refSchema, calendar: calendarDefinitionSchema }))
    .optional(),
});
export type ServiceTerms = z.infer<typeof serviceTermsSchema>;

/**
 * The calendar a priority class counts in under these service terms.
 *
 * @example calendarForClass(terms, 'P2').calendarRef.name // 'ACME office hours'
 */
export function calendarForClass(
  terms: Pick<ServiceTerms, 'calendarRef' | 'calendar' | 'otherClassCalendars'>,
  priorityClass: PriorityClass,
): { calendarRef: Ref; calendar: CalendarDefinition } {
  const other = terms.otherClassCalendars?.find((entry) => entry.classes.includes(priorityClass));
  return other ?? { calendarRef: terms.calendarRef, calendar: terms.calendar };
}

/** The terms a request was created under (or re-applied to it). */
export const termsSchema = serviceTermsSchema.extend({
  /** `contract`: a contract version applies; `fallback`: the settings' best-effort level does. */
  coverage: z.enum(['contract', 'fallback']),
  /** Why the fallback applies; null for contract coverage. */
  fallbackReason: uncoveredReasonSchema.nullable(),
  /** null for fallback terms of a request whose organizations no contract names. */
  customer: refSchema.nullable(),
  contract: refSchema.nullable(),
  contractVersion: z.number().int().positive().nullable(),
  /** The priority class the terms were resolved for, and the Jira priority it came from. */
  priorityClass: priorityClassSchema,
  jiraPriority: z.string().nullable(),
  /** The targets of `priorityClass` (copied from `targets` for readers that want just the numbers). */
  resolutionMinutes: z.number().int().positive(),
  responseMinutes: z.number().int().positive().optional(),
  /** The contract's zone (the calendar's zone for fallback terms): local dates and report months. */
  timeZone: ianaTimeZoneSchema,
  /** Statuses in which the clock pauses (matched case-insensitively). */
  pauseStatuses: z.array(z.string().min(1)),
  /** The at-risk threshold in percent of the resolution target, from the settings at resolution. */
  atRiskPercent: z.number().int().min(1).max(99),
  explanation: z.array(explanationStepSchema),
  /** Plain-English one-liner of the explanation, e.g. "ACME → contract 2026-01 v3 → … → 4 h in '…'". */
  summary: z.string(),
});
export type Terms = z.infer<typeof termsSchema>;

/** A compact copy of replaced terms (no calendar definition, no explanation): what they were. */
export const termsDigestSchema = z.object({
  coverage: z.enum(['contract', 'fallback']),
  customer: refSchema.nullable(),
  contract: refSchema.nullable(),
  contractVersion: z.number().int().positive().nullable(),
  service: refSchema.nullable(),
  level: refSchema,
  bespoke: z.boolean(),
  priorityClass: priorityClassSchema,
  resolutionMinutes: z.number().int().positive(),
  responseMinutes: z.number().int().positive().optional(),
  calendarRef: refSchema,
  summary: z.string(),
});
export type TermsDigest = z.infer<typeof termsDigestSchema>;

// ---------------------------------------------------------------------------------------------
// Facts (the history)

/** Jira's status category keys. `done` means resolved (as does a set resolution). */
export const statusCategorySchema = z.enum(['new', 'indeterminate', 'done', 'undefined']);
export type StatusCategory = z.infer<typeof statusCategorySchema>;

/** The status side of an issue at some instant. */
export const issueStatusSchema = z.object({
  status: z.string().min(1).max(255),
  statusCategory: statusCategorySchema,
  /** The resolution name, null when unresolved. */
  resolution: z.string().min(1).max(255).nullable(),
});
export type IssueStatus = z.infer<typeof issueStatusSchema>;

/** The issue as it was at creation: the clock's starting state. */
export const clockStartSchema = issueStatusSchema.extend({
  jiraPriority: z.string().max(255).nullable(),
  priorityClass: priorityClassSchema,
});
export type ClockStart = z.infer<typeof clockStartSchema>;

const factBase = {
  /** Stable and unique per fact: e.g. `changelog:10231:status`, `comment:10077`, an action id. */
  id: z.string().min(1).max(CLOCK_RECORD_LIMITS.factIdMaxLength),
  /** When it happened (Jira's timestamp), not when the app heard of it. */
  at: instantSchema,
};

/**
 * An agent told the customer a new expected resolution time (after a missed or nearly missed
 * deadline) in a public reply: a promise the app tracks. App-only: it is stored with the clock in
 * app storage, never read back from the issue property. The latest promise is the one in force.
 */
export const promiseFactSchema = z.object({
  kind: z.literal('promise'),
  ...factBase,
  by: accountIdSchema,
  /** The new expected resolution time told to the customer. */
  expectedAt: instantSchema,
  /** How the agent picked it: an amount of business time from `at`, or a date and time. */
  basis: promiseBasisSchema,
  /** The public reply that told the customer; null when it is not known. */
  commentId: z.string().min(1).max(64).nullable(),
});

/**
 * One fact about the request. Facts are a set: a second fact with the same id is ignored, and they are
 * evaluated in (at, id) order whatever order they arrived in.
 */
export const clockFactSchema = z.discriminatedUnion('kind', [
  /** The status (and resolution) became this. */
  z.object({ kind: z.literal('status'), ...factBase, ...issueStatusSchema.shape }),
  /**
   * The Jira priority became this; `priorityClass` mapped with the settings at that time. `by`: the
   * changelog entry's author (absent in facts recorded before issue 11; null for automation).
   */
  z.object({
    kind: z.literal('priority'),
    ...factBase,
    jiraPriority: z.string().max(255).nullable(),
    priorityClass: priorityClassSchema,
    by: accountIdSchema.optional(),
  }),
  /** A service-relevant field changed and terms resolution now gives another service; `by` as for priority. */
  z.object({ kind: z.literal('service'), ...factBase, terms: serviceTermsSchema, by: accountIdSchema.optional() }),
  /** A public agent comment (only the earliest is kept: it is the first response). */
  z.object({ kind: z.literal('public-comment'), ...factBase, by: accountIdSchema }),
  z.object({ kind: z.literal('manual-pause'), ...factBase, by: accountIdSchema, reason: actionReasonSchema }),
  z.object({ kind: z.literal('manual-resume'), ...factBase, by: accountIdSchema, reason: actionReasonSchema }),
  /** An agent extended the resolution target by this many business minutes. */
  z.object({
    kind: z.literal('extension'),
    ...factBase,
    by: accountIdSchema,
    reason: actionReasonSchema,
    minutes: z.number().int().positive().max(525_600),
  }),
  /**
   * The sweep notified that the clock was at risk / breached (only the latest per kind is kept). `at`
   * is when it notified; `crossedAt` the instant the threshold was crossed (the at-risk instant, the
   * deadline) and `percentUsed` the share of the target used then — absent in markers recorded
   * before issue 11.
   */
  z.object({
    kind: z.literal('marker'),
    ...factBase,
    marker: z.enum(['at-risk', 'breached']),
    crossedAt: instantSchema.optional(),
    percentUsed: z.number().nonnegative().max(100_000).optional(),
  }),
  promiseFactSchema,
  /** The sweep warned the team that the promise `promiseId` is about to lapse (once per promise). */
  z.object({ kind: z.literal('promise-warning'), ...factBase, promiseId: z.string().min(1).max(CLOCK_RECORD_LIMITS.factIdMaxLength) }),
  /** Bad input noted for people to see (unknown status, malformed event, …); no effect on the clock. */
  z.object({
    kind: z.literal('problem'),
    ...factBase,
    reason: z.string().min(1).max(64),
    detail: z.string().max(CLOCK_RECORD_LIMITS.reasonMaxLength),
  }),
]);
export type ClockFact = z.infer<typeof clockFactSchema>;
export type ClockFactKind = ClockFact['kind'];
export type PromiseFact = z.infer<typeof promiseFactSchema>;

// ---------------------------------------------------------------------------------------------
// Derived values

export const clockStateSchema = z.enum(['running', 'paused', 'at-risk', 'breached', 'met', 'missed', 'uncovered', 'error']);
export type ClockState = z.infer<typeof clockStateSchema>;

/** A frozen outcome of a target. */
export const outcomeSchema = z.enum(['met', 'breached']);
export type Outcome = z.infer<typeof outcomeSchema>;

/** The target in force: the current (or, once resolved, the final) class, service and minutes. */
export const currentTargetSchema = z.object({
  priorityClass: priorityClassSchema,
  jiraPriority: z.string().nullable(),
  service: refSchema.nullable(),
  level: refSchema,
  bespoke: z.boolean(),
  calendarRef: refSchema,
  /** The class's resolution target, without extensions. */
  resolutionMinutes: z.number().int().positive(),
  responseMinutes: z.number().int().positive().nullable(),
  /** Business minutes added by extensions (counted up to the resolution, when resolved). */
  extensionMinutes: z.number().int().nonnegative(),
  extensions: z.number().int().nonnegative(),
});
export type CurrentTarget = z.infer<typeof currentTargetSchema>;

/** The first-response side of the clock. */
export const responseSchema = z.object({
  /** Minutes of the response target in force (of the class at the response, once responded). */
  targetMinutes: z.number().int().positive(),
  /** null while paused before the deadline passed. */
  deadline: instantSchema.nullable(),
  /** The first public agent comment, or the resolution when that came first. */
  respondedAt: instantSchema.nullable(),
  respondedBy: z.enum(['comment', 'resolution']).nullable(),
  /** null while no response was given. */
  outcome: outcomeSchema.nullable(),
});
export type ResponseStatus = z.infer<typeof responseSchema>;

/** A pause of the clock: a pause status, a manual pause, or the time the request was resolved. */
export const pauseSchema = z.object({
  from: instantSchema,
  /** null while the pause lasts. */
  to: instantSchema.nullable(),
  kind: z.enum(['status', 'manual', 'resolved']),
  /** The status name, the agent's reason, or the resolution name. */
  reason: z.string(),
  by: accountIdSchema,
});
export type Pause = z.infer<typeof pauseSchema>;

/** A target as it stood before / after a re-target. */
export const targetSnapshotSchema = z.object({
  priorityClass: priorityClassSchema,
  serviceId: z.string().nullable(),
  levelId: z.string(),
  resolutionMinutes: z.number().int().positive(),
  responseMinutes: z.number().int().positive().nullable(),
});
export type TargetSnapshot = z.infer<typeof targetSnapshotSchema>;

/** A priority or service change that changed the target; the elapsed business time carried over. */
export const retargetSchema = z.object({
  at: instantSchema,
  cause: z.enum(['priority', 'service']),
  from: targetSnapshotSchema,
  to: targetSnapshotSchema,
  elapsedMinutes: z.number().nonnegative(),
  /** Who changed the priority or the service (the changelog's author); absent when not known, null for automation. */
  by: accountIdSchema.optional(),
});
export type Retarget = z.infer<typeof retargetSchema>;

/** When the sweep last notified (from the latest marker fact of each kind). */
export const markersSchema = z.object({
  atRiskNotifiedAt: instantSchema.nullable(),
  breachedNotifiedAt: instantSchema.nullable(),
});
export type Markers = z.infer<typeof markersSchema>;

/**
 * The promise in force: the latest `promise` fact, as people and the sweep see it. Read by the panel
 * and by the customer portal (issue 13: show `expectedAt` instead of the stale contract deadline
 * while a promise is in force; `state` says whether it still stands).
 *
 * - `pending`: the request is open and the promised time has not passed yet;
 * - `kept`: the request was resolved no later than the promised time;
 * - `lapsed`: the promised time passed with the request still open, or it was resolved later.
 */
export const clockPromiseSchema = z.object({
  /** The promise fact's id (`promise:<uuid>`). */
  id: z.string().min(1).max(CLOCK_RECORD_LIMITS.factIdMaxLength),
  /** When the customer was told. */
  madeAt: instantSchema,
  by: accountIdSchema,
  /** The promised resolution time. */
  expectedAt: instantSchema,
  basis: promiseBasisSchema,
  commentId: z.string().min(1).max(64).nullable(),
  /**
   * When the sweep warns the team (internal note and notification, once): one business hour before
   * `expectedAt` in the clock's calendar, or halfway when less business time was left at the promise.
   */
  warnAt: instantSchema,
  /** When the warning went out; null while not yet. */
  warnedAt: instantSchema.nullable(),
  state: z.enum(['pending', 'kept', 'lapsed']),
});
export type ClockPromise = z.infer<typeof clockPromiseSchema>;

/** Terms replaced by an explicit re-apply: who, when, why, and a digest of the old terms. */
export const termsChangeSchema = z.object({
  /** The re-apply action's id: applying the same action twice is a no-op. */
  actionId: z.string().min(1).max(CLOCK_RECORD_LIMITS.factIdMaxLength),
  at: instantSchema,
  by: accountIdSchema,
  reason: actionReasonSchema,
  previous: termsDigestSchema.nullable(),
  next: termsDigestSchema.nullable(),
});
export type TermsChange = z.infer<typeof termsChangeSchema>;

/** The clock's running variables at an instant; what a checkpoint stores of the folded facts. */
export const clockVariablesSchema = z.object({
  status: issueStatusSchema,
  manualPause: z.object({ since: instantSchema, by: accountIdSchema, reason: z.string() }).nullable(),
  priorityClass: priorityClassSchema,
  jiraPriority: z.string().nullable(),
  /** Service terms from a service fact; null: the record's `terms`. */
  serviceTerms: serviceTermsSchema.nullable(),
  extensionMinutes: z.number().int().nonnegative(),
  extensions: z.number().int().nonnegative(),
  /** While resolved: when, and the target in force then (the outcome is judged by it). */
  resolved: z
    .object({
      at: instantSchema,
      priorityClass: priorityClassSchema,
      jiraPriority: z.string().nullable(),
      serviceTerms: serviceTermsSchema.nullable(),
      extensionMinutes: z.number().int().nonnegative(),
      extensions: z.number().int().nonnegative(),
      /** Business minutes elapsed at the resolution. */
      elapsedMinutes: z.number().nonnegative(),
    })
    .nullable(),
  /** The first response: when, how, the class in force then (it is judged by it) and the time used. */
  response: z
    .object({
      at: instantSchema,
      by: z.enum(['comment', 'resolution']),
      priorityClass: priorityClassSchema,
      elapsedMinutes: z.number().nonnegative(),
    })
    .nullable(),
});
export type ClockVariables = z.infer<typeof clockVariablesSchema>;

/**
 * Old facts folded into a summary when the history outgrew its cap. Facts at or before `at` are no
 * longer kept: one arriving now is ignored (counted in `ignoredFacts`), because it may be a duplicate
 * of a folded one. `crossings` keeps the exact instants at which the elapsed business time reached
 * the targets known at folding time, so deadlines that fell in the folded part stay exact.
 */
export const checkpointSchema = z.object({
  at: instantSchema,
  foldedFacts: z.number().int().positive(),
  elapsedMinutes: z.number().nonnegative(),
  variables: clockVariablesSchema,
  crossings: z.array(z.object({ minutes: z.number().positive(), at: instantSchema })),
  markers: markersSchema,
  retargets: z.array(retargetSchema),
  /** The latest promise among the folded facts, and whether it was warned about (absent before issue 11). */
  promise: z
    .object({ fact: z.lazy(() => promiseFactSchema), warnedAt: instantSchema.nullable() })
    .nullable()
    .optional(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** Why a record is in state `error`. */
export const clockErrorReasonSchema = z.enum([
  'malformed-record', // the stored property did not parse (overwritten, truncated, other app)
  'unsupported-schema-version', // written by a newer version of the app
  'calendar', // the calendar has no business time in the horizon, or does not compile
  'evaluation', // any other failure to evaluate the terms (e.g. a deadline beyond the engine's range)
]);
export type ClockErrorReason = z.infer<typeof clockErrorReasonSchema>;

// ---------------------------------------------------------------------------------------------
// The record

export const clockRecordSchema = z.object({
  schemaVersion: z.literal(CLOCK_RECORD_SCHEMA_VERSION),
  /** Owned by the writer (bumped on each stored change); the domain copies it unchanged. */
  revision: z.number().int().nonnegative().default(0),
  state: clockStateSchema,
  /** The creation instant of the request: the clock starts here. */
  startedAt: instantSchema,
  start: clockStartSchema,
  /** null when uncovered or when a broken record could not be rebuilt. */
  terms: termsSchema.nullable(),
  uncovered: z
    .object({ reason: uncoveredReasonSchema, explanation: z.array(explanationStepSchema), summary: z.string() })
    .nullable(),
  error: z.object({ reason: clockErrorReasonSchema, detail: z.string().max(1000), at: instantSchema }).nullable(),

  // Derived by evaluateClock.
  /** The resolution deadline: null while paused (unless already passed) and when there is no clock. */
  deadline: instantSchema.nullable(),
  target: currentTargetSchema.nullable(),
  /** null when the target has no first-response part. */
  response: responseSchema.nullable(),
  outcome: outcomeSchema.nullable(),
  resolvedAt: instantSchema.nullable(),
  /** The instant the at-risk share of the target is (or was) used; null while paused before it. */
  atRiskAt: instantSchema.nullable(),
  pauses: z.array(pauseSchema),
  retargets: z.array(retargetSchema),
  markers: markersSchema,
  /** The promise to the customer in force, if any (absent in records written before issue 11). */
  promise: clockPromiseSchema.nullable().default(null),
  evaluatedAt: instantSchema,

  // Stored inputs.
  history: z.array(clockFactSchema),
  checkpoint: checkpointSchema.nullable(),
  termsHistory: z.array(termsChangeSchema),
  /** Facts that arrived older than the checkpoint and were ignored. */
  ignoredFacts: z.number().int().nonnegative(),
});
export type ClockRecord = z.infer<typeof clockRecordSchema>;
