/**
 * Soak scenario "scale" (issue 10): 10 000 requests raised by customers over HTTP, 8 at a time,
 * against the sandbox in a child process; after each 1 000 the app's handlers are let finish
 * (settle). Figures per 1 000: wall time, requests/s, latency of the create (p50, p95), the sandbox
 * process's live heap (after a collection) and what it grew by per request, its RSS, the bytes it
 * wrote to disk, the database size. Correctness: every request that
 * was acknowledged has its `contract-clock` record in the database.
 */
import { CLOCK_RECORD_PROPERTY_KEY } from '../../src/contract/clock-record';
import { bytesWritten, databaseBytes, freshDataDir, mb, printTable, quantile, readStoredSite, round1, runConcurrently, startSandboxChild, type ScenarioResult } from './soak-support';

export interface ScaleOptions {
  requests: number;
  batch: number;
  concurrency: number;
}

const priorities = ['1', '2', '3', '4'];

export async function runScaleScenario(options: ScaleOptions): Promise<ScenarioResult> {
  const failures: string[] = [];
  console.log(`\n[scale] ${options.requests} requests, ${options.concurrency} at a time; figures per ${options.batch}`);
  const sandbox = await startSandboxChild(freshDataDir('scale'));
  try {
    const { client, users } = sandbox;
    const desk = await client.desk();
    const pid = sandbox.child.process.pid;
    const acknowledged: string[] = [];
    const refused: number[] = [];
    const rows: (string | number)[][] = [];
    let written = bytesWritten(pid) ?? 0;
    let heap = (await client.state()).memory.heapUsedMb;
    const started = performance.now();
    for (let from = 0; from < options.requests; from += options.batch) {
      const count = Math.min(options.batch, options.requests - from);
      const latencies: number[] = [];
      const batchStarted = performance.now();
      await runConcurrently(count, options.concurrency, async (i) => {
        const n = from + i;
        const customer = users.customers[n % users.customers.length];
        const requestType = desk.requestTypes[n % desk.requestTypes.length];
        if (customer === undefined || requestType === undefined) throw new Error('The base site has no customers or request types.');
        const answer = await client.raise(customer, {
          serviceDeskId: desk.serviceDeskId,
          requestTypeId: requestType.id,
          summary: `Soak request ${n}`,
          priorityId: priorities[n % priorities.length] ?? '3',
        });
        latencies.push(answer.ms);
        const key = typeof answer.body === 'object' && answer.body !== null && 'issueKey' in answer.body ? answer.body.issueKey : undefined;
        if (answer.status === 201 && typeof key === 'string') acknowledged.push(key);
        else refused.push(answer.status);
      });
      await client.settle();
      const seconds = (performance.now() - batchStarted) / 1000;
      const state = await client.state();
      const nowWritten = bytesWritten(pid);
      rows.push([
        from + count,
        round1(seconds),
        Math.round(count / seconds),
        round1(quantile(latencies, 0.5)),
        round1(quantile(latencies, 0.95)),
        state.memory.heapUsedMb,
        Math.round(((state.memory.heapUsedMb - heap) * 1000) / count),
        state.memory.rssMb,
        nowWritten === null ? 'n/a' : mb(nowWritten - written),
        mb(databaseBytes(sandbox.dataDir)),
      ]);
      written = nowWritten ?? written;
      heap = state.memory.heapUsedMb;
      console.log(`  … ${from + count} requests (${round1(seconds)} s for the last ${count})`);
    }
    const totalSeconds = (performance.now() - started) / 1000;
    printTable(['requests', 'batch s', 'req/s', 'create p50 ms', 'p95 ms', 'live heap MB', 'KB/request', 'rss MB', 'disk written MB', 'db MB'], rows);
    console.log(`  total ${round1(totalSeconds)} s; ${acknowledged.length} acknowledged, ${refused.length} refused`);
    if (refused.length > 0) failures.push(`scale: ${refused.length} creates were refused (statuses ${[...new Set(refused)].join(', ')})`);

    const site = readStoredSite(sandbox.dataDir);
    const missing = acknowledged.filter((key) => site.findIssue(key) === undefined);
    const withoutRecord = acknowledged.filter((key) => site.findIssue(key)?.properties[CLOCK_RECORD_PROPERTY_KEY] === undefined);
    console.log(`  stored: ${acknowledged.length - missing.length} of ${acknowledged.length} requests, ${acknowledged.length - withoutRecord.length} with their record`);
    if (missing.length > 0) failures.push(`scale: ${missing.length} acknowledged requests are not stored (e.g. ${missing.slice(0, 5).join(', ')})`);
    if (withoutRecord.length > 0) failures.push(`scale: ${withoutRecord.length} requests have no contract-clock record (e.g. ${withoutRecord.slice(0, 5).join(', ')})`);
    const errors = sandbox.child.stderr().trim().split('\n').filter((line) => line !== '');
    if (errors.length > 0) console.log(`  the sandbox logged ${errors.length} error lines, the last ones:\n${errors.slice(-6).map((l) => `    ${l.slice(0, 300)}`).join('\n')}`);
    return { name: 'scale', failures };
  } finally {
    await sandbox.stop();
  }
}
