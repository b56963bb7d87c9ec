/**
 * The admin page's resolver calls, one function per `admin/...` key, each pairing the key with its
 * payload and answer schema from src/contract/admin-api.ts. Every function answers a parsed
 * envelope and never throws.
 */
import { ADMIN_RESOLVER_KEYS, adminApi } from '../../../src/contract/admin-api';
import { invokeResolver } from '../../shared/forge-bridge';

export const adminClient = {
  /** The stored database (or the empty one), its status and summary counts. */
  get: () => invokeResolver(ADMIN_RESOLVER_KEYS.get, {}, adminApi[ADMIN_RESOLVER_KEYS.get].data),
  /** Validates a whole document without saving it. */
  validate: (database: unknown) => invokeResolver(ADMIN_RESOLVER_KEYS.validate, { database }, adminApi[ADMIN_RESOLVER_KEYS.validate].data),
  /** Validates and saves a whole document; nothing is saved when anything is wrong. */
  save: (database: unknown) => invokeResolver(ADMIN_RESOLVER_KEYS.save, { database }, adminApi[ADMIN_RESOLVER_KEYS.save].data),
  /** Imports an exported JSON text (parsed and validated by the backend), replacing the database. */
  import: (json: string) => invokeResolver(ADMIN_RESOLVER_KEYS.import, { json }, adminApi[ADMIN_RESOLVER_KEYS.import].data),
  /** The stored database as a JSON file's name and text. */
  export: () => invokeResolver(ADMIN_RESOLVER_KEYS.export, {}, adminApi[ADMIN_RESOLVER_KEYS.export].data),
  /** Jira priorities, statuses and service desks with their request types. */
  jiraOptions: () => invokeResolver(ADMIN_RESOLVER_KEYS.jiraOptions, {}, adminApi[ADMIN_RESOLVER_KEYS.jiraOptions].data),
  /** Starts the rebuild of the compliance aggregates; answers the job id. */
  rebuildAggregates: () =>
    invokeResolver(ADMIN_RESOLVER_KEYS.rebuildAggregates, {}, adminApi[ADMIN_RESOLVER_KEYS.rebuildAggregates].data),
};
