/**
 * The backup file `admin/export` answers and `admin/import` restores: the contract database with its
 * audit log. Backend-only (the admin page downloads and uploads the text without parsing it as a
 * backup), so it stays out of the Custom UI bundle.
 *
 * Pure zod: no I/O, no Forge.
 */
import { z } from 'zod';
import { AUDIT_LOG_LIMITS, auditEntrySchema, databaseRevisionSchema } from './admin-api';
import { strictObject } from './strict-object';

/** The format of a backup file (an export): the database and its audit log. */
export const BACKUP_FORMAT = 'contract-clock-backup';

/**
 * A backup as exported: what an import restores. An import also accepts a bare database document
 * (schema version 1 or 2), as older exports and hand-written files are.
 */
export const backupSchema = strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: z.iso.datetime({ offset: true }),
  /** The revision exported; informative (an import is checked against the revision the admin loaded). */
  revision: databaseRevisionSchema,
  database: z.unknown(),
  auditLog: z.array(auditEntrySchema).max(AUDIT_LOG_LIMITS.maxEntries),
});
export type Backup = z.infer<typeof backupSchema>;

