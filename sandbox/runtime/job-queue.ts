/**
 * The sandbox's `@forge/events` queue: jobs the app pushes are delivered, one at a time and after
 * the pushing invocation returned, to the consumer the manifest declares for that queue
 * (`consumer: { queue, resolver: { function, method } }`). The consumer is called like a resolver,
 * with the `AsyncEvent` (body, queueName, jobId, eventId) as payload and `context.jobId` set.
 * A consumer that throws is retried up to `maxRetries` times with `retryContext`, as Forge does.
 *
 * Knows nothing about what the jobs mean.
 */
import { randomUUID } from 'node:crypto';
import { describeError, type SandboxLog } from './sandbox-log';

/** `@forge/resolver`'s definitions function (what `resolver.getDefinitions()` returns). */
export type ResolverDefinitions = (
  invocation: { call: { functionKey: string; payload?: unknown; jobId?: string }; context: Record<string, unknown> },
  runtime?: Record<string, unknown>,
) => Promise<unknown>;

export interface QueueConsumer {
  queue: string;
  /** resolver method (the functionKey of the call) */
  method: string;
  definitions: ResolverDefinitions;
}

export interface JobQueue {
  /** Pushes bodies onto a queue; answers the job id. */
  push(queueName: string, bodies: readonly unknown[]): string;
  idle(): Promise<void>;
  stats(): { pushed: number; done: number; failed: number; pending: number };
  close(): void;
}

export interface JobQueueInput {
  consumers: readonly QueueConsumer[];
  installContext: string;
  log: SandboxLog;
  maxRetries?: number;
}

interface Job {
  queueName: string;
  jobId: string;
  eventId: string;
  body: unknown;
  retryCount: number;
  lastError?: string;
}

/**
 * @example
 * const jobs = createJobQueue({ consumers: [{ queue: 'contract-clock-rebuild', method: 'rebuild-aggregates', definitions }], installContext, log });
 * jobs.push('contract-clock-rebuild', [{ month: '2026-09' }]);
 */
export function createJobQueue(input: JobQueueInput): JobQueue {
  const maxRetries = input.maxRetries ?? 3;
  const consumers = new Map(input.consumers.map((c) => [c.queue, c]));
  const pending: Job[] = [];
  const waiters: (() => void)[] = [];
  const counts = { pushed: 0, done: 0, failed: 0 };
  let busy = false;
  let closed = false;

  const settle = (): void => {
    if (busy || pending.length > 0) return;
    for (const resolve of waiters.splice(0)) resolve();
  };

  const runOne = async (job: Job): Promise<void> => {
    const consumer = consumers.get(job.queueName);
    if (consumer === undefined) {
      counts.failed += 1;
      input.log.error('queue', `no consumer for queue "${job.queueName}" in manifest.yml; job dropped`);
      return;
    }
    const retryContext = job.retryCount === 0 ? undefined : { retryCount: job.retryCount, retryReason: 'FUNCTION_UNHANDLED_ERROR', retryData: job.lastError };
    const event = { body: job.body, queueName: job.queueName, jobId: job.jobId, eventId: job.eventId, ...(retryContext === undefined ? {} : { retryContext }) };
    try {
      await consumer.definitions(
        { call: { functionKey: consumer.method, payload: event, jobId: job.jobId }, context: retryContext === undefined ? {} : { retryContext } },
        { installContext: input.installContext },
      );
      counts.done += 1;
    } catch (error) {
      if (job.retryCount < maxRetries) {
        input.log.warn('queue', `consumer of ${job.queueName} failed, retrying`, { error: describeError(error), retry: job.retryCount + 1 });
        pending.push({ ...job, retryCount: job.retryCount + 1, lastError: describeError(error) });
      } else {
        counts.failed += 1;
        input.log.error('queue', `consumer of ${job.queueName} failed ${maxRetries + 1} times; job dropped`, { error: describeError(error) });
      }
    }
  };

  const drain = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      for (let job = pending.shift(); job !== undefined && !closed; job = pending.shift()) {
        await runOne(job);
      }
    } finally {
      busy = false;
      settle();
    }
  };

  return {
    push: (queueName, bodies) => {
      const jobId = randomUUID();
      if (closed) return jobId;
      for (const body of bodies) {
        counts.pushed += 1;
        pending.push({ queueName, jobId, eventId: randomUUID(), body: structuredClone(body), retryCount: 0 });
      }
      // after the current invocation: Forge never runs a consumer inside the pushing function
      setImmediate(() => void drain());
      return jobId;
    },
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        settle();
      }),
    stats: () => ({ ...counts, pending: pending.length }),
    close: () => {
      closed = true;
      pending.splice(0);
      settle();
    },
  };
}
