/**
 * `npm run bench:events` (issue 10 item 11): what one `avi:jira:updated:issue` event costs against
 * the length of the issue's changelog, through the app's real trigger against the Jira emulator.
 *
 * For issues with 100 and 1 200 changelog entries (status changes, priority changes and edits, every
 * event delivered to the app as it happened), it measures in the same run:
 * - before (the baseline): the old handler's reads for one event — the issue with its embedded
 *   changelog, then every page of the changelog (the old reconcile re-read all of it each time);
 * - after, a new event: the trigger for one more status change;
 * - after, a redelivery: the same event delivered again.
 * Printed: Jira calls, bytes of Jira's answers, storage operations and writes. Exits non-zero when
 * a redelivery writes anything or costs more at 1 200 entries than at 100.
 * Bench-only; never imported by the app.
 */
import { createOnIssueCreated } from '../src/entry/on-issue-created';
import { createOnIssueUpdated } from '../src/entry/on-issue-updated';
import type { ForgeJiraEvent } from '../sandbox/jira/jira-events';
import { createBenchSite, formatBytes, printTable, type BenchSite } from './app-site';

interface Cost {
  calls: number;
  bytes: number;
  storage: number;
  writes: number;
}

async function deliver(bench: BenchSite, events: ForgeJiraEvent[]): Promise<void> {
  for (const event of events.splice(0)) {
    if (event.atlassianId === bench.model.app.accountId) continue; // ignoreSelf
    if (event.eventType === 'avi:jira:created:issue') await createOnIssueCreated(bench.deps)(event);
    else if (event.eventType === 'avi:jira:updated:issue') await createOnIssueUpdated(bench.deps)(event);
  }
}

/** A request with `entries` changelog entries, every event delivered to the app as it happened. */
async function requestWithHistory(entries: number): Promise<{ bench: BenchSite; key: string; events: ForgeJiraEvent[] }> {
  const bench = await createBenchSite({ latencyMs: 0 });
  const events: ForgeJiraEvent[] = [];
  bench.model.events.on((event) => {
    events.push(event);
  });
  const { model, site } = bench;
  const agent = site.users.sanne.accountId;
  const key = model.createRequest(site.users.alice.accountId, { serviceDeskId: site.serviceDesk.id, requestTypeId: site.requestTypes.email.id, summary: 'Printer on floor 2 jams' }).key;
  await deliver(bench, events);
  const steps: (() => void)[] = [
    () => model.transitionToStatus(agent, key, 'In Progress'),
    () => model.transitionToStatus(agent, key, 'Waiting for customer'),
    () => model.transitionToStatus(agent, key, 'In Progress'),
    () => model.setPriority(agent, key, 'High'),
    () => model.editIssue(agent, key, { summary: `Printer on floor 2 jams (${String(model.findIssue(key)?.changelog.length)})` }),
    () => model.setPriority(agent, key, 'Medium'),
    () => model.transitionToStatus(agent, key, 'Open'),
  ];
  for (let i = 0; (model.findIssue(key)?.changelog.length ?? 0) < entries - 1; i += 1) {
    bench.clock.now = new Date(bench.clock.now.getTime() + 60_000);
    steps[i % steps.length]?.();
    await deliver(bench, events);
  }
  return { bench, key, events };
}

async function measure(bench: BenchSite, run: () => Promise<void>): Promise<Cost> {
  bench.resetCounts();
  await run();
  return { calls: bench.jira.calls, bytes: bench.jira.bytes, storage: bench.store.counts.reads + bench.store.counts.transactions, writes: bench.store.counts.transactions };
}

async function main(): Promise<void> {
  const rows: string[][] = [];
  const redeliveries: Cost[] = [];
  for (const entries of [100, 1_200]) {
    const { bench, key, events } = await requestWithHistory(entries);
    const issueId = bench.model.findIssue(key)?.id ?? '';
    const before = await measure(bench, async () => {
      const issue = await bench.deps.jiraAsApp.getIssue(issueId, { includeChangelog: true });
      if (issue.changelog?.complete !== true) await bench.deps.jiraAsApp.getChangelog(issueId);
    });
    bench.clock.now = new Date(bench.clock.now.getTime() + 60_000);
    const status = bench.model.getStatus(bench.model.findIssue(key)?.statusId ?? '').name;
    bench.model.transitionToStatus(bench.site.users.sanne.accountId, key, status === 'Waiting for customer' ? 'In Progress' : 'Waiting for customer');
    const event = events.find((e) => e.eventType === 'avi:jira:updated:issue' && e.atlassianId !== bench.model.app.accountId);
    if (event === undefined) throw new Error('no event');
    const fresh = await measure(bench, () => deliver(bench, events));
    const again = await measure(bench, () => createOnIssueUpdated(bench.deps)(event));
    redeliveries.push(again);
    const length = String(bench.model.findIssue(key)?.changelog.length ?? 0);
    const row = (label: string, cost: Cost): string[] => [length, label, String(cost.calls), formatBytes(cost.bytes), String(cost.storage), String(cost.writes)];
    rows.push(row('before: re-read the whole changelog', { ...before, storage: Number.NaN, writes: Number.NaN }), row('after: a new event', fresh), row('after: a redelivery', again));
  }
  printTable(['entries', 'one updated event', 'Jira calls', 'bytes from Jira', 'storage ops', 'storage writes'], rows.map((r) => r.map((c) => (c === 'NaN' ? '–' : c))));
  const [short, long] = redeliveries;
  if (short === undefined || long === undefined) return;
  console.log(`\nA redelivery at 1 200 entries: ${long.calls} Jira calls, ${formatBytes(long.bytes)}, ${long.storage} storage reads, ${long.writes} writes (at 100: ${short.calls}, ${formatBytes(short.bytes)}).`);
  if (long.writes > 0 || long.calls > short.calls || long.bytes > short.bytes * 1.5) {
    console.error('FAILED: a redelivery wrote something or cost more with a longer changelog.');
    process.exitCode = 1;
  }
}

void main();
