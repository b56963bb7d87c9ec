/**
 * Routes the Jira emulator's product events to the app's trigger handlers, the way Forge's event
 * pipeline does: asynchronously, after the change committed, with Forge's invocation context as the
 * second argument — and, when asked, late, twice or out of order, so the sandbox shows that every
 * handler is idempotent. The timing itself is the emulator's dispatcher (sandbox/jira/jira-events.ts);
 * this module chooses the handler per event type (from manifest.yml's `trigger` modules), reads the
 * chaos options from the environment, counts and logs.
 *
 * A handler that throws is logged and not retried, as Forge does for product-event triggers.
 */
import { z } from 'zod';
import { createEventDispatcher, type EventDispatcher, type ForgeEventEmitter, type ForgeJiraEvent } from '../jira/jira-events';
import { describeError, type SandboxLog } from './sandbox-log';
import { createSeededRandom } from './seeded-random';

export type TriggerHandler = (event: unknown, context: unknown) => Promise<unknown>;

export interface DeliveryOptions {
  /** Every event waits this long (real ms) before delivery. */
  delayMs: number;
  /** Plus a random extra wait below this (real ms); with it, events may overtake each other. */
  jitterMs: number;
  /** Probability that an event is delivered a second time (0..1). */
  duplicateRate: number;
  /** Seed of the random choices, so a chaotic run can be replayed. */
  seed: number;
}

export const defaultDeliveryOptions: DeliveryOptions = { delayMs: 0, jitterMs: 0, duplicateRate: 0, seed: 1 };

const envNumber = (min: number, max: number) => z.coerce.number().min(min).max(max).optional();
const deliveryEnvSchema = z.object({
  SANDBOX_EVENT_DELAY_MS: envNumber(0, 600_000),
  SANDBOX_EVENT_JITTER_MS: envNumber(0, 600_000),
  SANDBOX_EVENT_DUPLICATE_RATE: envNumber(0, 1),
  SANDBOX_EVENT_SEED: z.coerce.number().int().optional(),
  /** shorthand: SANDBOX_CHAOS=1 → up to 3 s late (so events overtake each other), 30 % twice */
  SANDBOX_CHAOS: z.enum(['0', '1', 'true', 'false']).optional(),
});

/**
 * Reads the delivery options from environment variables: SANDBOX_EVENT_DELAY_MS,
 * SANDBOX_EVENT_JITTER_MS, SANDBOX_EVENT_DUPLICATE_RATE, SANDBOX_EVENT_SEED, and the shorthand
 * SANDBOX_CHAOS=1. Throws naming the bad variable.
 *
 * @example readDeliveryOptions({ SANDBOX_CHAOS: '1' }).duplicateRate // 0.3
 */
export function readDeliveryOptions(env: Record<string, string | undefined>): DeliveryOptions {
  const parsed = deliveryEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Bad sandbox event option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  const chaos = e.SANDBOX_CHAOS === '1' || e.SANDBOX_CHAOS === 'true';
  const base = chaos ? { ...defaultDeliveryOptions, delayMs: 200, jitterMs: 3000, duplicateRate: 0.3 } : defaultDeliveryOptions;
  return {
    delayMs: e.SANDBOX_EVENT_DELAY_MS ?? base.delayMs,
    jitterMs: e.SANDBOX_EVENT_JITTER_MS ?? base.jitterMs,
    duplicateRate: e.SANDBOX_EVENT_DUPLICATE_RATE ?? base.duplicateRate,
    seed: e.SANDBOX_EVENT_SEED ?? base.seed,
  };
}

/** Whether the options make delivery differ from "promptly, once, in order". */
export function isChaotic(options: DeliveryOptions): boolean {
  return options.delayMs > 0 || options.jitterMs > 0 || options.duplicateRate > 0;
}

export interface DeliveryStats {
  delivered: number;
  duplicates: number;
  failed: number;
  unhandled: number;
  pending: number;
}

export interface EventDelivery {
  /** Delivers everything pending now (ignoring delays), in due order, until quiet. */
  flush(): Promise<void>;
  /** Resolves once nothing is pending or running (waits out delays). */
  idle(): Promise<void>;
  stats(): DeliveryStats;
  stop(): void;
}

export interface EventDeliveryInput {
  source: ForgeEventEmitter;
  /** eventType → handler, from manifest.yml's trigger modules */
  handlers: ReadonlyMap<string, TriggerHandler>;
  /** The second argument of every handler (Forge's invocation context). */
  context: () => unknown;
  options?: DeliveryOptions;
  log: SandboxLog;
  /** told when an event's delivery is over (its handler ran or failed): it need not be kept any longer */
  onSettled?: (event: ForgeJiraEvent) => void;
}

/**
 * @example
 * const delivery = startEventDelivery({ source: model.events, handlers, context: () => ({ installContext }), log });
 * await delivery.idle();
 */
export function startEventDelivery(input: EventDeliveryInput): EventDelivery {
  const options = input.options ?? defaultDeliveryOptions;
  const random = createSeededRandom(options.seed);
  const counts = { delivered: 0, failed: 0, unhandled: 0 };
  const dispatcher: EventDispatcher = createEventDispatcher(input.source, {
    delayMs: options.delayMs,
    jitterMs: options.jitterMs,
    duplicateProbability: options.duplicateRate,
    random: () => random.next(),
    deliver: async (event) => {
      const handler = input.handlers.get(event.eventType);
      if (handler === undefined) {
        counts.unhandled += 1;
        return;
      }
      await handler(event, input.context());
      counts.delivered += 1;
    },
    onError: (error, event) => {
      counts.failed += 1;
      input.log.error('events', `${event.eventType} for ${event.issue.key} failed`, { error: describeError(error) });
    },
    ...(input.onSettled === undefined ? {} : { onSettled: input.onSettled }),
  });
  return {
    flush: () => dispatcher.flush(),
    idle: () => dispatcher.whenIdle(),
    stats: () => ({
      ...counts,
      duplicates: dispatcher.log.filter((record) => record.copy > 0).length,
      pending: dispatcher.pendingCount(),
    }),
    stop: () => {
      dispatcher.stop();
    },
  };
}
