/**
 * What people and the sweep see of a clock at an instant: business time left or overdue, share of
 * the target used, per target (resolution and first response); which agent actions make sense; what
 * the sweep must notify and when it must look again. Computed here so the UI never recomputes.
 *
 * Pure: no I/O, no clock (`now` is a parameter), no Forge.
 */
import type { ClockFact, ClockRecord, ClockState } from '../contract/clock-record';
import { CalendarError, NoBusinessTimeError } from './business-time';
import { analyzeClock, type ClockAnalysis } from './clock-analysis';
import { evaluateClock, isOpenClockState } from './clock';
import { MINUTE_MS } from './clock-timeline';

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
  if (terms === null) return { state: record.state, resolution: null, response: null, pause: null };
  let a: ClockAnalysis;
  try {
    a = analyzeClock(record, terms, now.getTime());
  } catch (error) {
    if (error instanceof CalendarError || error instanceof NoBusinessTimeError) {
      return { state: 'error', resolution: null, response: null, pause: null };
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
  return { state: a.state, resolution, response, pause };
}

/** What the sweep should do for one clock. */
export interface SweepPlan {
  /** The record evaluated at `now` (store it if it differs from the stored one). */
  record: ClockRecord;
  /** The notification to send now (internal comment + notification), or null. */
  notify: 'at-risk' | 'breached' | null;
  /** Marker facts to apply (applyFacts) once the notification went out, so it is sent only once. */
  markerFacts: ClockFact[];
  /** When the sweep should look at this clock again without an event; null: only after an event. */
  nextCheckAt: string | null;
}

/**
 * Decides what the sweep does for a clock at `now`: notify `breached` once (this also marks at-risk,
 * which would be stale news), else notify `at-risk` once, else nothing. Marker ids are fixed per kind
 * (`sweep:at-risk`, `sweep:breached`), so two overlapping sweeps add the same fact.
 *
 * @example
 * const plan = planSweep(record, now);
 * if (plan.notify !== null) { await notify(plan.notify); store(applyFacts(plan.record, plan.markerFacts, now)); }
 */
export function planSweep(record: ClockRecord, now: Date): SweepPlan {
  const evaluated = evaluateClock(record, now);
  const at = now.toISOString();
  const { atRiskNotifiedAt, breachedNotifiedAt } = evaluated.markers;
  let notify: SweepPlan['notify'] = null;
  const markerFacts: ClockFact[] = [];
  if (evaluated.state === 'breached' && breachedNotifiedAt === null) {
    notify = 'breached';
    markerFacts.push({ kind: 'marker', id: 'sweep:breached', at, marker: 'breached' });
    if (atRiskNotifiedAt === null) markerFacts.push({ kind: 'marker', id: 'sweep:at-risk', at, marker: 'at-risk' });
  } else if (evaluated.state === 'at-risk' && atRiskNotifiedAt === null) {
    notify = 'at-risk';
    markerFacts.push({ kind: 'marker', id: 'sweep:at-risk', at, marker: 'at-risk' });
  }
  return { record: evaluated, notify, markerFacts, nextCheckAt: computeNextCheckAt(evaluated) };
}

/**
 * When an evaluated record will next need the sweep without any event: the at-risk instant (if not yet
 * notified) or just after the deadline (if the breach is not yet notified). Null for closed clocks and
 * for paused ones (an event will re-evaluate them). A past instant means "due now". Meant for the
 * sweep's storage index, so the sweep never scans Jira.
 *
 * @example computeNextCheckAt(record) // '2026-03-02T14:00:00.001Z'
 */
export function computeNextCheckAt(record: ClockRecord): string | null {
  if (!isOpenClockState(record.state)) return null;
  const candidates: number[] = [];
  const { atRiskNotifiedAt, breachedNotifiedAt } = record.markers;
  if (atRiskNotifiedAt === null && breachedNotifiedAt === null && record.atRiskAt !== null) {
    candidates.push(Date.parse(record.atRiskAt));
  }
  // Breached means strictly after the deadline: resolving exactly at the deadline still meets it.
  if (breachedNotifiedAt === null && record.deadline !== null) candidates.push(Date.parse(record.deadline) + 1);
  if (candidates.length === 0) return null;
  return new Date(Math.min(...candidates)).toISOString();
}

/** Which clock actions make sense for a record (the caller adds the user's permissions). */
export interface ClockActions {
  pause: boolean;
  resume: boolean;
  extend: boolean;
  reapply: boolean;
}

/**
 * The actions the clock allows now: pause (open, covered, not already paused by hand), resume (paused
 * by hand), extend (open and covered), re-apply (always: it is how an uncovered or broken record gets
 * terms).
 *
 * @example listClockActions(record) // { pause: true, resume: false, extend: true, reapply: true }
 */
export function listClockActions(record: ClockRecord): ClockActions {
  const open = isOpenClockState(record.state) && record.terms !== null;
  const last = record.pauses[record.pauses.length - 1];
  const manual = open && last !== undefined && last.to === null && last.kind === 'manual';
  return { pause: open && !manual, resume: manual, extend: open, reapply: true };
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
