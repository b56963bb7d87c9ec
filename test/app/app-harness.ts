/**
 * A test harness: the real app (entry factories, use cases, Jira client, storage adapters) against
 * the sandbox's Jira emulator in-process, with a controllable clock and counters of every Jira call
 * and storage operation.
 */
import { z } from 'zod';
import { createFetchTransport } from '../../src/adapters/jira/fetch-transport';
import { createJiraClient, type JiraClient } from '../../src/adapters/jira/jira-client';
import type { EntityQueryRequest, KeyValueStore, QueryRequest, StoreOperation, StorableValue } from '../../src/adapters/storage/key-value-store';
import { MemoryKvsStore } from '../../src/adapters/storage/memory-kvs-store';
import { saveContractDatabase } from '../../src/app/contract-database-store';
import type { AppDeps, ReapplyQueueJob, RebuildJob, SweepJob } from '../../src/app/deps';
import { createOnReapplyEvent, REAPPLY_METHOD } from '../../src/entry/on-reapply-event';
import { createOnRebuildEvent } from '../../src/entry/on-rebuild-event';
import { createOnSweepEvent, SWEEP_METHOD } from '../../src/entry/on-sweep-event';
import { createRunSweep } from '../../src/entry/run-sweep';
import { REBUILD_METHOD } from '../../src/entry/on-rebuild-event';
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
  /** The size of each answer in `jiraCalls`, in bytes. */
  jiraResponseBytes: number[];
  events: ForgeJiraEvent[];
  jobs: RebuildJob[];
  sweepJobs: SweepJob[];
  /** Re-apply steps queued and not yet run (drainReapply runs them). */
  reapplyJobs: ReapplyQueueJob[];
  /** The full client for a person calling Jira's REST API themselves (Basic auth), e.g. to forge a property. */
  restAs(accountId: string): JiraClient;
  clock: { now: Date };
  /**
   * Stands between the app and the emulator when set: sees each of the app's requests and answers it
   * — forwarding it (`forward()`), refusing it, or forwarding it and losing the answer (faults). It
   * sees the query string (`?a=b`, or '') and the JSON body the app sent as they went out.
   */
  intercept: ((request: { method: string; path: string; query: string; body: string | undefined }, forward: () => Promise<Response>) => Promise<Response>) | null;
  advance(minutes: number): void;
  reset(): void;
  /**
   * One sweep cycle as Forge runs it: the scheduled trigger, then every job it queued (and what
   * those push) through the real queue consumer, `concurrency` at a time.
   */
  sweep(options?: { concurrency?: number }): Promise<void>;
  /** Runs queued rebuild jobs through the real consumer until none is left. */
  drainRebuild(): Promise<void>;
  /** Runs queued re-apply steps through the real consumer until none is left. */
  drainReapply(): Promise<void>;
}

/** What a @forge/events consumer receives for a pushed body (the sandbox's job queue sends the same). */
function queueCall(functionKey: string, body: unknown) {
  return { call: { functionKey, payload: { body, queueName: 'test', jobId: 'job', eventId: 'event' }, jobId: 'job' }, context: {} };
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
  const jiraResponseBytes: number[] = [];
  const events: ForgeJiraEvent[] = [];
  const jobs: RebuildJob[] = [];
  const sweepJobs: SweepJob[] = [];
  const reapplyJobs: ReapplyQueueJob[] = [];
  model.events.on((event) => {
    events.push(event);
  });
  const inProcess = createInProcessFetch(model);
  const countingFetch: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    jiraCalls.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    const forward = () => inProcess(input, init);
    const request = { method: init?.method ?? 'GET', path: url.pathname, query: url.search, body: typeof init?.body === 'string' ? init.body : undefined };
    const response = harness.intercept === null ? await forward() : await harness.intercept(request, forward);
    jiraResponseBytes.push(Buffer.byteLength(await response.clone().text(), 'utf8'));
    return response;
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
    enqueueSweep: (more) => {
      sweepJobs.push(...more);
      return Promise.resolve();
    },
    enqueueReapply: (more) => {
      reapplyJobs.push(...more);
      return Promise.resolve();
    },
    now: () => clock.now,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  };
  /** A person using Jira's public REST API directly (HTTP Basic with their e-mail), not the app. */
  const restAs = (accountId: string): JiraClient => {
    const email = model.findUser(accountId)?.emailAddress;
    if (email === undefined || email === null) throw new Error(`no e-mail for ${accountId}`);
    return client({}, { username: email, password: 'api-token' });
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
    jiraResponseBytes,
    events,
    jobs,
    restAs,
    sweepJobs,
    reapplyJobs,
    clock,
    intercept: null,
    advance(minutes) {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
    },
    reset() {
      jiraCalls.length = 0;
      jiraResponseBytes.length = 0;
      store.operations = [];
      store.bytesRead = 0;
    },
    async sweep(options = {}) {
      await createRunSweep(deps)();
      const consumer = createOnSweepEvent(deps);
      const lanes = Array.from({ length: options.concurrency ?? 1 }, async () => {
        for (let job = sweepJobs.shift(); job !== undefined; job = sweepJobs.shift()) await consumer(queueCall(SWEEP_METHOD, job));
      });
      await Promise.all(lanes);
    },
    async drainRebuild() {
      const consumer = createOnRebuildEvent(deps);
      for (let steps = 0, job = jobs.shift(); job !== undefined; steps += 1, job = jobs.shift()) {
        if (steps > 500) throw new Error('the rebuild job does not end');
        await consumer(queueCall(REBUILD_METHOD, job));
      }
    },
    async drainReapply() {
      const consumer = createOnReapplyEvent(deps);
      for (let steps = 0, job = reapplyJobs.shift(); job !== undefined; steps += 1, job = reapplyJobs.shift()) {
        if (steps > 500) throw new Error('the re-apply job does not end');
        await consumer(queueCall(REAPPLY_METHOD, job));
      }
    },
  };
  return harness;
}

/** One POST /rest/api/3/search/jql of the app, as it went to Jira and as Jira answered it. */
export interface RecordedSearch {
  readonly jql: string;
  /** The request body the app sent. */
  readonly sent: Readonly<Record<string, unknown>>;
  /** The issues of Jira's answer, as they came (ids, and whatever else was asked for). */
  readonly issues: readonly Readonly<Record<string, unknown>>[];
  /** UTF-8 bytes of the answer. */
  readonly bytes: number;
}

const sentSearchSchema = z.looseObject({ jql: z.string() });
const searchAnswerSchema = z.looseObject({ issues: z.array(z.record(z.string(), z.unknown())) });

/**
 * Records every JQL search the app makes from now on, through `intercept` (which it takes over): what
 * it asked for and what Jira answered.
 *
 * @example const searches = recordJiraSearches(h); await h.sweep(); searches[0]?.sent.fields
 */
export function recordJiraSearches(h: Harness): RecordedSearch[] {
  const searches: RecordedSearch[] = [];
  h.intercept = async (request, forward) => {
    const response = await forward();
    if (request.method === 'POST' && request.path === '/rest/api/3/search/jql' && request.body !== undefined) {
      const sent = sentSearchSchema.parse(JSON.parse(request.body));
      const text = await response.clone().text();
      const answer = response.ok ? searchAnswerSchema.parse(JSON.parse(text)) : { issues: [] };
      searches.push({ jql: sent.jql, sent, issues: answer.issues, bytes: Buffer.byteLength(text, 'utf8') });
    }
    return response;
  };
  return searches;
}
