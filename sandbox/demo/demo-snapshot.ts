/**
 * The generated demo, cached on disk: generating replays a quarter of history through the app
 * (tens of seconds), so it runs once per version of the sources that shape it — the demo itself,
 * the emulator, the sandbox runtime, the app's code (src/) and manifest.yml — keyed by a hash of
 * those files. `npm start`, `npm run sandbox:reset` and the browser tests all install from it.
 *
 * A demo is a complete sandbox database (`sandbox.db`, closed, so the file alone holds it) and its
 * `demo.json`; installing it is a file copy (site-files.ts installDemo).
 *
 * Touches only `<dataDir>/demo/`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { demoFiles, demoMetaSchema, readJsonFile, repoRoot, writeFileAtomic, writeSandboxDatabase, type DemoFiles, type DemoMeta } from '../site-files';
import type { ManifestModules } from '../runtime/manifest-modules';
import { demoSeed } from './demo-catalogue';
import { generateDemo } from './generate-demo';

/** Folders and files whose content decides what the demo looks like. */
const hashedSources = ['sandbox/demo', 'sandbox/jira', 'sandbox/runtime', 'sandbox/clock.ts', 'sandbox/site-files.ts', 'src', 'manifest.yml'];

function listFiles(entry: string): string[] {
  const full = path.join(repoRoot, entry);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [entry];
  return readdirSync(full, { withFileTypes: true })
    .filter((d) => d.name !== 'node_modules' && !d.name.startsWith('.'))
    .flatMap((d) => listFiles(path.join(entry, d.name)))
    .filter((file) => /\.(ts|json|ya?ml)$/.test(file));
}

/**
 * A short hash of every source file that shapes the demo, plus the seed.
 *
 * @example demoSourceHash() // 'a3f9c2e1b07d'
 */
export function demoSourceHash(): string {
  const hash = createHash('sha256');
  hash.update(`seed:${demoSeed}\n`);
  for (const file of hashedSources.flatMap(listFiles).sort()) {
    hash.update(`${file.split(path.sep).join('/')}\n`);
    hash.update(readFileSync(path.join(repoRoot, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

export interface EnsureDemoOptions {
  dataDir: string;
  cloudId: string;
  onProgress?: (message: string) => void;
  /** regenerate even when a snapshot for the current sources exists */
  force?: boolean;
  /** manifest override passed to the generator (tests); not part of the cache key */
  modules?: ManifestModules;
}

export interface DemoSnapshot {
  hash: string;
  files: DemoFiles;
  meta: DemoMeta;
  /** true when this call generated it */
  generated: boolean;
}

/**
 * Answers the demo snapshot for the current sources, generating (and caching) it when missing.
 * Older snapshots are removed.
 */
export async function ensureDemoSnapshot(options: EnsureDemoOptions): Promise<DemoSnapshot> {
  const hash = demoSourceHash();
  const files = demoFiles(options.dataDir, hash);
  const existing = readJsonFile(files.meta, demoMetaSchema);
  if (existing !== null && existing.hash === hash && options.force !== true && existsSync(files.database)) {
    return { hash, files, meta: existing, generated: false };
  }
  const progress = options.onProgress ?? (() => undefined);
  progress(`Generating the demo (a quarter of history, computed by the app's own handlers; once per code version)…`);
  const started = Date.now();
  const demo = await generateDemo({ cloudId: options.cloudId, onProgress: progress, ...(options.modules === undefined ? {} : { modules: options.modules }) });
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  // write into a temp folder, then move it in place: a half-written demo is never used
  const tmp = demoFiles(options.dataDir, `${hash}.tmp-${process.pid}`);
  rmSync(tmp.dir, { recursive: true, force: true });
  writeSandboxDatabase(tmp.database, demo.jiraSite, demo.kvs);
  const meta: DemoMeta = { schemaVersion: 1, hash, now: demo.now.toISOString(), generatedAt: new Date().toISOString(), seconds, counts: demo.counts };
  writeFileAtomic(tmp.meta, JSON.stringify(meta, null, 2));
  rmSync(files.dir, { recursive: true, force: true });
  renameSync(tmp.dir, files.dir);
  const parent = path.dirname(files.dir);
  // older demos go; another process's temp folder (".tmp-<pid>") is left alone
  for (const other of readdirSync(parent)) {
    if (other !== hash && /^[0-9a-f]{12}$/.test(other)) rmSync(path.join(parent, other), { recursive: true, force: true });
  }
  progress(`Demo ready in ${seconds} s: ${demo.counts.requests ?? 0} requests (${demo.counts.resolved ?? 0} resolved, ${demo.counts.open ?? 0} open).`);
  return { hash, files, meta, generated: true };
}
