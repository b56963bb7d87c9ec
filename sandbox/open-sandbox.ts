/**
 * Assembles the running sandbox: the movable clock, the sandbox database (`state/sandbox.db`,
 * SQLite) with the Jira emulator's site and the app's storage, the Jira model read from it, the app
 * wired to them (app-wiring.ts), the in-process Forge runtime, and the HTTP server with the host
 * pages. Every request that changes the site is written to the database before it is answered
 * (jira-server.ts `persist`); the app's storage writes are durable when its call resolves. A fresh
 * data folder starts from the generated demo (or, for quick tests, from the base site and contract
 * database without history). `reset()` puts the demo back without a restart; `close()` stops.
 *
 * Used by sandbox/start.ts (`npm start`), sandbox/reset.ts and the tests.
 */
import { existsSync } from 'node:fs';
import { MemoryKvsStore } from '../src/adapters/storage/memory-kvs-store';
import type { SqliteKvsStore } from '../src/adapters/storage/sqlite-kvs-store';
import { createMovableClock, type MovableClock } from './clock';
import { demoNow } from './demo/demo-catalogue';
import { ensureDemoSnapshot, type DemoSnapshot } from './demo/demo-snapshot';
import { seedDemoSite } from './demo/generate-demo';
import { demoGadgets, openDashboardStore } from './host/dashboard-store';
import { createEmulatorHostData } from './host/emulator-host-data';
import type { HostData } from './host/host-data';
import { readJiraAppDefinition, type JiraAppDefinition } from './jira/jira-app-definition';
import { createFaultInjector, type FaultOptions } from './jira/jira-faults';
import { createJiraModel, type JiraModel } from './jira/jira-model';
import { createAppFunctions, createSandboxDeps, credentialsFromModel, installationOf } from './runtime/app-wiring';
import type { DeliveryOptions } from './runtime/event-delivery';
import { createForgeRuntime, type ForgeRuntime } from './runtime/forge-runtime';
import { consumerQueue, readManifestModules, type ManifestModules } from './runtime/manifest-modules';
import { createSandboxLog, describeError, type LogLevel, type SandboxLog } from './runtime/sandbox-log';
import { createSandboxServer, type SandboxServer } from './server';
import { installDemo, openSandboxDatabase, setAsidePreSqliteState, stateFiles, writeSandboxDatabase, type SandboxDatabase, type SiteFiles } from './site-files';

/** The emulated site's cloud id (in Forge contexts and installContext). */
export const sandboxCloudId = '5a0db0c1-0c10-4c1c-8a00-00000000c10c';

export interface OpenSandboxOptions {
  /** the live state lives in `<dataDir>/state` */
  dataDir: string;
  /** where generated demos are cached (default: dataDir) — tests share the repository's cache */
  demoCacheDir?: string;
  /** default 3000; 0 = any free port */
  port?: number;
  /** what a fresh data folder starts from: the generated demo (default) or the base site without history */
  start?: 'demo' | 'base';
  delivery?: DeliveryOptions;
  /** faults of the app's Jira calls (SANDBOX_FAULTS); default none */
  faults?: FaultOptions;
  /** terminal output of the sandbox log; default 'info' */
  print?: LogLevel | 'silent';
  /** start with the clock frozen (tests) */
  frozenClock?: boolean;
  /** run the scheduled triggers on the clock (default true) */
  schedule?: boolean;
  /** manifest override (tests point a module at a fixture bundle) */
  modules?: ManifestModules;
  onProgress?: (message: string) => void;
}

export interface Sandbox {
  url: string;
  clock: MovableClock;
  log: SandboxLog;
  modules: ManifestModules;
  model(): JiraModel;
  store(): SqliteKvsStore;
  runtime(): ForgeRuntime;
  /** waits until every event, job and sweep set in motion has run */
  settle(): Promise<void>;
  /** puts the demo (or base site) back; the server keeps running */
  reset(): Promise<void>;
  /** stops everything (the site is already saved) */
  close(): Promise<void>;
}

interface Session {
  model: JiraModel;
  database: SandboxDatabase;
  runtime: ForgeRuntime;
  data: HostData;
  /** writes the model's pending changes to the database; resolves once they are durable */
  persist(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * @example
 * const sandbox = await openSandbox({ dataDir: '.sandbox-data', port: 3000 });
 * console.log(sandbox.url); // http://127.0.0.1:3000
 */
export async function openSandbox(options: OpenSandboxOptions): Promise<Sandbox> {
  const files = stateFiles(options.dataDir);
  const setAside = setAsidePreSqliteState(files);
  const modules = options.modules ?? readManifestModules();
  const app = readJiraAppDefinition();
  const progress = options.onProgress ?? (() => undefined);
  const clock = createMovableClock({ file: files.clock, initial: demoNow, frozen: options.frozenClock === true });
  const log = createSandboxLog({ print: options.print ?? 'info', now: () => clock.now() });
  let baseUrl = '';
  if (setAside !== null) {
    log.warn('sandbox', `This data folder was written by a sandbox from before SQLite; it was moved to ${setAside} and the demo is installed fresh.`);
  }
  const faults = createFaultInjector(options.faults ?? { rate: 0, seed: 1 });

  const installFresh = async (): Promise<void> => {
    if ((options.start ?? 'demo') === 'demo') {
      const demo: DemoSnapshot = await ensureDemoSnapshot({
        dataDir: options.demoCacheDir ?? options.dataDir,
        cloudId: sandboxCloudId,
        onProgress: progress,
        ...(options.modules === undefined ? {} : { modules: options.modules }),
      });
      installDemo(demo.files, files, demo.hash, new Date());
      clock.set(new Date(demo.meta.now));
    } else {
      await installBaseSite(files, clock, app);
    }
    if (options.frozenClock === true) clock.freeze();
    else clock.resume();
  };
  if (!existsSync(files.database)) await installFresh();

  const openSession = async (): Promise<Session> => {
    const database = openSandboxDatabase(files.database);
    const state = database.site.load();
    if (state === null) {
      database.close();
      throw new Error(`${files.database} holds no site; run \`npm run sandbox:reset\` to install the demo.`);
    }
    const model = createJiraModel({ clock, app, state });
    // the system users a site gets when it is read (e.g. a new app account) are saved at once
    await database.site.persist(model);
    if (baseUrl !== '') model.baseUrl = baseUrl;
    const store = database.kvs;
    let runtime: ForgeRuntime | null = null;
    const deps = createSandboxDeps({
      store,
      jiraBaseUrl: () => baseUrl,
      appToken: model.appToken,
      installation: installationOf(model.app),
      hasConsented: (accountId) => model.hasConsent(accountId),
      credentialsOf: credentialsFromModel(model),
      pushJobs: (queue, bodies) => {
        runtime?.pushJobs(queue, bodies);
      },
      rebuildQueue: consumerQueue(modules, 'on-rebuild-event', 'contract-clock-rebuild'),
      sweepQueue: consumerQueue(modules, 'on-sweep-event', 'contract-clock-sweep'),
      now: () => clock.now(),
      log,
    });
    runtime = createForgeRuntime({
      modules,
      functions: createAppFunctions(deps, modules),
      events: model.events,
      clock,
      cloudId: sandboxCloudId,
      appAccountId: model.app.accountId,
      log,
      ...(options.delivery === undefined ? {} : { delivery: options.delivery }),
      onEventSettled: (event) => {
        database.site.eventDelivered(event).catch((error: unknown) => {
          log.warn('sandbox', 'could not forget a delivered event; it will be delivered again after a restart', { error: describeError(error) });
        });
      },
    });
    const active = runtime;
    // events Jira committed but the app never got (the sandbox stopped, or was killed, first)
    const undelivered = database.site.undeliveredEvents();
    if (undelivered.length > 0) log.info('sandbox', `delivering ${undelivered.length} events that were not delivered before the sandbox stopped`);
    for (const event of undelivered) model.events.emit(event);
    if (options.schedule !== false) active.start();
    const persist = async (): Promise<void> => {
      try {
        await database.site.persist(model);
      } catch (error) {
        log.error('sandbox', 'could not save the site', { error: describeError(error) });
        throw error;
      }
    };
    return {
      model,
      database,
      runtime: active,
      data: createEmulatorHostData(model),
      persist,
      stop: async () => {
        active.stop();
        await persist();
        database.close();
      },
    };
  };

  let session = await openSession();
  const dashboard = openDashboardStore(files.dashboard, demoGadgets(modules.uiModules.find((m) => m.type === 'jira:dashboardGadget')?.key ?? null));
  const server: SandboxServer = createSandboxServer({
    clock,
    modules,
    log,
    dashboard,
    site: { cloudId: sandboxCloudId, appId: modules.appId, environmentId: app.environmentId, appName: app.name },
    consent: {
      scopes: app.scopes,
      grant: (accountId) => {
        session.model.grantConsent(accountId);
        return session.persist();
      },
      revoke: (accountId) => {
        session.model.revokeConsent(accountId);
        return session.persist();
      },
    },
    // the session changes on reset; everything reads it through these delegates
    data: delegateHostData(() => session.data),
    jira: {
      model: () => session.model,
      persist: () => session.persist(),
      faults,
    },
    runtime: {
      invoke: (module, call) => session.runtime.invoke(module, call),
      settle: () => session.runtime.settle(),
      stats: () => ({ ...session.runtime.stats(), faults: faults.stats() }),
    },
    reset: async () => {
      await reset();
    },
    onListening: (url) => {
      baseUrl = url;
      session.model.baseUrl = url;
    },
  });

  const reset = async (): Promise<void> => {
    await session.runtime.settle();
    await session.stop();
    await installFresh();
    dashboard.reset();
    session = await openSession();
    log.info('sandbox', 'reset to the demo');
  };

  baseUrl = await server.listen(options.port ?? 3000);

  return {
    url: baseUrl,
    clock,
    log,
    modules,
    model: () => session.model,
    store: () => session.database.kvs,
    runtime: () => session.runtime,
    settle: () => session.runtime.settle(),
    reset,
    close: async () => {
      // handlers still running talk to the emulator over HTTP: let them finish before the server goes
      await session.runtime.settle();
      await server.close();
      await session.stop();
      // the story continues where it stopped, however long the sandbox is off
      clock.suspend();
    },
  };
}

/** The base site and the demo contract database, without history (quick to create). */
async function installBaseSite(files: SiteFiles, clock: MovableClock, app: JiraAppDefinition): Promise<void> {
  clock.set(demoNow);
  const model = createJiraModel({ clock, app });
  const store = new MemoryKvsStore();
  await seedDemoSite(model, store);
  writeSandboxDatabase(files.database, model.exportState(), store.snapshot());
}

function delegateHostData(current: () => HostData): HostData {
  return {
    listUsers: () => current().listUsers(),
    findUser: (accountId) => current().findUser(accountId),
    defaultUser: () => current().defaultUser(),
    projectName: () => current().projectName(),
    projectKey: () => current().projectKey(),
    serviceDesk: () => current().serviceDesk(),
    priorities: () => current().priorities(),
    listRequests: (viewer) => current().listRequests(viewer),
    otherProjects: () => current().otherProjects(),
    searchRequests: (viewer, jql, limit) => current().searchRequests(viewer, jql, limit),
    getRequest: (key, viewer) => current().getRequest(key, viewer),
    issueRef: (key) => current().issueRef(key),
    appActivity: () => current().appActivity(),
  };
}
