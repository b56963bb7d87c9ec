/**
 * `npm start`: the Contract Clock sandbox on 127.0.0.1. Builds the Custom UI bundles when they are
 * missing or outdated, generates the demo the first time (cached per code version), starts the
 * Jira emulator, the in-process Forge runtime and the host pages on one port (PORT, default 3000),
 * prints the URL and runs until stopped; Ctrl-C (SIGINT) or SIGTERM saves and shuts down cleanly.
 *
 * Environment: PORT, SANDBOX_DATA_DIR (default .sandbox-data), SANDBOX_CHAOS=1 or
 * SANDBOX_EVENT_DELAY_MS / _JITTER_MS / _DUPLICATE_RATE / _SEED (late, out-of-order and duplicate
 * event delivery), SANDBOX_FAULTS=<fraction> and SANDBOX_FAULTS_SEED (that share of the app's Jira
 * calls answered 429 or 503, jira-faults.ts), SANDBOX_LOG (debug | info | warn | error | silent).
 */
import { z } from 'zod';
import { openSandbox, type Sandbox } from './open-sandbox';
import { readFaultOptions } from './jira/jira-faults';
import { isChaotic, readDeliveryOptions } from './runtime/event-delivery';
import { dataDirFrom } from './site-files';
import { ensureUiBundles } from './ui-bundles';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SANDBOX_LOG: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

async function main(): Promise<void> {
  const env = envSchema.parse(process.env);
  const delivery = readDeliveryOptions(process.env);
  const faults = readFaultOptions(process.env);
  const say = (line: string): void => {
    console.log(line);
  };
  await ensureUiBundles(say);
  const dataDir = dataDirFrom(process.env);
  const sandbox: Sandbox = await openSandbox({ dataDir, port: env.PORT, delivery, faults, print: env.SANDBOX_LOG, onProgress: say });

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping…`);
    sandbox.close().then(
      () => {
        say('Sandbox stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error('Could not stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });

  say('');
  say(`  Contract Clock sandbox running at ${sandbox.url}`);
  say(`  Simulated time: ${sandbox.clock.now().toISOString()}${sandbox.clock.isFrozen() ? ' (paused)' : ''}`);
  say(`  Queue ${sandbox.url}/   Portal ${sandbox.url}/portal   Admin ${sandbox.url}/admin   REST ${sandbox.url}/rest/api/3/serverInfo`);
  if (isChaotic(delivery)) {
    say(`  Events arrive late/out of order/twice: delay ${delivery.delayMs} ms, jitter ${delivery.jitterMs} ms, duplicates ${Math.round(delivery.duplicateRate * 100)} %`);
  }
  if (faults.rate > 0) {
    say(`  Jira answers ${Math.round(faults.rate * 100)} % of the app's calls with 429 (Retry-After) or 503 (SANDBOX_FAULTS, seed ${faults.seed})`);
  }
  say(`  Data in ${dataDir} (SQLite: state/sandbox.db; npm run sandbox:reset puts the demo back). Ctrl-C stops.`);
  say('');
}

main().catch((error: unknown) => {
  console.error('The sandbox could not start:', error instanceof Error ? error.message : error);
  if (error instanceof Error && error.stack !== undefined) console.error(error.stack);
  process.exit(1);
});
