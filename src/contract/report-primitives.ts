/**
 * The few building blocks the managers' APIs need (months, ids, local dates, priority classes,
 * money), declared here rather than imported from contract-database.ts / clock-record.ts: those
 * modules build every schema of the contract database and the clock record when loaded, which would
 * put ~5 kB of zod schemas the gadget never uses into its 150 kB bundle. The values are the same
 * (test/contract/report-primitives.test.ts holds them equal).
 *
 * Pure zod: no I/O, no Forge imports, no clock — bundled into the browser.
 */
import { z } from 'zod';

/** A report month, `YYYY-MM` (as compliance-aggregate.ts's reportMonthSchema). */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month as YYYY-MM.');

/** An admin-chosen id (as contract-database.ts's entityIdSchema). */
export const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'Use 1–64 letters, digits, "_", "." or "-", starting with a letter or digit.');

/** A local date `YYYY-MM-DD` that exists (as contract-database.ts's localDateSchema). */
export const dateSchema = z.iso.date({ error: 'Use a real date as YYYY-MM-DD.' });

/** The app's priority classes (as contract-database.ts's PRIORITY_CLASSES). */
export const REPORT_PRIORITY_CLASSES = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
export const priorityClassOfReportSchema = z.enum(REPORT_PRIORITY_CLASSES);

/**
 * An amount with its currency: whole minor units (cents) as the contract database stores them
 * (src/contract/money.ts), formatted for people with `formatMoney`.
 */
export const amountSchema = z.object({ amountMinor: z.number().int().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/) });
