/**
 * The one error the Jira emulator throws for an expected refusal (bad input, unknown issue, no
 * permission). The HTTP router turns it into Jira's error body with the same status; in-process
 * callers can read `status`, `errorMessages` and `errors` directly.
 *
 * No I/O; knows nothing about HTTP beyond the status number.
 */

export type JiraErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 429 | 503;

export class JiraError extends Error {
  readonly status: JiraErrorStatus;
  readonly errorMessages: readonly string[];
  /** field id → message, as in Jira's `errors` object */
  readonly errors: Readonly<Record<string, string>>;

  constructor(status: JiraErrorStatus, errorMessages: readonly string[], errors: Record<string, string> = {}) {
    super([...errorMessages, ...Object.entries(errors).map(([field, message]) => `${field}: ${message}`)].join(' '));
    this.name = 'JiraError';
    this.status = status;
    this.errorMessages = errorMessages;
    this.errors = errors;
  }
}

/** 400 with one message. */
export function badRequest(message: string): JiraError {
  return new JiraError(400, [message]);
}

/** 400 with per-field messages, as Jira answers a create/edit with bad fields. */
export function fieldErrors(errors: Record<string, string>): JiraError {
  return new JiraError(400, [], errors);
}

/** 403 with one message. */
export function forbidden(message: string): JiraError {
  return new JiraError(403, [message]);
}

/** 404 with one message. */
export function notFound(message: string): JiraError {
  return new JiraError(404, [message]);
}

/** Jira's answer for an issue that does not exist or that the caller may not see (the two look alike on purpose). */
export function issueNotFound(): JiraError {
  return notFound('Issue does not exist or you do not have permission to see it.');
}
