/**
 * The review report's contract section: the contract versions in force during a period, as the
 * report shows them — dates, and per covered service the level, the targets per priority class, the
 * coverage hours (calendar) and the monthly price, with bespoke ("maatwerk") terms marked. A flat,
 * display-ready shape, deliberately independent of how the contract database stores contracts, so a
 * new database schema only changes the mapping in src/app/report-contracts.ts.
 *
 * Pure zod: no I/O, no Forge imports, no clock — bundled into the browser.
 */
import { z } from 'zod';
import { amountSchema, dateSchema, priorityClassOfReportSchema } from './report-primitives';

const refSchema = z.object({ id: z.string().min(1), name: z.string() });

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A holiday as the report lists it: a date, or a month and day every year, with its name when it has one. */
export const holidayInForceSchema = z.object({
  /** `YYYY-MM-DD` for a dated holiday, `MM-DD` for a yearly one. */
  when: z.string().min(5),
  yearly: z.boolean(),
  name: z.string().nullable(),
});
export type HolidayInForce = z.infer<typeof holidayInForceSchema>;

/** Coverage hours as the report prints them: the zone, the working intervals per weekday, holidays. */
export const coverageHoursSchema = z.object({
  timeZone: z.string().min(1),
  /** Per weekday the `[start, end)` local times; a missing or empty day has no coverage. */
  week: z.partialRecord(z.enum(WEEKDAYS), z.array(z.tuple([z.string(), z.string()]))),
  holidays: z.array(holidayInForceSchema),
});
export type CoverageHours = z.infer<typeof coverageHoursSchema>;

export const termTargetSchema = z.object({
  priorityClass: priorityClassOfReportSchema,
  resolutionMinutes: z.number().int().positive(),
  responseMinutes: z.number().int().positive().nullable(),
  /** Bespoke terms override the level's target for this class. */
  bespoke: z.boolean(),
});
export type TermTarget = z.infer<typeof termTargetSchema>;

export const serviceTermsInForceSchema = z.object({
  service: refSchema,
  level: refSchema,
  /** The level revision whose terms are shown: the one in force when the version's overlap with the period starts. */
  levelRevisionFrom: dateSchema,
  /** The level's compliance objective, e.g. 95 (percent); null: every request must be on time. */
  objectivePercent: z.number().nullable(),
  /** Any bespoke term (target, calendar or price) on top of the level. */
  bespoke: z.boolean(),
  bespokeNote: z.string().nullable(),
  targets: z.array(termTargetSchema),
  /** The coverage hours: the calendar the targets count in. */
  calendar: refSchema.extend({ hours: coverageHoursSchema, bespoke: z.boolean() }),
  /** The monthly price of this service at this level (or the bespoke price); null when none is set. */
  monthlyPrice: amountSchema.nullable(),
  priceBespoke: z.boolean(),
  /** This is the version's default service (requests no rule recognises). */
  isDefault: z.boolean(),
});
export type ServiceTermsInForce = z.infer<typeof serviceTermsInForceSchema>;

export const contractVersionInForceSchema = z.object({
  version: z.number().int().positive(),
  effectiveFrom: dateSchema,
  effectiveTo: dateSchema.nullable(),
  monthlyFee: amountSchema.nullable(),
  noticeDate: dateSchema.nullable(),
  /** The last day of the agreed term (the contract ends or renews after it). */
  endDate: dateSchema.nullable(),
  note: z.string().nullable(),
  services: z.array(serviceTermsInForceSchema),
});
export type ContractVersionInForce = z.infer<typeof contractVersionInForceSchema>;

export const contractInForceSchema = z.object({
  customer: refSchema,
  contract: refSchema,
  /** The zone the version dates are read in. */
  timeZone: z.string().min(1),
  /** The versions whose dates overlap the period, oldest first. */
  versions: z.array(contractVersionInForceSchema),
});
export type ContractInForce = z.infer<typeof contractInForceSchema>;
