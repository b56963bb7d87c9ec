/**
 * Shared builders for the clock and terms tests: the example contract database, small hand-made
 * terms on simple UTC calendars (so expected deadlines can be worked out by hand), and fact builders.
 * Not a test file itself.
 */
import example from '../fixtures/contract-database.example.json';
import type { CalendarDefinition } from '../../src/contract/calendar';
import type { ClockFact, IssueStatus, Terms } from '../../src/contract/clock-record';
import { parseContractDatabase, type ContractDatabase, type PriorityClass } from '../../src/contract/contract-database';
import type { TermsResolution } from '../../src/domain/resolve-terms';

export function loadExampleDatabase(): ContractDatabase {
  const parsed = parseContractDatabase(example);
  if (!parsed.ok) throw new Error(`example database invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.database;
}

export const UTC_24X7: CalendarDefinition = {
  timeZone: 'UTC',
  week: {
    mon: [['00:00', '24:00']],
    tue: [['00:00', '24:00']],
    wed: [['00:00', '24:00']],
    thu: [['00:00', '24:00']],
    fri: [['00:00', '24:00']],
    sat: [['00:00', '24:00']],
    sun: [['00:00', '24:00']],
  },
};

/** Mon–Fri 09:00–17:00 UTC: 480 business minutes a weekday, none at weekends. */
export const UTC_OFFICE: CalendarDefinition = {
  timeZone: 'UTC',
  week: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
  },
};

/** Terms with P1 60/15, P2 120/30, P3 240/60, P4 480, P5 960 minutes on a 24x7 UTC calendar. */
export function makeTerms(overrides: Partial<Terms> = {}): Terms {
  const priorityClass = overrides.priorityClass ?? 'P3';
  const targets = overrides.targets ?? {
    P1: { resolutionMinutes: 60, responseMinutes: 15 },
    P2: { resolutionMinutes: 120, responseMinutes: 30 },
    P3: { resolutionMinutes: 240, responseMinutes: 60 },
    P4: { resolutionMinutes: 480 },
    P5: { resolutionMinutes: 960 },
  };
  const target = targets[priorityClass];
  return {
    coverage: 'contract',
    fallbackReason: null,
    customer: { id: 'acme', name: 'ACME' },
    contract: { id: 'acme', name: 'ACME 2026' },
    contractVersion: 1,
    service: { id: 'email', name: 'E-mail' },
    level: { id: 'gold', name: 'Gold' },
    bespoke: false,
    targets,
    calendarRef: { id: '24x7', name: '24x7' },
    calendar: UTC_24X7,
    priorityClass,
    jiraPriority: 'Medium',
    resolutionMinutes: target.resolutionMinutes,
    ...(target.responseMinutes === undefined ? {} : { responseMinutes: target.responseMinutes }),
    timeZone: 'UTC',
    pauseStatuses: ['Waiting for customer'],
    atRiskPercent: 75,
    explanation: [],
    summary: 'ACME → contract ACME 2026 v1 → E-mail → Gold → P3 → 4 h in \'24x7, UTC\'',
    ...overrides,
  };
}

export function covered(terms: Terms): TermsResolution {
  return { status: 'covered', terms };
}

export const OPEN: IssueStatus = { status: 'Open', statusCategory: 'new', resolution: null };

/** Fact builders; `at` accepts anything Date parses. */
export const fact = {
  status: (id: string, at: string, status: string, statusCategory: IssueStatus['statusCategory'] = 'indeterminate', resolution: string | null = null): ClockFact => ({
    kind: 'status',
    id,
    at: iso(at),
    status,
    statusCategory,
    resolution,
  }),
  waiting: (id: string, at: string): ClockFact => fact.status(id, at, 'Waiting for customer'),
  working: (id: string, at: string): ClockFact => fact.status(id, at, 'In progress'),
  resolved: (id: string, at: string): ClockFact => fact.status(id, at, 'Resolved', 'done', 'Done'),
  reopened: (id: string, at: string): ClockFact => fact.status(id, at, 'Reopened', 'indeterminate', null),
  priority: (id: string, at: string, priorityClass: PriorityClass, jiraPriority: string | null = null): ClockFact => ({
    kind: 'priority',
    id,
    at: iso(at),
    priorityClass,
    jiraPriority,
  }),
  comment: (id: string, at: string, by: string | null = 'agent-1'): ClockFact => ({ kind: 'public-comment', id, at: iso(at), by }),
  pause: (id: string, at: string, reason = 'Vendor on site tomorrow'): ClockFact => ({ kind: 'manual-pause', id, at: iso(at), by: 'agent-1', reason }),
  resume: (id: string, at: string, reason = 'Vendor done'): ClockFact => ({ kind: 'manual-resume', id, at: iso(at), by: 'agent-1', reason }),
  extend: (id: string, at: string, minutes: number, reason = 'Customer agreed'): ClockFact => ({ kind: 'extension', id, at: iso(at), by: 'agent-1', reason, minutes }),
  marker: (id: string, at: string, marker: 'at-risk' | 'breached'): ClockFact => ({ kind: 'marker', id, at: iso(at), marker }),
  problem: (id: string, at: string, reason = 'unknown-status'): ClockFact => ({ kind: 'problem', id, at: iso(at), reason, detail: 'test' }),
};

export function iso(at: string): string {
  return new Date(at).toISOString();
}
