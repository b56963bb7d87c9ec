/**
 * `npm run sandbox:reset`: puts the sandbox's data back to the demo — the site, the app's storage
 * and the clock (Monday 5 October 2026, 09:30 Amsterdam) — generating the demo first when the
 * sources changed since it was last generated. Run it while the sandbox is stopped; a running
 * sandbox offers the same through POST /sandbox/api/reset.
 *
 * `--regenerate` generates the demo even when a cached one exists.
 */
import { createMovableClock } from './clock';
import { ensureDemoSnapshot } from './demo/demo-snapshot';
import { sandboxCloudId } from './open-sandbox';
import { dataDirFrom, installDemo, setAsidePreSqliteState, stateFiles } from './site-files';

async function main(): Promise<void> {
  const dataDir = dataDirFrom(process.env);
  const force = process.argv.includes('--regenerate');
  const demo = await ensureDemoSnapshot({
    dataDir,
    cloudId: sandboxCloudId,
    force,
    onProgress: (line) => {
      console.log(line);
    },
  });
  const files = stateFiles(dataDir);
  const setAside = setAsidePreSqliteState(files);
  if (setAside !== null) console.log(`The data from before SQLite was moved to ${setAside}.`);
  installDemo(demo.files, files, demo.hash, new Date());
  const clock = createMovableClock({ file: files.clock, initial: new Date(demo.meta.now) });
  clock.set(new Date(demo.meta.now));
  console.log(`Sandbox reset to the demo (${demo.meta.counts.requests ?? 0} requests, clock at ${demo.meta.now}). Start it with npm start.`);
}

main().catch((error: unknown) => {
  console.error('Reset failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
