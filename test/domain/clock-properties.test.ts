/**
 * Property tests of the contract clock:
 * - order independence: any shuffle, duplication and batching of the same facts gives the same record;
 * - idempotency: applying facts again changes nothing;
 * - correctness against a brute-force oracle that steps minute by minute (facts on whole minutes,
 *   calendars of whole-minute intervals, so minute stepping is exact);
 * - every record is schema-valid and small.
 */
import fc from 'fast-check';
import { CLOCK_RECORD_LIMITS, clockRecordSchema, type ClockFact, type ClockRecord, type Terms } from '../../src/contract/clock-record';
import { PRIORITY_CLASSES, type PriorityClass } from '../../src/contract/contract-database';
import { applyFacts, evaluateClock, startClock } from '../../src/domain/clock';
import { pruneFacts } from '../../src/domain/clock-history';
import { OPEN, UTC_24X7, UTC_OFFICE, covered, fact, makeTerms } from './clock-fixtures';

const CREATED_MS = Date.parse('2026-03-02T08:00:00Z'); // Monday
const MINUTE = 60_000;

/** Minutes after creation (a little before it too: late-stamped facts happen). */
const minuteArb = fc.integer({ min: -30, max: 4 * 24 * 60 });
const classArb = fc.constantFrom<PriorityClass>(...PRIORITY_CLASSES);

type FactSpec =
  | { kind: 'waiting' | 'working' | 'resolved' | 'reopened' | 'comment' | 'pause' | 'resume' | 'marker' | 'problem'; minute: number }
  | { kind: 'priority'; minute: number; priorityClass: PriorityClass }
  | { kind: 'extend'; minute: number; minutes: number };

const factSpecArb: fc.Arbitrary<FactSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('waiting', 'working'), minute: minuteArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('resolved', 'reopened'), minute: minuteArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('comment', 'pause', 'resume', 'marker', 'problem'), minute: minuteArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('priority'), minute: minuteArb, priorityClass: classArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('extend'), minute: minuteArb, minutes: fc.integer({ min: 1, max: 240 }) }) },
);

function toFact(spec: FactSpec, index: number): ClockFact {
  const id = `f${index}`;
  const at = new Date(CREATED_MS + spec.minute * MINUTE).toISOString();
  switch (spec.kind) {
    case 'waiting':
      return fact.waiting(id, at);
    case 'working':
      return fact.working(id, at);
    case 'resolved':
      return fact.resolved(id, at);
    case 'reopened':
      return fact.reopened(id, at);
    case 'comment':
      return fact.comment(id, at);
    case 'pause':
      return fact.pause(id, at);
    case 'resume':
      return fact.resume(id, at);
    case 'marker':
      return fact.marker(id, at, index % 2 === 0 ? 'at-risk' : 'breached');
    case 'problem':
      return fact.problem(id, at);
    case 'priority':
      return fact.priority(id, at, spec.priorityClass);
    case 'extend':
      return fact.extend(id, at, spec.minutes);
  }
}

const scenarioArb = fc.record({
  calendar: fc.constantFrom(UTC_24X7, UTC_OFFICE),
  priorityClass: classArb,
  specs: fc.array(factSpecArb, { maxLength: 25 }),
  nowMinute: fc.integer({ min: 0, max: 6 * 24 * 60 }),
});

function termsFor(scenario: { calendar: Terms['calendar']; priorityClass: PriorityClass }): Terms {
  return makeTerms({ calendar: scenario.calendar, priorityClass: scenario.priorityClass });
}

function start(terms: Terms, now: Date, facts: readonly ClockFact[] = []): ClockRecord {
  return startClock({ termsResolution: covered(terms), createdAt: new Date(CREATED_MS), status: OPEN, now, facts });
}

describe('order independence and idempotency', () => {
  it('gives the same record for any order, duplication and batching of the same facts', () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((scenario) =>
          fc.record({
            scenario: fc.constant(scenario),
            order: fc.shuffledSubarray(
              scenario.specs.map((_, i) => i),
              { minLength: scenario.specs.length, maxLength: scenario.specs.length },
            ),
            duplicates: fc.array(fc.nat({ max: Math.max(0, scenario.specs.length - 1) }), { maxLength: scenario.specs.length === 0 ? 0 : 10 }),
            batchSizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 30 }),
          }),
        ),
        ({ scenario, order, duplicates, batchSizes }) => {
          const now = new Date(CREATED_MS + scenario.nowMinute * MINUTE);
          const terms = termsFor(scenario);
          const facts = scenario.specs.map(toFact);
          const reference = start(terms, now, facts);

          const delivery = [...order, ...duplicates].map((i) => facts[i]!);
          let record = start(terms, now);
          let cursor = 0;
          for (let b = 0; cursor < delivery.length; b++) {
            const size = batchSizes[b % batchSizes.length]!;
            record = applyFacts(record, delivery.slice(cursor, cursor + size), now);
            cursor += size;
          }
          expect(record).toEqual(reference);
          expect(applyFacts(record, facts, now)).toEqual(reference);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps every record schema-valid and a few KB', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const record = start(termsFor(scenario), new Date(CREATED_MS + scenario.nowMinute * MINUTE), scenario.specs.map(toFact));
        expect(clockRecordSchema.safeParse(record).success).toBe(true);
        expect(JSON.stringify(record).length).toBeLessThan(16_000);
      }),
      { numRuns: 100 },
    );
  });
});

describe('folding the history into a checkpoint', () => {
  // Long histories, delivered in time order in small batches (so no fact arrives older than the
  // checkpoint). Extensions are left out: a later extension of a target already used up inside the
  // folded part is the one documented approximation.
  const longSpecArb = fc.array(
    factSpecArb.filter((spec) => spec.kind !== 'extend'),
    { minLength: 105, maxLength: 180 },
  );

  it('gives the same state, deadline, outcome and response as the unfolded history', () => {
    fc.assert(
      fc.property(fc.constantFrom(UTC_24X7, UTC_OFFICE), classArb, longSpecArb, (calendar, priorityClass, specs) => {
        const terms = termsFor({ calendar, priorityClass });
        const facts = specs.map(toFact).sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : 1));
        const now = new Date(CREATED_MS + 5 * 24 * 60 * MINUTE);
        let folded = start(terms, now);
        for (let i = 0; i < facts.length; i += 3) folded = applyFacts(folded, facts.slice(i, i + 3), now);
        const reference = evaluateClock({ ...start(terms, now), history: pruneFacts(facts) }, now);
        const pick = (r: ClockRecord) => ({ state: r.state, deadline: r.deadline, outcome: r.outcome, resolvedAt: r.resolvedAt, response: r.response, atRiskAt: r.atRiskAt });
        expect(folded.checkpoint === null && pruneFacts(facts).length > CLOCK_RECORD_LIMITS.maxFacts).toBe(false);
        expect(pick(folded)).toEqual(pick(reference));
        expect(folded.ignoredFacts).toBe(0);
      }),
      { numRuns: 30 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The oracle: an independent, naive model of the clock that steps through time one minute at a time.

interface OracleResult {
  state: ClockRecord['state'];
  deadline: string | null;
  outcome: 'met' | 'breached' | null;
  resolvedAt: string | null;
  responseOutcome: 'met' | 'breached' | null;
}

function isBusinessMinute(calendar: Terms['calendar'], ms: number): boolean {
  if (calendar === UTC_24X7) return true;
  const d = new Date(ms);
  const day = d.getUTCDay();
  const hour = d.getUTCHours();
  return day >= 1 && day <= 5 && hour >= 9 && hour < 17;
}

interface OracleState {
  status: string;
  resolved: boolean;
  manual: boolean;
  cls: PriorityClass;
  ext: number;
  /** Set while resolved: when, and the class and extensions then. */
  snapshot: { cls: PriorityClass; ext: number; at: number } | null;
  /** The first response: when, and the class then. */
  response: { at: number; cls: PriorityClass } | null;
}

function initialState(terms: Terms): OracleState {
  return { status: 'Open', resolved: false, manual: false, cls: terms.priorityClass, ext: 0, snapshot: null, response: null };
}

function applyToState(state: OracleState, f: ClockFact, ms: number): void {
  switch (f.kind) {
    case 'status': {
      const resolved = f.statusCategory === 'done' || f.resolution !== null;
      if (!state.resolved && resolved) {
        state.snapshot = { cls: state.cls, ext: state.ext, at: ms };
        state.response ??= { at: ms, cls: state.cls };
      }
      if (state.resolved && !resolved) state.snapshot = null;
      state.resolved = resolved;
      state.status = f.status;
      return;
    }
    case 'priority':
      state.cls = f.priorityClass;
      return;
    case 'public-comment':
      state.response ??= { at: ms, cls: state.cls };
      return;
    case 'manual-pause':
      state.manual = true;
      return;
    case 'manual-resume':
      state.manual = false;
      return;
    case 'extension':
      state.ext += f.minutes;
      return;
    default:
      return;
  }
}

function isRunning(terms: Terms, state: OracleState): boolean {
  return !state.resolved && !state.manual && !terms.pauseStatuses.some((p) => p.toLowerCase() === state.status.toLowerCase());
}

function oracle(terms: Terms, facts: ClockFact[], nowMs: number): OracleResult {
  // Ordered by their real instants; those before creation then take effect at creation.
  const sorted = [...facts]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((f) => ({ fact: f, ms: Math.max(Date.parse(f.at), CREATED_MS) }));
  const lastFactMs = sorted.at(-1)?.ms ?? CREATED_MS;

  // Pass 1: the final state decides the targets.
  const final = initialState(terms);
  for (const { fact: f, ms } of sorted) applyToState(final, f, ms);
  const finalClass = final.snapshot?.cls ?? final.cls;
  const target = terms.targets[finalClass].resolutionMinutes + (final.snapshot?.ext ?? final.ext);
  const responseTarget = terms.targets[final.response?.cls ?? finalClass].responseMinutes;

  // Pass 2: step minute by minute, counting running business minutes.
  const state = initialState(terms);
  let next = 0;
  let elapsed = 0;
  let elapsedAtNow: number | null = null;
  let elapsedAtResponse: number | null = null;
  let crossing: number | null = null;
  let responseCrossing: number | null = null;
  const limit = CREATED_MS + 90 * 24 * 60 * MINUTE;
  for (let t = CREATED_MS; t < limit; t += MINUTE) {
    for (; next < sorted.length && sorted[next]!.ms <= t; next++) applyToState(state, sorted[next]!.fact, sorted[next]!.ms);
    if (t === nowMs) elapsedAtNow = elapsed;
    if (t === final.response?.at) elapsedAtResponse = elapsed;
    const running = isRunning(terms, state);
    if (running && isBusinessMinute(terms.calendar, t)) {
      elapsed += 1;
      if (elapsed === target) crossing ??= t + MINUTE;
      if (elapsed === responseTarget) responseCrossing ??= t + MINUTE;
    }
    const resolutionKnown = crossing !== null || !running;
    const responseKnown = responseTarget === undefined || responseCrossing !== null || !running;
    if (t >= lastFactMs && t >= nowMs && resolutionKnown && responseKnown) break;
  }

  let responseOutcome: OracleResult['responseOutcome'] = null;
  if (final.response !== null && responseTarget !== undefined) {
    const used = elapsedAtResponse ?? elapsed;
    responseOutcome = used < responseTarget || responseCrossing === final.response.at ? 'met' : 'breached';
  }
  if (final.snapshot !== null) {
    const met = crossing === null || crossing >= final.snapshot.at;
    return {
      state: met ? 'met' : 'missed',
      deadline: null, // compared only for open clocks
      outcome: met ? 'met' : 'breached',
      resolvedAt: new Date(final.snapshot.at).toISOString(),
      responseOutcome,
    };
  }
  let result: ClockRecord['state'];
  if (crossing !== null && nowMs > crossing) result = 'breached';
  else if (!isRunning(terms, state)) result = 'paused';
  else if ((elapsedAtNow ?? elapsed) * 100 >= target * terms.atRiskPercent) result = 'at-risk';
  else result = 'running';
  return { state: result, deadline: crossing === null ? null : new Date(crossing).toISOString(), outcome: null, resolvedAt: null, responseOutcome };
}

describe('agreement with a minute-stepping oracle', () => {
  it('computes the same state, deadline, outcome and response outcome', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const terms = termsFor(scenario);
        // Evaluated no earlier than the last fact (clock skew has its own unit test).
        const nowMinute = Math.max(scenario.nowMinute, ...scenario.specs.map((spec) => spec.minute));
        const nowMs = CREATED_MS + nowMinute * MINUTE;
        const facts = scenario.specs.map(toFact);
        const record = start(terms, new Date(nowMs), facts);
        const expected = oracle(terms, facts, nowMs);
        expect({
          state: record.state,
          deadline: expected.outcome === null ? record.deadline : null,
          outcome: record.outcome,
          resolvedAt: record.resolvedAt,
          responseOutcome: record.response?.outcome ?? null,
        }).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
