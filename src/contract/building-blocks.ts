/**
 * The small schemas every other contract module builds on — ids, local dates, time zones, priority
 * classes, Jira names — in a module of their own, so that the issue panel's bundle (which needs a
 * few of them through panel-api.ts) does not carry the whole contract database schema.
 * src/contract/contract-database.ts re-exports them.
 *
 * Pure zod: no I/O, no Forge; bundled into the browser.
 */
import { z } from 'zod';
import { isKnownTimeZone } from './calendar';
import { vt } from './validation-message';

/** An admin-chosen id: letters, digits, `_`, `.`, `-`; starts with a letter or digit; max 64. */
export const entityIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, vt('validation.id'));
export type EntityId = z.infer<typeof entityIdSchema>;

/** A calendar date without time or zone, `YYYY-MM-DD`, that exists (no 30 February). */
export const localDateSchema = z.iso.date({ error: vt('validation.localDate') });
export type LocalDate = z.infer<typeof localDateSchema>;

/** An IANA time-zone name that `Intl` accepts, e.g. `Europe/Amsterdam`. */
export const ianaTimeZoneSchema = z.string().min(1, vt('validation.timeZone')).refine(isKnownTimeZone, { error: vt('validation.timeZone') });

/** The app's priority classes, P1 the most urgent. */
export const PRIORITY_CLASSES = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
export const priorityClassSchema = z.enum(PRIORITY_CLASSES);
export type PriorityClass = z.infer<typeof priorityClassSchema>;

/** A Jira status or priority name as Jira shows it (matched case-insensitively). */
export const jiraNameSchema = z.string().trim().min(1, vt('validation.value.empty')).max(255, vt('validation.text.tooLong', { max: 255 }));
