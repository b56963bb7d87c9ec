/**
 * Where the sandbox keeps its data and how a site is laid out on disk. Everything lives under the
 * git-ignored `.sandbox-data/` (or SANDBOX_DATA_DIR):
 *
 * - `state/` — the live site: `jira-site.json` (the emulator's exported state), `kvs/` (the
 *   file-persisted KVS, in its own format), `clock.json` (the movable clock), `origin.json` (which
 *   demo it came from), `dashboard.json` (the dashboard's gadgets and their configuration)
 * - `demo/<hash>/` — the generated demo, keyed by a hash of the sources that produce it:
 *   `jira-site.json`, `kvs-snapshot.json`, `demo.json` (when "now" is, counts)
 *
 * Reads and writes only inside the data folder; writes are atomic (temp file + rename).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { openFileKvsStore } from '../src/adapters/storage/file-kvs-store';
import path from 'node:path';
import { z } from 'zod';

export const repoRoot = path.resolve(__dirname, '..');

/** The data folder: SANDBOX_DATA_DIR, or `.sandbox-data/` at the repository root. */
export function dataDirFrom(env: Record<string, string | undefined>): string {
  const configured = env.SANDBOX_DATA_DIR;
  return configured === undefined || configured === '' ? path.join(repoRoot, '.sandbox-data') : path.resolve(configured);
}

export interface SiteFiles {
  dir: string;
  jiraSite: string;
  kvsDir: string;
  clock: string;
  origin: string;
  /** the dashboard's gadgets and their saved configurations (host/dashboard-store.ts) */
  dashboard: string;
}

export function stateFiles(dataDir: string): SiteFiles {
  const dir = path.join(dataDir, 'state');
  return {
    dir,
    jiraSite: path.join(dir, 'jira-site.json'),
    kvsDir: path.join(dir, 'kvs'),
    clock: path.join(dir, 'clock.json'),
    origin: path.join(dir, 'origin.json'),
    dashboard: path.join(dir, 'dashboard.json'),
  };
}

export const demoMetaSchema = z.object({
  schemaVersion: z.literal(1),
  hash: z.string(),
  /** the simulated instant the demo ends at; the sandbox clock starts here */
  now: z.iso.datetime({ offset: true }),
  generatedAt: z.iso.datetime({ offset: true }),
  seconds: z.number(),
  counts: z.record(z.string(), z.number()),
});
export type DemoMeta = z.infer<typeof demoMetaSchema>;

export interface DemoFiles {
  dir: string;
  jiraSite: string;
  kvsSnapshot: string;
  meta: string;
}

export function demoFiles(dataDir: string, hash: string): DemoFiles {
  const dir = path.join(dataDir, 'demo', hash);
  return { dir, jiraSite: path.join(dir, 'jira-site.json'), kvsSnapshot: path.join(dir, 'kvs-snapshot.json'), meta: path.join(dir, 'demo.json') };
}

export const originSchema = z.object({ demoHash: z.string(), installedAt: z.iso.datetime({ offset: true }) });

/** Writes a file atomically (temp file in the same folder, then rename). */
export function writeFileAtomic(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** Parses a JSON file with a schema; null when missing or not matching. */
export function readJsonFile<T extends z.ZodType>(file: string, schema: T): z.infer<T> | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Reads a JSON file as unknown (the emulator parses its own state). */
export function readJsonUnknown(file: string): unknown {
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return value;
}

/**
 * Replaces the live state with a generated demo: the site, the KVS (restored through the store's
 * own API, so its on-disk format stays its business) and the origin. The clock is set by the caller
 * (it may be running).
 */
export async function installDemo(demo: DemoFiles, state: SiteFiles, hash: string, installedAt: Date): Promise<void> {
  rmSync(state.dir, { recursive: true, force: true });
  const store = await openFileKvsStore(state.kvsDir);
  try {
    await store.restore(readJsonUnknown(demo.kvsSnapshot));
  } finally {
    await store.close();
  }
  writeFileAtomic(state.jiraSite, readFileSync(demo.jiraSite, 'utf8'));
  writeFileAtomic(state.origin, JSON.stringify({ demoHash: hash, installedAt: installedAt.toISOString() }));
}
