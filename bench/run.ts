/**
 * `npm run bench` (issue 2 §5, issue 8 §4): the business-time engine against moment-business-time (+
 * moment-timezone) and a naive minute-stepping baseline, on the same queries in the same run:
 * Mon–Fri 08:30–17:30 Europe/Amsterdam with Dutch public holidays 2026–2027, durations 1 h – 5
 * business days, addBusinessMinutes and businessMinutesBetween, with and without pauses.
 *
 * It checks that all three engines give the same answer to every query (exit code 1 when they do
 * not), prints each rate and the ratios, and the engine's compile cost and memory. Rates are
 * operations per second of this single-threaded process's CPU time, so that other work on a shared
 * machine does not count against any engine. Then the compliance section (./compliance-bench.ts):
 * storage reads and answer times of the gadget and the review report for 200 customers and 50 000
 * resolved requests (`npm run bench -- --compliance-only` runs just that). Bench-only; never imported
 * by the app.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  addBusinessMinutes as engineAdd,
  businessMinutesBetween as engineBetween,
  compileCalendar,
  type CompiledCalendar,
  type Pause,
} from '../src/domain/business-time';
import { getZoneOffsets } from '../src/domain/time-zone-offsets';
import {
  bruteAddBusinessMinutes,
  bruteBusinessMinutesBetween,
  type OracleCalendar,
} from '../test/support/brute-force-business-time';
import { buildQueries, type DeadlineQuery, type MeasureQuery } from './bench-queries';
import { runComplianceBench } from './compliance-bench';
import { dutchPublicHolidays } from './dutch-holidays';
import { MomentBusinessTimeEngine } from './moment-business-time-engine';

// Module-local bindings: the TypeScript runner may compile imported names into getter calls.
const add = engineAdd;
const between = engineBetween;

const QUERIES_PER_KIND = 400;
const ENGINE_CPU_MS_PER_ROUND = 200;
const ENGINE_ROUNDS = 10;
const MOMENT_ROUNDS = 3;
const GOAL_RATIO = 2000;
const FLOOR_RATIO = 1000;
const GOAL_DEADLINES_PER_SECOND = 5_000_000;

const office: [string, string][] = [['08:30', '17:30']];
const holidays = dutchPublicHolidays([2026, 2027]);
const definition = {
  timeZone: 'Europe/Amsterdam',
  week: { mon: office, tue: office, wed: office, thu: office, fri: office },
  holidays,
} satisfies OracleCalendar;

/** CPU time of this process in milliseconds (user + system). */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Calls `pass` (which does `opsPerPass` operations) for `rounds` rounds of at least `minMs` CPU each
 * and returns the best round's ops/s: on a shared machine interference only ever slows a round down,
 * so the best round is the steadiest estimate (every engine is measured the same way).
 */
function measureRate(pass: () => number, opsPerPass: number, minMs: number, rounds: number): number {
  const rates: number[] = [];
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    let ops = 0;
    const begin = cpuMs();
    let elapsed = 0;
    do {
      sink += pass();
      ops += opsPerPass;
      elapsed = cpuMs() - begin;
    } while (elapsed < minMs);
    rates.push((ops / Math.max(elapsed, 0.001)) * 1000);
  }
  if (Number.isNaN(sink)) throw new Error('benchmark checksum is NaN');
  return Math.max(...rates);
}

interface KindResult {
  kind: string;
  engine: number;
  moment: number;
  naive: number;
  checked: number;
  mismatches: string[];
  note: string;
}

const toPauses = (spans: DeadlineQuery['pauses']): Pause[] => spans.map((s) => ({ from: new Date(s.from), to: new Date(s.to) }));
const iso = (t: number): string => new Date(t).toISOString();

function runDeadlines(
  kind: string,
  cal: CompiledCalendar,
  mbt: MomentBusinessTimeEngine,
  queries: readonly DeadlineQuery[],
  withPauses: boolean,
): KindResult {
  const starts = queries.map((q) => new Date(q.start));
  const minutes = queries.map((q) => q.minutes);
  const pauses = queries.map((q) => toPauses(q.pauses));

  const momentAnswer = (q: DeadlineQuery): number => (withPauses ? mbt.addWithPauses(q.start, q.minutes, q.pauses) : mbt.add(q.start, q.minutes));
  const ours = queries.map((q, i) => add(cal, starts[i] ?? new Date(q.start), q.minutes, withPauses ? pauses[i] : undefined).getTime());
  const momentResults = queries.map(momentAnswer); // first pass also warms moment up
  const naiveBegin = cpuMs();
  const naiveResults = queries.map((q) => bruteAddBusinessMinutes(definition, new Date(q.start), q.minutes, toPauses(q.pauses)).getTime());
  const naiveRate = (queries.length / Math.max(cpuMs() - naiveBegin, 0.001)) * 1000;

  const mismatches: string[] = [];
  queries.forEach((q, i) => {
    const a = ours[i] ?? Number.NaN;
    const b = momentResults[i] ?? Number.NaN;
    const c = naiveResults[i] ?? Number.NaN;
    if (a !== b || a !== c) {
      mismatches.push(`${kind} #${i}: start ${iso(q.start)} + ${q.minutes} min → engine ${iso(a)}, moment-business-time ${iso(b)}, naive ${iso(c)}`);
    }
  });

  const count = queries.length;
  const enginePass = withPauses
    ? () => {
        let sum = 0;
        for (let i = 0; i < count; i++) sum += add(cal, starts[i] ?? starts[0] ?? new Date(0), minutes[i] ?? 0, pauses[i]).getTime();
        return sum;
      }
    : () => {
        let sum = 0;
        for (let i = 0; i < count; i++) sum += add(cal, starts[i] ?? starts[0] ?? new Date(0), minutes[i] ?? 0).getTime();
        return sum;
      };
  const engineRate = measureRate(enginePass, count, ENGINE_CPU_MS_PER_ROUND, ENGINE_ROUNDS);
  const momentRate = measureRate(() => queries.reduce((sum, q) => sum + momentAnswer(q), 0), count, 0, MOMENT_ROUNDS);
  return {
    kind,
    engine: engineRate,
    moment: momentRate,
    naive: naiveRate,
    checked: count,
    mismatches,
    note: withPauses ? 'moment-business-time has no pauses: it runs between them (see bench/moment-business-time-engine.ts)' : '',
  };
}

function runMeasures(
  kind: string,
  cal: CompiledCalendar,
  mbt: MomentBusinessTimeEngine,
  queries: readonly MeasureQuery[],
  withPauses: boolean,
): KindResult {
  const froms = queries.map((q) => new Date(q.from));
  const tos = queries.map((q) => new Date(q.to));
  const pauses = queries.map((q) => toPauses(q.pauses));

  const momentAnswer = (q: MeasureQuery): number => (withPauses ? mbt.betweenWithPauses(q.from, q.to, q.pauses) : mbt.between(q.from, q.to));
  const ours = queries.map((q, i) => between(cal, froms[i] ?? new Date(q.from), tos[i] ?? new Date(q.to), withPauses ? pauses[i] : undefined));
  const momentResults = queries.map(momentAnswer);
  const naiveBegin = cpuMs();
  const naiveResults = queries.map((q) => bruteBusinessMinutesBetween(definition, new Date(q.from), new Date(q.to), toPauses(q.pauses)));
  const naiveRate = (queries.length / Math.max(cpuMs() - naiveBegin, 0.001)) * 1000;

  const mismatches: string[] = [];
  queries.forEach((q, i) => {
    const a = ours[i] ?? Number.NaN;
    const b = momentResults[i] ?? Number.NaN;
    const c = naiveResults[i] ?? Number.NaN;
    if (Math.abs(a - b) > 1e-9 || a !== c) {
      mismatches.push(`${kind} #${i}: ${iso(q.from)} → ${iso(q.to)}: engine ${a}, moment-business-time ${b}, naive ${c}`);
    }
  });

  const count = queries.length;
  const first = new Date(0);
  const enginePass = withPauses
    ? () => {
        let sum = 0;
        for (let i = 0; i < count; i++) sum += between(cal, froms[i] ?? first, tos[i] ?? first, pauses[i]);
        return sum;
      }
    : () => {
        let sum = 0;
        for (let i = 0; i < count; i++) sum += between(cal, froms[i] ?? first, tos[i] ?? first);
        return sum;
      };
  const engineRate = measureRate(enginePass, count, ENGINE_CPU_MS_PER_ROUND, ENGINE_ROUNDS);
  const momentRate = measureRate(() => queries.reduce((sum, q) => sum + momentAnswer(q), 0), count, 0, MOMENT_ROUNDS);
  return {
    kind,
    engine: engineRate,
    moment: momentRate,
    naive: naiveRate,
    checked: count,
    mismatches,
    note: withPauses ? 'moment-business-time has no pauses: each pause is measured and subtracted' : '',
  };
}

/** The `gc` function, exposed at run time (the bench runs under a plain `tsx`). */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc !== 'function') throw new Error('cannot expose gc');
  return () => {
    Reflect.apply(gc, undefined, []);
  };
}

function measureMemoryAndCompile(): string[] {
  const gc = exposeGc();
  const lines: string[] = [];
  // Compile cost: a new zone builds its offset table (2015–2044), later calendars of the zone reuse it.
  let begin = cpuMs();
  compileCalendar({ ...definition, timeZone: 'Europe/Brussels' });
  const firstOfZone = cpuMs() - begin;
  const table = getZoneOffsets('Europe/Brussels');
  const count = 2000;
  const kept: CompiledCalendar[] = [];
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  begin = cpuMs();
  for (let i = 0; i < count; i++) {
    // Distinct definitions (one extra holiday each) so nothing is shared but the zone table.
    kept.push(compileCalendar({ ...definition, holidays: [...holidays, `2028-01-${String((i % 28) + 1).padStart(2, '0')}`] }));
  }
  const perCompile = (cpuMs() - begin) / count;
  gc();
  const perCalendar = (process.memoryUsage().heapUsed - heapBefore) / count;
  lines.push(
    `compile: first calendar of a zone ${firstOfZone.toFixed(1)} ms (builds the zone's offset table for 2015–2044: ` +
      `${table.builtChunks()} chunks, ${table.tableBytes()} bytes of typed arrays); further calendars ${(perCompile * 1000).toFixed(1)} µs each`,
    `memory: ${Math.round(perCalendar)} bytes of heap per compiled calendar (Mon–Fri, ${holidays.length + 1} holidays, validated definition kept; average of ${count})`,
  );
  if (kept.length !== count) throw new Error('unreachable');
  return lines;
}

const formatRate = (rate: number): string =>
  rate >= 100 ? Math.round(rate).toLocaleString('en-US') : rate.toPrecision(3);
const formatRatio = (ratio: number): string => `${Math.round(ratio).toLocaleString('en-US')}×`;

async function main(): Promise<void> {
  const wallBegin = performance.now();
  if (process.argv.includes('--compliance-only')) {
    await printCompliance();
    return;
  }
  const cal = compileCalendar(definition);
  const mbt = new MomentBusinessTimeEngine({
    timeZone: definition.timeZone,
    hours: [null, ['08:30', '17:30'], ['08:30', '17:30'], ['08:30', '17:30'], ['08:30', '17:30'], ['08:30', '17:30'], null],
    holidays,
  });
  const queries = buildQueries(QUERIES_PER_KIND);

  console.log('Contract Clock business-time benchmark');
  console.log(
    `Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores available; ` +
      `single process, single thread; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  );
  console.log(`Calendar: Mon–Fri 08:30–17:30 Europe/Amsterdam, ${holidays.length} Dutch public holidays 2026–2027`);
  console.log(
    `Queries: ${QUERIES_PER_KIND} per kind, the same for all three engines; starts on whole minutes in 2026; ` +
      'durations 60–2700 min (1 h – 5 business days); measured ranges 1 h – 7 days; 1–3 pauses of 10 min – 2 days',
  );
  console.log(
    `Rates: operations per second of this process's CPU time, best of ${ENGINE_ROUNDS} rounds (engine) / ` +
      `${MOMENT_ROUNDS} passes (moment-business-time) / 1 pass (naive)\n`,
  );

  const results = [
    runDeadlines('addBusinessMinutes', cal, mbt, queries.deadlines, false),
    runDeadlines('addBusinessMinutes + pauses', cal, mbt, queries.deadlinesWithPauses, true),
    runMeasures('businessMinutesBetween', cal, mbt, queries.measures, false),
    runMeasures('businessMinutesBetween + pauses', cal, mbt, queries.measuresWithPauses, true),
  ];

  const header = ['query', 'engine ops/s', 'moment-business-time ops/s', 'naive ops/s', 'engine ÷ moment', 'engine ÷ naive', 'all three agree'];
  const rows = results.map((r) => [
    r.kind,
    formatRate(r.engine),
    formatRate(r.moment),
    formatRate(r.naive),
    formatRatio(r.engine / r.moment),
    formatRatio(r.engine / r.naive),
    `${r.checked - r.mismatches.length}/${r.checked}`,
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const r of results) if (r.note !== '') console.log(`  note (${r.kind}): ${r.note}`);

  const deadlineRate = results[0]?.engine ?? 0;
  const worstRatio = Math.min(...results.map((r) => r.engine / r.moment));
  console.log('');
  console.log(
    `goal ≥ ${GOAL_RATIO}× moment-business-time (floor ${FLOOR_RATIO}×): lowest ratio ${formatRatio(worstRatio)} → ` +
      (worstRatio >= GOAL_RATIO ? 'met' : worstRatio >= FLOOR_RATIO ? 'floor met, goal not met' : 'NOT met'),
  );
  console.log(
    `goal ≥ ${GOAL_DEADLINES_PER_SECOND.toLocaleString('en-US')} deadlines/s on one core: ${formatRate(deadlineRate)} → ` +
      (deadlineRate >= GOAL_DEADLINES_PER_SECOND ? 'met' : 'NOT met'),
  );
  for (const text of measureMemoryAndCompile()) console.log(text);

  await printCompliance();

  const mismatches = results.flatMap((r) => r.mismatches);
  console.log(`\nbenchmark took ${((performance.now() - wallBegin) / 1000).toFixed(1)} s`);
  if (mismatches.length > 0) {
    console.error(`\n${mismatches.length} queries got different answers:`);
    for (const text of mismatches.slice(0, 20)) console.error(`  ${text}`);
    process.exitCode = 1;
  }
}

/** The compliance section (bench/compliance-bench.ts). */
async function printCompliance(): Promise<void> {
  const compliance = await runComplianceBench();
  for (const text of compliance.lines) console.log(text);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
