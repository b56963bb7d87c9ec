/**
 * The in-process Forge runtime of the sandbox, driven by manifest.yml: product events from the Jira
 * emulator go to the `trigger` functions, `scheduledTrigger` functions run on the movable clock,
 * pushed `@forge/events` jobs go to the `consumer` of their queue, and `invoke` from a Custom UI
 * frame goes to the resolver function of its module. Function implementations are supplied by
 * app-wiring.ts (the app's real entry factories); this module only decides when and with which
 * arguments they run, the way Forge's platform would.
 *
 * Forge's rules are applied, not assumed: a trigger's `filter` (ignoreSelf, expression, onError —
 * trigger-filter.ts) decides whether an event reaches its function, and every invocation runs under
 * Forge's time limit (invocation-limits.ts): one that runs past is cut off and logged.
 *
 * Forge runs every invocation in a container of its own; the sandbox runs them all in its one
 * process. So background invocations (triggers, scheduled triggers, queue consumers) take turns — at
 * most `maxBackgroundInvocations` (default 8) at a time, the others wait for a turn, and an
 * invocation's time limit starts when it runs — instead of a burst of a thousand events starting a
 * thousand invocations that share one CPU and all run past their 25 s. Resolvers (what a user waits
 * for) never wait for a turn.
 *
 * `settle()` waits until everything the last change set in motion has run, so host pages and tests
 * can show the result of an action.
 */
import type { ResolverCall } from '../bridge/forge-context';
import type { MovableClock } from '../clock';
import type { ForgeEventEmitter, ForgeJiraEvent } from '../jira/jira-events';
import { defaultDeliveryOptions, startEventDelivery, type DeliveryOptions, type EventDelivery, type TriggerHandler } from './event-delivery';
import { invocationLimitMs, runInvocation, type InvocationKind } from './invocation-limits';
import { createJobQueue, type JobQueue, type ResolverDefinitions } from './job-queue';
import type { ManifestModules, UiModule } from './manifest-modules';
import { decideDelivery } from './trigger-filter';
import type { SandboxLog } from './sandbox-log';
import { createSweepScheduler, scheduledIntervalsMs, type SweepScheduler } from './sweep-scheduler';

/** The app's functions, by manifest `function` key. */
export interface AppFunctions {
  /** trigger and scheduledTrigger functions: `(event, context) => …` */
  handlers: ReadonlyMap<string, TriggerHandler>;
  /** resolver and consumer functions: what `@forge/resolver`'s `getDefinitions()` returns */
  resolvers: ReadonlyMap<string, ResolverDefinitions>;
}

export interface ForgeRuntime {
  invoke(module: UiModule, call: ResolverCall): Promise<unknown>;
  /** Pushes jobs onto a `@forge/events` queue (what the app's `enqueue` dependency calls). */
  pushJobs(queueName: string, bodies: readonly unknown[]): string;
  /** Runs every scheduled trigger now. */
  runScheduledNow(reason: string): Promise<void>;
  /** Resolves once events, jobs and scheduled runs set in motion so far have all run. */
  settle(): Promise<void>;
  /** Like settle, but delivers pending events at once instead of waiting out chaos delays. */
  flush(): Promise<void>;
  stats(): Record<string, unknown>;
  /** Starts the scheduled-trigger timers. */
  start(): void;
  stop(): void;
}

export interface ForgeRuntimeInput {
  modules: ManifestModules;
  functions: AppFunctions;
  events: ForgeEventEmitter;
  clock: MovableClock;
  cloudId: string;
  /** the app's own account: `filter.ignoreSelf` drops the events it caused */
  appAccountId: string;
  log: SandboxLog;
  delivery?: DeliveryOptions;
  /** the time limit of an invocation; default Forge's (invocationLimitMs). Tests shorten it. */
  limitMs?: (kind: InvocationKind, functionKey: string, timeoutSeconds: number | undefined) => number;
  /** real ms between looks at the clock for scheduled triggers; default 1000 */
  schedulePollMs?: number;
  /** run scheduled triggers right after each clock move; default true */
  runScheduledOnClockChange?: boolean;
  /** background invocations (triggers, scheduled, consumers) running at once; default 8 */
  maxBackgroundInvocations?: number;
  /** told when a product event's delivery is over (the sandbox then forgets it: jira-site-store.ts) */
  onEventSettled?: (event: ForgeJiraEvent) => void;
}

/** Turns for background invocations: `take` resolves when one is free; `give` hands it back. */
function createTurns(size: number): { take(): Promise<void>; give(): void; waiting(): number } {
  let free = size;
  const queue: (() => void)[] = [];
  return {
    take: () => {
      if (free > 0) {
        free -= 1;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => queue.push(resolve));
    },
    give: () => {
      const next = queue.shift();
      if (next === undefined) free += 1;
      else next();
    },
    waiting: () => queue.length,
  };
}

/**
 * @example
 * const runtime = createForgeRuntime({ modules, functions, events: model.events, clock, cloudId, log });
 * runtime.start();
 */
export function createForgeRuntime(input: ForgeRuntimeInput): ForgeRuntime {
  const { modules, functions, log } = input;
  const installContext = `ari:cloud:jira::site/${input.cloudId}`;
  const invocationContext = () => ({ installContext });

  const requireHandler = (functionKey: string, what: string): TriggerHandler => {
    const handler = functions.handlers.get(functionKey);
    if (handler === undefined) throw new Error(`manifest.yml: ${what} names function "${functionKey}", which the sandbox app wiring does not provide.`);
    return handler;
  };
  const requireResolver = (functionKey: string, what: string): ResolverDefinitions => {
    const resolver = functions.resolvers.get(functionKey);
    if (resolver === undefined) throw new Error(`manifest.yml: ${what} names function "${functionKey}", which the sandbox app wiring does not provide.`);
    return resolver;
  };

  const limitFor = input.limitMs ?? ((kind: InvocationKind, _key: string, timeoutSeconds: number | undefined) => invocationLimitMs(kind, timeoutSeconds));
  const timeouts = { count: 0 };
  /** trigger invocations, and events a trigger's filter kept from its function */
  const triggerCounts = { runs: 0, filtered: 0 };
  const turns = createTurns(input.maxBackgroundInvocations ?? 8);
  /** Runs one background invocation under its limit, when it has a turn; a cut-off is logged as Forge logs it, and counts. */
  const invoke = async <T>(kind: InvocationKind, functionKey: string, run: () => Promise<T>): Promise<T | undefined> => {
    const limitMs = limitFor(kind, functionKey, modules.functionTimeouts.get(functionKey));
    await turns.take();
    let outcome: Awaited<ReturnType<typeof runInvocation<T>>>;
    try {
      outcome = await runInvocation({ functionKey, limitMs }, run);
    } finally {
      turns.give();
    }
    if (outcome.timedOut) {
      timeouts.count += 1;
      log.error('runtime', `invocation timed out: ${functionKey} ran past its ${limitMs / 1000} s limit and was stopped`, { kind, functionKey, limitMs });
    }
    return outcome.value;
  };

  // product events → triggers (every subscribed trigger whose filter lets the event through)
  const byEvent = new Map<string, TriggerHandler[]>();
  for (const trigger of modules.triggers) {
    const handler = requireHandler(trigger.function, `trigger ${trigger.key}`);
    const filtered: TriggerHandler = async (event, context) => {
      const decision = decideDelivery(trigger.filter, event, input.appAccountId);
      if (decision.note !== null) log[decision.level === 'warn' ? 'warn' : 'info']('events', `${trigger.key}: ${decision.note}`);
      if (!decision.deliver) {
        triggerCounts.filtered += 1;
        return;
      }
      triggerCounts.runs += 1;
      await invoke('trigger', trigger.function, () => handler(event, context));
    };
    for (const eventType of trigger.events) byEvent.set(eventType, [...(byEvent.get(eventType) ?? []), filtered]);
  }
  const eventHandlers = new Map<string, TriggerHandler>(
    [...byEvent].map(([eventType, handlers]) => [
      eventType,
      async (event: unknown, context: unknown) => {
        for (const handler of handlers) await handler(event, context);
      },
    ]),
  );
  const delivery: EventDelivery = startEventDelivery({
    source: input.events,
    handlers: eventHandlers,
    context: invocationContext,
    options: input.delivery ?? defaultDeliveryOptions,
    log,
    ...(input.onEventSettled === undefined ? {} : { onSettled: input.onEventSettled }),
  });

  const jobs: JobQueue = createJobQueue({
    consumers: modules.consumers.map((consumer) => {
      const definitions = requireResolver(consumer.resolver.function, `consumer ${consumer.key}`);
      return {
        queue: consumer.queue,
        method: consumer.resolver.method,
        definitions: (call: Parameters<ResolverDefinitions>[0], runtime?: Record<string, unknown>) =>
          invoke('consumer', consumer.resolver.function, () => definitions(call, runtime)),
      };
    }),
    installContext,
    log,
  });

  const schedulers: SweepScheduler[] = modules.scheduledTriggers.map((scheduled) => {
    const handler = requireHandler(scheduled.function, `scheduledTrigger ${scheduled.key}`);
    const intervalMs = scheduledIntervalsMs[scheduled.interval];
    if (intervalMs === undefined) throw new Error(`manifest.yml: scheduledTrigger ${scheduled.key} has an unknown interval "${scheduled.interval}".`);
    return createSweepScheduler({
      clock: input.clock,
      intervalMs,
      runSweep: () =>
        invoke('scheduled', scheduled.function, () =>
          handler({ context: { cloudId: input.cloudId, moduleKey: scheduled.key }, contextToken: 'sandbox' }, invocationContext()),
        ),
      // the jobs a run queues (the sweep's fan-out) run within its slot, before the clock moves on
      afterRun: () => jobs.idle(),
      log,
      ...(input.schedulePollMs === undefined ? {} : { pollMs: input.schedulePollMs }),
      ...(input.runScheduledOnClockChange === undefined ? {} : { runOnClockChange: input.runScheduledOnClockChange }),
    });
  });

  const resolverCalls = { count: 0, failed: 0 };

  const quiet = (): boolean => delivery.stats().pending === 0 && jobs.stats().pending === 0;

  const waitAll = async (deliverNow: boolean): Promise<void> => {
    // a job may cause events and an event handler may push jobs: go round until a pass finds nothing
    for (let pass = 0; pass < 50; pass += 1) {
      if (deliverNow) await delivery.flush();
      await delivery.idle();
      await jobs.idle();
      for (const scheduler of schedulers) await scheduler.idle();
      if (quiet()) return;
    }
    log.warn('runtime', 'still busy after 50 rounds of events and jobs; giving up waiting');
  };

  return {
    invoke: async (module, call) => {
      if (module.resolverFunction === null) throw new Error(`Module ${module.key} has no resolver in manifest.yml.`);
      const definitions = requireResolver(module.resolverFunction, `module ${module.key}`);
      resolverCalls.count += 1;
      try {
        const outcome = await runInvocation({ functionKey: module.resolverFunction, limitMs: limitFor('resolver', module.resolverFunction, undefined) }, () =>
          definitions(call.invocation, call.runtime),
        );
        if (outcome.timedOut) {
          timeouts.count += 1;
          log.error('runtime', `invocation timed out: ${module.resolverFunction} (${call.invocation.call.functionKey}) ran past its limit and was stopped`);
          // Forge answers the frontend's invoke with an error when the function is stopped
          throw new Error(`The function ${module.resolverFunction} timed out.`);
        }
        return outcome.value;
      } catch (error) {
        resolverCalls.failed += 1;
        throw error;
      }
    },
    pushJobs: (queueName, bodies) => jobs.push(queueName, bodies),
    runScheduledNow: async (reason) => {
      for (const scheduler of schedulers) await scheduler.runNow(reason);
    },
    settle: () => waitAll(false),
    flush: () => waitAll(true),
    stats: () => ({
      events: delivery.stats(),
      jobs: jobs.stats(),
      scheduled: schedulers.map((s) => s.stats()),
      resolverCalls: { ...resolverCalls },
      timeouts: timeouts.count,
      waitingForTurn: turns.waiting(),
      triggers: { ...triggerCounts },
    }),
    start: () => {
      for (const scheduler of schedulers) scheduler.start();
    },
    stop: () => {
      for (const scheduler of schedulers) scheduler.stop();
      delivery.stop();
      jobs.close();
    },
  };
}
