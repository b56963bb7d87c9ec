/**
 * The dependencies every use case receives as a plain parameter (ADR 0002): storage, Jira as the
 * app and as the invoking user, the rebuild, sweep and re-apply queues, the clock and a logger. Production builds them
 * from Forge (src/entry/production-deps.ts); the sandbox and tests build them from local adapters.
 *
 * May not import @forge/*: this module is shared by Forge and the sandbox.
 */
import type { JiraAsApp, JiraAsUser } from './jira-ports';
import type { KeyValueStore } from '../adapters/storage/key-value-store';

/** Structured log lines; fields carry ids and codes, never payloads or personal data. */
export interface Logger {
  info(message: string, fields?: Readonly<Record<string, string | number | boolean | null>>): void;
  warn(message: string, fields?: Readonly<Record<string, string | number | boolean | null>>): void;
  error(message: string, fields?: Readonly<Record<string, string | number | boolean | null>>): void;
}

/** One unit of work of the aggregate reconciliation job, pushed to the `contract-clock-rebuild` queue. */
export interface RebuildJob {
  readonly [key: string]: unknown;
  readonly jobId: string;
}

/**
 * One unit of the sweep's work, pushed to the `contract-clock-sweep` queue (ADR 0017) and parsed by
 * its consumer (sweep-open-clocks.ts `sweepJobSchema`).
 */
export interface SweepJob {
  readonly [key: string]: unknown;
  /** `due`: the due clocks of one shard; `issues`: the clocks of these issues; `renewals`: the notice reminders due. */
  readonly kind: 'due' | 'issues' | 'renewals';
}

/**
 * One step of a re-apply to open requests, pushed to the `contract-clock-reapply` queue and parsed by
 * its consumer (reapply-open-clocks.ts `reapplyStepSchema`).
 */
export interface ReapplyQueueJob {
  readonly [key: string]: unknown;
  readonly jobId: string;
}

export interface AppDeps {
  readonly store: KeyValueStore;
  /** Jira as the app: triggers, the sweep and the rebuild job. */
  readonly jiraAsApp: JiraAsApp;
  /** Jira as the invoking user: resolvers use it to authorize (what the user may see). */
  readonly jiraAsUser: (accountId: string) => JiraAsUser;
  /** Pushes rebuild jobs to the queue consumed by `onRebuildEvent`. */
  readonly enqueue: (jobs: readonly RebuildJob[]) => Promise<void>;
  /** Pushes sweep jobs to the queue consumed by `onSweepEvent` (at most 50 per push, as Forge allows). */
  readonly enqueueSweep: (jobs: readonly SweepJob[]) => Promise<void>;
  /** Pushes re-apply steps to the queue consumed by `onReapplyEvent`. */
  readonly enqueueReapply: (jobs: readonly ReapplyQueueJob[]) => Promise<void>;
  /** "Now": the real clock in Forge, the movable clock in the sandbox. */
  readonly now: () => Date;
  readonly log: Logger;
}

/** A logger that writes one JSON line per entry to the console (Forge collects stdout). */
export function createConsoleLogger(scope: string): Logger {
  const write =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, fields: Readonly<Record<string, string | number | boolean | null>> = {}): void => {
      const line = JSON.stringify({ level, scope, message, ...fields });
      if (level === 'error') console.error(line);
      else if (level === 'warn') console.warn(line);
      else console.log(line);
    };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/** Dependencies, or a function that builds them on first use (production builds Forge's lazily). */
export type DepsSource = AppDeps | (() => AppDeps);

/** @example const d = resolveDeps(deps); */
export function resolveDeps(source: DepsSource): AppDeps {
  return typeof source === 'function' ? source() : source;
}
