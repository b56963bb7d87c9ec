/**
 * The customer's view of one request's clock (the portal's request panel, issue 13.1): what they may
 * expect of the resolution and of the first response, in the honest terms agents use with customers
 * — "we expect to resolve this by …", "on hold while we wait for your reply", "resolved on time",
 * "running late: our new estimate is …". Never the app's internal states: "at risk" is the team's
 * concern and reads to a customer as "expected by".
 *
 * A new expected time an agent told the customer (issue 11's tracked promise, `ClockRecord.promise`)
 * takes the stale contract deadline's place while it stands; `customerPromiseOf` reads it.
 *
 * Pure: no I/O; `now` is a parameter.
 */
import type { ClockPromise, ClockRecord } from '../contract/clock-record';
import { calendarForClass } from '../contract/clock-record';
import { DEFAULT_LEVEL_COLOUR, type ContractDatabase } from '../contract/contract-database';
import type { CustomerExpectation, PortalAgreement, PortalRequestView } from '../contract/portal-api';
import { describeClock, type ClockView, type TargetProgress } from '../domain/clock-view';

/**
 * The new resolution time an agent told the customer and the app tracks (issue 11's promise in
 * force): `pending` while it stands, `kept` / `lapsed` once the request was resolved by it or it
 * passed. Only a `pending` promise changes what the customer reads.
 */
export interface CustomerPromise {
  readonly expectedAt: string;
  readonly state: 'pending' | 'kept' | 'lapsed';
}

/**
 * The promise in force as the customer may read it at `now`, from the stored record's promise. Every
 * promise the record holds was told to the customer: the panel records one only once its public reply
 * is posted, and never takes one from the user-writable issue property (issue 11). A `pending`
 * promise whose time has passed since the record was last evaluated has lapsed (as the next
 * evaluation will say), so a stale record never shows a time already gone as the new estimate.
 *
 * @example customerPromiseOf(record.promise, now) // { expectedAt: '2026-10-07T14:00:00.000Z', state: 'pending' }
 */
export function customerPromiseOf(promise: ClockPromise | null, now: Date): CustomerPromise | null {
  if (promise === null) return null;
  const passed = now.getTime() > Date.parse(promise.expectedAt);
  return { expectedAt: promise.expectedAt, state: promise.state === 'pending' && passed ? 'lapsed' : promise.state };
}

/**
 * One target as the customer may read it, or null when there is nothing to tell.
 *
 * @example expectationOf(view.resolution, view.pause, null) // { kind: 'expected', by: '2026-12-01T13:00:00.000Z' }
 */
export function expectationOf(progress: TargetProgress | null, pause: ClockView['pause'], promise: CustomerPromise | null): CustomerExpectation | null {
  if (progress === null) return null;
  const promised = promise?.state === 'pending' ? promise.expectedAt : null;
  switch (progress.state) {
    case 'met':
      return progress.completedAt === null ? null : { kind: 'done-on-time', at: progress.completedAt };
    case 'missed':
      return progress.completedAt === null ? null : { kind: 'done-late', at: progress.completedAt };
    case 'paused':
      return { kind: 'on-hold', cause: pause?.kind === 'manual' ? 'paused' : 'your-reply' };
    case 'running':
    case 'at-risk': {
      if (progress.deadline === null) return null;
      // A promise later than the deadline is what the customer was last told; an earlier one never
      // moves the agreed time forward.
      const by = promised !== null && Date.parse(promised) > Date.parse(progress.deadline) ? promised : progress.deadline;
      return { kind: 'expected', by };
    }
    case 'breached':
      // Past the expected time while waiting for the customer: what they can act on comes first.
      if (pause?.kind === 'status') return { kind: 'on-hold', cause: 'your-reply' };
      if (progress.deadline === null) return null;
      return { kind: 'running-late', expectedBy: progress.deadline, estimate: promised };
  }
}

/** What the presenter needs besides the record. */
export interface PortalRequestInput {
  readonly issueKey: string;
  /** null: no clock stored yet (the created event is still on its way). */
  readonly record: ClockRecord | null;
  /** The contract database slice of the request's organizations (for the level's colour). */
  readonly database: ContractDatabase;
  /** The zone the customer reads times in. */
  readonly timeZone: string;
  /** Whether the contract of the terms is one of the caller's own (else its name stays out). */
  readonly contractIsCallers: boolean;
  readonly promise: CustomerPromise | null;
  readonly now: Date;
}

/**
 * The request panel's view.
 *
 * @example presentPortalRequest({ issueKey: 'ITS-12', record, database, timeZone: 'Europe/Amsterdam', contractIsCallers: true, promise: null, now })
 */
export function presentPortalRequest(input: PortalRequestInput): PortalRequestView {
  const { record } = input;
  const base = { issueKey: input.issueKey, computedAt: input.now.toISOString(), timeZone: input.timeZone };
  const none = { calendarTimeZone: null, agreement: null, notCoveredReason: null, resolution: null, response: null };
  if (record === null) return { ...base, ...none, status: 'pending' };
  const terms = record.terms;
  if (terms === null) {
    if (record.uncovered !== null) return { ...base, ...none, status: 'not-covered', notCoveredReason: record.uncovered.reason };
    return { ...base, ...none, status: 'unavailable' };
  }
  const view = describeClock(record, input.now);
  const target = record.target;
  const level = target?.level ?? terms.level;
  const agreement: PortalAgreement = {
    service: (target?.service ?? terms.service)?.name ?? null,
    level: { name: level.name, colour: input.database.levels.find((l) => l.id === level.id)?.colour ?? DEFAULT_LEVEL_COLOUR },
    bespoke: target?.bespoke ?? terms.bespoke,
    bestEffort: terms.coverage === 'fallback',
    contractName: terms.contract !== null && input.contractIsCallers ? terms.contract.name : null,
  };
  const calendarTimeZone = calendarForClass(terms, target?.priorityClass ?? terms.priorityClass).calendar.timeZone;
  const notCoveredReason = terms.coverage === 'fallback' ? terms.fallbackReason : null;
  if (view.resolution === null) return { ...base, ...none, status: 'unavailable', agreement, notCoveredReason, calendarTimeZone };
  return {
    ...base,
    status: 'tracked',
    calendarTimeZone,
    agreement,
    notCoveredReason,
    resolution: expectationOf(view.resolution, view.pause, input.promise),
    // A promise is about the resolution; the first response keeps its own target.
    response: expectationOf(view.response, view.pause, null),
  };
}
