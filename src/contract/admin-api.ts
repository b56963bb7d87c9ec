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
import { priorityClassSchema } from './building-blocks';
import { holidaySchema } from './calendar';
import { CONTRACT_DATABASE_LIMITS, contractDatabaseShape } from './contract-database-shape';
import { explanationStepSchema } from './explanation';
import { adminRenewalSchema } from './renewals-api';
import { strictObject } from './strict-object';

export const ADMIN_RESOLVER_KEYS = {
  get: 'admin/get',
  validate: 'admin/validate',
  save: 'admin/save',
  import: 'admin/import',
  export: 'admin/export',
  auditLog: 'admin/audit-log',
  displayNames: 'admin/display-names',
  jiraOptions: 'admin/jira-options',
  rebuildAggregates: 'admin/rebuild-aggregates',
  preview: 'admin/preview',
  reapplyPreview: 'admin/reapply-preview',
  reapplyApply: 'admin/reapply-apply',
  reapplyStatus: 'admin/reapply-status',
  parseIcs: 'admin/parse-ics',
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
  /** Account ids per `admin/display-names` call (an audit page's authors at most). */
  displayNamesMax: 100,
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

/** The accounts whose display names the audit log shows (its entries' `by`). */
export const displayNamesPayloadSchema = strictObject({
  accountIds: z.array(z.string().min(1).max(128)).min(1).max(ADMIN_LIMITS.displayNamesMax),
});

/** Display name per account id; an account Jira gave no name for (unknown, hidden, refused) is absent. */
export const displayNamesDataSchema = z.object({ names: z.record(z.string(), z.string()) });
export type DisplayNamesData = z.infer<typeof displayNamesDataSchema>;

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

/** What a contract's version in force today (contract's zone) is worth (minor units of `currency`). */
export const valueInForceSchema = z.object({
  contractId: z.string(),
  currency: z.string(),
  /** Today in the contract's zone. */
  today: z.string(),
  /** Null when no version is in force today (not started yet, or ended). */
  inForce: z
    .object({
      version: z.number().int().positive(),
      /** The price period today falls in (a new level revision may change the value within a version). */
      from: z.string(),
      to: z.string().nullable(),
      monthlyMinor: z.number().int().nonnegative(),
      yearlyMinor: z.number().int().nonnegative(),
      /** Covered services without any price: the value leaves them out. */
      unpricedServiceIds: z.array(z.string()),
    })
    .nullable(),
});
export type ValueInForceData = z.infer<typeof valueInForceSchema>;

/** A health warning of the overview (issue 12.9); src/domain/database-health.ts computes them. */
export const healthWarningSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('calendar-without-holidays'), calendarId: z.string(), calendarName: z.string(), year: z.number().int() }),
  z.object({ kind: z.literal('notice-passed'), contractId: z.string(), contractName: z.string(), version: z.number().int(), noticeDate: z.string(), endDate: z.string().nullable() }),
  z.object({ kind: z.literal('notice-near'), contractId: z.string(), contractName: z.string(), version: z.number().int(), noticeDate: z.string(), days: z.number().int() }),
  z.object({ kind: z.literal('contract-expired'), contractId: z.string(), contractName: z.string(), endedOn: z.string(), organizations: z.number().int() }),
  z.object({ kind: z.literal('level-without-objective'), levelId: z.string(), levelName: z.string() }),
]);
export type HealthWarningData = z.infer<typeof healthWarningSchema>;

/** What the forms show as fixed, because requests used it (src/domain/database-history.ts historyLocks). */
export const historyLocksSchema = z.object({
  contracts: z.record(z.string(), z.object({ today: z.string(), startedVersions: z.array(z.number().int()) })),
  levels: z.record(z.string(), z.object({ today: z.string(), inUse: z.boolean(), fixedRevisions: z.array(z.string()) })),
  calendars: z.record(z.string(), z.object({ today: z.string(), inUse: z.boolean() })),
});
export type HistoryLocksData = z.infer<typeof historyLocksSchema>;

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
  /** Health warnings of the stored database now (issue 12.9). */
  health: z.array(healthWarningSchema),
  /** What requests already used, so the forms offer a new version or revision instead of an edit. */
  locks: historyLocksSchema,
  /** Per contract, the value of the version in force today (issue 14.2). */
  valuesInForce: z.array(valueInForceSchema),
  /** Contracts whose notice date or end of term falls in the next 90 days, with account manager and reminder (issue 14.3). */
  renewals: z.array(adminRenewalSchema),
});
export type AdminGetData = z.infer<typeof adminGetDataSchema>;

/** The example request of a preview, as terms resolution reads a request (names shown in the explanation). */
export const exampleRequestSchema = strictObject({
  organizations: z.array(strictObject({ id: z.string().min(1).max(64), name: z.string().max(255) })).max(100),
  requestType: strictObject({ id: z.string().min(1).max(64), name: z.string().max(255) }).nullable(),
  components: z.array(z.string().min(1).max(255)).max(50),
  labels: z.array(z.string().min(1).max(255)).max(50),
  priority: z.string().min(1).max(255).nullable(),
});
export type ExampleRequestData = z.infer<typeof exampleRequestSchema>;

/** A draft, the revision it was made from, and an example request (null: no example). */
export const previewPayloadSchema = strictObject({
  database: z.unknown(),
  revision: databaseRevisionSchema,
  example: exampleRequestSchema.nullable().default(null),
});

export const previewDataSchema = z.object({
  /** Every problem a save would refuse, in the caller's language; none: Save stores it. */
  errors: z.array(validationErrorSchema),
  /** Another admin saved since the page loaded. */
  stale: z.boolean(),
  /** What a save would change, as the audit log will read. */
  changes: z.array(z.string()),
  example: z
    .object({
      status: z.enum(['covered', 'fallback', 'uncovered']),
      createdAt: z.string(),
      deadline: z.string().nullable(),
      responseDeadline: z.string().nullable(),
      timeZone: z.string().nullable(),
      calendar: z.object({ name: z.string(), timeZone: z.string() }).nullable(),
      priorityClass: priorityClassSchema,
      resolutionMinutes: z.number().int().nullable(),
      responseMinutes: z.number().int().nullable(),
      /** The explanation as the panel shows it, in the caller's language. */
      explanation: z.array(explanationStepSchema),
    })
    .nullable(),
});
export type PreviewData = z.infer<typeof previewDataSchema>;

/** A re-apply job's progress: requests looked at and what became of them (stored and shown alike). */
export const reapplyCountsShape = {
  scanned: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** Of the changed ones: deadline earlier, later, or gained / lost one. */
  earlier: z.number().int().nonnegative(),
  later: z.number().int().nonnegative(),
  /** The largest moves, in minutes of real time (not business time). */
  mostEarlierMinutes: z.number().nonnegative(),
  mostLaterMinutes: z.number().nonnegative(),
};

/** A re-apply job as the page shows it (src/app/reapply-open-clocks.ts). */
export const reapplyJobDataSchema = z.object({
  jobId: z.string(),
  kind: z.enum(['preview', 'apply']),
  databaseRevision: z.number().int().nonnegative(),
  previewJobId: z.string().nullable(),
  startedBy: z.string(),
  startedAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(['running', 'done', 'stale', 'failed']),
  ...reapplyCountsShape,
  moves: z.array(
    z.object({ issueKey: z.string(), from: z.string().nullable(), to: z.string().nullable(), fromTerms: z.string().nullable(), toTerms: z.string().nullable() }),
  ),
});
export type ReapplyJobData = z.infer<typeof reapplyJobDataSchema>;

export const reapplyApplyPayloadSchema = strictObject({
  /** The finished preview this confirms: its revision must still be the stored one. */
  previewJobId: z.string().min(1).max(100),
  /** Why, for each request's history (the panel shows it). */
  reason: z.string().trim().min(3, 'reason: say why, in a few words.').max(500),
});
export const reapplyStatusPayloadSchema = strictObject({ jobId: z.string().min(1).max(100) });
export const reapplyDataSchema = z.object({ job: reapplyJobDataSchema });

/** An iCalendar file's text, read in the browser (at most 1 MB). */
export const parseIcsPayloadSchema = strictObject({
  text: z.string().min(1, 'text: the file is empty.').max(1_000_000, 'text: the file is larger than 1 MB.'),
});
export const parseIcsDataSchema = z.object({ holidays: z.array(holidaySchema), skipped: z.number().int().nonnegative() });

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

/** At most this many of the site's labels are offered (Jira lists them all; rules may name others). */
export const JIRA_OPTIONS_LIMITS = { labels: 5000 } as const;

export const jiraOptionsDataSchema = z.object({
  priorities: z.array(z.string()),
  statuses: z.array(z.object({ name: z.string(), category: z.string() })),
  serviceDesks: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      projectId: z.string(),
      requestTypes: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  ),
  /** Component names of the service projects (a rule matches a name, case-insensitively), each with the projects that have it. */
  components: z.array(z.object({ name: z.string(), projects: z.array(z.string()) })),
  /** The site's labels (at most JIRA_OPTIONS_LIMITS.labels); `labelsComplete` false when there are more. */
  labels: z.array(z.string()),
  labelsComplete: z.boolean(),
  /** The site's JSM organizations by name. */
  organizations: z.array(z.object({ id: z.string(), name: z.string() })),
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
  [ADMIN_RESOLVER_KEYS.displayNames]: { payload: displayNamesPayloadSchema, data: displayNamesDataSchema },
  [ADMIN_RESOLVER_KEYS.jiraOptions]: { payload: emptyPayloadSchema, data: jiraOptionsDataSchema },
  [ADMIN_RESOLVER_KEYS.rebuildAggregates]: { payload: emptyPayloadSchema, data: rebuildDataSchema },
  [ADMIN_RESOLVER_KEYS.preview]: { payload: previewPayloadSchema, data: previewDataSchema },
  [ADMIN_RESOLVER_KEYS.reapplyPreview]: { payload: emptyPayloadSchema, data: reapplyDataSchema },
  [ADMIN_RESOLVER_KEYS.reapplyApply]: { payload: reapplyApplyPayloadSchema, data: reapplyDataSchema },
  [ADMIN_RESOLVER_KEYS.reapplyStatus]: { payload: reapplyStatusPayloadSchema, data: reapplyDataSchema },
  [ADMIN_RESOLVER_KEYS.parseIcs]: { payload: parseIcsPayloadSchema, data: parseIcsDataSchema },
} as const;
