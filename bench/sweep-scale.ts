/**
 * `npm run bench:sweep` (issue 10 item 10): one sweep cycle at 50 000 open clocks, with 100 ms of
 * simulated Jira latency per call, through the app's real scheduled trigger and queue consumer
 * against the Jira emulator and the KVS emulation:
 *
 * - the site: 50 000 open requests in Jira, each with its clock in app storage (`issue-clock` and
 *   `clock-due` items, the property and the deadline field set), due times spread over ten days;
 * - per scenario, D of them are due now (0, 500, 2 000, 5 000: a quiet cycle up to a Monday-morning
 *   pile-up); the trigger runs, then its jobs on 16 concurrent consumers (Forge runs queue events in
 *   parallel; one per shard), each reconciling 4 clocks at a time;
 * - printed per scenario: storage reads and bytes read (the trigger, and the whole cycle), Jira
 *   calls and the bytes of the trigger's Jira answers, wall time until the queue is empty, and a
 *   check that every due clock was handled;
 * - one search page of 100 found requests as the sweep asks for it (ids only) against the same page
 *   with the `created` field and the clock property (how the sweep asked before), in bytes;
 * - the baseline, measured in the same run on the same store: the old sweep's read pattern, paging
 *   every `open-clock:` entry (100 a page) every five minutes.
 *
 * Exits non-zero when a due clock was left unhandled or a cycle took longer than five minutes.
 * Bench-only; never imported by the app.
 */
import { CONTRACT_CLOCK_PROPERTY_KEY } from '../src/app/jira-ports';
import { scanPrefix, type StoreOperation } from '../src/adapters/storage/key-value-store';
import { MemoryKvsStore } from '../src/adapters/storage/memory-kvs-store';
import { CLOCK_DUE_ENTITY, ISSUE_CLOCK_ENTITY, issueItemKey, OPEN_CLOCK_PREFIX, openClockKey } from '../src/adapters/storage/storage-keys';
import { sweepShardOf } from '../src/app/clock-store';
import { openRequestsJql } from '../src/app/sweep-open-clocks';
import { issueClockItemSchema, type ClockDueItem } from '../src/contract/clock-storage';
import { createOnIssueCreated } from '../src/entry/on-issue-created';
import { createOnSweepEvent, SWEEP_METHOD } from '../src/entry/on-sweep-event';
import { createRunSweep } from '../src/entry/run-sweep';
import { createBenchSite, formatBytes, MeteredStore, printTable, type BenchSite } from './app-site';

const OPEN = 50_000;
const LATENCY_MS = 100;
const CONSUMERS = 16;
const DUE_SCENARIOS = [0, 500, 2_000, 5_000];
const CYCLE_MS = 5 * 60_000;

async function seed(bench: BenchSite): Promise<string[]> {
  const { model, site, store } = bench;
  // One request through the real created handler gives the template clock.
  const first = model.createRequest(site.users.alice.accountId, { serviceDeskId: site.serviceDesk.id, requestTypeId: site.requestTypes.email.id, summary: 'Template' });
  await createOnIssueCreated(bench.deps)({
    eventType: 'avi:jira:created:issue',
    issue: { id: first.id, key: first.key, fields: {} },
    atlassianId: site.users.alice.accountId,
  });
  const template = issueClockItemSchema.parse(await store.inner.getEntity(ISSUE_CLOCK_ENTITY, issueItemKey(first.id)));
  // The benchmark runs when the template clock (and so every seeded one) is at risk: each clock that
  // is due then gets a notice. Nothing else is due before the first scenario.
  bench.clock.now = new Date(Date.parse(template.record.atRiskAt ?? '') + 2 * 60_000);
  const field = model.appFields[0]?.id ?? '';
  const ids: string[] = [first.id];
  for (let i = 1; i < OPEN; i += 1) {
    const issue = model.createRequest(i % 2 === 0 ? site.users.alice.accountId : site.users.bob.accountId, {
      serviceDeskId: site.serviceDesk.id,
      requestTypeId: site.requestTypes.email.id,
      summary: `Request ${i}`,
    });
    ids.push(issue.id);
  }
  const operations: StoreOperation[] = [];
  const flush = async (): Promise<void> => {
    await store.inner.transact(operations.splice(0));
  };
  for (const [index, id] of ids.entries()) {
    const issue = model.findIssue(id);
    if (issue === undefined) throw new Error('lost an issue');
    // What the app wrote when each was created: the projections in Jira…
    issue.properties[CONTRACT_CLOCK_PROPERTY_KEY] = template.record;
    issue.appFieldValues[field] = template.record.deadline;
    // …and the clock with its due entry in app storage, due some time in the next ten days.
    const dueAt = new Date(bench.clock.now.getTime() + 3_600_000 + ((index * 7_919) % (10 * 24 * 60)) * 60_000).toISOString();
    const key = issueItemKey(id);
    operations.push(
      { type: 'set', key, entity: ISSUE_CLOCK_ENTITY, value: { ...template, issueId: id, issueKey: issue.key, dueAt } },
      { type: 'set', key, entity: CLOCK_DUE_ENTITY, value: dueItem(id, issue.key, dueAt) },
    );
    if (operations.length >= 24) await flush();
  }
  await flush();
  return ids;
}

function dueItem(issueId: string, issueKey: string, dueAt: string): ClockDueItem {
  return { schemaVersion: 1, issueId, issueKey, dueAt, shard: sweepShardOf(issueId) };
}

/** Makes `count` clocks (not handled before) due now. */
async function makeDue(bench: BenchSite, ids: string[], count: number, now: Date): Promise<string[]> {
  const chosen = ids.splice(0, count);
  const dueAt = new Date(now.getTime() - 60_000).toISOString();
  for (let i = 0; i < chosen.length; i += 12) {
    const operations: StoreOperation[] = [];
    for (const id of chosen.slice(i, i + 12)) {
      const key = issueItemKey(id);
      const item = issueClockItemSchema.parse(await bench.store.inner.getEntity(ISSUE_CLOCK_ENTITY, key));
      operations.push(
        { type: 'set', key, entity: ISSUE_CLOCK_ENTITY, value: { ...item, dueAt } },
        { type: 'set', key, entity: CLOCK_DUE_ENTITY, value: dueItem(id, item.issueKey, dueAt) },
      );
    }
    await bench.store.inner.transact(operations);
  }
  return chosen;
}

/** The scheduled trigger, then every job it queued on CONSUMERS parallel consumers. */
async function runCycle(bench: BenchSite): Promise<{ triggerMs: number; cycleMs: number; trigger: { reads: number; bytes: number; calls: number; jiraBytes: number } }> {
  const started = performance.now();
  await createRunSweep(bench.deps)();
  const triggerMs = performance.now() - started;
  const trigger = { reads: bench.store.counts.reads, bytes: bench.store.counts.readBytes, calls: bench.jira.calls, jiraBytes: bench.jira.bytes };
  const consumer = createOnSweepEvent(bench.deps);
  const lanes = Array.from({ length: CONSUMERS }, async () => {
    for (let job = bench.sweepJobs.shift(); job !== undefined; job = bench.sweepJobs.shift()) {
      await consumer({ call: { functionKey: SWEEP_METHOD, payload: { body: job, queueName: 'contract-clock-sweep', jobId: 'j', eventId: 'e' } }, context: {} });
    }
  });
  await Promise.all(lanes);
  return { triggerMs, cycleMs: performance.now() - started, trigger };
}

async function baseline(): Promise<{ reads: number; bytes: number; ms: number }> {
  // The old sweep: every open clock had an `open-clock:` entry, and every run paged all of them.
  const store = new MeteredStore(new MemoryKvsStore());
  for (let i = 0; i < OPEN; i += 25) {
    const operations: StoreOperation[] = [];
    for (let j = i; j < Math.min(OPEN, i + 25); j += 1) {
      const id = String(10_000 + j);
      operations.push({
        type: 'set',
        key: openClockKey(id),
        value: { schemaVersion: 1, issueId: id, issueKey: `ITS-${j + 1}`, state: 'running', deadline: '2026-10-07T13:30:00.000Z', nextCheckAt: '2026-10-06T15:45:00.000Z' },
      });
    }
    await store.inner.transact(operations);
  }
  const started = performance.now();
  let entries = 0;
  for await (const _entry of scanPrefix(store, OPEN_CLOCK_PREFIX)) entries += 1;
  if (entries !== OPEN) throw new Error('baseline scan incomplete');
  return { reads: store.counts.reads, bytes: store.counts.readBytes, ms: performance.now() - started };
}

async function main(): Promise<void> {
  console.log(`Sweep at ${OPEN.toLocaleString('en')} open clocks, ${LATENCY_MS} ms per Jira call, ${CONSUMERS} consumers × 4 clocks at a time.\n`);
  const seeding = performance.now();
  const bench = await createBenchSite({ latencyMs: LATENCY_MS });
  const ids = await seed(bench);
  console.log(`Seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s (heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB).`);
  const pending = ids.slice(1);
  // The seeded requests were all updated at one instant: the cycles start past the window of the
  // sweep's recent-activity search, as on a site whose open requests were not all touched just now.
  bench.clock.now = new Date(bench.clock.now.getTime() + 30 * 60_000);
  // A first cycle does the once-a-day and once-ever work (service projects, migration check).
  await runCycle(bench);

  const rows: string[][] = [];
  let failed = false;
  for (const due of DUE_SCENARIOS) {
    bench.clock.now = new Date(bench.clock.now.getTime() + CYCLE_MS);
    const chosen = await makeDue(bench, pending, due, bench.clock.now);
    bench.resetCounts();
    const result = await runCycle(bench);
    let handled = 0;
    for (const id of chosen) {
      const item = issueClockItemSchema.parse(await bench.store.inner.getEntity(ISSUE_CLOCK_ENTITY, issueItemKey(id)));
      if (item.record.markers.atRiskNotifiedAt !== null && (item.dueAt === undefined || Date.parse(item.dueAt) > bench.clock.now.getTime())) handled += 1;
    }
    if (handled !== due || result.cycleMs > CYCLE_MS) failed = true;
    rows.push([
      due.toLocaleString('en'),
      `${result.trigger.reads}`,
      formatBytes(result.trigger.bytes),
      `${result.trigger.calls}`,
      formatBytes(result.trigger.jiraBytes),
      `${(result.triggerMs / 1000).toFixed(2)} s`,
      `${bench.store.counts.reads}`,
      formatBytes(bench.store.counts.readBytes),
      `${bench.jira.calls}`,
      `${(result.cycleMs / 1000).toFixed(1)} s`,
      `${handled}/${due}`,
    ]);
  }
  printTable(['due now', 'trigger reads', 'bytes', 'Jira', 'Jira bytes', 'time', 'cycle reads', 'bytes', 'Jira calls', 'cycle time', 'handled'], rows);

  // One page of 100 found requests (the oldest open ones, each with its clock property), asked for
  // as the sweep, the triage backfill and a re-apply now ask (ids only) and as they asked before.
  const jql = openRequestsJql([bench.site.project.id]);
  bench.resetCounts();
  const idsOnly = await bench.deps.jiraAsApp.searchIssueIds(jql, { maxResults: 100 });
  const idsBytes = bench.jira.bytes;
  bench.resetCounts();
  const withClock = await bench.deps.jiraAsApp.searchIssuesWithClock(jql, { maxResults: 100 });
  const clockBytes = bench.jira.bytes;
  if (idsOnly.issueIds.length !== 100 || withClock.issues.length !== 100 || withClock.issues.some((issue) => issue.contractClock === null)) {
    throw new Error('the search page comparison did not find 100 requests with their clock');
  }
  console.log(
    `\nOne search page of 100 found requests: ${formatBytes(idsBytes)} as ids only (the sweep, the triage backfill, a re-apply step)` +
      ` vs ${formatBytes(clockBytes)} with the created field and the clock property (as before) — ${(clockBytes / idsBytes).toFixed(0)}× fewer bytes.`,
  );

  const old = await baseline();
  console.log(
    `\nBaseline (the old sweep, same store emulation): paging every open-clock entry = ${old.reads} storage reads, ${formatBytes(old.bytes)} per run` +
      ` (${(old.ms / 1000).toFixed(2)} s without latency), every five minutes, and at most 50 clocks handled per run.`,
  );
  const idle = rows[0];
  if (idle !== undefined) console.log(`Idle cycle now: ${idle[1]} storage reads and ${idle[3]} Jira call — ${(old.reads / Number(idle[1])).toFixed(0)}× fewer reads.`);
  if (failed) {
    console.error('\nFAILED: a due clock was left unhandled, or a cycle took longer than five minutes.');
    process.exitCode = 1;
  }
}

void main();
