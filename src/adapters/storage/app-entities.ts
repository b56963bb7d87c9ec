/**
 * The custom entities of the app's storage, exactly as manifest.yml declares them under
 * `app.storage.entities` (test/manifest/manifest-contract.test.ts checks that the two agree). The
 * storage emulation (memory-kvs-store.ts) accepts these and no others, as Forge does.
 *
 * - `issue-clock`: what the app alone knows about one request's clock (ADR 0016): the record with
 *   its frozen terms and facts, the changelog cursor, what it counts in the aggregates, when the
 *   sweep must look again, the sweep's notice not yet confirmed delivered (ADR 0031). Revisioned: every write is conditional on the revision read.
 * - `clock-due`: one small item per clock that needs the sweep at `dueAt` (ADR 0017), indexed by
 *   due time globally and per shard, so the sweep reads only what is due.
 * - `issue-outcome`: the frozen outcome one request contributes to the compliance aggregates,
 *   indexed by aggregate (month and customer) so an aggregate can be recounted from its outcomes.
 * - `compliance-aggregate`: the counters of one month and customer, revisioned, indexed by month.
 * - `triage-entry`, `triage-calendar`: the triage view's index of open requests, read per project
 *   and sweep shard in parallel, and the calendars its entries count in (ADR 0027).
 * - `contract-database`, `contract-terms`, `database-audit`: the contract database's commit pointer,
 *   its per-organization terms slices and its audit log (ADR 0021).
 * - `renewal-reminder`: one notice reminder to an account manager (contract version and notice
 *   date), claimed conditionally before it is sent so it goes out once (ADR 0024); indexed by notice date.
 *
 * Data only: the rules are in entity-rules.ts, the item schemas in src/contract/clock-storage.ts and
 * in the modules that write the contract database.
 */
import type { EntityDefinition } from './entity-rules';

export const APP_STORAGE_ENTITIES: readonly EntityDefinition[] = [
  {
    name: 'issue-clock',
    attributes: {
      schemaVersion: { type: 'integer' },
      revision: { type: 'integer' },
      issueId: { type: 'string' },
      issueKey: { type: 'string' },
      record: { type: 'any' },
      changelog: { type: 'any' },
      outcome: { type: 'any' },
      dueAt: { type: 'string' },
      triage: { type: 'any' },
      notice: { type: 'any' },
    },
  },
  {
    name: 'triage-entry',
    attributes: {
      schemaVersion: { type: 'integer' },
      issueId: { type: 'string' },
      issueKey: { type: 'string' },
      projectId: { type: 'string' },
      shard: { type: 'integer' },
      assignee: { type: 'string' },
      clock: { type: 'any' },
    },
    indexes: [{ name: 'by-project', partition: ['projectId', 'shard'], range: ['issueId'] }],
  },
  {
    name: 'triage-calendar',
    attributes: {
      schemaVersion: { type: 'integer' },
      name: { type: 'string' },
      definition: { type: 'any' },
    },
  },
  {
    name: 'clock-due',
    attributes: {
      schemaVersion: { type: 'integer' },
      issueId: { type: 'string' },
      issueKey: { type: 'string' },
      dueAt: { type: 'string' },
      shard: { type: 'integer' },
    },
    indexes: ['dueAt', { name: 'by-shard', partition: ['shard'], range: ['dueAt'] }],
  },
  {
    name: 'issue-outcome',
    attributes: {
      schemaVersion: { type: 'integer' },
      issueId: { type: 'string' },
      issueKey: { type: 'string' },
      aggregateKey: { type: 'string' },
      outcome: { type: 'any' },
    },
    indexes: ['aggregateKey'],
  },
  {
    name: 'compliance-aggregate',
    attributes: {
      schemaVersion: { type: 'integer' },
      revision: { type: 'integer' },
      month: { type: 'string' },
      customerId: { type: 'string' },
      cells: { type: 'any' },
      reconciledBy: { type: 'string' },
      reconciledAt: { type: 'string' },
    },
    indexes: ['month'],
  },
  // The contract database's commit pointer (src/app/contract-database-store.ts): one item, written
  // on the condition that `revision` is the one the save started from.
  {
    name: 'contract-database',
    attributes: {
      schemaVersion: { type: 'integer' },
      revision: { type: 'integer' },
      indexedRevision: { type: 'integer' },
      generation: { type: 'string' },
      sha256: { type: 'string' },
      bytes: { type: 'integer' },
      chunkCount: { type: 'integer' },
      savedAt: { type: 'string' },
      savedBy: { type: 'string' },
    },
  },
  // Terms-resolution slices, one per organization bucket: what an event reads instead of the database.
  {
    name: 'contract-terms',
    attributes: {
      schemaVersion: { type: 'integer' },
      revision: { type: 'integer' },
      bucket: { type: 'integer' },
      content: { type: 'any' },
      contractOrder: { type: 'any' },
    },
  },
  // Notice reminders to account managers, claimed conditionally so each goes out once (ADR 0024).
  {
    name: 'renewal-reminder',
    attributes: {
      schemaVersion: { type: 'integer' },
      contractId: { type: 'string' },
      version: { type: 'integer' },
      noticeDate: { type: 'string' },
      status: { type: 'string' },
      claimId: { type: 'string' },
      claimedAt: { type: 'string' },
      sentAt: { type: 'string' },
      issueKey: { type: 'string' },
      accountManager: { type: 'string' },
    },
    indexes: ['noticeDate'],
  },
  // The audit log of the contract database: one entry per saved revision, newest first by `revision`.
  {
    name: 'database-audit',
    attributes: {
      schemaVersion: { type: 'integer' },
      revision: { type: 'integer' },
      at: { type: 'string' },
      by: { type: 'string' },
      action: { type: 'string' },
      changes: { type: 'any' },
      changeCount: { type: 'integer' },
      notes: { type: 'any' },
    },
    indexes: ['revision'],
  },
];
