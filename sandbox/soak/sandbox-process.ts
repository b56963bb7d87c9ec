/**
 * The sandbox as a child process, for crash tests and the soak (`npm run soak`): it opens the sandbox
 * on a data folder and an ephemeral port, prints `READY <url>` on stdout once it listens, and runs
 * until it is stopped — SIGTERM closes it cleanly; a SIGKILL is what the crash tests send.
 *
 * Usage: node --import tsx sandbox/soak/sandbox-process.ts <dataDir> [--start base|demo]
 *        [--demo-cache <dir>] [--frozen]
 * Environment: SANDBOX_CHAOS / SANDBOX_EVENT_* and SANDBOX_FAULTS as for `npm start`.
 */
import { openSandbox } from '../open-sandbox';
import { readFaultOptions } from '../jira/jira-faults';
import { readDeliveryOptions } from '../runtime/event-delivery';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (dataDir === undefined || dataDir.startsWith('--')) throw new Error('Usage: sandbox-process.ts <dataDir> [--start base|demo] [--demo-cache <dir>] [--frozen]');
  const start = option('--start') === 'demo' ? 'demo' : 'base';
  const demoCacheDir = option('--demo-cache');
  const sandbox = await openSandbox({
    dataDir,
    port: 0,
    start,
    print: 'error',
    frozenClock: process.argv.includes('--frozen'),
    delivery: readDeliveryOptions(process.env),
    faults: readFaultOptions(process.env),
    ...(demoCacheDir === undefined ? {} : { demoCacheDir }),
  });
  process.on('SIGTERM', () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  process.stdout.write(`READY ${sandbox.url}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
