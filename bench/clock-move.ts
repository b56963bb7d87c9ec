/**
 * `npm run bench:clock-move` (issue 11 item 7): what moving the sandbox clock forward costs now that
 * a move runs the app's five-minute sweep at every slot it crosses (sandbox/runtime/sweep-scheduler.ts).
 * On the demo site (its open requests, contracts and history, from the demo cache), through the
 * sandbox's HTTP API as the host page calls it, it measures in the same run:
 * - the baseline: one sweep at the new "now" (what a move did before issue 11.7);
 * - +1 day (288 slots) and +1 week (2 016 slots), each from a fresh demo.
 * Printed: wall time until the clock call answered, slots run, milliseconds per slot, and the
 * ratio to the baseline. Bench-only; never imported by the sandbox or the app.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDemoSnapshot } from '../sandbox/demo/demo-snapshot';
import { openSandbox, sandboxCloudId, type Sandbox } from '../sandbox/open-sandbox';
import { dataDirFrom } from '../sandbox/site-files';

const dayMs = 24 * 3_600_000;

interface SchedulerStats {
  runs: number;
  lastCatchUp: { slots: number; ms: number } | null;
}

async function post(sandbox: Sandbox, name: string, body: unknown): Promise<void> {
  const response = await fetch(`${sandbox.url}/sandbox/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: sandbox.url, 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST /sandbox/api/${name} answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
}

function schedulerStats(sandbox: Sandbox): SchedulerStats {
  const stats = sandbox.runtime().stats() as { scheduled: SchedulerStats[] };
  const first = stats.scheduled[0];
  if (first === undefined) throw new Error('manifest.yml has no scheduled trigger');
  return first;
}

async function main(): Promise<void> {
  const demoCacheDir = dataDirFrom(process.env);
  await ensureDemoSnapshot({ dataDir: demoCacheDir, cloudId: sandboxCloudId, onProgress: (m) => {
    console.log(m);
  } });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-clock-move-'));
  const sandbox = await openSandbox({ dataDir, demoCacheDir, port: 0, print: 'error', frozenClock: true });
  try {
    const open = sandbox.model().issues().filter((issue) => issue.resolutionDateMs === null).length;
    console.log(`Demo site: ${sandbox.model().issues().length} requests, ${open} open; clock at ${sandbox.clock.now().toISOString()}`);

    await sandbox.reset();
    let started = performance.now();
    await sandbox.runtime().runScheduledNow('bench');
    await sandbox.settle();
    const baselineMs = performance.now() - started;

    const rows: { move: string; slots: number; ms: number }[] = [];
    for (const [move, ms] of [
      ['+1 day', dayMs],
      ['+1 week', 7 * dayMs],
    ] as const) {
      await sandbox.reset();
      const runsBefore = schedulerStats(sandbox).runs;
      started = performance.now();
      await post(sandbox, 'clock', { action: 'advance', ms });
      const elapsed = performance.now() - started;
      const stats = schedulerStats(sandbox);
      rows.push({ move, slots: stats.lastCatchUp?.slots ?? 0, ms: elapsed });
      if (stats.runs - runsBefore < (stats.lastCatchUp?.slots ?? Infinity)) throw new Error(`${move}: fewer sweeps ran than slots were crossed`);
    }

    console.log('');
    console.log('move       slots  wall time   per slot   vs one sweep (baseline)');
    console.log(`baseline       1  ${baselineMs.toFixed(0).padStart(6)} ms  ${baselineMs.toFixed(1).padStart(6)} ms`);
    for (const row of rows) {
      console.log(
        `${row.move.padEnd(9)} ${String(row.slots).padStart(5)}  ${(row.ms / 1000).toFixed(1).padStart(7)} s  ${(row.ms / row.slots).toFixed(1).padStart(6)} ms   ×${(row.ms / baselineMs).toFixed(0)}`,
      );
    }
  } finally {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
