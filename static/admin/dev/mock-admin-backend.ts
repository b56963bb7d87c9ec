/**
 * Dev-only: answers the admin page's resolver keys in the browser the way src/entry/admin-resolver.ts
 * does — same payload and data schemas (src/contract/admin-api.ts), same validation
 * (parseContractDatabase), same envelope and `invalid-input` field errors, revisions (a save from an
 * older revision is a `conflict`), backups and an audit log — over an in-memory store.
 * Scenarios pick the stored state (`found`, `missing`, `invalid`); `failLoad` / `failActions` make
 * calls answer an error code, `forbidden` included.
 */
import { contractDatabaseSummary, contractValuesInForce } from '../../../src/app/admin-summary';
import { ADMIN_RESOLVER_KEYS, adminApi, type AuditEntry, type SaveData, type ValidationError } from '../../../src/contract/admin-api';
import { BACKUP_FORMAT, backupSchema } from '../../../src/contract/backup';
import { parseContractDatabase, type ContractDatabase } from '../../../src/contract/contract-database';
import { fail, flattenIssues, ok, type Envelope, type ErrorCode } from '../../../src/contract/envelope';
import { describeDatabaseChanges } from '../../../src/domain/database-changes';
import { checkDatabaseHealth } from '../../../src/domain/database-health';
import { historyLocks } from '../../../src/domain/database-history';
import { exampleDeadline } from '../../../src/domain/example-deadline';
import { buildDemoDatabase, buildEmptyDatabase, demoJiraOptions } from './fixtures';

export const adminScenarios = ['found', 'missing', 'invalid'] as const;
export type AdminScenario = (typeof adminScenarios)[number];

export interface MockAdminOptions {
  scenario: AdminScenario;
  /** Every call answers this error (e.g. `forbidden` for a non-admin). */
  failLoad?: ErrorCode;
  /** Every call but `admin/get` answers this error. */
  failActions?: ErrorCode;
  /** A fixed "today" for export file names (the harness has no clock of its own to trust). */
  today?: string;
}

const FAILURE_MESSAGES: Record<ErrorCode, string> = {
  'invalid-input': 'The payload is not valid.',
  forbidden: 'Only Jira administrators can change the contract database.',
  'not-found': 'Not found.',
  conflict: 'The contract database changed meanwhile.',
  'confirmation-required': 'This backup would change terms that requests already used.',
  unavailable: 'Storage did not answer (HTTP 503 after 3 attempts).',
  internal: 'A broken invariant.',
};

function invalid<T>(errors: readonly ValidationError[]): Envelope<T> {
  const fieldErrors: Record<string, string[]> = {};
  for (const error of errors) (fieldErrors[error.path] ??= []).push(error.message);
  return fail('invalid-input', `The contract database has ${String(errors.length)} errors; nothing was saved.`, fieldErrors);
}

export function createMockAdminBackend(options: MockAdminOptions) {
  let stored: { status: AdminScenario; database: ContractDatabase; revision: number } =
    options.scenario === 'found' ? { status: 'found', database: buildDemoDatabase(), revision: 1 } : { status: options.scenario, database: buildEmptyDatabase(), revision: 0 };
  const auditLog: AuditEntry[] = [];
  let jobs = 0;
  const at = `${options.today ?? '2026-10-05'}T09:00:00.000Z`;

  function store(document: unknown, revision: number, action: 'save' | 'import'): Envelope<SaveData> {
    const parsed = parseContractDatabase(document);
    if (!parsed.ok) return invalid(parsed.errors);
    const unchanged = stored.status === 'found' && JSON.stringify(stored.database) === JSON.stringify(parsed.database);
    if (!unchanged && revision !== stored.revision) {
      return fail('conflict', `Another administrator saved the contract database (revision ${String(stored.revision)}) after you loaded revision ${String(revision)}.`);
    }
    if (unchanged) return ok({ unchanged, revision: stored.revision, summary: contractDatabaseSummary(parsed.database), changes: [] });
    const changes = describeDatabaseChanges(stored.database, parsed.database);
    stored = { status: 'found', database: parsed.database, revision: stored.revision + 1 };
    auditLog.unshift({ revision: stored.revision, at, by: 'mock-admin', action, changes: changes.slice(0, 20), changeCount: changes.length, notes: [] });
    return ok({ unchanged, revision: stored.revision, summary: contractDatabaseSummary(parsed.database), changes });
  }

  function handle(functionKey: string, payload: unknown): Envelope<unknown> {
    if (options.failLoad !== undefined) return fail(options.failLoad, FAILURE_MESSAGES[options.failLoad]);
    if (options.failActions !== undefined && functionKey !== ADMIN_RESOLVER_KEYS.get) {
      return fail(options.failActions, FAILURE_MESSAGES[options.failActions]);
    }
    switch (functionKey) {
      case ADMIN_RESOLVER_KEYS.get:
        return ok({
          status: stored.status,
          detail: stored.status === 'invalid' ? 'contract-database: schemaVersion: Unsupported schemaVersion; expected 2.' : null,
          database: stored.database,
          revision: stored.revision,
          savedAt: stored.revision === 0 ? null : at,
          summary: contractDatabaseSummary(stored.database),
          health: checkDatabaseHealth(stored.database, new Date(at)),
          locks: historyLocks(stored.database, new Date(at)),
          valuesInForce: contractValuesInForce(stored.database, new Date(at)),
          // Renewals need Jira (account managers' names) and the stored reminder items: the sandbox has them (test/e2e/commercial.test.ts).
          renewals: [],
        });
      case ADMIN_RESOLVER_KEYS.preview: {
        const input = adminApi[ADMIN_RESOLVER_KEYS.preview].payload.safeParse(payload);
        if (!input.success) return fail('invalid-input', 'Invalid payload.', flattenIssues(input.error.issues));
        const parsed = parseContractDatabase(input.data.database);
        if (!parsed.ok) return ok({ errors: parsed.errors, stale: false, changes: [], example: null });
        const example = input.data.example === null ? null : exampleDeadline(parsed.database, input.data.example, new Date(at));
        return ok({
          errors: input.data.revision === stored.revision ? [] : [{ path: '(root)', message: 'Another administrator saved the contract database.' }],
          stale: input.data.revision !== stored.revision,
          changes: describeDatabaseChanges(stored.database, parsed.database),
          // The mock shows the steps by kind only; the real resolver words them in the reader's language.
          example: example === null ? null : { ...example, explanation: example.explanation.map((step) => ({ kind: 'service' as const, value: step.kind, because: null })) },
        });
      }
      case ADMIN_RESOLVER_KEYS.parseIcs:
        return ok({ holidays: [{ date: '2027-04-27', name: "King's Day" }, { yearly: '12-25', name: 'Christmas Day' }], skipped: 0 });
      case ADMIN_RESOLVER_KEYS.reapplyPreview:
      case ADMIN_RESOLVER_KEYS.reapplyApply:
      case ADMIN_RESOLVER_KEYS.reapplyStatus:
        jobs += 1;
        return ok({
          job: {
            jobId: `reapply-${String(jobs)}`,
            kind: functionKey === ADMIN_RESOLVER_KEYS.reapplyApply ? 'apply' : 'preview',
            databaseRevision: stored.revision,
            previewJobId: null,
            startedBy: 'mock-admin',
            startedAt: at,
            updatedAt: at,
            status: 'done',
            scanned: 0,
            changed: 0,
            unchanged: 0,
            skipped: 0,
            failed: 0,
            earlier: 0,
            later: 0,
            mostEarlierMinutes: 0,
            mostLaterMinutes: 0,
            moves: [],
          },
        });
      case ADMIN_RESOLVER_KEYS.validate: {
        const input = adminApi[ADMIN_RESOLVER_KEYS.validate].payload.safeParse(payload);
        if (!input.success) return fail('invalid-input', 'Invalid payload.', flattenIssues(input.error.issues));
        const parsed = parseContractDatabase(input.data.database);
        return ok(parsed.ok ? { valid: true, errors: [] } : { valid: false, errors: parsed.errors });
      }
      case ADMIN_RESOLVER_KEYS.save: {
        const input = adminApi[ADMIN_RESOLVER_KEYS.save].payload.safeParse(payload);
        if (!input.success) return fail('invalid-input', 'Invalid payload.', flattenIssues(input.error.issues));
        return store(input.data.database, input.data.revision, 'save');
      }
      case ADMIN_RESOLVER_KEYS.import: {
        const input = adminApi[ADMIN_RESOLVER_KEYS.import].payload.safeParse(payload);
        if (!input.success) return fail('invalid-input', 'Invalid payload.', flattenIssues(input.error.issues));
        let document: unknown;
        try {
          document = JSON.parse(input.data.json);
        } catch (error: unknown) {
          return invalid([{ path: 'json', message: `The file is not valid JSON: ${error instanceof Error ? error.message : 'not JSON'}` }]);
        }
        const backup = backupSchema.safeParse(document);
        return store(backup.success ? backup.data.database : document, input.data.revision, 'import');
      }
      case ADMIN_RESOLVER_KEYS.export: {
        const backup = { format: BACKUP_FORMAT, formatVersion: 1, exportedAt: at, revision: stored.revision, database: stored.database, auditLog };
        return ok({ fileName: `contract-database-${options.today ?? '2026-10-05'}-r${String(stored.revision)}.json`, json: JSON.stringify(backup) });
      }
      case ADMIN_RESOLVER_KEYS.auditLog:
        return ok({ entries: auditLog, nextCursor: null });
      case ADMIN_RESOLVER_KEYS.displayNames: {
        const input = adminApi[ADMIN_RESOLVER_KEYS.displayNames].payload.safeParse(payload);
        if (!input.success) return fail('invalid-input', 'Invalid payload.', flattenIssues(input.error.issues));
        return ok({ names: Object.fromEntries(input.data.accountIds.filter((id) => id === 'mock-admin').map((id) => [id, 'Mock Admin'])) });
      }
      case ADMIN_RESOLVER_KEYS.jiraOptions:
        return ok(demoJiraOptions);
      case ADMIN_RESOLVER_KEYS.rebuildAggregates:
        jobs += 1;
        return ok({ jobId: `0b7c2d1e-5f3a-4c8e-9d21-${String(jobs).padStart(12, '0')}` });
      default:
        return fail('not-found', `No resolver ${functionKey}.`);
    }
  }

  return { handle };
}
