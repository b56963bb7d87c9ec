/**
 * Generates the demo: builds the base site in the Jira emulator, writes the demo contract database
 * into the app's storage, then replays the history plan on a frozen movable clock — every request
 * raised, worked on and resolved through the emulator, every product event delivered to the app's
 * real trigger handlers (their Jira calls go through the emulator's router in process), and the
 * app's real sweep run whenever a clock is due to turn at risk or breached. So every `contract-clock` record, deadline, warning and aggregate in the demo was
 * computed by the app itself. Deterministic: same sources and seed, same demo.
 *
 * Writes nothing to disk; demo-snapshot.ts saves what this returns.
 */
import { z } from 'zod';
import type { ContractDatabase } from '../../src/contract/contract-database';
import type { KeyValueStore } from '../../src/adapters/storage/key-value-store';
import { MemoryKvsStore, type KvsSnapshot } from '../../src/adapters/storage/memory-kvs-store';
import { saveContractDatabase } from '../../src/app/contract-database-store';
import { createMovableClock } from '../clock';
import { readJiraAppDefinition } from '../jira/jira-app-definition';
import { createJiraModel, type JiraModel } from '../jira/jira-model';
import { seedBaseSite, seedSoftwareProject, type BaseSite } from '../jira/jira-seed';
import type { JiraSiteState } from '../jira/jira-state';
import { createAppFunctions, createSandboxDeps, credentialsFromModel, installationOf } from '../runtime/app-wiring';
import { createForgeRuntime, type ForgeRuntime } from '../runtime/forge-runtime';
import { createInProcessFetch } from '../runtime/in-process-fetch';
import { consumerQueue, readManifestModules, type ManifestModules } from '../runtime/manifest-modules';
import { createSandboxLog, type SandboxLog } from '../runtime/sandbox-log';
import { buildDemoContractDatabase, demoNow, demoSeed, demoSetupAt } from './demo-catalogue';
import { buildDemoPlan, type PlannedAction } from './demo-plan';

export interface GeneratedDemo {
  jiraSite: JiraSiteState;
  kvs: KvsSnapshot;
  now: Date;
  counts: Record<string, number>;
}

export interface GenerateDemoOptions {
  seed?: number;
  log?: SandboxLog;
  /** progress lines (e.g. to the terminal) */
  onProgress?: (message: string) => void;
  /** the sandbox's cloud id (in the invocation contexts) */
  cloudId: string;
  /** manifest override (default: manifest.yml) */
  modules?: ManifestModules;
}

const fiveMinutes = 5 * 60_000;
const clockPropertyKey = 'contract-clock';

/** The next five-minute tick at or after an instant (when Forge's fiveMinute trigger would run). */
function nextTick(at: number): number {
  return Math.ceil(at / fiveMinutes) * fiveMinutes;
}

/** The parts of the app's record that say when the sweep has something to mark. */
const dueFieldsSchema = z.object({
  atRiskAt: z.string().nullish(),
  deadline: z.string().nullish(),
  markers: z.object({ atRiskNotifiedAt: z.string().nullable(), breachedNotifiedAt: z.string().nullable() }).nullish(),
});

/**
 * Ticks at which a sweep has something to mark on an open issue (at risk, breached), from the
 * stored records; each (issue, instant) once, so a mark the app chose not to make is not retried.
 */
function dueSweeps(model: JiraModel, after: number, seen: Set<string>): number[] {
  const due: number[] = [];
  for (const issue of model.issues()) {
    if (issue.resolutionDateMs !== null) continue;
    const parsed = dueFieldsSchema.safeParse(issue.properties[clockPropertyKey]);
    if (!parsed.success) continue;
    const { atRiskAt, deadline, markers } = parsed.data;
    const candidates = [
      markers?.atRiskNotifiedAt == null ? atRiskAt : null,
      markers?.breachedNotifiedAt == null ? deadline : null,
    ];
    for (const text of candidates) {
      const at = text == null ? Number.NaN : Date.parse(text);
      const id = `${issue.id}@${String(at)}`;
      if (Number.isNaN(at) || seen.has(id)) continue;
      seen.add(id);
      due.push(nextTick(Math.max(at, after) + 1));
    }
  }
  return due;
}

function perform(model: JiraModel, action: PlannedAction, keys: Map<number, string>): void {
  const step = action.step;
  if (step.kind === 'create') {
    const desk = model.serviceDesks()[0];
    if (desk === undefined) throw new Error('The demo site has no service desk.');
    const issue = model.createRequest(step.customer, {
      serviceDeskId: desk.id,
      requestTypeId: step.requestTypeId,
      summary: step.summary,
      description: step.description,
      priority: step.priority,
    });
    keys.set(action.request, issue.key);
    return;
  }
  const key = keys.get(action.request);
  if (key === undefined) return;
  switch (step.kind) {
    case 'comment':
      model.addComment(step.actor, key, { body: step.body, internal: step.internal });
      return;
    case 'transition': {
      const issue = model.findIssue(key);
      const available = issue === undefined ? [] : model.availableTransitions(issue);
      // a customer's reply already moved the request on (JSM automation); skip what no longer applies
      if (available.some((t) => t.name === step.transition)) model.transitionIssue(step.actor, key, step.transition);
      return;
    }
    case 'priority':
      model.setPriority(step.actor, key, step.priority);
      return;
  }
}

/**
 * The demo without history: the emulator's base site and the demo contract database in storage.
 *
 * @example const { site, database } = await seedDemoSite(model, store);
 */
export async function seedDemoSite(model: JiraModel, store: KeyValueStore): Promise<{ site: BaseSite; database: ContractDatabase }> {
  const site = seedBaseSite(model);
  seedSoftwareProject(model, site.users.admin.accountId, site.users.sanne.accountId);
  // the admin and the agents of the quarter have allowed Contract Clock; Noor, new this week, has not
  for (const user of [site.users.admin, site.users.sanne, site.users.tom]) model.grantConsent(user.accountId);
  // Saved as an admin would (revision 1, with its audit entry), at the moment the demo site is set up.
  const saved = await saveContractDatabase(store, {
    input: buildDemoContractDatabase(site),
    baseRevision: 0,
    by: site.users.admin.accountId,
    now: demoSetupAt,
    action: 'import',
    notes: ['The demo contract database of Polder IT Services.'],
  });
  if (!saved.ok) throw new Error(`The demo contract database is invalid: ${JSON.stringify(saved)}`);
  return { site, database: saved.database };
}

/**
 * @example const demo = await generateDemo({ cloudId: sandboxCloudId }); demo.counts.requests // ~345
 */
export async function generateDemo(options: GenerateDemoOptions): Promise<GeneratedDemo> {
  const log = options.log ?? createSandboxLog({ print: 'warn' });
  const progress = options.onProgress ?? (() => undefined);
  const clock = createMovableClock({ initial: demoSetupAt, frozen: true });
  const model = createJiraModel({ clock, app: readJiraAppDefinition() });
  const store = new MemoryKvsStore();
  const { site, database } = await seedDemoSite(model, store);

  // the app talks to the emulator through its real router and authentication, in process (no sockets)
  const jiraUrl = 'http://jira.sandbox.invalid';
  model.baseUrl = jiraUrl;
  const modules = options.modules ?? readManifestModules();
  let runtime: ForgeRuntime | null = null;
  const deps = createSandboxDeps({
    store,
    jiraBaseUrl: () => jiraUrl,
    fetch: createInProcessFetch(model),
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
    cloudId: options.cloudId,
    appAccountId: model.app.accountId,
    log,
    runScheduledOnClockChange: false,
  });

  try {
    const plan = buildDemoPlan({ database, site }, options.seed ?? demoSeed);
    progress(`Replaying ${plan.actions.length} steps of ${plan.requests} requests through the app…`);
    const keys = new Map<number, string>();
    const sweeps = new Set<number>();
    const seen = new Set<string>();
    let sweepsRun = 0;
    const runSweepsUntil = async (limit: number): Promise<void> => {
      for (;;) {
        const next = [...sweeps].filter((at) => at <= limit).sort((a, b) => a - b)[0];
        if (next === undefined) return;
        sweeps.delete(next);
        clock.set(new Date(next));
        await runtime.runScheduledNow('demo');
        await runtime.flush();
        sweepsRun += 1;
        for (const at of dueSweeps(model, next, seen)) sweeps.add(at);
      }
    };
    let done = 0;
    for (const action of plan.actions) {
      await runSweepsUntil(action.at.getTime());
      clock.set(action.at);
      perform(model, action, keys);
      await runtime.flush();
      for (const at of dueSweeps(model, action.at.getTime(), seen)) sweeps.add(at);
      done += 1;
      if (done % 500 === 0) progress(`  ${done} / ${plan.actions.length} steps`);
    }
    await runSweepsUntil(demoNow.getTime());
    clock.set(demoNow);
    await runtime.runScheduledNow('demo');
    await runtime.flush();

    const issues = model.issues();
    const counts = {
      requests: issues.length,
      resolved: issues.filter((i) => i.resolutionDateMs !== null).length,
      open: issues.filter((i) => i.resolutionDateMs === null).length,
      steps: plan.actions.length,
      sweeps: sweepsRun + 1,
      failures: log.recent().filter((e) => e.level === 'error').length,
    };
    return { jiraSite: model.exportState(), kvs: store.snapshot(), now: demoNow, counts };
  } finally {
    runtime.stop();
  }
}
