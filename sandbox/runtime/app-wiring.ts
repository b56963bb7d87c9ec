/**
 * Builds the app for the sandbox: the `AppDeps` of src/app/deps.ts from local adapters — the
 * file-persisted KVS emulation, Jira clients over the fetch transport to the emulator's own URL
 * (as the app: the app's bearer token; as a user: HTTP Basic auth with that user's e-mail), the
 * sandbox's job queue, the movable clock and the sandbox log — and then the app's real handlers
 * from the entry factories in src/entry, keyed by the manifest function they implement.
 *
 * This is the only sandbox module that knows the app's entry factory names (ADR 0002: the same
 * factories production binds to Forge). It may not reach into app internals beyond them.
 */
import { createFetchTransport } from '../../src/adapters/jira/fetch-transport';
import { createJiraClient, type JiraClient } from '../../src/adapters/jira/jira-client';
import type { KeyValueStore } from '../../src/adapters/storage/key-value-store';
import type { AppDeps, Logger, RebuildJob } from '../../src/app/deps';
import { createAdminResolver } from '../../src/entry/admin-resolver';
import { createGadgetResolver } from '../../src/entry/gadget-resolver';
import { createReportsResolver } from '../../src/entry/reports-resolver';
import { createOnIssueCommented } from '../../src/entry/on-issue-commented';
import { createOnIssueCreated } from '../../src/entry/on-issue-created';
import { createOnIssueUpdated } from '../../src/entry/on-issue-updated';
import { createOnRebuildEvent } from '../../src/entry/on-rebuild-event';
import { createPanelResolver } from '../../src/entry/panel-resolver';
import { createRunSweep } from '../../src/entry/run-sweep';
import type { JiraModel } from '../jira/jira-model';
import type { TriggerHandler } from './event-delivery';
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
  /** accountId → how that account signs in: a person's e-mail, the app's token, or unknown */
  credentialsOf: (accountId: string) => { email: string } | 'app' | null;
  /** pushes jobs onto the named @forge/events queue */
  pushJobs: (queueName: string, bodies: readonly unknown[]) => void;
  /** the queue `enqueue` pushes to (manifest.yml consumer `queue`) */
  rebuildQueue: string;
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
  const transportFor = (auth: { bearer: string } | { email: string }) => {
    const fetchVia: typeof fetch = input.fetch ?? ((url, init) => globalThis.fetch(url, init));
    return async (request: Parameters<ReturnType<typeof createFetchTransport>>[0]) =>
      createFetchTransport(
        'bearer' in auth
          ? { baseUrl: input.jiraBaseUrl(), headers: { Authorization: `Bearer ${auth.bearer}` }, fetch: fetchVia }
          : { baseUrl: input.jiraBaseUrl(), basicAuth: { username: auth.email, password: 'sandbox' }, fetch: fetchVia },
      )(request);
  };
  const jiraAsApp = createJiraClient({ transport: transportFor({ bearer: input.appToken }) });
  const userClients = new Map<string, JiraClient>();
  return {
    store: input.store,
    jiraAsApp,
    jiraAsUser: (accountId) => {
      let client = userClients.get(accountId);
      if (client === undefined) {
        const credentials = input.credentialsOf(accountId);
        // an unknown account signs in with credentials the emulator refuses (401), as Jira would
        client =
          credentials === 'app'
            ? jiraAsApp
            : createJiraClient({ transport: transportFor({ email: credentials?.email ?? `unknown-account-${accountId}` }) });
        userClients.set(accountId, client);
      }
      return client;
    },
    enqueue: (jobs: readonly RebuildJob[]) => {
      if (jobs.length > 0) input.pushJobs(input.rebuildQueue, jobs.map((job) => ({ ...job })));
      return Promise.resolve();
    },
    now: input.now,
    log: createAppLogger(input.log),
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
    const build = appFactories[exportName];
    if (build === undefined) throw new Error(`manifest.yml function ${functionKey} (${handler}) has no entry factory in sandbox/runtime/app-wiring.ts.`);
    const built = build(deps);
    if (built.kind === 'handler') handlers.set(functionKey, built.run);
    else resolvers.set(functionKey, built.definitions);
  }
  return { handlers, resolvers };
}
