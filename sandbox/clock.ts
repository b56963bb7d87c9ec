/**
 * The sandbox's movable clock: simulated time = real time + an offset, so time keeps passing while
 * you watch, and the offset can be moved (advance 1 h, 1 day, set a time) to watch requests approach
 * and pass their deadline. It can also be frozen (demo generation and tests drive it step by step).
 * State is persisted to a small JSON file; a sandbox that stops suspends its clock, so a restart
 * continues at the simulated instant where it stopped.
 *
 * This module owns only its own state file; it knows nothing about Jira, Forge or the app.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const clockStateSchema = z.object({
  schemaVersion: z.literal(1),
  /** simulated − real, in ms, while running */
  offsetMs: z.number(),
  /** simulated instant (epoch ms) while frozen; null while running */
  frozenAtMs: z.number().nullable(),
  /** frozen only because the sandbox stopped: the next start lets time run again from there */
  suspended: z.boolean().optional(),
});
export type ClockState = z.infer<typeof clockStateSchema>;

export type ClockListener = (now: Date, previous: Date) => void;

export interface MovableClock {
  /** The simulated "now". */
  now(): Date;
  /** Jumps to an instant (forwards or backwards). */
  set(at: Date): void;
  /** Moves forwards (or backwards, when negative) by `ms`. */
  advance(ms: number): void;
  /** Stops real time from passing (the simulated instant stays put until set/advance). */
  freeze(): void;
  /** Lets real time pass again from the current simulated instant. */
  resume(): void;
  /**
   * Holds a running clock while the sandbox is stopped, so the story continues where it was left
   * (the next createMovableClock resumes it). A frozen clock stays frozen.
   */
  suspend(): void;
  isFrozen(): boolean;
  /**
   * Holds `now()` at an instant in the past of the simulated "now" while `work` runs — the sweep
   * scheduler steps the clock through the five-minute slots a forward move crossed this way, so the
   * app sees each slot's instant as "now". Neither persisted nor told to listeners: the clock's own
   * state (where it was moved to) is untouched, and `now()` reads it again once `work` settles.
   * Holds do not nest.
   */
  holdAt<T>(at: Date, work: () => Promise<T>): Promise<T>;
  /** The instant now() is held at, or null. */
  heldAt(): Date | null;
  /**
   * Marks `work` as a walk through past slots (the sweep scheduler's catch-up, holding the clock at
   * each): until it settles, `isStepping()` is true, and what should happen at the new "now" rather
   * than at a held slot (a person's request to the sandbox) can wait with `whenSteady()`. Nested
   * calls join the outer walk.
   */
  stepThrough<T>(work: () => Promise<T>): Promise<T>;
  isStepping(): boolean;
  /** Resolves when no walk is under way. */
  whenSteady(): Promise<void>;
  /** Called after every set/advance (not for real time passing). Returns an unsubscribe function. */
  onChange(listener: ClockListener): () => void;
  state(): ClockState;
}

export interface MovableClockOptions {
  /** JSON file to persist to; omitted = in memory only. */
  file?: string;
  /** Instant to start at when there is no persisted state. Default: real now. */
  initial?: Date;
  /** Start frozen when there is no persisted state. */
  frozen?: boolean;
  /** The real clock (tests pass a fake). */
  realNow?: () => number;
}

/**
 * Reads the persisted clock state, or null when the file is missing or not a clock state.
 *
 * @example readClockState('.sandbox-data/state/clock.json')
 */
export function readClockState(file: string): ClockState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = clockStateSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/**
 * Creates the movable clock, continuing from the persisted state when `file` holds one.
 *
 * @example
 * const clock = createMovableClock({ file: '.sandbox-data/state/clock.json', initial: new Date('2026-10-05T07:30:00Z') });
 * clock.advance(60 * 60 * 1000); // +1 h
 */
export function createMovableClock(options: MovableClockOptions = {}): MovableClock {
  const realNow = options.realNow ?? (() => Date.now());
  const listeners = new Set<ClockListener>();
  const persisted = options.file === undefined ? null : readClockState(options.file);
  let state: ClockState =
    persisted ?? initialState(options.initial?.getTime() ?? realNow(), options.frozen === true, realNow());
  if (state.suspended === true && state.frozenAtMs !== null) {
    state = { schemaVersion: 1, offsetMs: state.frozenAtMs - realNow(), frozenAtMs: null };
  }

  const simulatedMs = (): number => state.frozenAtMs ?? realNow() + state.offsetMs;
  let heldMs: number | null = null;
  let walk: { done: Promise<void>; end: () => void } | null = null;

  const persist = (): void => {
    if (options.file === undefined) return;
    mkdirSync(path.dirname(options.file), { recursive: true });
    // write-then-rename so a crash never leaves half a file behind
    const tmp = `${options.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(state, null, 2));
    renameSync(tmp, options.file);
  };

  const moveTo = (targetMs: number): void => {
    if (!Number.isFinite(targetMs)) throw new RangeError('The clock cannot be set to an invalid date.');
    const previous = new Date(simulatedMs());
    state =
      state.frozenAtMs === null
        ? { ...state, offsetMs: targetMs - realNow() }
        : { ...state, frozenAtMs: targetMs };
    persist();
    const current = new Date(simulatedMs());
    for (const listener of [...listeners]) listener(current, previous);
  };

  if (persisted === null || persisted.suspended === true) persist();

  return {
    now: () => new Date(heldMs ?? simulatedMs()),
    set: (at) => {
      moveTo(at.getTime());
    },
    advance: (ms) => {
      moveTo(simulatedMs() + ms);
    },
    freeze: () => {
      if (state.frozenAtMs !== null) return;
      state = { ...state, frozenAtMs: simulatedMs() };
      persist();
    },
    resume: () => {
      if (state.frozenAtMs === null) return;
      state = { schemaVersion: 1, offsetMs: state.frozenAtMs - realNow(), frozenAtMs: null };
      persist();
    },
    suspend: () => {
      if (state.frozenAtMs !== null) return;
      state = { ...state, frozenAtMs: simulatedMs(), suspended: true };
      persist();
    },
    isFrozen: () => state.frozenAtMs !== null,
    holdAt: async (at, work) => {
      if (!Number.isFinite(at.getTime())) throw new RangeError('The clock cannot be held at an invalid date.');
      if (heldMs !== null) throw new Error(`The clock is already held at ${new Date(heldMs).toISOString()}.`);
      heldMs = at.getTime();
      try {
        return await work();
      } finally {
        heldMs = null;
      }
    },
    heldAt: () => (heldMs === null ? null : new Date(heldMs)),
    stepThrough: async (work) => {
      if (walk !== null) return work();
      let end = (): void => undefined;
      const done = new Promise<void>((resolve) => {
        end = resolve;
      });
      const current = { done, end };
      walk = current;
      try {
        return await work();
      } finally {
        walk = null;
        current.end();
      }
    },
    isStepping: () => walk !== null,
    whenSteady: () => walk?.done ?? Promise.resolve(),
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    state: () => state,
  };
}

function initialState(startMs: number, frozen: boolean, realMs: number): ClockState {
  return frozen
    ? { schemaVersion: 1, offsetMs: 0, frozenAtMs: startMs }
    : { schemaVersion: 1, offsetMs: startMs - realMs, frozenAtMs: null };
}
