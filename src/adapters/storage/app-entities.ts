/**
 * The custom entities of the app's storage, exactly as manifest.yml declares them under
 * `app.storage.entities` (test/manifest/manifest-contract.test.ts checks that the two agree). The
 * storage emulation (memory-kvs-store.ts) accepts these and no others, as Forge does.
 *
 * Data only: the rules are in entity-rules.ts.
 */
import type { EntityDefinition } from './entity-rules';

export const APP_STORAGE_ENTITIES: readonly EntityDefinition[] = [];
