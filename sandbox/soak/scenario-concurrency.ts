/**
 * Soak scenario "concurrency" (issue 10): 200 requests and 1 000 operations — requests raised,
 * transitions, customer and agent comments, the panel's pause / resume / extend, and sweeps (the
 * clock moved on, which runs Forge's scheduled trigger) — planned from a seed in rounds. It runs
 * twice, each time in a fresh sandbox process:
 *
 * - chaotic: SANDBOX_CHAOS=1 (events late, twice, out of order) and SANDBOX_FAULTS=0.3 (the app's
 *   Jira calls answered 429 or 503); the operations of a round run at once, and the clock moves on
 *   without waiting for events, so late events and retries of one round overlap the next ones; the
 *   sweep of each instant runs before that round's operations (as Forge's five-minute trigger runs
 *   on time, and as in the recomputation), with the earlier rounds' events still arriving;
 * - sequential: no chaos, no faults; one operation at a time, each followed by everything it set in
 *   motion (settle) — the recomputation.
 *
 * A round's operations concern different requests and all happen at the round's instant (the clock
 * is frozen between moves), so what Jira records is the same in both runs; what the app made of it
 * must be the same too. Compared at the end, at the same instant: every request's record (evaluated
 * at that instant: state, deadlines, outcome, pauses, targets, response), the
 * compliance aggregates, and the app's notes and notifications per request. Verdict: 0 lost (no
 * request without its record, no record that differs, no note or notification missing), 0 double
 * (no note or notification more often than in the recomputation), 0 false notes (none the
 * recomputation does not have). A note whose POST failed stays pending in app storage and is
 * completed by a later sweep (ADR 0031), so both runs end with the same FINAL_SWEEP_CYCLES sweep
 * cycles after everything in flight has landed — the chaotic run's last failures get their next
 * sweep, as the recomputation's notes got theirs. A notice owed at the last of those sweeps whose
 * delivery failed would have no later sweep: the chaotic run goes on five minutes at a time while a
 * notice is pending (at most MAX_DRAIN_CYCLES), and the recomputation runs as many cycles, so both
 * still end at the same instant. Any notice pending after that is reported.
 */
import { z } from 'zod';
import { complianceAggregateSchema } from '../../src/contract/compliance-aggregate';
import { issueClockItemSchema, type IssueClockItem } from '../../src/contract/clock-storage';
import { CLOCK_RECORD_PROPERTY_KEY } from '../../src/contract/clock-record';
import { renewalReminderItemSchema, type RenewalReminderItem } from '../../src/contract/renewal-reminder';
import { evaluateClock, parseClockRecord } from '../../src/domain/clock';
import type { JiraModel } from '../jira/jira-model';
import { createSeededRandom, type SeededRandom } from '../runtime/seeded-random';
import { resolverRefusal, type SoakClient, type SoakUser } from './soak-client';
import { freshDataDir, printTable, readStoredAppData, readStoredSite, round1, startSandboxChild, type SandboxChild, type ScenarioResult } from './soak-support';

export interface ConcurrencyOptions {
  requests: number;
  operations: number;
  seed: number;
}

type Operation =
  | { kind: 'create'; request: number; customer: number; requestType: number; priorityId: string }
  | { kind: 'transition'; request: number; preference: string[] }
  | { kind: 'comment'; request: number; by: 'customer' | 'agent-public' | 'agent-internal' }
  | { kind: 'panel'; request: number; action: 'pause' | 'resume' | 'extend' };

interface Round {
  /** the clock moves this far before the round (a sweep runs) */
  stepMs: number;
  operations: Operation[];
}

const transitionNames = ['Start progress', 'Wait for customer', 'Respond to customer', 'Stop progress', 'Resolve', 'Reopen', 'Close'];

function shuffled<T>(items: readonly T[], random: SeededRandom): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    const a = out[i];
    const b = out[j];
    if (a !== undefined && b !== undefined) {
      out[i] = b;
      out[j] = a;
    }
  }
  return out;
}

/** Rounds of operations on distinct requests; `operations` counts the clock moves (sweeps) too. */
export function planRounds(options: ConcurrencyOptions, customers: number, requestTypes: number): Round[] {
  const random: SeededRandom = createSeededRandom(options.seed);
  const roundCount = Math.round(options.operations / 10);
  const createRounds = Math.round(roundCount * 0.6);
  const others = options.operations - roundCount - options.requests;
  const rounds: Round[] = Array.from({ length: roundCount }, () => ({ stepMs: random.int(5, 90) * 60_000, operations: [] }));
  for (let request = 0; request < options.requests; request += 1) {
    const round = rounds[Math.floor((request * createRounds) / options.requests)];
    round?.operations.push({ kind: 'create', request, customer: random.int(0, customers - 1), requestType: random.int(0, requestTypes - 1), priorityId: String(random.int(1, 4)) });
  }
  let created = 0;
  let placed = 0;
  for (let r = 0; r < roundCount && placed < others; r += 1) {
    const round = rounds[r];
    if (round === undefined) continue;
    const busy = new Set(round.operations.map((o) => o.request));
    const remainingRounds = roundCount - r;
    const quota = Math.ceil((others - placed) / remainingRounds);
    for (let n = 0; n < quota && placed < others; n += 1) {
      if (created === 0) break;
      const request = random.int(0, created - 1);
      if (busy.has(request)) continue;
      busy.add(request);
      const kind = random.weighted<'transition' | 'comment' | 'panel'>([
        ['transition', 4],
        ['comment', 4],
        ['panel', 2],
      ]);
      round.operations.push(
        kind === 'transition'
          ? { kind: 'transition', request, preference: shuffled(transitionNames, random) }
          : kind === 'comment'
            ? { kind: 'comment', request, by: random.weighted<'customer' | 'agent-public' | 'agent-internal'>([['customer', 2], ['agent-public', 2], ['agent-internal', 1]]) }
            : { kind: 'panel', request, action: random.weighted<'pause' | 'resume' | 'extend'>([['pause', 2], ['resume', 2], ['extend', 1]]) },
      );
      placed += 1;
    }
    created += round.operations.filter((o) => o.kind === 'create').length;
  }
  return rounds;
}

/**
 * Sweep cycles (five minutes each) both runs end with. A notice that failed is tried again at the
 * next cycle; under SANDBOX_FAULTS=0.3 one try in six or so fails, so after four more cycles a notice
 * is still pending with a chance of about one in a thousand (any left is reported and fails the run).
 */
export const FINAL_SWEEP_CYCLES = 4;
/** Sweep cycles the runs may add at the end while the chaotic run has a notice pending. */
export const MAX_DRAIN_CYCLES = 6;

interface RunOutcome {
  keys: Map<number, string>;
  /** what each operation came to, in plan order: 201, 'Resolve', 'ok', 'conflict', … */
  outcomes: string[];
  seconds: number;
  finalNow: string;
  runtime: Record<string, unknown>;
  /** Cycles added at the end while a notice was pending (the chaotic run decides, the recomputation follows). */
  drainCycles: number;
}

async function perform(client: SoakClient, users: SandboxChild['users'], desk: { serviceDeskId: string; requestTypes: { id: string }[] }, op: Operation, keys: Map<number, string>, reporters: Map<number, SoakUser>): Promise<string> {
  const agent = users.agents[0];
  if (agent === undefined) throw new Error('The base site has no agent.');
  if (op.kind === 'create') {
    const customer = users.customers[op.customer % users.customers.length];
    const requestType = desk.requestTypes[op.requestType % desk.requestTypes.length];
    if (customer === undefined || requestType === undefined) throw new Error('The base site has no customers or request types.');
    const answer = await client.raise(customer, { serviceDeskId: desk.serviceDeskId, requestTypeId: requestType.id, summary: `Concurrency soak request ${op.request}`, priorityId: op.priorityId });
    const key = z.object({ issueKey: z.string() }).safeParse(answer.body);
    if (answer.status === 201 && key.success) {
      keys.set(op.request, key.data.issueKey);
      reporters.set(op.request, customer);
    }
    return String(answer.status);
  }
  const key = keys.get(op.request);
  if (key === undefined) return 'no-request';
  switch (op.kind) {
    case 'transition': {
      const available = await client.transitions(agent, key);
      const name = op.preference.find((n) => available.some((t) => t.name === n));
      const transition = available.find((t) => t.name === name);
      if (transition === undefined) return 'none';
      const answer = await client.transition(agent, key, transition.id);
      return answer.status === 204 ? transition.name : `${transition.name} ${answer.status}`;
    }
    case 'comment': {
      const reporter = reporters.get(op.request);
      const answer =
        op.by === 'customer' && reporter !== undefined
          ? await client.comment(reporter, key, 'Any news on this?', false)
          : await client.comment(agent, key, op.by === 'agent-internal' ? 'Checked the logs.' : 'We are on it.', op.by === 'agent-internal');
      return String(answer.status);
    }
    case 'panel': {
      const answer = await client.panelAction(agent, key, op.action, `Soak ${op.action}`);
      return resolverRefusal(answer.body) ?? 'ok';
    }
  }
}

/**
 * Runs the plan. `drainCycles`: for the recomputation, the cycles the chaotic run added at the end
 * while a notice was pending (the chaotic run counts its own).
 */
async function runRounds(sandbox: SandboxChild, rounds: readonly Round[], mode: 'chaotic' | 'sequential', drainCycles = 0): Promise<RunOutcome> {
  const { client, users } = sandbox;
  const desk = await client.desk();
  const keys = new Map<number, string>();
  const reporters = new Map<number, SoakUser>();
  const outcomes: string[] = [];
  const started = performance.now();
  for (const round of rounds) {
    if (mode === 'chaotic') {
      await client.advanceClock(round.stepMs, false);
      // Forge's five-minute trigger runs at each of its instants, however busy the site: the sweep
      // of this instant runs before the round's operations, as in the recomputation (a sweep racing
      // the round's own resolve would rightly post no note, and the runs would not be comparable).
      // Late and duplicated events of earlier rounds are not waited for: they overlap it.
      await sweepOfThisInstant(client);
      const results = await Promise.all(round.operations.map((op) => perform(client, users, desk, op, keys, reporters)));
      outcomes.push(...results);
    } else {
      await client.advanceClock(round.stepMs, true);
      for (const op of round.operations) {
        outcomes.push(await perform(client, users, desk, op, keys, reporters));
        await client.settle();
      }
    }
  }
  // let everything in flight land, then the final sweep cycles (the same in both runs), as the last word
  await client.settle();
  for (let cycle = 0; cycle < FINAL_SWEEP_CYCLES; cycle += 1) {
    await client.advanceClock(5 * 60_000, true);
    await client.settle();
  }
  // A notice claimed by an invocation that was stopped (Forge's time limit) is taken up once its
  // claim — wall-clock time — has expired: wait for that, then two more cycles (in both runs).
  const expiry = latestClaimExpiry(sandbox.dataDir);
  if (expiry !== null && expiry > Date.now()) {
    console.log(`  ${mode} run: waiting ${round1((expiry - Date.now()) / 1000)} s for claims of stopped invocations to expire`);
    await new Promise((resolve) => setTimeout(resolve, expiry - Date.now() + 1_000));
  }
  for (let cycle = 0; cycle < 2; cycle += 1) {
    await client.advanceClock(5 * 60_000, true);
    await client.settle();
  }
  // A notice owed at the last of these sweeps whose delivery failed is retried at the next one
  // (ADR 0031): the chaotic run goes on while one is pending; the recomputation runs as many cycles.
  let drained = 0;
  while (mode === 'chaotic' ? drained < MAX_DRAIN_CYCLES && pendingNotices(sandbox.dataDir).length > 0 : drained < drainCycles) {
    await client.advanceClock(5 * 60_000, true);
    await client.settle();
    drained += 1;
  }
  if (drained > 0) console.log(`  ${mode} run: ${drained} more sweep cycle(s) at the end, while a notice was pending in the chaotic run`);
  const state = await client.state();
  return { keys, outcomes, seconds: (performance.now() - started) / 1000, finalNow: state.now, runtime: state.runtime, drainCycles: drained };
}

const runtimeStatsSchema = z.object({
  jobs: z.object({ pending: z.number() }),
  scheduled: z.array(z.object({ lastRunAt: z.string().nullable() })),
});

/**
 * Waits until every scheduled trigger has run at the clock's current instant and the job queue (the
 * sweep's consumers) is empty; events still being delivered are not waited for. Gives up after a
 * minute of real time (reported), so a stuck queue cannot hang the soak.
 */
async function sweepOfThisInstant(client: SoakClient): Promise<void> {
  const started = performance.now();
  for (;;) {
    const state = await client.state();
    const runtime = runtimeStatsSchema.safeParse(state.runtime);
    if (!runtime.success) throw new Error(`The sandbox's runtime figures changed shape: ${runtime.error.message}`);
    if (runtime.data.jobs.pending === 0 && runtime.data.scheduled.every((s) => s.lastRunAt === state.now)) return;
    if (performance.now() - started > 60_000) {
      console.log(`    the sweep at ${state.now} did not finish within a minute; going on`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The parts of a record that must not depend on how events arrived, evaluated at `now`. */
function recordDigest(value: unknown, now: Date): string {
  if (value === undefined) return 'no record';
  const parsed = parseClockRecord(value);
  if (!parsed.ok) return `unreadable record (${parsed.reason})`;
  const r = evaluateClock(parsed.record, now);
  return JSON.stringify({
    state: r.state,
    deadline: r.deadline,
    atRiskAt: r.atRiskAt,
    outcome: r.outcome,
    resolvedAt: r.resolvedAt,
    response: r.response === null ? null : { deadline: r.response.deadline, respondedAt: r.response.respondedAt, by: r.response.respondedBy, outcome: r.response.outcome },
    pauses: r.pauses.map((p) => ({ from: p.from, to: p.to, kind: p.kind, reason: p.reason })),
    target:
      r.target === null
        ? null
        : { class: r.target.priorityClass, service: r.target.service?.id ?? null, level: r.target.level.id, minutes: r.target.resolutionMinutes, extension: r.target.extensionMinutes, extensions: r.target.extensions },
    retargets: r.retargets.map((t) => ({ at: t.at, cause: t.cause })),
  });
}

/** Which fields of two record digests differ, with both values. */
function describeDifference(chaotic: string, sequential: string): string {
  const record = z.record(z.string(), z.unknown());
  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  };
  const a = record.safeParse(parse(chaotic));
  const b = record.safeParse(parse(sequential));
  if (!a.success || !b.success) return `chaotic ${chaotic}, sequential ${sequential}`;
  return Object.keys({ ...a.data, ...b.data })
    .filter((k) => JSON.stringify(a.data[k]) !== JSON.stringify(b.data[k]))
    .map((k) => `${k} ${JSON.stringify(a.data[k])} (chaotic) vs ${JSON.stringify(b.data[k])}`)
    .join('; ');
}

/** The app's notes (comments) and notifications on a request, as "kind: text" lines. */
/**
 * The app's notes and notifications on a request — the clock's, compared request by request. The
 * contracts' notice reminders (issue 14) are left out: they belong to a contract, go out on whichever
 * request of the customer is the latest when the hourly job runs, and are compared apart.
 */
function appMessages(model: JiraModel, issueKey: string, reminders: readonly StoredReminder[]): string[] {
  const issue = model.findIssue(issueKey);
  if (issue === undefined) return [];
  const appId = model.app.accountId;
  const isReminder = (n: { issueKey: string; recipientIds: readonly string[] }) =>
    reminders.some((r) => r.issueKey === n.issueKey && n.recipientIds.length === 1 && n.recipientIds[0] === r.accountManager);
  const notes = issue.comments.filter((c) => c.authorId === appId).map((c) => `note: ${JSON.stringify(c.body)}`);
  const notifications = model
    .notifications()
    .filter((n) => n.issueKey === issueKey && n.senderId === appId && !isReminder(n))
    .map((n) => `notification: ${n.subject} ${n.textBody}`);
  return [...notes, ...notifications];
}

type StoredReminder = RenewalReminderItem;

/** The notice reminders the app claimed or sent, one per contract version and notice date. */
function storedReminders(dataDir: string): StoredReminder[] {
  return readStoredAppData(dataDir).flatMap(({ value }) => {
    const parsed = renewalReminderItemSchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}

/** How many reminder notifications Jira holds per contract version (sent twice: more than one). */
function reminderNotifications(model: JiraModel, reminders: readonly StoredReminder[]): Map<string, number> {
  const appId = model.app.accountId;
  const counts = new Map<string, number>();
  for (const r of reminders) {
    const n = model.notifications().filter((x) => x.senderId === appId && x.issueKey === r.issueKey && x.recipientIds.length === 1 && x.recipientIds[0] === r.accountManager).length;
    counts.set(`${r.contractId} v${r.version} ${r.noticeDate}`, n);
  }
  return counts;
}

function countBy(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** The clocks the app stored. */
function storedClocks(dataDir: string): IssueClockItem[] {
  return readStoredAppData(dataDir).flatMap(({ value }) => {
    const parsed = issueClockItemSchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The sweep notices still pending in app storage (not confirmed delivered), described. */
function pendingNotices(dataDir: string): string[] {
  return storedClocks(dataDir).flatMap((item) => {
    const notice = item.notice;
    if (notice === undefined) return [];
    const claim = notice.claim === undefined ? 'unclaimed' : `claimed until ${notice.claim.until}`;
    return [`${item.issueKey} ${notice.kind} ${notice.step} (${notice.attempts} failed tries, ${claim}, maybe posted: ${String(notice.maybePosted)})`];
  });
}

/** When the last claim on a pending notice expires (epoch ms), or null when none is claimed. */
function latestClaimExpiry(dataDir: string): number | null {
  const ends = storedClocks(dataDir).flatMap((item) => (item.notice?.claim === undefined ? [] : [Date.parse(item.notice.claim.until)]));
  return ends.length === 0 ? null : Math.max(...ends);
}

/** Every compliance aggregate the app stored, by month and customer, however the app stores them. */
function storedAggregates(dataDir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const { value } of readStoredAppData(dataDir)) {
    const parsed = complianceAggregateSchema.safeParse(value);
    if (!parsed.success) continue;
    const cells = [...parsed.data.cells].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    if (cells.length > 0) out.set(`${parsed.data.month} ${parsed.data.customerId}`, JSON.stringify(cells));
  }
  return out;
}

export async function runConcurrencyScenario(options: ConcurrencyOptions): Promise<ScenarioResult> {
  const failures: string[] = [];
  console.log(`\n[concurrency] ${options.requests} requests, ${options.operations} operations (seed ${options.seed}); chaotic run (SANDBOX_CHAOS=1, SANDBOX_FAULTS=0.3), then the sequential recomputation`);
  const chaoticDir = freshDataDir('chaotic');
  const chaotic = await startSandboxChild(chaoticDir, { SANDBOX_CHAOS: '1', SANDBOX_FAULTS: '0.3', SANDBOX_EVENT_SEED: String(options.seed), SANDBOX_FAULTS_SEED: String(options.seed) });
  const rounds = planRounds(options, chaotic.users.customers.length, (await chaotic.client.desk()).requestTypes.length);
  const planned = rounds.reduce((sum, r) => sum + 1 + r.operations.length, 0);
  const counts = countBy(rounds.flatMap((r) => r.operations.map((o) => o.kind)));
  console.log(`  plan: ${rounds.length} rounds, ${planned} operations (${rounds.length} sweeps, ${[...counts].map(([k, n]) => `${n} ${k}s`).join(', ')})`);
  let chaoticRun: RunOutcome;
  try {
    chaoticRun = await runRounds(chaotic, rounds, 'chaotic');
  } finally {
    await chaotic.stop();
  }
  console.log(`  chaotic run: ${round1(chaoticRun.seconds)} s; runtime ${JSON.stringify({ events: chaoticRun.runtime.events, faults: chaoticRun.runtime.faults, timeouts: chaoticRun.runtime.timeouts })}`);
  const sequentialDir = freshDataDir('sequential');
  const sequential = await startSandboxChild(sequentialDir);
  let sequentialRun: RunOutcome;
  try {
    sequentialRun = await runRounds(sequential, rounds, 'sequential', chaoticRun.drainCycles);
  } finally {
    await sequential.stop();
  }
  console.log(`  sequential run: ${round1(sequentialRun.seconds)} s`);
  if (chaoticRun.finalNow !== sequentialRun.finalNow) failures.push(`concurrency: the runs ended at different instants (${chaoticRun.finalNow}, ${sequentialRun.finalNow})`);

  const operations = rounds.flatMap((r) => r.operations);
  const differentOutcomes = operations
    .map((op, i) => ({ op, chaotic: chaoticRun.outcomes[i], sequential: sequentialRun.outcomes[i] }))
    .filter((o) => o.chaotic !== o.sequential);
  const userOutcomeDifferences = differentOutcomes.filter((o) => o.op.kind !== 'panel');
  const panelDifferences = differentOutcomes.filter((o) => o.op.kind === 'panel');

  const now = new Date(chaoticRun.finalNow);
  const chaoticSite = readStoredSite(chaoticDir);
  const sequentialSite = readStoredSite(sequentialDir);
  const remindersA = storedReminders(chaoticDir);
  const remindersB = storedReminders(sequentialDir);
  let noRecord = 0;
  let differentRecord = 0;
  let statusDifferences = 0;
  let double = 0;
  let falseNotes = 0;
  const clocksA = new Map(storedClocks(chaoticDir).map((item) => [item.issueKey, item]));
  let missingNotes = 0;
  let missingNotifications = 0;
  const examples: string[] = [];
  const noteExamples: string[] = [];
  const missingExamples: string[] = [];
  let notesA = 0;
  let notesB = 0;
  for (let request = 0; request < options.requests; request += 1) {
    const chaoticKey = chaoticRun.keys.get(request);
    const sequentialKey = sequentialRun.keys.get(request);
    if (chaoticKey === undefined || sequentialKey === undefined) {
      failures.push(`concurrency: request ${request} was not created in the ${chaoticKey === undefined ? 'chaotic' : 'sequential'} run`);
      continue;
    }
    const a = chaoticSite.findIssue(chaoticKey);
    const b = sequentialSite.findIssue(sequentialKey);
    if (a?.statusId !== b?.statusId) statusDifferences += 1;
    const recordA = a?.properties[CLOCK_RECORD_PROPERTY_KEY];
    if (recordA === undefined) noRecord += 1;
    const digestA = recordDigest(recordA, now);
    const digestB = recordDigest(b?.properties[CLOCK_RECORD_PROPERTY_KEY], now);
    if (recordA !== undefined && digestA !== digestB) {
      differentRecord += 1;
      if (examples.length < 6) examples.push(`record ${chaoticKey}: ${describeDifference(digestA, digestB)}`);
    }
    const messagesA = countBy(appMessages(chaoticSite, chaoticKey, remindersA));
    const messagesB = countBy(appMessages(sequentialSite, sequentialKey, remindersB));
    for (const [message, n] of messagesA) {
      const expected = messagesB.get(message) ?? 0;
      if (expected === 0) {
        falseNotes += n;
        if (noteExamples.length < 3) noteExamples.push(`not in the recomputation, on ${chaoticKey}: ${message.slice(0, 160)}`);
      } else if (n > expected) {
        double += n - expected;
        if (noteExamples.length < 3) noteExamples.push(`${n} times instead of ${expected}, on ${chaoticKey}: ${message.slice(0, 160)}`);
      }
    }
    for (const [message, n] of messagesB) {
      const missing = Math.max(0, n - (messagesA.get(message) ?? 0));
      if (message.startsWith('note: ')) missingNotes += missing;
      else missingNotifications += missing;
      if (missing > 0 && missingExamples.length < 6) {
        const item = clocksA.get(chaoticKey);
        missingExamples.push(`missing on ${chaoticKey}: ${message.slice(0, 140)}\n      (chaotic clock: ${item === undefined ? 'none' : `${item.record.state}, markers ${JSON.stringify(item.record.markers)}, started ${item.record.startedAt}, history ${item.record.history.filter((f) => f.kind === "marker").map((f) => f.id).join(" ")}`})`);
      }
    }
    notesA += [...messagesA.values()].reduce((sum, n) => sum + n, 0);
    notesB += [...messagesB.values()].reduce((sum, n) => sum + n, 0);
  }
  const aggregatesA = storedAggregates(chaoticDir);
  const aggregatesB = storedAggregates(sequentialDir);
  const aggregateKeys = new Set([...aggregatesA.keys(), ...aggregatesB.keys()]);
  const differentAggregates = [...aggregateKeys].filter((k) => aggregatesA.get(k) !== aggregatesB.get(k));
  const reminderCountsA = reminderNotifications(chaoticSite, remindersA);
  const reminderCountsB = reminderNotifications(sequentialSite, remindersB);
  const remindersTwice = [...reminderCountsA.values()].filter((n) => n > 1).length;
  const remindersOnlyChaotic = [...reminderCountsA.keys()].filter((k) => !reminderCountsB.has(k));

  const pendingA = pendingNotices(chaoticDir);
  const pendingB = pendingNotices(sequentialDir);

  printTable(
    ['check', 'chaotic vs sequential'],
    [
      ['requests without a record (lost)', noRecord],
      ['records that differ (lost updates)', differentRecord],
      ['compliance aggregates that differ', `${differentAggregates.length} of ${aggregateKeys.size}`],
      ['notes and notifications sent', `${notesA} vs ${notesB}`],
      ['notes / notifications twice (double)', double],
      ['notes / notifications not in the recomputation (false)', falseNotes],
      ['notes / notifications missing (lost)', `${missingNotes} / ${missingNotifications}`],
      ['sweep notices still pending at the end', `${pendingA.length} vs ${pendingB.length}`],
      ['notice reminders (per contract version) sent', `${[...reminderCountsA.values()].filter((n) => n > 0).length} vs ${[...reminderCountsB.values()].filter((n) => n > 0).length}`],
      ['notice reminders sent twice / not in the recomputation', `${remindersTwice} / ${remindersOnlyChaotic.length}`],
      ['panel actions answered differently', panelDifferences.length],
      ['Jira-side differences (the soak itself)', `${statusDifferences} statuses, ${userOutcomeDifferences.length} operations`],
    ],
  );
  for (const example of [...examples, ...noteExamples, ...missingExamples, ...pendingA.slice(0, 3).map((p) => `pending (chaotic): ${p}`)]) console.log(`    ${example}`);
  for (const d of panelDifferences.slice(0, 3)) console.log(`    panel ${d.op.kind === 'panel' ? d.op.action : ''} on request ${d.op.request}: chaotic ${d.chaotic ?? '?'}, sequential ${d.sequential ?? '?'}`);
  for (const k of differentAggregates.slice(0, 3)) console.log(`    aggregate ${k}: chaotic ${aggregatesA.get(k) ?? 'none'}\n      sequential ${aggregatesB.get(k) ?? 'none'}`);

  if (noRecord > 0) failures.push(`concurrency: ${noRecord} requests have no record after the chaotic run`);
  if (differentRecord > 0) failures.push(`concurrency: ${differentRecord} records differ from the sequential recomputation`);
  if (differentAggregates.length > 0) failures.push(`concurrency: ${differentAggregates.length} compliance aggregates differ from the sequential recomputation`);
  if (double > 0) failures.push(`concurrency: ${double} notes or notifications were sent twice`);
  if (falseNotes > 0) failures.push(`concurrency: ${falseNotes} notes or notifications the recomputation does not have`);
  if (missingNotes > 0 || missingNotifications > 0) failures.push(`concurrency: ${missingNotes} notes and ${missingNotifications} notifications of the recomputation were not sent`);
  if (pendingA.length > 0 || pendingB.length > 0) failures.push(`concurrency: sweep notices still pending at the end (${pendingA.length} chaotic, ${pendingB.length} sequential)`);
  if (remindersTwice > 0) failures.push(`concurrency: ${remindersTwice} notice reminders were sent twice`);
  if (remindersOnlyChaotic.length > 0) failures.push(`concurrency: notice reminders the recomputation does not have: ${remindersOnlyChaotic.join(', ')}`);
  if (panelDifferences.length > 0) failures.push(`concurrency: ${panelDifferences.length} panel actions were answered differently than one at a time`);
  if (statusDifferences > 0 || userOutcomeDifferences.length > 0) {
    failures.push(`concurrency: the two runs differ on Jira's side (${statusDifferences} statuses, ${userOutcomeDifferences.length} operations): the comparison is not fair`);
  }
  return { name: 'concurrency', failures };
}
