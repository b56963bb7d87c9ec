/**
 * Injected faults of the emulated Jira (`SANDBOX_FAULTS=<fraction>`): that share of the app's Jira
 * calls — requests authenticated as the Forge app, asApp or asUser — is answered as Jira Cloud
 * answers under load, so the sandbox shows that the app's retries (ADR 0011) neither lose nor
 * duplicate anything:
 *
 * - half of them `429 Too Many Requests` with `Retry-After: 1` (seconds). Jira documents a 429 as
 *   not processed ("Rate limiting", developer.atlassian.com/cloud/jira/platform/rate-limiting), so
 *   the request is refused before anything changes.
 * - half of them `503 Service Unavailable`, of two documented kinds (ADR 0031):
 *   - half are Jira's own "a resource limit has been reached" answer, with `Retry-After: 1`, refused
 *     before anything changes. Atlassian's rate limiting page: "Some transient 5XX errors are
 *     accompanied by a Retry-After header. For example, a 503 response may be returned when a
 *     resource limit has been reached. While these are not rate limit responses, they can be
 *     handled with similar logic";
 *   - half are a gateway's 503 without `Retry-After` after the request was carried out: only the
 *     answer is lost (a POST then did post — the app must find its note by its marker, not post it
 *     again, and cannot tell whether a notification went out).
 *   A gateway's 503 for a request that never reached Jira is not modelled: to the app it looks the
 *   same as the second kind, and the app treats both as "may have been carried out".
 *
 * The choices come from a seeded generator (SANDBOX_FAULTS_SEED, default 1), so a run can be
 * replayed. Requests from people (Basic auth: the host pages, the bridge, jira.js, curl) are never
 * faulted. Pure decisions and counters; jira-server.ts applies them.
 */
import { z } from 'zod';
import { createSeededRandom } from '../runtime/seeded-random';

export interface FaultOptions {
  /** Share of the app's Jira calls that fail, 0..1. */
  rate: number;
  seed: number;
}

/** What happens to one request. */
export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'refuse'; status: 429 | 503; retryAfterSeconds?: number }
  /** carry the request out, then answer 503 instead of its answer */
  | { kind: 'lose-answer'; status: 503 };

export interface FaultStats {
  rate: number;
  /** requests of the app that were looked at */
  appRequests: number;
  tooManyRequests: number;
  unavailableBefore: number;
  unavailableAfter: number;
}

export interface FaultInjector {
  /** Decides for one request; `fromApp` whether it is authenticated as the app. */
  decide(fromApp: boolean): FaultDecision;
  stats(): FaultStats;
}

const faultEnvSchema = z.object({
  SANDBOX_FAULTS: z.coerce.number().min(0).max(1).optional(),
  SANDBOX_FAULTS_SEED: z.coerce.number().int().optional(),
});

/**
 * Reads SANDBOX_FAULTS (a fraction 0..1) and SANDBOX_FAULTS_SEED. Throws naming a bad variable.
 *
 * @example readFaultOptions({ SANDBOX_FAULTS: '0.3' }) // { rate: 0.3, seed: 1 }
 */
export function readFaultOptions(env: Record<string, string | undefined>): FaultOptions {
  const parsed = faultEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Bad sandbox fault option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'} (SANDBOX_FAULTS is a fraction from 0 to 1)`);
  }
  return { rate: parsed.data.SANDBOX_FAULTS ?? 0, seed: parsed.data.SANDBOX_FAULTS_SEED ?? 1 };
}

/**
 * @example const faults = createFaultInjector({ rate: 0.3, seed: 1 }); faults.decide(true).kind // 'none' 70 % of the time
 */
export function createFaultInjector(options: FaultOptions): FaultInjector {
  const random = createSeededRandom(options.seed);
  const stats: FaultStats = { rate: options.rate, appRequests: 0, tooManyRequests: 0, unavailableBefore: 0, unavailableAfter: 0 };
  return {
    decide: (fromApp) => {
      if (!fromApp || options.rate <= 0) return { kind: 'none' };
      stats.appRequests += 1;
      if (!random.chance(options.rate)) return { kind: 'none' };
      if (random.chance(0.5)) {
        stats.tooManyRequests += 1;
        return { kind: 'refuse', status: 429, retryAfterSeconds: 1 };
      }
      if (random.chance(0.5)) {
        stats.unavailableBefore += 1;
        return { kind: 'refuse', status: 503, retryAfterSeconds: 1 };
      }
      stats.unavailableAfter += 1;
      return { kind: 'lose-answer', status: 503 };
    },
    stats: () => ({ ...stats }),
  };
}
