/**
 * Where the sandbox keeps its data and how a site is laid out on disk. Everything lives under the
 * git-ignored `.sandbox-data/` (or SANDBOX_DATA_DIR):
 *
 * - `state/` — the live site: `sandbox.db` (SQLite: the emulated Jira site and the app's storage,
 *   durable before a request is answered; `-wal` and `-shm` are SQLite's companions), `clock.json`
 *   (the movable clock), `origin.json` (which demo it came from), `dashboard.json` (the dashboard's
 *   gadgets and their configuration)
 * - `demo/<hash>/` — the generated demo, keyed by a hash of the sources that produce it:
 *   `sandbox.db` (a complete, closed sandbox database) and `demo.json` (when "now" is, counts)
 *
 * A data folder from before SQLite (`state/jira-site.json` and `state/kvs/`) is not converted: it is
 * moved aside to `state-before-sqlite/` and the demo is installed fresh (setAsidePreSqliteState).
 *
 * Reads and writes only inside the data folder; files are replaced atomically (temp file + rename).
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { commitPendingWrites, openSqliteDatabase, type OpenSqliteOptions, type SqliteDatabase } from '../src/adapters/storage/sqlite-database';
import { openSqliteKvsStore, type SqliteKvsStore } from '../src/adapters/storage/sqlite-kvs-store';
import type { KvsSnapshot } from '../src/adapters/storage/memory-kvs-store';
import { JiraSiteStore } from './jira/jira-site-store';
import type { JiraSiteState } from './jira/jira-state';

export const repoRoot = path.resolve(__dirname, '..');

/** The data folder: SANDBOX_DATA_DIR, or `.sandbox-data/` at the repository root. */
export function dataDirFrom(env: Record<string, string | undefined>): string {
  const configured = env.SANDBOX_DATA_DIR;
  return configured === undefined || configured === '' ? path.join(repoRoot, '.sandbox-data') : path.resolve(configured);
}

export interface SiteFiles {
  dir: string;
  /** the SQLite database of the live site */
  database: string;
  clock: string;
  origin: string;
  /** the site file of sandboxes from before SQLite */
  preSqliteSite: string;
  /** the dashboard's gadgets and their saved configurations (host/dashboard-store.ts) */
  dashboard: string;
}

export function stateFiles(dataDir: string): SiteFiles {
  const dir = path.join(dataDir, 'state');
  return {
    dir,
    database: path.join(dir, 'sandbox.db'),
    clock: path.join(dir, 'clock.json'),
    origin: path.join(dir, 'origin.json'),
    preSqliteSite: path.join(dir, 'jira-site.json'),
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
  database: string;
  meta: string;
}

export function demoFiles(dataDir: string, hash: string): DemoFiles {
  const dir = path.join(dataDir, 'demo', hash);
  return { dir, database: path.join(dir, 'sandbox.db'), meta: path.join(dir, 'demo.json') };
}

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

/** The sandbox's database: the Jira site and the app's storage, in one SQLite file. */
export interface SandboxDatabase {
  readonly db: SqliteDatabase;
  readonly site: JiraSiteStore;
  readonly kvs: SqliteKvsStore;
  /** commits what is pending, then closes */
  close(): void;
}

/**
 * Opens (creating when needed) a sandbox database.
 *
 * @example const database = openSandboxDatabase(stateFiles(dataDir).database); database.site.load();
 */
export function openSandboxDatabase(file: string, options: OpenSqliteOptions = {}): SandboxDatabase {
  const db = openSqliteDatabase(file, options);
  try {
    return {
      db,
      site: new JiraSiteStore(db),
      kvs: openSqliteKvsStore(db),
      close: () => {
        commitPendingWrites(db);
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Removes a database file with its WAL and shared-memory companions (none may be open). */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Writes a complete sandbox database — a site and the app's storage — into a new file, and closes it
 * (so the file alone holds everything: no `-wal` is left behind).
 */
export function writeSandboxDatabase(file: string, site: JiraSiteState, kvs: KvsSnapshot): void {
  removeDatabaseFiles(file);
  const database = openSandboxDatabase(file);
  try {
    database.site.replaceWith(site);
    database.kvs.restore(kvs);
  } finally {
    database.close();
  }
}

function fsyncPath(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces the live state with a generated demo: a copy of its database (flushed, then renamed into
 * place, after the old database's companions are removed so SQLite never replays an old log onto
 * the new file) and the origin. The clock is set by the caller (it may be running). The live
 * database must not be open.
 */
export function installDemo(demo: DemoFiles, state: SiteFiles, hash: string, installedAt: Date): void {
  mkdirSync(state.dir, { recursive: true });
  const tmp = `${state.database}.${process.pid}.tmp`;
  copyFileSync(demo.database, tmp);
  fsyncPath(tmp);
  removeDatabaseFiles(state.database);
  renameSync(tmp, state.database);
  fsyncPath(state.dir);
  writeFileAtomic(state.origin, JSON.stringify({ demoHash: hash, installedAt: installedAt.toISOString() }));
}

/**
 * A data folder from before SQLite is moved aside (to `state-before-sqlite/`, or with a number when
 * that exists): the sandbox starts fresh from the demo and nothing of the old folder is deleted.
 * Answers where it went, or null when there was nothing to move.
 */
export function setAsidePreSqliteState(state: SiteFiles): string | null {
  if (!existsSync(state.preSqliteSite) || existsSync(state.database)) return null;
  let target = path.join(path.dirname(state.dir), 'state-before-sqlite');
  for (let n = 2; existsSync(target); n += 1) target = path.join(path.dirname(state.dir), `state-before-sqlite-${n}`);
  renameSync(state.dir, target);
  return target;
}
