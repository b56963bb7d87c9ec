/**
 * The admin settings page's resolver API (`jira:adminPage`): read, validate, save, import and export
 * the whole contract database as one JSON document, the Jira names the editor offers, and the
 * rebuild of compliance aggregates. Every answer uses the envelope of ./envelope.ts.
 *
 * Shared by backend and Custom UI; no I/O.
 */
import { z } from 'zod';
import { contractDatabaseSchema } from './contract-database';

export const ADMIN_RESOLVER_KEYS = {
  get: 'admin/get',
  validate: 'admin/validate',
  save: 'admin/save',
  import: 'admin/import',
  export: 'admin/export',
  jiraOptions: 'admin/jira-options',
  rebuildAggregates: 'admin/rebuild-aggregates',
} as const;
export type AdminResolverKey = (typeof ADMIN_RESOLVER_KEYS)[keyof typeof ADMIN_RESOLVER_KEYS];

export const ADMIN_LIMITS = {
  /** The largest import accepted, in bytes of JSON text (UTF-8). */
  importMaxBytes: 1_048_576,
} as const;

/** One validation error: the dotted path into the document ("(root)" for the root) and what is wrong. */
export const validationErrorSchema = z.object({ path: z.string(), message: z.string() });
export type ValidationError = z.infer<typeof validationErrorSchema>;

export const emptyPayloadSchema = z.object({}).strict();

/** The database as typed in the editor: anything; it is validated as a whole by the resolver. */
export const databasePayloadSchema = z.object({ database: z.unknown() });

export const importPayloadSchema = z.object({
  json: z
    .string({ error: 'json: paste or upload the exported JSON document.' })
    .min(1, 'json: the document is empty.')
    .refine((text) => new TextEncoder().encode(text).length <= ADMIN_LIMITS.importMaxBytes, {
      error: `json: the document is larger than ${ADMIN_LIMITS.importMaxBytes / 1_048_576} MB.`,
    }),
});

export const databaseSummarySchema = z.object({
  calendars: z.number().int().nonnegative(),
  services: z.number().int().nonnegative(),
  levels: z.number().int().nonnegative(),
  contracts: z.number().int().nonnegative(),
  customers: z.number().int().nonnegative(),
});

export const adminGetDataSchema = z.object({
  /** `missing`: nothing saved yet (an empty database is shown); `invalid`: the stored one does not parse. */
  status: z.enum(['found', 'missing', 'invalid']),
  detail: z.string().nullable(),
  database: contractDatabaseSchema,
  summary: databaseSummarySchema,
});
export type AdminGetData = z.infer<typeof adminGetDataSchema>;

export const validateDataSchema = z.object({ valid: z.boolean(), errors: z.array(validationErrorSchema) });
export type ValidateData = z.infer<typeof validateDataSchema>;

export const saveDataSchema = z.object({ unchanged: z.boolean(), summary: databaseSummarySchema });
export type SaveData = z.infer<typeof saveDataSchema>;

export const exportDataSchema = z.object({ fileName: z.string(), json: z.string() });
export type ExportData = z.infer<typeof exportDataSchema>;

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
  [ADMIN_RESOLVER_KEYS.jiraOptions]: { payload: emptyPayloadSchema, data: jiraOptionsDataSchema },
  [ADMIN_RESOLVER_KEYS.rebuildAggregates]: { payload: emptyPayloadSchema, data: rebuildDataSchema },
} as const;
