/**
 * The sandbox's Jira dashboard: which gadgets it holds and the configuration Jira saved for each.
 * In Jira, a Forge gadget's edit view calls `view.submit(payload)` and Jira keeps that payload for the
 * gadget, handing it back as `extension.gadgetConfiguration` in the gadget's context (and its
 * resolver's) — the "Jira dashboard gadget" manifest reference (developer.atlassian.com/platform/
 * forge/manifest-reference/modules/jira-dashboard-gadget: "Extension context: gadgetConfiguration").
 * Here the dashboard is a JSON file in the sandbox's state folder, written atomically.
 *
 * The demo dashboard holds two gadgets of the app's `jira:dashboardGadget` module: one nobody has
 * configured yet (the app shows its default) and one a manager set to one customer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../site-files';

export const gadgetInstanceSchema = z.object({
  /** Jira's gadget id (dashboard item id), unique on the dashboard. */
  id: z.string().regex(/^\d+$/),
  moduleKey: z.string().min(1),
  /** What `view.submit` saved; `{}` until the gadget is configured. */
  configuration: z.record(z.string(), z.unknown()),
});
export type GadgetInstance = z.infer<typeof gadgetInstanceSchema>;

const dashboardFileSchema = z.object({ schemaVersion: z.literal(1), dashboardId: z.string(), gadgets: z.array(gadgetInstanceSchema) });

/** Jira keeps a gadget's configuration as a dashboard item property; 32 KB is that limit. */
export const GADGET_CONFIGURATION_MAX_CHARS = 32_768;

export interface DashboardStore {
  readonly dashboardId: string;
  list(): GadgetInstance[];
  find(gadgetId: string): GadgetInstance | null;
  /** Saves what the edit view submitted; throws a RangeError for an unknown gadget or a too large value. */
  saveConfiguration(gadgetId: string, configuration: Record<string, unknown>): GadgetInstance;
  /** Back to the demo dashboard. */
  reset(): void;
}

/** The demo dashboard for a gadget module (none when the manifest declares no gadget). */
export function demoGadgets(gadgetModuleKey: string | null): GadgetInstance[] {
  if (gadgetModuleKey === null) return [];
  return [
    { id: '10001', moduleKey: gadgetModuleKey, configuration: {} },
    { id: '10002', moduleKey: gadgetModuleKey, configuration: { customerId: 'acme', period: { kind: 'preset', preset: 'this-quarter' } } },
  ];
}

/**
 * @example const dashboard = openDashboardStore(files.dashboard, demoGadgets('contract-clock-compliance-gadget'));
 */
export function openDashboardStore(file: string, defaults: readonly GadgetInstance[]): DashboardStore {
  const dashboardId = '10000';
  let gadgets: GadgetInstance[] = structuredClone([...defaults]);
  if (existsSync(file)) {
    const parsed = dashboardFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    // A dashboard from another version of the sandbox is replaced by the demo one.
    if (parsed.success) gadgets = parsed.data.gadgets;
  }
  const save = (): void => {
    writeFileAtomic(file, JSON.stringify({ schemaVersion: 1, dashboardId, gadgets }, null, 2));
  };
  return {
    dashboardId,
    list: () => structuredClone(gadgets),
    find: (gadgetId) => structuredClone(gadgets.find((g) => g.id === gadgetId) ?? null),
    saveConfiguration: (gadgetId, configuration) => {
      const gadget = gadgets.find((g) => g.id === gadgetId);
      if (gadget === undefined) throw new RangeError(`The dashboard has no gadget ${gadgetId}.`);
      if (JSON.stringify(configuration).length > GADGET_CONFIGURATION_MAX_CHARS) {
        throw new RangeError(`A gadget configuration is at most ${GADGET_CONFIGURATION_MAX_CHARS} characters of JSON.`);
      }
      gadget.configuration = structuredClone(configuration);
      save();
      return structuredClone(gadget);
    },
    reset: () => {
      gadgets = structuredClone([...defaults]);
      save();
    },
  };
}
