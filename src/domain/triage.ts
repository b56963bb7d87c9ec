/**
 * The triage view's order (issue 11 item 1, ADR 0027): which open request needs action now.
 *
 * 1. `triageClockOf` summarises a clock record for the triage index when it is written: the targets
 *    (deadline, or the business time left while the clock stands still), the calendar the
 *    resolution target counts in now, level, service, customer, promise, why there is no contract.
 * 2. `rankTriage` orders those summaries at the instant the view is opened:
 *    - groups: clocks **running now** first, then clocks **stopped by their calendar** (outside
 *      business hours: they count again at `resumesAt`), then clocks paused by status or by hand,
 *      then requests without a clock (no contract, or an error);
 *    - within a group: **business time left to the nearest deadline** (first response while none
 *      was given, or resolution), least first — so a breached clock that is running is at the very
 *      top, and an overdue one stopped for the night comes after every running clock.
 *    Each target's state at that instant (on track, at risk, breached, paused) follows the same rule
 *    as the clock's (clock-analysis.ts): breached past the deadline, paused while standing still,
 *    at risk from the at-risk share of the target — so colours and labels agree with the panel.
 *
 * Pure: no I/O, no clock (`now` is a parameter), no Forge.
 */
import type { CalendarDefinition } from '../contract/calendar';
import { calendarForClass, type ClockRecord } from '../contract/clock-record';
import type { TriageClock, TriageEntry, TriageTarget } from '../contract/triage-entry';
import { addBusinessMinutes, businessMinutesBetween, CalendarError, NoBusinessTimeError, type CompiledCalendar } from './business-time';
import { canonicalJson } from './calendar-cache';
import { analyzeClock } from './clock-analysis';
import { describeClock, type TargetProgress } from './clock-view';
import { finalTargetVariables, serviceTermsOf } from './clock-timeline';

/** A calendar an entry counts in, to be stored once under its key. */
export interface TriageCalendar {
  readonly key: string;
  readonly name: string;
  readonly definition: CalendarDefinition;
}

/**
 * The triage summary of a clock record evaluated at `now`, and the calendar it counts in (null for
 * a request without a clock).
 *
 * @example const { clock, calendar } = triageClockOf(record, now);
 */
export function triageClockOf(record: ClockRecord, now: Date): { clock: TriageClock; calendar: TriageCalendar | null } {
  const terms = record.terms;
  const uncovered = record.uncovered?.reason ?? (terms?.coverage === 'fallback' ? terms.fallbackReason : null);
  const base: TriageClock = {
    state: record.state,
    customer: terms?.customer ?? uncoveredCustomer(record),
    level: null,
    bespoke: false,
    service: null,
    priorityClass: record.target?.priorityClass ?? terms?.priorityClass ?? record.start.priorityClass,
    calendar: null,
    calendarName: null,
    allHours: false,
    atRiskPercent: terms?.atRiskPercent ?? 75,
    resolution: null,
    response: null,
    pause: null,
    promise: record.promise === null ? null : { expectedAt: record.promise.expectedAt, state: record.promise.state },
    uncovered,
    bestEffort: terms?.coverage === 'fallback',
  };
  if (terms === null || record.target === null) return { clock: base, calendar: null };
  let calendar: TriageCalendar;
  try {
    const analysis = analyzeClock(record, terms, now.getTime());
    const final = finalTargetVariables(analysis.timeline.variables);
    const inForce = calendarForClass(serviceTermsOf(terms, final), final.priorityClass);
    calendar = { key: calendarKeyOf(inForce.calendar), name: inForce.calendarRef.name, definition: inForce.calendar };
  } catch (error) {
    if (error instanceof CalendarError || error instanceof NoBusinessTimeError) return { clock: base, calendar: null };
    throw error;
  }
  const view = describeClock(record, now);
  const standing = view.pause !== null && view.pause.kind !== 'resolved';
  const target = record.target;
  return {
    clock: {
      ...base,
      level: target.level,
      bespoke: target.bespoke,
      service: target.service,
      calendar: calendar.key,
      calendarName: calendar.name,
      allHours: isAllHours(calendar.definition),
      resolution: view.resolution === null ? null : summarize(view.resolution, standing, target.resolutionMinutes, target.extensionMinutes),
      response:
        view.response === null || view.response.completedAt !== null ? null : summarize(view.response, standing, view.response.targetMinutes, 0),
      pause: standing && view.pause !== null && view.pause.kind !== 'resolved' ? view.pause.kind : null,
    },
    calendar,
  };
}

function summarize(progress: TargetProgress, standing: boolean, targetMinutes: number, extensionMinutes: number): TriageTarget {
  return {
    deadline: progress.deadline,
    stillLeft: standing ? progress.businessMinutesLeft : null,
    targetMinutes: Math.max(1, Math.round(targetMinutes)),
    extensionMinutes: Math.round(extensionMinutes),
  };
}

/** The customer named by an uncovered request's explanation (the contract considered, else its organizations). */
function uncoveredCustomer(record: ClockRecord): TriageClock['customer'] {
  const steps = record.uncovered?.explanation ?? [];
  for (const step of steps) if (step.kind === 'contract-rejected') return step.customer;
  for (const step of steps) {
    if (step.kind === 'organizations' && step.organizations.length > 0) {
      return { id: `organizations:${step.organizations.map((o) => o.id).join(',')}`, name: step.organizations.map((o) => o.name).join(', ') };
    }
  }
  return null;
}

/** True for a calendar that counts every minute of every day (24x7, no holidays). */
export function isAllHours(definition: CalendarDefinition): boolean {
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  const allDay = days.every((day) => {
    const intervals = definition.week[day];
    return intervals?.length === 1 && intervals[0]?.[0] === '00:00' && intervals[0][1] === '24:00';
  });
  return allDay && (definition.holidays === undefined || definition.holidays.length === 0);
}

/**
 * The storage key of a calendar definition: the content hash of its canonical JSON and its length
 * (equal definitions share one key).
 *
 * @example calendarKeyOf(definition) // 'cal-1f3a9c0b2d4e6-bk'
 */
export function calendarKeyOf(definition: CalendarDefinition): string {
  const text = canonicalJson(definition);
  return `cal-${contentHash(text)}-${text.length.toString(36)}`;
}

/**
 * A 53-bit hash of a text (cyrb53), in hex: to tell whether a stored value changed, and to key
 * calendars by content. Not cryptographic: a collision between the few values compared is not a
 * practical concern at 2^-53 per pair.
 *
 * @example contentHash('{"a":1}') // '…' (13 hex digits at most)
 */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

// ---------------------------------------------------------------------------------------------
// Ranking

/** The groups of the order, first to last. */
export const TRIAGE_GROUPS = ['running', 'calendar', 'paused', 'no-clock'] as const;
export type TriageGroup = (typeof TRIAGE_GROUPS)[number];

/** A target's state at the instant of the view (the panel's words). */
export type TriageTargetState = 'on-track' | 'at-risk' | 'breached' | 'paused';

export interface RankedTarget {
  readonly deadline: string | null;
  /** Business minutes left (> 0) or overdue (< 0) at the instant of the view. */
  readonly businessMinutesLeft: number;
  readonly state: TriageTargetState;
  readonly targetMinutes: number;
  readonly extensionMinutes: number;
}

export interface RankedEntry {
  readonly entry: TriageEntry;
  readonly group: TriageGroup;
  readonly resolution: RankedTarget | null;
  readonly response: RankedTarget | null;
  /** The target whose deadline is nearest, and its business time left; null without a clock. */
  readonly nearest: { readonly target: 'response' | 'resolution'; readonly businessMinutesLeft: number; readonly state: TriageTargetState } | null;
  /** For a clock stopped by its calendar: when it counts again. */
  readonly resumesAt: string | null;
}

/**
 * Orders triage entries at `now` (see the module comment). `calendars` holds the compiled calendars
 * by key; an entry whose calendar is missing is ranked without business time (after its group's
 * others) rather than dropped.
 *
 * @example rankTriage(entries, calendars, now)[0]?.entry.issueKey // the request that needs action first
 */
export function rankTriage(entries: readonly TriageEntry[], calendars: ReadonlyMap<string, CompiledCalendar>, now: Date): RankedEntry[] {
  const ranked = entries.map((entry) => rankOne(entry, calendars, now));
  const groupOf = (r: RankedEntry): number => TRIAGE_GROUPS.indexOf(r.group);
  const leftOf = (r: RankedEntry): number => r.nearest?.businessMinutesLeft ?? Number.POSITIVE_INFINITY;
  return ranked.sort(
    (a, b) => groupOf(a) - groupOf(b) || leftOf(a) - leftOf(b) || (a.entry.issueKey < b.entry.issueKey ? -1 : a.entry.issueKey > b.entry.issueKey ? 1 : 0),
  );
}

function rankOne(entry: TriageEntry, calendars: ReadonlyMap<string, CompiledCalendar>, now: Date): RankedEntry {
  const clock = entry.clock;
  const calendar = clock.calendar === null ? undefined : calendars.get(clock.calendar);
  if (clock.calendar === null || clock.resolution === null) {
    return { entry, group: 'no-clock', resolution: null, response: null, nearest: null, resumesAt: null };
  }
  const paused = clock.pause !== null;
  const resolution = rankTarget(clock.resolution, calendar, now, paused, clock.atRiskPercent);
  const response = clock.response === null ? null : rankTarget(clock.response, calendar, now, paused, clock.atRiskPercent);
  const candidates: { target: 'response' | 'resolution'; t: RankedTarget }[] = [{ target: 'resolution', t: resolution }];
  if (response !== null) candidates.push({ target: 'response', t: response });
  const first = candidates.reduce((best, next) => (next.t.businessMinutesLeft < best.t.businessMinutesLeft ? next : best));
  let group: TriageGroup;
  let resumesAt: string | null = null;
  if (paused) group = 'paused';
  else if (calendar === undefined) group = 'calendar';
  else {
    const next = nextBusinessInstant(calendar, now);
    if (next !== null && next.getTime() === now.getTime()) group = 'running';
    else {
      group = 'calendar';
      resumesAt = next === null ? null : next.toISOString();
    }
  }
  return {
    entry,
    group,
    resolution,
    response,
    nearest: { target: first.target, businessMinutesLeft: first.t.businessMinutesLeft, state: first.t.state },
    resumesAt,
  };
}

function rankTarget(target: TriageTarget, calendar: CompiledCalendar | undefined, now: Date, paused: boolean, atRiskPercent: number): RankedTarget {
  let left: number;
  if (target.stillLeft !== null || target.deadline === null || calendar === undefined) {
    left = target.stillLeft ?? 0;
  } else {
    const deadline = new Date(target.deadline);
    left = now.getTime() <= deadline.getTime() ? businessMinutesBetween(calendar, now, deadline) : -businessMinutesBetween(calendar, deadline, now);
  }
  left = Math.round(left) + 0;
  const total = target.targetMinutes + target.extensionMinutes;
  // The clock's own precedence (clock-analysis.ts): breached, then paused, then at risk.
  const passed = target.deadline !== null && now.getTime() > Date.parse(target.deadline);
  let state: TriageTargetState;
  if (passed || left < 0) state = 'breached';
  else if (paused) state = 'paused';
  else if ((total - left) * 100 >= total * atRiskPercent) state = 'at-risk';
  else state = 'on-track';
  return { deadline: target.deadline, businessMinutesLeft: left, state, targetMinutes: target.targetMinutes, extensionMinutes: target.extensionMinutes };
}

/**
 * The first business instant at or after `now` (now itself while the calendar counts); null when
 * none comes within the engine's horizon. Calendars count in whole minutes, so the minute after
 * `now` holds business time exactly when the calendar counts now.
 */
function nextBusinessInstant(calendar: CompiledCalendar, now: Date): Date | null {
  const minute = 60_000;
  if (businessMinutesBetween(calendar, now, new Date(now.getTime() + minute)) > 0) return now;
  try {
    return new Date(addBusinessMinutes(calendar, now, 1).getTime() - minute);
  } catch (error) {
    if (error instanceof NoBusinessTimeError) return null;
    throw error;
  }
}
