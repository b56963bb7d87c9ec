/**
 * Builds the app for the sandbox: the `AppDeps` of src/app/deps.ts from local adapters — the
 * KVS on the sandbox's SQLite database, Jira clients over the fetch transport to the emulator's own URL
 * (as the app: the app's bearer token; as a user: HTTP Basic auth with that user's e-mail), the
 * sandbox's job queue, the movable clock and the sandbox log — and then the app's real handlers
 * from the entry factories in src/entry, keyed by the manifest function they implement.
 *
 * This is the only sandbox module that knows the app's entry factory names (ADR 0002: the same
 * factories production binds to Forge). It may not reach into app internals beyond them.
 */
import { NeedsAuthenticationError } from '@forge/api';
import type { AppInstallation } from '../../src/adapters/jira/app-fields';
import { createFetchTransport } from '../../src/adapters/jira/fetch-transport';
import { createJiraClient, type JiraClient } from '../../src/adapters/jira/jira-client';
import type { JiraTransport } from '../../src/adapters/jira/jira-transport';
import type { KeyValueStore } from '../../src/adapters/storage/key-value-store';
import type { AppDeps, Logger, RebuildJob, SweepJob } from '../../src/app/deps';
import { createAdminResolver } from '../../src/entry/admin-resolver';
import { createGadgetResolver } from '../../src/entry/gadget-resolver';
import { createReportsResolver } from '../../src/entry/reports-resolver';
import { createOnIssueCommented } from '../../src/entry/on-issue-commented';
import { createOnIssueCreated } from '../../src/entry/on-issue-created';
import { createOnIssueUpdated } from '../../src/entry/on-issue-updated';
import { createOnRebuildEvent } from '../../src/entry/on-rebuild-event';
import { createOnSweepEvent } from '../../src/entry/on-sweep-event';
import { createPanelResolver } from '../../src/entry/panel-resolver';
import { createRunSweep } from '../../src/entry/run-sweep';
import type { JiraAppDefinition } from '../jira/jira-app-definition';
import type { JiraModel } from '../jira/jira-model';
import type { TriggerHandler } from './event-delivery';
import { invocationAborted, invocationSignal, remainingMs } from './invocation-limits';
import type { AppFunctions } from './forge-runtime';
import type { ResolverDefinitions } from './job-queue';
import type { ManifestModules } from './manifest-modules';
import type { SandboxLog } from './sandbox-log';

export interface SandboxDepsInput {
  store: KeyValueStore;
  /** the emulator's base URL, e.g. http://127.0.0.1:3000 */
  jiraBaseUrl: () => string;
  /** the bearer token the emulator accepts for the app's account */
  appToken: string;
  /** which installation of the app this is (the emulated `getAppContext()`) */
  installation: AppInstallation;
  /** whether the user allowed the app to act as them; until then asUser() throws NeedsAuthenticationError */
  hasConsented: (accountId: string) => boolean;
  /** accountId → how that account signs in: a person's e-mail, the app's token, or unknown */
  credentialsOf: (accountId: string) => { email: string } | 'app' | null;
  /** pushes jobs onto the named @forge/events queue */
  pushJobs: (queueName: string, bodies: readonly unknown[]) => void;
  /** the queue `enqueue` pushes to (manifest.yml consumer `queue`) */
  rebuildQueue: string;
  /** the queue `enqueueSweep` pushes to (manifest.yml consumer `queue`) */
  sweepQueue: string;
  now: () => Date;
  log: SandboxLog;
  /** how requests reach the emulator; default the global fetch (real HTTP) */
  fetch?: typeof fetch;
}

/**
 * How each account of the emulated site signs in: people with their e-mail, the app's own account
 * (which has none) with the app token, unknown accounts not at all.
 */
export function credentialsFromModel(model: Pick<JiraModel, 'findUser'>): SandboxDepsInput['credentialsOf'] {
  return (accountId) => {
    const user = model.findUser(accountId);
    if (user === undefined) return null;
    return user.emailAddress === null ? 'app' : { email: user.emailAddress };
  };
}

/**
 * The installation the emulated site has of the app, as Forge's `getAppContext()` would tell it.
 *
 * @example installationOf(model.app).environmentType // 'DEVELOPMENT'
 */
export function installationOf(app: Pick<JiraAppDefinition, 'appId' | 'environmentId' | 'environmentKey'>): AppInstallation {
  return { appId: app.appId, environmentId: app.environmentId, environmentType: app.environmentKey };
}

/** The app's Logger, writing into the sandbox log under "app". */
export function createAppLogger(log: SandboxLog): Logger {
  return {
    info: (message, fields) => {
      log.info('app', message, fields === undefined ? undefined : { ...fields });
    },
    warn: (message, fields) => {
      log.warn('app', message, fields === undefined ? undefined : { ...fields });
    },
    error: (message, fields) => {
      log.error('app', message, fields === undefined ? undefined : { ...fields });
    },
  };
}

/**
 * The sandbox's AppDeps.
 *
 * @example const deps = createSandboxDeps({ store, jiraBaseUrl: () => url, appToken: model.appToken, … });
 */
export function createSandboxDeps(input: SandboxDepsInput): AppDeps {
  // The base URL is read per request: the server may learn its port after the deps exist.
  // asApp: the app's token; asUser: the app's token naming the user, so the emulator applies the
  // manifest's scopes to both, as Jira does for a Forge app's requestJira
  const transportFor = (auth: { bearer: string; asUser?: string }) => {
    const baseFetch: typeof fetch = input.fetch ?? ((url, init) => globalThis.fetch(url, init));
    // An invocation past its time limit is cut off: its requests fail, as Forge's would after the stop.
    const fetchVia: typeof fetch = (url, init) => {
      invocationAborted();
      const stop = invocationSignal();
      const signal = stop === undefined ? init?.signal : init?.signal == null ? stop : AbortSignal.any([init.signal, stop]);
      return baseFetch(url, { ...init, ...(signal == null ? {} : { signal }) });
    };
    return async (request: Parameters<ReturnType<typeof createFetchTransport>>[0]) =>
      createFetchTransport({
        baseUrl: input.jiraBaseUrl(),
        headers: { Authorization: `Bearer ${auth.bearer}`, ...(auth.asUser === undefined ? {} : { 'X-Forge-As-User': auth.asUser }) },
        fetch: fetchVia,
      })(request);
  };
  const installation = (): AppInstallation => input.installation;
  // the retry policy's budget is the invocation's time left, as production's invocationRemainingTimeInMillis
  const retry = { remainingMs };
  const jiraAsApp = createJiraClient({ transport: transportFor({ bearer: input.appToken }), installation, retry });
  const userClients = new Map<string, JiraClient>();
  return {
    store: cutOffWithInvocation(input.store),
    jiraAsApp,
    jiraAsUser: (accountId) => {
      let client = userClients.get(accountId);
      if (client === undefined) {
        // the app's own account acts as the app; anyone else through asUser (an unknown account is
        // refused by the emulator with 401, as Jira would)
        client =
          input.credentialsOf(accountId) === 'app'
            ? jiraAsApp
            : createJiraClient({ transport: requireConsent(input.hasConsented, accountId, transportFor({ bearer: input.appToken, asUser: accountId })), installation, retry });
        userClients.set(accountId, client);
      }
      return client;
    },
    enqueue: (jobs: readonly RebuildJob[]) => {
      if (jobs.length > 0) input.pushJobs(input.rebuildQueue, jobs.map((job) => ({ ...job })));
      return Promise.resolve();
    },
    enqueueSweep: (jobs: readonly SweepJob[]) => {
      if (jobs.length > 0) input.pushJobs(input.sweepQueue, jobs.map((job) => ({ ...job })));
      return Promise.resolve();
    },
    now: input.now,
    log: createAppLogger(input.log),
  };
}

/**
 * Forge's `asUser()` for a user who has not allowed the app: every request throws the very
 * `NeedsAuthenticationError` of @forge/api (what `requestJira` throws when Forge's proxy answers
 * NEEDS_AUTHENTICATION_ERR), so the app's handling is tested against the real class.
 */
function requireConsent(hasConsented: (accountId: string) => boolean, accountId: string, transport: JiraTransport): JiraTransport {
  return (request) => {
    if (!hasConsented(accountId)) {
      return Promise.reject(new NeedsAuthenticationError('Authentication Required', 'atlassian-token-service-key'));
    }
    return transport(request);
  };
}

/** The store as an invocation sees it: once the invocation is cut off, every operation fails. */
function cutOffWithInvocation(store: KeyValueStore): KeyValueStore {
  return {
    get: (key) => (invocationAborted(), store.get(key)),
    set: (key, value) => (invocationAborted(), store.set(key, value)),
    delete: (key) => (invocationAborted(), store.delete(key)),
    query: (request) => (invocationAborted(), store.query(request)),
    transact: (operations) => (invocationAborted(), store.transact(operations)),
    getEntity: (entity, key) => (invocationAborted(), store.getEntity(entity, key)),
    queryEntity: (request) => (invocationAborted(), store.queryEntity(request)),
  };
}

/** A manifest function's implementation: a handler `(event, context)` or resolver definitions. */
export type AppFunction =
  | { kind: 'handler'; run: (event: unknown, context: unknown) => Promise<unknown> }
  | { kind: 'resolver'; definitions: ResolverDefinitions };

/**
 * The app's entry factories by the export name manifest.yml's `handler` uses (`index.onIssueCreated`).
 * Each gets the sandbox's deps where production passes its own.
 */
const appFactories: Readonly<Record<string, (deps: AppDeps) => AppFunction>> = {
  onIssueCreated: (deps) => ({ kind: 'handler', run: createOnIssueCreated(deps) }),
  onIssueUpdated: (deps) => ({ kind: 'handler', run: createOnIssueUpdated(deps) }),
  onIssueCommented: (deps) => ({ kind: 'handler', run: createOnIssueCommented(deps) }),
  runSweep: (deps) => ({ kind: 'handler', run: createRunSweep(deps) }),
  onRebuildEvent: (deps) => ({ kind: 'resolver', definitions: createOnRebuildEvent(deps) }),
  onSweepEvent: (deps) => ({ kind: 'resolver', definitions: createOnSweepEvent(deps) }),
  panelResolver: (deps) => ({ kind: 'resolver', definitions: createPanelResolver(deps) }),
  adminResolver: (deps) => ({ kind: 'resolver', definitions: createAdminResolver(deps) }),
  gadgetResolver: (deps) => ({ kind: 'resolver', definitions: createGadgetResolver(deps) }),
  reportsResolver: (deps) => ({ kind: 'resolver', definitions: createReportsResolver(deps) }),
};

/**
 * The app's functions for every `function` module of manifest.yml, built from the entry
 * factories with the sandbox's deps. Throws naming a manifest handler the factories do not cover.
 *
 * @example const functions = createAppFunctions(deps, readManifestModules());
 */
export function createAppFunctions(deps: AppDeps, modules: ManifestModules): AppFunctions {
  const handlers = new Map<string, TriggerHandler>();
  const resolvers = new Map<string, ResolverDefinitions>();
  for (const [functionKey, handler] of modules.functions) {
    const exportName = handler.split('.')[1] ?? '';
    // Own keys only: a manifest naming `constructor` must not reach Object's prototype.
    const build = Object.hasOwn(appFactories, exportName) ? appFactories[exportName] : undefined;
    if (build === undefined) throw new Error(`manifest.yml function ${functionKey} (${handler}) has no entry factory in sandbox/runtime/app-wiring.ts.`);
    const built = build(deps);
    if (built.kind === 'handler') handlers.set(functionKey, built.run);
    else resolvers.set(functionKey, built.definitions);
  }
  return { handlers, resolvers };
}
