/**
 * A test harness: the real app (entry factories, use cases, Jira client, storage adapters) against
 * the sandbox's Jira emulator in-process, with a controllable clock and counters of every Jira call
 * and storage operation.
 */
import { createFetchTransport } from '../../src/adapters/jira/fetch-transport';
import { createJiraClient, type JiraClient } from '../../src/adapters/jira/jira-client';
import type { EntityQueryRequest, KeyValueStore, QueryRequest, StoreOperation, StorableValue } from '../../src/adapters/storage/key-value-store';
import { MemoryKvsStore } from '../../src/adapters/storage/memory-kvs-store';
import { saveContractDatabase } from '../../src/app/contract-database-store';
import type { AppDeps, RebuildJob } from '../../src/app/deps';
import type { ContractDatabaseInput } from '../../src/contract/contract-database';
import type { ForgeJiraEvent } from '../../sandbox/jira/jira-events';
import { readJiraAppDefinition } from '../../sandbox/jira/jira-app-definition';
import { createJiraModel, type JiraModel } from '../../sandbox/jira/jira-model';
import { seedBaseSite, type BaseSite } from '../../sandbox/jira/jira-seed';
import { buildDemoContractDatabase } from '../../sandbox/demo/demo-catalogue';
import { installationOf } from '../../sandbox/runtime/app-wiring';
import { createInProcessFetch } from '../../sandbox/runtime/in-process-fetch';

/** A store that counts its operations (a transaction counts once, as in Forge's quotas) and the bytes it read. */
export class CountingStore implements KeyValueStore {
  operations: string[] = [];
  /** UTF-8 bytes of the JSON of every value read (get, getEntity, query pages). */
  bytesRead = 0;
  constructor(readonly inner: KeyValueStore = new MemoryKvsStore()) {}
  private counted<T>(value: T): T {
    this.bytesRead += value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value));
    return value;
  }
  async get(key: string) {
    this.operations.push(`get ${key}`);
    return this.counted(await this.inner.get(key));
  }
  set(key: string, value: StorableValue) {
    this.operations.push(`set ${key}`);
    return this.inner.set(key, value);
  }
  delete(key: string) {
    this.operations.push(`delete ${key}`);
    return this.inner.delete(key);
  }
  async query(request: QueryRequest) {
    this.operations.push(`query ${request.prefix}`);
    return this.counted(await this.inner.query(request));
  }
  transact(operations: readonly StoreOperation[]) {
    this.operations.push(`transact ${operations.map((o) => `${o.type} ${o.entity === undefined ? '' : `${o.entity}/`}${o.key}`).join(', ')}`);
    return this.inner.transact(operations);
  }
  async getEntity(entity: string, key: string) {
    this.operations.push(`get ${entity}/${key}`);
    return this.counted(await this.inner.getEntity(entity, key));
  }
  async queryEntity(request: EntityQueryRequest) {
    this.operations.push(`query ${request.entity}/${request.index}`);
    return this.counted(await this.inner.queryEntity(request));
  }
}

export interface Harness {
  model: JiraModel;
  site: BaseSite;
  store: CountingStore;
  deps: AppDeps;
  /** Jira requests made by the app, as "METHOD path". */
  jiraCalls: string[];
  events: ForgeJiraEvent[];
  jobs: RebuildJob[];
  clock: { now: Date };
  advance(minutes: number): void;
  reset(): void;
}

export interface HarnessOptions {
  /** The contract database to save instead of the demo's (given the seeded site and the demo database). */
  readonly database?: (site: BaseSite, demo: ContractDatabaseInput) => unknown;
}

export async function createHarness(start = new Date('2026-10-05T07:30:00Z'), options: HarnessOptions = {}): Promise<Harness> {
  const clock = { now: start };
  const model = createJiraModel({ clock: { now: () => clock.now }, app: readJiraAppDefinition(), baseUrl: 'http://jira.test' });
  const site = seedBaseSite(model);
  const store = new CountingStore();
  const jiraCalls: string[] = [];
  const events: ForgeJiraEvent[] = [];
  const jobs: RebuildJob[] = [];
  model.events.on((event) => {
    events.push(event);
  });
  const inProcess = createInProcessFetch(model);
  const countingFetch: typeof fetch = (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    jiraCalls.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    return inProcess(input, init);
  };
  const client = (headers: Record<string, string>, basicAuth?: { username: string; password: string }): JiraClient =>
    createJiraClient({
      transport: createFetchTransport({ baseUrl: 'http://jira.test', headers, fetch: countingFetch, ...(basicAuth === undefined ? {} : { basicAuth }) }),
      retry: { sleep: () => Promise.resolve() },
      installation: () => installationOf(model.app),
    });
  const deps: AppDeps = {
    store,
    jiraAsApp: client({ Authorization: `Bearer ${model.appToken}` }),
    // asUser as Forge makes it: through the app, so the emulator applies the manifest's scopes
    jiraAsUser: (accountId) => client({ Authorization: `Bearer ${model.appToken}`, 'X-Forge-As-User': accountId }),
    enqueue: (more) => {
      jobs.push(...more);
      return Promise.resolve();
    },
    now: () => clock.now,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  };
  const demo = buildDemoContractDatabase(site);
  const input = options.database === undefined ? demo : options.database(site, demo);
  const saved = await saveContractDatabase(store, { input, baseRevision: 0, by: site.users.admin.accountId, now: clock.now, action: 'import' });
  if (!saved.ok) throw new Error(`demo database invalid: ${JSON.stringify(saved)}`);
  const harness: Harness = {
    model,
    site,
    store,
    deps,
    jiraCalls,
    events,
    jobs,
    clock,
    advance(minutes) {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
    },
    reset() {
      jiraCalls.length = 0;
      store.operations = [];
      store.bytesRead = 0;
    },
  };
  return harness;
}
