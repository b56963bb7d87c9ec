/**
 * Business time on the real (UTC) time line: a calendar's local business time seen through its zone's
 * offset table.
 *
 * Within one offset segment `[s, e)` with offset `o`, instant `t` has local time `t + o`, so the
 * business time in `[a, b)` is `B(b + o) − B(a + o)` and the deadline `n` ms after `a` is
 * `firstReaching(B(a + o) + n) − o`, if that is still before `e`. Across a transition the walk
 * continues in the next segment; that alone gives the DST semantics of design §2: wall times skipped
 * in spring hold no instants, and a repeated hour is walked twice. Segments are months long, so a
 * query touches one or two of them, and only a deadline years away walks more (two per year).
 *
 * Works in integer milliseconds; callers check arguments and the supported range. No I/O, no clock.
 */
import { MAX_SUPPORTED_TIME as SUPPORTED_UNTIL, type ZoneOffsets } from '../time-zone-offsets';
import type { LocalBusinessTime } from './local-business-time';

// Module-local copy: some CommonJS transpilers turn imported bindings into getter calls (hot path).
const MAX_SUPPORTED_TIME = SUPPORTED_UNTIL;

function beyondRange(): never {
  throw new RangeError('the result lies beyond the supported range (after 2400-01-01T00:00Z)');
}

export class ZonedBusinessTime {
  // The segment found by the last `locate` call: scratch fields, so the hot path allocates nothing.
  private segmentStart = 0;
  private segmentEnd = 0;
  private segmentOffset = 0;

  constructor(
    readonly local: LocalBusinessTime,
    readonly zone: ZoneOffsets,
  ) {}

  /** Business ms in `[from, to)`; `from < to`. */
  measure(from: number, to: number): number {
    const local = this.local;
    let total = 0;
    let t = from;
    for (;;) {
      this.locate(t);
      const offset = this.segmentOffset;
      const end = this.segmentEnd < to ? this.segmentEnd : to;
      total += local.measureSpan(t + offset, end + offset);
      if (end === to) return total;
      t = end;
    }
  }

  /**
   * Smallest instant `d >= t` with `measure(t, d) === amount`; `amount > 0`. A start outside business
   * time waits for the next business instant, because B is flat until then.
   */
  advance(t: number, amount: number): number {
    const local = this.local;
    let remaining = amount;
    let at = t;
    for (;;) {
      this.locate(at);
      const offset = this.segmentOffset;
      const end = this.segmentEnd;
      const deadline = local.advanceFrom(at + offset, remaining) - offset;
      if (deadline <= end) return deadline;
      // Not in this segment: keep what it held and continue after the transition.
      remaining -= local.measureTo(end + offset) - local.measureTo(at + offset);
      at = end;
      if (at >= MAX_SUPPORTED_TIME) beyondRange();
    }
  }

  /**
   * `advance(t, amount)` if that deadline is at or before `limit` (`t < limit`); otherwise `NaN`, with
   * the business ms of `[t, limit)` left in `earned`. One pass for the common case of a deadline and
   * the next pause in the same offset segment.
   */
  advanceBefore(t: number, amount: number, limit: number): number {
    this.locate(t);
    if (limit <= this.segmentEnd) {
      const local = this.local;
      const offset = this.segmentOffset;
      const deadline = local.advanceFrom(t + offset, amount) - offset;
      if (deadline <= limit) return deadline;
      this.earned = local.measureTo(limit + offset) - local.startMeasure;
      return Number.NaN;
    }
    const deadline = this.advance(t, amount);
    if (deadline <= limit) return deadline;
    this.earned = this.measure(t, limit);
    return Number.NaN;
  }

  /** Business ms of `[from, to)` left by the last `advanceBefore` that returned `NaN`. */
  earned = 0;

  /**
   * Business ms in `[from, to)` outside the `count` sorted, disjoint spans `[spanFrom[k], spanTo[k])`
   * that lie within it: one offset look-up when all of it is in one segment.
   */
  measureOutside(from: number, to: number, spanFrom: readonly number[], spanTo: readonly number[], count: number): number {
    this.locate(from);
    let total = 0;
    let t = from;
    if (to <= this.segmentEnd) {
      const local = this.local;
      const offset = this.segmentOffset;
      for (let k = 0; k < count; k++) {
        const pauseStart = spanFrom[k] ?? to;
        if (pauseStart > t) total += local.measureSpan(t + offset, pauseStart + offset);
        t = spanTo[k] ?? to;
      }
      if (t < to) total += local.measureSpan(t + offset, to + offset);
      return total;
    }
    for (let k = 0; k < count; k++) {
      const pauseStart = spanFrom[k] ?? to;
      if (pauseStart > t) total += this.measure(t, pauseStart);
      t = spanTo[k] ?? to;
    }
    if (t < to) total += this.measure(t, to);
    return total;
  }

  /** First instant `>= t` at which business time runs, or `bound` when there is none before it. */
  nextBusiness(t: number, bound: number): number {
    const local = this.local;
    let at = t;
    while (at < bound) {
      if (at >= MAX_SUPPORTED_TIME) beyondRange();
      this.locate(at);
      const offset = this.segmentOffset;
      const next = local.lastAt(local.measureTo(at + offset)) - offset;
      if (next < this.segmentEnd) return next < bound ? next : bound;
      at = this.segmentEnd;
    }
    return bound;
  }

  /**
   * Where the last business time before `t` ended: the smallest `y` in `[floor, t]` with no business
   * time in `[y, t)`.
   */
  lastBusinessEnd(t: number, floor: number): number {
    const local = this.local;
    let at = t;
    while (at > floor) {
      this.locate(at - 1); // the segment holding the instants just before `at`
      const offset = this.segmentOffset;
      const end = local.firstReaching(local.measureTo(at + offset)) - offset;
      if (end > this.segmentStart) return end > floor ? end : floor;
      at = this.segmentStart;
    }
    return floor;
  }

  /** Finds the offset segment holding instant `t` (from the zone's most recent chunk when possible). */
  private locate(t: number): void {
    let chunk = this.zone.recent;
    if (t < chunk.start || t >= chunk.end) chunk = this.zone.chunkAt(t);
    const starts = chunk.starts;
    let i = 0;
    let next = starts[1] ?? chunk.end;
    while (next <= t) {
      i++;
      next = starts[i + 1] ?? chunk.end;
    }
    this.segmentStart = starts[i] ?? chunk.start;
    this.segmentEnd = next;
    this.segmentOffset = chunk.offsets[i] ?? 0;
  }
}
