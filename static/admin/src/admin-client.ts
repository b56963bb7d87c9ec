/**
 * The admin page's resolver calls, one function per `admin/...` key, each pairing the key with its
 * payload and answer schema from src/contract/admin-api.ts. Every function answers a parsed
 * envelope and never throws.
 */
// The data schemas one by one, not the `adminApi` table: the table holds every key's schemas (the
// forms' preview and re-apply too, static/terms), which this bundle would then carry unused.
import {
  ADMIN_RESOLVER_KEYS,
  adminGetDataSchema,
  exportDataSchema,
  jiraOptionsDataSchema,
  rebuildDataSchema,
  saveDataSchema,
  validateDataSchema,
} from '../../../src/contract/admin-api';
import { invokeResolver } from '../../shared/forge-bridge';

export const adminClient = {
  /** The stored database (or the empty one), its revision, status and summary. */
  get: () => invokeResolver(ADMIN_RESOLVER_KEYS.get, {}, adminGetDataSchema),
  /** Runs every check of a save (against the revision the page shows) without saving. */
  validate: (database: unknown, revision: number) =>
    invokeResolver(ADMIN_RESOLVER_KEYS.validate, { database, revision }, validateDataSchema),
  /** Validates and saves a whole document; nothing is saved when anything is wrong or another admin saved first. */
  save: (database: unknown, revision: number) =>
    invokeResolver(ADMIN_RESOLVER_KEYS.save, { database, revision }, saveDataSchema),
  /** Restores a backup (or a bare database document), replacing the database; `confirmHistoryRewrite` after being asked. */
  import: (json: string, revision: number, confirmHistoryRewrite = false) =>
    invokeResolver(ADMIN_RESOLVER_KEYS.import, { json, revision, confirmHistoryRewrite }, saveDataSchema),
  /** A backup of the stored database and its audit log: a file name and compact JSON. */
  export: () => invokeResolver(ADMIN_RESOLVER_KEYS.export, {}, exportDataSchema),
  /** Jira priorities, statuses and service desks with their request types. */
  jiraOptions: () => invokeResolver(ADMIN_RESOLVER_KEYS.jiraOptions, {}, jiraOptionsDataSchema),
  /** Starts the rebuild of the compliance aggregates; answers the job id. */
  rebuildAggregates: () =>
    invokeResolver(ADMIN_RESOLVER_KEYS.rebuildAggregates, {}, rebuildDataSchema),
};
