/**
 * The contract database at the size the schema allows (issues 10.6 and 10.12):
 * - a created request costs at most 4 Jira calls and 3 storage operations with 2 000 contracts, and
 *   reads one terms slice (tens of KB) instead of the whole database (about 2 MB);
 * - the largest database the schema accepts, with a full audit log, exports as a backup that fits
 *   the import limit and imports back unchanged — into the same site, and into a fresh one.
 */
import { AUDIT_LOG_LIMITS, ADMIN_LIMITS } from '../../src/contract/admin-api';
import { CONTRACT_DATABASE_LIMITS, contractDatabaseSchema } from '../../src/contract/contract-database';
import { loadContractDatabase } from '../../src/app/contract-database-store';
import { databaseAuditKey } from '../../src/adapters/storage/storage-keys';
import { CONTRACT_CLOCK_PROPERTY_KEY } from '../../src/app/jira-ports';
import { clockRecordSchema } from '../../src/contract/clock-record';
import type { Envelope } from '../../src/contract/envelope';
import { createAdminResolver } from '../../src/entry/admin-resolver';
import { createOnIssueCreated } from '../../src/entry/on-issue-created';
import { createHarness, type Harness } from './app-harness';
import { largeContractDatabase } from '../support/large-contract-database';

async function deliverCreated(h: Harness): Promise<void> {
  for (const event of h.events.splice(0).filter((e) => e.atlassianId !== h.model.app.accountId)) {
    if (event.eventType === 'avi:jira:created:issue') await createOnIssueCreated(h.deps)(event);
  }
}

function raise(h: Harness, customer: 'alice' | 'bob', requestType: 'email' | 'printer'): string {
  return h.model.createRequest(h.site.users[customer].accountId, { serviceDeskId: h.site.serviceDesk.id, requestTypeId: h.site.requestTypes[requestType].id, summary: 'Help' }).key;
}

async function admin(h: Harness, functionKey: string, payload: unknown): Promise<Envelope<unknown>> {
  const answer: unknown = await createAdminResolver(h.deps)(
    { call: { functionKey, payload }, context: { moduleKey: 'contract-clock-admin', extension: { type: 'jira:adminPage' } } },
    { principal: { accountId: h.site.users.admin.accountId } } as never,
  );
  return answer as Envelope<unknown>;
}

describe('2 000 contracts: a created request reads one slice (issue 10.12)', () => {
  it('stays within 4 Jira calls and 3 storage operations, reading a few dozen KB', async () => {
    const h = await createHarness(undefined, { database: (_site, demo) => largeContractDatabase(contractDatabaseSchema.parse(demo)) });
    const whole = await loadContractDatabase(h.store);
    expect(whole.database.contracts).toHaveLength(CONTRACT_DATABASE_LIMITS.contracts);
    const wholeBytes = h.store.bytesRead;
    const wholeOperations = h.store.operations.length;
    raise(h, 'alice', 'email');
    await deliverCreated(h); // the first run also discovers the site's field ids
    h.reset();
    const key = raise(h, 'bob', 'printer');
    await deliverCreated(h);
    expect(h.jiraCalls.length).toBeLessThanOrEqual(4);
    expect(h.store.operations.length).toBeLessThanOrEqual(3);
    expect(h.store.operations).toEqual(expect.arrayContaining([expect.stringMatching(/^get contract-terms\/bucket-\d\d$/)]));
    // The slice is a small fraction of the whole database.
    expect(h.store.bytesRead).toBeLessThan(100_000);
    expect(wholeBytes).toBeGreaterThan(1_500_000);
    expect(wholeOperations).toBeGreaterThanOrEqual(9);
    const record = clockRecordSchema.parse(h.model.findIssue(key)?.properties[CONTRACT_CLOCK_PROPERTY_KEY]);
    expect(record.terms?.contract?.id).toBe('acme-2026');
  }, 60_000);
});

describe('the largest allowed database exports and imports back (issue 10.6)', () => {
  it('with a full audit log: the backup fits the import limit, and restores unchanged here and on a fresh site', async () => {
    const h = await createHarness(undefined, {
      database: (_site, demo) => largeContractDatabase(contractDatabaseSchema.parse(demo), { targetBytes: CONTRACT_DATABASE_LIMITS.documentMaxBytes - 50_000 }),
    });
    const stored = await loadContractDatabase(h.store);
    const documentBytes = Buffer.byteLength(JSON.stringify(stored.database));
    expect(stored.revision).toBe(1);
    expect(documentBytes).toBeGreaterThan(CONTRACT_DATABASE_LIMITS.documentMaxBytes * 0.97);
    expect(documentBytes).toBeLessThanOrEqual(CONTRACT_DATABASE_LIMITS.documentMaxBytes);

    // A full audit log of the largest entries (written as saves would have, revisions 2..101 of a long history).
    const line = `Contract 'Customer ${'é'.repeat(60)}': version 2: covered services changed`.slice(0, AUDIT_LOG_LIMITS.maxLineLength);
    for (let revision = 2; revision <= AUDIT_LOG_LIMITS.maxEntries + 1; revision++) {
      const entry = {
        schemaVersion: 1,
        revision,
        at: '2026-10-01T10:00:00.000Z',
        by: h.site.users.admin.accountId,
        action: 'save',
        changes: Array.from({ length: AUDIT_LOG_LIMITS.maxChangesPerEntry }, () => line),
        changeCount: 250,
        notes: Array.from({ length: 4 }, () => line),
      };
      expect(Buffer.byteLength(JSON.stringify(entry))).toBeLessThanOrEqual(AUDIT_LOG_LIMITS.maxEntryBytes);
      await h.store.transact([{ type: 'set', entity: 'database-audit', key: databaseAuditKey(revision), value: entry }]);
    }

    const exported = await admin(h, 'admin/export', {});
    if (!exported.ok) throw new Error(exported.error.message);
    const json = (exported.data as { json: string }).json;
    const backup = JSON.parse(json) as { auditLog: unknown[] };
    expect(backup.auditLog).toHaveLength(AUDIT_LOG_LIMITS.maxEntries);
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(ADMIN_LIMITS.importMaxBytes);

    expect(await admin(h, 'admin/import', { json, revision: 1 })).toMatchObject({ ok: true, data: { unchanged: true, revision: 1 } });

    const fresh = await createHarness(undefined, { database: () => ({ schemaVersion: 2 }) });
    expect(await admin(fresh, 'admin/import', { json, revision: 1 })).toMatchObject({ ok: true, data: { unchanged: false, revision: 2 } });
    expect((await loadContractDatabase(fresh.store)).database).toEqual(stored.database);
  }, 120_000);
});
