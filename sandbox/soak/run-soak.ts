/**
 * `npm run soak`: the sandbox as a system, under load, measured (issue 10). Each scenario runs the
 * sandbox in a child process on a fresh data folder and drives it over HTTP as people, the host
 * pages and the app do:
 *
 * - `scale`       10 000 requests raised; every one gets its record; time and memory per 1 000
 * - `kill`        SIGKILL during load, restart: no acknowledged write lost, every record repaired
 *                 within one sweep cycle
 * - `concurrency` 200 requests, 1 000 interleaved operations under SANDBOX_CHAOS=1 and
 *                 SANDBOX_FAULTS=0.3, compared with the same operations run one at a time without
 *                 chaos or faults: records, aggregates and notes
 *
 * `npm run soak` runs all three; `npm run soak -- --scenario=kill` one. `--requests=<n>` shortens
 * `scale`. Prints figures; exits 1 when a correctness check fails (not for speed).
 */
import { cpus, loadavg } from 'node:os';
import { runConcurrencyScenario } from './scenario-concurrency';
import { runKillScenario } from './scenario-kill';
import { runScaleScenario } from './scenario-scale';
import type { ScenarioResult } from './soak-support';

const scenarios = ['scale', 'kill', 'concurrency'] as const;
type ScenarioName = (typeof scenarios)[number];

function argument(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

function positiveInt(name: string, fallback: number): number {
  const raw = argument(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number (got "${raw}").`);
  return value;
}

async function main(): Promise<void> {
  const picked = argument('scenario');
  if (picked !== undefined && !scenarios.some((s) => s === picked)) {
    throw new Error(`Unknown scenario "${picked}": use one of ${scenarios.join(', ')}.`);
  }
  const run: readonly ScenarioName[] = picked === undefined ? scenarios : scenarios.filter((s) => s === picked);
  console.log(`Contract Clock soak — Node ${process.version}, ${cpus().length} CPU(s), load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const started = performance.now();
  const results: ScenarioResult[] = [];
  for (const name of run) {
    const scenarioStarted = performance.now();
    switch (name) {
      case 'scale':
        results.push(await runScaleScenario({ requests: positiveInt('requests', 10_000), batch: 1000, concurrency: 8 }));
        break;
      case 'kill':
        results.push(await runKillScenario({ acknowledgedBeforeKill: positiveInt('kill-after', 600) }));
        break;
      case 'concurrency':
        results.push(await runConcurrencyScenario({ requests: 200, operations: 1000, seed: positiveInt('seed', 20261005) }));
        break;
    }
    console.log(`  (${name}: ${Math.round((performance.now() - scenarioStarted) / 1000)} s)`);
  }
  console.log(`\nSoak finished in ${Math.round((performance.now() - started) / 1000)} s.`);
  const failures = results.flatMap((r) => r.failures);
  for (const result of results) console.log(`  ${result.name.padEnd(12)} ${result.failures.length === 0 ? 'passed' : `FAILED (${result.failures.length})`}`);
  if (failures.length > 0) {
    console.log('\nCorrectness failures:');
    for (const failure of failures) console.log(`  - ${failure}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error('The soak could not run:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 2;
});
