/**
 * Forge's invocation time limits, for the sandbox: every function runs inside an invocation that
 * Forge stops when its time is up — 25 s for resolvers and product-event triggers; a function that
 * only a `scheduledTrigger` or a queue `consumer` uses runs 55 s by default, or its declared
 * `timeoutSeconds` (at most 900). Source: Forge "Invocation limits" (developer.atlassian.com/
 * platform/forge/limits-invocation) and the scheduled-trigger manifest reference.
 *
 * A JavaScript promise cannot be killed, so the sandbox cuts an invocation off the way the app
 * notices it: at the limit the runtime stops waiting, logs `invocation timed out`, and from then on
 * every Jira request and storage operation of that invocation fails (invocationAborted()). The
 * current invocation is found through AsyncLocalStorage, so the app's deps need no parameter: the
 * retry policy reads `remainingMs()` the way production reads `invocationRemainingTimeInMillis()`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** What Forge runs a function for: it decides the default limit. */
export type InvocationKind = 'resolver' | 'trigger' | 'scheduled' | 'consumer';

export const RESOLVER_AND_TRIGGER_LIMIT_MS = 25_000;
export const ASYNC_DEFAULT_LIMIT_MS = 55_000;
export const ASYNC_MAX_LIMIT_MS = 900_000;

/**
 * The time limit of one invocation: 25 s for resolvers and triggers; `timeoutSeconds` (default 55,
 * at most 900) for scheduled triggers and queue consumers. `timeoutSeconds` does not lengthen a
 * resolver or a product-event trigger.
 *
 * @example invocationLimitMs('scheduled', 120) // 120000
 */
export function invocationLimitMs(kind: InvocationKind, timeoutSeconds: number | undefined): number {
  if (kind === 'resolver' || kind === 'trigger') return RESOLVER_AND_TRIGGER_LIMIT_MS;
  if (timeoutSeconds === undefined) return ASYNC_DEFAULT_LIMIT_MS;
  return Math.min(ASYNC_MAX_LIMIT_MS, Math.max(1_000, timeoutSeconds * 1000));
}

interface Invocation {
  readonly functionKey: string;
  readonly deadline: number;
  readonly controller: AbortController;
}

const current = new AsyncLocalStorage<Invocation>();

/** Thrown by a Jira request or storage operation of an invocation that ran out of time. */
export class InvocationTimeoutError extends Error {
  override readonly name = 'InvocationTimeoutError';
}

/** Milliseconds the current invocation has left; undefined outside one. */
export function remainingMs(): number | undefined {
  const invocation = current.getStore();
  return invocation === undefined ? undefined : Math.max(0, invocation.deadline - Date.now());
}

/** The abort signal of the current invocation (fires at its limit); undefined outside one. */
export function invocationSignal(): AbortSignal | undefined {
  return current.getStore()?.controller.signal;
}

/** Throws InvocationTimeoutError when the current invocation has been cut off. */
export function invocationAborted(): void {
  const invocation = current.getStore();
  if (invocation?.controller.signal.aborted === true) {
    throw new InvocationTimeoutError(`${invocation.functionKey} ran past its time limit and was stopped`);
  }
}

export interface InvocationOutcome<T> {
  readonly timedOut: boolean;
  readonly value?: T;
}

/**
 * Runs `run` as one invocation with a time limit. Resolves with its value, or — at the limit —
 * with `timedOut: true` (the caller logs it); a rejection of `run` is passed on.
 *
 * @example const outcome = await runInvocation({ functionKey: 'run-sweep', limitMs: 120_000 }, () => handler(event, context));
 */
export async function runInvocation<T>(input: { functionKey: string; limitMs: number }, run: () => Promise<T>): Promise<InvocationOutcome<T>> {
  const invocation: Invocation = { functionKey: input.functionKey, deadline: Date.now() + input.limitMs, controller: new AbortController() };
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<InvocationOutcome<T>>((resolve) => {
    timer = setTimeout(() => {
      invocation.controller.abort(new InvocationTimeoutError(`${input.functionKey} ran past its time limit of ${input.limitMs} ms`));
      resolve({ timedOut: true });
    }, input.limitMs);
  });
  const work = current.run(invocation, run).then((value): InvocationOutcome<T> => ({ timedOut: false, value }));
  // the work may still settle after the cut-off: its rejection then has nobody to tell
  work.catch(() => undefined);
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
