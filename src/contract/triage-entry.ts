/**
 * The triage view's own index (issue 11 item 1, ADR 0027): one small `triage-entry` item per open
 * request, written by `writeClock` in the same conditional transaction as the clock it summarises,
 * so the view reads a few hundred bytes per request from app storage — never Jira, never the whole
 * clock — and orders them at the instant it is opened. Plus one `triage-calendar` item per distinct
 * business calendar the entries count in (keyed by a hash of the calendar's definition), because
 * "running now or stopped by its calendar" and "business time left" depend on the calendar and on
 * that instant.
 *
 * Only facts the app computed from its own clock and from Jira's issue as read by the app are kept
 * here; a user can write neither. Pure zod: no I/O, no Forge imports. Entity attributes may not hold
 * null, so an absent value is an omitted attribute (`assignee`).
 */
import { z } from 'zod';
import { calendarDefinitionSchema } from './calendar';
import { clockStateSchema, instantSchema, uncoveredReasonSchema } from './clock-record';
import { priorityClassSchema } from './building-blocks';
import { SWEEP_SHARDS } from './clock-storage';

/** The version of the entry and calendar item formats. */
export const TRIAGE_SCHEMA_VERSION = 1;

const namedSchema = z.object({ id: z.string().min(1).max(200), name: z.string().max(255) });

/**
 * One target of the clock as the triage view needs it to compute business time left at any instant:
 * the deadline while the clock can reach it, or the business minutes left while it stands still
 * (paused before the deadline: constant until it runs again).
 */
export const triageTargetSchema = z.object({
  /** The deadline; null while paused before it. */
  deadline: instantSchema.nullable(),
  /** Business minutes left while the clock stands still (negative when already overdue); null while it runs. */
  stillLeft: z.number().int().nullable(),
  /** The target in business minutes, extensions not included, and the extensions granted. */
  targetMinutes: z.number().int().positive(),
  extensionMinutes: z.number().int().nonnegative(),
});
export type TriageTarget = z.infer<typeof triageTargetSchema>;

/** The clock of one open request, as the triage view orders and shows it. */
export const triageClockSchema = z.object({
  /** The record's state when it was written (the view re-derives it at its own instant). */
  state: clockStateSchema,
  customer: namedSchema.nullable(),
  level: namedSchema.nullable(),
  /** Bespoke ("maatwerk") terms of the contract. */
  bespoke: z.boolean(),
  service: namedSchema.nullable(),
  priorityClass: priorityClassSchema,
  /** The `triage-calendar` key of the calendar the resolution target counts in now; null without a clock. */
  calendar: z.string().min(1).max(64).nullable(),
  /** The calendar's name, and whether it counts every minute of every day (24x7). */
  calendarName: z.string().max(255).nullable(),
  allHours: z.boolean(),
  /** The at-risk threshold of the terms, in percent of a target used. */
  atRiskPercent: z.number().int().min(1).max(99),
  resolution: triageTargetSchema.nullable(),
  /** The first-response target while no response was given; null when responded or none applies. */
  response: triageTargetSchema.nullable(),
  /** Why the clock stands still by status or by hand, if it does. */
  pause: z.enum(['status', 'manual']).nullable(),
  /** The promise to the customer in force. */
  promise: z.object({ expectedAt: instantSchema, state: z.enum(['pending', 'kept', 'lapsed']) }).nullable(),
  /** Why no contract covers the request (uncovered, or best-effort fallback terms). */
  uncovered: uncoveredReasonSchema.nullable(),
  /** True when the settings' best-effort level applies (a clock runs without a contract). */
  bestEffort: z.boolean(),
});
export type TriageClock = z.infer<typeof triageClockSchema>;

/** One open request in the triage index (entity `triage-entry`, key: the issue id). */
export const triageEntrySchema = z.object({
  schemaVersion: z.literal(TRIAGE_SCHEMA_VERSION),
  issueId: z.string().min(1).max(64),
  issueKey: z.string().min(1).max(255),
  /** The service project: the view lists one project's requests (index `by-project`). */
  projectId: z.string().min(1).max(64),
  /** The sweep shard of the issue (0–15): the view reads the shards of a project in parallel. */
  shard: z.number().int().min(0).max(SWEEP_SHARDS - 1),
  /** The assignee's account id; absent when unassigned ("mine"). */
  assignee: z.string().min(1).max(128).optional(),
  clock: triageClockSchema,
});
export type TriageEntry = z.infer<typeof triageEntrySchema>;

/** A business calendar the entries count in (entity `triage-calendar`, key: its `calendarKey`). */
export const triageCalendarItemSchema = z.object({
  schemaVersion: z.literal(TRIAGE_SCHEMA_VERSION),
  name: z.string().max(255),
  definition: calendarDefinitionSchema,
});
export type TriageCalendarItem = z.infer<typeof triageCalendarItemSchema>;
