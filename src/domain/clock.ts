/**
 * The contract clock of one request (design §3): start it from resolved terms, feed it facts, evaluate
 * it at an instant, re-apply terms, and survive a garbage `contract-clock` property.
 *
 * Pure: no I/O, no clock (`now` is always a parameter), no Forge. The record is a value: every
 * function returns a new one.
 *
 * Order independence and idempotency, by construction: the record's `history` is a set of facts with
 * stable ids; `applyFacts` merges (a fact already known is a no-op) and `evaluateClock` recomputes every derived
 * field from terms + start + facts in (at, id) order + `now`. So any interleaving, duplication or
 * delay of events gives the same record (`evaluatedAt` and `revision` aside, which the caller owns).
 *
 * History cap (see CLOCK_RECORD_LIMITS): duplicates and facts that can no longer matter are pruned
 * (clock-history.ts). When more than `maxFacts` facts remain, or the record grows past
 * `maxRecordBytes` (UTF-8), the oldest facts are folded into a checkpoint: the clock's variables, the elapsed
 * business time and the exact instants at which the known targets were crossed. Two consequences,
 * both only for requests with ~100 state changes: a fact arriving older than the checkpoint is ignored
 * (counted in `ignoredFacts`), and the pauses before the checkpoint are no longer listed.
 */
import {
  CLOCK_RECORD_LIMITS,
  CLOCK_RECORD_SCHEMA_VERSION,
  clockFactSchema,
  clockRecordSchema,
  type Checkpoint,
  type ClockErrorReason,
  type ClockFact,
  type ClockRecord,
  type ClockState,
  type IssueStatus,
  type Markers,
  type Terms,
  type TermsChange,
  type TermsDigest,
  instantSchema,
} from '../contract/clock-record';
import { z } from 'zod';
import type { PriorityClass } from '../contract/contract-database';
import { CalendarError, NoBusinessTimeError } from './business-time';
import { canonicalJson } from './calendar-cache';
import { analyzeClock, latestReapplyAt } from './clock-analysis';
import { mergeFacts } from './clock-history';
import { derivePromise, latestPromise } from './clock-promise';
import { buildTimeline, calendarOf, finalTargetVariables, findCrossing, MINUTE_MS, toMs, type Timeline } from './clock-timeline';
import type { TermsResolution } from './resolve-terms';
import { utf8ByteLength } from './utf8-length';

/** What starting a clock needs: the resolved terms and the issue as it was created. */
export interface StartClockInput {
  termsResolution: TermsResolution;
  createdAt: Date;
  /** The issue's status (and resolution) at creation. */
  status: IssueStatus;
  now: Date;
  /** Facts already known (e.g. read from the changelog when the created event came late). */
  facts?: readonly ClockFact[];
}

/**
 * Starts the clock of a request at its creation instant with the resolved terms (an `uncovered`
 * resolution gives a record in state `uncovered` that still collects facts, so a later re-apply can
 * start counting from creation).
 *
 * @example
 * const record = startClock({
 *   termsResolution: resolveTerms(db, facts, createdAt),
 *   createdAt,
 *   status: { status: 'Waiting for support', statusCategory: 'new', resolution: null },
 *   now,
 * });
 */
export function startClock(input: StartClockInput): ClockRecord {
  const resolution = input.termsResolution;
  const priority =
    resolution.status === 'uncovered'
      ? { priorityClass: resolution.priorityClass, jiraPriority: resolution.jiraPriority }
      : { priorityClass: resolution.terms.priorityClass, jiraPriority: resolution.terms.jiraPriority };
  const record: ClockRecord = {
    ...emptyDerived(input.now),
    schemaVersion: CLOCK_RECORD_SCHEMA_VERSION,
    revision: 0,
    state: resolution.status === 'uncovered' ? 'uncovered' : 'running',
    startedAt: input.createdAt.toISOString(),
    start: { status: input.status.status, statusCategory: input.status.statusCategory, resolution: input.status.resolution, ...priority },
    terms: resolution.status === 'uncovered' ? null : resolution.terms,
    uncovered: uncoveredOf(resolution),
    error: null,
    history: [],
    checkpoint: null,
    termsHistory: [],
    ignoredFacts: 0,
  };
  return applyFacts(record, input.facts ?? [], input.now);
}

/**
 * Adds facts to the record and re-evaluates it. Facts already present (same id) change nothing; a
 * fact that fails its schema (a malformed event turned into a fact) is replaced by a `problem` fact
 * naming the field, so the record stays valid and people can see what was wrong.
 *
 * @example
 * applyFacts(record, [{ kind: 'status', id: 'changelog:10231:status', at: '2026-03-02T10:00:00Z',
 *   status: 'Waiting for customer', statusCategory: 'indeterminate', resolution: null }], now);
 */
export function applyFacts(record: ClockRecord, facts: readonly ClockFact[], now: Date): ClockRecord {
  // Facts are typed, but callers build them from event payloads: check them anyway.
  const valid = facts.map((fact) => sanitizeFact(fact, now));
  const merged = mergeFacts(record.history, valid, record.checkpoint?.at ?? null);
  const next = compactHistory({ ...record, history: merged.facts, ignoredFacts: record.ignoredFacts + merged.ignored });
  return evaluateClock(next, now);
}

/**
 * Recomputes every derived field (state, deadline, target, response, outcome, resolvedAt, atRiskAt,
 * pauses, retargets, markers) from the stored inputs at `now`. Deterministic: the same inputs and
 * `now` give the same record. A calendar without business time gives state `error` (reason
 * `calendar`), not an exception. Facts stamped after `now` (Jira's clock ahead of ours) still apply;
 * the elapsed time is then measured at the last fact.
 *
 * @example evaluateClock(record, new Date('2026-03-02T12:00:00Z')).state // 'at-risk'
 */
export function evaluateClock(record: ClockRecord, now: Date): ClockRecord {
  const evaluatedAt = now.toISOString();
  const markers = collectMarkers(record.checkpoint?.markers ?? null, record.history);
  const terms = record.terms;
  if (terms === null) {
    return {
      ...record,
      ...emptyDerived(now),
      state: record.uncovered !== null ? 'uncovered' : 'error',
      markers,
    };
  }
  try {
    const a = analyzeClock(record, terms, now.getTime());
    const final = finalTargetVariables(a.timeline.variables);
    const promise = derivePromise(latestPromise(record.history, record.checkpoint), {
      calendar: calendarOf(terms, final.serviceTerms, final.priorityClass),
      resolvedAtMs: a.resolvedAtMs,
      nowMs: now.getTime(),
    });
    return {
      ...record,
      state: a.state,
      error: null,
      deadline: isoOrNull(a.deadlineMs),
      target: a.target,
      response:
        a.response === null
          ? null
          : {
              targetMinutes: Math.round(a.response.targetMs / MINUTE_MS),
              deadline: isoOrNull(a.response.deadlineMs),
              respondedAt: isoOrNull(a.response.respondedAtMs),
              respondedBy: a.response.respondedBy,
              outcome: a.response.outcome,
            },
      outcome: a.outcome,
      resolvedAt: isoOrNull(a.resolvedAtMs),
      atRiskAt: isoOrNull(a.atRiskAtMs),
      pauses: a.pauses,
      retargets: a.retargets,
      markers,
      promise,
      evaluatedAt,
    };
  } catch (error) {
    // Any failure becomes the record's `error` state, never a missing record (issue 10.4): a calendar
    // without business time, or a target the engine cannot place (a deadline beyond its range).
    const reason: ClockErrorReason = error instanceof CalendarError || error instanceof NoBusinessTimeError ? 'calendar' : 'evaluation';
    const detail = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    const same = record.error?.reason === reason && record.error.detail === detail;
    return {
      ...record,
      ...emptyDerived(now),
      state: 'error',
      error: { reason, detail, at: same && record.error !== null ? record.error.at : evaluatedAt },
      markers,
    };
  }
}

/** An agent's explicit "re-apply terms" action: who, when, why, with a stable id. */
export interface ReapplyAction {
  id: string;
  at: Date;
  by: string | null;
  reason: string;
}

/** Before and after of a re-apply, and the new record. */
export interface ReapplyResult {
  /** False when the terms, deadline and state stay the same (the record still logs the action). */
  changed: boolean;
  current: { terms: Terms | null; deadline: string | null; state: ClockState };
  proposed: { terms: Terms | null; deadline: string | null; state: ClockState; targetMinutes: number | null };
  /** The record with the new terms, the old ones kept (as a digest) in `termsHistory`. */
  record: ClockRecord;
}

/**
 * Replaces the terms of a request by newly resolved ones (the only way terms of an existing request
 * change), from its creation on: the elapsed time is recomputed under the new terms. Service changes
 * seen before the action are superseded by it. The same action id twice is a no-op. Use the result's
 * `current`/`proposed` as the preview; store `record` to apply.
 *
 * @example
 * const preview = reapplyTerms(record, resolveTerms(db, facts, createdAt),
 *   { id: 'reapply:8f2c', at: now, by: accountId, reason: 'Contract v4 signed retroactively' }, now);
 * preview.proposed.deadline; // the new deadline
 */
export function reapplyTerms(record: ClockRecord, termsResolution: TermsResolution, action: ReapplyAction, now: Date): ReapplyResult {
  const before = evaluateClock(record, now);
  const current = { terms: before.terms, deadline: before.deadline, state: before.state };
  const actionId = action.id.slice(0, CLOCK_RECORD_LIMITS.factIdMaxLength);
  if (record.termsHistory.some((change) => change.actionId === actionId)) {
    return { changed: false, current, proposed: { ...current, targetMinutes: targetMinutesOf(before) }, record: before };
  }
  const terms = termsResolution.status === 'uncovered' ? null : termsResolution.terms;
  const change: TermsChange = {
    actionId,
    at: action.at.toISOString(),
    by: action.by,
    reason: cleanReason(action.reason),
    previous: record.terms === null ? null : digestTerms(record.terms),
    next: terms === null ? null : digestTerms(terms),
  };
  const termsHistory = [...record.termsHistory, change]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.actionId < b.actionId ? -1 : a.actionId > b.actionId ? 1 : 0))
    .slice(-CLOCK_RECORD_LIMITS.maxTermsHistory);
  const after = evaluateClock(
    {
      ...record,
      terms,
      uncovered: uncoveredOf(termsResolution),
      error: null,
      termsHistory,
      checkpoint: record.checkpoint === null ? null : withoutServiceTerms(record.checkpoint),
    },
    now,
  );
  const changed = canonicalJson(record.terms) !== canonicalJson(terms) || before.deadline !== after.deadline || before.state !== after.state;
  return {
    changed,
    current,
    proposed: { terms: after.terms, deadline: after.deadline, state: after.state, targetMinutes: targetMinutesOf(after) },
    record: after,
  };
}

/** The stored property parsed, or why it cannot be used. */
export type ClockRecordParseResult =
  | { ok: true; record: ClockRecord }
  | { ok: false; reason: Extract<ClockErrorReason, 'malformed-record' | 'unsupported-schema-version'>; detail: string };

/**
 * Parses a stored `contract-clock` property. Garbage (overwritten by someone, truncated, another app's
 * data) is a value with a reason, never an exception; the detail names fields, never their values.
 *
 * @example
 * const parsed = parseClockRecord(property.value);
 * if (!parsed.ok) record = rebuildClockRecord({ ...startInput, problem: parsed });
 */
export function parseClockRecord(value: unknown): ClockRecordParseResult {
  if (typeof value === 'object' && value !== null && 'schemaVersion' in value) {
    const version = value.schemaVersion;
    if (typeof version === 'number' && version > CLOCK_RECORD_SCHEMA_VERSION) {
      return { ok: false, reason: 'unsupported-schema-version', detail: `schemaVersion ${version} is newer than ${CLOCK_RECORD_SCHEMA_VERSION}` };
    }
  }
  const parsed = clockRecordSchema.safeParse(value);
  if (parsed.success) return { ok: true, record: parsed.data };
  const detail = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.')}: ${issue.code}`)
    .join('; ');
  return { ok: false, reason: 'malformed-record', detail: detail.slice(0, 1000) };
}

/** What an error record needs: why, and the issue as far as it is known. */
export interface ErrorRecordInput {
  reason: ClockErrorReason;
  detail: string;
  createdAt: Date;
  status: IssueStatus;
  jiraPriority: string | null;
  priorityClass: PriorityClass;
  now: Date;
}

/**
 * A record in state `error` (no terms): what to store when a broken property cannot be rebuilt yet
 * (e.g. the contract database is unavailable). Facts applied to it are kept; a re-apply or a rebuild
 * gives it terms again.
 *
 * @example createErrorRecord({ reason: 'malformed-record', detail: parsed.detail, createdAt, status, jiraPriority: null, priorityClass: 'P3', now })
 */
export function createErrorRecord(input: ErrorRecordInput): ClockRecord {
  return {
    ...emptyDerived(input.now),
    schemaVersion: CLOCK_RECORD_SCHEMA_VERSION,
    revision: 0,
    state: 'error',
    startedAt: input.createdAt.toISOString(),
    start: {
      status: input.status.status,
      statusCategory: input.status.statusCategory,
      resolution: input.status.resolution,
      jiraPriority: input.jiraPriority,
      priorityClass: input.priorityClass,
    },
    terms: null,
    uncovered: null,
    error: { reason: input.reason, detail: input.detail.slice(0, 1000), at: input.now.toISOString() },
    history: [],
    checkpoint: null,
    termsHistory: [],
    ignoredFacts: 0,
  };
}

/** A rebuild: a fresh start plus the reason the old record was replaced. */
export interface RebuildClockInput extends StartClockInput {
  problem: { reason: ClockErrorReason; detail: string };
}

/**
 * Builds a fresh record for a request whose stored record was unusable: a new start with the given
 * terms and facts (ideally read from the issue's changelog), plus a `problem` fact saying why.
 *
 * @example rebuildClockRecord({ termsResolution, createdAt, status, now, facts: fromChangelog, problem: parsed })
 */
export function rebuildClockRecord(input: RebuildClockInput): ClockRecord {
  const note: ClockFact = {
    kind: 'problem',
    id: `rebuilt:${input.now.toISOString()}`,
    at: input.now.toISOString(),
    reason: 'record-rebuilt',
    detail: `${input.problem.reason}: ${input.problem.detail}`.slice(0, CLOCK_RECORD_LIMITS.reasonMaxLength),
  };
  return startClock({ ...input, facts: [...(input.facts ?? []), note] });
}

/**
 * A compact copy of terms for the history (no calendar definition, no explanation).
 *
 * @example digestTerms(record.terms).summary
 */
export function digestTerms(terms: Terms): TermsDigest {
  return {
    coverage: terms.coverage,
    customer: terms.customer,
    contract: terms.contract,
    contractVersion: terms.contractVersion,
    service: terms.service,
    level: terms.level,
    bespoke: terms.bespoke,
    priorityClass: terms.priorityClass,
    resolutionMinutes: terms.resolutionMinutes,
    ...(terms.responseMinutes === undefined ? {} : { responseMinutes: terms.responseMinutes }),
    calendarRef: terms.calendarRef,
    summary: terms.summary,
  };
}

/** True for the states of an open request with a clock: running, at-risk, paused, breached. */
export function isOpenClockState(state: ClockState): boolean {
  return state === 'running' || state === 'at-risk' || state === 'paused' || state === 'breached';
}

// ---------------------------------------------------------------------------------------------
// Internals

type DerivedFields = Pick<
  ClockRecord,
  'deadline' | 'target' | 'response' | 'outcome' | 'resolvedAt' | 'atRiskAt' | 'pauses' | 'retargets' | 'markers' | 'promise' | 'evaluatedAt'
>;

function emptyDerived(now: Date): DerivedFields {
  return {
    deadline: null,
    target: null,
    response: null,
    outcome: null,
    resolvedAt: null,
    atRiskAt: null,
    pauses: [],
    retargets: [],
    markers: { atRiskNotifiedAt: null, breachedNotifiedAt: null },
    promise: null,
    evaluatedAt: now.toISOString(),
  };
}

function uncoveredOf(resolution: TermsResolution): ClockRecord['uncovered'] {
  return resolution.status === 'uncovered'
    ? { reason: resolution.reason, explanation: resolution.explanation, summary: resolution.summary }
    : null;
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function targetMinutesOf(record: ClockRecord): number | null {
  return record.target === null ? null : record.target.resolutionMinutes + record.target.extensionMinutes;
}

function cleanReason(reason: string): string {
  const trimmed = reason.trim().slice(0, CLOCK_RECORD_LIMITS.reasonMaxLength).trim();
  return trimmed === '' ? '(no reason given)' : trimmed;
}

const factEnvelopeSchema = z.object({ kind: z.string().max(40).catch('unknown'), at: instantSchema.catch('') });

/** A valid fact, or a `problem` fact describing why it is not (deterministic in the fact's content). */
function sanitizeFact(fact: unknown, now: Date): ClockFact {
  const parsed = clockFactSchema.safeParse(fact);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first === undefined || first.path.length === 0 ? '(root)' : first.path.map(String).join('.');
  const envelope = factEnvelopeSchema.safeParse(fact);
  const kind = envelope.success ? envelope.data.kind : 'unknown';
  const at = envelope.success && envelope.data.at !== '' ? new Date(envelope.data.at).toISOString() : now.toISOString();
  return {
    kind: 'problem',
    id: `invalid-fact:${hashText(canonicalJson(fact))}`,
    at,
    reason: 'invalid-fact',
    detail: `A ${kind} fact was malformed at ${where} (${first?.code ?? 'invalid'}) and ignored.`.slice(0, CLOCK_RECORD_LIMITS.reasonMaxLength),
  };
}

/** A short, stable, non-cryptographic hash (FNV-1a, 32 bit) for ids derived from content. */
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The latest notification of each kind, from the checkpoint and the marker facts: the sweep notifies
 * again when a clock turns at risk or breached anew after its last notice (clock-view.ts planSweep).
 */
function collectMarkers(base: Markers | null, facts: readonly ClockFact[]): Markers {
  const markers: Markers = base === null ? { atRiskNotifiedAt: null, breachedNotifiedAt: null } : { ...base };
  for (const fact of facts) {
    if (fact.kind !== 'marker') continue;
    const key = fact.marker === 'at-risk' ? 'atRiskNotifiedAt' : 'breachedNotifiedAt';
    const known = markers[key];
    if (known === null || Date.parse(fact.at) > Date.parse(known)) markers[key] = fact.at;
  }
  return markers;
}

function withoutServiceTerms(checkpoint: Checkpoint): Checkpoint {
  const v = checkpoint.variables;
  return {
    ...checkpoint,
    variables: { ...v, serviceTerms: null, resolved: v.resolved === null ? null : { ...v.resolved, serviceTerms: null } },
  };
}

/** Folds the oldest facts while the history is over its caps (see the module comment). */
function compactHistory(record: ClockRecord): ClockRecord {
  let current = record;
  if (current.history.length > CLOCK_RECORD_LIMITS.maxFacts) {
    current = foldOldest(current, current.history.length - CLOCK_RECORD_LIMITS.foldToFacts);
  }
  // Jira counts the property's bytes: three-byte reasons make a record of 24 000 characters 72 KB.
  const tooLarge = (r: ClockRecord): boolean => utf8ByteLength(JSON.stringify(r)) > CLOCK_RECORD_LIMITS.maxRecordBytes;
  while (current.history.length > 1 && tooLarge(current)) {
    current = foldOldest(current, Math.ceil(current.history.length / 2));
  }
  // Still too large (long reasons on re-applied terms): keep only the latest replaced terms.
  while (current.termsHistory.length > 1 && tooLarge(current)) {
    current = { ...current, termsHistory: current.termsHistory.slice(1) };
  }
  return current;
}

function foldOldest(record: ClockRecord, count: number): ClockRecord {
  const facts = record.history;
  let cut = Math.min(Math.max(count, 1), facts.length);
  // Never split facts of one instant: the checkpoint boundary must be a clean "at or before".
  while (cut < facts.length && facts[cut]?.at === facts[cut - 1]?.at) cut += 1;
  const folded = facts.slice(0, cut);
  const kept = facts.slice(cut);
  const terms = record.terms;
  if (terms === null) {
    // No clock to preserve (uncovered / error): the oldest facts are simply dropped.
    return { ...record, history: kept };
  }
  let timeline: Timeline;
  try {
    timeline = buildTimeline({
      terms,
      start: record.start,
      startedAt: record.startedAt,
      history: folded,
      checkpoint: record.checkpoint,
      supersededUntil: latestReapplyAt(record.termsHistory),
    });
  } catch (error) {
    if (!(error instanceof CalendarError || error instanceof NoBusinessTimeError)) throw error;
    // The clock cannot be computed (state `error`): there is nothing exact to fold into.
    return { ...record, history: kept };
  }
  const thresholds = watchThresholds(terms, timeline.variables).filter((t) => t <= timeline.elapsedMs);
  const crossings = new Map<number, string>();
  for (const c of record.checkpoint?.crossings ?? []) crossings.set(toMs(c.minutes), c.at);
  for (const threshold of thresholds) {
    if (crossings.has(threshold)) continue;
    const crossing = findCrossing(timeline, threshold);
    if (crossing !== null) crossings.set(threshold, new Date(crossing.at).toISOString());
  }
  const checkpoint: Checkpoint = {
    at: new Date(timeline.endMs).toISOString(),
    foldedFacts: (record.checkpoint?.foldedFacts ?? 0) + folded.length,
    elapsedMinutes: timeline.elapsedMs / MINUTE_MS,
    variables: timeline.variables,
    crossings: [...crossings.entries()].sort((a, b) => a[0] - b[0]).map(([ms, at]) => ({ minutes: ms / MINUTE_MS, at })),
    markers: collectMarkers(record.checkpoint?.markers ?? null, folded),
    retargets: [...(record.checkpoint?.retargets ?? []), ...timeline.retargets].slice(-CLOCK_RECORD_LIMITS.maxRetargets),
    promise: latestPromise(folded, record.checkpoint),
  };
  return { ...record, history: kept, checkpoint };
}

/** Thresholds whose crossing instants a checkpoint keeps: every known target, with and without extensions. */
function watchThresholds(terms: Terms, v: Checkpoint['variables']): number[] {
  const tables = [terms.targets, v.serviceTerms?.targets, v.resolved?.serviceTerms?.targets];
  const extensions = new Set([0, v.extensionMinutes, v.resolved?.extensionMinutes ?? 0]);
  const out = new Set<number>();
  for (const table of tables) {
    if (table === undefined) continue;
    for (const target of Object.values(table)) {
      if (target.responseMinutes !== undefined) out.add(toMs(target.responseMinutes));
      for (const extension of extensions) {
        const resolutionMs = toMs(target.resolutionMinutes + extension);
        out.add(resolutionMs);
        out.add(Math.round((resolutionMs * terms.atRiskPercent) / 100));
      }
    }
  }
  return [...out].filter((t) => t > 0);
}
