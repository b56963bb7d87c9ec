/**
 * Resolvers of the admin settings pages (`jira:adminPage` modules: the overview and the forms for
 * calendars, services, levels and contracts): the contract database — read with its health warnings
 * and what is fixed by history, validate, preview (checks, changes and an example deadline), save,
 * import (restore a backup), export (a backup with the audit log) — its audit log and the display
 * names of its authors, the site's names for the pickers, and the re-apply of the saved database to open requests. Every key is for Jira
 * administrators only, checked as the calling user on each call. Validate, preview, save and import
 * run the same checks (src/app/contract-database-store.ts); their messages come in the caller's
 * language (src/i18n/validation-text.ts), and so do the change lines of the preview, a save and the
 * audit log (src/i18n/change-text.ts, ADR 0035); the export keeps them as stored, in English.
 */
import { randomUUID } from 'node:crypto';
import { previewDraft } from '../app/admin-preview';
import { lookUpDisplayNames } from '../app/display-names';
import { holidaysFromIcs } from '../app/holidays-from-ics';
import { contractDatabaseSummary, contractValuesInForce } from '../app/admin-summary';
import {
  checkDatabaseChange,
  ensureContractStore,
  listAuditLog,
  loadContractDatabase,
  readAuditLog,
  saveContractDatabase,
  staleMessage,
  type SaveDatabaseResult,
} from '../app/contract-database-store';
import type { DepsSource } from '../app/deps';
import { isActingAsUserRefused, isConsentRequired } from '../app/jira-ports';
import { presentExplanation } from '../app/panel-view';
import { readReapplyJob, startReapply, type ReapplyJob } from '../app/reapply-open-clocks';
import { textFor } from '../app/reader-text';
import { renewalsOverview } from '../app/renewals-overview';
import { renewalSourcesOf } from '../app/report-contracts';
import { startRebuild } from '../app/rebuild-aggregates';
import { ADMIN_RESOLVER_KEYS, adminApi, JIRA_OPTIONS_LIMITS, type ReapplyJobData, type SaveData, type ValidationError } from '../contract/admin-api';
import { BACKUP_FORMAT, backupSchema, type Backup } from '../contract/backup';
import { isKnownTimeZone } from '../contract/calendar';
import { fail, groupFieldErrors, ok, type Envelope } from '../contract/envelope';
import { describeIssues, formatIssuePath } from '../contract/strict-object';
import { checkDatabaseHealth } from '../domain/database-health';
import { historyLocks } from '../domain/database-history';
import { translateChangeLines } from '../i18n/change-text';
import { formatInstant } from '../i18n/format';
import { toIntlLocale } from '../i18n/messages';
import { translateValidationMessage } from '../i18n/validation-text';
import { productionDeps } from './production-deps';
import { buildResolver, defineResolver, type ResolverCall } from './resolver-kit';

const FORBIDDEN = 'Only Jira administrators can change the contract database.';

/** Runs `then` only for Jira administrators. */
async function asAdmin<T>(call: ResolverCall<unknown>, then: () => Promise<Envelope<T>>): Promise<Envelope<T>> {
  // Jira will not act as a portal customer (Forge gives them no asUser()): no admin either.
  const isAdmin = await call.deps
    .jiraAsUser(call.accountId)
    .isJiraAdmin()
    .catch((error: unknown) => {
      if (isActingAsUserRefused(error)) return false;
      throw error;
    });
  return isAdmin ? then() : fail('forbidden', FORBIDDEN);
}

/** Validation errors in the caller's language (the Forge context's locale). */
function localized(call: ResolverCall<unknown>, errors: readonly ValidationError[]): ValidationError[] {
  return errors.map((error) => ({ path: error.path, message: translateValidationMessage(error.message, call.context.locale) }));
}

function fieldErrorsOf(errors: readonly ValidationError[]): Record<string, string[]> {
  return groupFieldErrors(errors);
}

function invalid<T>(errors: readonly ValidationError[]): Envelope<T> {
  const count = errors.length;
  return fail('invalid-input', `The contract database has ${count} error${count === 1 ? '' : 's'}; nothing was saved.`, fieldErrorsOf(errors));
}

/**
 * The display name of whoever saved (the account id when Jira does not tell). One person: a single
 * `GET /rest/api/3/user`, which costs what a batch of one would (ADR 0033's batch is for lists).
 */
async function nameOf(call: ResolverCall<unknown>, accountId: string | null): Promise<string | null> {
  if (accountId === null || accountId === 'app') return accountId;
  try {
    return (await call.deps.jiraAsUser(call.accountId).getUserDisplayName(accountId)) ?? accountId;
  } catch (error) {
    if (isConsentRequired(error)) throw error;
    return accountId;
  }
}

/** A lost race, naming who saved when (in the caller's time zone), in the caller's language. */
async function staleFor(call: ResolverCall<unknown>, result: Extract<SaveDatabaseResult, { kind: 'stale' }>, loaded: number): Promise<string> {
  const who = await nameOf(call, result.savedBy);
  const at = result.savedAt === null ? null : savedAtFor(call, result.savedAt);
  return translateValidationMessage(staleMessage(result.phase, { who, at, revision: result.currentRevision, loaded }), call.context.locale);
}

/**
 * When the other save happened, as the reader reads a time: in their Jira time zone and locale
 * (`Sun, 4 Oct 2026, 09:30`); with "UTC" written out when the context has no usable zone.
 */
function savedAtFor(call: Pick<ResolverCall<unknown>, 'context'>, savedAt: string): string {
  const zone = call.context.timezone;
  const locale = toIntlLocale(call.context.locale);
  return zone !== undefined && isKnownTimeZone(zone) ? formatInstant(savedAt, zone, locale) : `${formatInstant(savedAt, 'UTC', locale)} UTC`;
}

/** The envelope of a save or import that did not go through. */
async function refused<T>(call: ResolverCall<unknown>, result: Exclude<SaveDatabaseResult, { ok: true }>, action: 'save' | 'import', loaded: number): Promise<Envelope<T>> {
  switch (result.kind) {
    case 'invalid':
      return invalid(localized(call, result.errors));
    case 'stale':
      return fail('conflict', await staleFor(call, result, loaded));
    case 'history':
      return action === 'import'
        ? fail(
            'confirmation-required',
            `This backup would change terms that requests already used (${result.errors.length} change${result.errors.length === 1 ? '' : 's'} listed). Nothing was restored; restore it anyway only if you mean to rewrite that history.`,
            fieldErrorsOf(localized(call, result.errors)),
          )
        : fail(
            'invalid-input',
            `Terms in force cannot be edited (${result.errors.length} change${result.errors.length === 1 ? '' : 's'}); add a new version or level revision from tomorrow or later. Nothing was saved.`,
            fieldErrorsOf(localized(call, result.errors)),
          );
  }
}

/** A stored re-apply job as the page reads it. */
function jobData(job: ReapplyJob): ReapplyJobData {
  const { schemaVersion: _version, reason: _reason, projectIds: _projects, steps: _steps, ...data } = job;
  return data;
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
          const now = call.deps.now();
          const loaded = await ensureContractStore(call.deps.store, now);
          // Renewals as the review page lists them (issue 14.3), with account managers and reminders.
          const sources = renewalSourcesOf(loaded.database);
          const renewals = await renewalsOverview(call.deps, call.accountId, {
            renewals: sources.renewals(now, null),
            reminders: sources.reminders(now),
            accountManagerOf: sources.accountManagerOf,
          });
          return ok({
            status: loaded.status,
            detail: loaded.status === 'invalid' ? loaded.detail : null,
            database: loaded.database,
            revision: loaded.revision,
            savedAt: loaded.savedAt,
            summary: contractDatabaseSummary(loaded.database),
            health: checkDatabaseHealth(loaded.database, now),
            locks: historyLocks(loaded.database, now),
            valuesInForce: contractValuesInForce(loaded.database, now),
            renewals,
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
          const errors = check.kind === 'stale' ? [{ path: '(root)', message: await staleFor(call, check, call.payload.revision) }] : localized(call, check.errors);
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
          if (!saved.ok) return refused(call, saved, 'save', call.payload.revision);
          call.deps.log.info('contract database saved', { unchanged: saved.unchanged, revision: saved.revision });
          return ok({ unchanged: saved.unchanged, revision: saved.revision, summary: contractDatabaseSummary(saved.database), changes: translateChangeLines(saved.changes, call.context.locale) });
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
          if (!unpacked.ok) return invalid(localized(call, unpacked.errors));
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
          if (!saved.ok) return refused(call, unpacked.backup === null || saved.kind === 'stale' ? saved : { ...saved, errors: saved.errors.map(inBackup) }, 'import', call.payload.revision);
          call.deps.log.info('contract database imported', { unchanged: saved.unchanged, revision: saved.revision });
          return ok({ unchanged: saved.unchanged, revision: saved.revision, summary: contractDatabaseSummary(saved.database), changes: translateChangeLines(saved.changes, call.context.locale) });
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
          // Stored in English (and exported so: a backup must import back); read in the caller's language.
          return ok({ ...page, entries: page.entries.map((entry) => ({ ...entry, changes: translateChangeLines(entry.changes, call.context.locale) })) });
        }),
    }),
    [ADMIN_RESOLVER_KEYS.displayNames]: defineResolver({
      payload: adminApi[ADMIN_RESOLVER_KEYS.displayNames].payload,
      run: (call) =>
        asAdmin(call, async () => {
          // One batched lookup as the admin (Jira decides whose names they may see). When Jira
          // refuses, the page shows the account ids instead: names are a nicety, the log is not.
          const names = await lookUpDisplayNames(call.deps.jiraAsUser(call.accountId), call.payload.accountIds, call.deps.log);
          return ok({ names: Object.fromEntries(names) });
        }),
    }),
    [ADMIN_RESOLVER_KEYS.jiraOptions]: defineResolver({
      payload: adminApi[ADMIN_RESOLVER_KEYS.jiraOptions].payload,
      run: (call) =>
        asAdmin(call, async () => {
          const jira = call.deps.jiraAsUser(call.accountId);
          const [priorities, statuses, desks, labels, organizations] = await Promise.all([
            jira.listPriorities(),
            jira.listStatuses(),
            jira.listServiceDesks(),
            jira.listLabels(JIRA_OPTIONS_LIMITS.labels),
            jira.listOrganizations(),
          ]);
          const perDesk = await Promise.all(
            desks.map(async (desk) => {
              const [types, components] = await Promise.all([jira.listRequestTypes(desk.id), jira.listProjectComponents(desk.projectId)]);
              return { desk, types, components };
            }),
          );
          const components = new Map<string, { name: string; projects: string[] }>();
          for (const { desk, components: list } of perDesk) {
            for (const component of list) {
              const key = component.name.trim().toLowerCase();
              const entry = components.get(key) ?? { name: component.name, projects: [] };
              if (!entry.projects.includes(desk.projectName)) entry.projects.push(desk.projectName);
              components.set(key, entry);
            }
          }
          const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);
          return ok({
            priorities: priorities.map((p) => p.name),
            statuses: statuses.map((s) => ({ name: s.name, category: s.category })),
            serviceDesks: perDesk.map(({ desk, types }) => ({
              id: desk.id,
              name: desk.projectName,
              projectId: desk.projectId,
              requestTypes: types.map((t) => ({ id: t.id, name: t.name })),
            })),
            components: [...components.values()].sort(byName),
            labels: labels.labels,
            labelsComplete: labels.complete,
            organizations: organizations.map((o) => ({ id: o.id, name: o.name })).sort(byName),
          });
        }),
    }),
    [ADMIN_RESOLVER_KEYS.preview]: defineResolver({
      payload: adminApi[ADMIN_RESOLVER_KEYS.preview].payload,
      run: (call) =>
        asAdmin(call, async () => {
          const now = call.deps.now();
          const preview = await previewDraft(
            call.deps.store,
            { input: call.payload.database, baseRevision: call.payload.revision, by: call.accountId, now },
            call.payload.example,
          );
          const stale = preview.stale ? await checkDatabaseChange(call.deps.store, { input: call.payload.database, baseRevision: call.payload.revision, by: call.accountId, now, action: 'save' }) : null;
          const errors =
            stale !== null && !stale.ok && stale.kind === 'stale' ? [{ path: '(root)', message: await staleFor(call, stale, call.payload.revision) }] : localized(call, preview.errors);
          const example = preview.example;
          return ok({
            errors,
            stale: preview.stale,
            changes: translateChangeLines(preview.changes, call.context.locale),
            example:
              example === null
                ? null
                : {
                    ...example,
                    explanation: presentExplanation(example.explanation, textFor(call.context.locale)),
                  },
          });
        }),
    }),
    [ADMIN_RESOLVER_KEYS.reapplyPreview]: defineResolver({
      payload: adminApi[ADMIN_RESOLVER_KEYS.reapplyPreview].payload,
      run: (call) =>
        asAdmin(call, async () => {
          const started = await startReapply(call.deps, { kind: 'preview', jobId: randomUUID(), by: call.accountId, reason: '' });
          if (!started.ok) return fail('conflict', 'The re-apply preview could not start; reload the page.');
          return ok({ job: jobData(started.job) });
        }),
    }),
    [ADMIN_RESOLVER_KEYS.reapplyApply]: defineResolver({
      payload: adminApi[ADMIN_RESOLVER_KEYS.reapplyApply].payload,
      run: (call) =>
        asAdmin(call, async () => {
          const started = await startReapply(call.deps, {
            kind: 'apply',
            jobId: randomUUID(),
            by: call.accountId,
            reason: call.payload.reason,
            previewJobId: call.payload.previewJobId,
          });
          if (!started.ok) {
            const why = {
              'no-preview': 'There is no such preview; preview the re-apply first.',
              'preview-running': 'The preview is still running; wait until it is done.',
              stale: 'The contract database was saved again after this preview; preview again before re-applying.',
            }[started.reason];
            return fail(started.reason === 'no-preview' ? 'not-found' : 'conflict', why);
          }
          call.deps.log.info('reapply started', { jobId: started.job.jobId, revision: started.job.databaseRevision });
          return ok({ job: jobData(started.job) });
        }),
    }),
    [ADMIN_RESOLVER_KEYS.reapplyStatus]: defineResolver({
      payload: adminApi[ADMIN_RESOLVER_KEYS.reapplyStatus].payload,
      run: (call) =>
        asAdmin(call, async () => {
          const job = await readReapplyJob(call.deps, call.payload.jobId);
          return job === null ? fail('not-found', 'There is no such re-apply job.') : ok({ job: jobData(job) });
        }),
    }),
    [ADMIN_RESOLVER_KEYS.parseIcs]: defineResolver({
      payload: adminApi[ADMIN_RESOLVER_KEYS.parseIcs].payload,
      run: (call) =>
        asAdmin(call, () => {
          const read = holidaysFromIcs(call.payload.text);
          return Promise.resolve(read.ok ? ok({ holidays: read.holidays, skipped: read.skipped }) : fail('invalid-input', read.message, { text: [read.message] }));
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
