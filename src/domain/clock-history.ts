/**
 * The history of a contract clock as a set of facts: merging new facts in (deduplicated by id),
 * keeping them in a canonical order, and pruning facts that can never matter again.
 *
 * Pure: no I/O, no clock. Every operation here is order-independent by construction: merging the
 * same facts in any order, any number of times, gives the same history — which is what makes event
 * handlers idempotent although Forge delivers events late, twice and out of order.
 *
 * A fact is identified by its id *and* its content (instants normalised to UTC): a redelivered event
 * is the same fact and changes nothing. Two different facts that claim one id (a caller bug) are both
 * kept rather than one silently replacing the other — replacement would make the result depend on
 * arrival order, because pruning may already have dropped something on account of the replaced fact.
 *
 * Pruning rules (each a "keep the best N of the union" rule, so pruning commutes with merging):
 * - only the earliest `public-comment` is kept: it is the first response, later ones change nothing;
 * - only the latest `marker` of each kind is kept: it tells whether the clock's current at-risk or
 *   breach was notified (a clock that recovered and turns breached again is notified again);
 * - only the latest `promise-warning` is kept: warnings about promises a newer one replaced say nothing;
 * - only the latest CLOCK_RECORD_LIMITS.maxProblems `problem` notes are kept.
 */
import { CLOCK_RECORD_LIMITS, type ClockFact } from '../contract/clock-record';
import { canonicalJson } from './calendar-cache';

/**
 * Orders facts by instant, then id (then content, for two facts claiming one id): the one order in
 * which facts are evaluated.
 *
 * @example facts.sort(compareFacts)
 */
export function compareFacts(a: ClockFact, b: ClockFact): number {
  return Date.parse(a.at) - Date.parse(b.at) || compareText(a.id, b.id) || compareText(contentKey(a), contentKey(b));
}

/**
 * The fact with its instant rewritten as a UTC ISO string (`…Z`, milliseconds), so that the same
 * instant written with another offset is the same fact.
 *
 * @example normalizeFact({ kind: 'marker', id: 'm', at: '2026-01-05T10:00:00+01:00', marker: 'at-risk' }).at
 * // '2026-01-05T09:00:00.000Z'
 */
export function normalizeFact(fact: ClockFact): ClockFact {
  const at = new Date(fact.at).toISOString();
  return at === fact.at ? fact : { ...fact, at };
}

/** The merged history and what the merge did. */
export interface MergedFacts {
  /** Sorted by compareFacts, unique ids, pruned. */
  facts: ClockFact[];
  /** Incoming facts dropped because they are older than the checkpoint (and not known). */
  ignored: number;
  /** False when the merge changed nothing (every incoming fact was a duplicate or pruned). */
  changed: boolean;
}

/**
 * Merges incoming facts into a history (a set union, then pruning). A fact already present is a
 * duplicate. Facts at or before `checkpointAt` that are not already present are ignored: they may
 * duplicate folded facts.
 *
 * @example
 * const merged = mergeFacts(record.history, [statusFact], record.checkpoint?.at ?? null);
 */
export function mergeFacts(
  existing: readonly ClockFact[],
  incoming: readonly ClockFact[],
  checkpointAt: string | null,
): MergedFacts {
  const checkpointMs = checkpointAt === null ? null : Date.parse(checkpointAt);
  const byKey = new Map<string, ClockFact>();
  for (const raw of existing) {
    const fact = normalizeFact(raw);
    byKey.set(contentKey(fact), fact);
  }
  let ignored = 0;
  for (const raw of incoming) {
    const fact = normalizeFact(raw);
    const key = contentKey(fact);
    if (byKey.has(key)) continue;
    if (checkpointMs !== null && Date.parse(fact.at) <= checkpointMs) {
      ignored += 1;
      continue;
    }
    byKey.set(key, fact);
  }
  const facts = pruneFacts([...byKey.values()].sort(compareFacts));
  return { facts, ignored, changed: !sameFacts(existing, facts) };
}

/**
 * Applies the pruning rules to a sorted history (see the module comment).
 *
 * @example pruneFacts(sortedFacts)
 */
export function pruneFacts(sorted: readonly ClockFact[]): ClockFact[] {
  let seenComment = false;
  const problemCount = sorted.filter((f) => f.kind === 'problem').length;
  let problemsToSkip = Math.max(0, problemCount - CLOCK_RECORD_LIMITS.maxProblems);
  // The latest marker of each kind: the last one in (at, id, content) order.
  const latestMarker = new Map<string, ClockFact>();
  for (const fact of sorted) {
    if (fact.kind === 'marker') latestMarker.set(fact.marker, fact);
    else if (fact.kind === 'promise-warning') latestMarker.set('promise-warning', fact);
  }
  const kept: ClockFact[] = [];
  for (const fact of sorted) {
    if (fact.kind === 'public-comment') {
      if (seenComment) continue;
      seenComment = true;
    } else if (fact.kind === 'marker') {
      if (latestMarker.get(fact.marker) !== fact) continue;
    } else if (fact.kind === 'promise-warning') {
      if (latestMarker.get('promise-warning') !== fact) continue;
    } else if (fact.kind === 'problem' && problemsToSkip > 0) {
      problemsToSkip -= 1;
      continue;
    }
    kept.push(fact);
  }
  return kept;
}

function sameFacts(a: readonly ClockFact[], b: readonly ClockFact[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((fact, i) => {
    const other = b[i];
    return other !== undefined && (fact === other || contentKey(fact) === contentKey(other));
  });
}

// Facts are immutable values; their canonical text is computed once per object.
const contentKeys = new WeakMap<ClockFact, string>();

/** The identity of a fact: its canonical JSON (which includes its id). */
function contentKey(fact: ClockFact): string {
  let key = contentKeys.get(fact);
  if (key === undefined) {
    key = canonicalJson(fact);
    contentKeys.set(fact, key);
  }
  return key;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
