/**
 * Promises to the customer (issue 11 item 3): the latest `promise` fact of a record is the promise in
 * force. This module derives it as people and the sweep see it — when the team is warned that it is
 * about to lapse, whether that warning went out, and whether it was kept — and keeps it across
 * history folding (the checkpoint holds the promise in force when its fact is folded).
 *
 * Pure: no I/O, no clock (`now` is a parameter), no Forge.
 */
import type { Checkpoint, ClockFact, ClockPromise, PromiseFact } from '../contract/clock-record';
import { addBusinessMinutes, businessMinutesBetween, type CompiledCalendar } from './business-time';
import { compareFacts } from './clock-history';

/**
 * How long before the promised time the team is warned, in business minutes of the clock's calendar
 * (halfway instead, when less business time than twice this was left when the promise was made).
 */
export const PROMISE_WARNING_LEAD_MINUTES = 60;

/** The latest promise fact and the warning about it, from the history and the checkpoint. */
export interface PromiseInForce {
  readonly fact: PromiseFact;
  readonly warnedAt: string | null;
}

/**
 * The promise in force: the latest promise fact in (at, id) order — from the history, else the one
 * the checkpoint kept — and when the team was warned about it.
 *
 * @example latestPromise(record.history, record.checkpoint)?.fact.expectedAt // '2026-10-06T12:00:00.000Z'
 */
export function latestPromise(history: readonly ClockFact[], checkpoint: Pick<Checkpoint, 'promise'> | null): PromiseInForce | null {
  let fact: PromiseFact | null = null;
  for (const candidate of history) {
    if (candidate.kind === 'promise' && (fact === null || compareFacts(candidate, fact) > 0)) fact = candidate;
  }
  const kept = checkpoint?.promise ?? null;
  if (fact === null) return kept;
  let warnedAt = kept !== null && kept.fact.id === fact.id ? kept.warnedAt : null;
  for (const candidate of history) {
    if (candidate.kind !== 'promise-warning' || candidate.promiseId !== fact.id) continue;
    if (warnedAt === null || Date.parse(candidate.at) < Date.parse(warnedAt)) warnedAt = candidate.at;
  }
  return { fact, warnedAt };
}

/**
 * When the team is warned about a promise: PROMISE_WARNING_LEAD_MINUTES of business time before the
 * promised time, counted in `calendar` from the moment the promise was made; halfway (in business
 * time) when less than twice the lead was left then; halfway in calendar time when no business time
 * lies between the two. Never after the promised time.
 *
 * @example promiseWarningAt(officeHours, new Date('2026-10-05T10:00:00Z'), new Date('2026-10-06T12:00:00Z')) // 2026-10-06T11:00:00Z
 */
export function promiseWarningAt(calendar: CompiledCalendar, madeAt: Date, expectedAt: Date): Date {
  const madeMs = madeAt.getTime();
  const expectedMs = expectedAt.getTime();
  if (expectedMs <= madeMs) return expectedAt;
  const available = businessMinutesBetween(calendar, madeAt, expectedAt);
  if (available < 2) return new Date(madeMs + Math.floor((expectedMs - madeMs) / 2));
  const lead = Math.min(PROMISE_WARNING_LEAD_MINUTES, available / 2);
  const warnAt = addBusinessMinutes(calendar, madeAt, available - lead);
  return new Date(Math.min(warnAt.getTime(), expectedMs));
}

/** What deriving a promise needs from the analysed clock. */
export interface PromiseContext {
  /** The calendar the resolution target counts in now. */
  readonly calendar: CompiledCalendar;
  /** When the request was resolved (the last resolution), null while open. */
  readonly resolvedAtMs: number | null;
  readonly nowMs: number;
}

/**
 * The promise as the record stores it (`ClockRecord.promise`), or null when none was made.
 *
 * @example derivePromise(latestPromise(record.history, record.checkpoint), { calendar, resolvedAtMs: null, nowMs })?.state // 'pending'
 */
export function derivePromise(inForce: PromiseInForce | null, context: PromiseContext): ClockPromise | null {
  if (inForce === null) return null;
  const { fact } = inForce;
  const expectedMs = Date.parse(fact.expectedAt);
  let state: ClockPromise['state'];
  if (context.resolvedAtMs !== null) state = context.resolvedAtMs <= expectedMs ? 'kept' : 'lapsed';
  else state = context.nowMs > expectedMs ? 'lapsed' : 'pending';
  return {
    id: fact.id,
    madeAt: new Date(fact.at).toISOString(),
    by: fact.by,
    expectedAt: new Date(expectedMs).toISOString(),
    basis: fact.basis,
    commentId: fact.commentId,
    warnAt: promiseWarningAt(context.calendar, new Date(fact.at), new Date(expectedMs)).toISOString(),
    warnedAt: inForce.warnedAt,
    state,
  };
}

/**
 * True when the promise's lapse warning is owed at `nowMs`: the promise still stands, its warning
 * instant has come and no warning went out yet. A promise that already lapsed is not warned about
 * any more (that news would be stale; the panel and the triage view show it as lapsed).
 *
 * @example promiseWarningOwed(record.promise, Date.parse(record.evaluatedAt)) // true
 */
export function promiseWarningOwed(promise: ClockPromise | null, nowMs: number): boolean {
  return promise !== null && promise.state === 'pending' && promise.warnedAt === null && Date.parse(promise.warnAt) <= nowMs;
}
