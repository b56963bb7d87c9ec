/**
 * Runs the app's scheduled sweep (manifest `scheduledTrigger`, interval fiveMinute) on the movable
 * clock, the way Forge would have run it had the time really passed: at every interval boundary
 * (checked every `pollMs` of real time), and — when the clock is moved forwards — at every boundary
 * the move crossed, in order, with the clock held at that boundary while the sweep and the work it
 * queues run (`afterRun`), so the app sees each slot's instant as "now" (issue 11 item 7: a note
 * posted in the slot after a deadline carries that slot's time, not the time the clock was moved
 * to). A move then ends with one sweep at the new "now", so its consequences show at once.
 * Moving the clock backwards runs the sweep once, at the new "now".
 *
 * Every slot is run: the sweep is the app's, and only the app could prove that skipping a slot
 * changes nothing (its repair search and hourly reminders run whether or not a clock is due).
 * The README has the cost of a one-day and a one-week move.
 *
 * Runs never overlap; a request to run while one is running runs once more afterwards, from where
 * the running one stopped. Knows nothing about what the sweep does.
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

/** What a catch-up is doing (for a progress display). */
export interface CatchUpProgress {
  /** the boundaries to run, this catch-up */
  slots: number;
  /** of those, run so far */
  done: number;
  /** the boundary being run */
  at: string;
}

export interface SweepSchedulerStats {
  runs: number;
  failures: number;
  lastRunAt: string | null;
  /** the current catch-up, or null */
  catchingUp: CatchUpProgress | null;
  /** the last finished catch-up: how many boundaries, from when to when, and how long it took */
  lastCatchUp: { slots: number; from: string; to: string; ms: number } | null;
}

export interface SweepScheduler {
  start(): void;
  stop(): void;
  /** Runs the sweep once at the current "now" (after a running one finishes); resolves when it has run. */
  runNow(reason: string): Promise<void>;
  /** Resolves when no sweep is running or queued. */
  idle(): Promise<void>;
  stats(): SweepSchedulerStats;
}

export interface SweepSchedulerInput {
  clock: MovableClock;
  intervalMs: number;
  /** How often to look at the clock (real ms). Default 1000. */
  pollMs?: number;
  runSweep: () => Promise<unknown>;
  /** Waits for the work one run set in motion (its queued jobs), still at the run's instant. */
  afterRun?: () => Promise<void>;
  log: SandboxLog;
  /** Run (every crossed boundary, then once at the new "now") after every clock move. Default true. */
  runOnClockChange?: boolean;
}

/**
 * The interval boundaries after `fromMs` up to and including `toMs`, oldest first.
 *
 * @example slotsBetween(Date.parse('2026-10-05T10:02:00Z'), Date.parse('2026-10-05T10:12:00Z'), 300_000) // [10:05, 10:10]
 */
export function slotsBetween(fromMs: number, toMs: number, intervalMs: number): number[] {
  const slots: number[] = [];
  for (let at = (Math.floor(fromMs / intervalMs) + 1) * intervalMs; at <= toMs; at += intervalMs) slots.push(at);
  return slots;
}

type Request = { kind: 'now' } | { kind: 'catch-up'; finalRun: boolean };

/**
 * @example
 * const sweeps = createSweepScheduler({ clock, intervalMs: scheduledIntervalsMs.fiveMinute, runSweep, log });
 * sweeps.start();
 */
export function createSweepScheduler(input: SweepSchedulerInput): SweepScheduler {
  const pollMs = input.pollMs ?? 1000;
  const slotOf = (ms: number): number => Math.floor(ms / input.intervalMs);
  /** The instant the last run covered: boundaries after it and up to "now" are still owed. */
  let sweptUpTo = input.clock.now().getTime();
  let timer: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;
  let running: Promise<void> | null = null;
  let again: { requests: Request[]; resolvers: (() => void)[] } | null = null;
  const stats: SweepSchedulerStats = { runs: 0, failures: 0, lastRunAt: null, catchingUp: null, lastCatchUp: null };

  const runOnce = async (reason: string): Promise<void> => {
    const at = input.clock.now();
    try {
      await input.runSweep();
      await input.afterRun?.();
      stats.runs += 1;
      input.log.debug('sweep', `sweep ran (${reason})`, { at: at.toISOString() });
    } catch (error) {
      stats.failures += 1;
      input.log.error('sweep', `sweep failed (${reason})`, { at: at.toISOString(), error: describeError(error) });
    }
    stats.lastRunAt = at.toISOString();
  };

  const catchUp = async (finalRun: boolean): Promise<void> => {
    if (input.clock.now().getTime() < sweptUpTo) {
      // moved backwards: nothing is owed; the sweep runs at the new "now"
      sweptUpTo = input.clock.now().getTime();
      if (finalRun) await runOnce('clock moved back');
      return;
    }
    const started = Date.now();
    const from = sweptUpTo;
    let done = 0;
    const owed = (): boolean => {
      const nowMs = input.clock.now().getTime();
      return nowMs >= sweptUpTo && (slotOf(sweptUpTo) + 1) * input.intervalMs <= nowMs;
    };
    // "now" is read again after every slot: a move made meanwhile extends the walk
    if (owed()) {
      await input.clock.stepThrough(async () => {
        while (owed()) {
          const nowMs = input.clock.now().getTime();
          const slot = (slotOf(sweptUpTo) + 1) * input.intervalMs;
          const total = done + Math.floor(nowMs / input.intervalMs) - slotOf(sweptUpTo);
          const at = new Date(slot);
          stats.catchingUp = { slots: total, done, at: at.toISOString() };
          await input.clock.holdAt(at, () => runOnce(total > 1 ? `slot ${done + 1} of ${total}` : 'schedule'));
          sweptUpTo = slot;
          done += 1;
        }
      });
    }
    stats.catchingUp = null;
    if (done > 1) {
      stats.lastCatchUp = { slots: done, from: new Date(from).toISOString(), to: new Date(sweptUpTo).toISOString(), ms: Date.now() - started };
      input.log.info('sweep', `ran the sweep at each of the ${done} five-minute slots from ${stats.lastCatchUp.from} to ${stats.lastCatchUp.to}`, { ms: stats.lastCatchUp.ms });
    }
    const at = input.clock.now().getTime();
    if (finalRun && at !== sweptUpTo) {
      // the move's own instant, so what is due by then shows at once (the next slot would catch it)
      await runOnce('clock moved');
      sweptUpTo = at;
    }
  };

  const perform = async (request: Request, reason: string): Promise<void> => {
    if (request.kind === 'now') {
      const at = input.clock.now().getTime();
      await runOnce(reason);
      sweptUpTo = at;
      return;
    }
    await catchUp(request.finalRun);
  };

  const enqueue = (request: Request, reason: string): Promise<void> => {
    if (running === null) {
      running = (async () => {
        await perform(request, reason);
        while (again !== null) {
          const next: { requests: Request[]; resolvers: (() => void)[] } = again;
          again = null;
          // a catch-up covers everything owed up to "now"; one of each kind is enough
          const catchUps = next.requests.filter((r): r is Extract<Request, { kind: 'catch-up' }> => r.kind === 'catch-up');
          if (catchUps.length > 0) await catchUp(catchUps.some((r) => r.finalRun));
          if (next.requests.some((r) => r.kind === 'now')) await perform({ kind: 'now' }, 'queued');
          for (const resolve of next.resolvers) resolve();
        }
        running = null;
      })();
      return running;
    }
    return new Promise<void>((resolve) => {
      again ??= { requests: [], resolvers: [] };
      again.requests.push(request);
      again.resolvers.push(resolve);
    });
  };

  const poll = (): void => {
    if (running === null && input.clock.heldAt() === null && slotOf(input.clock.now().getTime()) > slotOf(sweptUpTo)) {
      void enqueue({ kind: 'catch-up', finalRun: false }, 'schedule');
    }
  };

  return {
    start: () => {
      if (timer !== null) return;
      sweptUpTo = input.clock.now().getTime();
      timer = setInterval(poll, pollMs);
      timer.unref();
      if (input.runOnClockChange !== false) {
        unsubscribe = input.clock.onChange(() => void enqueue({ kind: 'catch-up', finalRun: true }, 'clock moved'));
      }
    },
    stop: () => {
      if (timer !== null) clearInterval(timer);
      timer = null;
      unsubscribe?.();
      unsubscribe = null;
    },
    runNow: (reason) => enqueue({ kind: 'now' }, reason),
    idle: async () => {
      while (running !== null) await running;
    },
    stats: () => ({ ...stats, catchingUp: stats.catchingUp === null ? null : { ...stats.catchingUp } }),
  };
}
