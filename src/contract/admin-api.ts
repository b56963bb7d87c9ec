/**
 * The admin settings page's resolver API (`jira:adminPage`): read, validate, save, import and export
 * the whole contract database as one JSON document, its audit log, the Jira names the editor offers,
 * and the rebuild of compliance aggregates. Every answer uses the envelope of ./envelope.ts; every
 * payload is strict (an unknown key is an error naming it).
 *
 * Saves are optimistic: `admin/get` answers the stored `revision`, and `admin/save` / `admin/import`
 * carry the revision the admin loaded; a save that lost a race with another admin's save is refused
 * (`conflict`) instead of overwriting it. `admin/validate` runs exactly the checks of a save.
 *
 * Sizes (every stored database can be exported and imported back, tested at the largest): the
 * database is at most CONTRACT_DATABASE_LIMITS.documentMaxBytes (3.0 MB of compact JSON), the audit
 * log at most AUDIT_LOG_LIMITS.maxBytes, so a backup (compact JSON) is at most
 * ADMIN_LIMITS.importMaxBytes. Forge documents no size limit for resolver payloads and answers; it
 * runs functions on AWS Lambda, whose synchronous invocations carry at most 6 MB each way. The
 * largest import payload and export answer (a JSON string inside JSON: quotes escaped, about +10 %)
 * stay under 4 MB (3.7 MB measured at the largest database with a full audit log), and the admin
 * page minifies a pretty-printed file before sending it.
 *
 * Shared by backend and Custom UI; no I/O.
 */
import { z } from 'zod';
import { CONTRACT_DATABASE_LIMITS, contractDatabaseShape } from './contract-database-shape';
import { strictObject } from './strict-object';

export const ADMIN_RESOLVER_KEYS = {
  get: 'admin/get',
  validate: 'admin/validate',
  save: 'admin/save',
  import: 'admin/import',
  export: 'admin/export',
  auditLog: 'admin/audit-log',
  jiraOptions: 'admin/jira-options',
  rebuildAggregates: 'admin/rebuild-aggregates',
} as const;
export type AdminResolverKey = (typeof ADMIN_RESOLVER_KEYS)[keyof typeof ADMIN_RESOLVER_KEYS];

/** Bounds of the audit log: the newest entries are kept, each with at most so many change lines. */
export const AUDIT_LOG_LIMITS = {
  maxEntries: 100,
  maxChangesPerEntry: 20,
  maxLineLength: 200,
  maxNotes: 10,
  /** One entry as compact JSON, in UTF-8 bytes: lines are dropped from its end until it fits. */
  maxEntryBytes: 6_000,
  /** The whole log as compact JSON: entries × their largest size. */
  maxBytes: 100 * 6_000,
} as const;

export const ADMIN_LIMITS = {
  /**
   * The largest import accepted, in bytes of JSON text (UTF-8): the largest database plus the largest
   * audit log plus the backup's envelope, as compact JSON.
   */
  importMaxBytes: CONTRACT_DATABASE_LIMITS.documentMaxBytes + AUDIT_LOG_LIMITS.maxBytes + 4_096,
  /** Audit entries per `admin/audit-log` page. */
  auditPageMax: 100,
} as const;

/** One validation error: the dotted path into the document ("(root)" for the root) and what is wrong. */
export const validationErrorSchema = z.object({ path: z.string(), message: z.string() });
export type ValidationError = z.infer<typeof validationErrorSchema>;

/** The stored database's revision: 0 before the first save; bumped by every save and import. */
export const databaseRevisionSchema = z.number().int().nonnegative();

export const emptyPayloadSchema = strictObject({});

/** The database as typed in the editor (anything: it is validated as a whole), and the revision the admin loaded. */
export const databasePayloadSchema = strictObject({
  database: z.unknown(),
  revision: databaseRevisionSchema,
});

export const importPayloadSchema = strictObject({
  json: z
    .string({ error: 'json: paste or upload the exported JSON document.' })
    .min(1, 'json: the document is empty.')
    .refine((text) => new TextEncoder().encode(text).length <= ADMIN_LIMITS.importMaxBytes, {
      error: `json: the document is larger than ${(ADMIN_LIMITS.importMaxBytes / 1_000_000).toFixed(1)} MB (as compact JSON).`,
    }),
  revision: databaseRevisionSchema,
  /**
   * Restore even though the backup rewrites history that requests already used (a version or level
   * revision in force removed or changed). Without it such an import is refused with
   * `confirmation-required` and the list of what it would rewrite.
   */
  confirmHistoryRewrite: z.boolean().default(false),
});

export const auditLogPayloadSchema = strictObject({
  limit: z.number().int().min(1).max(ADMIN_LIMITS.auditPageMax).default(20),
  /** `nextCursor` of the previous page. */
  cursor: z.string().min(1).max(2000).optional(),
});

/** One audit log entry: who changed what and when (a readable line per change). */
export const auditEntrySchema = strictObject({
  /** The database revision this save or import produced. */
  revision: z.number().int().positive(),
  at: z.iso.datetime({ offset: true }),
  /** The Atlassian account id of the admin, or `app` (a migration). */
  by: z.string().min(1).max(128),
  action: z.enum(['save', 'import', 'migration']),
  /** Readable lines, e.g. "Level 'Gold': P1 resolution 4 h → 3 h from 2027-01-01"; the first AUDIT_LOG_LIMITS.maxChangesPerEntry. */
  changes: z.array(z.string().max(AUDIT_LOG_LIMITS.maxLineLength + 4)).max(AUDIT_LOG_LIMITS.maxChangesPerEntry),
  /** How many changes there were in all (more than `changes` lists when it was cut). */
  changeCount: z.number().int().nonnegative(),
  /** Migration notes, or what an import with confirmation rewrote. */
  notes: z.array(z.string().max(AUDIT_LOG_LIMITS.maxLineLength + 4)).max(AUDIT_LOG_LIMITS.maxNotes),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The value of one contract version in a period (minor units of the contract's currency). */
export const versionValueSchema = z.object({
  version: z.number().int().positive(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  periods: z.array(
    z.object({ from: z.string(), to: z.string().nullable(), monthlyMinor: z.number().int().nonnegative(), yearlyMinor: z.number().int().nonnegative() }),
  ),
  /** Covered services without any price: the value leaves them out. */
  unpricedServiceIds: z.array(z.string()),
});

export const contractValueSchema = z.object({
  contractId: z.string(),
  currency: z.string(),
  versions: z.array(versionValueSchema),
});
export type ContractValueData = z.infer<typeof contractValueSchema>;

export const databaseSummarySchema = z.object({
  calendars: z.number().int().nonnegative(),
  services: z.number().int().nonnegative(),
  levels: z.number().int().nonnegative(),
  contracts: z.number().int().nonnegative(),
  customers: z.number().int().nonnegative(),
  /** Per contract and version: value per month and per year (issue 14.2). */
  contractValues: z.array(contractValueSchema),
});
export type DatabaseSummary = z.infer<typeof databaseSummarySchema>;

export const adminGetDataSchema = z.object({
  /** `missing`: nothing saved yet (an empty database is shown); `invalid`: the stored one does not parse. */
  status: z.enum(['found', 'missing', 'invalid']),
  detail: z.string().nullable(),
  /** The structure only: the backend checked everything before storing it. */
  database: contractDatabaseShape,
  /** Pass back with save and import: the revision this page shows. */
  revision: databaseRevisionSchema,
  savedAt: z.iso.datetime({ offset: true }).nullable(),
  summary: databaseSummarySchema,
});
export type AdminGetData = z.infer<typeof adminGetDataSchema>;

export const validateDataSchema = z.object({ valid: z.boolean(), errors: z.array(validationErrorSchema) });
export type ValidateData = z.infer<typeof validateDataSchema>;

export const saveDataSchema = z.object({
  unchanged: z.boolean(),
  /** The stored revision now: pass it with the next save. */
  revision: databaseRevisionSchema,
  summary: databaseSummarySchema,
  /** What changed, as written to the audit log. */
  changes: z.array(z.string()),
});
export type SaveData = z.infer<typeof saveDataSchema>;

/** `json`: the backup as compact JSON text; the admin page pretty-prints it into the downloaded file. */
export const exportDataSchema = z.object({ fileName: z.string(), json: z.string() });
export type ExportData = z.infer<typeof exportDataSchema>;

export const auditLogDataSchema = z.object({ entries: z.array(auditEntrySchema), nextCursor: z.string().nullable() });
export type AuditLogData = z.infer<typeof auditLogDataSchema>;

export const jiraOptionsDataSchema = z.object({
  priorities: z.array(z.string()),
  statuses: z.array(z.object({ name: z.string(), category: z.string() })),
  serviceDesks: z.array(
    z.object({ id: z.string(), name: z.string(), requestTypes: z.array(z.object({ id: z.string(), name: z.string() })) }),
  ),
});
export type JiraOptionsData = z.infer<typeof jiraOptionsDataSchema>;

export const rebuildDataSchema = z.object({ jobId: z.string() });
export type RebuildData = z.infer<typeof rebuildDataSchema>;

/** Payload and data schema per resolver key: the single source for backend and UI. */
export const adminApi = {
  [ADMIN_RESOLVER_KEYS.get]: { payload: emptyPayloadSchema, data: adminGetDataSchema },
  [ADMIN_RESOLVER_KEYS.validate]: { payload: databasePayloadSchema, data: validateDataSchema },
  [ADMIN_RESOLVER_KEYS.save]: { payload: databasePayloadSchema, data: saveDataSchema },
  [ADMIN_RESOLVER_KEYS.import]: { payload: importPayloadSchema, data: saveDataSchema },
  [ADMIN_RESOLVER_KEYS.export]: { payload: emptyPayloadSchema, data: exportDataSchema },
  [ADMIN_RESOLVER_KEYS.auditLog]: { payload: auditLogPayloadSchema, data: auditLogDataSchema },
  [ADMIN_RESOLVER_KEYS.jiraOptions]: { payload: emptyPayloadSchema, data: jiraOptionsDataSchema },
  [ADMIN_RESOLVER_KEYS.rebuildAggregates]: { payload: emptyPayloadSchema, data: rebuildDataSchema },
} as const;
