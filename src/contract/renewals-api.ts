/**
 * Renewals and notice (issue 14.3) as the gadget and the settings page show them: the contracts
 * whose notice date or end of term falls within the next 90 days, with the days left counted in each
 * contract's own zone, what the contract is worth a month, and — on the settings page — the notice
 * reminder to the account manager and whether it went out. The list is computed by the backend
 * (src/domain/renewals.ts); the UIs only format it.
 *
 * Pure zod: no I/O, no Forge imports, no clock — bundled into the browser (kept free of the contract
 * database's schemas for the gadget's bundle, as report-primitives.ts explains).
 */
import { z } from 'zod';
import { amountSchema, dateSchema } from './report-primitives';

const refSchema = z.object({ id: z.string().min(1), name: z.string() });

/** How far ahead the renewals lists look, in days. */
export const RENEWALS_HORIZON_DAYS = 90;

/** One date of a renewal: the notice date or the end of term, and the days until it (0: today). */
export const renewalDateSchema = z.object({ date: dateSchema, days: z.number().int().nonnegative() });

/** A contract version whose notice date or end of term falls within the horizon. */
export const renewalSchema = z.object({
  customer: refSchema,
  contract: refSchema,
  version: z.number().int().positive(),
  /** The zone the dates are read in (the contract's). */
  timeZone: z.string().min(1),
  /** The last day to give notice, when it falls within the horizon. */
  notice: renewalDateSchema.nullable(),
  /** The last day of the term, when it falls within the horizon. */
  end: renewalDateSchema.nullable(),
  /** What the version is worth a month today (services and fee); null when nothing is priced. */
  monthlyValue: amountSchema.nullable(),
  /** JQL of the customer's requests (newest first), for a link to the issue navigator. */
  requestsJql: z.string().min(1),
});
export type Renewal = z.infer<typeof renewalSchema>;

/** The state of a notice reminder: not due yet, sent, or possibly sent (an answer was lost). */
export const reminderStatusSchema = z.enum(['scheduled', 'due', 'sent', 'unknown']);
export type ReminderStatus = z.infer<typeof reminderStatusSchema>;

/** A renewal as the settings page lists it: with the account manager and the notice reminder. */
export const adminRenewalSchema = renewalSchema.extend({
  /** The account manager (display name from Jira; the id when Jira does not know it). */
  accountManager: refSchema.nullable(),
  /** The reminder N days before the notice date; null when the contract asks for none. */
  reminder: z
    .object({
      days: z.number().int().positive(),
      /** The local date it is due on (notice date minus the days). */
      on: dateSchema,
      status: reminderStatusSchema,
      /** When it was sent (or tried, for `unknown`), and on which request. */
      sentAt: z.iso.datetime({ offset: true }).nullable(),
      issueKey: z.string().nullable(),
    })
    .nullable(),
});
export type AdminRenewal = z.infer<typeof adminRenewalSchema>;
