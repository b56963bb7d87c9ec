/**
 * The admin page's resolver calls, one function per `admin/...` key, each pairing the key with its
 * payload and answer schema from src/contract/admin-api.ts. Every function answers a parsed
 * envelope and never throws.
 */
import { ADMIN_RESOLVER_KEYS, adminApi } from '../../../src/contract/admin-api';
import { invokeResolver } from '../../shared/forge-bridge';

export const adminClient = {
  /** The stored database (or the empty one), its revision, status and summary. */
  get: () => invokeResolver(ADMIN_RESOLVER_KEYS.get, {}, adminApi[ADMIN_RESOLVER_KEYS.get].data),
  /** Runs every check of a save (against the revision the page shows) without saving. */
  validate: (database: unknown, revision: number) =>
    invokeResolver(ADMIN_RESOLVER_KEYS.validate, { database, revision }, adminApi[ADMIN_RESOLVER_KEYS.validate].data),
  /** Validates and saves a whole document; nothing is saved when anything is wrong or another admin saved first. */
  save: (database: unknown, revision: number) =>
    invokeResolver(ADMIN_RESOLVER_KEYS.save, { database, revision }, adminApi[ADMIN_RESOLVER_KEYS.save].data),
  /** Restores a backup (or a bare database document), replacing the database; `confirmHistoryRewrite` after being asked. */
  import: (json: string, revision: number, confirmHistoryRewrite = false) =>
    invokeResolver(ADMIN_RESOLVER_KEYS.import, { json, revision, confirmHistoryRewrite }, adminApi[ADMIN_RESOLVER_KEYS.import].data),
  /** A backup of the stored database and its audit log: a file name and compact JSON. */
  export: () => invokeResolver(ADMIN_RESOLVER_KEYS.export, {}, adminApi[ADMIN_RESOLVER_KEYS.export].data),
  /** Jira priorities, statuses and service desks with their request types. */
  jiraOptions: () => invokeResolver(ADMIN_RESOLVER_KEYS.jiraOptions, {}, adminApi[ADMIN_RESOLVER_KEYS.jiraOptions].data),
  /** Starts the rebuild of the compliance aggregates; answers the job id. */
  rebuildAggregates: () =>
    invokeResolver(ADMIN_RESOLVER_KEYS.rebuildAggregates, {}, adminApi[ADMIN_RESOLVER_KEYS.rebuildAggregates].data),
};
