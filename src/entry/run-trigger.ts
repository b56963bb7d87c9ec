/**
 * What every trigger entry does around its use case: parse the event (a malformed one is logged
 * without its payload and dropped — Forge would only deliver it again), run the use case, and log a
 * failure with ids and codes only. A trigger never throws into Forge: a crash loop helps nobody, and
 * the next event or sweep reconciles the clock from the issue's current state.
 */
import type { z } from 'zod';
import { isJiraError } from '../app/jira-ports';
import { StorageError } from '../adapters/storage/key-value-store';
import { resolveDeps, type AppDeps, type DepsSource } from '../app/deps';
import type { ReconcileOutcome } from '../app/reconcile-clock';

/** Builds a Forge trigger handler from an event schema and a use case. */
export function createTrigger<S extends z.ZodType>(
  name: string,
  schema: S,
  deps: DepsSource,
  run: (deps: AppDeps, event: z.infer<S>) => Promise<Readonly<Record<string, string | number | boolean | null>>>,
): (event: unknown, context?: unknown) => Promise<void> {
  return async (event: unknown): Promise<void> => {
    const d = resolveDeps(deps);
    const parsed = schema.safeParse(event);
    if (!parsed.success) {
      d.log.warn(`${name}: malformed event dropped`, {
        fields: parsed.error.issues.map((i) => i.path.map(String).join('.') || '(root)').slice(0, 5).join(','),
      });
      return;
    }
    try {
      d.log.info(`${name}: done`, await run(d, parsed.data));
    } catch (error) {
      d.log.error(`${name}: failed`, describeError(error));
    }
  };
}

/** The log line of a reconcile: ids and states, never the record. */
export function summarizeOutcome(issueId: string, outcome: ReconcileOutcome): Readonly<Record<string, string | boolean>> {
  if (outcome.kind === 'not-a-request') return { issueId, outcome: outcome.kind, skipped: true };
  return { issueId, outcome: outcome.kind, state: outcome.save.record.state, written: outcome.save.written };
}

/** Ids and codes of an error, never its payload. */
export function describeError(error: unknown): Record<string, string | number | null> {
  if (isJiraError(error)) return { error: 'jira', kind: error.kind, status: error.status ?? null, path: error.path };
  if (error instanceof StorageError) return { error: 'storage', code: error.code };
  if (error instanceof Error) return { error: error.name };
  return { error: 'unknown' };
}
