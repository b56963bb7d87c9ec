/**
 * Makes sure the Custom UI bundles the sandbox serves are built and current: an app under static/
 * (a folder with an index.html) whose dist/ is missing or older than its sources — its own files,
 * static/shared, and the contract schemas (src/contract) and message catalogues (src/i18n) it
 * imports — triggers `npm run build:ui`.
 *
 * Reads file times under static/, src/contract and src/i18n; runs the build script as a child process.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './site-files';

function newestMtime(dir: string, skip: ReadonlySet<string>): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name) || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestMtime(full, skip) : statSync(full).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

export interface StaleBundle {
  app: string;
  reason: 'missing' | 'outdated';
}

/**
 * The Custom UI apps whose bundle is missing or older than its sources.
 *
 * @example findStaleBundles() // [{ app: 'panel', reason: 'missing' }]
 */
export function findStaleBundles(root = repoRoot): StaleBundle[] {
  const staticDir = path.join(root, 'static');
  if (!existsSync(staticDir)) return [];
  const skip = new Set(['dist', 'node_modules']);
  const shared = Math.max(
    newestMtime(path.join(staticDir, 'shared'), skip),
    newestMtime(path.join(root, 'src', 'contract'), skip),
    newestMtime(path.join(root, 'src', 'i18n'), skip),
  );
  const stale: StaleBundle[] = [];
  for (const entry of readdirSync(staticDir, { withFileTypes: true })) {
    const appDir = path.join(staticDir, entry.name);
    if (!entry.isDirectory() || !existsSync(path.join(appDir, 'index.html'))) continue;
    const built = path.join(appDir, 'dist', 'index.html');
    if (!existsSync(built)) {
      stale.push({ app: entry.name, reason: 'missing' });
      continue;
    }
    const sources = Math.max(shared, newestMtime(appDir, skip));
    if (sources > statSync(built).mtimeMs) stale.push({ app: entry.name, reason: 'outdated' });
  }
  return stale;
}

/** Runs `npm run build:ui`; rejects when it fails. */
export function runBuildUi(root = repoRoot): Promise<void> {
  return new Promise((resolve, reject) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', 'build:ui'], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`npm run build:ui failed (exit code ${String(code)}).`));
    });
  });
}

/**
 * Builds the UI bundles when any is missing or outdated; answers what it found.
 *
 * @example await ensureUiBundles((line) => console.log(line));
 */
export async function ensureUiBundles(say: (line: string) => void): Promise<StaleBundle[]> {
  const stale = findStaleBundles();
  if (stale.length === 0) return stale;
  say(`Building the Custom UI bundles (${stale.map((s) => `${s.app}: ${s.reason}`).join(', ')})…`);
  await runBuildUi();
  return stale;
}
