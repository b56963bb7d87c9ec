/**
 * The custom entities of the app's storage, exactly as manifest.yml declares them under
 * `app.storage.entities` (test/manifest/manifest-contract.test.ts checks that the two agree). The
 * storage emulation (memory-kvs-store.ts) accepts these and no others, as Forge does.
 *
 * Data only: the rules are in entity-rules.ts; what the items hold is in the modules that write them.
 */
import type { EntityDefinition } from './entity-rules';

export const APP_STORAGE_ENTITIES: readonly EntityDefinition[] = [
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
