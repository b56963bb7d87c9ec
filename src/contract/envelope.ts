/**
 * The one response envelope every resolver answers with, and the error codes it may carry.
 * Shared by backend (src/entry) and Custom UI (static/); no I/O, no Forge imports.
 */
import { z } from 'zod';
import { describeIssues, formatIssuePath } from './strict-object';

export const errorCodeSchema = z.enum([
  'invalid-input', // the payload failed validation; fieldErrors names the fields
  'forbidden', // the caller may not see or change this
  'not-found', // the issue / record / entity does not exist
  'conflict', // stale input: the issue or record changed meanwhile, or the clock already stopped
  'confirmation-required', // the change is allowed only when confirmed (e.g. an import that rewrites history); fieldErrors say why
  'unavailable', // Jira or storage failed after retries
  'internal', // a broken invariant; logged without payload
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const resolverErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
});
export type ResolverError = z.infer<typeof resolverErrorSchema>;

/** Builds the envelope schema for a resolver whose data has the given schema. */
export function envelopeSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: resolverErrorSchema }),
  ]);
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ResolverError };

/** @example ok({ deadline: '2026-12-01T14:00:00Z' }) */
export function ok<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

/** @example fail('forbidden', 'You cannot see this issue.') */
export function fail<T = never>(
  code: ErrorCode,
  message: string,
  fieldErrors?: Record<string, string[]>,
): Envelope<T> {
  return fieldErrors === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, fieldErrors } };
}

/**
 * Flattens zod issues into `{ "path.to.field": ["message"] }` so forms and import reports can show
 * every error next to the field it belongs to. The root is named "(root)"; an unknown key is named
 * by its own path (`revison: ["Unknown field 'revison' (did you mean 'revision'?)."]`).
 */
export function flattenIssues(issues: readonly z.core.$ZodIssue[]): Record<string, string[]> {
  return groupFieldErrors(describeIssues(issues).map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })));
}

/**
 * `{ path: [messages] }` from path/message pairs, in first-seen order. Paths come from user input (an
 * unknown key is named by itself), so they are own properties built with `Object.fromEntries`: a key
 * such as `__proto__` or `constructor` is a field name like any other, not Object.prototype.
 *
 * @example groupFieldErrors([{ path: '__proto__', message: "Unknown field '__proto__'." }]) // { ['__proto__']: ["Unknown field '__proto__'."] }
 */
export function groupFieldErrors(errors: Iterable<{ readonly path: string; readonly message: string }>): Record<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const { path, message } of errors) {
    const messages = byPath.get(path);
    if (messages === undefined) byPath.set(path, [message]);
    else messages.push(message);
  }
  return Object.fromEntries(byPath);
}
