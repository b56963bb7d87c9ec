/**
 * The production `AppDeps`: `@forge/kvs`, Jira through `requestJira` (as the app, or as the invoking
 * user), the `@forge/events` rebuild, sweep and re-apply queues, the real clock and a JSON console logger.
 *
 * Built lazily on first use, so importing an entry module (in tests or the sandbox) touches no Forge
 * runtime.
 */
import { Queue } from '@forge/events';
import { createForgeTransport, forgeInstallation, forgeRemainingMs } from '../adapters/jira/forge-transport';
import { createJiraClient } from '../adapters/jira/jira-client';
import { createForgeKvsStore } from '../adapters/storage/forge-kvs-store';
import { createConsoleLogger, type AppDeps } from '../app/deps';

/** The queue keys of the `consumer` modules in manifest.yml. */
export const REBUILD_QUEUE_KEY = 'contract-clock-rebuild';
export const SWEEP_QUEUE_KEY = 'contract-clock-sweep';
export const REAPPLY_QUEUE_KEY = 'contract-clock-reapply';

/** Forge accepts at most 50 events per push (developer.atlassian.com/platform/forge/limits-async-events). */
const EVENTS_PER_PUSH = 50;

let cached: AppDeps | undefined;

/** @example createOnIssueCreated(productionDeps) */
export function productionDeps(): AppDeps {
  cached ??= buildProductionDeps();
  return cached;
}

function buildProductionDeps(): AppDeps {
  const queue = new Queue({ key: REBUILD_QUEUE_KEY });
  const sweepQueue = new Queue({ key: SWEEP_QUEUE_KEY });
  const reapplyQueue = new Queue({ key: REAPPLY_QUEUE_KEY });
  const clientOptions = { installation: forgeInstallation, retry: { remainingMs: forgeRemainingMs } };
  const jiraAsUser = createJiraClient({ transport: createForgeTransport({ actor: 'user' }), ...clientOptions });
  return {
    store: createForgeKvsStore(),
    jiraAsApp: createJiraClient({ transport: createForgeTransport({ actor: 'app' }), ...clientOptions }),
    // In Forge, asUser() acts for the user of the current invocation; the account id is the sandbox's
    // way to choose a user and needs no impersonation here.
    jiraAsUser: () => jiraAsUser,
    enqueue: async (jobs) => {
      if (jobs.length > 0) await queue.push(jobs.map((body) => ({ body: { ...body } })));
    },
    enqueueSweep: async (jobs) => {
      for (let i = 0; i < jobs.length; i += EVENTS_PER_PUSH) {
        await sweepQueue.push(jobs.slice(i, i + EVENTS_PER_PUSH).map((body) => ({ body: { ...body } })));
      }
    },
    enqueueReapply: async (jobs) => {
      for (let i = 0; i < jobs.length; i += EVENTS_PER_PUSH) {
        await reapplyQueue.push(jobs.slice(i, i + EVENTS_PER_PUSH).map((body) => ({ body: { ...body } })));
      }
    },
    now: () => new Date(),
    log: createConsoleLogger('contract-clock'),
  };
}
