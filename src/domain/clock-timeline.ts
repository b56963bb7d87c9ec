/**
 * The timeline of a contract clock: the facts of a record, walked in (at, id) order, cut into
 * segments during which nothing changes (the clock runs in one calendar, or stands still for one
 * reason). Deadlines are the instants at which the elapsed business time crosses a threshold.
 *
 * Pure: no I/O, no clock (every instant is a parameter). Internal to the clock modules; the public
 * API is in clock.ts.
 *
 * Semantics (design §3):
 * - the clock starts at creation and counts business time of the calendar in force;
 * - it stands still while resolved (status category `done` or a resolution set), while manually
 *   paused, and while the status is one of the terms' pause statuses — in that order of precedence
 *   for the pause's reported kind;
 * - a priority or service change re-targets: the elapsed business time carries over and the deadline
 *   is the instant at which elapsed time reaches the new target (it may already lie in the past);
 * - the outcome is judged at the last resolution: facts after it only matter after a reopen;
 * - the first response is the first public agent comment or the resolution, whichever came first,
 *   judged against the response target of the class in force at that moment.
 * Time is counted in whole milliseconds (as the engine does), so sums and comparisons are exact.
 */
import type {
  Checkpoint,
  ClockFact,
  ClockStart,
  ClockVariables,
  IssueStatus,
  Retarget,
  ServiceTerms,
  TargetSnapshot,
  Terms,
} from '../contract/clock-record';
import type { PriorityClass } from '../contract/contract-database';
import { calendarForClass } from '../contract/clock-record';
import { addBusinessMinutes, businessMinutesBetween, type CompiledCalendar } from './business-time';
import { compileCalendarOnce } from './calendar-cache';

export const MINUTE_MS = 60_000;

/** Why the clock stands still during a segment; null while it runs. */
export interface PauseTag {
  kind: 'status' | 'manual' | 'resolved';
  reason: string;
  by: string | null;
}

/** A stretch `[from, to)` of the timeline in which nothing changes; the last one is open (`to` null). */
export interface Segment {
  from: number;
  to: number | null;
  calendar: CompiledCalendar;
  pause: PauseTag | null;
  /** Business ms counted in a closed running segment (0 otherwise). */
  businessMs: number;
}

export interface TimelineInput {
  terms: Terms;
  start: ClockStart;
  startedAt: string;
  /** Sorted by compareFacts and normalised. */
  history: readonly ClockFact[];
  checkpoint: Checkpoint | null;
  /** Service facts at or before this instant (ms) are superseded by a re-apply; null: none. */
  supersededUntil: number | null;
}

export interface Timeline {
  terms: Terms;
  checkpoint: Checkpoint | null;
  /** Where the walk starts: the creation instant, or the checkpoint. */
  originMs: number;
  /** Elapsed business ms at the origin (0, or the checkpoint's). */
  originElapsedMs: number;
  /** Closed segments in order, then the open one. */
  segments: Segment[];
  /** Start of the open segment (the last fact's instant, or the origin). */
  endMs: number;
  /** Elapsed business ms at `endMs`. */
  elapsedMs: number;
  /** The clock's variables after the last fact. */
  variables: ClockVariables;
  /** Re-targets seen in this walk (not those of the checkpoint). */
  retargets: Retarget[];
}

/** The target-defining part of the variables: what is frozen at resolution. */
export interface TargetVariables {
  priorityClass: PriorityClass;
  jiraPriority: string | null;
  serviceTerms: ServiceTerms | null;
  extensionMinutes: number;
  extensions: number;
}

/**
 * Walks the facts and builds the timeline. Throws the engine's CalendarError / NoBusinessTimeError
 * for a calendar that does not compile or has no business time.
 */
export function buildTimeline(input: TimelineInput): Timeline {
  const { terms, checkpoint } = input;
  const originMs = checkpoint === null ? Date.parse(input.startedAt) : Date.parse(checkpoint.at);
  const originElapsedMs = checkpoint === null ? 0 : toMs(checkpoint.elapsedMinutes);
  const variables = checkpoint === null ? initialVariables(input.start, input.startedAt) : cloneVariables(checkpoint.variables);
  const segments: Segment[] = [];
  const retargets: Retarget[] = [];
  let cursor = originMs;
  let elapsed = originElapsedMs;

  for (const fact of input.history) {
    const at = Math.max(Date.parse(fact.at), originMs);
    if (at > cursor) {
      const segment = closedSegment(terms, variables, cursor, at);
      segments.push(segment);
      elapsed += segment.businessMs;
      cursor = at;
    }
    applyFact(input, variables, fact, at, elapsed, retargets);
  }
  segments.push({
    from: cursor,
    to: null,
    calendar: calendarOf(terms, variables.serviceTerms, variables.priorityClass),
    pause: pauseTagOf(terms, variables),
    businessMs: 0,
  });
  return { terms, checkpoint, originMs, originElapsedMs, segments, endMs: cursor, elapsedMs: elapsed, variables, retargets };
}

/** Where a threshold was crossed: exactly, or projected from the open segment (a future deadline). */
export interface Crossing {
  at: number;
  projected: boolean;
}

/**
 * The instant at which the elapsed business time reaches `thresholdMs`: found in a closed segment,
 * projected through the open one when the clock runs, or null when it stands still before reaching it.
 * A threshold already reached at the checkpoint uses the checkpoint's recorded crossing, or the
 * checkpoint instant when that threshold was not recorded (documented approximation).
 */
export function findCrossing(timeline: Timeline, thresholdMs: number): Crossing | null {
  if (thresholdMs <= timeline.originElapsedMs) {
    const recorded = timeline.checkpoint?.crossings.find((c) => toMs(c.minutes) === thresholdMs);
    return { at: recorded === undefined ? timeline.originMs : Date.parse(recorded.at), projected: false };
  }
  let elapsed = timeline.originElapsedMs;
  for (const segment of timeline.segments) {
    if (segment.pause !== null) continue;
    if (segment.to === null) {
      const at = addBusinessMinutes(segment.calendar, new Date(segment.from), (thresholdMs - elapsed) / MINUTE_MS).getTime();
      return { at, projected: true };
    }
    if (elapsed + segment.businessMs >= thresholdMs) {
      const at = addBusinessMinutes(segment.calendar, new Date(segment.from), (thresholdMs - elapsed) / MINUTE_MS).getTime();
      return { at: Math.min(at, segment.to), projected: false };
    }
    elapsed += segment.businessMs;
  }
  return null;
}

/** Elapsed business ms at an instant (instants before the origin count as the origin). */
export function elapsedAt(timeline: Timeline, instantMs: number): number {
  let elapsed = timeline.originElapsedMs;
  for (const segment of timeline.segments) {
    if (instantMs <= segment.from) break;
    if (segment.pause !== null) continue;
    if (segment.to !== null && segment.to <= instantMs) {
      elapsed += segment.businessMs;
    } else {
      elapsed += toMs(businessMinutesBetween(segment.calendar, new Date(segment.from), new Date(instantMs)));
      break;
    }
  }
  return elapsed;
}

/** The target-defining variables in force: frozen at the resolution when resolved, else current. */
export function finalTargetVariables(variables: ClockVariables): TargetVariables {
  return variables.resolved ?? variables;
}

/** The service terms in force for target variables: a service fact's, else the record's terms. */
export function serviceTermsOf(terms: Terms, target: Pick<TargetVariables, 'serviceTerms'>): ServiceTerms {
  return target.serviceTerms ?? terms;
}

/** Compiles (once) the calendar in force for a priority class (bespoke calendars may apply to some classes only). */
export function calendarOf(terms: Terms, serviceTerms: ServiceTerms | null, priorityClass: PriorityClass): CompiledCalendar {
  return compileCalendarOnce(calendarForClass(serviceTerms ?? terms, priorityClass).calendar);
}

/** True when the status means resolved: category `done`, or a resolution set. */
export function isResolvedStatus(status: IssueStatus): boolean {
  return status.statusCategory === 'done' || status.resolution !== null;
}

/** True when the status is one of the pause statuses (case-insensitive, trimmed). */
export function isPauseStatus(terms: Pick<Terms, 'pauseStatuses'>, status: IssueStatus): boolean {
  const name = status.status.trim().toLowerCase();
  return terms.pauseStatuses.some((p) => p.trim().toLowerCase() === name);
}

/** Why the clock stands still with these variables, or null when it runs. */
export function pauseTagOf(terms: Terms, variables: ClockVariables): PauseTag | null {
  if (isResolvedStatus(variables.status)) {
    return { kind: 'resolved', reason: variables.status.resolution ?? variables.status.status, by: null };
  }
  if (variables.manualPause !== null) {
    return { kind: 'manual', reason: variables.manualPause.reason, by: variables.manualPause.by };
  }
  if (isPauseStatus(terms, variables.status)) return { kind: 'status', reason: variables.status.status, by: null };
  return null;
}

/** Whole milliseconds of a number of minutes. */
export function toMs(minutes: number): number {
  return Math.round(minutes * MINUTE_MS);
}

/** A snapshot of the target in force, for re-target history. */
export function snapshotTarget(terms: Terms, target: Pick<TargetVariables, 'priorityClass' | 'serviceTerms'>): TargetSnapshot {
  const service = serviceTermsOf(terms, target);
  const t = service.targets[target.priorityClass];
  return {
    priorityClass: target.priorityClass,
    serviceId: service.service?.id ?? null,
    levelId: service.level.id,
    resolutionMinutes: t.resolutionMinutes,
    responseMinutes: t.responseMinutes ?? null,
  };
}

// ---------------------------------------------------------------------------------------------

function initialVariables(start: ClockStart, startedAt: string): ClockVariables {
  const status: IssueStatus = { status: start.status, statusCategory: start.statusCategory, resolution: start.resolution };
  const resolvedAtStart = isResolvedStatus(status);
  return {
    status,
    manualPause: null,
    priorityClass: start.priorityClass,
    jiraPriority: start.jiraPriority,
    serviceTerms: null,
    extensionMinutes: 0,
    extensions: 0,
    resolved: resolvedAtStart
      ? {
          at: startedAt,
          priorityClass: start.priorityClass,
          jiraPriority: start.jiraPriority,
          serviceTerms: null,
          extensionMinutes: 0,
          extensions: 0,
          elapsedMinutes: 0,
        }
      : null,
    response: resolvedAtStart ? { at: startedAt, by: 'resolution', priorityClass: start.priorityClass, elapsedMinutes: 0 } : null,
  };
}

function cloneVariables(v: ClockVariables): ClockVariables {
  return {
    ...v,
    status: { ...v.status },
    manualPause: v.manualPause === null ? null : { ...v.manualPause },
    resolved: v.resolved === null ? null : { ...v.resolved },
    response: v.response === null ? null : { ...v.response },
  };
}

function closedSegment(terms: Terms, variables: ClockVariables, from: number, to: number): Segment {
  const calendar = calendarOf(terms, variables.serviceTerms, variables.priorityClass);
  const pause = pauseTagOf(terms, variables);
  const businessMs = pause === null ? toMs(businessMinutesBetween(calendar, new Date(from), new Date(to))) : 0;
  return { from, to, calendar, pause, businessMs };
}

function applyFact(
  input: TimelineInput,
  v: ClockVariables,
  fact: ClockFact,
  at: number,
  elapsedMs: number,
  retargets: Retarget[],
): void {
  const iso = new Date(at).toISOString();
  switch (fact.kind) {
    case 'status': {
      const wasResolved = isResolvedStatus(v.status);
      v.status = { status: fact.status, statusCategory: fact.statusCategory, resolution: fact.resolution };
      const resolved = isResolvedStatus(v.status);
      if (!wasResolved && resolved) {
        v.resolved = {
          at: iso,
          priorityClass: v.priorityClass,
          jiraPriority: v.jiraPriority,
          serviceTerms: v.serviceTerms,
          extensionMinutes: v.extensionMinutes,
          extensions: v.extensions,
          elapsedMinutes: elapsedMs / MINUTE_MS,
        };
        v.response ??= { at: iso, by: 'resolution', priorityClass: v.priorityClass, elapsedMinutes: elapsedMs / MINUTE_MS };
      } else if (wasResolved && !resolved) {
        v.resolved = null;
      }
      return;
    }
    case 'priority': {
      if (fact.priorityClass !== v.priorityClass) {
        recordRetarget(input.terms, v, { priorityClass: fact.priorityClass, serviceTerms: v.serviceTerms }, 'priority', iso, elapsedMs, retargets, fact.by);
      }
      v.priorityClass = fact.priorityClass;
      v.jiraPriority = fact.jiraPriority;
      return;
    }
    case 'service': {
      if (input.supersededUntil !== null && at <= input.supersededUntil) return;
      recordRetarget(input.terms, v, { priorityClass: v.priorityClass, serviceTerms: fact.terms }, 'service', iso, elapsedMs, retargets, fact.by);
      v.serviceTerms = fact.terms;
      return;
    }
    case 'public-comment':
      v.response ??= { at: iso, by: 'comment', priorityClass: v.priorityClass, elapsedMinutes: elapsedMs / MINUTE_MS };
      return;
    case 'manual-pause':
      v.manualPause ??= { since: iso, by: fact.by, reason: fact.reason };
      return;
    case 'manual-resume':
      v.manualPause = null;
      return;
    case 'extension':
      v.extensionMinutes += fact.minutes;
      v.extensions += 1;
      return;
    case 'marker':
    case 'problem':
    case 'promise':
    case 'promise-warning':
      // Notices and promises to the customer do not move the clock.
      return;
  }
}

function recordRetarget(
  terms: Terms,
  v: ClockVariables,
  next: Pick<TargetVariables, 'priorityClass' | 'serviceTerms'>,
  cause: Retarget['cause'],
  at: string,
  elapsedMs: number,
  retargets: Retarget[],
  by: string | null | undefined,
): void {
  const from = snapshotTarget(terms, v);
  const to = snapshotTarget(terms, next);
  const same =
    from.priorityClass === to.priorityClass &&
    from.serviceId === to.serviceId &&
    from.levelId === to.levelId &&
    from.resolutionMinutes === to.resolutionMinutes &&
    from.responseMinutes === to.responseMinutes;
  if (!same) retargets.push({ at, cause, from, to, elapsedMinutes: elapsedMs / MINUTE_MS, ...(by === undefined ? {} : { by }) });
}
