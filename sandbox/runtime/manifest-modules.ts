/**
 * Reads manifest.yml the way the Forge platform would, for the sandbox: which Custom UI modules
 * exist (module type, key, resource folder, resolver function), which functions handle which
 * product events, the scheduled trigger and the queue consumers. The sandbox looks module keys and
 * resource paths up here instead of hard-coding them, so it follows the manifest.
 *
 * Read-only; it never writes the manifest.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** `displayConditions` of a Jira module; the sandbox honours `jiraExpression` (forge-expression.ts). */
const displayConditionsSchema = z.looseObject({ jiraExpression: z.string().optional() });
const uiModuleSchema = z.object({
  key: z.string(),
  resource: z.string(),
  resolver: z.object({ function: z.string() }).optional(),
  title: z.string().optional(),
  displayConditions: displayConditionsSchema.optional(),
  /** `jira:adminPage`: the app's Configure page (Manage apps' Configure button), not in the sidebar. */
  useAsConfig: z.boolean().optional(),
  /** Which unlicensed account types Forge runs the module for (portal modules); absent: licensed users only. */
  unlicensedAccess: z.array(z.enum(['customer', 'unlicensed', 'anonymous'])).optional(),
});
/** A trigger's `filter` (manifest reference, trigger module, "Filter reference"). */
export const triggerFilterSchema = z.object({
  ignoreSelf: z.boolean().optional(),
  expression: z.string().optional(),
  onError: z.enum(['IGNORE', 'IGNORE_AND_LOG', 'RECEIVE', 'RECEIVE_AND_LOG']).default('IGNORE_AND_LOG'),
});
export type TriggerFilter = z.infer<typeof triggerFilterSchema>;
const triggerSchema = z.object({ key: z.string(), function: z.string(), events: z.array(z.string()), filter: triggerFilterSchema.optional() });
const scheduledSchema = z.object({ key: z.string(), function: z.string(), interval: z.string() });
const consumerSchema = z.object({
  key: z.string(),
  queue: z.string(),
  resolver: z.object({ function: z.string(), method: z.string() }),
});
const functionSchema = z.object({ key: z.string(), handler: z.string(), timeoutSeconds: z.number().int().min(1).max(900).optional() });

const manifestSchema = z.object({
  modules: z.record(z.string(), z.array(z.unknown())),
  resources: z.array(z.object({ key: z.string(), path: z.string() })).default([]),
  app: z.object({ id: z.string() }),
  permissions: z.looseObject({ scopes: z.array(z.string()).optional() }).optional(),
});

/** The Custom UI module types the sandbox knows how to host. */
export const hostedModuleTypes = [
  'jira:issuePanel',
  'jira:adminPage',
  'jira:dashboardGadget',
  'jira:globalPage',
  'jiraServiceManagement:queuePage',
  'jiraServiceManagement:portalRequestDetailPanel',
  'jiraServiceManagement:portalProfilePanel',
] as const;
export type HostedModuleType = (typeof hostedModuleTypes)[number];

export interface UiModule {
  type: HostedModuleType;
  key: string;
  title: string;
  /** resource key from the manifest */
  resource: string;
  /** folder of the built bundle, absolute */
  resourceDir: string;
  /** function module key of the resolver, when the module has one */
  resolverFunction: string | null;
  /** `displayConditions.jiraExpression`, when the module declares one */
  displayCondition: string | null;
  /** An admin page with `useAsConfig: true`: opened by Configure, at /admin/configure in the sandbox. */
  useAsConfig: boolean;
  /** the unlicensed account types Forge runs the module for (`unlicensedAccess`); [] = licensed users only */
  unlicensedAccess: ('customer' | 'unlicensed' | 'anonymous')[];
}

export interface ManifestModules {
  appId: string;
  uiModules: UiModule[];
  triggers: z.infer<typeof triggerSchema>[];
  scheduledTriggers: z.infer<typeof scheduledSchema>[];
  consumers: z.infer<typeof consumerSchema>[];
  /** function key → handler ("index.onIssueCreated") */
  functions: Map<string, string>;
  /** function key → its declared `timeoutSeconds` (only functions that declare one) */
  functionTimeouts: Map<string, number>;
  /** the manifest's `permissions.scopes` */
  scopes: string[];
}

/**
 * Parses manifest.yml (default: the one at the repository root).
 *
 * @example readManifestModules().uiModules.find((m) => m.type === 'jira:issuePanel')?.key // 'contract-clock-panel'
 */
export function readManifestModules(manifestPath = path.resolve(__dirname, '../../manifest.yml')): ManifestModules {
  const root = path.dirname(manifestPath);
  const manifest = manifestSchema.parse(parse(readFileSync(manifestPath, 'utf8')));
  const resources = new Map(manifest.resources.map((r) => [r.key, path.resolve(root, r.path)]));
  const uiModules: UiModule[] = [];
  for (const type of hostedModuleTypes) {
    for (const raw of manifest.modules[type] ?? []) {
      const module = uiModuleSchema.parse(raw);
      const resourceDir = resources.get(module.resource);
      if (resourceDir === undefined) {
        throw new Error(`manifest.yml: module ${module.key} names resource "${module.resource}", which is not declared.`);
      }
      uiModules.push({
        type,
        key: module.key,
        title: module.title ?? module.key,
        resource: module.resource,
        resourceDir,
        resolverFunction: module.resolver?.function ?? null,
        displayCondition: module.displayConditions?.jiraExpression ?? null,
        useAsConfig: module.useAsConfig === true,
        unlicensedAccess: module.unlicensedAccess ?? [],
      });
    }
  }
  const list = <T extends z.ZodType>(type: string, schema: T): z.infer<T>[] =>
    (manifest.modules[type] ?? []).map((m) => schema.parse(m));
  const functions = list('function', functionSchema);
  return {
    appId: manifest.app.id,
    uiModules,
    triggers: list('trigger', triggerSchema),
    scheduledTriggers: list('scheduledTrigger', scheduledSchema),
    consumers: list('consumer', consumerSchema),
    functions: new Map(functions.map((f) => [f.key, f.handler])),
    functionTimeouts: new Map(functions.flatMap((f) => (f.timeoutSeconds === undefined ? [] : [[f.key, f.timeoutSeconds] as const]))),
    scopes: manifest.permissions?.scopes ?? [],
  };
}

/** The first UI module of a type (of the Configure pages with `config`), or null when the manifest declares none (surface not built yet). */
export function findUiModule(modules: ManifestModules, type: HostedModuleType, which: { config?: boolean } = {}): UiModule | null {
  const config = which.config ?? false;
  return modules.uiModules.find((m) => m.type === type && m.useAsConfig === config) ?? null;
}

/**
 * The queue the consumer with this resolver function listens to (the queue the app's code pushes to
 * for that function), or the fallback when the manifest declares no such consumer.
 *
 * @example consumerQueue(modules, 'on-sweep-event', 'contract-clock-sweep') // 'contract-clock-sweep'
 */
export function consumerQueue(modules: ManifestModules, functionKey: string, fallback: string): string {
  return modules.consumers.find((c) => c.resolver.function === functionKey)?.queue ?? fallback;
}
