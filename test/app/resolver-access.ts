/**
 * Who may call what: one row per resolver key, read by the authorization matrix
 * (resolver-authorization.test.ts) and the fuzz suite (resolver-fuzz.test.ts). A key the app
 * answers that has no row here fails the matrix: add its row when you add the key.
 *
 * Each row says, per caller, `allowed` (the call gets past authorization: anything but `forbidden`)
 * or `denied` (`forbidden`, nothing read for them, nothing changed), why, and a valid payload the
 * matrix sends and the fuzzer mutates. `documentFields` names payload fields that carry a whole
 * document validated on its own (the contract database): their errors are named by paths inside
 * that document, as the editor shows them.
 */
import { DEFAULT_REPORT_QUERY } from '../../src/contract/compliance-api';
import type { ResolverFixture, Role } from './resolver-surface';

export type Access = Readonly<Record<Role, 'allowed' | 'denied'>>;

export interface KeyExpectations {
  readonly access: Access;
  /** Why these callers, in a line (the design's rule). */
  readonly why: string;
  /** A payload the schema accepts, as the UI sends it now. */
  readonly example: (f: ResolverFixture) => Promise<unknown>;
  readonly documentFields?: readonly string[];
}

/** Jira administrators (global ADMINISTER), asked as the user on every call. */
const ADMINS: Access = { anonymous: 'denied', customerOfA: 'denied', customerOfB: 'denied', agent: 'denied', admin: 'allowed' };
/** Jira administrators and agents of a service project (compliance views, issue 8 §5). */
const STAFF: Access = { anonymous: 'denied', customerOfA: 'denied', customerOfB: 'denied', agent: 'allowed', admin: 'allowed' };

const ADMIN_PAGE = 'the contract database and its tools are for Jira administrators only';
const COMPLIANCE = 'compliance figures span every customer: admins and service project agents, never customers';
const PANEL_READ = 'the panel shows internal pause reasons and agents: whoever may browse the request in Jira as an agent';
const PANEL_EDIT = 'changing the clock needs Edit Issues on the request (agents and admins)';
const PANEL_COMMENT = 'posting as the caller needs Add Comments on the request';

async function databasePayload(f: ResolverFixture): Promise<unknown> {
  const { loadContractDatabase } = await import('../../src/app/contract-database-store');
  const loaded = await loadContractDatabase(f.h.deps.store);
  return { database: loaded.database, revision: loaded.revision };
}

async function backupPayload(f: ResolverFixture): Promise<unknown> {
  const { loadContractDatabase, readAuditLog } = await import('../../src/app/contract-database-store');
  const { BACKUP_FORMAT } = await import('../../src/contract/backup');
  const [loaded, auditLog] = await Promise.all([loadContractDatabase(f.h.deps.store), readAuditLog(f.h.deps.store)]);
  const backup = { format: BACKUP_FORMAT, formatVersion: 1, exportedAt: f.h.clock.now.toISOString(), revision: loaded.revision, database: loaded.database, auditLog };
  return { json: JSON.stringify(backup), revision: loaded.revision };
}

export const RESOLVER_ACCESS: Readonly<Record<string, KeyExpectations>> = {
  'admin/get': { access: ADMINS, why: ADMIN_PAGE, example: () => Promise.resolve({}) },
  'admin/validate': { access: ADMINS, why: ADMIN_PAGE, example: databasePayload, documentFields: ['database'] },
  'admin/save': { access: ADMINS, why: ADMIN_PAGE, example: databasePayload, documentFields: ['database'] },
  'admin/import': { access: ADMINS, why: ADMIN_PAGE, example: backupPayload, documentFields: ['json'] },
  'admin/export': { access: ADMINS, why: ADMIN_PAGE, example: () => Promise.resolve({}) },
  'admin/audit-log': { access: ADMINS, why: ADMIN_PAGE, example: () => Promise.resolve({ limit: 5 }) },
  'admin/jira-options': { access: ADMINS, why: ADMIN_PAGE, example: () => Promise.resolve({}) },
  'admin/rebuild-aggregates': { access: ADMINS, why: ADMIN_PAGE, example: () => Promise.resolve({}) },

  'panel/get': { access: STAFF, why: PANEL_READ, example: () => Promise.resolve({}) },
  'panel/post-message': {
    access: STAFF,
    why: PANEL_COMMENT,
    example: async (f) => ({ issueKey: f.request.key, body: 'We are looking into it.', visibility: 'internal', revision: await f.clockRevision() }),
  },
  'panel/preview-reapply': { access: STAFF, why: PANEL_EDIT, example: async (f) => ({ issueKey: f.request.key, revision: await f.clockRevision() }) },
  'panel/reapply': { access: STAFF, why: PANEL_EDIT, example: async (f) => ({ issueKey: f.request.key, revision: await f.clockRevision(), reason: 'Contract renewed' }) },
  'panel/pause': { access: STAFF, why: PANEL_EDIT, example: async (f) => ({ issueKey: f.request.key, revision: await f.clockRevision(), reason: 'Waiting for the supplier' }) },
  'panel/resume': { access: STAFF, why: PANEL_EDIT, example: async (f) => ({ issueKey: f.request.key, revision: await f.clockRevision(), reason: 'Supplier answered' }) },
  'panel/extend': { access: STAFF, why: PANEL_EDIT, example: async (f) => ({ issueKey: f.request.key, revision: await f.clockRevision(), minutes: 60, reason: 'Visit on site' }) },

  'gadget/get': { access: STAFF, why: COMPLIANCE, example: () => Promise.resolve({}) },
  'gadget/options': { access: STAFF, why: COMPLIANCE, example: () => Promise.resolve({}) },
  'reports/get': { access: STAFF, why: COMPLIANCE, example: () => Promise.resolve(DEFAULT_REPORT_QUERY) },
  'reports/export-csv': { access: STAFF, why: COMPLIANCE, example: () => Promise.resolve(DEFAULT_REPORT_QUERY) },
};
