/**
 * Resolvers of the admin settings page (`jira:adminPage`): the contract database as one JSON
 * document — read, validate, save, import (restore a backup), export (a backup with the audit log) —
 * and its audit log. Every key is for Jira administrators only, checked as the calling user on each
 * call. Validate, save and import run the same checks (src/app/contract-database-store.ts).
 */
import { randomUUID } from 'node:crypto';
import { contractDatabaseSummary } from '../app/admin-summary';
import {
  checkDatabaseChange,
  ensureContractStore,
  listAuditLog,
  loadContractDatabase,
  readAuditLog,
  saveContractDatabase,
  type SaveDatabaseResult,
} from '../app/contract-database-store';
import type { DepsSource } from '../app/deps';
import { startRebuild } from '../app/rebuild-aggregates';
import { ADMIN_RESOLVER_KEYS, adminApi, type SaveData, type ValidationError } from '../contract/admin-api';
import { BACKUP_FORMAT, backupSchema, type Backup } from '../contract/backup';
import { fail, groupFieldErrors, ok, type Envelope } from '../contract/envelope';
import { describeIssues, formatIssuePath } from '../contract/strict-object';
import { productionDeps } from './production-deps';
import { buildResolver, defineResolver, type ResolverCall } from './resolver-kit';

const FORBIDDEN = 'Only Jira administrators can change the contract database.';

/** Runs `then` only for Jira administrators. */
async function asAdmin<T>(call: ResolverCall<unknown>, then: () => Promise<Envelope<T>>): Promise<Envelope<T>> {
  const isAdmin = await call.deps.jiraAsUser(call.accountId).isJiraAdmin();
  return isAdmin ? then() : fail('forbidden', FORBIDDEN);
}

function fieldErrorsOf(errors: readonly ValidationError[]): Record<string, string[]> {
  return groupFieldErrors(errors);
}

function invalid<T>(errors: readonly ValidationError[]): Envelope<T> {
  const count = errors.length;
  return fail('invalid-input', `The contract database has ${count} error${count === 1 ? '' : 's'}; nothing was saved.`, fieldErrorsOf(errors));
}

/** The envelope of a save or import that did not go through. */
function refused<T>(result: Exclude<SaveDatabaseResult, { ok: true }>, action: 'save' | 'import'): Envelope<T> {
  switch (result.kind) {
    case 'invalid':
      return invalid(result.errors);
    case 'stale':
      return fail('conflict', result.message);
    case 'history':
      return action === 'import'
        ? fail(
            'confirmation-required',
            `This backup would change terms that requests already used (${result.errors.length} change${result.errors.length === 1 ? '' : 's'} listed). Nothing was restored; restore it anyway only if you mean to rewrite that history.`,
            fieldErrorsOf(result.errors),
          )
        : fail(
            'invalid-input',
            `Terms in force cannot be edited (${result.errors.length} change${result.errors.length === 1 ? '' : 's'}); add a new version or level revision from tomorrow or later. Nothing was saved.`,
            fieldErrorsOf(result.errors),
          );
  }
}

/** An error path of the database as a path in a backup file. */
function inBackup(error: ValidationError): ValidationError {
  return { path: error.path === '(root)' ? 'database' : `database.${error.path}`, message: error.message };
}

/**
 * The database inside an import: a backup (the export format), or a bare database document as older
 * exports and hand-written files are. Answers the errors of a backup envelope that does not parse.
 */
function documentOfImport(value: unknown): { ok: true; document: unknown; backup: Backup | null } | { ok: false; errors: ValidationError[] } {
  if (typeof value !== 'object' || value === null || !('format' in value)) return { ok: true, document: value, backup: null };
  const parsed = backupSchema.safeParse(value);
  if (!parsed.success) return { ok: false, errors: describeIssues(parsed.error.issues).map((i) => ({ path: formatIssuePath(i.path), message: i.message })) };
  return { ok: true, document: parsed.data.database, backup: parsed.data };
}

export function createAdminResolver(deps: DepsSource = productionDeps) {
  return buildResolver('admin', deps, {
    [ADMIN_RESOLVER_KEYS.get]: defineResolver({
      payload: adminApi[ADMIN_RESOLVER_KEYS.get].payload,
      run: (call) =>
        asAdmin(call, async () => {
          // Opening the page also finishes what an upgrade or a failed save left behind.
          const loaded = await ensureContractStore(call.deps.store, call.deps.now());
          return ok({
            status: loaded.status,
            detail: loaded.status === 'invalid' ? loaded.detail : null,
            database: loaded.database,
            revision: loaded.revision,
            savedAt: loaded.savedAt,
            summary: contractDatabaseSummary(loaded.database),
          });
        }),
    }),
    [ADMIN_RESOLVER_KEYS.validate]: defineResolver({
      payload: adminApi[ADMIN_RESOLVER_KEYS.validate].payload,
      run: (call) =>
        asAdmin(call, async () => {
          const check = await checkDatabaseChange(call.deps.store, {
            input: call.payload.database,
            baseRevision: call.payload.revision,
            by: call.accountId,
            now: call.deps.now(),
            action: 'save',
          });
          if (check.ok) return ok({ valid: true, errors: [] });
          const errors = check.kind === 'stale' ? [{ path: '(root)', message: check.message }] : check.errors;
          return ok({ valid: false, errors });
        }),
    }),
    [ADMIN_RESOLVER_KEYS.save]: defineResolver({
      payload: adminApi[ADMIN_RESOLVER_KEYS.save].payload,
      run: (call) =>
        asAdmin(call, async (): Promise<Envelope<SaveData>> => {
          const saved = await saveContractDatabase(call.deps.store, {
            input: call.payload.database,
            baseRevision: call.payload.revision,
            by: call.accountId,
            now: call.deps.now(),
            action: 'save',
          });
          if (!saved.ok) return refused(saved, 'save');
          call.deps.log.info('contract database saved', { unchanged: saved.unchanged, revision: saved.revision });
          return ok({ unchanged: saved.unchanged, revision: saved.revision, summary: contractDatabaseSummary(saved.database), changes: saved.changes });
        }),
    }),
    [ADMIN_RESOLVER_KEYS.import]: defineResolver({
      payload: adminApi[ADMIN_RESOLVER_KEYS.import].payload,
      run: (call) =>
        asAdmin(call, async (): Promise<Envelope<SaveData>> => {
          let value: unknown;
          try {
            value = JSON.parse(call.payload.json);
          } catch (error) {
            const reason = error instanceof SyntaxError ? error.message : 'not JSON';
            return invalid([{ path: 'json', message: `The file is not valid JSON: ${reason}` }]);
          }
          const unpacked = documentOfImport(value);
          if (!unpacked.ok) return invalid(unpacked.errors);
          const saved = await saveContractDatabase(call.deps.store, {
            input: unpacked.document,
            baseRevision: call.payload.revision,
            by: call.accountId,
            now: call.deps.now(),
            action: 'import',
            confirmHistoryRewrite: call.payload.confirmHistoryRewrite,
            notes: unpacked.backup === null ? [] : [`Restored the backup of revision ${unpacked.backup.revision}, exported ${unpacked.backup.exportedAt}.`],
          });
          // Errors name paths in the file: inside a backup, the database is under `database`.
          if (!saved.ok) return refused(unpacked.backup === null || saved.kind === 'stale' ? saved : { ...saved, errors: saved.errors.map(inBackup) }, 'import');
          call.deps.log.info('contract database imported', { unchanged: saved.unchanged, revision: saved.revision });
          return ok({ unchanged: saved.unchanged, revision: saved.revision, summary: contractDatabaseSummary(saved.database), changes: saved.changes });
        }),
    }),
    [ADMIN_RESOLVER_KEYS.export]: defineResolver({
      payload: adminApi[ADMIN_RESOLVER_KEYS.export].payload,
      run: (call) =>
        asAdmin(call, async () => {
          const [loaded, auditLog] = await Promise.all([loadContractDatabase(call.deps.store), readAuditLog(call.deps.store)]);
          const now = call.deps.now();
          const backup: Backup = {
            format: BACKUP_FORMAT,
            formatVersion: 1,
            exportedAt: now.toISOString(),
            revision: loaded.revision,
            database: loaded.database,
            auditLog,
          };
          const day = now.toISOString().slice(0, 10);
          return ok({ fileName: `contract-database-${day}-r${loaded.revision}.json`, json: JSON.stringify(backup) });
        }),
    }),
    [ADMIN_RESOLVER_KEYS.auditLog]: defineResolver({
      payload: adminApi[ADMIN_RESOLVER_KEYS.auditLog].payload,
      run: (call) =>
        asAdmin(call, async () => {
          const page = await listAuditLog(call.deps.store, {
            limit: call.payload.limit,
            ...(call.payload.cursor === undefined ? {} : { cursor: call.payload.cursor }),
          });
          return ok(page);
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
