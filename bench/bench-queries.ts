/**
 * The benchmark's queries: one fixed, seeded set, so every engine answers exactly the same questions
 * in the same run. Bench-only; touches nothing else.
 */

export interface Span {
  readonly from: number;
  readonly to: number;
}

export interface DeadlineQuery {
  readonly start: number;
  readonly minutes: number;
  readonly pauses: readonly Span[];
}

export interface MeasureQuery {
  readonly from: number;
  readonly to: number;
  readonly pauses: readonly Span[];
}

export interface QuerySet {
  readonly deadlines: readonly DeadlineQuery[];
  readonly deadlinesWithPauses: readonly DeadlineQuery[];
  readonly measures: readonly MeasureQuery[];
  readonly measuresWithPauses: readonly MeasureQuery[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** mulberry32: a small, fast, seeded PRNG (deterministic queries across runs). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * `count` queries of each kind: starts on whole minutes anywhere in 2026, durations from 60 to 2700
 * minutes (1 h to 5 business days of 9 h), measured ranges of 1 h to 7 days, and 1–3 pauses on whole
 * minutes around the start (some begin before it, some overlap).
 */
export function buildQueries(count: number, seed = 2026): QuerySet {
  const random = seededRandom(seed);
  const integer = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const yearStart = Date.UTC(2026, 0, 1) / MINUTE;
  const yearEnd = Date.UTC(2026, 11, 31) / MINUTE;
  const startMinute = (): number => integer(yearStart, yearEnd) * MINUTE;
  const pausesAround = (start: number): Span[] =>
    Array.from({ length: integer(1, 3) }, () => {
      const from = start + integer(-DAY / MINUTE, (5 * DAY) / MINUTE) * MINUTE;
      return { from, to: from + integer(10, (2 * DAY) / MINUTE) * MINUTE };
    });
  const deadline = (withPauses: boolean): DeadlineQuery => {
    const start = startMinute();
    return { start, minutes: integer(60, 2700), pauses: withPauses ? pausesAround(start) : [] };
  };
  const measure = (withPauses: boolean): MeasureQuery => {
    const from = startMinute();
    return { from, to: from + integer(60, 7 * 24 * 60) * MINUTE, pauses: withPauses ? pausesAround(from) : [] };
  };
  return {
    deadlines: Array.from({ length: count }, () => deadline(false)),
    deadlinesWithPauses: Array.from({ length: count }, () => deadline(true)),
    measures: Array.from({ length: count }, () => measure(false)),
    measuresWithPauses: Array.from({ length: count }, () => measure(true)),
  };
}

/** Pauses sorted by start with overlapping or touching ones merged (for engines without pauses). */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].filter((s) => s.to > s.from).sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else merged.push({ from: span.from, to: span.to });
  }
  return merged;
}
