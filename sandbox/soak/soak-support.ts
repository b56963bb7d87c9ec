/**
 * What the soak scenarios share: a sandbox in a child process on a fresh data folder, reading that
 * process's disk writes, reading the sandbox database from the outside (a second SQLite connection,
 * as a restarted process would), the figures table, and the verdict of a scenario.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readJiraAppDefinition } from '../jira/jira-app-definition';
import { createJiraModel, type JiraModel } from '../jira/jira-model';
import { findUiModule, readManifestModules } from '../runtime/manifest-modules';
import { openSandboxDatabase, stateFiles } from '../site-files';
import { startChild, type Child } from './child-process';
import { createSoakClient, type SoakClient, type SoakUser } from './soak-client';

export interface ScenarioResult {
  name: string;
  /** correctness failures; empty = passed */
  failures: string[];
}

export interface SandboxChild {
  child: Child;
  client: SoakClient;
  dataDir: string;
  users: { admin: SoakUser; agents: SoakUser[]; customers: SoakUser[] };
  stop(): Promise<void>;
}

/** A fresh data folder for one scenario, removed at exit. */
export function freshDataDir(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `contract-clock-soak-${name}-`));
  process.once('exit', () => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** The issue panel's module key (the soak invokes its resolver as the host page does). */
export function panelModuleKey(): string {
  const panel = findUiModule(readManifestModules(), 'jira:issuePanel');
  if (panel === null) throw new Error('manifest.yml declares no issue panel.');
  return panel.key;
}

/**
 * Starts the sandbox as a child process on `dataDir` (the base site with the demo contracts, clock
 * frozen so only the soak moves it).
 */
export async function startSandboxChild(dataDir: string, env: Record<string, string> = {}): Promise<SandboxChild> {
  // --expose-gc: the sandbox's memory figures are taken after a collection (server.ts)
  const child = await startChild({ module: 'sandbox/soak/sandbox-process.ts', nodeArgs: ['--expose-gc'], args: [dataDir, '--start', 'base', '--frozen'], env });
  const client = createSoakClient(child.ready, { panelModuleKey: panelModuleKey() });
  const state = await client.state();
  const users = state.users.map((u) => ({ ...u }));
  const admin = users.find((u) => u.role === 'admin');
  if (admin === undefined) throw new Error('The sandbox has no admin.');
  return {
    child,
    client,
    dataDir,
    users: { admin, agents: users.filter((u) => u.role === 'agent'), customers: users.filter((u) => u.role === 'customer') },
    stop: async () => {
      await child.kill('SIGTERM');
    },
  };
}

/** Bytes the process has caused to be written to storage so far (Linux /proc/<pid>/io), or null. */
export function bytesWritten(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const io = readFileSync(`/proc/${pid}/io`, 'utf8');
    const match = /^write_bytes: (\d+)$/m.exec(io);
    return match?.[1] === undefined ? null : Number(match[1]);
  } catch {
    return null;
  }
}

/** Size of the sandbox database with its write-ahead log, in bytes. */
export function databaseBytes(dataDir: string): number {
  const file = stateFiles(dataDir).database;
  return [file, `${file}-wal`].filter((f) => existsSync(f)).reduce((sum, f) => sum + statSync(f).size, 0);
}

/** The site as stored in the sandbox database of `dataDir`, read through a connection of our own. */
export function readStoredSite(dataDir: string): JiraModel {
  const database = openSandboxDatabase(stateFiles(dataDir).database);
  try {
    const state = database.site.load();
    if (state === null) throw new Error(`${dataDir} holds no site.`);
    return createJiraModel({ clock: { now: () => new Date() }, app: readJiraAppDefinition(), state });
  } finally {
    database.close();
  }
}

/** How many product events the sandbox of `dataDir` committed but had not delivered yet. */
export function undeliveredEventCount(dataDir: string): number {
  const database = openSandboxDatabase(stateFiles(dataDir).database);
  try {
    return database.site.undeliveredEvents().length;
  } finally {
    database.close();
  }
}

/** Every value the app has stored (KVS entries and custom entity items), read through a connection of our own. */
export function readStoredAppData(dataDir: string): { key: string; entity: string | null; value: unknown }[] {
  const database = openSandboxDatabase(stateFiles(dataDir).database);
  try {
    const snapshot = database.kvs.snapshot();
    return [
      ...snapshot.entries.map((e) => ({ key: e.key, entity: null, value: e.value })),
      ...(snapshot.entities ?? []).map((e) => ({ key: e.key, entity: e.entity, value: e.value })),
    ];
  } finally {
    database.close();
  }
}

/** Prints rows of figures as an aligned table. */
export function printTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  for (const row of cells) console.log(`  ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')}`);
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

export const round1 = (n: number): number => Math.round(n * 10) / 10;
export const mb = (bytes: number): number => round1(bytes / 1e6);

/** Runs `work` on `concurrency` workers until `total` items are done; `work(i)` for i in 0..total-1. */
export async function runConcurrently(total: number, concurrency: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) await work(i);
    }),
  );
}
