/**
 * Retry policy for Jira calls (ADR 0011): a transport decorator that repeats a request Jira
 * answered with 429 or 5xx, waiting with capped exponential backoff and full jitter, or what
 * `Retry-After` asks (seconds or HTTP date), never longer than the cap.
 *
 * - GET, PUT and DELETE are idempotent: retried on 429, 5xx and on a transport failure.
 * - POST (a public reply, an internal note, a notification) may have reached Jira when a 5xx or no
 *   answer comes back, so it is retried only on 429, which Jira documents as "not processed".
 * - Forge's consent error (`NeedsAuthenticationError`) is never retried: it is rethrown as it came.
 * - The waits of one request add up to at most `maxTotalDelayMs`, and no wait starts when the
 *   invocation has less than `reserveMs` left (`remainingMs`, Forge's
 *   `invocationRemainingTimeInMillis`), so retrying never runs a function past its time limit.
 *
 * What this module may not do: log, parse bodies, or know any endpoint. Sleep, random and clock are
 * injectable so tests never wait.
 */
import { isConsentRequired } from '../../app/jira-ports';
import type { JiraRequest, JiraResponse, JiraTransport } from './jira-transport';

export interface RetryOptions {
  /** Total tries including the first; 1 disables retrying. Default 4. */
  readonly maxAttempts?: number;
  /** First backoff step; doubles per retry. Default 500 ms. */
  readonly baseDelayMs?: number;
  /** Upper bound of any single wait, `Retry-After` included. Default 4 000 ms. */
  readonly maxDelayMs?: number;
  /** Upper bound of all waits of one request together. Default 8 000 ms (a resolver runs 25 s). */
  readonly maxTotalDelayMs?: number;
  /** Milliseconds the current invocation has left, when known; a wait that would leave less than `reserveMs` is not started. */
  readonly remainingMs?: () => number | undefined;
  /** Time kept for the retried call itself and the rest of the invocation. Default 5 000 ms. */
  readonly reserveMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Uniform in [0, 1). */
  readonly random?: () => number;
  /** Epoch milliseconds; used to turn an HTTP-date `Retry-After` into a wait. */
  readonly now?: () => number;
}

const DEFAULTS = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 4_000, maxTotalDelayMs: 8_000, reserveMs: 5_000 } as const;

/** 429 Too Many Requests and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'PUT', 'DELETE']);

/**
 * Whether an answer may be retried for this method: any 429; a 5xx only for idempotent methods
 * (a POST answered 5xx may have been carried out).
 *
 * @example mayRetryAnswer('POST', 503) // false
 * @example mayRetryAnswer('POST', 429) // true
 */
export function mayRetryAnswer(method: string, status: number): boolean {
  if (status === 429) return true;
  return IDEMPOTENT_METHODS.has(method) && isRetryableStatus(status);
}

/**
 * Reads `Retry-After` as a wait in milliseconds: delta-seconds (`"120"`) or an HTTP date
 * (`"Wed, 21 Oct 2026 07:28:00 GMT"`). A date in the past means "now" (0). Anything else: undefined.
 *
 * @example parseRetryAfter('3', 0) // 3000
 * @example parseRetryAfter('Thu, 01 Jan 1970 00:00:05 GMT', 2000) // 3000
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Only accept something that looks like an HTTP date, not any string Date.parse happens to take.
  if (!/[A-Za-z]{3},? /.test(text) && !/GMT$/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * Wait before retry number `retry` (1 for the first retry): full jitter over
 * `min(maxDelayMs, baseDelayMs · 2^(retry-1))`, so a crowd of invocations spreads out.
 *
 * @example computeBackoffDelay(3, { baseDelayMs: 500, maxDelayMs: 10_000, random: () => 0.5 }) // 1000
 */
export function computeBackoffDelay(
  retry: number,
  options: { baseDelayMs: number; maxDelayMs: number; random: () => number },
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(options.random() * ceiling);
}

function headerValue(response: JiraResponse, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(response.headers)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * Wraps a transport with the policy of the module header. The last answer is returned as it is —
 * turning it into an error is the client's job — and the last thrown error is rethrown.
 *
 * @example const transport = withRetry(createFetchTransport({ baseUrl }), { maxAttempts: 3 });
 */
export function withRetry(transport: JiraTransport, options: RetryOptions = {}): JiraTransport {
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? DEFAULTS.maxAttempts));
  const baseDelayMs = Math.max(0, options.baseDelayMs ?? DEFAULTS.baseDelayMs);
  const maxDelayMs = Math.max(0, options.maxDelayMs ?? DEFAULTS.maxDelayMs);
  const maxTotalDelayMs = Math.max(0, options.maxTotalDelayMs ?? DEFAULTS.maxTotalDelayMs);
  const reserveMs = Math.max(0, options.reserveMs ?? DEFAULTS.reserveMs);
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;

  const delayFor = (retry: number, response: JiraResponse | undefined): number => {
    const backoff = computeBackoffDelay(retry, { baseDelayMs, maxDelayMs, random });
    const retryAfter = response === undefined ? undefined : parseRetryAfter(headerValue(response, 'retry-after'), now());
    // Jira's Retry-After is a floor; a little jitter on top keeps retries of many invocations apart.
    const wanted = retryAfter === undefined ? backoff : retryAfter + Math.floor(random() * baseDelayMs);
    return Math.min(maxDelayMs, wanted);
  };

  /** The wait before the next try, or null when the budget (request or invocation) does not allow one. */
  const affordableWait = (retry: number, response: JiraResponse | undefined, waited: number): number | null => {
    const wait = delayFor(retry, response);
    if (waited + wait > maxTotalDelayMs) return null;
    const remaining = options.remainingMs?.();
    if (remaining !== undefined && remaining - wait < reserveMs) return null;
    return wait;
  };

  return async (request: JiraRequest): Promise<JiraResponse> => {
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const isLast = attempt >= maxAttempts;
      let response: JiraResponse;
      try {
        response = await transport(request);
      } catch (error) {
        if (isLast || isConsentRequired(error) || !IDEMPOTENT_METHODS.has(request.method)) throw error;
        const wait = affordableWait(attempt, undefined, waited);
        if (wait === null) throw error;
        waited += wait;
        await sleep(wait);
        continue;
      }
      if (isLast || !mayRetryAnswer(request.method, response.status)) return response;
      const wait = affordableWait(attempt, response, waited);
      if (wait === null) return response;
      waited += wait;
      await sleep(wait);
    }
  };
}
