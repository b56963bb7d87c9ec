/**
 * Compliance reporting values (design §4), as stored: the frozen outcome of one request
 * (`IssueOutcome`, one small value per resolved issue) and the per-month, per-customer aggregate of
 * counters (`ComplianceAggregate`). Zod schemas + inferred types; the arithmetic is in
 * src/domain/compliance.ts.
 *
 * Pure zod: no I/O, no Forge imports, no clock.
 *
 * What must be stored (by the storage layer), and why: the aggregate holds only counters per
 * (service, level, priority class) — its size depends on the contract book, not on the number of
 * requests, so it stays a few KB whatever the volume (Forge KVS values are limited to 240 KiB). The
 * per-issue `IssueOutcome` is what makes updates idempotent: before changing an aggregate, the
 * previous outcome of that issue is read, and only the difference is applied (see
 * `planOutcomeUpdate`). Both are written together (a KVS transaction) so they never disagree.
 */
import { z } from 'zod';
import { priorityClassSchema } from './contract-database';
import { instantSchema } from './clock-record';

export const COMPLIANCE_SCHEMA_VERSION = 1;

/** The key used when a request has no customer (fallback terms without a known customer) or no service. */
export const NO_ENTITY_KEY = '~none';

/** A report month, `YYYY-MM`, in the contract's zone. */
export const reportMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month as YYYY-MM.');
export type ReportMonth = z.infer<typeof reportMonthSchema>;

const idOrNoneSchema = z.string().min(1).max(200);

/** The frozen outcome of one resolved request: what it contributes to its month's aggregate. */
export const issueOutcomeSchema = z.object({
  schemaVersion: z.literal(COMPLIANCE_SCHEMA_VERSION),
  issueId: z.string().min(1).max(64),
  /** The month of the resolution, in the terms' zone. */
  month: reportMonthSchema,
  customerId: idOrNoneSchema,
  serviceId: idOrNoneSchema,
  levelId: idOrNoneSchema,
  priorityClass: priorityClassSchema,
  outcome: z.enum(['met', 'breached']),
  /** `none` when the terms had no first-response target. */
  response: z.enum(['met', 'breached', 'none']),
  /** How many times the resolution target was extended. */
  extensions: z.number().int().nonnegative(),
  resolvedAt: instantSchema,
});
export type IssueOutcome = z.infer<typeof issueOutcomeSchema>;

/** Counters of one cell (or of a report row). */
export const complianceCountsSchema = z.object({
  met: z.number().int().nonnegative(),
  breached: z.number().int().nonnegative(),
  responseMet: z.number().int().nonnegative(),
  responseBreached: z.number().int().nonnegative(),
  /** Requests with at least one extension. */
  extended: z.number().int().nonnegative(),
  /** Extensions in total. */
  extensions: z.number().int().nonnegative(),
});
export type ComplianceCounts = z.infer<typeof complianceCountsSchema>;

/** One cell: the counters of one service × level × class. */
export const complianceCellSchema = complianceCountsSchema.extend({
  serviceId: idOrNoneSchema,
  levelId: idOrNoneSchema,
  priorityClass: priorityClassSchema,
});
export type ComplianceCell = z.infer<typeof complianceCellSchema>;

/**
 * The aggregate of one month and one customer: cells sorted by (service, level, class), empty cells
 * removed, so equal contents are equal values (and a rebuild compares equal to incremental updates).
 */
export const complianceAggregateSchema = z.object({
  schemaVersion: z.literal(COMPLIANCE_SCHEMA_VERSION),
  month: reportMonthSchema,
  customerId: idOrNoneSchema,
  cells: z.array(complianceCellSchema).max(5000),
});
export type ComplianceAggregate = z.infer<typeof complianceAggregateSchema>;
