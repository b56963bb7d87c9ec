/**
 * Dev-only: answers the admin page's resolver keys in the browser the way src/entry/admin-resolver.ts
 * does — same payload and data schemas (src/contract/admin-api.ts), same validation
 * (parseContractDatabase), same envelope and `invalid-input` field errors — over an in-memory store.
 * Scenarios pick the stored state (`found`, `missing`, `invalid`); `failLoad` / `failActions` make
 * calls answer an error code, `forbidden` included.
 */
import { ADMIN_RESOLVER_KEYS, adminApi, type ValidationError } from '../../../src/contract/admin-api';
import { parseContractDatabase, type ContractDatabase } from '../../../src/contract/contract-database';
import { fail, flattenIssues, ok, type Envelope, type ErrorCode } from '../../../src/contract/envelope';
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
  unavailable: 'Storage did not answer (HTTP 503 after 3 attempts).',
  internal: 'A broken invariant.',
};

function summarize(db: ContractDatabase) {
  return {
    calendars: db.calendars.length,
    services: db.services.length,
    levels: db.levels.length,
    contracts: db.contracts.length,
    customers: new Set(db.contracts.map((contract) => contract.customer.id)).size,
  };
}

function invalid<T>(errors: readonly ValidationError[]): Envelope<T> {
  const fieldErrors: Record<string, string[]> = {};
  for (const error of errors) (fieldErrors[error.path] ??= []).push(error.message);
  return fail('invalid-input', `The contract database has ${String(errors.length)} errors; nothing was saved.`, fieldErrors);
}

export function createMockAdminBackend(options: MockAdminOptions) {
  let stored: { status: AdminScenario; database: ContractDatabase } =
    options.scenario === 'found' ? { status: 'found', database: buildDemoDatabase() } : { status: options.scenario, database: buildEmptyDatabase() };
  let jobs = 0;

  function store(document: unknown): Envelope<{ unchanged: boolean; summary: ReturnType<typeof summarize> }> {
    const parsed = parseContractDatabase(document);
    if (!parsed.ok) return invalid(parsed.errors);
    const unchanged = stored.status === 'found' && JSON.stringify(stored.database) === JSON.stringify(parsed.database);
    stored = { status: 'found', database: parsed.database };
    return ok({ unchanged, summary: summarize(parsed.database) });
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
          detail: stored.status === 'invalid' ? 'contract-database: schemaVersion: Unsupported schemaVersion; expected 1.' : null,
          database: stored.database,
          summary: summarize(stored.database),
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
        return store(input.data.database);
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
        return store(document);
      }
      case ADMIN_RESOLVER_KEYS.export:
        return ok({ fileName: `contract-database-${options.today ?? '2026-10-05'}.json`, json: `${JSON.stringify(stored.database, null, 2)}\n` });
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
