/**
 * Custom entities for the storage contract tests (the app's own are in
 * src/adapters/storage/app-entities.ts): a revisioned document and a due-work queue with a plain
 * and a partitioned index.
 */
import { compileEntities } from '../../../src/adapters/storage/entity-rules';

export const TEST_ENTITY_DEFINITIONS = [
  {
    name: 'revisioned-doc',
    attributes: { revision: { type: 'integer' }, label: { type: 'string' }, body: { type: 'any' } },
  },
  {
    name: 'due-item',
    attributes: {
      dueAt: { type: 'integer' },
      queue: { type: 'string' },
      weight: { type: 'float' },
      done: { type: 'boolean' },
      note: { type: 'string' },
    },
    indexes: ['dueAt', { name: 'by-queue', partition: ['queue'], range: ['dueAt'] }],
  },
] as const;

export const TEST_ENTITIES = compileEntities(TEST_ENTITY_DEFINITIONS);
