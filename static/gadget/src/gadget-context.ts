/**
 * What the gadget reads from its Forge context: whether Jira opened the view or the edit view
 * (`extension.entryPoint`), the configuration Jira saved for this gadget
 * (`extension.gadgetConfiguration`; none yet, or one that no longer parses: the default) and the
 * site URL its links point at. The context is outside data, so it is parsed.
 *
 * Pure: no bridge, no React.
 */
import { z } from 'zod';
import { DEFAULT_GADGET_CONFIGURATION, gadgetConfigurationSchema, type GadgetConfiguration } from '../../../src/contract/compliance-api';

export interface GadgetContext {
  readonly entryPoint: 'view' | 'edit';
  readonly configuration: GadgetConfiguration;
  /** `https://example.atlassian.net`, without a trailing slash; '' when unknown (links stay relative). */
  readonly siteUrl: string;
}

const contextSchema = z.object({
  siteUrl: z.string().optional(),
  extension: z.object({ entryPoint: z.string().optional(), gadgetConfiguration: z.unknown().optional() }).optional(),
});

/**
 * @example readGadgetContext({ extension: { entryPoint: 'edit', gadgetConfiguration: {} } }).entryPoint // 'edit'
 */
export function readGadgetContext(raw: unknown): GadgetContext {
  const parsed = contextSchema.safeParse(raw);
  const context = parsed.success ? parsed.data : {};
  const configuration = gadgetConfigurationSchema.safeParse(context.extension?.gadgetConfiguration ?? {});
  return {
    entryPoint: context.extension?.entryPoint === 'edit' ? 'edit' : 'view',
    configuration: configuration.success ? configuration.data : DEFAULT_GADGET_CONFIGURATION,
    siteUrl: (context.siteUrl ?? '').replace(/\/+$/, ''),
  };
}
