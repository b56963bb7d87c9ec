/**
 * Every resolver of the app, found rather than listed: each `src/entry/*-resolver.ts` exports a
 * `create…Resolver(deps)` factory whose handler names its scope and function keys (resolver-kit's
 * `ResolverHandler`), and manifest.yml's resolver functions must all be among them. The fuzz suite
 * and the authorization matrix run over what this finds, so a resolver key added on any branch is
 * covered the day it lands — and fails the matrix until its expected access is declared in
 * ./resolver-access.ts.
 *
 * Also: the callers of the matrix (anonymous, a customer of organization A and one of B, an agent, a
 * Jira administrator), the Forge context each surface is opened in, and a snapshot of everything the
 * app can change (app storage, Jira's site state).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { AppDeps } from '../../src/app/deps';
import { envelopeSchema, type Envelope } from '../../src/contract/envelope';
import type { ResolverHandler } from '../../src/entry/resolver-kit';
import { MemoryKvsStore } from '../../src/adapters/storage/memory-kvs-store';
import { z } from 'zod';
import type { Harness } from './app-harness';
import { createOnIssueCreated } from '../../src/entry/on-issue-created';

const ROOT = path.resolve(__dirname, '../..');
const ENTRY = path.join(ROOT, 'src/entry');

export interface DiscoveredResolver {
  /** The module under src/entry, e.g. `admin-resolver.ts`. */
  readonly file: string;
  readonly scope: string;
  readonly functionKeys: readonly string[];
  readonly create: (deps: AppDeps) => ResolverHandler;
}

function isResolverHandler(value: unknown): value is ResolverHandler {
  return typeof value === 'function' && typeof (value as { scope?: unknown }).scope === 'string' && Array.isArray((value as { functionKeys?: unknown }).functionKeys);
}

/**
 * Every `create…Resolver` factory of src/entry/*-resolver.ts, built once against `deps` to read its
 * scope and keys.
 */
export function discoverResolvers(deps: AppDeps): DiscoveredResolver[] {
  const found: DiscoveredResolver[] = [];
  for (const file of readdirSync(ENTRY).filter((f) => f.endsWith('-resolver.ts')).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- modules found at run time
    const exports = require(path.join(ENTRY, file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (!/^create\w+Resolver$/.test(name) || typeof value !== 'function') continue;
      const create = value as (deps: AppDeps) => unknown;
      const handler = create(deps);
      if (!isResolverHandler(handler)) throw new Error(`src/entry/${file}: ${name} does not build its handler with buildResolver (resolver-kit)`);
      found.push({ file, scope: handler.scope, functionKeys: handler.functionKeys, create: (d) => create(d) as ResolverHandler });
    }
  }
  return found;
}

/** The handler exports that manifest.yml's resolver modules use (`index.adminResolver` → `adminResolver`). */
export function manifestResolverExports(): string[] {
  const manifest = parseYaml(readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8')) as {
    modules: Record<string, unknown[] | undefined>;
  };
  type Module = { resolver?: { function?: string; method?: string } };
  const resolverFunctions = new Set<string>();
  for (const [type, modules] of Object.entries(manifest.modules)) {
    if (type === 'function' || !Array.isArray(modules)) continue;
    // A queue consumer's `resolver` names a method of an events handler, not a UI resolver.
    for (const module of modules as Module[]) if (module.resolver?.function !== undefined && module.resolver.method === undefined) resolverFunctions.add(module.resolver.function);
  }
  return ((manifest.modules.function ?? []) as { key: string; handler: string }[]).filter((f) => resolverFunctions.has(f.key)).map((f) => f.handler.replace(/^index\./, ''));
}

// ---------------------------------------------------------------------------------------------
// Callers

export const ROLES = ['anonymous', 'customerOfA', 'customerOfB', 'agent', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The fixture every cell of the matrix and every fuzz run calls against. */
export interface ResolverFixture {
  readonly h: Harness;
  /** A request of organization A (Acme), raised by its customer, with a running clock. */
  readonly request: { readonly id: string; readonly key: string };
  readonly accountOf: Readonly<Record<Role, string | undefined>>;
  /** The stored clock's revision of `request` now. */
  clockRevision(): Promise<number>;
  /** The stored contract database's revision now. */
  databaseRevision(): Promise<number>;
}

/** Creates the organization-A request and fills the caches a first call would fill (so later calls write nothing they need not). */
export async function createFixture(h: Harness): Promise<ResolverFixture> {
  const { users, organizations } = h.site;
  if (!organizations.acme.memberIds.includes(users.alice.accountId) || organizations.globex.memberIds.includes(users.alice.accountId)) {
    throw new Error('the seed changed: alice must be a customer of Acme only');
  }
  const issue = h.model.createRequest(users.alice.accountId, { serviceDeskId: h.site.serviceDesk.id, requestTypeId: h.site.requestTypes.email.id, summary: 'Printer on floor 2 jams' });
  for (const event of h.events.splice(0)) if (event.eventType === 'avi:jira:created:issue') await createOnIssueCreated(h.deps)(event);
  const { readStoredClock } = await import('../../src/app/clock-store');
  const { loadContractDatabase } = await import('../../src/app/contract-database-store');
  const fixture: ResolverFixture = {
    h,
    request: { id: issue.id, key: issue.key },
    accountOf: { anonymous: undefined, customerOfA: users.alice.accountId, customerOfB: users.grace.accountId, agent: users.sanne.accountId, admin: users.admin.accountId },
    async clockRevision() {
      const stored = await readStoredClock(h.deps.store, issue.id);
      if (stored.value === null) throw new Error('the fixture request has no clock');
      return stored.value.record.revision;
    },
    async databaseRevision() {
      return (await loadContractDatabase(h.deps.store)).revision;
    },
  };
  return fixture;
}

/**
 * The Forge context's `extension` each surface is opened in. A new resolver scope needs its entry
 * here (the matrix says so when it is missing).
 */
export const SCOPE_EXTENSIONS: Readonly<Record<string, (f: ResolverFixture) => Record<string, unknown>>> = {
  admin: () => ({ type: 'jira:adminPage' }),
  panel: (f) => ({ type: 'jira:issuePanel', issue: { id: f.request.id, key: f.request.key }, project: { id: f.h.site.project.id, key: f.h.site.project.key, type: 'service_desk' } }),
  gadget: () => ({ type: 'jira:dashboardGadget', gadgetConfiguration: { period: { kind: 'preset', preset: 'last-quarter' } } }),
  reports: () => ({ type: 'jira:globalPage' }),
  triage: (f) => ({ type: 'jiraServiceManagement:queuePage', project: { id: f.h.site.project.id, key: f.h.site.project.key, type: 'service_desk' } }),
  portal: (f) => ({
    type: 'jiraServiceManagement:portalRequestDetailPanel',
    request: { key: f.request.key, typeId: Number(f.h.site.requestTypes.email.id) },
    portal: { id: Number(f.h.site.serviceDesk.id) },
  }),
};

/** The Forge context's `accountType` of each caller: agents and admins are licensed, customers are not. */
export const ACCOUNT_TYPES: Readonly<Record<Role, 'anonymous' | 'customer' | 'licensed'>> = {
  anonymous: 'anonymous',
  customerOfA: 'customer',
  customerOfB: 'customer',
  agent: 'licensed',
  admin: 'licensed',
};

const envelope = envelopeSchema(z.unknown());

/** Calls one resolver key as Forge does: the invocation and the platform's principal. */
export async function invoke(
  handler: ResolverHandler,
  functionKey: string,
  payload: unknown,
  accountId: string | undefined,
  extension: Record<string, unknown>,
  accountType?: 'anonymous' | 'customer' | 'licensed',
): Promise<Envelope<unknown>> {
  const context = { moduleKey: 'contract-clock', extension, timezone: 'Europe/Amsterdam', ...(accountId === undefined ? {} : { accountId }), ...(accountType === undefined ? {} : { accountType }) };
  const answer: unknown = await handler(
    { call: { functionKey, payload }, context },
    (accountId === undefined ? {} : { principal: { accountId } }) as never,
  );
  const parsed = envelope.safeParse(answer);
  if (!parsed.success) throw new Error(`${functionKey}: the answer is not an envelope: ${JSON.stringify(answer ?? null).slice(0, 300)}`);
  // The answer itself, not zod's copy: a record parse drops an own `__proto__` key, which JSON keeps.
  return answer as Envelope<unknown>;
}

/** Everything a resolver call can change: app storage (KVS and entities) and Jira's site state, as JSON text. */
export function snapshotState(h: Harness): string {
  const inner = h.store.inner;
  if (!(inner instanceof MemoryKvsStore)) throw new Error('the harness store is not the in-memory KVS');
  return `${JSON.stringify(inner.snapshot())}\n${JSON.stringify(h.model.exportState())}`;
}
