/**
 * The deadline an example request would get under a contract database — "a P1 E-mail request from
 * ACME created now would be due Tue 2 Dec 14:00 (Europe/Amsterdam)" — as the clock itself computes it:
 * terms resolution and `startClock` at the instant given. What the settings page's preview shows
 * (src/app/admin-preview.ts), with the explanation trail the panel shows.
 *
 * Pure: no I/O, no Forge; "now" is a parameter.
 */
import type { PriorityClass } from '../contract/building-blocks';
import type { ExplanationStep } from '../contract/clock-record';
import type { ContractDatabase } from '../contract/contract-database';
import { startClock } from './clock';
import { resolveTerms, type RequestFacts } from './resolve-terms';

/** The example request: what terms resolution reads of a request. */
export interface ExampleRequest {
  readonly organizations: readonly { readonly id: string; readonly name: string }[];
  readonly requestType: { readonly id: string; readonly name: string } | null;
  readonly components: readonly string[];
  readonly labels: readonly string[];
  /** The Jira priority name; null: none. */
  readonly priority: string | null;
}

/** The deadline an example request created at `createdAt` gets, and why. */
export interface DeadlineExample {
  /** `covered` by a contract, `fallback` terms, or `uncovered` (no deadline). */
  readonly status: 'covered' | 'fallback' | 'uncovered';
  readonly createdAt: string;
  readonly deadline: string | null;
  readonly responseDeadline: string | null;
  /** The zone the terms read dates in (the contract's; the calendar's for fallback terms). */
  readonly timeZone: string | null;
  readonly calendar: { readonly name: string; readonly timeZone: string } | null;
  readonly priorityClass: PriorityClass;
  readonly resolutionMinutes: number | null;
  readonly responseMinutes: number | null;
  readonly explanation: readonly ExplanationStep[];
}

/**
 * The deadline of an example request under a database, as the clock would start it at `now`.
 *
 * @example exampleDeadline(db, { organizations: [{ id: '17', name: 'ACME' }], requestType: { id: '12', name: 'E-mail problem' }, components: [], labels: [], priority: 'Highest' }, now).deadline
 */
export function exampleDeadline(db: ContractDatabase, request: ExampleRequest, now: Date): DeadlineExample {
  const facts: RequestFacts = {
    organizations: request.organizations,
    requestTypeId: request.requestType?.id ?? null,
    requestTypeName: request.requestType?.name ?? null,
    components: request.components,
    labels: request.labels,
    priority: request.priority,
  };
  const resolution = resolveTerms(db, facts, now);
  const record = startClock({ termsResolution: resolution, createdAt: now, status: { status: 'Open', statusCategory: 'new', resolution: null }, now });
  if (resolution.status === 'uncovered') {
    return {
      status: 'uncovered',
      createdAt: now.toISOString(),
      deadline: null,
      responseDeadline: null,
      timeZone: null,
      calendar: null,
      priorityClass: resolution.priorityClass,
      resolutionMinutes: null,
      responseMinutes: null,
      explanation: resolution.explanation,
    };
  }
  const { terms } = resolution;
  return {
    status: resolution.status,
    createdAt: now.toISOString(),
    deadline: record.deadline,
    responseDeadline: record.response?.deadline ?? null,
    timeZone: terms.timeZone,
    calendar: { name: terms.calendarRef.name, timeZone: terms.calendar.timeZone },
    priorityClass: terms.priorityClass,
    resolutionMinutes: terms.resolutionMinutes,
    responseMinutes: terms.responseMinutes ?? null,
    explanation: terms.explanation,
  };
}
