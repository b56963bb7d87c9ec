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

/** The customer portal's request panel on a request of organization A: its customers, and agents as themselves. */
const PORTAL_REQUEST: Access = { anonymous: 'denied', customerOfA: 'allowed', customerOfB: 'denied', agent: 'allowed', admin: 'allowed' };
/** My contract: every caller with an account sees their own organizations' contracts (none for staff). */
const PORTAL_OWN: Access = { anonymous: 'denied', customerOfA: 'allowed', customerOfB: 'allowed', agent: 'allowed', admin: 'allowed' };

const ADMIN_PAGE = 'the contract database and its tools are for Jira administrators only';
const PORTAL = 'a customer sees the agreement of requests they may see in the portal (JSM’s customer rule), never another organization’s; anonymous visitors nothing';
const TRIAGE = 'the triage view lists requests of every customer of the project: its agents and Jira admins';
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
  'admin/display-names': { access: ADMINS, why: ADMIN_PAGE, example: (f) => Promise.resolve({ accountIds: [f.h.site.users.admin.accountId] }) },
  'admin/jira-options': { access: ADMINS, why: ADMIN_PAGE, example: () => Promise.resolve({}) },
  'admin/rebuild-aggregates': { access: ADMINS, why: ADMIN_PAGE, example: () => Promise.resolve({}) },
  'admin/preview': {
    access: ADMINS,
    why: ADMIN_PAGE,
    example: async (f) => ({ ...((await databasePayload(f)) as object), example: null }),
    documentFields: ['database'],
  },
  'admin/reapply-preview': { access: ADMINS, why: ADMIN_PAGE, example: () => Promise.resolve({}) },
  'admin/reapply-apply': { access: ADMINS, why: ADMIN_PAGE, example: () => Promise.resolve({ previewJobId: 'job-1', reason: 'New terms from November' }) },
  'admin/reapply-status': { access: ADMINS, why: ADMIN_PAGE, example: () => Promise.resolve({ jobId: 'job-1' }) },
  'admin/parse-ics': {
    access: ADMINS,
    why: ADMIN_PAGE,
    example: () =>
      Promise.resolve({
        text: ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Contract Clock//test//EN', 'BEGIN:VEVENT', 'UID:1@test', 'DTSTART;VALUE=DATE:20261225', 'SUMMARY:Christmas', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'),
      }),
  },

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
  'panel/preview-promise': {
    access: STAFF,
    why: PANEL_READ,
    example: async (f) => ({ issueKey: f.request.key, revision: await f.clockRevision(), promise: { basis: 'business-time', hours: 4 } }),
  },
  'panel/extend': { access: STAFF, why: PANEL_EDIT, example: async (f) => ({ issueKey: f.request.key, revision: await f.clockRevision(), minutes: 60, reason: 'Visit on site' }) },

  'gadget/get': { access: STAFF, why: COMPLIANCE, example: () => Promise.resolve({}) },
  'gadget/options': { access: STAFF, why: COMPLIANCE, example: () => Promise.resolve({}) },
  'reports/get': { access: STAFF, why: COMPLIANCE, example: () => Promise.resolve(DEFAULT_REPORT_QUERY) },
  'reports/export-csv': { access: STAFF, why: COMPLIANCE, example: () => Promise.resolve(DEFAULT_REPORT_QUERY) },
  'reports/export-credits-csv': { access: STAFF, why: COMPLIANCE, example: () => Promise.resolve(DEFAULT_REPORT_QUERY) },

  'triage/get': { access: STAFF, why: TRIAGE, example: () => Promise.resolve({ customerId: null, levelId: null, serviceId: null, mine: false, offset: 0 }) },

  'portal/request': { access: PORTAL_REQUEST, why: PORTAL, example: () => Promise.resolve({}) },
  'portal/my-contract': { access: PORTAL_OWN, why: PORTAL, example: () => Promise.resolve({}) },
};
