/**
 * What people and the sweep see of a clock at an instant: business time left or overdue, share of
 * the target used, per target (resolution and first response); which agent actions make sense; what
 * the sweep must notify and when it must look again. Computed here so the UI never recomputes.
 *
 * Pure: no I/O, no clock (`now` is a parameter), no Forge.
 */
import type { ClockFact, ClockPromise, ClockRecord, ClockState } from '../contract/clock-record';
import { businessMinutesBetween, CalendarError, NoBusinessTimeError, type CompiledCalendar } from './business-time';
import { analyzeClock, type ClockAnalysis } from './clock-analysis';
import { applyFacts, evaluateClock, isOpenClockState } from './clock';
import { promiseWarningOwed } from './clock-promise';
import { calendarOf, finalTargetVariables, MINUTE_MS } from './clock-timeline';

/**
 * What the sweep tells the team about a clock (an internal note and a notification, once each):
 * it turned at risk, its deadline passed, or a promise to the customer is about to lapse.
 */
export type ClockNotice = 'at-risk' | 'breached' | 'promise';

/** The state of one target; `missed` = completed after its deadline. */
export type TargetProgressState = 'running' | 'at-risk' | 'paused' | 'breached' | 'met' | 'missed';

/** One target (resolution or first response) at an instant. */
export interface TargetProgress {
  state: TargetProgressState;
  /** The target in business minutes, extensions included. */
  targetMinutes: number;
  /** Business minutes granted by extensions (0 for the response target). */
  extendedMinutes: number;
  /** null while paused before the deadline passed. */
  deadline: string | null;
  /** Business minutes used, up to now or to completion. */
  elapsedMinutes: number;
  /** Business minutes left (> 0) or overdue (< 0), whole minutes. */
  businessMinutesLeft: number;
  /** Share of the target used, in percent with one decimal; above 100 when overdue. */
  percentUsed: number;
  /** When the target was completed (resolved / responded), else null. */
  completedAt: string | null;
}

/** The clock at an instant, ready to show. */
export interface ClockView {
  state: ClockState;
  resolution: TargetProgress | null;
  response: TargetProgress | null;
  /** The current pause, if the clock stands still. */
  pause: { kind: 'status' | 'manual' | 'resolved'; reason: string; by: string | null; since: string } | null;
  /**
   * The promise to the customer in force, with the business minutes from now to the promised time
   * in the clock's calendar (negative once it passed: how long ago, in business time).
   */
  promise: (ClockPromise & { businessMinutesLeft: number }) | null;
}

/**
 * The clock at `now`: state and, per target, deadline, business minutes left or overdue and share
 * used. For `uncovered` and `error` records both targets are null.
 *
 * @example
 * const view = describeClock(record, now);
 * view.resolution?.businessMinutesLeft; // e.g. 95, or -30 when 30 business minutes overdue
 */
export function describeClock(record: ClockRecord, now: Date): ClockView {
  const terms = record.terms;
  if (terms === null) return { state: record.state, resolution: null, response: null, pause: null, promise: null };
  let a: ClockAnalysis;
  try {
    a = analyzeClock(record, terms, now.getTime());
  } catch (error) {
    if (error instanceof CalendarError || error instanceof NoBusinessTimeError) {
      return { state: 'error', resolution: null, response: null, pause: null, promise: null };
    }
    throw error;
  }
  const nowMs = now.getTime();
  const paused = a.pause !== null;
  const resolution = progress({
    targetMs: a.resolutionTargetMs,
    extendedMinutes: a.target.extensionMinutes,
    deadlineMs: a.deadlineMs,
    elapsedMs: a.elapsedMs,
    completedAtMs: a.resolvedAtMs,
    outcomeMet: a.outcome === null ? null : a.outcome === 'met',
    nowMs,
    paused,
    atRiskThresholdMs: a.atRiskThresholdMs,
  });
  const response =
    a.response === null
      ? null
      : progress({
          targetMs: a.response.targetMs,
          extendedMinutes: 0,
          deadlineMs: a.response.deadlineMs,
          elapsedMs: a.response.elapsedMs,
          completedAtMs: a.response.respondedAtMs,
          outcomeMet: a.response.outcome === null ? null : a.response.outcome === 'met',
          nowMs,
          paused,
          atRiskThresholdMs: Math.round((a.response.targetMs * terms.atRiskPercent) / 100),
        });
  const lastPause = a.pauses[a.pauses.length - 1];
  const pause =
    a.pause !== null && lastPause !== undefined && lastPause.to === null
      ? { kind: a.pause.kind, reason: a.pause.reason, by: a.pause.by, since: lastPause.from }
      : null;
  const evaluated = evaluateClock(record, now).promise;
  let promise: ClockView['promise'] = null;
  if (evaluated !== null) {
    const final = finalTargetVariables(a.timeline.variables);
    const calendar = calendarOf(terms, final.serviceTerms, final.priorityClass);
    const expected = new Date(evaluated.expectedAt);
    const left = nowMs <= expected.getTime() ? businessMinutesBetween(calendar, now, expected) : -businessMinutesBetween(calendar, expected, now);
    promise = { ...evaluated, businessMinutesLeft: Math.round(left) + 0 };
  }
  return { state: a.state, resolution, response, pause, promise };
}

/**
 * The business calendar the clock's resolution target counts in now (the class and service in force
 * decide it: a bespoke 24x7 calendar may apply to P1 only); null without terms or when the calendar
 * does not compile.
 *
 * @example calendarInForce(record, now) // the compiled '24x7' calendar of a bespoke P1 request
 */
export function calendarInForce(record: ClockRecord, now: Date): CompiledCalendar | null {
  if (record.terms === null) return null;
  try {
    const a = analyzeClock(record, record.terms, now.getTime());
    const final = finalTargetVariables(a.timeline.variables);
    return calendarOf(record.terms, final.serviceTerms, final.priorityClass);
  } catch (error) {
    if (error instanceof CalendarError || error instanceof NoBusinessTimeError) return null;
    throw error;
  }
}

/** What the sweep should do for one clock. */
export interface SweepPlan {
  /** The record evaluated at `now` (store it if it differs from the stored one). */
  record: ClockRecord;
  /** The notification to send now (internal comment + notification), or null. */
  notify: ClockNotice | null;
  /** Marker facts to store (applyFacts) before the notification goes out, so it is sent only once. */
  markerFacts: ClockFact[];
  /** When the sweep must look at this clock again (computeNextCheckAt of the marked record). */
  nextCheckAt: string | null;
}

/**
 * The notice an evaluated clock is owed: `breached` when it is breached and its last breach notice
 * (if any) is older than the deadline it passed, `at-risk` likewise for the at-risk instant; else
 * `promise` when the promise to the customer in force reached its warning instant unwarned; null
 * otherwise. So markers decide only *whether to notify*: a clock that a priority downgrade, an
 * extension or a reopen made healthy again, and that turns at risk or breached anew, is owed a new
 * notice — and one that stays breached is not notified twice. One notice per sweep: a second one
 * owed keeps the clock due, so the next sweep sends it.
 *
 * @example pendingNotice(evaluateClock(record, now)) // 'breached'
 */
export function pendingNotice(record: ClockRecord): ClockNotice | null {
  const { atRiskNotifiedAt, breachedNotifiedAt } = record.markers;
  if (record.state === 'breached' && !notifiedSince(breachedNotifiedAt, record.deadline)) return 'breached';
  if (record.state === 'at-risk' && !notifiedSince(atRiskNotifiedAt, record.atRiskAt)) return 'at-risk';
  if (isOpenClockState(record.state) && promiseWarningOwed(record.promise, Date.parse(record.evaluatedAt))) return 'promise';
  return null;
}

function notifiedSince(notifiedAt: string | null, since: string | null): boolean {
  if (notifiedAt === null) return false;
  return since === null || Date.parse(notifiedAt) >= Date.parse(since);
}

/**
 * Decides what the sweep does for a clock at `now`: notify `breached` when owed (marking a pending
 * at-risk notice too, which would be stale news), else `at-risk` when owed, else the promise's lapse
 * warning when owed, else nothing. Marker ids name the episode (`sweep:breached:<deadline>`,
 * `sweep:at-risk:<at-risk instant>`, `sweep:promise:<promise id>`), so two overlapping sweeps add
 * the same fact and a new episode gets a new one. Markers carry the instant the threshold was
 * crossed and the share of the target used then (issue 11 item 7): the notes and the history say
 * when it happened, not when the sweep noticed.
 *
 * @example
 * const plan = planSweep(record, now);
 * if (plan.notify !== null) { store(applyFacts(plan.record, plan.markerFacts, now)); await notify(plan.notify); }
 */
export function planSweep(record: ClockRecord, now: Date): SweepPlan {
  const evaluated = evaluateClock(record, now);
  const at = now.toISOString();
  const notify = pendingNotice(evaluated);
  const markerFacts: ClockFact[] = [];
  const crossing = (instant: string | null, percentUsed: number): { crossedAt?: string; percentUsed: number } =>
    instant === null ? { percentUsed } : { crossedAt: instant, percentUsed };
  const atRiskMarker = (): ClockFact => ({
    kind: 'marker',
    id: `sweep:at-risk:${evaluated.atRiskAt ?? 'unknown'}`,
    at,
    marker: 'at-risk',
    ...crossing(evaluated.atRiskAt, evaluated.terms?.atRiskPercent ?? 0),
  });
  if (notify === 'breached') {
    markerFacts.push({ kind: 'marker', id: `sweep:breached:${evaluated.deadline ?? 'unknown'}`, at, marker: 'breached', ...crossing(evaluated.deadline, 100) });
    if (!notifiedSince(evaluated.markers.atRiskNotifiedAt, evaluated.atRiskAt)) markerFacts.push(atRiskMarker());
  } else if (notify === 'at-risk') {
    markerFacts.push(atRiskMarker());
  } else if (notify === 'promise' && evaluated.promise !== null) {
    markerFacts.push({ kind: 'promise-warning', id: `sweep:promise:${evaluated.promise.id}`, at, promiseId: evaluated.promise.id });
  }
  const marked = markerFacts.length === 0 ? evaluated : applyFacts(evaluated, markerFacts, now);
  return { record: evaluated, notify, markerFacts, nextCheckAt: computeNextCheckAt(marked, now) };
}

/**
 * When the sweep must next look at a record evaluated at `now`, whatever was notified before: `now`
 * when a notice is owed (pendingNotice), else the next instant its state changes by time alone — the
 * at-risk instant of a running clock, just after the deadline of a running or at-risk one, the
 * warning instant of an unwarned promise, just after the promised time of a promise in force — else
 * null (paused, breached and closed clocks without a promise change only by an event). Meant for the
 * sweep's due index, so the sweep never scans every open clock and never loses one.
 *
 * @example computeNextCheckAt(record, now) // '2026-03-02T14:00:00.001Z'
 */
export function computeNextCheckAt(record: ClockRecord, now: Date): string | null {
  if (!isOpenClockState(record.state)) return null;
  if (pendingNotice(record) !== null) return now.toISOString();
  const nowMs = now.getTime();
  const candidates: number[] = [];
  if (record.state === 'running' && record.atRiskAt !== null) candidates.push(Date.parse(record.atRiskAt));
  // Breached means strictly after the deadline: resolving exactly at the deadline still meets it.
  if ((record.state === 'running' || record.state === 'at-risk') && record.deadline !== null) candidates.push(Date.parse(record.deadline) + 1);
  const promise = record.promise;
  if (promise !== null && promise.state === 'pending') {
    if (promise.warnedAt === null) candidates.push(Date.parse(promise.warnAt));
    candidates.push(Date.parse(promise.expectedAt) + 1);
  }
  const future = candidates.filter((t) => t > nowMs);
  return future.length === 0 ? null : new Date(Math.min(...future)).toISOString();
}

/** Which clock actions make sense for a record (the caller adds the user's permissions). */
export interface ClockActions {
  pause: boolean;
  resume: boolean;
  extend: boolean;
  reapply: boolean;
  /** Tell the customer a new expected time, tracked as a promise. */
  promise: boolean;
}

/**
 * The actions the clock allows now: pause (open, covered, not already paused by hand), resume (paused
 * by hand), extend (open and covered), re-apply (always: it is how an uncovered or broken record gets
 * terms), promise (open with a deadline that is at risk or already missed: what the "deadline
 * missed" message is for).
 *
 * @example listClockActions(record) // { pause: true, resume: false, extend: true, reapply: true, promise: false }
 */
export function listClockActions(record: ClockRecord): ClockActions {
  const open = isOpenClockState(record.state) && record.terms !== null;
  const last = record.pauses[record.pauses.length - 1];
  const manual = open && last !== undefined && last.to === null && last.kind === 'manual';
  const late = record.state === 'at-risk' || record.state === 'breached';
  return { pause: open && !manual, resume: manual, extend: open, reapply: true, promise: open && late && record.deadline !== null };
}

// ---------------------------------------------------------------------------------------------

interface ProgressInput {
  targetMs: number;
  extendedMinutes: number;
  deadlineMs: number | null;
  elapsedMs: number;
  completedAtMs: number | null;
  outcomeMet: boolean | null;
  nowMs: number;
  paused: boolean;
  atRiskThresholdMs: number;
}

function progress(input: ProgressInput): TargetProgress {
  const { targetMs, deadlineMs, elapsedMs, completedAtMs, outcomeMet, nowMs } = input;
  let state: TargetProgressState;
  if (outcomeMet !== null) state = outcomeMet ? 'met' : 'missed';
  else if (deadlineMs !== null && nowMs > deadlineMs) state = 'breached';
  else if (input.paused) state = 'paused';
  else if (elapsedMs >= input.atRiskThresholdMs) state = 'at-risk';
  else state = 'running';
  return {
    state,
    targetMinutes: Math.round(targetMs / MINUTE_MS),
    extendedMinutes: input.extendedMinutes,
    deadline: deadlineMs === null ? null : new Date(deadlineMs).toISOString(),
    elapsedMinutes: Math.round((elapsedMs / MINUTE_MS) * 10) / 10,
    // `+ 0` turns -0 (a rounded sliver of overdue time) into 0.
    businessMinutesLeft: Math.round((targetMs - elapsedMs) / MINUTE_MS) + 0,
    percentUsed: Math.round((elapsedMs / targetMs) * 1000) / 10,
    completedAt: completedAtMs === null ? null : new Date(completedAtMs).toISOString(),
  };
}
