/**
 * What the emulated Jira site knows about the installed Forge app, read from manifest.yml the way
 * Jira would: the app's custom fields (`jira:customField`, listed in GET /field with a Forge key and
 * writable only by the app) and its indexed issue properties (`jira:entityProperty`, searchable in
 * JQL by `issue.property[key].path` or the alias). Also the app's account, which acts for `asApp()`.
 *
 * Reads manifest.yml only; writes nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

export const appCustomFieldTypeSchema = z.enum(['string', 'number', 'datetime', 'date', 'user', 'group', 'object']);

export const appCustomFieldDefSchema = z.object({
  /** the module key in manifest.yml */
  moduleKey: z.string().min(1),
  name: z.string().min(1),
  description: z.string(),
  type: appCustomFieldTypeSchema,
  readOnly: z.boolean(),
});
export type AppCustomFieldDef = z.infer<typeof appCustomFieldDefSchema>;

export const indexedPropertyTypeSchema = z.enum(['number', 'string', 'text', 'user', 'date']);

export const indexedPropertyDefSchema = z.object({
  propertyKey: z.string().min(1),
  /** dot path inside the property value, e.g. `terms.level.name` */
  path: z.string().min(1),
  type: indexedPropertyTypeSchema,
  searchAlias: z.string().min(1).optional(),
});
export type IndexedPropertyDef = z.infer<typeof indexedPropertyDefSchema>;

export const jiraAppDefinitionSchema = z.object({
  /** the uuid of `app.id` */
  appId: z.string().min(1),
  /** the installation's environment (a uuid in real Forge) */
  environmentId: z.string().min(1),
  /** DEVELOPMENT / STAGING / PRODUCTION, part of the field key Jira shows */
  environmentKey: z.string().min(1),
  /** display name of the app's account */
  name: z.string().min(1),
  /** the app user's accountId (what `asApp()` calls act as) */
  accountId: z.string().min(1),
  customFields: z.array(appCustomFieldDefSchema),
  indexedProperties: z.array(indexedPropertyDefSchema),
  /** the manifest's `permissions.scopes`: what the app may call, and what users consent to */
  scopes: z.array(z.string()),
});
export type JiraAppDefinition = z.infer<typeof jiraAppDefinitionSchema>;

const manifestSchema = z.object({
  app: z.object({ id: z.string().regex(/^ari:cloud:ecosystem::app\/.+$/, 'app.id must be an app ARI') }),
  permissions: z.looseObject({ scopes: z.array(z.string()).default([]) }).default({ scopes: [] }),
  modules: z.object({
    'jira:customField': z
      .array(
        z.object({
          key: z.string(),
          name: z.string(),
          description: z.string().default(''),
          type: appCustomFieldTypeSchema,
          readOnly: z.boolean().default(false),
        }),
      )
      .default([]),
    'jira:entityProperty': z
      .array(
        z.object({
          entityType: z.string().default('issue'),
          propertyKey: z.string(),
          values: z.array(z.object({ path: z.string(), type: indexedPropertyTypeSchema, searchAlias: z.string().optional() })),
        }),
      )
      .default([]),
  }),
});

export interface ReadAppDefinitionOptions {
  /** default: the manifest.yml at the repository root */
  manifestPath?: string;
  environmentId?: string;
  environmentKey?: string;
  name?: string;
  accountId?: string;
  /** scopes instead of the manifest's (tests of a missing scope) */
  scopes?: readonly string[];
}

/**
 * Reads the app's custom fields and indexed properties from manifest.yml.
 *
 * @example readJiraAppDefinition().customFields[0]?.moduleKey // 'contract-deadline'
 */
export function readJiraAppDefinition(options: ReadAppDefinitionOptions = {}): JiraAppDefinition {
  const manifestPath = options.manifestPath ?? path.resolve(__dirname, '../../manifest.yml');
  const manifest = manifestSchema.parse(parse(readFileSync(manifestPath, 'utf8')));
  const appId = manifest.app.id.slice('ari:cloud:ecosystem::app/'.length);
  return {
    appId,
    environmentId: options.environmentId ?? '5a6d7b1e-0000-4000-8000-5a0db0c10c00',
    environmentKey: options.environmentKey ?? 'DEVELOPMENT',
    name: options.name ?? 'Contract Clock',
    accountId: options.accountId ?? '712020:5ab0c10c-c0a7-4c1c-8000-00000000a991',
    scopes: [...(options.scopes ?? manifest.permissions.scopes)],
    customFields: manifest.modules['jira:customField'].map((field) => ({
      moduleKey: field.key,
      name: field.name,
      description: field.description,
      type: field.type,
      readOnly: field.readOnly,
    })),
    indexedProperties: manifest.modules['jira:entityProperty']
      .filter((module) => module.entityType === 'issue')
      .flatMap((module) =>
        module.values.map((value) => ({
          propertyKey: module.propertyKey,
          path: value.path,
          type: value.type,
          ...(value.searchAlias === undefined ? {} : { searchAlias: value.searchAlias }),
        })),
      ),
  };
}
