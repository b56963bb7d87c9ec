/**
 * The triage view's resolver API (`jiraServiceManagement:queuePage`, issue 11 item 1): one key,
 * `triage/get`, answering one page of a service project's open requests in the order of what needs
 * action now (src/domain/triage.ts `rankTriage`), with the filters' choices and the JQL of the same
 * selection for Jira's own queues. Answers are wrapped in the envelope of ./envelope.
 *
 * Pure zod: no I/O, no Forge imports, no clock — bundled into the browser.
 */
import { z } from 'zod';

export const TRIAGE_RESOLVER_KEYS = {
  /** One page of the project's open requests, ranked at the instant of the call. */
  get: 'triage/get',
} as const;

/** Rows per page. */
export const TRIAGE_PAGE_SIZE = 25;

const idSchema = z.string().min(1).max(200);
const refSchema = z.object({ id: idSchema, name: z.string().max(255) });
export type TriageRef = z.infer<typeof refSchema>;
const instantSchema = z.iso.datetime({ offset: true });

/** The filters of the view; null (or false) means "all". */
export const triageQuerySchema = z.strictObject({
  customerId: idSchema.nullable().default(null),
  levelId: idSchema.nullable().default(null),
  serviceId: idSchema.nullable().default(null),
  /** Only requests assigned to the caller. */
  mine: z.boolean().default(false),
  /** The first row of the page, counted in the filtered order. */
  offset: z.number().int().min(0).max(100_000).default(0),
});
export type TriageQuery = z.infer<typeof triageQuerySchema>;

/** The groups of the order, first to last (see src/domain/triage.ts). */
export const triageGroupSchema = z.enum(['running', 'calendar', 'paused', 'no-clock']);
export type TriageGroupName = z.infer<typeof triageGroupSchema>;

/** A target's state at the instant of the view — the panel's words and colours. */
export const triageStateSchema = z.enum(['on-track', 'at-risk', 'breached', 'paused']);
export type TriageState = z.infer<typeof triageStateSchema>;

export const triageTargetViewSchema = z.object({
  /** The deadline (calendar time); null while the clock stands still before it. */
  deadline: instantSchema.nullable(),
  /** Business minutes left (> 0) or overdue (< 0) at the instant of the view. */
  businessMinutesLeft: z.number().int(),
  state: triageStateSchema,
  /** The target in business minutes, and the extension granted on top of it. */
  targetMinutes: z.number().int().positive(),
  extensionMinutes: z.number().int().nonnegative(),
});
export type TriageTargetView = z.infer<typeof triageTargetViewSchema>;

export const uncoveredWhySchema = z.enum(['no-organization', 'unknown-organization', 'contract-not-in-force', 'contract-expired', 'service-not-covered']);
export type UncoveredWhy = z.infer<typeof uncoveredWhySchema>;

export const triageRowSchema = z.object({
  issueId: z.string().regex(/^\d+$/),
  issueKey: z.string().min(1),
  summary: z.string(),
  status: z.string(),
  assignee: z.object({ accountId: z.string(), displayName: z.string() }).nullable(),
  priority: z.string().nullable(),
  group: triageGroupSchema,
  /** For a clock stopped by its calendar: when it counts again. */
  resumesAt: instantSchema.nullable(),
  /** The target whose deadline is nearest, its state and business time left; null without a clock. */
  nearest: z.object({ target: z.enum(['response', 'resolution']), businessMinutesLeft: z.number().int(), state: triageStateSchema }).nullable(),
  response: triageTargetViewSchema.nullable(),
  resolution: triageTargetViewSchema.nullable(),
  customer: refSchema.nullable(),
  level: refSchema.nullable(),
  bespoke: z.boolean(),
  service: refSchema.nullable(),
  priorityClass: z.string().nullable(),
  calendarName: z.string().nullable(),
  /** The calendar counts every minute of every day (24x7). */
  allHours: z.boolean(),
  pause: z.enum(['status', 'manual']).nullable(),
  promise: z.object({ expectedAt: instantSchema, state: z.enum(['pending', 'kept', 'lapsed']) }).nullable(),
  /** Why no contract covers the request; with `bestEffort` the settings' best-effort level runs a clock. */
  uncovered: uncoveredWhySchema.nullable(),
  bestEffort: z.boolean(),
  /** The clock is in error (a broken calendar, unreadable terms): no deadline can be shown. */
  error: z.boolean(),
});
export type TriageRow = z.infer<typeof triageRowSchema>;

export const triageViewSchema = z.object({
  project: z.object({ id: z.string(), key: z.string() }),
  /** The instant the order was computed at. */
  now: instantSchema,
  rows: z.array(triageRowSchema),
  /** Open requests matching the filters (before what the caller may not see is left out). */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  /** The offset of the next page; null on the last. */
  nextOffset: z.number().int().nonnegative().nullable(),
  /** Rows of this page left out because the caller may not see them in Jira. */
  hidden: z.number().int().nonnegative(),
  /** True when the project has more open requests than the view reads; the order covers those read. */
  truncated: z.boolean(),
  options: z.object({ customers: z.array(refSchema), levels: z.array(refSchema), services: z.array(refSchema) }),
  /**
   * The same selection as a JQL search for Jira's queues and issue navigator, ordered by deadline
   * (JQL cannot tell a running clock from one stopped by its calendar, nor count business time).
   */
  jql: z.string(),
});
export type TriageView = z.infer<typeof triageViewSchema>;
