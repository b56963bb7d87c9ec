/**
 * The managers' resolver APIs: the dashboard gadget (`gadget/...`, `jira:dashboardGadget`) and the
 * review report page (`reports/...`, `jira:globalPage`). Keys, payload schemas, the gadget's saved
 * configuration, and the answers (each wrapped in the envelope of ./envelope). The numbers are
 * computed by the backend through src/domain/compliance-report.ts; the UIs only format them.
 *
 * Pure zod: no I/O, no Forge imports, no clock — bundled into the browser.
 */
import { z } from 'zod';
import { amountSchema, dateSchema, idSchema, monthSchema, priorityClassOfReportSchema } from './report-primitives';
import { adminRenewalSchema, renewalSchema } from './renewals-api';
import { contractInForceSchema } from './contracts-in-force';
import { strictObject } from './strict-object';
import { periodChoiceSchema, periodPresetSchema, reportPeriodSchema } from './report-period';

/** Resolver keys of the dashboard gadget, namespaced `gadget/...`. */
export const GADGET_RESOLVER_KEYS = {
  /** The gadget's view for the configuration Jira saved for it (read from the Forge context). */
  get: 'gadget/get',
  /** What the edit view offers: customers, services and levels of the contract database. */
  options: 'gadget/options',
} as const;

/** Resolver keys of the review report page, namespaced `reports/...`. */
export const REPORTS_RESOLVER_KEYS = {
  get: 'reports/get',
  exportCsv: 'reports/export-csv',
  /** The service credits of the report's customer(s) and period as CSV (issue 14.4). */
  exportCreditsCsv: 'reports/export-credits-csv',
} as const;

/** The id used for "no customer / no service" in aggregates (see compliance-aggregate.ts). */
const refSchema = z.object({ id: z.string().min(1), name: z.string() });
export type NamedRef = z.infer<typeof refSchema>;

const instantSchema = z.iso.datetime({ offset: true });
const issueKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/);

// ---------------------------------------------------------------------------------------------
// Gadget configuration (saved by Jira per gadget through view.submit in the edit view)

/**
 * What one gadget shows: one customer or all, a period, optional service and level filters.
 * Jira stores it per gadget and hands it back in the context (`extension.gadgetConfiguration`).
 */
export const gadgetConfigurationSchema = z.object({
  /** null: every customer. */
  customerId: idSchema.nullable().default(null),
  period: periodChoiceSchema.default({ kind: 'preset', preset: 'last-quarter' }),
  serviceId: idSchema.nullable().default(null),
  levelId: idSchema.nullable().default(null),
  /** Minutes between automatic refreshes (Jira reads this field of the submitted configuration). */
  refresh: z.number().int().positive().max(1440).optional(),
});
export type GadgetConfiguration = z.infer<typeof gadgetConfigurationSchema>;

/** The configuration of a gadget nobody configured yet: all customers, the last full quarter. */
export const DEFAULT_GADGET_CONFIGURATION: GadgetConfiguration = gadgetConfigurationSchema.parse({});

export const emptyPayloadSchema = strictObject({});

// ---------------------------------------------------------------------------------------------
// Building blocks of both views

/** Counters and percentages of a selection of resolved requests. */
export const complianceFiguresSchema = z.object({
  resolved: z.number().int().nonnegative(),
  met: z.number().int().nonnegative(),
  missed: z.number().int().nonnegative(),
  /** met ÷ (met + missed), one decimal; null when nothing was resolved. */
  onTimePercent: z.number().nullable(),
  responseMet: z.number().int().nonnegative(),
  responseMissed: z.number().int().nonnegative(),
  responsePercent: z.number().nullable(),
  /** Extensions granted, in total. */
  extensions: z.number().int().nonnegative(),
});
export type ComplianceFigures = z.infer<typeof complianceFiguresSchema>;

/** A customer's agreement at one level over the period: the objective and whether it was reached. */
export const levelVerdictSchema = z.object({
  level: refSchema,
  objectivePercent: z.number().nullable(),
  figures: complianceFiguresSchema,
  /** The objective was reached (or, without one, every request was on time). */
  met: z.boolean(),
  /** This level is one of the headline ("Gold") levels. */
  headline: z.boolean(),
});
export type LevelVerdict = z.infer<typeof levelVerdictSchema>;

/** "All Gold agreements met": over the headline levels, per customer. */
export const headlineVerdictSchema = z.object({
  /** The headline levels' names ("Gold", "Gold (New York)"). */
  levels: z.array(refSchema),
  /** False when no request at a headline level was resolved (nothing to judge). */
  applicable: z.boolean(),
  met: z.boolean(),
  /** Headline-level requests resolved late. */
  missedRequests: z.number().int().nonnegative(),
  /** Customer × level agreements not met. */
  missedAgreements: z.number().int().nonnegative(),
});
export type HeadlineVerdict = z.infer<typeof headlineVerdictSchema>;

export const customerSummarySchema = z.object({
  customer: refSchema,
  figures: complianceFiguresSchema,
  headline: headlineVerdictSchema,
  levels: z.array(levelVerdictSchema),
});
export type CustomerSummary = z.infer<typeof customerSummarySchema>;

/** One row of a breakdown by level, service or priority class. */
export const breakdownRowSchema = z.object({
  key: z.string().min(1),
  name: z.string(),
  objectivePercent: z.number().nullable(),
  figures: complianceFiguresSchema,
});
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

export const breakdownSchema = z.object({
  level: z.array(breakdownRowSchema),
  service: z.array(breakdownRowSchema),
  priorityClass: z.array(breakdownRowSchema),
});
export type Breakdown = z.infer<typeof breakdownSchema>;

/** One month of the trend. */
export const trendPointSchema = z.object({ month: monthSchema, figures: complianceFiguresSchema });
export type TrendPoint = z.infer<typeof trendPointSchema>;

/** The resolved period with its local dates (first and last day, inclusive). */
export const resolvedPeriodSchema = reportPeriodSchema.and(
  z.object({
    start: dateSchema,
    end: dateSchema,
    preset: periodPresetSchema.nullable(),
  }),
);
export type ResolvedPeriod = z.infer<typeof resolvedPeriodSchema>;

/** A JQL search a count links to (Jira's issue navigator: `/issues/?jql=…`). */
export const jqlCountSchema = z.object({ count: z.number().int().nonnegative(), jql: z.string().min(1) });

/** A request that missed its deadline: resolved late, or still open and past it. */
export const breachSchema = z.object({
  issueKey: issueKeySchema,
  summary: z.string(),
  customer: refSchema.nullable(),
  service: refSchema.nullable(),
  level: refSchema,
  priorityClass: priorityClassOfReportSchema,
  deadline: instantSchema,
  /** null: still open. */
  resolvedAt: instantSchema.nullable(),
  /** Business minutes past the deadline, in the calendar the target counted in. */
  overdueMinutes: z.number().nonnegative(),
});
export type Breach = z.infer<typeof breachSchema>;

// ---------------------------------------------------------------------------------------------
// gadget/get

export const gadgetViewSchema = z.object({
  configuration: gadgetConfigurationSchema,
  period: resolvedPeriodSchema,
  scope: z.object({ customer: refSchema.nullable(), service: refSchema.nullable(), level: refSchema.nullable() }),
  /** Totals over every customer in scope. */
  figures: complianceFiguresSchema,
  headline: headlineVerdictSchema,
  /** One entry per customer in scope with resolved requests, worst on-time percentage first. */
  customers: z.array(customerSummarySchema),
  breakdown: breakdownSchema,
  trend: z.array(trendPointSchema),
  open: z.object({ running: jqlCountSchema, paused: jqlCountSchema, atRisk: jqlCountSchema, breached: jqlCountSchema }),
  worstBreaches: z.array(breachSchema),
  /** The search behind the worst breaches stopped at its limit: there may be worse ones. */
  worstBreachesIncomplete: z.boolean(),
  /** Requests resolved in the period without contract terms: counted apart, never in a percentage. */
  withoutContract: z.number().int().nonnegative(),
  /** The contract database is empty: the gadget explains where to start. */
  hasContracts: z.boolean(),
  /** Contracts in scope whose notice date or end of term falls in the next 90 days, soonest first. */
  renewals: z.array(renewalSchema),
});
export type GadgetView = z.infer<typeof gadgetViewSchema>;

export const gadgetOptionsSchema = z.object({
  customers: z.array(refSchema),
  services: z.array(refSchema),
  levels: z.array(refSchema),
  configuration: gadgetConfigurationSchema,
});
export type GadgetOptions = z.infer<typeof gadgetOptionsSchema>;

// ---------------------------------------------------------------------------------------------
// reports/get and reports/export-csv

export const reportQuerySchema = strictObject({
  /** null: every customer. */
  customerId: idSchema.nullable(),
  period: periodChoiceSchema,
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** The query the page opens with: every customer, the last full quarter. */
export const DEFAULT_REPORT_QUERY: ReportQuery = { customerId: null, period: { kind: 'preset', preset: 'last-quarter' } };

/** Volume and on-time figures of one customer × service × level × priority class: a CSV row. */
export const volumeRowSchema = z.object({
  customer: refSchema,
  service: refSchema,
  level: refSchema,
  priorityClass: priorityClassOfReportSchema,
  objectivePercent: z.number().nullable(),
  figures: complianceFiguresSchema,
});
export type VolumeRow = z.infer<typeof volumeRowSchema>;

/** One extension of a missed request's target, from its record. */
export const extensionSchema = z.object({
  at: instantSchema,
  minutes: z.number().int().positive(),
  reason: z.string(),
  by: z.string().nullable(),
});

export const missedRequestSchema = breachSchema.extend({
  resolvedAt: instantSchema,
  extensions: z.array(extensionSchema),
});
export type MissedRequest = z.infer<typeof missedRequestSchema>;

/** A request resolved in the period without contract terms (listed apart). */
export const uncoveredRequestSchema = z.object({
  issueKey: issueKeySchema,
  summary: z.string(),
  resolvedAt: instantSchema.nullable(),
  /** Why no contract applied (the record's reason), or `fallback` for best-effort terms. */
  reason: z.string(),
});
export type UncoveredRequest = z.infer<typeof uncoveredRequestSchema>;

/**
 * The service credit of one customer × service × month (issue 14.4): the missed requests of that
 * service resolved in that month (the report's counting rules), per priority class, and the credit
 * the terms in force that month give for them — `min(cap, Σ percent) × monthly price`, rounded
 * half-even on minor units (src/domain/service-credits.ts). A row exists for every customer ×
 * service × month with a missed request under terms that carry a credit rule; also a CSV row.
 */
export const creditRowSchema = z.object({
  customer: refSchema,
  service: refSchema,
  month: monthSchema,
  /** The contract (and version) whose terms gave the rule and the price. */
  contract: refSchema,
  version: z.number().int().positive(),
  /** The level the service is covered at; `bespoke` when the rule or price is the contract's own. */
  level: refSchema,
  bespoke: z.boolean(),
  missed: z.number().int().positive(),
  missedByClass: z.partialRecord(priorityClassOfReportSchema, z.number().int().positive()),
  /** The percentage credited, capped; exact hundredths. */
  creditPercent: z.number().min(0).max(100),
  capPercent: z.number().min(0).max(100),
  capped: z.boolean(),
  /** The service's monthly price that month; null when none is agreed (then no amount can be given). */
  monthlyPrice: amountSchema.nullable(),
  /** The credit; null without a monthly price. */
  credit: amountSchema.nullable(),
});
export type CreditRow = z.infer<typeof creditRowSchema>;

export const reviewReportSchema = z.object({
  query: reportQuerySchema,
  period: resolvedPeriodSchema,
  previousPeriod: resolvedPeriodSchema,
  customer: refSchema.nullable(),
  /** Every customer with a contract: what the picker offers. */
  customers: z.array(refSchema),
  lastReconciledAt: instantSchema.nullable(),
  contracts: z.array(contractInForceSchema),
  figures: complianceFiguresSchema,
  previousFigures: complianceFiguresSchema,
  headline: headlineVerdictSchema,
  /** Per customer: figures and the verdict per level, this period and the previous. */
  customerSummaries: z.array(
    customerSummarySchema.extend({ previous: complianceFiguresSchema, previousLevels: z.array(levelVerdictSchema) }),
  ),
  volume: z.array(volumeRowSchema),
  breakdown: breakdownSchema,
  trend: z.array(trendPointSchema),
  missed: z.array(missedRequestSchema),
  /** The aggregates count more missed requests than the records found (a rebuild reconciles them). */
  missedMismatch: z.boolean(),
  uncovered: z.array(uncoveredRequestSchema),
  /** Requests without contract terms that had a clock (best effort), from the aggregates. */
  withoutContract: z.number().int().nonnegative(),
  /** Service credits due per customer × service × month of the period (the credits CSV's rows). */
  credits: z.array(creditRowSchema),
  /** The credits' sum per currency, largest first. */
  creditTotals: z.array(amountSchema),
  /** Contracts (of the customer, or all) whose notice date or end of term falls in the next 90 days, with account manager and notice reminder. */
  renewals: z.array(adminRenewalSchema),
});
export type ReviewReport = z.infer<typeof reviewReportSchema>;

/** The CSV export: the file name and its text (UTF-8, RFC 4180, header row first). */
export const csvExportSchema = z.object({ fileName: z.string().min(1), csv: z.string(), rows: z.number().int().nonnegative() });
export type CsvExport = z.infer<typeof csvExportSchema>;

/** The CSV columns, in order and named exactly as issue 8 asks. */
export const CSV_COLUMNS = [
  'customer',
  'service',
  'level',
  'priority',
  'period_start',
  'period_end',
  'resolved',
  'met',
  'missed',
  'on_time_percent',
  'objective_percent',
  'response_met',
  'response_missed',
  'extensions',
] as const;

/**
 * The credits CSV's columns, in order and named exactly as issue 14 asks. Amounts are decimal
 * strings with the currency's minor-unit digits and a point (`67.50`, `500` for JPY); percentages
 * have two decimals (`12.50`) — docs/adr/0025-service-credits-terms-and-csv.md.
 */
export const CREDITS_CSV_COLUMNS = ['customer', 'service', 'month', 'missed', 'credit_percent', 'monthly_price', 'credit_amount', 'currency'] as const;
