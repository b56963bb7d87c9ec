/**
 * The forms' resolver calls (the admin resolver's `admin/...` keys), each paired with its answer
 * schema from src/contract/admin-api.ts. Every function answers a parsed envelope and never throws.
 */
import { ADMIN_RESOLVER_KEYS as K, adminApi, type ExampleRequestData } from '../../../src/contract/admin-api';
import { invokeResolver } from '../../shared/forge-bridge';

export const termsClient = {
  get: () => invokeResolver(K.get, {}, adminApi[K.get].data),
  jiraOptions: () => invokeResolver(K.jiraOptions, {}, adminApi[K.jiraOptions].data),
  /** Every check of a save, what it would change, and the example's deadline. */
  preview: (database: unknown, revision: number, example: ExampleRequestData | null) =>
    invokeResolver(K.preview, { database, revision, example }, adminApi[K.preview].data),
  save: (database: unknown, revision: number) => invokeResolver(K.save, { database, revision }, adminApi[K.save].data),
  auditLog: (limit: number) => invokeResolver(K.auditLog, { limit }, adminApi[K.auditLog].data),
  /** Display names of accounts (the audit log's authors); one batched Jira look-up. */
  displayNames: (accountIds: string[]) => invokeResolver(K.displayNames, { accountIds }, adminApi[K.displayNames].data),
  parseIcs: (text: string) => invokeResolver(K.parseIcs, { text }, adminApi[K.parseIcs].data),
  reapplyPreview: () => invokeResolver(K.reapplyPreview, {}, adminApi[K.reapplyPreview].data),
  reapplyApply: (previewJobId: string, reason: string) => invokeResolver(K.reapplyApply, { previewJobId, reason }, adminApi[K.reapplyApply].data),
  reapplyStatus: (jobId: string) => invokeResolver(K.reapplyStatus, { jobId }, adminApi[K.reapplyStatus].data),
};
