/**
 * Runs the app's scheduled sweep (manifest `scheduledTrigger`, interval fiveMinute) on the movable
 * clock: once per simulated interval, checked every `pollMs` of real time, and right after the
 * clock is moved — so advancing the clock by a day shows at-risk and breached requests at once.
 * Runs never overlap; a request to run while one is running runs once more afterwards.
 *
 * Knows nothing about what the sweep does.
 */
import type { MovableClock } from '../clock';
import { describeError, type SandboxLog } from './sandbox-log';

/** Forge's scheduled-trigger intervals, in ms. */
export const scheduledIntervalsMs: Record<string, number> = {
  fiveMinute: 5 * 60_000,
  hour: 60 * 60_000,
  day: 24 * 60 * 60_000,
  week: 7 * 24 * 60 * 60_000,
};

export interface SweepScheduler {
  start(): void;
  stop(): void;
  /** Runs the sweep now (after a running one finishes); resolves when it has run. */
  runNow(reason: string): Promise<void>;
  /** Resolves when no sweep is running or queued. */
  idle(): Promise<void>;
  stats(): { runs: number; failures: number; lastRunAt: string | null };
}

export interface SweepSchedulerInput {
  clock: MovableClock;
  intervalMs: number;
  /** How often to look at the clock (real ms). Default 1000. */
  pollMs?: number;
  runSweep: () => Promise<unknown>;
  log: SandboxLog;
  /** Run right after every clock move. Default true. */
  runOnClockChange?: boolean;
}

/**
 * @example
 * const sweeps = createSweepScheduler({ clock, intervalMs: scheduledIntervalsMs.fiveMinute, runSweep, log });
 * sweeps.start();
 */
export function createSweepScheduler(input: SweepSchedulerInput): SweepScheduler {
  const pollMs = input.pollMs ?? 1000;
  const slotOf = (date: Date): number => Math.floor(date.getTime() / input.intervalMs);
  let lastSlot = slotOf(input.clock.now());
  let timer: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;
  let running: Promise<void> | null = null;
  let again: { reason: string; resolvers: (() => void)[] } | null = null;
  const stats = { runs: 0, failures: 0, lastRunAt: null as string | null };

  const execute = async (reason: string): Promise<void> => {
    const at = input.clock.now();
    lastSlot = slotOf(at);
    try {
      await input.runSweep();
      stats.runs += 1;
      input.log.debug('sweep', `sweep ran (${reason})`, { at: at.toISOString() });
    } catch (error) {
      stats.failures += 1;
      input.log.error('sweep', `sweep failed (${reason})`, { error: describeError(error) });
    }
    stats.lastRunAt = at.toISOString();
  };

  const runNow = (reason: string): Promise<void> => {
    if (running === null) {
      running = (async () => {
        await execute(reason);
        while (again !== null) {
          const next: { reason: string; resolvers: (() => void)[] } = again;
          again = null;
          await execute(next.reason);
          for (const resolve of next.resolvers) resolve();
        }
        running = null;
      })();
      return running;
    }
    return new Promise<void>((resolve) => {
      again ??= { reason, resolvers: [] };
      again.resolvers.push(resolve);
    });
  };

  const poll = (): void => {
    if (slotOf(input.clock.now()) !== lastSlot) void runNow('schedule');
  };

  return {
    start: () => {
      if (timer !== null) return;
      lastSlot = slotOf(input.clock.now());
      timer = setInterval(poll, pollMs);
      timer.unref();
      if (input.runOnClockChange !== false) {
        unsubscribe = input.clock.onChange(() => void runNow('clock moved'));
      }
    },
    stop: () => {
      if (timer !== null) clearInterval(timer);
      timer = null;
      unsubscribe?.();
      unsubscribe = null;
    },
    runNow,
    idle: async () => {
      while (running !== null) await running;
    },
    stats: () => ({ ...stats }),
  };
}
