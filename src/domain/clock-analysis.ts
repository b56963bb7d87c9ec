/**
 * Everything derived from a clock record with terms at an instant `now`: deadline, outcome, response,
 * at-risk instant, pauses, state and the elapsed business time. clock.ts stores part of it in the
 * record; clock-view.ts turns it into what the UI and the sweep need.
 *
 * Pure: no I/O, no clock (`now` is a parameter). Throws the engine's CalendarError /
 * NoBusinessTimeError for a calendar without business time; callers turn that into state `error`.
 */
import type {
  ClockRecord,
  ClockState,
  CurrentTarget,
  Outcome,
  Pause,
  Retarget,
  Terms,
  TermsChange,
} from '../contract/clock-record';
import { calendarForClass, CLOCK_RECORD_LIMITS } from '../contract/clock-record';
import { addBusinessMinutes } from './business-time';
import {
  buildTimeline,
  calendarOf,
  elapsedAt,
  finalTargetVariables,
  findCrossing,
  serviceTermsOf,
  toMs,
  MINUTE_MS,
  type PauseTag,
  type Timeline,
} from './clock-timeline';

/** The response side of an analysis. */
export interface ResponseAnalysis {
  targetMs: number;
  deadlineMs: number | null;
  respondedAtMs: number | null;
  respondedBy: 'comment' | 'resolution' | null;
  outcome: Outcome | null;
  /** Elapsed business ms at the response, or now while none. */
  elapsedMs: number;
}

export interface ClockAnalysis {
  timeline: Timeline;
  target: CurrentTarget;
  /** Resolution target including extensions, in ms. */
  resolutionTargetMs: number;
  deadlineMs: number | null;
  resolvedAtMs: number | null;
  outcome: Outcome | null;
  atRiskThresholdMs: number;
  atRiskAtMs: number | null;
  response: ResponseAnalysis | null;
  /** Why the clock stands still now; null while it runs. */
  pause: PauseTag | null;
  /** Elapsed business ms at the resolution, or at now while open. */
  elapsedMs: number;
  state: ClockState;
  pauses: Pause[];
  retargets: Retarget[];
}

/** The instant (ms) of the latest re-apply, or null: service facts up to it are superseded. */
export function latestReapplyAt(termsHistory: readonly TermsChange[]): number | null {
  let latest: number | null = null;
  for (const change of termsHistory) {
    const at = Date.parse(change.at);
    if (latest === null || at > latest) latest = at;
  }
  return latest;
}

/** Analyses a record that has terms; see the module comment. */
export function analyzeClock(record: ClockRecord, terms: Terms, nowMs: number): ClockAnalysis {
  const timeline = buildTimeline({
    terms,
    start: record.start,
    startedAt: record.startedAt,
    history: record.history,
    checkpoint: record.checkpoint,
    supersededUntil: latestReapplyAt(record.termsHistory),
  });
  const variables = timeline.variables;
  const final = finalTargetVariables(variables);
  const serviceTerms = serviceTermsOf(terms, final);
  const classTarget = serviceTerms.targets[final.priorityClass];
  const resolutionTargetMs = toMs(classTarget.resolutionMinutes + final.extensionMinutes);
  const resolvedAtMs = variables.resolved === null ? null : Date.parse(variables.resolved.at);
  const pause = timeline.segments[timeline.segments.length - 1]?.pause ?? null;

  const crossing = findCrossing(timeline, resolutionTargetMs);
  let deadlineMs: number | null;
  let outcome: Outcome | null = null;
  let elapsedMs: number;
  if (variables.resolved !== null && resolvedAtMs !== null) {
    // Recorded during the walk: the resolution may lie before a checkpoint, where elapsedAt cannot look.
    elapsedMs = toMs(variables.resolved.elapsedMinutes);
    // Not crossed before the resolution: report the deadline as it stood when the request was resolved.
    deadlineMs =
      crossing !== null && !crossing.projected
        ? crossing.at
        : addBusinessMinutes(calendarOf(terms, final.serviceTerms, final.priorityClass), new Date(resolvedAtMs), (resolutionTargetMs - elapsedMs) / MINUTE_MS).getTime();
    outcome = resolvedAtMs <= deadlineMs ? 'met' : 'breached';
  } else {
    deadlineMs = crossing?.at ?? null;
    elapsedMs = elapsedAt(timeline, Math.max(nowMs, timeline.endMs));
  }

  const atRiskThresholdMs = Math.round((resolutionTargetMs * terms.atRiskPercent) / 100);
  const atRiskAtMs = findCrossing(timeline, atRiskThresholdMs)?.at ?? null;
  const response = analyzeResponse(timeline, terms, final, nowMs);

  let state: ClockState;
  if (outcome !== null) state = outcome === 'met' ? 'met' : 'missed';
  else if (deadlineMs !== null && nowMs > deadlineMs) state = 'breached';
  else if (pause !== null) state = 'paused';
  else if (elapsedMs >= atRiskThresholdMs) state = 'at-risk';
  else state = 'running';

  const target: CurrentTarget = {
    priorityClass: final.priorityClass,
    jiraPriority: final.jiraPriority,
    service: serviceTerms.service,
    level: serviceTerms.level,
    bespoke: serviceTerms.bespoke,
    calendarRef: calendarForClass(serviceTerms, final.priorityClass).calendarRef,
    resolutionMinutes: classTarget.resolutionMinutes,
    responseMinutes: classTarget.responseMinutes ?? null,
    extensionMinutes: final.extensionMinutes,
    extensions: final.extensions,
  };
  const retargets = [...(record.checkpoint?.retargets ?? []), ...timeline.retargets].slice(-CLOCK_RECORD_LIMITS.maxRetargets);
  return {
    timeline,
    target,
    resolutionTargetMs,
    deadlineMs,
    resolvedAtMs,
    outcome,
    atRiskThresholdMs,
    atRiskAtMs,
    response,
    pause,
    elapsedMs,
    state,
    pauses: listPauses(timeline),
    retargets,
  };
}

function analyzeResponse(
  timeline: Timeline,
  terms: Terms,
  final: ReturnType<typeof finalTargetVariables>,
  nowMs: number,
): ResponseAnalysis | null {
  const responded = timeline.variables.response;
  const priorityClass = responded?.priorityClass ?? final.priorityClass;
  const minutes = serviceTermsOf(terms, final).targets[priorityClass].responseMinutes;
  if (minutes === undefined) return null;
  const targetMs = toMs(minutes);
  if (responded === null) {
    return {
      targetMs,
      deadlineMs: findCrossing(timeline, targetMs)?.at ?? null,
      respondedAtMs: null,
      respondedBy: null,
      outcome: null,
      elapsedMs: elapsedAt(timeline, Math.max(nowMs, timeline.endMs)),
    };
  }
  const respondedAtMs = Date.parse(responded.at);
  const elapsedMs = toMs(responded.elapsedMinutes);
  // Target used up by the response: the deadline is where it was crossed (met only when that is the
  // response instant itself). Otherwise report the deadline as it stood at the response.
  const deadlineMs =
    elapsedMs >= targetMs
      ? (findCrossing(timeline, targetMs)?.at ?? respondedAtMs)
      : addBusinessMinutes(calendarOf(terms, final.serviceTerms, priorityClass), new Date(respondedAtMs), (targetMs - elapsedMs) / MINUTE_MS).getTime();
  return {
    targetMs,
    deadlineMs,
    respondedAtMs,
    respondedBy: responded.by,
    outcome: respondedAtMs <= deadlineMs ? 'met' : 'breached',
    elapsedMs,
  };
}

/** The pauses of the timeline: consecutive segments standing still for the same reason merge. */
function listPauses(timeline: Timeline): Pause[] {
  const pauses: Pause[] = [];
  let open: { from: number; to: number | null; tag: PauseTag } | null = null;
  const flush = (): void => {
    if (open === null) return;
    pauses.push({
      from: new Date(open.from).toISOString(),
      to: open.to === null ? null : new Date(open.to).toISOString(),
      kind: open.tag.kind,
      reason: open.tag.reason,
      by: open.tag.by,
    });
    open = null;
  };
  for (const segment of timeline.segments) {
    const tag = segment.pause;
    if (tag === null) {
      flush();
      continue;
    }
    if (open !== null && sameTag(open.tag, tag)) {
      open.to = segment.to;
    } else {
      flush();
      open = { from: segment.from, to: segment.to, tag };
    }
  }
  flush();
  return pauses;
}

function sameTag(a: PauseTag, b: PauseTag): boolean {
  return a.kind === b.kind && a.reason === b.reason && a.by === b.by;
}
