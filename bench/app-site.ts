/**
 * The app against the Jira emulator in one process, for the storage and event benchmarks: the real
 * Jira client over the emulator's router with a simulated network latency per call, the in-memory
 * KVS emulation (Forge's rules) behind a counter of reads and bytes, and the real contract database
 * of the demo. Bench-only; never imported by the app.
 */
import { createFetchTransport } from '../src/adapters/jira/fetch-transport';
import { createJiraClient, type JiraClient } from '../src/adapters/jira/jira-client';
import type { EntityQueryRequest, KeyValueStore, QueryPage, QueryRequest, StorableValue, StoreOperation } from '../src/adapters/storage/key-value-store';
import { MemoryKvsStore } from '../src/adapters/storage/memory-kvs-store';
import { saveContractDatabase } from '../src/app/contract-database-store';
import type { AppDeps, RebuildJob, SweepJob } from '../src/app/deps';
import { buildDemoContractDatabase } from '../sandbox/demo/demo-catalogue';
import { readJiraAppDefinition } from '../sandbox/jira/jira-app-definition';
import { createJiraModel, type JiraModel } from '../sandbox/jira/jira-model';
import { seedBaseSite, type BaseSite } from '../sandbox/jira/jira-seed';
import { installationOf } from '../sandbox/runtime/app-wiring';
import { createInProcessFetch } from '../sandbox/runtime/in-process-fetch';

/** Storage reads, writes and the bytes the reads answered (JSON text of the values). */
export interface StorageCounts {
  reads: number;
  readBytes: number;
  transactions: number;
}

/** Jira calls and the bytes their answers held. */
export interface JiraCounts {
  calls: number;
  bytes: number;
  byCall: Map<string, number>;
}

function size(value: unknown): number {
  return value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** A store that counts what it is asked, as Forge meters it (a transaction is one operation). */
export class MeteredStore implements KeyValueStore {
  counts: StorageCounts = { reads: 0, readBytes: 0, transactions: 0 };
  constructor(readonly inner: MemoryKvsStore) {}
  async get(key: string): Promise<unknown> {
    const value = await this.inner.get(key);
    this.counts.reads += 1;
    this.counts.readBytes += size(value);
    return value;
  }
  set(key: string, value: StorableValue): Promise<void> {
    this.counts.transactions += 1;
    return this.inner.set(key, value);
  }
  delete(key: string): Promise<void> {
    this.counts.transactions += 1;
    return this.inner.delete(key);
  }
  async query(request: QueryRequest): Promise<QueryPage> {
    const page = await this.inner.query(request);
    this.counts.reads += 1;
    this.counts.readBytes += page.entries.reduce((sum, entry) => sum + size(entry.value) + entry.key.length, 0);
    return page;
  }
  transact(operations: readonly StoreOperation[]): Promise<void> {
    this.counts.transactions += 1;
    return this.inner.transact(operations);
  }
  async getEntity(entity: string, key: string): Promise<unknown> {
    const value = await this.inner.getEntity(entity, key);
    this.counts.reads += 1;
    this.counts.readBytes += size(value);
    return value;
  }
  async queryEntity(request: EntityQueryRequest): Promise<QueryPage> {
    const page = await this.inner.queryEntity(request);
    this.counts.reads += 1;
    this.counts.readBytes += page.entries.reduce((sum, entry) => sum + size(entry.value) + entry.key.length, 0);
    return page;
  }
  reset(): void {
    this.counts = { reads: 0, readBytes: 0, transactions: 0 };
  }
}

export interface BenchSite {
  model: JiraModel;
  site: BaseSite;
  store: MeteredStore;
  deps: AppDeps;
  jira: JiraCounts;
  clock: { now: Date };
  rebuildJobs: RebuildJob[];
  sweepJobs: SweepJob[];
  resetCounts(): void;
}

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * @example const site = await createBenchSite({ latencyMs: 100 });
 */
export async function createBenchSite(options: { latencyMs: number; start?: Date }): Promise<BenchSite> {
  const clock = { now: options.start ?? new Date('2026-10-05T07:30:00Z') };
  const model = createJiraModel({ clock: { now: () => clock.now }, app: readJiraAppDefinition(), baseUrl: 'http://jira.bench' });
  const site = seedBaseSite(model);
  const store = new MeteredStore(new MemoryKvsStore());
  const jira: JiraCounts = { calls: 0, bytes: 0, byCall: new Map() };
  const inProcess = createInProcessFetch(model);
  const slowFetch: typeof fetch = async (input, init) => {
    if (options.latencyMs > 0) await sleep(options.latencyMs);
    const response = await inProcess(input, init);
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const name = `${init?.method ?? 'GET'} ${url.pathname.replace(/\d+/g, '{id}')}`;
    jira.calls += 1;
    jira.bytes += Buffer.byteLength(await response.clone().text(), 'utf8');
    jira.byCall.set(name, (jira.byCall.get(name) ?? 0) + 1);
    return response;
  };
  const client = (headers: Record<string, string>, basicAuth?: { username: string; password: string }): JiraClient =>
    createJiraClient({
      transport: createFetchTransport({ baseUrl: 'http://jira.bench', headers, fetch: slowFetch, ...(basicAuth === undefined ? {} : { basicAuth }) }),
      retry: { sleep: () => Promise.resolve() },
      installation: () => installationOf(model.app),
    });
  const rebuildJobs: RebuildJob[] = [];
  const sweepJobs: SweepJob[] = [];
  const deps: AppDeps = {
    store,
    jiraAsApp: client({ Authorization: `Bearer ${model.appToken}` }),
    // asUser as Forge makes it: through the app, so the emulator applies the manifest's scopes
    jiraAsUser: (accountId) => client({ Authorization: `Bearer ${model.appToken}`, 'X-Forge-As-User': accountId }),
    enqueue: (jobs) => {
      rebuildJobs.push(...jobs);
      return Promise.resolve();
    },
    enqueueSweep: (jobs) => {
      sweepJobs.push(...jobs);
      return Promise.resolve();
    },
    now: () => clock.now,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  };
  const saved = await saveContractDatabase(store.inner, { input: buildDemoContractDatabase(site), baseRevision: 0, by: site.users.admin.accountId, now: clock.now, action: 'import' });
  if (!saved.ok) throw new Error('the demo contract database does not validate');
  return {
    model,
    site,
    store,
    deps,
    jira,
    clock,
    rebuildJobs,
    sweepJobs,
    resetCounts() {
      store.reset();
      jira.calls = 0;
      jira.bytes = 0;
      jira.byCall.clear();
    },
  };
}

/** Bytes as "1.3 MB", "84 KB", "512 B". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${(bytes / 1_000).toFixed(1)} KB`;
  return `${bytes} B`;
}

/** Prints rows as an aligned table. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
