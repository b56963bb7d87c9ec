/**
 * Resolvers of the dashboard gadget (`jira:dashboardGadget`), one per key of
 * src/contract/compliance-api.ts. The configuration is the one Jira saved for this gadget and hands
 * over in the Forge context (`extension.gadgetConfiguration`), never the payload; every key checks
 * the caller (Jira admins and service project agents only).
 */
import type { DepsSource } from '../app/deps';
import { loadGadgetOptions, loadGadgetView, type ComplianceCaller } from '../app/gadget-service';
import { isKnownTimeZone } from '../contract/calendar';
import {
  DEFAULT_GADGET_CONFIGURATION,
  emptyPayloadSchema,
  GADGET_RESOLVER_KEYS,
  gadgetConfigurationSchema,
  type GadgetConfiguration,
} from '../contract/compliance-api';
import type { ResolverContext } from '../contract/forge-events';
import { productionDeps } from './production-deps';
import { buildResolver, defineResolver } from './resolver-kit';

/** The caller and the zone "this month" is read in (the context's, a display hint; UTC without one). */
export function complianceCallerOf(accountId: string, context: ResolverContext): ComplianceCaller {
  const zone = context.timezone;
  return { accountId, timeZone: zone !== undefined && isKnownTimeZone(zone) ? zone : 'UTC' };
}

/**
 * The gadget's saved configuration; a gadget nobody configured yet (or one whose saved value no longer
 * parses) shows the default: every customer, the last full quarter.
 */
export function gadgetConfigurationOf(context: ResolverContext): GadgetConfiguration {
  const parsed = gadgetConfigurationSchema.safeParse(context.extension.gadgetConfiguration ?? {});
  return parsed.success ? parsed.data : DEFAULT_GADGET_CONFIGURATION;
}

export function createGadgetResolver(deps: DepsSource = productionDeps) {
  return buildResolver('gadget', deps, {
    [GADGET_RESOLVER_KEYS.get]: defineResolver({
      payload: emptyPayloadSchema,
      run: (call) => loadGadgetView(call.deps, complianceCallerOf(call.accountId, call.context), gadgetConfigurationOf(call.context)),
    }),
    [GADGET_RESOLVER_KEYS.options]: defineResolver({
      payload: emptyPayloadSchema,
      run: (call) => loadGadgetOptions(call.deps, complianceCallerOf(call.accountId, call.context), gadgetConfigurationOf(call.context)),
    }),
  });
}

export const gadgetResolver = createGadgetResolver();
