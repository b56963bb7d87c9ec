/**
 * The stored notice reminder (entity `renewal-reminder`, ADR 0024): one item per contract version
 * and notice date. It is written *before* the notification goes out — a claim, on the condition that
 * no item exists — and marked `sent` by the claimer once Jira accepted the notification, so two sweeps
 * at once send it once. A claim whose notification got no answer stays `claimed`: it may have been
 * sent, and is never sent again (ADR 0011: a lost notification over a duplicate one).
 *
 * Pure zod: no I/O, no Forge imports, no clock.
 */
import { z } from 'zod';
import { instantSchema } from './clock-record';
import { entityIdSchema, localDateSchema } from './building-blocks';

export const RENEWAL_REMINDER_SCHEMA_VERSION = 1;

export const renewalReminderItemSchema = z.object({
  schemaVersion: z.literal(RENEWAL_REMINDER_SCHEMA_VERSION),
  contractId: entityIdSchema,
  version: z.number().int().positive(),
  noticeDate: localDateSchema,
  /** `claimed`: being sent, or sent without an answer; `sent`: Jira accepted it. */
  status: z.enum(['claimed', 'sent']),
  /** A random id of the claim: only its claimer marks it sent or gives it up. */
  claimId: z.string().min(8).max(64),
  claimedAt: instantSchema,
  sentAt: instantSchema.optional(),
  /** The request the notification was sent on. */
  issueKey: z.string().min(1).max(64),
  accountManager: z.string().min(1).max(128),
});
export type RenewalReminderItem = z.infer<typeof renewalReminderItemSchema>;
