/**
 * Resolvers of the admin settings page (`jira:adminPage`): the contract database as one JSON
 * document. Every key is for Jira administrators only, checked as the calling user on each call.
 */
import { randomUUID } from 'node:crypto';
import { contractDatabaseSummary } from '../app/admin-summary';
import { loadContractDatabase, saveContractDatabase } from '../app/contract-database-store';
import type { DepsSource } from '../app/deps';
import { startRebuild } from '../app/rebuild-aggregates';
import { ADMIN_RESOLVER_KEYS, adminApi, type ValidationError } from '../contract/admin-api';
import { parseContractDatabase } from '../contract/contract-database';
import { fail, ok, type Envelope } from '../contract/envelope';
import { productionDeps } from './production-deps';
import { buildResolver, defineResolver, type ResolverCall } from './resolver-kit';

const FORBIDDEN = 'Only Jira administrators can change the contract database.';

/** Runs `then` only for Jira administrators. */
async function asAdmin<T>(call: ResolverCall<unknown>, then: () => Promise<Envelope<T>>): Promise<Envelope<T>> {
  const isAdmin = await call.deps.jiraAsUser(call.accountId).isJiraAdmin();
  return isAdmin ? then() : fail('forbidden', FORBIDDEN);
}

function invalid<T>(errors: readonly ValidationError[]): Envelope<T> {
  const fieldErrors: Record<string, string[]> = {};
  for (const error of errors) (fieldErrors[error.path] ??= []).push(error.message);
  const count = errors.length;
  return fail('invalid-input', `The contract database has ${count} error${count === 1 ? '' : 's'}; nothing was saved.`, fieldErrors);
}

export function createAdminResolver(deps: DepsSource = productionDeps) {
  return buildResolver('admin', deps, {
    [ADMIN_RESOLVER_KEYS.get]: defineResolver({
      payload: adminApi[ADMIN_RESOLVER_KEYS.get].payload,
      run: (call) =>
        asAdmin(call, async () => {
          const loaded = await loadContractDatabase(call.deps.store);
          return ok({
            status: loaded.status,
            detail: loaded.status === 'invalid' ? loaded.detail : null,
            database: loaded.database,
            summary: contractDatabaseSummary(loaded.database),
          });
        }),
    }),
    [ADMIN_RESOLVER_KEYS.validate]: defineResolver({
      payload: adminApi[ADMIN_RESOLVER_KEYS.validate].payload,
      run: (call) =>
        asAdmin(call, () => {
          const parsed = parseContractDatabase(call.payload.database);
          return Promise.resolve(ok(parsed.ok ? { valid: true, errors: [] } : { valid: false, errors: parsed.errors }));
        }),
    }),
    [ADMIN_RESOLVER_KEYS.save]: defineResolver({
      payload: adminApi[ADMIN_RESOLVER_KEYS.save].payload,
      run: (call) =>
        asAdmin(call, async () => {
          const saved = await saveContractDatabase(call.deps.store, call.payload.database, call.deps.now());
          if (!saved.ok) return invalid(saved.errors);
          call.deps.log.info('contract database saved', { unchanged: saved.unchanged });
          return ok({ unchanged: saved.unchanged, summary: contractDatabaseSummary(saved.database) });
        }),
    }),
    [ADMIN_RESOLVER_KEYS.import]: defineResolver({
      payload: adminApi[ADMIN_RESOLVER_KEYS.import].payload,
      run: (call) =>
        asAdmin(call, async () => {
          let document: unknown;
          try {
            document = JSON.parse(call.payload.json);
          } catch (error) {
            const reason = error instanceof SyntaxError ? error.message : 'not JSON';
            return invalid([{ path: 'json', message: `The file is not valid JSON: ${reason}` }]);
          }
          const saved = await saveContractDatabase(call.deps.store, document, call.deps.now());
          if (!saved.ok) return invalid(saved.errors);
          call.deps.log.info('contract database imported', { unchanged: saved.unchanged });
          return ok({ unchanged: saved.unchanged, summary: contractDatabaseSummary(saved.database) });
        }),
    }),
    [ADMIN_RESOLVER_KEYS.export]: defineResolver({
      payload: adminApi[ADMIN_RESOLVER_KEYS.export].payload,
      run: (call) =>
        asAdmin(call, async () => {
          const { database } = await loadContractDatabase(call.deps.store);
          const day = call.deps.now().toISOString().slice(0, 10);
          return ok({ fileName: `contract-database-${day}.json`, json: `${JSON.stringify(database, null, 2)}\n` });
        }),
    }),
    [ADMIN_RESOLVER_KEYS.jiraOptions]: defineResolver({
      payload: adminApi[ADMIN_RESOLVER_KEYS.jiraOptions].payload,
      run: (call) =>
        asAdmin(call, async () => {
          const jira = call.deps.jiraAsUser(call.accountId);
          const [priorities, statuses, desks] = await Promise.all([jira.listPriorities(), jira.listStatuses(), jira.listServiceDesks()]);
          const serviceDesks = await Promise.all(
            desks.map(async (desk) => ({
              id: desk.id,
              name: desk.projectName,
              requestTypes: (await jira.listRequestTypes(desk.id)).map((t) => ({ id: t.id, name: t.name })),
            })),
          );
          return ok({
            priorities: priorities.map((p) => p.name),
            statuses: statuses.map((s) => ({ name: s.name, category: s.category })),
            serviceDesks,
          });
        }),
    }),
    [ADMIN_RESOLVER_KEYS.rebuildAggregates]: defineResolver({
      payload: adminApi[ADMIN_RESOLVER_KEYS.rebuildAggregates].payload,
      run: (call) =>
        asAdmin(call, async () => {
          const jobId = randomUUID();
          await startRebuild(call.deps, jobId);
          return ok({ jobId });
        }),
    }),
  });
}

export const adminResolver = createAdminResolver();
